using Engagement.Sdk.Value;

namespace Engagement.Sdk.Tests.Value;

/// <summary>The summary builder's rules, each worked by hand from the definitions in <see cref="CustomerSummaryDefinition"/>.</summary>
public class CustomerSummaryBuilderTests
{
    private static readonly DateTimeOffset Jan1 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Build_PurchasesOnTheSameDay_AreOnePurchaseAtTheEarliestTimeWithTheSumOfTheirValues()
    {
        Transaction[] transactions =
        [
            new("a", Jan1.AddHours(10), 10m),
            new("a", Jan1.AddHours(15), 5m),
            new("a", Jan1.AddDays(7).AddHours(20), 4m),
            new("a", Jan1.AddDays(7).AddHours(9), 20m),
        ];

        var a = Single(transactions, new CustomerSummaryDefinition(TimeUnit.Day, Jan1.AddDays(14)));

        // First purchase: 1 January 10:00 (10 + 5). One repeat: 8 January from 09:00 (20 + 4 = 24).
        // t_x = 7 days − 1 hour = 167 hours; T = 14 days − 10 hours = 326 hours.
        Assert.Equal(1, a.Frequency);
        Assert.Equal(167.0 / 24, a.Recency, 12);
        Assert.Equal(326.0 / 24, a.T, 12);
        Assert.Equal(24, a.MonetaryValue);
        Assert.Null(a.HoldoutFrequency);
    }

    [Theory]
    [InlineData("UTC", 0)]
    [InlineData("Europe/Amsterdam", 1)]
    public void Build_MergeDays_FollowTheDefinitionsTimeZone(string zone, int expectedFrequency)
    {
        // 22:30 and 23:30 UTC on 1 January are one UTC day, but 23:30 on the 1st and 00:30 on the 2nd in Amsterdam (UTC+1).
        Transaction[] transactions = [new("a", Jan1.AddHours(22.5), 1m), new("a", Jan1.AddHours(23.5), 2m)];

        var a = Single(transactions, new CustomerSummaryDefinition(TimeUnit.Day, Jan1.AddDays(2), timeZoneId: zone));

        Assert.Equal(expectedFrequency, a.Frequency);
        Assert.Equal(expectedFrequency / 24.0, a.Recency, 12);
        Assert.Equal(expectedFrequency == 1 ? 2 : (double?)null, a.MonetaryValue);
    }

    [Fact]
    public void Build_MergeWeeks_StartOnMonday()
    {
        // 2024-01-07 is a Sunday; Monday 8 January and Sunday 14 January are one ISO week.
        Transaction[] transactions =
        [
            new("a", Jan1.AddDays(6).AddHours(12), 1m),
            new("a", Jan1.AddDays(7).AddHours(8), 2m),
            new("a", Jan1.AddDays(13).AddHours(23), 3m),
        ];

        var a = Single(transactions, new CustomerSummaryDefinition(TimeUnit.Week, Jan1.AddDays(20), mergeUnit: TimeUnit.Week));

        // One repeat, Monday 08:00, 20 hours after the first; T = 21 January − 7 January 12:00 = 13.5 days.
        Assert.Equal(1, a.Frequency);
        Assert.Equal(20.0 / 24 / 7, a.Recency, 12);
        Assert.Equal(13.5 / 7, a.T, 12);
        Assert.Equal(5, a.MonetaryValue);
    }

    [Fact]
    public void Build_InMonths_MergesCalendarMonthsAndMeasuresAverageGregorianMonths()
    {
        Transaction[] transactions =
        [
            new("a", Jan1.AddDays(2), 10m),
            new("a", Jan1.AddDays(27), 20m),
            new("a", new DateTimeOffset(2024, 2, 1, 0, 0, 0, TimeSpan.Zero), 30m),
        ];

        var a = Single(
            transactions, new CustomerSummaryDefinition(TimeUnit.Month, new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero), mergeUnit: TimeUnit.Month));

