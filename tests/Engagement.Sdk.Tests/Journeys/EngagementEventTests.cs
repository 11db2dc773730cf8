using Engagement.Sdk.IO;
using Engagement.Sdk.Journeys;
using Engagement.Sdk.Tests.Support;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.Tests.Journeys;

public partial class EngagementEventTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 5, 10, 0, 0, TimeSpan.FromHours(1));

    private static EngagementEvent Purchase(IReadOnlyDictionary<string, string>? properties = null) =>
        new("e1", "c42", At, "purchase", Channels.Website, JourneyStage.Decision, 59.90m, "EUR", properties);

    [Fact]
    public void Constructor_KeepsEveryField()
    {
        var e = Purchase(new Dictionary<string, string> { ["sku"] = "A-1" });

        Assert.Equal("e1", e.EventId);
        Assert.Equal("c42", e.CustomerId);
        Assert.Equal(At, e.Timestamp);
        Assert.Equal("purchase", e.Name);
        Assert.Equal(Channels.Website, e.Channel);
        Assert.Equal(JourneyStage.Decision, e.Stage);
        Assert.Equal(59.90m, e.Value);
        Assert.Equal("EUR", e.Currency);
        Assert.Equal("A-1", e.Properties["sku"]);
    }

    [Fact]
    public void Constructor_CopiesProperties()
    {
        var properties = new Dictionary<string, string> { ["sku"] = "A-1" };
        var e = Purchase(properties);

        properties["sku"] = "changed";

        Assert.Equal("A-1", e.Properties["sku"]);
    }

    [Theory]
    [InlineData("", "c", "n", "eventId")]
    [InlineData("e", " ", "n", "customerId")]
    [InlineData("e", "c", "", "name")]
    public void Constructor_BlankIds_ThrowNamingArgument(string eventId, string customerId, string name, string expected) =>
        Assert.Equal(expected, Assert.Throws<ArgumentException>(() => new EngagementEvent(eventId, customerId, At, name, Channels.Email)).ParamName);

    [Theory]
    [InlineData("eur")]
    [InlineData("EURO")]
    [InlineData("E1R")]
    public void Constructor_BadCurrency_ThrowsWithValue(string currency)
    {
        var e = Assert.Throws<ArgumentException>(() => new EngagementEvent("e", "c", At, "n", Channels.Email, value: 1m, currency: currency));
        Assert.Equal("currency", e.ParamName);
        Assert.Contains(currency, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_CurrencyWithoutValue_Throws() =>
        Assert.Equal("currency", Assert.Throws<ArgumentException>(() => new EngagementEvent("e", "c", At, "n", Channels.Email, currency: "EUR")).ParamName);

    [Fact]
    public void Constructor_BadProperties_Throw()
    {
        Assert.Throws<ArgumentException>(() => Purchase(new Dictionary<string, string> { [""] = "x" }));
        Assert.Throws<ArgumentException>(() => Purchase(new Dictionary<string, string> { ["k"] = null! }));
    }

    [Fact]
    public void Equality_ComparesAllFields_PropertiesAsSets()
    {
        var a = Purchase(new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" });
        var b = Purchase(new Dictionary<string, string> { ["b"] = "2", ["a"] = "1" });

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, Purchase(new Dictionary<string, string> { ["a"] = "1", ["b"] = "3" }));
        Assert.NotEqual(a, Purchase(new Dictionary<string, string> { ["a"] = "1", ["c"] = "2" }));
        Assert.NotEqual(a, Purchase());
        Assert.NotEqual(Purchase(), new EngagementEvent("e1", "c42", At, "purchase", Channels.Website, JourneyStage.Decision, 59.90m));
        Assert.False(a.Equals(null));
        Assert.True(a.Equals((object)a));
    }

    [Fact]
    public void ToString_ShowsTimeCustomerEventChannelStageAndValue()
    {
        Assert.Equal("2026-01-05T10:00:00.0000000+01:00 c42 purchase on website @ Decision (59.90 EUR)", Purchase().ToString());
        Assert.Equal(
            "2026-01-05T10:00:00.0000000+01:00 c1 open on email",
            new EngagementEvent("e", "c1", At, "open", Channels.Email).ToString());
        Assert.Equal(
            "2026-01-05T10:00:00.0000000+01:00 c1 redeem on loyalty-programme (300)",
            new EngagementEvent("e", "c1", At, "redeem", Channels.LoyaltyProgramme, value: 300m).ToString());
    }

    [Fact]
    public void Json_RoundTrips_WithOffsetAndProperties()
    {
        var e = Purchase(new Dictionary<string, string> { ["sku"] = "A-1" });

        var (value, text) = Json.RoundTrip(e, EngagementJson.GetTypeInfo<EngagementEvent>());

        Assert.Equal(e, value);
        Assert.Equal(At.Offset, value.Timestamp.Offset);
        Assert.Contains("\"timestamp\":\"2026-01-05T10:00:00+01:00\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_MinimalEvent_WritesNulls_AndRoundTrips()
    {
        var e = new EngagementEvent("e", "c", At, "open", Channels.Email);

        var (value, text) = Json.RoundTrip(e, EngagementJson.GetTypeInfo<EngagementEvent>());

        Assert.Equal(e, value);
        Assert.Contains("\"currency\":null", text, StringComparison.Ordinal);
        Assert.Empty(value.Properties);
    }
}
