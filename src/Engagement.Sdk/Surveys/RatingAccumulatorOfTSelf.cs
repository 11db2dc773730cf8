using System.Globalization;
using Engagement.Sdk.Statistics;

namespace Engagement.Sdk.Surveys;

/// <summary>
/// What <see cref="CsatAccumulator"/> and <see cref="CesAccumulator"/> share: a mergeable accumulator of ratings on a
/// scale that counts the answers and those at or above a threshold, and sums the scores and their squares.
/// </summary>
/// <typeparam name="TSelf">The concrete accumulator, so that a CSAT accumulator only merges with CSAT ones.</typeparam>
/// <remarks>
/// The state is integers only, so merging is exactly associative and commutative, and merging the accumulators of any
/// split of the data equals accumulating the whole. Only accumulators of an equal <see cref="Definition"/> merge.
/// Every update is checked and all-or-nothing. Not thread-safe: give each thread its own and merge them.
/// </remarks>
public abstract class RatingAccumulator<TSelf>
    where TSelf : RatingAccumulator<TSelf>
{
    private RatingTally _tally;

    private protected RatingAccumulator(MetricDefinition definition, MetricKind kind)
    {
        ArgumentNullException.ThrowIfNull(definition);
        Definition = definition.RequireKind(kind, nameof(definition));
    }

    /// <summary>Gets what is measured: the kind, the scale and the favourable threshold.</summary>
    public MetricDefinition Definition { get; }

    /// <summary>Gets the rating scale.</summary>
    public RatingScale Scale => Definition.Scale!.Value;

    /// <summary>Gets the lowest score that counts as favourable.</summary>
    public int Threshold => Definition.FavourableThreshold!.Value;

    /// <summary>Gets the answers so far.</summary>
    public long Count => _tally.Count;

    /// <summary>Gets the answers at or above <see cref="Threshold"/> so far.</summary>
    public long Favourable => _tally.Favourable;

    /// <summary>Gets the sum of the scores so far.</summary>
    public long Sum => _tally.Sum;

    /// <summary>Gets the sum of the squared scores so far.</summary>
    public long SumOfSquares => _tally.SumOfSquares;

    /// <summary>Adds one answer.</summary>
    /// <param name="score">The score; on the scale.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="score"/> is off the scale.</exception>
    /// <exception cref="OverflowException">A total would exceed <see cref="long.MaxValue"/>; nothing is changed.</exception>
    public void Add(int score) => _tally.Add(score, Definition, nameof(score));

    /// <summary>Adds every answer of a span in one pass that allocates nothing, vectorised where the hardware allows.</summary>
    /// <param name="scores">Scores on the scale.</param>
    /// <exception cref="ArgumentOutOfRangeException">A score is off the scale; the message gives its index and
    /// value, and the accumulator is left unchanged.</exception>
    /// <exception cref="OverflowException">A total would exceed <see cref="long.MaxValue"/>; nothing is changed.</exception>
    public void AddRange(ReadOnlySpan<int> scores) => _tally.AddRange(scores, Definition, nameof(scores));

    /// <summary>Adds the answers of another accumulator of the same definition to this one.</summary>
    /// <param name="other">The accumulator of another partition; it is not changed. It may be this one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="other"/> has another definition (scale or threshold).</exception>
    /// <exception cref="OverflowException">A total would exceed <see cref="long.MaxValue"/>; nothing is changed.</exception>
    public void Merge(TSelf other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Definition.RequireSame(other.Definition, nameof(other));
        _tally.Merge(other._tally);
    }

    /// <summary>Returns the summary of the answers so far.</summary>
    /// <returns>The result; with no answers it has no value.</returns>
    public RatingResult ToResult() => _tally.ToResult(Definition);

    /// <summary>Returns a snapshot of the state, for persistence or transport.</summary>
    /// <returns>The state; later updates do not change it.</returns>
    public RatingState GetState() => new(RatingState.CurrentVersion, Definition, Count, Favourable, Sum, SumOfSquares);

    /// <summary>Returns the state as <c>CSAT on 1–5, favourable from 4: n = 10, 7 favourable, sum 38</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Definition}: n = {Count}, {Favourable} favourable, sum {Sum}");

    /// <summary>Loads a validated state of this accumulator's kind.</summary>
    private protected static TSelf Restore(RatingState state, MetricKind kind, Func<MetricDefinition, TSelf> create)
    {
        ArgumentNullException.ThrowIfNull(state);
        state.Definition.RequireKind(kind, nameof(state));
        var accumulator = create(state.Definition);
        ((RatingAccumulator<TSelf>)accumulator)._tally = new RatingTally(state.Count, state.Favourable, state.Sum, state.SumOfSquares);
        return accumulator;
    }
}