        // January's two purchases are the first; 1 February is the one repeat, 29 days after 3 January.
        // T: 3 January to 1 March 2024 (a leap year) = 28 + 29 + 1 = 58 days. A month is 365.2425 / 12 = 30.436875 days.
        Assert.Equal(1, a.Frequency);
        Assert.Equal(29 / 30.436875, a.Recency, 12);
        Assert.Equal(58 / 30.436875, a.T, 12);
        Assert.Equal(30, a.MonetaryValue);
    }

    [Fact]
    public void BuildReport_WithHoldout_SplitsAtTheCalibrationEndAndLeavesOutLaterCustomers()
    {
        var definition = new CustomerSummaryDefinition(TimeUnit.Day, Jan1.AddDays(9), Jan1.AddDays(30));
        Transaction[] transactions =
        [
            new("c", Jan1.AddDays(1), 3m),
            new("b", Jan1.AddDays(19), 7m),
            new("a", Jan1.AddDays(11).AddHours(18), 2m),
            new("a", Jan1.AddDays(9), 30m),
            new("a", Jan1, 10m),
            new("b", Jan1.AddDays(20), 8m),
            new("a", Jan1.AddDays(30), 6m),
            new("a", Jan1.AddDays(4), 20m),
            new("a", Jan1.AddDays(11).AddHours(10), 40m),
        ];

        var report = CustomerSummaryBuilder.BuildReport(transactions, definition);

        // b first bought on 20 January, after the calibration end of 10 January: left out, and counted.
        Assert.Equal(9, report.Transactions);
        Assert.Equal(1, report.CustomersAfterCalibration);
        Assert.Equal(2, report.TransactionsAfterCalibration);
        Assert.Equal(21, report.Summaries.HoldoutLength);
        var customers = report.Summaries.Customers;
        Assert.Equal(["c", "a"], customers.Select(c => c.CustomerId));

        // a: first 1 January; repeats 5 January and 10 January 00:00 (the calibration end is in the period) → x = 2,
        // t_x = T = 9 days, z̄ = (20 + 30) / 2 = 25. Holdout: 12 January (40 + 2, merged) and 31 January 00:00 (the
        // observation end is in the period) → 2 purchases of mean (42 + 6) / 2 = 24.
        Assert.Equal(new CustomerSummary("a", 2, 9, 9, 25, 2, 24), customers[1]);

        // c: one purchase on 2 January, none later: x = 0, T = 8 days, holdout 0 without a mean value.
        Assert.Equal(new CustomerSummary("c", 0, 0, 8, null, 0, null), customers[0]);
    }

    [Fact]
    public void Build_ACalibrationAndAHoldoutPurchaseInOneMergePeriod_AreNotMerged()
    {
        var definition = new CustomerSummaryDefinition(TimeUnit.Day, Jan1.AddDays(9).AddHours(12), Jan1.AddDays(19));
        Transaction[] transactions =
        [
            new("a", Jan1, 1m),
            new("a", Jan1.AddDays(9).AddHours(8), 2m),
            new("a", Jan1.AddDays(9).AddHours(16), 4m),
        ];

        var a = Single(transactions, definition);

        // 10 January 08:00 is the repeat purchase in calibration; 16:00 the same day is after the calibration end.
        Assert.Equal(1, a.Frequency);
        Assert.Equal(9 + (8 / 24.0), a.Recency, 12);
        Assert.Equal(2, a.MonetaryValue);
        Assert.Equal(1, a.HoldoutFrequency);
        Assert.Equal(4, a.HoldoutValue);
    }

    [Fact]
    public void Build_FreePurchases_HaveAMonetaryValueOfZero()
    {
        Transaction[] transactions = [new("a", Jan1, 5m), new("a", Jan1.AddDays(1), 0m)];

        var a = Single(transactions, new CustomerSummaryDefinition(TimeUnit.Day, Jan1.AddDays(2)));

        Assert.Equal(0, a.MonetaryValue);
    }

    [Fact]
    public void Build_EmptyInput_GivesNoCustomers()
    {
        var report = CustomerSummaryBuilder.BuildReport([], new CustomerSummaryDefinition(TimeUnit.Week, Jan1, Jan1.AddDays(7)));

        Assert.Equal(0, report.Summaries.Count);
        Assert.Equal(1, report.Summaries.HoldoutLength);
        Assert.Equal(0, report.Transactions);
        Assert.Equal(0, report.CustomersAfterCalibration);
    }

    [Fact]
    public void Build_ASequence_EqualsTheSpan()
    {
        Transaction[] transactions = [new("b", Jan1.AddDays(3), 1m), new("a", Jan1, 2m), new("b", Jan1, 3m), new("a", Jan1.AddDays(5), 4m)];
        var definition = new CustomerSummaryDefinition(TimeUnit.Week, Jan1.AddDays(6));

        var fromSpan = CustomerSummaryBuilder.Build(transactions.AsSpan(), definition);
        var fromSequence = CustomerSummaryBuilder.Build(transactions.Select(t => t), definition);
        var fromList = CustomerSummaryBuilder.Build(transactions.ToList(), definition);

        Assert.Equal(fromSpan.Customers, fromSequence.Customers);
        Assert.Equal(fromSpan.Customers, fromList.Customers);
        Assert.Equal(["b", "a"], fromSpan.Customers.Select(c => c.CustomerId));
    }

    [Fact]
    public void Build_DefaultTransaction_IsRefusedWithItsIndex()
    {
        Transaction[] transactions = [new("a", Jan1, 1m), default];

        var e = Assert.Throws<ArgumentException>(() => CustomerSummaryBuilder.Build(transactions, new CustomerSummaryDefinition(TimeUnit.Day, Jan1)));

        Assert.Equal("transactions", e.ParamName);
        Assert.Contains("index 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_APurchaseAfterTheCalibrationEndWithoutHoldout_IsRefusedWithItsIndexAndTime()
    {
        var late = Jan1.AddDays(3).AddTicks(1);
        Transaction[] transactions = [new("a", Jan1, 1m), new("a", Jan1.AddDays(3), 1m), new("b", late, 1m)];

        var e = Assert.Throws<ArgumentOutOfRangeException>(
            () => CustomerSummaryBuilder.Build(transactions, new CustomerSummaryDefinition(TimeUnit.Day, Jan1.AddDays(3))));

        Assert.Equal("transactions", e.ParamName);
        Assert.Equal(late, e.ActualValue);
        Assert.Contains("index 2", e.Message, StringComparison.Ordinal);
        Assert.Contains("2024-01-04T00:00:00.0000001+00:00", e.Message, StringComparison.Ordinal);
        Assert.Contains("calibration end", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_APurchaseAfterTheObservationEnd_IsRefusedWithItsIndex()
    {
        Transaction[] transactions = [new("a", Jan1.AddDays(8), 1m)];

        var e = Assert.Throws<ArgumentOutOfRangeException>(
            () => CustomerSummaryBuilder.Build(transactions, new CustomerSummaryDefinition(TimeUnit.Day, Jan1.AddDays(3), Jan1.AddDays(7))));

        Assert.Equal("transactions", e.ParamName);
        Assert.Contains("index 0", e.Message, StringComparison.Ordinal);
        Assert.Contains("observation end", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_NullArguments_AreRefused()
    {
        var definition = new CustomerSummaryDefinition(TimeUnit.Day, Jan1);

        Assert.Equal("definition", Assert.Throws<ArgumentNullException>(() => CustomerSummaryBuilder.Build([], null!)).ParamName);
        Assert.Equal("transactions", Assert.Throws<ArgumentNullException>(() => CustomerSummaryBuilder.Build((IEnumerable<Transaction>)null!, definition)).ParamName);
    }

    [Fact]
    public void Build_SumsBeyondDecimal_Overflow()
    {
        Transaction[] transactions = [new("a", Jan1, decimal.MaxValue), new("a", Jan1.AddHours(1), decimal.MaxValue)];

        Assert.Throws<OverflowException>(() => CustomerSummaryBuilder.Build(transactions, new CustomerSummaryDefinition(TimeUnit.Day, Jan1.AddDays(1))));
    }

    [Fact]
    public void Build_Cancelled_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(
            () => CustomerSummaryBuilder.Build([new Transaction("a", Jan1, 1m)], new CustomerSummaryDefinition(TimeUnit.Day, Jan1), cancelled.Token));
    }

    [Fact]
    public void Build_ManyCustomers_OnEveryCore_GivesEachTheSummaryItHasAlone()
    {
        // 40,000 customers take the parallel walk; each one's summary must equal the one built from its purchases alone
        // (the sequential walk), and every seventh customer first buys after the calibration end and is left out.
        var definition = new CustomerSummaryDefinition(TimeUnit.Week, Jan1.AddDays(50), Jan1.AddDays(80));
        var random = new Random(40_000);
        var transactions = new List<Transaction>();
        for (var c = 0; c < 40_000; c++)
        {
            // A late customer buys in days 51–80 only; the others once in days 0–50 and then anywhere in days 0–80.
            var late = c % 7 == 0;
            transactions.Add(new Transaction($"c{c}", Jan1.AddHours(late ? random.Next(51 * 24, 80 * 24) : random.Next(0, 50 * 24)), random.Next(1000) / 10m));
            for (var k = random.Next(0, 4); k > 0; k--)
            {
                transactions.Add(new Transaction($"c{c}", Jan1.AddHours(random.Next(late ? 51 * 24 : 0, 80 * 24)), random.Next(1000) / 10m));
            }
        }

        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(transactions));
        var report = CustomerSummaryBuilder.BuildReport(transactions, definition);

        Assert.Equal(40_000 / 7 + 1, report.CustomersAfterCalibration);
        Assert.Equal(40_000 - report.CustomersAfterCalibration, report.Summaries.Count);
        var byCustomer = transactions.ToLookup(t => t.CustomerId);
        foreach (var customer in report.Summaries.Customers.Where((_, i) => i % 97 == 0))
        {
            Assert.Equal(customer, Single([.. byCustomer[customer.CustomerId]], definition));
        }
    }

    private static CustomerSummary Single(Transaction[] transactions, CustomerSummaryDefinition definition) =>
        Assert.Single(CustomerSummaryBuilder.Build(transactions, definition).Customers);
}
