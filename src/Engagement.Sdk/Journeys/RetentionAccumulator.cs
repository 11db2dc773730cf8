using System.Numerics;
using Engagement.Sdk.Statistics;

namespace Engagement.Sdk.Journeys;

/// <summary>
/// A mergeable accumulator of cohort retention over <see cref="EventLog"/>s (PostHog's definitions, see
/// <see cref="RetentionDefinition"/>). <see cref="ToResult"/> gives the <see cref="RetentionResult"/>: each period's
/// cohort size and members retained k periods later.
/// </summary>
/// <remarks>
/// <para>
/// One observation is one customer with all its events: <see cref="Add(EventLog, CancellationToken)"/> adds every
/// customer of a log. Accumulators of disjoint customer partitions, merged, equal the accumulator of the whole; a
/// customer whose events are split across two merged accumulators counts as two customers, so partition by customer
/// (<see cref="EventLog.Partition"/>).
/// </para>
/// <para>
/// A sealed class: merging is associative and commutative; every update is checked and all-or-nothing; the state
/// round-trips through JSON (see <see cref="RetentionState"/>). Not thread-safe: give each thread its own and merge
/// them. <see cref="Add(EventLog, CancellationToken)"/> itself uses both cores on a large log.
/// </para>
/// </remarks>
public sealed class RetentionAccumulator : IMetricAccumulator<RetentionAccumulator, RetentionResult, RetentionState>
{
    private CohortTally _tally;

    /// <summary>Creates an empty accumulator.</summary>
    /// <param name="retention">What to count.</param>
    /// <exception cref="ArgumentNullException"><paramref name="retention"/> is <see langword="null"/>.</exception>
    public RetentionAccumulator(RetentionDefinition retention)
    {
        ArgumentNullException.ThrowIfNull(retention);
        Retention = retention;
        _tally = new CohortTally(RetentionCounts.Length(retention.PeriodCount));
    }

    /// <summary>Gets the metric definition: <see cref="MetricDefinition.Retention"/>.</summary>
    public MetricDefinition Definition => MetricDefinition.Retention;

    /// <summary>Gets the retention definition.</summary>
    public RetentionDefinition Retention { get; }

    /// <summary>Gets the customers added so far, in a cohort or not.</summary>
    public long Count => _tally.Customers;

    /// <summary>Computes the retention of every customer of a log.</summary>
    /// <param name="log">The log.</param>
    /// <param name="retention">What to count.</param>
    /// <param name="cancellationToken">Checked between chunks of customers.</param>
    /// <returns>The result; with no cohort members it has no value.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static RetentionResult Compute(EventLog log, RetentionDefinition retention, CancellationToken cancellationToken = default)
    {
        var accumulator = new RetentionAccumulator(retention);
        accumulator.Add(log, cancellationToken);
        return accumulator.ToResult();
    }

    /// <inheritdoc />
    public static RetentionAccumulator FromState(RetentionState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var accumulator = new RetentionAccumulator(state.Retention);
        accumulator._tally = new CohortTally([.. state.FlatCounts], state.Customers);
        return accumulator;
    }

    /// <summary>Adds every customer of a log, on both cores when the log is large.</summary>
    /// <param name="log">The log; its customers must not have been added before (they would count twice).</param>
    /// <param name="cancellationToken">Checked between chunks of customers; when cancelled, nothing is changed.</param>
    /// <exception cref="ArgumentNullException"><paramref name="log"/> is <see langword="null"/>.</exception>
    /// <exception cref="OverflowException">A count would exceed <see cref="long.MaxValue"/>; nothing is changed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; nothing is changed.</exception>
    public void Add(EventLog log, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        var scan = new Scan(log, Retention);
        var tally = CustomerScan.Run(log, scan.Run, CohortTally.MergeInto, cancellationToken);
        _tally = _tally.Plus(tally);
    }

    /// <inheritdoc />
    public void Merge(RetentionAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Retention != Retention)
        {
            throw new ArgumentException(
                $"Only accumulators of the same definition merge: this one is {Definition}, {Retention}; the other {other.Definition}, {other.Retention}.",
                nameof(other));
        }

