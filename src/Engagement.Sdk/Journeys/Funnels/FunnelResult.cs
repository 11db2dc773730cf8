using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using Engagement.Sdk.Statistics;

namespace Engagement.Sdk.Journeys;

/// <summary>
/// The result of a funnel: per step the customers reached, conversion from the previous and the first step, drop-off,
/// who dropped, and time to convert; the excluded customers; and, with a breakdown, one result per breakdown value.
/// </summary>
/// <remarks>
/// <para>
/// Empty input: with no customer at step 0, <see cref="HasValue"/> is <see langword="false"/>, every proportion has no
/// value and every time is <see langword="null"/>.
/// </para>
/// <para>
/// A customer's breakdown value is that of the anchor (step-0 event) of the attempt chosen for time to convert: the
/// one that reaches the customer's depth earliest, ties to the latest anchor (see docs/journeys.md). Customers whose
/// anchor has no value are in the entry whose <see cref="BreakdownValue"/> is <see langword="null"/>, shown as
/// <c>(none)</c>.
/// </para>
/// <para>
/// Immutable and thread-safe; equal when the funnel, the customers scanned and the segments are. In JSON the steps,
/// excluded ids and conversion rate are written for readers and checked when read; the result is rebuilt from
/// <c>funnel</c>, <c>customers</c> and <c>segments</c>.
/// </para>
/// </remarks>
public sealed class FunnelResult : IEquatable<FunnelResult>
{
    private readonly bool _isBreakdownEntry;
    private IReadOnlyList<FunnelResult>? _breakdown;

    /// <summary>Creates the result of a funnel's data.</summary>
    /// <param name="funnel">The funnel's definition.</param>
    /// <param name="customers">Every customer scanned, whether or not it entered the funnel.</param>
    /// <param name="segments">The segments, one per breakdown value, checked against the funnel as
    /// <see cref="FunnelState"/> checks them.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The segments do not fit the funnel.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="customers"/> is negative or less than the customers
    /// in the segments.</exception>
    [JsonConstructor]
    public FunnelResult(FunnelDefinition funnel, long customers, IReadOnlyList<FunnelSegment> segments)
        : this(funnel ?? throw new ArgumentNullException(nameof(funnel)), customers, FunnelState.CheckSegments(funnel, customers, segments), false)
    {
    }

    private FunnelResult(FunnelDefinition funnel, long customers, IReadOnlyList<FunnelSegment> segments, bool isBreakdownEntry)
    {
        Funnel = funnel;
        Customers = customers;
        Segments = segments;
        _isBreakdownEntry = isBreakdownEntry;
        var steps = funnel.Steps.Count;

        // One segment (no breakdown, or an entry of one) is used as it is: its lists are sorted and checked already.
        var all = segments.Count == 1 ? segments[0] : Combine(steps, segments);
        var reached = new long[steps + 1];
        for (var d = steps - 1; d >= 0; d--)
        {
            reached[d] = reached[d + 1] + all.CustomersByDepth[d].Count;
        }

        var results = new FunnelStepResult[steps];
        for (var k = 0; k < steps; k++)
        {
            results[k] = k == 0
                ? new FunnelStepResult(0, funnel.Steps[0], reached[0], reached[0], reached[0], [], TimeDistribution.Empty)
                : new FunnelStepResult(k, funnel.Steps[k], reached[0], reached[k - 1], reached[k], all.CustomersByDepth[k - 1], TimeDistribution.From(all.TimeToConvert[k - 1], nameof(segments)));
        }

        Steps = Array.AsReadOnly(results);
        ExcludedIds = all.Excluded;
        BreakdownValue = isBreakdownEntry ? segments[0].Value : null;
    }

    /// <summary>Gets the definition: <see cref="MetricDefinition.Funnel"/>.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Every result carries its definition as an instance member.")]
    public MetricDefinition Definition => MetricDefinition.Funnel;

