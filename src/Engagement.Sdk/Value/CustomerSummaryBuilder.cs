using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Engagement.Sdk.Value;

/// <summary>
/// Builds <see cref="CustomerSummaries"/> (frequency, recency, T, monetary value, holdout purchases) from
/// transactions, as the "buy till you die" models read them.
/// </summary>
/// <remarks>
/// <para>
/// The rules are those of <see cref="CustomerSummaryDefinition"/>: purchases in one merge period are one purchase,
/// the cohort is the customers whose first purchase is at or before the calibration end, and all times are exact
/// elapsed times in the definition's unit. The input need not be sorted; the summaries come in the order of each
/// customer's first appearance in the input (so sorted input gives sorted output), and do not otherwise depend on the
/// input's order: values are summed in <see cref="decimal"/> (exactly, up to decimal's 28–29 significant digits), each
/// customer's in time order with purchases at one time ordered by value, so even sums that round come out the same.
/// </para>
/// <para>
/// The work is linear: the transactions are partitioned by a seeded hash of the customer id into buckets of about
/// 4,096 (a radix partition, in input order), each bucket's ids are interned in an open-addressing table small enough to
/// stay in the core's cache and its times and values placed by customer (a counting sort), and each customer's
/// purchases are then sorted by time (when they are not already) and walked once. From 2^16 transactions every pass
/// runs on every core. Nothing is allocated per transaction. Thread-safe.
/// </para>
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage(
    "ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = InputShapes.OptionalTokenOnEachShape)]
public static class CustomerSummaryBuilder
{
    private const int CancellationStride = 1 << 16;

    /// <summary>The longest run of one customer's purchases sorted by insertion.</summary>
    private const int InsertionSortLimit = 32;

    /// <summary>The number of customers from which the walk over them runs on every core.</summary>
    private const int ParallelFrom = 1 << 15;

    /// <summary>Builds the summaries of the customers whose first purchase is at or before the calibration end.</summary>
    /// <inheritdoc cref="BuildReport(ReadOnlySpan{Transaction}, CustomerSummaryDefinition, CancellationToken)"/>
    /// <returns>The summaries, in the order of the customers' first appearance; empty for empty input.</returns>
    public static CustomerSummaries Build(
        ReadOnlySpan<Transaction> transactions, CustomerSummaryDefinition definition, CancellationToken cancellationToken = default) =>
        BuildReport(transactions, definition, cancellationToken).Summaries;

    /// <summary>Builds the summaries of the customers whose first purchase is at or before the calibration end.</summary>
    /// <inheritdoc cref="BuildReport(ReadOnlySpan{Transaction}, CustomerSummaryDefinition, CancellationToken)"/>
    /// <returns>The summaries, in the order of the customers' first appearance; empty for empty input.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="transactions"/> or <paramref name="definition"/> is <see langword="null"/>.</exception>
    public static CustomerSummaries Build(
        IEnumerable<Transaction> transactions, CustomerSummaryDefinition definition, CancellationToken cancellationToken = default) =>
        BuildReport(transactions, definition, cancellationToken).Summaries;

    /// <inheritdoc cref="BuildReport(ReadOnlySpan{Transaction}, CustomerSummaryDefinition, CancellationToken)"/>
    /// <exception cref="ArgumentNullException"><paramref name="transactions"/> or <paramref name="definition"/> is <see langword="null"/>.</exception>
    public static CustomerSummaryReport BuildReport(
        IEnumerable<Transaction> transactions, CustomerSummaryDefinition definition, CancellationToken cancellationToken = default) =>
        BuildReport(TransactionInput.AsSpan(transactions, nameof(transactions)), definition, cancellationToken);

    /// <summary>Builds the summaries and reports the customers left out because they first bought after the calibration end.</summary>
    /// <param name="transactions">The purchases, in any order.</param>
    /// <param name="definition">The unit, the calibration and holdout ends, and the merge period.</param>
    /// <param name="cancellationToken">Cancels the build.</param>
    /// <returns>The summaries with the counts of what was read and left out.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A transaction is <c>default(Transaction)</c>; the message gives its index.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A transaction comes after the observation end (the calibration end
    /// without a holdout period); the message gives its index and time.</exception>
    /// <exception cref="OverflowException">The purchases of a customer in the cohort, in the calibration or the holdout
    /// period, add up to more than <see cref="decimal.MaxValue"/>; the message names the customer and the index, in
    /// input order, at which the sum passed it. The values of customers first seen after the calibration end are not
    /// summed (they are only counted).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static CustomerSummaryReport BuildReport(
        ReadOnlySpan<Transaction> transactions, CustomerSummaryDefinition definition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return BuildReport(transactions, definition, CustomerGrouping.Layout.For(transactions.Length), cancellationToken);
    }

    /// <summary>Builds the report with the transactions grouped in the given layout, so tests can compare layouts.</summary>
    internal static CustomerSummaryReport BuildReport(
        ReadOnlySpan<Transaction> transactions, CustomerSummaryDefinition definition, CustomerGrouping.Layout layout,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);

        // Check every transaction first, so the first bad one is reported whatever the partitions.
        var lastTicks = definition.LastInstant.UtcTicks;
        for (var i = 0; i < transactions.Length; i++)
        {
            if ((i & (CancellationStride - 1)) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            ref readonly var transaction = ref transactions[i];
            _ = TransactionInput.CustomerOf(transaction, i, nameof(transactions));
            if (transaction.Time.UtcTicks > lastTicks)
            {
                throw AfterEnd(nameof(transactions), i, transaction, definition);
            }
        }

        // Number the customers in order of first appearance and group their times and values (a counting sort).
        var grouping = CustomerGrouping.Run(transactions, layout, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        return Summarise(transactions, definition, grouping, cancellationToken);
    }

    private static CustomerSummaryReport Summarise(
        ReadOnlySpan<Transaction> transactions, CustomerSummaryDefinition definition, CustomerGrouping grouping,
        CancellationToken cancellationToken)
    {
        var columns = new Columns(definition, grouping);
        var names = grouping.Names;
        var customers = names.Length;
        if (customers >= ParallelFrom && Environment.ProcessorCount > 1)
        {
            // Customers are independent and each writes its own row: chunks of runs (in storage order) run on every core.
            var chunk = Math.Max(CancellationStride / 4, customers / (Environment.ProcessorCount * 8));
            Parallel.For(
                0,
                (customers + chunk - 1) / chunk,
                new ParallelOptions { CancellationToken = cancellationToken },
                part => columns.Walk(part * chunk, Math.Min(customers, (part + 1) * chunk)));
        }
        else
        {
            for (var from = 0; from < customers; from += CancellationStride)
            {
                cancellationToken.ThrowIfCancellationRequested();
                columns.Walk(from, Math.Min(customers, from + CancellationStride));
            }
        }

        if (columns.FirstOverflow < customers)
        {
            ThrowOverflow(transactions, names[columns.FirstOverflow], definition.CalibrationEnd.UtcTicks, nameof(transactions));
        }

        return columns.ToReport(definition, names, transactions.Length);
    }

    /// <summary>
    /// Throws the overflow of a customer whose calibration or holdout total passed <see cref="decimal.MaxValue"/> in the
    /// walk, found again in input order, where an index means something to the caller.
    /// </summary>
    [DoesNotReturn]
    private static void ThrowOverflow(ReadOnlySpan<Transaction> transactions, string customer, long calibrationEnd, string paramName)
    {
        decimal calibration = 0, holdout = 0;
        var last = -1;
        for (var i = 0; i < transactions.Length; i++)
        {
            ref readonly var transaction = ref transactions[i];
            if (string.Equals(transaction.CustomerId, customer, StringComparison.Ordinal))
            {
                last = i;
                if (transaction.Time.UtcTicks <= calibrationEnd)
                {
                    calibration = TransactionTotals.AddToCustomer(calibration, transaction.Value, customer, i, paramName);
                }
                else
                {
                    holdout = TransactionTotals.AddToCustomer(holdout, transaction.Value, customer, i, paramName);
                }
            }
        }

        // Summed in time order the total passed the limit and in input order it did not: the two orders rounded the
        // last digit differently, and the total is complete at the customer's last transaction.
        throw TransactionTotals.CustomerOverflow(customer, last, paramName, null);
    }

    // The arithmetic of TimeUnits.Measure (TimeSpan.TotalDays, then the unit), so both give the same doubles.
    private static double Measure(long ticks, double daysPerUnit) => (double)ticks / TimeSpan.TicksPerDay / daysPerUnit;

    /// <summary>Sorts a customer's purchases by time, and purchases at one time by value (then scale), so the sums
    /// are taken in one order whatever the input's: decimal addition rounds beyond 28–29 significant digits, and then
    /// the order matters. Short runs (most customers') are sorted by insertion, which is also quick on sorted runs; long
    /// ones by the framework's sort, then each run of equal times by value.</summary>
    private static void SortCanonically(Span<long> times, Span<decimal> amounts)
    {
        if (times.Length > InsertionSortLimit)
        {
            times.Sort(amounts);
            for (var from = 0; from < times.Length;)
            {
                var to = from + 1;
                while (to < times.Length && times[to] == times[from])
                {
                    to++;
                }

                if (to - from > 1)
                {
                    amounts[from..to].Sort(static (x, y) => CompareAmounts(x, y));
                }

                from = to;
            }

            return;
        }

        for (var i = 1; i < times.Length; i++)
        {
            var time = times[i];
            var amount = amounts[i];
            if (!Before(time, amount, times[i - 1], amounts[i - 1]))
            {
                continue;
            }

            var j = i - 1;
            do
            {
                times[j + 1] = times[j];
                amounts[j + 1] = amounts[j];
                j--;
            }
            while (j >= 0 && Before(time, amount, times[j], amounts[j]));

            times[j + 1] = time;
            amounts[j + 1] = amount;
        }
    }

    private static bool Before(long time, decimal amount, long otherTime, decimal otherAmount) =>
        time < otherTime || (time == otherTime && CompareAmounts(amount, otherAmount) < 0);

    private static int CompareAmounts(decimal x, decimal y)
    {
        var byValue = x.CompareTo(y);
        return byValue != 0 ? byValue : x.Scale.CompareTo(y.Scale);
    }

    private static ArgumentOutOfRangeException AfterEnd(string paramName, int index, in Transaction transaction, CustomerSummaryDefinition definition) => new(
        paramName,
        transaction.Time,
        string.Create(
            CultureInfo.InvariantCulture,
            $"The transaction at index {index} ({transaction.CustomerId} at {transaction.Time:O}) comes after the {(definition.ObservationEnd.HasValue ? "observation" : "calibration")} end {definition.LastInstant:O}."));

    /// <summary>The output columns, in the order of first appearance, and the walk that fills each run's customer's row
    /// from the run of its purchases.</summary>
    private sealed class Columns
    {
        private readonly int[] _starts;
        private readonly int[] _rank;
        private readonly long[] _ticks;
        private readonly decimal[] _values;
        private readonly MergePeriods _periods;
        private readonly long _calibrationEnd;
        private readonly double _daysPerUnit;
        private int[] _frequency;
        private double[] _recency;
        private double[] _t;
        private double[] _monetary;
        private int[]? _holdoutFrequency;
        private double[]? _holdoutValue;
        private int _firstOverflow = int.MaxValue;
        private long _lateTransactions;

        public Columns(CustomerSummaryDefinition definition, CustomerGrouping grouping)
        {
            _starts = grouping.Starts;
            _rank = grouping.Rank;
            _ticks = grouping.Ticks;
            _values = grouping.Values;
            _periods = new MergePeriods(definition.Zone, definition.MergeUnit);
            _calibrationEnd = definition.CalibrationEnd.UtcTicks;
            _daysPerUnit = TimeUnits.Days(definition.Unit);
            var customers = grouping.Count;
            _frequency = new int[customers];
            _recency = new double[customers];
            _t = new double[customers];
            _monetary = new double[customers];
            _holdoutFrequency = definition.ObservationEnd.HasValue ? new int[customers] : null;
            _holdoutValue = definition.ObservationEnd.HasValue ? new double[customers] : null;
        }

        /// <summary>Gets the first customer whose total passed <see cref="decimal.MaxValue"/>; <see cref="int.MaxValue"/>
        /// when none did.</summary>
        public int FirstOverflow => _firstOverflow;

        /// <summary>Fills the rows of the customers of runs [from, to) in storage order; a customer first seen after the
        /// calibration end gets frequency −1 (and its purchases are counted as late), and one whose total overflows is
        /// noted in <see cref="FirstOverflow"/>.</summary>
        public void Walk(int from, int to)
        {
            var c = from;
            long late = 0;
            while (true)
            {
                try
                {
                    WalkFrom(ref c, to, ref late);
                    Interlocked.Add(ref _lateTransactions, late);
                    return;
                }
                catch (OverflowException)
                {
                    // Kept out of the walk's loop, which runs on every core: the lowest such customer is reported.
                    var row = _rank[c];
                    var seen = Volatile.Read(ref _firstOverflow);
                    while (row < seen && Interlocked.CompareExchange(ref _firstOverflow, row, seen) != seen)
                    {
                        seen = Volatile.Read(ref _firstOverflow);
                    }

                    c++;
                }
            }
        }

        private void WalkFrom(ref int c, int to, ref long late)
        {
            var calibrationEnd = _calibrationEnd;
            for (; c < to; c++)
            {
                int start = _starts[c], end = _starts[c + 1];
                var row = _rank[c];
                var times = _ticks.AsSpan(start, end - start);
                var amounts = _values.AsSpan(start, end - start);
                SortCanonically(times, amounts);

                var first = times[0];
                if (first > calibrationEnd)
                {
                    _frequency[row] = -1;
                    late += times.Length;
                    continue;
                }

                // One walk in time order: a new merge period opens a purchase; the first period is the first purchase.
                // The first period's and the repeat purchases' values are summed apart (a difference of rounded sums
                // would lose the repeats' digits), and their sum checked against decimal.MaxValue at the end.
                int repeats = 0, holdoutPurchases = 0;
                long lastRepeat = first, period = _periods.Of(first), holdoutPeriod = 0;
                decimal firstValue = 0, repeatValue = 0, holdoutTotal = 0;
                for (var j = 0; j < times.Length; j++)
                {
                    var time = times[j];
                    if (time <= calibrationEnd)
                    {
                        var of = _periods.Of(time);
                        if (of != period)
                        {
                            period = of;
                            repeats++;
                            lastRepeat = time;
                        }

                        if (repeats == 0)
                        {
                            firstValue += amounts[j];
                        }
                        else
                        {
                            repeatValue += amounts[j];
                        }
                    }
                    else
                    {
                        holdoutTotal += amounts[j];
                        var of = _periods.Of(time);
                        if (holdoutPurchases == 0 || of != holdoutPeriod)
                        {
                            holdoutPeriod = of;
                            holdoutPurchases++;
                        }
                    }
                }

                _ = firstValue + repeatValue; // the calibration total: throws past decimal.MaxValue
                _frequency[row] = repeats;
                _recency[row] = Measure(lastRepeat - first, _daysPerUnit);
                _t[row] = Measure(calibrationEnd - first, _daysPerUnit);
                _monetary[row] = repeats > 0 ? (double)(repeatValue / repeats) : double.NaN;
                if (_holdoutFrequency is not null)
                {
                    _holdoutFrequency[row] = holdoutPurchases;
                    _holdoutValue![row] = holdoutPurchases > 0 ? (double)(holdoutTotal / holdoutPurchases) : double.NaN;
                }
            }
        }

        /// <summary>Drops the rows of customers first seen after the calibration end, in place, and hands the columns
        /// over to the summaries.</summary>
        public CustomerSummaryReport ToReport(CustomerSummaryDefinition definition, string[] names, long transactions)
        {
            var ids = names;
            int late = 0, k = 0;
            bool anyMonetary = false, anyHoldoutValue = false;
            for (var c = 0; c < names.Length; c++)
            {
                if (_frequency[c] < 0)
                {
                    late++;
                    continue;
                }

                ids[k] = names[c];
                _frequency[k] = _frequency[c];
                _recency[k] = _recency[c];
                _t[k] = _t[c];
                _monetary[k] = _monetary[c];
                anyMonetary |= _frequency[c] > 0;
                if (_holdoutFrequency is not null)
                {
                    _holdoutFrequency[k] = _holdoutFrequency[c];
                    _holdoutValue![k] = _holdoutValue[c];
                    anyHoldoutValue |= _holdoutFrequency[c] > 0;
                }

                k++;
            }

            if (late > 0)
            {
                Array.Resize(ref ids, k);
                Array.Resize(ref _frequency, k);
                Array.Resize(ref _recency, k);
                Array.Resize(ref _t, k);
                Array.Resize(ref _monetary, k);
                if (_holdoutFrequency is not null)
                {
                    Array.Resize(ref _holdoutFrequency, k);
                    Array.Resize(ref _holdoutValue, k);
                }
            }

            var summaries = CustomerSummaries.FromOwnedColumns(
                definition.Unit, ids, _frequency, _recency, _t, anyMonetary ? _monetary : null, _holdoutFrequency,
                anyHoldoutValue ? _holdoutValue : null, definition.HoldoutLength);
            return new CustomerSummaryReport(definition, summaries, transactions, late, _lateTransactions);
        }
    }
}