        _tally = _tally.Plus(other._tally);
    }

    /// <summary>Returns the retention of the customers so far.</summary>
    /// <returns>The result; with no cohort members it has no value.</returns>
    public RetentionResult ToResult() => new(Retention, _tally.Customers, [.. _tally.Counts]);

    /// <inheritdoc />
    public RetentionState GetState() => new(Retention, _tally.Customers, [.. _tally.Counts]);

    /// <summary>Returns the state as <c>retention state v1: 500 customers, 310 cohort members over 26 periods</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() => GetState().ToString();

    /// <summary>The per-customer scan: which periods a customer joined a cohort in, and which it returned in.</summary>
    private sealed class Scan(EventLog log, RetentionDefinition retention)
    {
        private readonly int _startId = log.TryGetEventNameId(retention.StartEvent, out var id) ? id : -1;
        private readonly int _returnId = log.TryGetEventNameId(retention.ReturnEvent, out var id) ? id : -1;

        public CohortTally Run(int first, int end)
        {
            var periods = retention.Periods;
            var tally = new CohortTally(RetentionCounts.Length(periods.Count));
            tally.AddCustomers(end - first);
            if (_startId < 0)
            {
                return tally;
            }

            var words = (periods.Count + 63) >> 6;
            Span<ulong> cohorts = stackalloc ulong[words];
            Span<ulong> returns = stackalloc ulong[words];
            var offsets = log.CustomerOffsets;
            for (var customer = first; customer < end; customer++)
            {
                cohorts.Clear();
                returns.Clear();
                if (Mark(offsets[customer], offsets[customer + 1], periods, cohorts, returns))
                {
                    Count(tally.Counts, periods.Count, cohorts, returns, retention.Unbounded);
                }
            }

            return tally;
        }

        // Sets the bits of the periods the customer joined a cohort in and returned in; false when it joined none.
        private bool Mark(int start, int end, CalendarPeriods periods, Span<ulong> cohorts, Span<ulong> returns)
        {
            var names = log.EventNameIds;
            var ticks = log.Timestamps;
            var starts = periods.Starts;
            long from = periods.FromTicks, to = periods.ToTicks;
            var firstTime = retention.CohortType == RetentionCohortType.FirstTime;
            int startId = _startId, returnId = _returnId;
            var joined = false;
            var period = -1;
            for (var i = start; i < end; i++)
            {
                var name = names[i];
                if (name != startId && name != returnId)
                {
                    continue;
                }

                var t = ticks[i];
                if (t >= to)
                {
                    break;
                }

                if (t < from)
                {
                    // A first-time cohort is the period of the first-ever start event: before the range, no cohort.
                    if (firstTime && name == startId)
                    {
                        return false;
                    }

                    continue;
                }

                if (period < 0)
                {
                    period = periods.PeriodOf(t);
                }

                while (t >= starts[period + 1])
                {
                    period++;
                }

                var bit = 1UL << period;
                if (name == startId && !(firstTime && joined))
                {
                    cohorts[period >> 6] |= bit;
                    joined = true;
                }

                if (name == returnId)
                {
                    returns[period >> 6] |= bit;
                }
            }

            return joined;
        }

        private static void Count(long[] counts, int periods, ReadOnlySpan<ulong> cohorts, ReadOnlySpan<ulong> returns, bool unbounded)
        {
            var last = -1;
            for (var w = returns.Length - 1; w >= 0 && last < 0; w--)
            {
                if (returns[w] != 0)
                {
                    last = (w << 6) + 63 - BitOperations.LeadingZeroCount(returns[w]);
                }
            }

            for (var w = 0; w < cohorts.Length; w++)
            {
                for (var bits = cohorts[w]; bits != 0; bits &= bits - 1)
                {
                    var cohort = (w << 6) + BitOperations.TrailingZeroCount(bits);
                    var row = RetentionCounts.RowStart(cohort, periods) - cohort;
                    counts[row + cohort]++;
                    if (unbounded)
                    {
                        for (var p = cohort + 1; p <= last; p++)
                        {
                            counts[row + p]++;
                        }
                    }
                    else
                    {
                        CountReturnsAfter(counts, row, cohort, returns);
                    }
                }
            }
        }

        // Counts, for each period p after the cohort with a return, the member at k = p − cohort (row + p).
        private static void CountReturnsAfter(long[] counts, int row, int cohort, ReadOnlySpan<ulong> returns)
        {
            for (var w = cohort >> 6; w < returns.Length; w++)
            {
                var bits = returns[w];
                if (w == cohort >> 6)
                {
                    bits &= ~((2UL << (cohort & 63)) - 1);
                }

                for (; bits != 0; bits &= bits - 1)
                {
                    counts[row + (w << 6) + BitOperations.TrailingZeroCount(bits)]++;
                }
            }
        }
    }
}