    /// <summary>Gets the funnel's own definition.</summary>
    public FunnelDefinition Funnel { get; }

    /// <summary>Gets every customer scanned, whether or not it entered the funnel; for a breakdown entry, the customers
    /// of its segment (entered or excluded).</summary>
    public long Customers { get; }

    /// <summary>Gets the data the result is computed from, one segment per breakdown value.</summary>
    public IReadOnlyList<FunnelSegment> Segments { get; }

    /// <summary>Gets one result per step, in funnel order.</summary>
    public IReadOnlyList<FunnelStepResult> Steps { get; }

    /// <summary>Gets the ids of the customers the exclusions removed from the funnel, in ordinal order.</summary>
    public IReadOnlyList<string> ExcludedIds { get; }

    /// <summary>Gets the conversion through the whole funnel: customers who reached the last step out of those who
    /// reached the first.</summary>
    public Proportion ConversionRate => Steps[^1].FromFirst;

    /// <summary>Gets whether the result has a value, that is whether any customer reached step 0.</summary>
    [JsonIgnore]
    public bool HasValue => Steps[0].Customers > 0;

    /// <summary>
    /// Gets the funnel's worst pain point: the step after step 0 where the most customers dropped out
    /// (<see cref="FunnelStepResult.DropOff"/>, the earliest such step on a tie), with the ids of those customers in
    /// <see cref="FunnelStepResult.DroppedIds"/> for a host to respond to; <see langword="null"/> when no customer dropped.
    /// </summary>
    [JsonIgnore]
    public FunnelStepResult? LargestDropOff
    {
        get
        {
            FunnelStepResult? largest = null;
            foreach (var step in Steps.Skip(1))
            {
                if (step.DropOff > (largest?.DropOff ?? 0))
                {
                    largest = step;
                }
            }

            return largest;
        }
    }

    /// <summary>Gets the breakdown value of an entry of <see cref="Breakdown"/> (<see langword="null"/> for customers
    /// without one); <see langword="null"/> for the overall result.</summary>
    [JsonIgnore]
    public string? BreakdownValue { get; }

    /// <summary>Gets one result per breakdown value (no value first, then in ordinal order); empty for a funnel
    /// without a breakdown and for an entry of a breakdown.</summary>
    [JsonIgnore]
    public IReadOnlyList<FunnelResult> Breakdown => _breakdown ??= CreateBreakdown();

    /// <inheritdoc />
    public bool Equals(FunnelResult? other) =>
        other is not null && Funnel == other.Funnel && Customers == other.Customers && Segments.SequenceEqual(other.Segments);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as FunnelResult);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Funnel, Customers, Segments.Count);

    /// <summary>Returns the result as one line per step.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        if (_isBreakdownEntry)
        {
            text.Append(BreakdownValue is null ? "(none)" : $"'{Validation.Echo(BreakdownValue)}'").Append(": ");
        }

        text.Append(CultureInfo.InvariantCulture, $"{Funnel.Mode} funnel, {Customers} customers, {ExcludedIds.Count} excluded");
        foreach (var step in Steps)
        {
            text.AppendLine().Append(step);
        }

        return text.ToString();
    }

    private static FunnelSegment Combine(int steps, IReadOnlyList<FunnelSegment> segments)
    {
        var all = new FunnelTally(steps);
        foreach (var segment in segments)
        {
            var tally = FunnelTally.From(segment);
            all.MergeFrom(tally, all.MergedTimes(tally));
        }

        return all.ToSegment(null);
    }

    private FunnelResult[] CreateBreakdown() =>
        _isBreakdownEntry || Funnel.Breakdown == FunnelBreakdown.None
            ? []
            : [.. Segments.Select(segment => new FunnelResult(
                Funnel, segment.Excluded.Count + segment.CustomersByDepth.Sum(ids => (long)ids.Count), [segment], isBreakdownEntry: true))];
}
