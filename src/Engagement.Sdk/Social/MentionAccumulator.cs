using System.Globalization;
using System.Text.Json.Serialization;


namespace Engagement.Sdk.Social;

/// <summary>
/// A mergeable accumulator of social mentions by sentiment label. <see cref="ToResult"/> gives the
/// <see cref="MentionSummary"/>: mention volume, shares by sentiment and net sentiment.
/// </summary>
/// <remarks>
/// A mutable struct: keep it in a local or a non-readonly field and pass it by <see langword="ref"/>. Merging is
/// associative and commutative; the state (three counts) round-trips through JSON. Not thread-safe.
/// </remarks>
public struct MentionAccumulator : IEquatable<MentionAccumulator>
{
    /// <summary>Restores an accumulator from its state.</summary>
    /// <param name="positive">Positive mentions so far.</param>
    /// <param name="neutral">Neutral mentions so far.</param>
    /// <param name="negative">Negative mentions so far.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    /// <exception cref="OverflowException">The counts add up to more than <see cref="long.MaxValue"/>.</exception>
    [JsonConstructor]
    public MentionAccumulator(long positive, long neutral, long negative)
    {
        Validation.Tally(positive, nameof(positive), neutral, nameof(neutral), negative, nameof(negative));
        Positive = positive;
        Neutral = neutral;
        Negative = negative;
    }

    /// <summary>Gets the positive mentions so far.</summary>
    public long Positive { readonly get; private set; }

    /// <summary>Gets the neutral mentions so far.</summary>
    public long Neutral { readonly get; private set; }

    /// <summary>Gets the negative mentions so far.</summary>
    public long Negative { readonly get; private set; }

    /// <summary>Gets all mentions so far.</summary>
    [JsonIgnore]
    public readonly long Total => Positive + Neutral + Negative;

    /// <summary>Returns whether two accumulators hold the same state.</summary>
    /// <param name="left">The first accumulator.</param>
    /// <param name="right">The second accumulator.</param>
    /// <returns><see langword="true"/> when the three counts are equal.</returns>
    public static bool operator ==(MentionAccumulator left, MentionAccumulator right) => left.Equals(right);

    /// <summary>Returns whether two accumulators hold different states.</summary>
    /// <param name="left">The first accumulator.</param>
    /// <param name="right">The second accumulator.</param>
    /// <returns><see langword="true"/> when a count differs.</returns>
    public static bool operator !=(MentionAccumulator left, MentionAccumulator right) => !left.Equals(right);

    /// <summary>Adds one mention.</summary>
    /// <param name="sentiment">Its sentiment label.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sentiment"/> is not a defined value.</exception>
    public void Add(Sentiment sentiment) => Add(sentiment, 1);

    /// <summary>Adds a number of mentions with the same label.</summary>
    /// <param name="sentiment">Their sentiment label.</param>
    /// <param name="count">How many; 0 or more.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sentiment"/> is not a defined value, or
    /// <paramref name="count"/> is negative.</exception>
    /// <exception cref="OverflowException">The total exceeds <see cref="long.MaxValue"/>.</exception>
    public void Add(Sentiment sentiment, long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Merge(Validation.Defined(sentiment, nameof(sentiment)) switch
        {
            Sentiment.Positive => new MentionAccumulator(count, 0, 0),
            Sentiment.Negative => new MentionAccumulator(0, 0, count),
            _ => new MentionAccumulator(0, count, 0),
        });
    }

    /// <summary>Adds the state of another accumulator to this one.</summary>
    /// <param name="other">The accumulator of another partition.</param>
    /// <exception cref="OverflowException">The total exceeds <see cref="long.MaxValue"/>.</exception>
    public void Merge(in MentionAccumulator other)
    {
        _ = checked(Total + other.Total);
        Positive += other.Positive;
        Neutral += other.Neutral;
        Negative += other.Negative;
    }

    /// <summary>Returns the summary of the mentions so far.</summary>
    /// <returns>The summary; with no mentions its rates have no value.</returns>
    public readonly MentionSummary ToResult() => new(Positive, Neutral, Negative);

    /// <inheritdoc />
    public readonly bool Equals(MentionAccumulator other) =>
        Positive == other.Positive && Neutral == other.Neutral && Negative == other.Negative;

    /// <inheritdoc />
    public override readonly bool Equals(object? obj) => obj is MentionAccumulator other && Equals(other);

    /// <inheritdoc />
    public override readonly int GetHashCode() => HashCode.Combine(Positive, Neutral, Negative);

    /// <summary>Returns the state as <c>+positive =neutral −negative</c>.</summary>
    /// <returns>A readable description.</returns>
    public override readonly string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"positive {Positive}, neutral {Neutral}, negative {Negative}");
}
