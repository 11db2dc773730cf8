using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Sdk.Statistics;

namespace Engagement.Sdk.Journeys;

/// <summary>
/// One step of a funnel's result: the customers who reached it, the conversion from the previous step and from the
/// first, the drop-off and who dropped, and the time to convert from the previous step (ordered funnels).
/// </summary>
/// <remarks>
/// A customer reaches step <c>k</c> when its depth (deepest step) is <c>k</c> or more; it drops at step <c>k</c> when it
/// reached step <c>k − 1</c> but not <c>k</c>. Nobody drops at step 0. Empty input: the proportions have no value and
/// the times are <see langword="null"/>. Immutable and thread-safe; in JSON the derived members are written for readers
/// and checked when read.
/// </remarks>
public sealed class FunnelStepResult : IEquatable<FunnelStepResult>
{
    /// <summary>Creates a step result.</summary>
    /// <param name="index">The 0-based step index.</param>
    /// <param name="step">The step.</param>
    /// <param name="firstCustomers">The customers who reached step 0.</param>
    /// <param name="previousCustomers">The customers who reached the previous step (for step 0, its own customers).</param>
    /// <param name="customers">The customers who reached this step; at most <paramref name="previousCustomers"/>.</param>
    /// <param name="droppedIds">The ids of the customers who reached the previous step but not this one, as many as the
    /// drop-off.</param>
    /// <param name="timeToConvert">The time in ticks from the previous step to this one → customers: one per customer who
    /// reached this step (ordered funnels), or empty.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The dropped ids or the times do not match the counts, or an id is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative or out of order, or a time is negative.</exception>
    [JsonConstructor]
    public FunnelStepResult(
        int index,
        FunnelStep step,
        long firstCustomers,
        long previousCustomers,
        long customers,
        IReadOnlyList<string> droppedIds,
        IReadOnlyDictionary<long, long> timeToConvert)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(droppedIds);
        ArgumentNullException.ThrowIfNull(timeToConvert);
        ArgumentOutOfRangeException.ThrowIfNegative(customers);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(customers, previousCustomers);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(previousCustomers, firstCustomers);
        if (index == 0 && (previousCustomers != customers || firstCustomers != customers))
        {
            throw new ArgumentOutOfRangeException(
                nameof(previousCustomers), previousCustomers, "Step 0 is its own previous and first step: the three counts are equal.");
        }

        if (droppedIds.Count != previousCustomers - customers)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{droppedIds.Count} dropped ids for a drop-off of {previousCustomers - customers}."), nameof(droppedIds));
        }

        var times = TimeDistribution.From(timeToConvert, nameof(timeToConvert));
        var timed = times.Total;
        if (timed != 0 && (timed != customers || index == 0))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{timed} times for {customers} customers at step {index}."), nameof(timeToConvert));
        }

        Index = index;
        Step = step;
        FirstCustomers = firstCustomers;
        PreviousCustomers = previousCustomers;
        Customers = customers;
        DroppedIds = Array.AsReadOnly([.. droppedIds.Select(id => Validation.NotBlank(id, nameof(droppedIds)))]);
        TimeToConvert = times;
        (MeanTimeToConvert, MedianTimeToConvert) = Summarise(times);
    }

    /// <summary>Wraps the sorted, checked lists of a <see cref="FunnelSegment"/>.</summary>
    internal FunnelStepResult(
        int index,
        FunnelStep step,
        long firstCustomers,
        long previousCustomers,
        long customers,
        IReadOnlyList<string> droppedIds,
        TimeDistribution timeToConvert)
    {
        Index = index;
        Step = step;
        FirstCustomers = firstCustomers;
        PreviousCustomers = previousCustomers;
        Customers = customers;
        DroppedIds = droppedIds;
        TimeToConvert = timeToConvert;
        (MeanTimeToConvert, MedianTimeToConvert) = Summarise(timeToConvert);
    }

    /// <summary>Gets the 0-based step index.</summary>
    public int Index { get; }

    /// <summary>Gets the step.</summary>
    public FunnelStep Step { get; }

    /// <summary>Gets the customers who reached step 0.</summary>
    public long FirstCustomers { get; }

    /// <summary>Gets the customers who reached the previous step (for step 0, its own customers).</summary>
    public long PreviousCustomers { get; }

    /// <summary>Gets the customers who reached this step.</summary>
    public long Customers { get; }

    /// <summary>Gets the conversion from the previous step: <see cref="Customers"/> / <see cref="PreviousCustomers"/>.</summary>
    public Proportion FromPrevious => new(Customers, PreviousCustomers);

    /// <summary>Gets the conversion from the first step: <see cref="Customers"/> / <see cref="FirstCustomers"/>.</summary>
    public Proportion FromFirst => new(Customers, FirstCustomers);

    /// <summary>Gets the drop-off: the customers who reached the previous step but not this one (0 at step 0).</summary>
    public long DropOff => PreviousCustomers - Customers;

    /// <summary>Gets the ids of the customers who dropped at this step, in ordinal order.</summary>
    public IReadOnlyList<string> DroppedIds { get; }

    /// <summary>Gets the distribution of the time from the previous step to this one, in ticks → customers, in
    /// increasing order of time; empty at step 0 and outside ordered funnels.</summary>
    public IReadOnlyDictionary<long, long> TimeToConvert { get; }

    /// <summary>Gets the mean time from the previous step to this one, to the nearest tick (halves rounded up), or
    /// <see langword="null"/> when no time was kept.</summary>
    public TimeSpan? MeanTimeToConvert { get; }

    /// <summary>Gets the exact median time from the previous step to this one (the midpoint of the two middle times
    /// for an even count, halves of a tick rounded up), or <see langword="null"/> when no time was kept.</summary>
    public TimeSpan? MedianTimeToConvert { get; }

    /// <inheritdoc />
    public bool Equals(FunnelStepResult? other) =>
        other is not null
        && Index == other.Index
        && Step == other.Step
        && FirstCustomers == other.FirstCustomers
        && PreviousCustomers == other.PreviousCustomers
        && Customers == other.Customers
        && DroppedIds.SequenceEqual(other.DroppedIds, StringComparer.Ordinal)
        && TimeToConvert.Count == other.TimeToConvert.Count
        && TimeToConvert.SequenceEqual(other.TimeToConvert);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as FunnelStepResult);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Index, Step, FirstCustomers, PreviousCustomers, Customers);

    /// <summary>Returns the step as <c>2 cart: 40 (80.00% (40/50) from previous), median 00:03:00</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{Index} {Step}: {Customers} ({FromPrevious} from previous){(MedianTimeToConvert is { } median ? $", median {median:c}" : string.Empty)}");

    private static (TimeSpan? Mean, TimeSpan? Median) Summarise(TimeDistribution times)
    {
        var count = times.Total;
        if (count == 0)
        {
            return (null, null);
        }

        var (mean, median) = DurationSummary.Of(times, count);
        return (mean, median);
    }
}
