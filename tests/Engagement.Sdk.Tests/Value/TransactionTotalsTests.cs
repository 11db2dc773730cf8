using Engagement.Sdk.Value;

namespace Engagement.Sdk.Tests.Value;

/// <summary>Every reader of transactions that sums their values in decimal reports an overflow with the input's name,
/// the customer and the index of the transaction at which the sum passed decimal.MaxValue.</summary>
public class TransactionTotalsTests
{
    private static readonly DateTimeOffset Origin = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Calibration to day 10, holdout to day 20.</summary>
    private static readonly CustomerSummaryDefinition Summaries = new(TimeUnit.Day, Origin.AddDays(10), Origin.AddDays(20));

    [Fact]
    public void Build_ACustomerPastDecimalMaxValue_NamesTheCustomerAndTheIndexInInputOrder()
    {
        // a's purchases in time order are 1 (day 1, index 2) then decimal.MaxValue (day 3, index 0), so the walk in time
        // order overflows at the second; in input order a's total is decimal.MaxValue after index 0 and index 2 takes it
        // past, and index 2 is what the caller can find.
        Transaction[] transactions = [new("a", Day(3), decimal.MaxValue), new("b", Day(1), 1m), new("a", Day(1), 1m)];

        AssertOverflow(() => CustomerSummaryBuilder.Build(transactions, Summaries), "'a'", "index 2");
        AssertOverflow(() => CustomerSummaryBuilder.Build(transactions.AsEnumerable(), Summaries), "'a'", "index 2");
        AssertOverflow(() => CustomerSummaryBuilder.BuildReport(transactions, Summaries, new(4, 2, 3), CancellationToken.None), "'a'", "index 2");
    }

    [Fact]
    public void Build_HalvesOfDecimalMaxValue_OverflowAtTheSecond()
    {
        // decimal.MaxValue / 2 = 39614081257132168796771975167.5 has 30 digits and rounds to …168, so two of them make
        // 79228162514264337593543950336 = decimal.MaxValue + 1: the second of three (index 1) overflows.
        var half = decimal.MaxValue / 2;
        Transaction[] transactions = [new("c", Day(1), half), new("c", Day(2), half), new("c", Day(3), half)];

        AssertOverflow(() => CustomerSummaryBuilder.Build(transactions, Summaries), "'c'", "index 1");
    }

    [Fact]
    public void Build_AHoldoutPastDecimalMaxValue_IsReported_ButTotalsOfEachSideWithinItAreNot()
    {
        // The calibration total (decimal.MaxValue, day 1) and the holdout total are summed apart: a holdout of
        // decimal.MaxValue builds, and a second holdout purchase (index 2) takes the holdout total past the limit.
        Transaction[] within = [new("a", Day(1), decimal.MaxValue), new("a", Day(12), decimal.MaxValue)];
        var summary = CustomerSummaryBuilder.Build(within, Summaries).Customers[0];
        Assert.Equal(1, summary.HoldoutFrequency);
        Assert.Equal((double)decimal.MaxValue, summary.HoldoutValue);

        AssertOverflow(() => CustomerSummaryBuilder.Build([.. within, new("a", Day(15), 1m)], Summaries), "'a'", "index 2");
    }

    [Fact]
    public void Build_ManyCustomersOnEveryCore_ReportsTheFirstToOverflow()
    {
        // 40,000 customers (the walk runs on every core from 32,768) of 1 each; c30000 then c10000 get decimal.MaxValue
        // more, at indexes 40,000 and 40,001. Both overflow; c10000 appeared first, so it is the one reported, at 40,001,
        // whichever of their buckets (stored and walked in hash order) comes first.
        var transactions = new Transaction[40_002];
        for (var i = 0; i < 40_000; i++)
        {
            transactions[i] = new($"c{i}", Day(1), 1m);
        }

        transactions[40_000] = new("c30000", Day(2), decimal.MaxValue);
        transactions[40_001] = new("c10000", Day(2), decimal.MaxValue);

        AssertOverflow(() => CustomerSummaryBuilder.Build(transactions, Summaries), "'c10000'", "index 40001");
        AssertOverflow(() => CustomerSummaryBuilder.BuildReport(transactions, Summaries, new(2, 8, 5), CancellationToken.None), "'c10000'", "index 40001");
    }

