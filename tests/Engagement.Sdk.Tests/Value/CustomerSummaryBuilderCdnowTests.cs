using Engagement.Sdk.Tests.Value.Reference;
using Engagement.Sdk.Value;

namespace Engagement.Sdk.Tests.Value;

/// <summary>
/// The builder on the CDNOW 1/10 sample (Fader, Hardie &amp; Lee 2005): the 39-week calibration summaries that lifetimes
/// publishes with its data, and the holdout weeks 40–78.
/// </summary>
public class CustomerSummaryBuilderCdnowTests
{
    private static readonly DateTimeOffset CalibrationEnd = new(1997, 9, 30, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset ObservationEnd = new(1998, 6, 30, 0, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<List<Transaction>> Sample = new(CdnowData.ReadSampleTransactions);

    /// <summary>The sample's purchases up to the calibration end: without a holdout period, later ones are refused.</summary>
    private static readonly Lazy<Transaction[]> Calibration = new(() => Sample.Value.Where(t => t.Time <= CalibrationEnd).ToArray());

    [Fact]
    public void Build_CdnowSample_ReproducesEveryRowOfTheLifetimesSummary()
    {
        var expected = CdnowData.ReadSummary();

        var summaries = CustomerSummaryBuilder.Build(Calibration.Value, new CustomerSummaryDefinition(TimeUnit.Week, CalibrationEnd));

        // Every sample customer first bought in 1997's first quarter, and the file lists them by id, as they first
        // appear in the transactions: row i of each is the same customer.
        Assert.Equal(2357, summaries.Count);
        Assert.Equal(TimeUnit.Week, summaries.Unit);
        Assert.Null(summaries.HoldoutLength);
        for (var i = 0; i < expected.Count; i++)
        {
            var row = expected[i];
            var actual = summaries.Customers[i];
            Assert.Equal(row.Id, actual.CustomerId);
            Assert.True(row.X == actual.Frequency, $"{row.Id}: x {actual.Frequency}, expected {row.X}");
            Assert.True(RoundsTo(actual.Recency, row.Tx), $"{row.Id}: t_x {actual.Recency}, expected {row.Tx}");
            Assert.True(RoundsTo(actual.T, row.T), $"{row.Id}: T {actual.T}, expected {row.T}");
        }
    }

    [Fact]
    public void Build_CdnowSample_MonetaryValueIsTheMeanOfTheRepeatPurchases()
    {
        var expected = CdnowData.ReadSummaryWithValues();

        var summaries = CustomerSummaryBuilder.Build(Calibration.Value, new CustomerSummaryDefinition(TimeUnit.Week, CalibrationEnd));

        for (var i = 0; i < expected.Count; i++)
        {
            var row = expected[i];
            var actual = summaries.Customers[i];
            Assert.Equal(row.X, actual.Frequency);
            if (row.Zbar is { } zbar)
            {
                Assert.True(actual.MonetaryValue is { } mean && RoundsTo(mean, zbar), $"{row.Id}: z̄ {actual.MonetaryValue}, expected {zbar}");
            }
            else
            {
                Assert.Null(actual.MonetaryValue);
            }
        }

        // Customer 1 bought on 1997-01-01 ($29.33), 01-18 ($29.73), 08-02 ($14.96) and 12-12 (after calibration):
        // two repeat purchases with mean (29.73 + 14.96) / 2 = 22.345, exactly, as the sums are decimal.
        Assert.Equal(22.345, summaries.Customers[0].MonetaryValue);
    }

    [Fact]
    public void Build_CdnowSampleWithHoldout_CalibrationUnchangedAndHoldoutAsPublished()
    {
        var definition = new CustomerSummaryDefinition(TimeUnit.Week, CalibrationEnd, ObservationEnd);

        var report = CustomerSummaryBuilder.BuildReport(Sample.Value, definition);
        var summaries = report.Summaries;
        var calibration = CustomerSummaryBuilder.Build(Calibration.Value, new CustomerSummaryDefinition(TimeUnit.Week, CalibrationEnd), default);

        // 1997-09-30 to 1998-06-30 is 31 + 30 + 31 + 31 + 28 + 31 + 30 + 31 + 30 = 273 days = 39 weeks (weeks 40–78).
        Assert.Equal(39, summaries.HoldoutLength);
        Assert.Equal(39, definition.HoldoutLength);
        Assert.Equal(0, report.CustomersAfterCalibration);
        Assert.Equal(6919, report.Transactions);

        var zeroClass = 0;
        var zeroClassHoldout = 0;
        var holdoutPurchases = 0;
        for (var i = 0; i < summaries.Count; i++)
        {
            var customer = summaries.Customers[i];
            var withoutHoldout = calibration.Customers[i];
            Assert.Equal(withoutHoldout.Frequency, customer.Frequency);
            Assert.Equal(withoutHoldout.Recency, customer.Recency);
            Assert.Equal(withoutHoldout.T, customer.T);
            Assert.Equal(withoutHoldout.MonetaryValue, customer.MonetaryValue);
            var holdout = customer.HoldoutFrequency!.Value;
            holdoutPurchases += holdout;
            if (customer.Frequency == 0)
            {
                zeroClass++;
                zeroClassHoldout += holdout;
            }
        }

        // FHL 2005, Section 7: the 1,411 customers without a repeat purchase in weeks 1–39 made 334 in weeks 40–78.
        Assert.Equal(PublishedEstimates.BgNbd.ZeroClassCustomers, zeroClass);
        Assert.Equal(PublishedEstimates.BgNbd.ZeroClassHoldoutPurchases, zeroClassHoldout);

        // Every holdout purchase is a distinct (customer, day) after the calibration end, counted plainly here.
        var distinctDays = Sample.Value.Where(t => t.Time > CalibrationEnd).Select(t => (t.CustomerId, t.Time.Date)).Distinct().Count();
        Assert.Equal(distinctDays, holdoutPurchases);

        // Customer 1's one holdout purchase is 1997-12-12 at $26.48.
        Assert.Equal(1, summaries.Customers[0].HoldoutFrequency);
        Assert.Equal(26.48, summaries.Customers[0].HoldoutValue);
    }

    [Fact]
    public void Build_CdnowSample_ShuffledInput_GivesTheSameSummariesById()
    {
        var definition = new CustomerSummaryDefinition(TimeUnit.Week, CalibrationEnd, ObservationEnd);
        var shuffled = Sample.Value.ToArray();
        new Random(20050301).Shuffle(shuffled);

        var ordered = CustomerSummaryBuilder.Build(Sample.Value, definition).Customers.OrderBy(c => c.CustomerId, StringComparer.Ordinal);
        var fromShuffled = CustomerSummaryBuilder.Build(shuffled, definition).Customers.OrderBy(c => c.CustomerId, StringComparer.Ordinal);

        Assert.Equal(ordered, fromShuffled);
    }

    /// <summary>Whether <paramref name="actual"/> rounds to the 2-decimal <paramref name="expected"/> (a tie either way).</summary>
    private static bool RoundsTo(double actual, double expected) => Math.Abs(actual - expected) <= 0.005 + 1e-9;
}
