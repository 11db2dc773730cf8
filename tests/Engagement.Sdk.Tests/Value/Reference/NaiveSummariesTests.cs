using Engagement.Sdk.Value;
using FsCheck;
using FsCheck.Fluent;

namespace Engagement.Sdk.Tests.Value.Reference;

public class NaiveSummariesTests
{
    private static readonly DateTimeOffset Jan1 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static Transaction Buy(string customer, DateTimeOffset time, decimal value) => new(customer, time, value);

    [Fact]
    public void HandWorked_MergesDays_MeasuresFromDayStarts_SplitsTheHoldout()
    {
        var calibrationEnd = Jan1.AddDays(28);
        var transactions = new[]
        {
            Buy("a", Jan1.AddHours(10), 10), Buy("a", Jan1.AddHours(18), 5),          // first day, merged ($15)
            Buy("a", Jan1.AddDays(7).AddHours(9), 20),                               // repeat day 1: 01-08, $20
            Buy("a", Jan1.AddDays(14), 30), Buy("a", Jan1.AddDays(14).AddHours(23.99), 10), // repeat day 2: 01-15, $40
            Buy("a", Jan1.AddDays(31), 7),                                           // holdout
            Buy("b", Jan1.AddDays(21).AddHours(12), 3),                              // one purchase, 01-22 at noon
            Buy("c", Jan1.AddDays(35), 9),                                           // holdout only: not in the cohort
        };

        var summaries = NaiveSummaries.Build(transactions, TimeUnit.Week, calibrationEnd, Jan1.AddDays(56));

        // a: x = 2 repeat days; t_x = 01-01 → 01-15 = 2 weeks; T = 01-01 → 01-29 = 4 weeks; z̄ = (20 + 40)/2 = 30;
        // holdout: 1 day worth $7. b: first day 01-22 (its start, not noon): T = 7 days = 1 week; nothing else.
        Assert.Equal(
            [new NaiveSummary("a", 2, 2, 4, 30, 1, 7), new NaiveSummary("b", 0, 0, 1, null, 0, null)],
            summaries);
    }

    [Fact]
    public void HandWorked_ADayAcrossTheCalibrationEndMergesOnEachSide_AndUnitsConvert()
    {
        var calibrationEnd = Jan1.AddDays(10).AddHours(12);
        var transactions = new[]
        {
            Buy("a", Jan1, 1), Buy("a", Jan1.AddDays(10).AddHours(9), 2), Buy("a", Jan1.AddDays(10).AddHours(12), 3), // ≤ the end
            Buy("a", Jan1.AddDays(10).AddHours(14), 4), Buy("a", Jan1.AddDays(10).AddHours(20), 5),                    // after it
        };

        var days = NaiveSummaries.Build(transactions, TimeUnit.Day, calibrationEnd, Jan1.AddDays(11));
        var months = NaiveSummaries.Build(transactions.Where(t => t.Time <= calibrationEnd), TimeUnit.Month, calibrationEnd, observationEnd: null);

        // Calibration: 01-01 and 01-11 ($2 + $3 merged): x = 1, t_x = 10 days, T = 10.5 days, z̄ = 5. Holdout: 01-11 again
        // ($4 + $5 merged), one day, mean 9. In months of 30.436875 days: t_x = 10/30.436875, T = 10.5/30.436875.
        Assert.Equal([new NaiveSummary("a", 1, 10, 10.5, 5, 1, 9)], days);
        var month = Assert.Single(months);
        Assert.Equal(10 / 30.436875, month.Tx, 1e-15);
        Assert.Equal(10.5 / 30.436875, month.T, 1e-15);
        Assert.Null(month.HoldoutX);
    }

    [Fact]
    public void PurchaseAfterTheObservationEnd_Throws_NamingItsIndexAndTime()
    {
        var late = Jan1.AddDays(40);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            NaiveSummaries.Build([Buy("a", Jan1, 1), Buy("a", late, 1)], TimeUnit.Week, Jan1.AddDays(28), Jan1.AddDays(35)));

