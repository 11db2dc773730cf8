using System.Globalization;
using Engagement.Sdk.Statistics;

namespace Engagement.Sdk.Journeys;

/// <summary>
/// A mergeable funnel: add event logs, merge with the accumulators of other customer partitions, and get the
/// <see cref="FunnelResult"/> — per step the customers reached, conversion, drop-off, who dropped, and time to convert.
/// </summary>
/// <remarks>
/// <para>
/// Each customer of a log is scanned as a whole (see docs/journeys.md, "Funnels", for the rules of each
/// <see cref="FunnelMode"/>); logs of 65,536 events or more are scanned on all cores. Accumulators of disjoint customer
/// partitions, merged, equal the accumulator of the whole log. A customer added twice — in two logs added to one
/// accumulator, or in two accumulators that are then merged — counts twice and is listed twice: give each customer's
/// events to one partition (<see cref="EventLog.Partition"/> cuts logs so).
/// </para>
/// <para>
/// <see cref="Count"/> is the number of customers scanned, in the funnel or not. Merging is associative and
/// commutative; every update is checked and all-or-nothing; the state round-trips through JSON (see
/// <see cref="FunnelState"/>). Not thread-safe: give each thread its own and merge them.
/// </para>
/// </remarks>
public sealed class FunnelAccumulator : IMetricAccumulator<FunnelAccumulator, FunnelResult, FunnelState>
{
    private readonly FunnelTotals _totals;

    /// <summary>Creates an empty accumulator of a funnel.</summary>
    /// <param name="funnel">The funnel's definition.</param>
    /// <exception cref="ArgumentNullException"><paramref name="funnel"/> is <see langword="null"/>.</exception>
    public FunnelAccumulator(FunnelDefinition funnel)
    {
        Funnel = funnel ?? throw new ArgumentNullException(nameof(funnel));
        _totals = new FunnelTotals(funnel.Steps.Count);
    }

    private FunnelAccumulator(FunnelDefinition funnel, FunnelTotals totals)
    {
        Funnel = funnel;
        _totals = totals;
    }

    /// <summary>Gets the definition: <see cref="MetricDefinition.Funnel"/>; the funnel's own is <see cref="Funnel"/>.</summary>
    public MetricDefinition Definition => MetricDefinition.Funnel;

    /// <summary>Gets the funnel's definition.</summary>
    public FunnelDefinition Funnel { get; }

    /// <summary>Gets the number of customers scanned so far, whether or not they entered the funnel.</summary>
    public long Count => _totals.Customers;

    /// <summary>Computes a funnel over a log in one call.</summary>
    /// <param name="log">The log.</param>
    /// <param name="funnel">The funnel's definition.</param>
    /// <param name="cancellationToken">Cancels the scan; checked between chunks of customers.</param>
    /// <returns>The result; with no customer at step 0 it has no value.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The funnel reads a property that <paramref name="log"/> does not keep.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static FunnelResult Compute(EventLog log, FunnelDefinition funnel, CancellationToken cancellationToken = default)
    {
        var accumulator = new FunnelAccumulator(funnel);
        accumulator.Add(log, cancellationToken);
        return accumulator.ToResult();
    }

    /// <inheritdoc />
    public static FunnelAccumulator FromState(FunnelState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        state.Definition.RequireKind(MetricKind.Funnel, nameof(state));
        return new FunnelAccumulator(state.Funnel, FunnelTotals.From(state));
    }

    /// <summary>Adds every customer of a log.</summary>
    /// <param name="log">The log; each of its customers is counted once more.</param>
    /// <param name="cancellationToken">Cancels the scan; checked between chunks of customers. Nothing is added when it
    /// is cancelled.</param>
    /// <exception cref="ArgumentNullException"><paramref name="log"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The funnel reads a property (a step's condition or the breakdown) that
    /// <paramref name="log"/> does not keep.</exception>
    /// <exception cref="OverflowException">A count would exceed <see cref="long.MaxValue"/>; nothing is changed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; nothing is changed.</exception>
    public void Add(EventLog log, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        var scanner = new FunnelScanner(Funnel, log, nameof(log));
        var scanned = CustomerScan.Run(log, scanner.Scan, static (into, later) => into.Merge(later), cancellationToken);
        _totals.Absorb(scanned);
    }

    /// <inheritdoc />
    /// <remarks>A customer in both accumulators counts twice and is listed twice.</remarks>
    public void Merge(FunnelAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Funnel != other.Funnel)
        {
            throw new ArgumentException(
                $"Only accumulators of the same funnel merge: this one is {Funnel}, the other {other.Funnel}.", nameof(other));
        }

        try
        {
            _totals.Merge(other._totals);
        }
        catch (OverflowException e)
        {
            throw MergeOverflow.For(this, other, e);
        }
    }

    /// <summary>Returns the result of the customers so far.</summary>
    /// <returns>The result; with no customer at step 0 it has no value.</returns>
    public FunnelResult ToResult() => new(Funnel, _totals.Customers, _totals.ToSegments());

    /// <inheritdoc />
    public FunnelState GetState() => new(FunnelState.CurrentVersion, Definition, Funnel, _totals.Customers, _totals.ToSegments());

    /// <summary>Returns the accumulator as <c>Ordered funnel home → cart within 14.00:00:00: 1000 customers</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Funnel}: {Count} customers");
}
