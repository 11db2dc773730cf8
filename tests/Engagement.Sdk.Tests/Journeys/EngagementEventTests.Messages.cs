using Engagement.Sdk.Journeys;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.Tests.Journeys;

public partial class EngagementEventTests
{
    [Fact]
    public void Constructor_HugeCurrency_EchoesOnlyItsStart()
    {
        var e = Assert.Throws<ArgumentException>(() => new EngagementEvent("e", "c", At, "n", Channels.Email, value: 1m, currency: new string('E', 1_000_000)));

        Assert.Equal(
            "A currency must be an ISO 4217 code of three upper-case letters; got '" + new string('E', 64) + "…'. (Parameter 'currency')",
            e.Message);
    }

    [Fact]
    public void Constructor_HugePropertyKeyWithNullValue_EchoesOnlyItsStart()
    {
        var key = new string('k', 1_000_000);

        var e = Assert.Throws<ArgumentException>(() => Purchase(new Dictionary<string, string> { [key] = null! }));

        Assert.Equal("Property '" + new string('k', 64) + "…' has a null value. (Parameter 'properties')", e.Message);
    }

    [Fact]
    public void Constructor_WhiteSpaceId_IsEscapedInTheMessage() =>
        Assert.Equal(
            "The value must not be empty or white space; got '\\u0009 \\u000D\\u000A'. (Parameter 'eventId')",
            Assert.Throws<ArgumentException>(() => new EngagementEvent("\t \r\n", "c", At, "n", Channels.Email)).Message);

    [Theory]
    [InlineData("ar-SA")]
    [InlineData("fa-IR")]
    [InlineData("sv-SE")]
    public void ToString_NegativeValueInAnyCulture_IsTheInvariantText(string culture)
    {
        var refund = new EngagementEvent("e2", "c42", At, "refund", Channels.Website, JourneyStage.PostPurchase, -59.90m, "EUR");

        Assert.Equal(
            "2026-01-05T10:00:00.0000000+01:00 c42 refund on website @ PostPurchase (-59.90 EUR)",
            Cultures.Under(culture, refund.ToString));
    }
}
