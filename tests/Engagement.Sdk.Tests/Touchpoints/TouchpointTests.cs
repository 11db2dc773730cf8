using Engagement.Sdk.Journeys;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.Tests.Touchpoints;

public partial class TouchpointTests
{
    [Theory]
    [InlineData("ar-SA")]
    [InlineData("fa-IR")]
    [InlineData("sv-SE")]
    public void ToString_InAnyCulture_IsTheInvariantText(string culture)
    {
        Assert.Equal(
            "cart reminder: email @ Decision",
            Cultures.Under(culture, () => new Touchpoint(Channels.Email, JourneyStage.Decision, "cart reminder").ToString()));
        Assert.Equal("unspecified @ Unspecified", Cultures.Under(culture, () => default(Touchpoint).ToString()));
    }
}