    [Fact]
    public void Build_ALargeFirstPurchase_KeepsTheRepeatPurchasesDigits()
    {
        // A first purchase of 10^16 / 3 = 3333333333333333.3333333333333 (29 significant digits) and a repeat of
        // 1 / 3 = 0.3333333333333333333333333333: their total rounds to 3333333333333333.6666666666666, so the total less
        // the first purchase would give 0.3333333333333 and lose 15 digits. The repeats are summed on their own.
        // Likewise a first purchase of 39614081257132168796771975167 (29 digits) swallows a repeat of 0.4 in the total.
        Transaction[] transactions =
        [
            new("a", Day(1), 1e16m / 3), new("a", Day(2), 1m / 3),
            new("b", Day(1), 39614081257132168796771975167m), new("b", Day(2), 0.4m),
        ];

        var summaries = CustomerSummaryBuilder.Build(transactions, Summaries).Customers;

        Assert.Equal((double)(1m / 3), summaries[0].MonetaryValue);
        Assert.Equal(0.4, summaries[1].MonetaryValue);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Build_PurchasesAtOneTime_AreSummedInOneOrder_WhateverTheInputOrder(bool bigFirst)
    {
        // Decimal sums round beyond 29 digits, so near decimal.MaxValue (…335) the order decides: MaxValue − 1 (…334)
        // then 0.4 rounds back to …334 each time, while 0.4 + 0.4 + 0.4 = 1.2 first and then …334 gives …335.2, which
        // rounds to MaxValue, and 0.4 × 4 = 1.6 gives …335.6, which rounds past it. Purchases at one time are summed by
        // value, small first, in either input order: three small ones stay within MaxValue, four overflow. The long run
        // (40 at one time: more than the insertion sort takes) goes through the framework's sort and the same rule. A
        // first purchase of 0 on day 1 makes day 2 a repeat purchase, whose mean value is its total.
        var big = decimal.MaxValue - 1;
        Transaction[] Input(int small) =>
        [
            new("c", Day(1), 0m),
            .. bigFirst ? [new Transaction("c", Day(2), big)] : Array.Empty<Transaction>(),
            .. Enumerable.Repeat(new Transaction("c", Day(2), 0.4m), small),
            .. bigFirst ? Array.Empty<Transaction>() : [new Transaction("c", Day(2), big)],
        ];

        Assert.Equal((double)decimal.MaxValue, CustomerSummaryBuilder.Build(Input(3), Summaries).Customers[0].MonetaryValue);
        Assert.Throws<OverflowException>(() => CustomerSummaryBuilder.Build(Input(4), Summaries));
        Assert.Throws<OverflowException>(() => CustomerSummaryBuilder.Build(Input(39), Summaries));
    }

    [Fact]
    public void Build_ACustomerFirstSeenAfterTheCalibration_IsCounted_NotSummed()
    {
        // Customer "late" first buys in the holdout period (day 12 > day 10): it is not in the cohort, so its values
        // (which would pass decimal.MaxValue) are never summed; it and its two purchases are counted as after calibration.
        Transaction[] transactions = [new("a", Day(1), 1m), new("late", Day(12), decimal.MaxValue), new("late", Day(13), decimal.MaxValue)];

        var report = CustomerSummaryBuilder.BuildReport(transactions, Summaries);

        Assert.Equal(1, report.Summaries.Count);
        Assert.Equal(1, report.CustomersAfterCalibration);
        Assert.Equal(2, report.TransactionsAfterCalibration);
    }

    [Fact]
    public void PurchaseRates_RevenuePastDecimalMaxValue_NamesTheIndexAndItsCustomer()
    {
        // The revenue sums every customer's orders in the period [day 0, day 30): decimal.MaxValue after index 1 (a's
        // order before the period, index 0, is not an order), and b's order at index 2 takes it past.
        var definition = new PurchaseRateDefinition(Day(0), Day(30), TimeSpan.FromDays(30));
        Transaction[] transactions = [new("a", Day(-1), decimal.MaxValue), new("a", Day(1), decimal.MaxValue), new("b", Day(2), 1m)];

        AssertOverflow(() => PurchaseRates.Compute(transactions, definition), "'b'", "index 2");
        AssertOverflow(() => PurchaseRates.Compute(transactions.AsEnumerable(), definition), "all values", "index 2");
    }

    [Fact]
    public void RfmScore_ACustomerPastDecimalMaxValue_NamesTheCustomerAndIndex()
    {
        // a's total is decimal.MaxValue after index 0; b's value at index 1 is another customer's; index 2 overflows a's.
        Transaction[] transactions = [new("a", Day(1), decimal.MaxValue), new("b", Day(1), 1m), new("a", Day(2), 1m)];

        AssertOverflow(() => RfmScorer.Score(transactions, Day(10), TimeUnit.Day), "'a'", "index 2");
        AssertOverflow(() => RfmScorer.Score(transactions.AsEnumerable(), Day(10), TimeUnit.Day), "'a'", "index 2");
    }

    private static void AssertOverflow(Action action, string customer, string index)
    {
        var e = Assert.Throws<OverflowException>(action);

        Assert.Contains("transactions", e.Message, StringComparison.Ordinal);
        Assert.Contains(customer, e.Message, StringComparison.Ordinal);
        Assert.Contains(index + " ", e.Message.Replace(".", " ", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    private static DateTimeOffset Day(double day) => Origin.AddDays(day);
}
