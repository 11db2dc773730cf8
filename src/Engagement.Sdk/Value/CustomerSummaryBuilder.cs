using System.Globalization;
using System.Runtime.InteropServices;

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
/// input's order: values are summed in <see cref="decimal"/>, exactly.
/// </para>
/// <para>
/// The work is linear: customer ids are interned to numbers with one dictionary look-up per transaction (none when a
/// transaction has the same id instance as the one before), the times and values are placed by customer with a
/// counting sort, and each customer's purchases are then sorted by time (when they are not already) and walked once.
/// Nothing is allocated per transaction. Thread-safe.
/// </para>
/// </remarks>
public static class CustomerSummaryBuilder
{
    private const int CancellationStride = 1 << 16;

    /// <summary>Builds the summaries of the customers whose first purchase is at or before the calibration end.</summary>
    /// <param name="transactions">The purchases, in any order.</param>
    /// <param name="definition">The unit, the calibration and holdout ends, and the merge period.</param>
    /// <param name="cancellationToken">Cancels the build.</param>
    /// <returns>The summaries, in the order of the customers' first appearance; empty for empty input.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A transaction is <c>default(Transaction)</c>; the message gives its index.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A transaction comes after the observation end (the calibration end
    /// without a holdout period); the message gives its index and time.</exception>
    /// <exception cref="OverflowException">A customer's purchases add up to more than <see cref="decimal.MaxValue"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage(
        "ApiDesign",
        "RS0026:Do not add multiple public overloads with optional parameters",
        Justification = "The overloads differ in the input's shape (span or sequence) and end in the conventional optional token; no call is ambiguous.")]
    public static CustomerSummaries Build(
        ReadOnlySpan<Transaction> transactions, CustomerSummaryDefinition definition, CancellationToken cancellationToken = default) =>
        BuildReport(transactions, definition, cancellationToken).Summaries;

    /// <summary>Builds the summaries of the customers whose first purchase is at or before the calibration end.</summary>
    /// <param name="transactions">The purchases, in any order.</param>
    /// <param name="definition">The unit, the calibration and holdout ends, and the merge period.</param>
    /// <param name="cancellationToken">Cancels the build.</param>
    /// <returns>The summaries, in the order of the customers' first appearance; empty for empty input.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="transactions"/> or <paramref name="definition"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A transaction is <c>default(Transaction)</c>; the message gives its index.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A transaction comes after the observation end (the calibration end
    /// without a holdout period); the message gives its index and time.</exception>
    /// <exception cref="OverflowException">A customer's purchases add up to more than <see cref="decimal.MaxValue"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage(
        "ApiDesign",
        "RS0026:Do not add multiple public overloads with optional parameters",
        Justification = "The overloads differ in the input's shape (span or sequence) and end in the conventional optional token; no call is ambiguous.")]
    public static CustomerSummaries Build(
        IEnumerable<Transaction> transactions, CustomerSummaryDefinition definition, CancellationToken cancellationToken = default) =>
        BuildReport(transactions, definition, cancellationToken).Summaries;

    /// <summary>Builds the summaries and reports the customers left out because they first bought after the calibration end.</summary>
    /// <param name="transactions">The purchases, in any order.</param>
    /// <param name="definition">The unit, the calibration and holdout ends, and the merge period.</param>
    /// <param name="cancellationToken">Cancels the build.</param>
    /// <returns>The summaries with the counts of what was read and left out.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="transactions"/> or <paramref name="definition"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A transaction is <c>default(Transaction)</c>; the message gives its index.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A transaction comes after the observation end (the calibration end
    /// without a holdout period); the message gives its index and time.</exception>
    /// <exception cref="OverflowException">A customer's purchases add up to more than <see cref="decimal.MaxValue"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage(
        "ApiDesign",
        "RS0026:Do not add multiple public overloads with optional parameters",
        Justification = "The overloads differ in the input's shape (span or sequence) and end in the conventional optional token; no call is ambiguous.")]
    public static CustomerSummaryReport BuildReport(
        IEnumerable<Transaction> transactions, CustomerSummaryDefinition definition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        return transactions switch
        {
            Transaction[] array => BuildReport(array.AsSpan(), definition, cancellationToken),
            List<Transaction> list => BuildReport(CollectionsMarshal.AsSpan(list), definition, cancellationToken),
            _ => BuildReport(CollectionsMarshal.AsSpan(new List<Transaction>(transactions)), definition, cancellationToken),
        };
    }

    /// <summary>Builds the summaries and reports the customers left out because they first bought after the calibration end.</summary>
    /// <param name="transactions">The purchases, in any order.</param>
    /// <param name="definition">The unit, the calibration and holdout ends, and the merge period.</param>
    /// <param name="cancellationToken">Cancels the build.</param>
    /// <returns>The summaries with the counts of what was read and left out.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A transaction is <c>default(Transaction)</c>; the message gives its index.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A transaction comes after the observation end (the calibration end
    /// without a holdout period); the message gives its index and time.</exception>
    /// <exception cref="OverflowException">A customer's purchases add up to more than <see cref="decimal.MaxValue"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage(
        "ApiDesign",
        "RS0026:Do not add multiple public overloads with optional parameters",
        Justification = "The overloads differ in the input's shape (span or sequence) and end in the conventional optional token; no call is ambiguous.")]
    public static CustomerSummaryReport BuildReport(
        ReadOnlySpan<Transaction> transactions, CustomerSummaryDefinition definition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var count = transactions.Length;

        // Intern the customers in order of first appearance and check every transaction on the way.
        var customerOf = new int[count];
        var names = new List<string>();
        var index = new Dictionary<string, int>();
        var lastTicks = definition.LastInstant.UtcTicks;
        string? previous = null;
        var previousIndex = -1;
        for (var i = 0; i < count; i++)
        {
            if ((i & (CancellationStride - 1)) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            ref readonly var transaction = ref transactions[i];
            var id = transaction.CustomerId ?? throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The transaction at index {i} is default(Transaction), which has no customer."),
                nameof(transactions));
            if (transaction.Time.UtcTicks > lastTicks)
            {
                throw AfterEnd(nameof(transactions), i, transaction, definition);
            }

            if (!ReferenceEquals(id, previous))
            {
                ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(index, id, out var exists);
                if (!exists)
                {
                    slot = names.Count;
                    names.Add(id);
                }

                previous = id;
                previousIndex = slot;
            }

            customerOf[i] = previousIndex;
        }

        // Counting sort by customer: each customer's times and values become one contiguous run.
        var customers = names.Count;
        var starts = new int[customers + 1];
        foreach (var customer in customerOf)
        {
            starts[customer + 1]++;
        }

        for (var c = 0; c < customers; c++)
        {
            starts[c + 1] += starts[c];
        }

        var next = starts.AsSpan(0, customers).ToArray();
        var ticks = new long[count];
        var values = new decimal[count];
        for (var i = 0; i < count; i++)
        {
            var at = next[customerOf[i]]++;
            ticks[at] = transactions[i].Time.UtcTicks;
            values[at] = transactions[i].Value;
        }

        cancellationToken.ThrowIfCancellationRequested();
        return Summarise(definition, names, starts, ticks, values, count, cancellationToken);
    }

    private static CustomerSummaryReport Summarise(
        CustomerSummaryDefinition definition, List<string> names, int[] starts, long[] ticks, decimal[] values, long transactions,
        CancellationToken cancellationToken)
    {
        var customers = names.Count;
        var periods = new MergePeriods(definition.Zone, definition.MergeUnit);
        var calibrationEnd = definition.CalibrationEnd.UtcTicks;
        var daysPerUnit = TimeUnits.Days(definition.Unit);
        var holdout = definition.ObservationEnd.HasValue;
        var ids = new string[customers];
        var frequency = new int[customers];
        var recency = new double[customers];
        var t = new double[customers];
        var monetary = new double[customers];
        var holdoutFrequency = holdout ? new int[customers] : null;
        var holdoutValue = holdout ? new double[customers] : null;
        bool anyMonetary = false, anyHoldoutValue = false;
        var late = 0;
        long lateTransactions = 0;
        var k = 0;
        for (var c = 0; c < customers; c++)
        {
            if ((c & (CancellationStride - 1)) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            int start = starts[c], end = starts[c + 1];
            var times = ticks.AsSpan(start, end - start);
            var amounts = values.AsSpan(start, end - start);
            if (!IsSorted(times))
            {
                times.Sort(amounts);
            }

            var first = times[0];
            if (first > calibrationEnd)
            {
                late++;
                lateTransactions += times.Length;
                continue;
            }

            // One walk in time order: a new merge period opens a purchase; the first period is the first purchase.
            // Sums are exact, so the repeat purchases' total is the calibration total less the first period's.
            int repeats = 0, holdoutPurchases = 0;
            long lastRepeat = first, period = periods.Of(first), holdoutPeriod = 0;
            decimal firstValue = 0, calibrationValue = 0, holdoutTotal = 0;
            for (var j = 0; j < times.Length; j++)
            {
                var time = times[j];
                if (time <= calibrationEnd)
                {
                    calibrationValue += amounts[j];
                    var of = periods.Of(time);
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
                }
                else
                {
                    holdoutTotal += amounts[j];
                    var of = periods.Of(time);
                    if (holdoutPurchases == 0 || of != holdoutPeriod)
                    {
                        holdoutPeriod = of;
                        holdoutPurchases++;
                    }
                }
            }

            ids[k] = names[c];
            frequency[k] = repeats;
            recency[k] = Measure(lastRepeat - first, daysPerUnit);
            t[k] = Measure(calibrationEnd - first, daysPerUnit);
            monetary[k] = repeats > 0 ? (double)((calibrationValue - firstValue) / repeats) : double.NaN;
            anyMonetary |= repeats > 0;
            if (holdout)
            {
                holdoutFrequency![k] = holdoutPurchases;
                holdoutValue![k] = holdoutPurchases > 0 ? (double)(holdoutTotal / holdoutPurchases) : double.NaN;
                anyHoldoutValue |= holdoutPurchases > 0;
            }

            k++;
        }

        if (k < customers)
        {
            Array.Resize(ref ids, k);
            Array.Resize(ref frequency, k);
            Array.Resize(ref recency, k);
            Array.Resize(ref t, k);
            Array.Resize(ref monetary, k);
            if (holdout)
            {
                Array.Resize(ref holdoutFrequency, k);
                Array.Resize(ref holdoutValue, k);
            }
        }

        var summaries = CustomerSummaries.FromOwnedColumns(
            definition.Unit, ids, frequency, recency, t, anyMonetary ? monetary : null, holdoutFrequency, anyHoldoutValue ? holdoutValue : null,
            definition.HoldoutLength);
        return new CustomerSummaryReport(definition, summaries, transactions, late, lateTransactions);
    }

    // The arithmetic of TimeUnits.Measure (TimeSpan.TotalDays, then the unit), so both give the same doubles.
    private static double Measure(long ticks, double daysPerUnit) => (double)ticks / TimeSpan.TicksPerDay / daysPerUnit;

    private static bool IsSorted(ReadOnlySpan<long> times)
    {
        for (var i = 1; i < times.Length; i++)
        {
            if (times[i] < times[i - 1])
            {
                return false;
            }
        }

        return true;
    }

    private static ArgumentOutOfRangeException AfterEnd(string paramName, int index, in Transaction transaction, CustomerSummaryDefinition definition) => new(
        paramName,
        transaction.Time,
        string.Create(
            CultureInfo.InvariantCulture,
            $"The transaction at index {index} ({transaction.CustomerId} at {transaction.Time:O}) comes after the {(definition.ObservationEnd.HasValue ? "observation" : "calibration")} end {definition.LastInstant:O}."));
}
