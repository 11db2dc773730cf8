using System.Text.Json;
using Engagement.Sdk.IO;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.Tests.Touchpoints;

public partial class ChannelCatalogTests
{
    private static readonly Channel Kiosk = new("kiosk", MediaType.Owned, ChannelKind.Store);

    [Fact]
    public void Constructor_KeepsOrder_LikeCreate()
    {
        var catalog = new ChannelCatalog([Channels.Email, Kiosk]);

        Assert.Equal([Channels.Email, Kiosk], catalog.Channels);
        Assert.Equal(ChannelCatalog.Create([Channels.Email, Kiosk]).Channels, catalog.Channels);
        Assert.Equal(Kiosk, catalog.Get("KIOSK"));
    }

    [Fact]
    public void Constructor_CopiesTheList()
    {
        var channels = new List<Channel> { Kiosk };
        var catalog = new ChannelCatalog(channels);

        channels.Add(Channels.Email);

        Assert.Equal(1, catalog.Count);
        Assert.False(catalog.Contains("email"));
    }

    [Fact]
    public void Constructor_Null_ThrowsArgumentNullException() =>
        Assert.Equal("channels", Assert.Throws<ArgumentNullException>(() => new ChannelCatalog(null!)).ParamName);

    [Fact]
    public void Constructor_NamesEqualIgnoringCase_ThrowsNamingBothAndTheIndex()
    {
        var e = Assert.Throws<ArgumentException>(() => new ChannelCatalog([Kiosk, Channels.Email, new Channel("KIOSK", MediaType.Paid, ChannelKind.Store)]));

        Assert.Equal("channels", e.ParamName);
        Assert.Equal("Channel names must be unique ignoring case; the channel at index 2, 'KIOSK', repeats 'kiosk'. (Parameter 'channels')", e.Message);
    }

    [Fact]
    public void Constructor_LongDuplicateNames_EchoOnlyTheirStart()
    {
        var name = new string('n', Channel.MaxNameLength);
        var channel = new Channel(name, MediaType.Owned, ChannelKind.Web);

        var e = Assert.Throws<ArgumentException>(() => new ChannelCatalog([channel, channel]));

        var echo = new string('n', 64) + "…";
        Assert.Equal($"Channel names must be unique ignoring case; the channel at index 1, '{echo}', repeats '{echo}'. (Parameter 'channels')", e.Message);
    }

    [Fact]
    public void With_DuplicateName_ThrowsNamingTheChannelParameter()
    {
        var e = Assert.Throws<ArgumentException>(() => ChannelCatalog.Default.With(new Channel("Email", MediaType.Paid, ChannelKind.Email)));

        Assert.Equal("channel", e.ParamName);
        Assert.Equal(
            "The catalogue already has a channel named 'email'; 'Email' has the same name, ignoring case. (Parameter 'channel')",
            e.Message);
    }

    [Fact]
    public void Get_HugeUnknownName_EchoesOnlyItsStart() =>
        Assert.Equal(
            "The channel catalogue has no channel named '" + new string('f', 64) + "…'.",
            Assert.Throws<KeyNotFoundException>(() => ChannelCatalog.Default.Get(new string('f', 1_000_000))).Message);

    [Fact]
    public void Get_UnknownNameWithControls_EscapesThem() =>
        Assert.Equal(
            "The channel catalogue has no channel named 'f\\u000Dax\\u202E'.",
            Assert.Throws<KeyNotFoundException>(() => ChannelCatalog.Default.Get("f\rax\u202E")).Message);

    [Fact]
    public void Json_SourceGeneratedMetadata_UsesTheConstructor_AndRoundTrips()
    {
        var catalog = new ChannelCatalog([Kiosk, Channels.LiveChat]);

        var text = JsonSerializer.Serialize(catalog, EngagementJson.GetTypeInfo<ChannelCatalog>());
        var value = JsonSerializer.Deserialize(text, EngagementJson.GetTypeInfo<ChannelCatalog>())!;

        Assert.Equal(
            """{"channels":[{"name":"kiosk","mediaType":"Owned","kind":"Store"},{"name":"live-chat","mediaType":"Owned","kind":"Chat"}]}""",
            text);
        Assert.Equal(catalog.Channels, value.Channels);
        Assert.Equal(Kiosk, value.Get("KIOSK"));
    }

    [Fact]
    public void Json_DuplicateNames_AreRefusedByTheConstructor()
    {
        const string text = """{"channels":[{"name":"kiosk","mediaType":"Owned","kind":"Store"},{"name":"Kiosk","mediaType":"Paid","kind":"Store"}]}""";

        var e = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(text, EngagementJson.GetTypeInfo<ChannelCatalog>()));

        Assert.Equal("channels", Assert.IsAssignableFrom<ArgumentException>(e.InnerException).ParamName);
    }
}
