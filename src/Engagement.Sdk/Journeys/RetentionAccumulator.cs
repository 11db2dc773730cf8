using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
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

        try
        {
            _tally = _tally.Plus(other._tally);
        }
        catch (OverflowException e)
        {
            throw MergeOverflow.For(this, other, e);
        }
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
    private sealed class Scan
    {
        private const byte StartEvent = 1, ReturnEvent = 2;

        // The most periods the one-word scan takes: 64 bits less the buckets before and after the range.
        private const int NarrowPeriods = 62;

        // Customers per block of the first-time scan: a few kilobytes of stack.
        private const int FirstTimeBlock = 256;

        private readonly EventLog _log;
        private readonly RetentionDefinition _retention;

        // What each event name is to this analysis (start, return, both or neither): one load per event instead of two
        // comparisons.
        private readonly byte[] _kinds;
        private readonly bool _any;
        private readonly int _startId = -1;
        private readonly int _returnId = -1;

        public Scan(EventLog log, RetentionDefinition retention)
        {
            _log = log;
            _retention = retention;
            _kinds = new byte[log.EventNames.Count];
            if (log.TryGetEventNameId(retention.ReturnEvent, out var returnId))
            {
                _kinds[returnId] |= ReturnEvent;
                _returnId = returnId;
            }

            if (log.TryGetEventNameId(retention.StartEvent, out var startId))
            {
                _kinds[startId] |= StartEvent;
                _startId = startId;
                _any = true;
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public CohortTally Run(int first, int end)
        {
            var periods = _retention.Periods;
            var count = periods.Count;
            var tally = new CohortTally(RetentionCounts.Length(count));
            tally.AddCustomers(end - first);
            if (!_any)
            {
                return tally;
            }

            if (count <= NarrowPeriods)
            {
                RunNarrow(first, end, tally);
                return tally;
            }

            var words = (count + 63) >> 6;
            Span<ulong> cohorts = stackalloc ulong[words];
            Span<ulong> returns = stackalloc ulong[words];
            var names = _log.EventNameIds;
            var ticks = _log.Timestamps;
            var offsets = _log.CustomerOffsets;
            var starts = periods.Starts;
            var kinds = _kinds;
            long from = periods.FromTicks, to = periods.ToTicks;
            var firstTime = _retention.CohortType == RetentionCohortType.FirstTime;
            var unbounded = _retention.Unbounded;
            for (var customer = first; customer < end; customer++)
            {
                cohorts.Clear();
                returns.Clear();
                var joined = false;
                var period = -1;
                for (int i = offsets[customer], stop = offsets[customer + 1]; i < stop; i++)
                {
                    var kind = kinds[names[i]];
                    if (kind == 0)
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
                        if (firstTime && (kind & StartEvent) != 0)
                        {
                            break;
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
                    if ((kind & StartEvent) != 0 && !(firstTime && joined))
                    {
                        cohorts[period >> 6] |= bit;
                        joined = true;
                    }

                    if ((kind & ReturnEvent) != 0)
                    {
                        returns[period >> 6] |= bit;
                    }
                }

                if (joined)
                {
                    Count(tally.Counts, count, cohorts, returns, unbounded);
                }
            }

            return tally;
        }

        // Up to 62 periods, one 64-bit word holds a customer's periods plus a bucket before the range (bit 0) and one
        // after it (bit count + 1), so an event is placed without a branch on the range. The scan runs over the rows of
        // the chunk, eight event names at a time, and visits only the rows of the start and return events: a customer
        // whose rows hold neither is never visited (it joins no cohort), and the others are found by stepping through the customer offsets.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)] // called once per chunk: too few calls to tier up
        private void RunNarrow(int first, int end, CohortTally tally)
        {
            var periods = _retention.Periods;
            var count = periods.Count;

            // Bucket j holds [bounds[j], bounds[j + 1]); the last bound stops the cursor.
            Span<long> bounds = stackalloc long[count + 3];
            bounds[0] = long.MinValue;
            bounds[1] = periods.FromTicks;
            periods.Starts[1..count].CopyTo(bounds[2..]);
            bounds[count + 1] = periods.ToTicks;
            bounds[count + 2] = long.MaxValue;

            if (_retention.CohortType == RetentionCohortType.FirstTime && _startId != _returnId)
            {
                RunFirstTime(first, end, tally, bounds);
                return;
            }

            var names = _log.EventNameIds;
            var ticks = _log.Timestamps;
            var kinds = _kinds;
            var startVector = Vector256.Create(_startId);
            var returnVector = Vector256.Create(_returnId);
            var firstTime = _retention.CohortType == RetentionCohortType.FirstTime;
            var unbounded = _retention.Unbounded;
            var counts = tally.Counts;
            var offsets = _log.CustomerOffsets;
            int customer = first - 1, customerEnd = offsets[first], bucket = 0;
            long next = 0;
            ulong startBits = 0, returnBits = 0;
            int rowEnd = offsets[end], step = Vector256<int>.Count;
            for (var row = offsets[first]; row < rowEnd; row += step)
            {
                uint matches = 0;
                if (row + step <= rowEnd)
                {
                    var block = Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(names), (nuint)row);
                    matches = (Vector256.Equals(block, startVector) | Vector256.Equals(block, returnVector)).ExtractMostSignificantBits();
                }
                else
                {
                    for (var k = row; k < rowEnd; k++)
                    {
                        matches |= kinds[names[k]] != 0 ? 1u << (k - row) : 0;
                    }
                }

                for (; matches != 0; matches &= matches - 1)
                {
                    var i = row + BitOperations.TrailingZeroCount(matches);
                    var t = ticks[i];
                    if (i >= customerEnd)
                    {
                        CountCustomer(counts, count, startBits, returnBits, firstTime, unbounded);

                        // The next customer with a start or return event; the offsets are far smaller than a column.
                        while (offsets[++customer + 1] <= i)
                        {
                        }

                        customerEnd = offsets[customer + 1];
                        startBits = 0;
                        returnBits = 0;
                        bucket = Bucket(bounds, t);
                        next = bounds[bucket + 1];
                    }

                    while (t >= next)
                    {
                        next = bounds[++bucket + 1];
                    }

                    uint kind = kinds[names[i]];
                    startBits |= (ulong)(kind & StartEvent) << bucket;
                    returnBits |= (ulong)(kind >> 1) << bucket;
                }
            }

            CountCustomer(counts, count, startBits, returnBits, firstTime, unbounded);
        }

        // First-time cohorts with a return event of their own need only each customer's first start event and the
        // return events' rows: a vectorised search finds the first start row of each customer, and another the return
        // rows, so the other rows' timestamps are never read. The customers go in blocks small enough for the stack and
        // the cache: the first start rows of a block are found before any of their timestamps is read, so that those
        // reads, scattered over the column, are independent of each other and overlap instead of waiting one by one.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void RunFirstTime(int first, int end, CohortTally tally, ReadOnlySpan<long> bounds)
        {
            var count = _retention.Periods.Count;
            var names = _log.EventNameIds;
            var ticks = _log.Timestamps;
            var offsets = _log.CustomerOffsets;
            var buckets = new Buckets(_retention.Periods);
            var startVector = Vector256.Create(_startId);
            Span<int> rows = stackalloc int[FirstTimeBlock];
            Span<int> cohorts = stackalloc int[FirstTimeBlock];
            Span<ulong> returns = stackalloc ulong[FirstTimeBlock];
            for (var block = first; block < end; block += FirstTimeBlock)
            {
                var size = Math.Min(FirstTimeBlock, end - block);
                for (var c = 0; c < size; c++)
                {
                    rows[c] = FirstRow(names, offsets[block + c], offsets[block + c + 1], startVector);
                }

                for (var c = 0; c < size; c++)
                {
                    var row = rows[c];
                    var bucket = buckets.Of(ticks[Math.Max(row, 0)], bounds);
                    cohorts[c] = row < 0 || bucket > count ? 0 : bucket;
                    returns[c] = 0;
                }

                if (_returnId >= 0)
                {
                    int row = offsets[block], rowEnd = offsets[block + size], current = 0;
                    while (row < rowEnd)
                    {
                        var at = names[row..rowEnd].IndexOf(_returnId);
                        if (at < 0)
                        {
                            break;
                        }

                        row += at;
                        while (offsets[block + current + 1] <= row)
                        {
                            current++;
                        }

                        if (cohorts[current] != 0)
                        {
                            returns[current] |= 1UL << buckets.Of(ticks[row], bounds);
                        }

                        row++;
                    }
                }

                for (var c = 0; c < size; c++)
                {
                    if (cohorts[c] != 0)
                    {
                        CountCustomer(tally.Counts, count, 1UL << cohorts[c], returns[c], firstTime: false, _retention.Unbounded);
                    }
                }
            }
        }

        // The first row of [start, stop) holding the id, or −1: most customers' first start event is among their first
        // eight rows, found by one comparison of eight names without a call.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static int FirstRow(ReadOnlySpan<int> names, int start, int stop, Vector256<int> id)
        {
            if (start + Vector256<int>.Count <= names.Length)
            {
                var matches = Vector256.Equals(Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(names), (nuint)start), id).ExtractMostSignificantBits();
                if (matches != 0)
                {
                    var row = start + BitOperations.TrailingZeroCount(matches);
                    return row < stop ? row : -1;
                }

                if (stop - start <= Vector256<int>.Count)
                {
                    return -1;
                }
            }

            var at = names[start..stop].IndexOf(id.ToScalar());
            return at < 0 ? -1 : start + at;
        }

        // Counts one customer's cohorts and returns from its buckets (bit 0 before the range, bit periods + 1 after).
        private static void CountCustomer(long[] counts, int periods, ulong startBits, ulong returnBits, bool firstTime, bool unbounded)
        {
            var inRange = ((1UL << periods) - 1) << 1;

            // First-time: the bucket of the first-ever start event, which must be a period of the range.
            var cohorts = (firstTime ? startBits & (0 - startBits) : startBits) & inRange;
            if (cohorts != 0)
            {
                cohorts >>= 1;
                var returns = (returnBits & inRange) >> 1;
                Count(counts, periods, new ReadOnlySpan<ulong>(in cohorts), new ReadOnlySpan<ulong>(in returns), unbounded);
            }
        }

        // The bucket of an instant: the last bound at or below it, by a binary search without branches.
        private static int Bucket(ReadOnlySpan<long> bounds, long t)
        {
            int low = 0, length = bounds.Length - 1;
            while (length > 1)
            {
                var half = length >> 1;
                low = bounds[low + half] <= t ? low + half : low;
                length -= half;
            }

            return low;
        }

        // The buckets of the narrow scans (0 before the range, 1 + p for period p, periods + 1 after it), from the bounds
        // by a binary search, or with periods of one fixed length by a division: a multiplication by the length's
        // reciprocal, corrected by one step.
        private readonly struct Buckets
        {
            private readonly long _from, _to, _origin;
            private readonly ulong _length, _reciprocal;
            private readonly int _after;

            public Buckets(CalendarPeriods periods)
            {
                _from = periods.FromTicks;
                _to = periods.ToTicks;
                _origin = periods.Starts[0];
                _length = (ulong)periods.FixedLength;
                _reciprocal = _length == 0 ? 0 : ulong.MaxValue / _length;
                _after = periods.Count + 1;
            }

            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            public int Of(long t, ReadOnlySpan<long> bounds)
            {
                if (_length == 0)
                {
                    return Bucket(bounds, t);
                }

                if (t < _from)
                {
                    return 0;
                }

                if (t >= _to)
                {
                    return _after;
                }

                // The quotient is at most one short: the reciprocal is rounded down, and the offset, within the range, is far below 2^63.
                var offset = (ulong)(t - _origin);
                var quotient = Math.BigMul(offset, _reciprocal, out _);
                quotient += offset - (quotient * _length) >= _length ? 1UL : 0UL;
                return (int)quotient + 1;
            }
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
