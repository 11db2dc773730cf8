using Engagement.Sdk.Value;
using FsCheck;
using FsCheck.Fluent;

namespace Engagement.Sdk.Tests.Value;

/// <summary>Every layout of the grouping (cores, buckets of the hash partition, chunks of the input) gives the same
/// summaries, in the same order, as one bucket walked on one core: the plain sequential algorithm.</summary>
public class CustomerSummaryBuilderLayoutTests
{
    private static readonly DateTimeOffset Origin = new(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly CustomerGrouping.Layout Sequential = new(1, 0, 1);

    [Fact]
    public void Layouts_GiveTheSequentialSummaries() =>
        Prop.ForAll(
            Arb.From(
                Gen.Choose(0, 60).SelectMany(length =>
                    (from customer in Gen.Choose(0, 40)
                     from step in Gen.Choose(0, 60 * 72)
                     from cents in Gen.Choose(0, 20_000)
                     select new CustomerSummaryBuilderProperties.Purchase(customer, step, cents)).ArrayOf(length)),
                purchases => Enumerable.Range(0, purchases.Length).Select(i => purchases.Where((_, j) => j != i).ToArray())),
            Arb.From(
                from parallelism in Gen.Elements(1, 2, 4)
                from bits in Gen.Choose(0, 5)
                from chunks in Gen.Choose(1, 7)
                select new CustomerGrouping.Layout(parallelism, bits, chunks)),
            (purchases, layout) =>
            {
                // Each purchase gets its own id instance, so the tables compare ids by value, not by reference.
                var transactions = purchases.Select(p => p.ToTransaction()).ToArray();
                var definition = new CustomerSummaryDefinition(TimeUnit.Week, Origin.AddDays(40), Origin.AddDays(60), TimeUnit.Day, "Europe/Amsterdam");
                var sequential = CustomerSummaryBuilder.BuildReport(transactions, definition, Sequential, CancellationToken.None);
                var laidOut = CustomerSummaryBuilder.BuildReport(transactions, definition, layout, CancellationToken.None);
                return Same(sequential, laidOut);
            }).Check(Config.QuickThrowOnFailure.WithMaxTest(300));

    [Theory]
    [InlineData(1, 0, 1)]
    [InlineData(1, 6, 3)]
    [InlineData(2, 0, 8)]
    [InlineData(2, 3, 2)]
    [InlineData(8, 14, 16)]
    public void ManyCustomers_GrowTheTables_AndKeepTheOrderOfFirstAppearance(int parallelism, int bits, int chunks)
    {
        // 3,000 customers, each first seen at index 2k and again at 2k + 1 (a fresh instance of the id): every table
        // grows several times from its initial 64 slots (one bucket: 3,000 ids), and customer k must come out at row k.
        // With 2^14 buckets most buckets are empty and the rest hold one or two customers.
        var transactions = new Transaction[6_000];
        for (var k = 0; k < 3_000; k++)
        {
            transactions[2 * k] = new Transaction($"id{k}", Origin.AddDays(k % 30), 1m);
            transactions[(2 * k) + 1] = new Transaction(string.Concat("id", k.ToString(System.Globalization.CultureInfo.InvariantCulture)), Origin.AddDays(31), 3m);
        }

        var definition = new CustomerSummaryDefinition(TimeUnit.Day, Origin.AddDays(40));
        var summaries = CustomerSummaryBuilder.BuildReport(transactions, definition, new(parallelism, bits, chunks), CancellationToken.None).Summaries;

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
    public void Grouping_KeepsInputOrderWithinRuns_AndRanksByFirstAppearance()
    {
        // Customer k buys at indices k, k + 500, k + 1000 (values 3k, 3k + 1, 3k + 2) in reverse customer order of
        // first appearance: customer 499 comes first. Whatever bucket a customer lands in, its run must hold its values
        // in input order, and its rank must be its place in the order of first appearance.
        var transactions = new Transaction[1_500];
        for (var round = 0; round < 3; round++)
        {
            for (var k = 0; k < 500; k++)
            {
                var customer = 499 - k;
                transactions[(round * 500) + k] = new Transaction($"c{customer}", Origin.AddDays(round), (3 * customer) + round);
            }
        }

        var grouping = CustomerGrouping.Run(transactions, new(2, 4, 3), CancellationToken.None);

        Assert.Equal(500, grouping.Count);
        Assert.Equal(Enumerable.Range(0, 500).Select(k => $"c{499 - k}"), grouping.Names);
        Assert.Equal(1_500, grouping.Starts[^1]);
        Assert.Equal(Enumerable.Range(0, 500), grouping.Rank.Order());
        for (var run = 0; run < grouping.Count; run++)
        {
            var customer = 499 - grouping.Rank[run];
            Assert.Equal($"c{customer}", grouping.Names[grouping.Rank[run]]);
            var values = grouping.Values.AsSpan(grouping.Starts[run], grouping.Starts[run + 1] - grouping.Starts[run]).ToArray();
            Assert.Equal([3m * customer, (3m * customer) + 1, (3m * customer) + 2], values);
        }
    }

    [Fact]
    public void LargeInput_OnThePublicPath_MatchesTheSequentialPath()
    {
        // 100,000 shuffled purchases of 5,000 customers: above 2^16, so Build uses 16 buckets and every core.
        var random = new Random(20261127);
        var ids = Enumerable.Range(0, 5_000).Select(c => $"c{c}").ToArray();
        var transactions = Enumerable.Range(0, 100_000)
            .Select(_ => new Transaction(ids[random.Next(ids.Length)], Origin.AddMinutes(random.Next(60 * 24 * 60)), random.Next(20_000) / 100m))
            .ToArray();
        var definition = new CustomerSummaryDefinition(TimeUnit.Week, Origin.AddDays(40), Origin.AddDays(60));

        var sequential = CustomerSummaryBuilder.BuildReport(transactions, definition, Sequential, CancellationToken.None);
        var built = CustomerSummaryBuilder.BuildReport(transactions, definition);

        Assert.Equal(4, CustomerGrouping.Layout.For(transactions.Length).BucketBits);
        Assert.True(Same(sequential, built));
        Assert.Equal(5_000, sequential.Summaries.Count + sequential.CustomersAfterCalibration);
    }

    private static bool Same(CustomerSummaryReport a, CustomerSummaryReport b) =>
        a.Summaries.Customers.SequenceEqual(b.Summaries.Customers)
        && a.CustomersAfterCalibration == b.CustomersAfterCalibration
        && a.TransactionsAfterCalibration == b.TransactionsAfterCalibration;
}
