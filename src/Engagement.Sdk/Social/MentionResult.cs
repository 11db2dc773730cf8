using System.Globalization;
using System.Text.Json.Serialization;

using Engagement.Sdk.Statistics;

namespace Engagement.Sdk.Social;

/// <summary>
/// Social mention volume by sentiment: the counts, each label's share with a Wilson interval, and the net sentiment
/// score (positive − negative) / all mentions, from −1 to 1.
/// </summary>
/// <remarks>
/// Net sentiment weighs the balance of opinion against all mentions, neutral ones included, so a brand talked about
/// mostly neutrally scores near 0. Empty input: with no mentions <see cref="NetSentiment"/> and the shares' values are
/// <see langword="null"/>; <c>default(MentionResult)</c> is that empty summary. A small immutable value (its three
/// counts), thread-safe.
/// </remarks>
public readonly struct MentionResult : IEquatable<MentionResult>
{
    /// <summary>Creates the summary of the given counts.</summary>
    /// <param name="positive">Positive mentions.</param>
    /// <param name="neutral">Neutral mentions.</param>
    /// <param name="negative">Negative mentions.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    /// <exception cref="OverflowException">The counts add up to more than <see cref="long.MaxValue"/>.</exception>
    [JsonConstructor]
    public MentionResult(long positive, long neutral, long negative)
    {
        Validation.Tally(positive, nameof(positive), neutral, nameof(neutral), negative, nameof(negative));
        Positive = positive;
        Neutral = neutral;
        Negative = negative;
    }

    /// <summary>Gets the definition: <see cref="MetricDefinition.Mentions"/>.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Every result carries its definition as an instance member.")]
    public MetricDefinition Definition => MetricDefinition.Mentions;

    /// <summary>Gets the positive mentions.</summary>
    public long Positive { get; }

    /// <summary>Gets the neutral mentions.</summary>
    public long Neutral { get; }

    /// <summary>Gets the negative mentions.</summary>
    public long Negative { get; }

    /// <summary>Gets the mention volume: all mentions.</summary>
    public long Total => Positive + Neutral + Negative;

    /// <summary>Gets the positive share of all mentions.</summary>
    public Proportion PositiveShare => new(Positive, Total);

    /// <summary>Gets the neutral share of all mentions.</summary>
    public Proportion NeutralShare => new(Neutral, Total);

    /// <summary>Gets the negative share of all mentions.</summary>
    public Proportion NegativeShare => new(Negative, Total);

    /// <summary>Gets the net sentiment score (positive − negative) / total in [−1, 1], or <see langword="null"/> with no mentions.</summary>
    public double? NetSentiment => Total > 0 ? (double)(Positive - Negative) / Total : null;

    /// <summary>Computes the summary of a span of sentiment labels.</summary>
    /// <param name="mentions">One label per mention.</param>
    /// <returns>The summary; for an empty span its rates have no value.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A label is not a defined <see cref="Sentiment"/>.</exception>
    public static MentionResult Compute(ReadOnlySpan<Sentiment> mentions)
    {
        var tally = default(MentionTally);
        foreach (var sentiment in mentions)
        {
            tally.Add(sentiment, 1, nameof(mentions));
        }

        return tally.ToResult();
    }

    /// <summary>Returns whether two summaries are equal.</summary>
    /// <param name="left">The first summary.</param>
    /// <param name="right">The second summary.</param>
    /// <returns><see langword="true"/> when the three counts are equal.</returns>
    public static bool operator ==(MentionResult left, MentionResult right) => left.Equals(right);

    /// <summary>Returns whether two summaries differ.</summary>
    /// <param name="left">The first summary.</param>
    /// <param name="right">The second summary.</param>
    /// <returns><see langword="true"/> when a count differs.</returns>
    public static bool operator !=(MentionResult left, MentionResult right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(MentionResult other) =>
        Positive == other.Positive && Neutral == other.Neutral && Negative == other.Negative;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is MentionResult other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Positive, Neutral, Negative);

    /// <summary>Returns the summary as <c>120 mentions, net sentiment +0.25</c>, or a "no value" text.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        NetSentiment is { } net
            ? string.Create(CultureInfo.InvariantCulture, $"{Total} mentions, net sentiment {net:+0.00;-0.00;0.00}")
            : "0 mentions, net sentiment: no value";
}
