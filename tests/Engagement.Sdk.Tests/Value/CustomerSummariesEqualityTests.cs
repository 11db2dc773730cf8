using Engagement.Sdk.Value;

namespace Engagement.Sdk.Tests.Value;

/// <summary>Value equality of <see cref="CustomerSummaries"/>, and the refusal of a repeat purchase at recency 0.</summary>
public class CustomerSummariesEqualityTests
{
    [Fact]
    public void Summaries_BuiltFromRowsOrColumns_AreEqualColumnByColumn()
    {
        // The same two customers as rows (identifiers "1" and "2") and as columns numbered 1, 2; the second has no
        // monetary value, NaN in the column, null in the row.
        var rows = new CustomerSummaries(TimeUnit.Week, [new("1", 2, 30.43, 38.86, 22.35), new("2", 0, 0, 38.86)]);
        var columns = CustomerSummaries.FromColumns(TimeUnit.Week, [2, 0], [30.43, 0], [38.86, 38.86], [22.35, double.NaN]);

        Assert.True(rows.Equals(columns));
        Assert.True(rows == columns);
        Assert.False(rows != columns);
        Assert.Equal(rows.GetHashCode(), columns.GetHashCode());
        Assert.True(rows.Equals((object)columns));
        Assert.False(rows.Equals(null));
        Assert.False(rows == null);
        Assert.True((CustomerSummaries?)null == null);

        // No monetary column equals a column in which every value is missing.
        Assert.Equal(
            CustomerSummaries.FromColumns(TimeUnit.Day, [0, 0], [0, 0], [3, 4]),
            CustomerSummaries.FromColumns(TimeUnit.Day, [0, 0], [0, 0], [3, 4], [double.NaN, double.NaN]));
    }

    [Fact]
    public void Summaries_DifferingInAnyColumnUnitOrHoldoutLength_AreNotEqual()
    {
        var baseline = CustomerSummaries.FromColumns(TimeUnit.Week, [2, 0], [30.43, 0], [38.86, 38.86], [22.35, double.NaN]);

        Assert.NotEqual(baseline, CustomerSummaries.FromColumns(TimeUnit.Day, [2, 0], [30.43, 0], [38.86, 38.86], [22.35, double.NaN]));
        Assert.NotEqual(baseline, CustomerSummaries.FromColumns(TimeUnit.Week, [3, 0], [30.43, 0], [38.86, 38.86], [22.35, double.NaN]));
        Assert.NotEqual(baseline, CustomerSummaries.FromColumns(TimeUnit.Week, [2, 0], [30.44, 0], [38.86, 38.86], [22.35, double.NaN]));
        Assert.NotEqual(baseline, CustomerSummaries.FromColumns(TimeUnit.Week, [2, 0], [30.43, 0], [38.86, 38.87], [22.35, double.NaN]));
        Assert.NotEqual(baseline, CustomerSummaries.FromColumns(TimeUnit.Week, [2, 0], [30.43, 0], [38.86, 38.86], [22.36, double.NaN]));
        Assert.NotEqual(baseline, CustomerSummaries.FromColumns(TimeUnit.Week, [2, 0], [30.43, 0], [38.86, 38.86]));
        Assert.NotEqual(baseline, CustomerSummaries.FromColumns(TimeUnit.Week, [2, 0], [30.43, 0], [38.86, 38.86], [22.35, double.NaN], ["1", "b"]));
        Assert.NotEqual(baseline, CustomerSummaries.FromColumns(TimeUnit.Week, [2], [30.43], [38.86], [22.35]));
        Assert.True(baseline != CustomerSummaries.FromColumns(TimeUnit.Week, [2], [30.43], [38.86], [22.35]));

        // The holdout: its length and each customer's holdout frequency and value (NaN-free here, so a missing value
        // against a given one differs).
        CustomerSummaries Holdout(double length, int frequency, double? value) =>
            new(TimeUnit.Week, [new("a", 1, 2, 3, 4.0, frequency, value)], length);
        var holdout = Holdout(39, 2, 5.0);
        Assert.Equal(holdout, Holdout(39, 2, 5.0));
        Assert.Equal(holdout.GetHashCode(), Holdout(39, 2, 5.0).GetHashCode());
        Assert.NotEqual(holdout, Holdout(40, 2, 5.0));
        Assert.NotEqual(holdout, Holdout(39, 3, 5.0));
        Assert.NotEqual(holdout, Holdout(39, 2, 6.0));
        Assert.NotEqual(holdout, Holdout(39, 2, null));
        Assert.NotEqual(holdout, new CustomerSummaries(TimeUnit.Week, [new("a", 1, 2, 3, 4.0)]));
    }

    [Fact]
    public void RepeatPurchaseAtRecencyZero_IsRefusedNamingRecency()
    {
        // A repeat purchase is merged into the first when it falls in the same period, so one that remains comes after
        // the first: t_x > 0 whenever x > 0. (The CDNOW summaries in TestData have no row with x > 0 and t_x = 0.)
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new CustomerSummary("a", 2, 0, 10));
        Assert.Equal("recency", e.ParamName);
        Assert.Equal(0.0, e.ActualValue);
        Assert.Contains("frequency 2", e.Message, StringComparison.Ordinal);

        var column = Assert.Throws<ArgumentOutOfRangeException>(() => CustomerSummaries.FromColumns(TimeUnit.Day, [0, 1], [0, 0], [5, 5]));
        Assert.Equal("recency", column.ParamName);
        Assert.Equal(0.0, column.ActualValue);
        Assert.Contains("index 1", column.Message, StringComparison.Ordinal);

        // Without a repeat purchase recency 0 stays the rule.
        Assert.Equal(0, new CustomerSummary("a", 0, 0, 10).Recency);
    }

    [Fact]
    public void DuplicateCustomerIds_AreRefusedWithTheIdAndBothIndexes()
    {
        CustomerSummary[] customers = [new("a", 0, 0, 10), new("b", 0, 0, 10), new("a", 1, 2, 10)];
        var e = Assert.Throws<ArgumentException>("customers", () => new CustomerSummaries(TimeUnit.Day, customers));
        Assert.Contains("\"a\" is at index 0 and index 2", e.Message, StringComparison.Ordinal);
        var columns = Assert.Throws<ArgumentException>("customerIds", () => CustomerSummaries.FromColumns(TimeUnit.Day, [0, 0], [0, 0], [10, 10], customerIds: ["x", "x"]));
        Assert.Contains("\"x\" is at index 0 and index 1", columns.Message, StringComparison.Ordinal);
        Assert.Equal(2, CustomerSummaries.FromColumns(TimeUnit.Day, [0, 0], [0, 0], [10, 10]).Count);
    }
}
