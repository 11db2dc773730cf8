using Engagement.Sdk.Tests.Value.Reference;
using Engagement.Sdk.Value;

namespace Engagement.Sdk.Tests.Value;

public class RfmCdnowTests
{
    [Fact]
    public void CdnowSummary_OneTimeBuyersShareAFrequencyScore_AndCustomersWithoutSpendScoreM1()
    {
        var rows = CdnowData.ReadSummaryWithValues();
        var summaries = new CustomerSummaries(TimeUnit.Week, [.. rows.Select(r => new CustomerSummary(r.Id, r.X, r.Tx, r.T, r.Zbar))]);

        var result = RfmScorer.Score(summaries);

        // F = x + 1: the one-time buyers (x = 0) are the worst tie group, w = 0 and e = their number, so they all score
        // 1 + ⌊5 · (e/2) / n⌋; the counts come from the data, the rule from the docs.
        var n = rows.Count;
        var oneTime = rows.Count(r => r.X == 0);
        var expectedF = 1 + (int)Math.Floor(5 * (oneTime / 2.0) / n);
        Assert.Equal(2357, n);
        Assert.All(Enumerable.Range(0, n).Where(i => rows[i].X == 0), i => Assert.Equal(expectedF, result[i].Frequency));

        // No z̄ → M = 1; the repeat buyers are split among themselves, and z̄ values are nearly all distinct, so their
        // five monetary scores hold about a fifth each.
        Assert.All(Enumerable.Range(0, n).Where(i => rows[i].Zbar is null), i => Assert.Equal(1, result[i].Monetary));
        var repeat = rows.Count(r => r.Zbar is not null);
        var repeatCounts = Enumerable.Range(1, 5).Select(k => Enumerable.Range(0, n).Count(i => rows[i].Zbar is not null && result[i].Monetary == k)).ToArray();
        Assert.All(repeatCounts, c => Assert.InRange(c, (repeat / 5) - 10, (repeat / 5) + 10));
        Assert.Equal(n, result.SegmentCounts.Sum());
        Assert.All(Enumerable.Range(0, n), i => Assert.Equal(result[i], result.Score(rows[i].T - rows[i].Tx, rows[i].X + 1, rows[i].Zbar)));
    }

    [Fact]
    public void CdnowSampleTransactions_ScoreEveryCustomerOnce()
    {
        var transactions = CdnowData.ReadSampleTransactions();
        var asOf = new DateTimeOffset(1998, 7, 1, 0, 0, 0, TimeSpan.Zero);

        var result = RfmScorer.Score(transactions.ToArray(), asOf, TimeUnit.Week);

        // 2,357 customers in the sample; frequency counts transactions, so the frequency counts add up to them.
        Assert.Equal(2357, result.Count);
        var ids = result.CustomerIds!;
        Assert.Equal(2357, ids.Distinct().Count());
        Assert.Equal(2357, result.FrequencyCounts.Sum());
        var perCustomer = transactions.CountBy(t => t.CustomerId).ToDictionary();
        Assert.All(Enumerable.Range(0, result.Count), i => Assert.Equal(result[i].Frequency, result.Cuts.ScoreFrequency(perCustomer[ids[i]])));
    }
}
