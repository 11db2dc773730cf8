using Engagement.Sdk.Journeys;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.Tests.Touchpoints;

public partial class TouchpointTests
{
    [Fact]
    public void Constructor_HugeBlankName_EchoesOnlyItsStart()
    {
        var e = Assert.Throws<ArgumentException>(() => new Touchpoint(Channels.Email, JourneyStage.Decision, new string(' ', 1_000_000)));

        Assert.Equal(
            "The value must not be empty or white space; got '" + new string(' ', 64) + "…'. (Parameter 'name')",
            e.Message);
    }

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
