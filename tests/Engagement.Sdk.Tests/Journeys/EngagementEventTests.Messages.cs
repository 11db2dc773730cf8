using Engagement.Sdk.Journeys;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.Tests.Journeys;

public partial class EngagementEventTests
{
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
