using System.Globalization;
using Engagement.Sdk.Statistics;

namespace Engagement.Sdk.Surveys;

/// <summary>
/// A mergeable accumulator of Net Promoter Score answers on 0–10: counts promoters (9–10), passives (7–8) and
/// detractors (0–6). <see cref="ToResult"/> gives the <see cref="NpsResult"/>.
/// </summary>
/// <remarks>
/// <para>
/// A sealed class, so an accumulator kept in a dictionary or a list is updated in place
/// (<c>byChannel["email"].Add(9)</c>); <see cref="MetricGroups"/> keeps one per key. Merging is associative and
/// commutative, and merging the accumulators of any split of the answers equals accumulating them all. Every update is
/// checked and all-or-nothing. <see cref="GetState"/> / <see cref="FromState"/> save and restore it (see
/// <see cref="NpsState"/>).
/// </para>
/// <para>Not thread-safe: give each thread its own and merge them.</para>
/// </remarks>
public sealed class NpsAccumulator : IMetricAccumulator<NpsAccumulator, NpsResult, NpsState>
{
    private NpsTally _tally;

    /// <summary>Creates an empty accumulator.</summary>
    public NpsAccumulator()
    {
    }

    /// <summary>Gets the definition: <see cref="MetricDefinition.Nps"/>.</summary>
    public MetricDefinition Definition => MetricDefinition.Nps;

    /// <summary>Gets the number of answers so far.</summary>
    public long Count => _tally.Count;

    /// <summary>Gets the answers of 9 or 10 so far.</summary>
    public long Promoters => _tally.Promoters;

    /// <summary>Gets the answers of 7 or 8 so far.</summary>
    public long Passives => _tally.Passives;

    /// <summary>Gets the answers of 0 to 6 so far.</summary>
    public long Detractors => _tally.Detractors;

    /// <inheritdoc />
    public static NpsAccumulator FromState(NpsState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var accumulator = new NpsAccumulator();
        accumulator._tally = new NpsTally(state.Promoters, state.Passives, state.Detractors);
        return accumulator;
    }

    /// <summary>Adds one answer.</summary>
    /// <param name="score">The answer to "How likely are you to recommend …?", from 0 to 10.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="score"/> is outside 0–10.</exception>
    /// <exception cref="OverflowException">The count would exceed <see cref="long.MaxValue"/>; nothing is changed.</exception>
    public void Add(int score) => _tally.Add(score, nameof(score));

    /// <summary>Adds every answer of a span in one pass that allocates nothing, vectorised where the hardware allows.</summary>
    /// <param name="scores">Answers from 0 to 10.</param>
    /// <exception cref="ArgumentOutOfRangeException">An answer is outside 0–10; the message gives its index and value,
    /// and the accumulator is left unchanged.</exception>
    /// <exception cref="OverflowException">The count would exceed <see cref="long.MaxValue"/>; nothing is changed.</exception>
    public void AddRange(ReadOnlySpan<int> scores) => _tally.AddRange(scores, nameof(scores));

    /// <inheritdoc />
    public void Merge(NpsAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        _tally.Merge(other._tally);
    }

    /// <inheritdoc />
    public NpsResult ToResult() => _tally.ToResult();

    /// <inheritdoc />
    public NpsState GetState() => new(NpsState.CurrentVersion, Definition, Promoters, Passives, Detractors);

    /// <summary>Returns the counts as <c>promoters 12, passives 5, detractors 3</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"promoters {Promoters}, passives {Passives}, detractors {Detractors}");
}
