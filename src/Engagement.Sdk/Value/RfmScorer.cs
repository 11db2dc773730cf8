using System.Globalization;
using System.Runtime.InteropServices;

namespace Engagement.Sdk.Value;

/// <summary>
/// Scores customers on recency, frequency and monetary value, 1 to 5 each by quintile, and puts them in named segments
/// (<see cref="RfmSegmentMap.Default"/>; <see cref="RfmResult.WithSegmentMap"/> applies another map to the same scores).
/// </summary>
/// <remarks>
/// <para>
/// <b>Quintiles.</b> Each dimension is scored on its own. Ranking the customers from worst to best (longest time since
/// the last purchase first; fewest purchases and least value first), a customer's score is 1 + ⌊5·p⌋ with
/// p = (w + e / 2) / n: w customers have a worse value, e have an equal one (the customer included), n in all. That is
/// the customer's mid-rank percentile, so:
/// </para>
/// <list type="bullet">
/// <item>equal values always share a score (none is split by input order), and the rule is symmetric: reversing the order
/// of a dimension turns score s into 6 − s except where ties straddle a cut exactly;</item>
/// <item>with distinct values every quintile holds ⌊n/5⌋ or ⌈n/5⌉ customers, the most balanced split there is;</item>
/// <item>when every value is equal every customer scores 3 (the middle), rather than all 1 or all 5; with large tie
/// groups (most customers bought once) the scores that the group straddles are skipped, and the counts show it.</item>
/// </list>
/// <para>
/// The cuts are reported (<see cref="RfmResult.Cuts"/>) so that new customers can be scored against them. Scoring runs in
/// O(n) per dimension (selection, not sorting); a million customers take tens of milliseconds. Thread-safe.
/// </para>
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage(
    "ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = InputShapes.OptionalTokenOnEachShape)]
public static class RfmScorer
{
    /// <summary>Scores customers given by column.</summary>
    /// <param name="recency">The time since each customer's last purchase (lower is better), in any unit; finite, 0 or more.</param>
    /// <param name="frequency">Each customer's purchases (higher is better); finite, 0 or more.</param>
    /// <param name="monetary">Each customer's monetary value (higher is better), such as total or mean spend; finite,
    /// 0 or more.</param>
    /// <returns>The scores, in input order; for no customers a result without value.</returns>
    /// <exception cref="ArgumentException">The columns differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is negative, NaN or infinite; the message names its index.</exception>
    public static RfmResult Score(
        ReadOnlySpan<double> recency, ReadOnlySpan<double> frequency, ReadOnlySpan<double> monetary)
    {
        SameLength(frequency.Length, recency.Length, nameof(frequency));
        SameLength(monetary.Length, recency.Length, nameof(monetary));
        CheckColumn(recency, nameof(recency));
        CheckColumn(frequency, nameof(frequency));
        CheckColumn(monetary, nameof(monetary));
        return ScoreChecked(recency, frequency, monetary, null, RfmSegmentMap.Default);
    }

    /// <summary>
    /// Scores summarised customers: recency R = T − t<sub>x</sub> (time since the last purchase, in the summaries' unit),
    /// frequency F = x + 1 (purchases, the first included), monetary value M = the mean repeat value z̄.
    /// </summary>
    /// <param name="summaries">The customers.</param>
    /// <returns>The scores, in the summaries' order, with their customer identifiers.</returns>
    /// <remarks>
    /// A customer without a monetary value (no repeat purchase, or a value not given) scores M = 1 — no repeat spend to
    /// credit — and is left out of the monetary quintiles, which split the customers who have one; without any monetary
    /// values every customer scores M = 1 and the monetary cuts are missing.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="summaries"/> is <see langword="null"/>.</exception>
    public static RfmResult Score(CustomerSummaries summaries)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        var n = summaries.Count;
        var recency = new double[n];
        var frequency = new double[n];
        var x = summaries.Frequency;
        var tx = summaries.Recency;
        var t = summaries.T;
        for (var i = 0; i < n; i++)
        {
            recency[i] = Math.Max(0, t[i] - tx[i]);
            frequency[i] = x[i] + 1.0;
        }

        var ids = new string[n];
        for (var i = 0; i < n; i++)
        {
            ids[i] = summaries.CustomerId(i);
        }

        return ScoreChecked(recency, frequency, summaries.MonetaryValue, ids, RfmSegmentMap.Default, monetaryMayBeMissing: true);
    }

    /// <summary>
    /// Scores customers from their transactions as of a time: recency = time from the customer's last purchase to
    /// <paramref name="asOf"/> in <paramref name="unit"/>s, frequency = the number of transactions, monetary value = their
    /// mean value.
    /// </summary>
    /// <param name="transactions">The transactions, in any order; none after <paramref name="asOf"/>.</param>
    /// <param name="asOf">The time the scores describe.</param>
    /// <param name="unit">The unit of recency (and of the recency cuts).</param>
    /// <param name="cancellationToken">Cancels the grouping of the transactions.</param>
    /// <returns>The scores, one per customer in order of first appearance, with their identifiers.</returns>
    /// <remarks>
    /// Transactions are counted as they are: two on the same day count twice. To merge same-period purchases as the
    /// value models do, summarise first and score the <see cref="CustomerSummaries"/>.
    /// </remarks>
    /// <exception cref="ArgumentException">A transaction is <c>default(Transaction)</c>; the message names its index.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A transaction is after <paramref name="asOf"/> (the message names its
    /// index), or <paramref name="unit"/> is not defined.</exception>
    /// <exception cref="OverflowException">A customer's total exceeds <see cref="decimal.MaxValue"/>; the message names the
    /// customer and the index of the transaction that took it past.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static RfmResult Score(
        ReadOnlySpan<Transaction> transactions, DateTimeOffset asOf, TimeUnit unit, CancellationToken cancellationToken = default)
    {
        var ticksPerUnit = TimeUnits.Days(unit) * TimeSpan.TicksPerDay;
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var last = new List<long>();
        var count = new List<long>();
        var sum = new List<decimal>();
        var ids = new List<string>();
        var end = asOf.UtcTicks;
        for (var i = 0; i < transactions.Length; i++)
        {
            if ((i & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            ref readonly var transaction = ref transactions[i];
            var id = TransactionInput.CustomerOf(transaction, i, nameof(transactions));
            var time = transaction.Time.UtcTicks;
            if (time > end)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(transactions),
                    transaction.Time,
                    string.Create(CultureInfo.InvariantCulture, $"The transaction at index {i} ({transaction.Time:O}) is after the scoring time {asOf:O}."));
            }

            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(index, id, out var exists);
            if (!exists)
            {
                slot = ids.Count;
                ids.Add(id);
                last.Add(time);
                count.Add(1);
                sum.Add(transaction.Value);
                continue;
            }

            last[slot] = Math.Max(last[slot], time);
            count[slot]++;
            sum[slot] = TransactionTotals.AddToCustomer(sum[slot], transaction.Value, id, i, nameof(transactions));
        }

        var n = ids.Count;
        var recency = new double[n];
        var frequency = new double[n];
        var monetary = new double[n];
        for (var c = 0; c < n; c++)
        {
            recency[c] = (end - last[c]) / ticksPerUnit;
            frequency[c] = count[c];
            monetary[c] = (double)(sum[c] / count[c]);
        }

        return ScoreChecked(recency, frequency, monetary, [.. ids], RfmSegmentMap.Default);
    }

    /// <summary>
    /// Scores customers from a sequence of transactions as of a time, as
    /// <see cref="Score(ReadOnlySpan{Transaction}, DateTimeOffset, TimeUnit, CancellationToken)"/> does: an array or list
    /// is read in place, any other sequence copied once.
    /// </summary>
    /// <inheritdoc cref="Score(ReadOnlySpan{Transaction}, DateTimeOffset, TimeUnit, CancellationToken)"/>
    /// <exception cref="ArgumentNullException"><paramref name="transactions"/> is <see langword="null"/>.</exception>
    public static RfmResult Score(
        IEnumerable<Transaction> transactions, DateTimeOffset asOf, TimeUnit unit, CancellationToken cancellationToken = default) =>
        Score(TransactionInput.AsSpan(transactions, nameof(transactions)), asOf, unit, cancellationToken);

    private static RfmResult ScoreChecked(
        ReadOnlySpan<double> recency,
        ReadOnlySpan<double> frequency,
        ReadOnlySpan<double> monetary,
        string[]? ids,
        RfmSegmentMap segmentMap,
        bool monetaryMayBeMissing = false)
    {
        var n = recency.Length;
        var r = new byte[n];
        var f = new byte[n];
        var m = new byte[n];
        var scratch = new double[n];
        var recencyCuts = RfmQuintiles.Score(recency, lowerIsBetter: true, r, scratch);
        var frequencyCuts = RfmQuintiles.Score(frequency, lowerIsBetter: false, f, scratch);
        double?[] monetaryCuts;
        if (!monetaryMayBeMissing)
        {
            monetaryCuts = RfmQuintiles.Score(monetary, lowerIsBetter: false, m, scratch);
        }
        else
        {
            // Score the customers with a value among themselves; the others score 1.
            var known = 0;
            var values = new double[monetary.Length];
            foreach (var value in monetary)
            {
                if (!double.IsNaN(value))
                {
                    values[known++] = value;
                }
            }

            var scores = new byte[known];
            monetaryCuts = RfmQuintiles.Score(values.AsSpan(0, known), lowerIsBetter: false, scores, scratch);
            m.AsSpan().Fill(1);
            for (int i = 0, j = 0; i < monetary.Length; i++)
            {
                if (!double.IsNaN(monetary[i]))
                {
                    m[i] = scores[j++];
                }
            }
        }

        return new RfmResult(new RfmCuts(recencyCuts, frequencyCuts, monetaryCuts), segmentMap, r, f, m, ids);
    }

    private static void CheckColumn(ReadOnlySpan<double> values, string paramName)
    {
        for (var i = 0; i < values.Length; i++)
        {
            try
            {
                SpendChecks.NonNegative(values[i], paramName);
            }
            catch (ArgumentOutOfRangeException e)
            {
                throw new ArgumentOutOfRangeException(
                    paramName, e.ActualValue, string.Create(CultureInfo.InvariantCulture, $"The value at index {i}: {CustomerSummaries.Reason(e)}"));
            }
        }
    }

    private static void SameLength(int length, int expected, string paramName)
    {
        if (length != expected)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Every column must have one entry per customer ({expected}); got {length}."), paramName);
        }
    }
}
