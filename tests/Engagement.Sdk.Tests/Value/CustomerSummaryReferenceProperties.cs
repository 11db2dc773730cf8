using Engagement.Sdk.Tests.Value.Reference;
using Engagement.Sdk.Value;
using FsCheck;
using FsCheck.Fluent;

namespace Engagement.Sdk.Tests.Value;

/// <summary>The optimised summary builder against the naive LINQ reference (<see cref="NaiveSummaries"/>).</summary>
public class CustomerSummaryReferenceProperties
{
    private static readonly DateTimeOffset Origin = new(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Up to 60 purchases of 8 customers at whole hours over 80 days (or at midnights only), in cents;
    /// shrinks by dropping purchases.</summary>
    private static Arbitrary<Transaction[]> Purchases(bool midnights) =>
        Arb.From(
            Gen.Choose(0, 60).SelectMany(length =>
                (from customer in Gen.Choose(0, 7)
                 from day in Gen.Choose(0, 80)
                 from hour in midnights ? Gen.Constant(0) : Gen.Choose(0, 23)
                 from cents in Gen.Choose(0, 50_000)
                 select new Transaction($"c{customer}", Origin.AddDays(day).AddHours(hour), cents / 100m)).ArrayOf(length)),
            purchases => Enumerable.Range(0, purchases.Length).Select(i => purchases.Where((_, j) => j != i).ToArray()));

    private static Arbitrary<(TimeUnit Unit, int CalibrationDay, bool Holdout)> Settings() =>
        Arb.From(
            from unit in Gen.Elements(TimeUnit.Day, TimeUnit.Week, TimeUnit.Month, TimeUnit.Year)
            from calibrationDay in Gen.Choose(1, 79)
            from holdout in Gen.Elements(true, false)
            select (unit, calibrationDay, holdout));

    [Fact]
    public void PurchasesAtMidnight_EveryFieldEqualsTheReference() =>
        Prop.ForAll(Purchases(midnights: true), Settings(), (purchases, s) =>
        {
            var (calibrationEnd, observationEnd, transactions) = Split(purchases, s);
            var naive = NaiveSummaries.Build(transactions, s.Unit, calibrationEnd, observationEnd);

            var built = Sorted(transactions, new CustomerSummaryDefinition(s.Unit, calibrationEnd, observationEnd));

            return built.Count == naive.Count
                && built.Zip(naive).All(p => p.First.Equals(new CustomerSummary(
                    p.Second.CustomerId, p.Second.X, p.Second.Tx, p.Second.T, p.Second.Zbar, p.Second.HoldoutX, p.Second.HoldoutMean)));
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(300));

    [Fact]
    public void PurchasesAtAnyHour_CountsAndValuesEqualTheReference() =>
        Prop.ForAll(Purchases(midnights: false), Settings(), (purchases, s) =>
        {
            // The reference measures times between UTC day starts, the builder between the purchases' instants, so
            // only the counts, the cohort and the mean values must agree here.
            var (calibrationEnd, observationEnd, transactions) = Split(purchases, s);
            var naive = NaiveSummaries.Build(transactions, s.Unit, calibrationEnd, observationEnd);

            var built = Sorted(transactions, new CustomerSummaryDefinition(s.Unit, calibrationEnd, observationEnd));

            return built.Count == naive.Count
                && built.Zip(naive).All(p => p.First.CustomerId == p.Second.CustomerId
                    && p.First.Frequency == p.Second.X
                    && p.First.MonetaryValue == p.Second.Zbar
                    && p.First.HoldoutFrequency == p.Second.HoldoutX
                    && p.First.HoldoutValue == p.Second.HoldoutMean);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(300));

    /// <summary>The calibration end at midnight of the chosen day, the observation end at day 81 or none; without a
    /// holdout, the purchases after the calibration end are dropped (the builder would refuse them).</summary>
    private static (DateTimeOffset CalibrationEnd, DateTimeOffset? ObservationEnd, Transaction[] Transactions) Split(
        Transaction[] purchases, (TimeUnit Unit, int CalibrationDay, bool Holdout) s)
    {
        var calibrationEnd = Origin.AddDays(s.CalibrationDay);
        return s.Holdout
            ? (calibrationEnd, Origin.AddDays(81), purchases)
            : (calibrationEnd, null, purchases.Where(t => t.Time <= calibrationEnd).ToArray());
    }

    private static List<CustomerSummary> Sorted(Transaction[] transactions, CustomerSummaryDefinition definition) =>
        [.. CustomerSummaryBuilder.Build(transactions, definition).Customers.OrderBy(c => c.CustomerId, StringComparer.Ordinal)];
}
