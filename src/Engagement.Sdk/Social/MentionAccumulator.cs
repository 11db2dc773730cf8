using System.Globalization;
using Engagement.Sdk.Statistics;

namespace Engagement.Sdk.Social;

/// <summary>
/// A mergeable accumulator of social mentions by sentiment label. <see cref="ToResult"/> gives the
/// <see cref="MentionResult"/>: mention volume, shares by sentiment and net sentiment.
/// </summary>
/// <remarks>
/// A sealed class: an accumulator kept in a dictionary or a list is updated in place. Merging is associative and
/// commutative; every update is checked and all-or-nothing; the state round-trips through JSON (see
/// <see cref="MentionState"/>). Not thread-safe: give each thread its own and merge them.
/// </remarks>
public sealed class MentionAccumulator : IMetricAccumulator<MentionAccumulator, MentionResult, MentionState>
{
    private MentionTally _tally;

    /// <summary>Creates an empty accumulator.</summary>
    public MentionAccumulator()
    {
    }

    /// <summary>Gets the definition: <see cref="MetricDefinition.Mentions"/>.</summary>
    public MetricDefinition Definition => MetricDefinition.Mentions;

    /// <summary>Gets all mentions so far.</summary>
    public long Count => _tally.Total;

    /// <summary>Gets the positive mentions so far.</summary>
    public long Positive => _tally.Positive;

    /// <summary>Gets the neutral mentions so far.</summary>
    public long Neutral => _tally.Neutral;

    /// <summary>Gets the negative mentions so far.</summary>
    public long Negative => _tally.Negative;

    /// <inheritdoc />
    public static MentionAccumulator FromState(MentionState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var accumulator = new MentionAccumulator();
        accumulator._tally = new MentionTally { Positive = state.Positive, Neutral = state.Neutral, Negative = state.Negative };
        return accumulator;
    }

    /// <summary>Adds one mention.</summary>
    /// <param name="sentiment">Its sentiment label.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sentiment"/> is not a defined value.</exception>
    /// <exception cref="OverflowException">The total would exceed <see cref="long.MaxValue"/>; nothing is changed.</exception>
    public void Add(Sentiment sentiment) => _tally.Add(sentiment, 1, nameof(sentiment));

    /// <summary>Adds a number of mentions with the same label.</summary>
    /// <param name="sentiment">Their sentiment label.</param>
    /// <param name="count">How many; 0 or more.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sentiment"/> is not a defined value, or
    /// <paramref name="count"/> is negative.</exception>
    /// <exception cref="OverflowException">The total would exceed <see cref="long.MaxValue"/>; nothing is changed.</exception>
    public void Add(Sentiment sentiment, long count) => _tally.Add(sentiment, count, nameof(sentiment));

    /// <inheritdoc />
    public void Merge(MentionAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        _tally.Merge(other._tally);
    }

    /// <summary>Returns the summary of the mentions so far.</summary>
    /// <returns>The summary; with no mentions its rates have no value.</returns>
    public MentionResult ToResult() => _tally.ToResult();

    /// <inheritdoc />
    public MentionState GetState() => new(MentionState.CurrentVersion, Definition, Positive, Neutral, Negative);

    /// <summary>Returns the state as <c>positive 60, neutral 30, negative 10</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"positive {Positive}, neutral {Neutral}, negative {Negative}");
}