        Assert.Equal("transactions", e.ParamName);
        Assert.Equal(late, e.ActualValue);
        Assert.Contains("index 1", e.Message, StringComparison.Ordinal);

        var noCustomer = Assert.Throws<ArgumentException>(() => NaiveSummaries.Build([Buy("a", Jan1, 1), default], TimeUnit.Week, Jan1.AddDays(28), null));
        Assert.Contains("index 1", noCustomer.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CdnowSample_ReproducesThePublishedSummary()
    {
        // FHL 2005: calibration weeks 1–39 end on 1997-09-30; purchases are dated (midnight UTC here).
        // Without a holdout the calibration end is the observation end, and later purchases are refused: filter them.
        var calibrationEnd = new DateTimeOffset(1997, 9, 30, 0, 0, 0, TimeSpan.Zero);
        var summaries = NaiveSummaries.Build(CdnowData.ReadSampleTransactions().Where(t => t.Time <= calibrationEnd), TimeUnit.Week, calibrationEnd, null);
        var published = CdnowData.ReadSummaryWithValues().ToDictionary(c => c.Id);

        Assert.Equal(published.Count, summaries.Count);
        Assert.All(summaries, s =>
        {
            var p = published[s.CustomerId];
            Assert.Equal(p.X, s.X);
            Assert.Equal(p.Tx, s.Tx, 0.005001); // the file rounds to 2 decimals
            Assert.Equal(p.T, s.T, 0.005001);
            Assert.Equal(p.Zbar is null, s.Zbar is null);
            Assert.Equal(p.Zbar ?? 0, s.Zbar ?? 0, 0.005001);
        });
    }

    [Fact]
    public void CdnowSample_HoldoutOfTheZeroClass_IsThePapers()
    {
        // FHL 2005 Sec. 7 (via the reading note): the 1,411 customers with no repeat purchase in weeks 1–39 made 334
        // purchases in weeks 40–78 (the data end on 1998-06-30).
        var summaries = NaiveSummaries.Build(
            CdnowData.ReadSampleTransactions(), TimeUnit.Week, new DateTimeOffset(1997, 9, 30, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(1998, 6, 30, 0, 0, 0, TimeSpan.Zero));
        var zeroClass = summaries.Where(s => s.X == 0).ToList();

        Assert.Equal(PublishedEstimates.BgNbd.ZeroClassCustomers, zeroClass.Count);
        Assert.Equal(PublishedEstimates.BgNbd.ZeroClassHoldoutPurchases, zeroClass.Sum(s => s.HoldoutX));
    }

    /// <summary>Up to 30 purchases by 4 customers at whole hours over 60 days from 2024-01-01, worth 0–100.00.</summary>
    internal static Arbitrary<Transaction[]> Purchases() =>
        Arb.From(
            from length in Gen.Choose(0, 30)
            from rows in (
                from customer in Gen.Elements("a", "b", "c", "d")
                from hour in Gen.Choose(0, 60 * 24)
                from cents in Gen.Choose(0, 10_000)
                select Buy(customer, Jan1.AddHours(hour), cents / 100m)).ArrayOf(length)
            select rows,
            purchases => purchases.Length == 0 ? [] : new[] { purchases[1..], purchases[..^1] });

    [Fact]
    public void Summary_DoesNotDependOnInputOrder() =>
        Prop.ForAll(Purchases(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (purchases, seed) =>
        {
            var shuffled = purchases.ToArray();
            new Random(seed).Shuffle(shuffled);
            var calibrationEnd = Jan1.AddDays(40).AddHours(6);
            var observationEnd = Jan1.AddDays(61);
            return NaiveSummaries.Build(purchases, TimeUnit.Week, calibrationEnd, observationEnd)
                .SequenceEqual(NaiveSummaries.Build(shuffled, TimeUnit.Week, calibrationEnd, observationEnd));
        }).QuickCheckThrowOnFailure();
}
