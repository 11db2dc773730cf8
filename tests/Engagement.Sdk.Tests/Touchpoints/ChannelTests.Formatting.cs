using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.Tests.Touchpoints;

public partial class ChannelTests
{
    [Theory]
    [InlineData("ar-SA")]
    [InlineData("fa-IR")]
    [InlineData("sv-SE")]
    public void ToString_InAnyCulture_IsTheInvariantText(string culture)
    {
        Assert.Equal("live-chat (Owned Chat)", Cultures.Under(culture, Channels.LiveChat.ToString));
        Assert.Equal("unspecified (Unspecified Other)", Cultures.Under(culture, Channel.Unspecified.ToString));
    }

    [Theory]
    [InlineData("ar-SA")]
    [InlineData("fa-IR")]
    [InlineData("sv-SE")]
    public void Constructor_NegativeUndefinedKind_MessageHasAnAsciiMinus(string culture)
    {
        var e = Cultures.Under(culture, () => Assert.Throws<ArgumentOutOfRangeException>(() => new Channel("x", MediaType.Owned, (ChannelKind)(-3))));

        Assert.Equal("kind", e.ParamName);
        Assert.StartsWith("-3 is not a defined ChannelKind.", e.Message, StringComparison.Ordinal);
    }
}
