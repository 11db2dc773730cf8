using Engagement.Sdk.Value;
using FsCheck;
using FsCheck.Fluent;

namespace Engagement.Sdk.Tests.Value;

/// <summary>The ids interned over several partitions (the path from 2^16 transactions on several cores) give the same
/// summaries, in the same order, as the sequential path.</summary>
public class CustomerSummaryBuilderPartitionTests
{
    private static readonly DateTimeOffset Origin = new(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Partitions_GiveTheSequentialSummaries() =>
        Prop.ForAll(
            Arb.From(
                Gen.Choose(0, 60).SelectMany(length =>
                    (from customer in Gen.Choose(0, 40)
                     from step in Gen.Choose(0, 60 * 72)
                     from cents in Gen.Choose(0, 20_000)
                     select new CustomerSummaryBuilderProperties.Purchase(customer, step, cents)).ArrayOf(length)),
                purchases => Enumerable.Range(0, purchases.Length).Select(i => purchases.Where((_, j) => j != i).ToArray())),
            Arb.From(Gen.Elements(2, 4, 8)),
            (purchases, partitions) =>
            {
                // Each purchase gets its own id instance, so the tables compare ids by value, not by reference.
                var transactions = purchases.Select(p => p.ToTransaction()).ToArray();
                var definition = new CustomerSummaryDefinition(TimeUnit.Week, Origin.AddDays(40), Origin.AddDays(60), TimeUnit.Day, "Europe/Amsterdam");
                var sequential = CustomerSummaryBuilder.BuildReport(transactions, definition, 1, CancellationToken.None);
                var parallel = CustomerSummaryBuilder.BuildReport(transactions, definition, partitions, CancellationToken.None);
                return Same(sequential, parallel);
            }).Check(Config.QuickThrowOnFailure.WithMaxTest(300));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(8)]
    public void ManyCustomers_GrowTheTables_AndKeepTheOrderOfFirstAppearance(int partitions)
    {
        // 3,000 customers, each first seen at index 2k and again at 2k + 1 (a fresh instance of the id): every table
        // grows several times from its initial 16 or so slots, and customer k must come out at row k.
        var transactions = new Transaction[6_000];
        for (var k = 0; k < 3_000; k++)
        {
            transactions[2 * k] = new Transaction($"id{k}", Origin.AddDays(k % 30), 1m);
            transactions[(2 * k) + 1] = new Transaction(string.Concat("id", k.ToString(System.Globalization.CultureInfo.InvariantCulture)), Origin.AddDays(31), 3m);
        }

        var definition = new CustomerSummaryDefinition(TimeUnit.Day, Origin.AddDays(40));
        var summaries = CustomerSummaryBuilder.BuildReport(transactions, definition, partitions, CancellationToken.None).Summaries;

        Assert.Equal(3_000, summaries.Count);
        for (var k = 0; k < 3_000; k++)
        {
            // One repeat purchase (day 31 is another day than day k % 30), worth 3.
            var customer = summaries.Customers[k];
            Assert.Equal($"id{k}", customer.CustomerId);
            Assert.Equal(1, customer.Frequency);
            Assert.Equal(3.0, customer.MonetaryValue);
        }
    }

    [Fact]
    public void LargeInput_OnThePublicPath_MatchesTheSequentialPath()
    {
        // 100,000 shuffled purchases of 5,000 customers: above 2^16, so Build partitions on a machine with 2+ cores.
        var random = new Random(20261127);
        var ids = Enumerable.Range(0, 5_000).Select(c => $"c{c}").ToArray();
        var transactions = Enumerable.Range(0, 100_000)
            .Select(_ => new Transaction(ids[random.Next(ids.Length)], Origin.AddMinutes(random.Next(60 * 24 * 60)), random.Next(20_000) / 100m))
            .ToArray();
        var definition = new CustomerSummaryDefinition(TimeUnit.Week, Origin.AddDays(40), Origin.AddDays(60));

        var sequential = CustomerSummaryBuilder.BuildReport(transactions, definition, 1, CancellationToken.None);
        var built = CustomerSummaryBuilder.BuildReport(transactions, definition);

        Assert.True(Same(sequential, built));
        Assert.Equal(5_000, sequential.Summaries.Count + sequential.CustomersAfterCalibration);
    }

    private static bool Same(CustomerSummaryReport a, CustomerSummaryReport b) =>
        a.Summaries.Customers.SequenceEqual(b.Summaries.Customers)
        && a.CustomersAfterCalibration == b.CustomersAfterCalibration
        && a.TransactionsAfterCalibration == b.TransactionsAfterCalibration;
}
