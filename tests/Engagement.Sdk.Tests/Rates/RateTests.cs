using Engagement.Sdk.Rates;
using Engagement.Sdk.Statistics;

namespace Engagement.Sdk.Tests.Rates;

public class RateTests
{
    [Fact]
    public void Conversion_IsConversionsOverVisitors() =>
        Assert.Equal(0.025, Rate.Conversion(25, 1000).Value);

    [Fact]
    public void Retention_IsEndMinusNewOverStart()
    {
        // S = 200 customers at the start, E = 190 at the end, N = 30 new: (190 − 30) / 200 = 0.8.
        var retention = Rate.Retention(customersAtStart: 200, customersAtEnd: 190, newCustomers: 30);

        Assert.Equal(new Proportion(160, 200), retention);
        Assert.Equal(0.8, retention.Value);
    }

    [Fact]
    public void Churn_OfTheSameCohort_IsOneMinusRetention()
    {
        var churn = Rate.Churn(customersLost: 40, customersAtStart: 200);

        Assert.Equal(0.2, churn.Value);
        Assert.Equal(1 - Rate.Retention(200, 190, 30).Value!.Value, churn.Value!.Value, 14);
    }

    [Fact]
    public void RepeatPurchase_FromCounts_LeavesNonBuyersOut()
    {
        // Buyers: 1, 2, 5, 1, 3 (five); repeaters: 2, 5, 3 (three). The two zeros are not buyers.
        var rate = Rate.RepeatPurchase([1, 0, 2, 5, 1, 0, 3]);

        Assert.Equal(new Proportion(3, 5), rate);
        Assert.Equal(rate, Rate.RepeatPurchase(3, 5));
    }

    [Fact]
    public void RepeatPurchase_NegativeCount_ThrowsWithIndex()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Rate.RepeatPurchase([1, 2, -1]));
        Assert.Equal(-1, e.ActualValue);
        Assert.Contains("index 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Engagement_IsEngagedOverReached() => Assert.Equal(0.3, Rate.Engagement(300, 1000).Value);

    [Fact]
    public void EmptyDenominators_HaveNoValue()
    {
        Assert.Null(Rate.Conversion(0, 0).Value);
        Assert.Null(Rate.RepeatPurchase([]).Value);
        Assert.Null(Rate.Retention(0, 0, 0).Value);
    }

    [Fact]
    public void BadCounts_ThrowNamingArgumentAndValue()
    {
        var over = Assert.Throws<ArgumentOutOfRangeException>(() => Rate.Conversion(11, 10));
        Assert.Equal("conversions", over.ParamName);
        Assert.Equal(11L, over.ActualValue);
        Assert.Equal("visitors", Assert.Throws<ArgumentOutOfRangeException>(() => Rate.Conversion(1, -10)).ParamName);
        Assert.Equal("newCustomers", Assert.Throws<ArgumentOutOfRangeException>(() => Rate.Retention(10, 5, 6)).ParamName);
        Assert.Equal("customersAtStart", Assert.Throws<ArgumentOutOfRangeException>(() => Rate.Retention(-1, 5, 1)).ParamName);
        Assert.Equal("customersLost", Assert.Throws<ArgumentOutOfRangeException>(() => Rate.Churn(5, 4)).ParamName);
        Assert.Equal("engagedCustomers", Assert.Throws<ArgumentOutOfRangeException>(() => Rate.Engagement(-1, 4)).ParamName);
        Assert.Equal("repeatCustomers", Assert.Throws<ArgumentOutOfRangeException>(() => Rate.RepeatPurchase(5, 4)).ParamName);
    }

    [Fact]
    public void Retention_RetainedExceedStart_NamesCustomersAtEnd()
    {
        // S = 10, E = 50, N = 6: E − N = 44 of the starting customers cannot remain out of 10.
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Rate.Retention(customersAtStart: 10, customersAtEnd: 50, newCustomers: 6));

        Assert.Equal("customersAtEnd", e.ParamName);
        Assert.Equal(50L, e.ActualValue);
        Assert.StartsWith(
            "The customers retained, customersAtEnd - newCustomers = 50 - 6 = 44, must not exceed customersAtStart (10). (Parameter 'customersAtEnd')",
            e.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Retention_RetainedEqualStart_IsAccepted() =>
        Assert.Equal(new Proportion(10, 10), Rate.Retention(customersAtStart: 10, customersAtEnd: 16, newCustomers: 6));

    [Theory]
    [InlineData("ar-SA")]
    [InlineData("fa-IR")]
    [InlineData("sv-SE")]
    public void RepeatPurchase_NegativeCountInAnyCulture_MessageHasAnAsciiMinus(string culture)
    {
        var e = Cultures.Under(culture, () => Assert.Throws<ArgumentOutOfRangeException>(() => Rate.RepeatPurchase([1, -4])));

        Assert.StartsWith("The purchase count at index 1 is negative (-4).", e.Message, StringComparison.Ordinal);
    }
}
