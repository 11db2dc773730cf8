using Engagement.Sdk.IO;
using Engagement.Sdk.Journeys;
using Engagement.Sdk.Tests.Support;
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

    [Fact]
    public void Equality_IgnoresCaseOfChannelName()
    {
        var shouted = new Touchpoint(new Channel("EMAIL", MediaType.Owned, ChannelKind.Email), JourneyStage.Decision, "cart reminder");
        var builtIn = new Touchpoint(Channels.Email, JourneyStage.Decision, "cart reminder");

        Assert.Equal(builtIn, shouted);
        Assert.Equal(builtIn.GetHashCode(), shouted.GetHashCode());
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

    [Fact]
    public void Json_UnspecifiedStage_IsNull_AndRoundTrips()
    {
        var touchpoint = new Touchpoint(Channels.Email, JourneyStage.Unspecified);

        var (value, text) = Json.RoundTrip(touchpoint, EngagementJson.GetTypeInfo<Touchpoint>());

        Assert.Contains("\"stage\":null", text, StringComparison.Ordinal);
        Assert.Equal(touchpoint, value);
    }

    [Fact]
    public void Json_StageNamedUnspecified_StaysNamed()
    {
        var touchpoint = new Touchpoint(Channels.Email, new JourneyStage("Unspecified"));

        var (value, text) = Json.RoundTrip(touchpoint, EngagementJson.GetTypeInfo<Touchpoint>());

        Assert.Contains("\"stage\":\"Unspecified\"", text, StringComparison.Ordinal);
        Assert.Equal(touchpoint, value);
        Assert.False(value.Stage.IsUnspecified);
    }
}
