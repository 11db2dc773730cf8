using Engagement.Sdk.Value;
using FsCheck;
using FsCheck.Fluent;

namespace Engagement.Sdk.Tests.Value;

/// <summary>The summary builder on random purchases: the summaries do not depend on the input's order.</summary>
public class CustomerSummaryBuilderProperties
{
    private static readonly DateTimeOffset Origin = new(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] Zones = ["UTC", "Europe/Amsterdam", "America/Sao_Paulo"];

    /// <summary>Up to 40 purchases of 6 customers at whole 20-minute steps over 60 days from 1 March 2024 (across
    /// Amsterdam's spring change), values in cents; shrinks by dropping purchases.</summary>
    private static Arbitrary<Purchase[]> Purchases() =>
        Arb.From(
            Gen.Choose(0, 40).SelectMany(length =>
                (from customer in Gen.Choose(0, 5)
                 from step in Gen.Choose(0, 60 * 72)
                 from cents in Gen.Choose(0, 20_000)
                 select new Purchase(customer, step, cents)).ArrayOf(length)),
            purchases => Enumerable.Range(0, purchases.Length).Select(i => purchases.Where((_, j) => j != i).ToArray()));

    private static Arbitrary<(TimeUnit Unit, TimeUnit Merge, string Zone, int Seed)> Settings() =>
        Arb.From(
            from unit in Gen.Elements(TimeUnit.Day, TimeUnit.Week, TimeUnit.Month, TimeUnit.Year)
            from merge in Gen.Elements(TimeUnit.Day, TimeUnit.Week, TimeUnit.Month, TimeUnit.Year)
            from zone in Gen.Elements(Zones)
            from seed in Gen.Choose(0, int.MaxValue)
            select (unit, merge, zone, seed));

    [Fact]
    public void Summaries_DoNotDependOnTheInputOrder() =>
        Prop.ForAll(Purchases(), Settings(), (purchases, s) =>
        {
            // Calibration to day 40, holdout to day 60: some customers first buy in the holdout.
            var definition = new CustomerSummaryDefinition(s.Unit, Origin.AddDays(40), Origin.AddDays(60), s.Merge, s.Zone);
            var transactions = purchases.Select(p => p.ToTransaction()).ToArray();
            var shuffled = transactions.ToArray();
            new Random(s.Seed).Shuffle(shuffled);

            var report = CustomerSummaryBuilder.BuildReport(transactions, definition);
            var fromShuffled = CustomerSummaryBuilder.BuildReport(shuffled, definition);

            return report.Summaries.Customers.OrderBy(c => c.CustomerId, StringComparer.Ordinal)
                    .SequenceEqual(fromShuffled.Summaries.Customers.OrderBy(c => c.CustomerId, StringComparer.Ordinal))
                && report.CustomersAfterCalibration == fromShuffled.CustomersAfterCalibration
                && report.TransactionsAfterCalibration == fromShuffled.TransactionsAfterCalibration
                && report.Summaries.Count + report.CustomersAfterCalibration == purchases.Select(p => p.Customer).Distinct().Count();
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(300));

    /// <summary>A purchase of customer <c>c{Customer}</c> at <see cref="Step"/> × 20 minutes after the origin.</summary>
    internal sealed record Purchase(int Customer, int Step, int Cents)
    {
        public Transaction ToTransaction() => new($"c{Customer}", Origin.AddMinutes(20 * Step), Cents / 100m);
    }
}
