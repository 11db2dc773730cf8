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
