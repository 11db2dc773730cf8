using Engagement.Sdk.IO;
using Engagement.Sdk.Journeys;
using Engagement.Sdk.Tests.Support;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.Tests.Touchpoints;

public partial class ChannelTests
{
    [Fact]
    public void Constructor_ValidArguments_KeepsThem()
    {
        var channel = new Channel("kiosk", MediaType.Owned, ChannelKind.Store);

        Assert.Equal("kiosk", channel.Name);
        Assert.Equal(MediaType.Owned, channel.MediaType);
        Assert.Equal(ChannelKind.Store, channel.Kind);
        Assert.Equal("kiosk (Owned Store)", channel.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData(" email")]
    [InlineData("email ")]
    [InlineData("e\u0001mail")]
    public void Constructor_BadName_ThrowsArgumentExceptionNamingName(string name)
    {
        var e = Assert.Throws<ArgumentException>(() => new Channel(name, MediaType.Owned, ChannelKind.Email));
        Assert.Equal("name", e.ParamName);
    }

    [Fact]
    public void Constructor_TooLongName_ThrowsWithLength()
    {
        var e = Assert.Throws<ArgumentException>(() => new Channel(new string('x', Channel.MaxNameLength + 1), MediaType.Owned, ChannelKind.Email));
        Assert.Contains("101", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NullName_ThrowsArgumentNullException() =>
        Assert.Equal("name", Assert.Throws<ArgumentNullException>(() => new Channel(null!, MediaType.Owned, ChannelKind.Email)).ParamName);

    [Fact]
    public void Constructor_UndefinedEnums_ThrowArgumentOutOfRangeNamingValue()
    {
        var media = Assert.Throws<ArgumentOutOfRangeException>(() => new Channel("x", (MediaType)42, ChannelKind.Email));
        Assert.Equal("mediaType", media.ParamName);
        Assert.Equal((MediaType)42, media.ActualValue);
        Assert.Equal("kind", Assert.Throws<ArgumentOutOfRangeException>(() => new Channel("x", MediaType.Paid, (ChannelKind)99)).ParamName);
    }

    [Fact]
    public void Default_IsUnspecified()
    {
        Channel channel = default;

        Assert.Equal(Channel.Unspecified, channel);
        Assert.Equal("unspecified", channel.Name);
        Assert.Equal(MediaType.Unspecified, channel.MediaType);
        Assert.Equal(ChannelKind.Other, channel.Kind);
        Assert.Equal(new Channel("unspecified", MediaType.Unspecified, ChannelKind.Other), channel);
    }

    [Fact]
    public void Equality_ComparesNameMediaAndKind()
    {
        var a = new Channel("email", MediaType.Owned, ChannelKind.Email);

        Assert.True(a == Channels.Email);
        Assert.Equal(a.GetHashCode(), Channels.Email.GetHashCode());
        Assert.NotEqual(a, new Channel("email", MediaType.Paid, ChannelKind.Email));
        Assert.NotEqual(a, new Channel("email", MediaType.Owned, ChannelKind.Sms));
        Assert.False(a.Equals((object)"email"));
        Assert.True(a.Equals((object)Channels.Email));
    }

    [Fact]
    public void BuiltIns_HaveTheTwentyChannelsOfTheDesign_WithUniqueNames()
    {
        string[] expected =
        [
            "paid-search", "paid-social", "display", "organic-search", "organic-social", "website", "email", "sms", "push",
            "chatbot", "live-chat", "phone", "customer-service", "review-sites", "press", "community", "referral",
            "loyalty-programme", "in-store", "mobile-app",
        ];

        Assert.Equal(expected, Channels.All.Select(c => c.Name));
        Assert.All(Channels.All.Where(c => c.Name.StartsWith("paid", StringComparison.Ordinal)), c => Assert.Equal(MediaType.Paid, c.MediaType));
        Assert.Equal(MediaType.Earned, Channels.ReviewSites.MediaType);
        Assert.Equal(ChannelKind.Chat, Channels.LiveChat.Kind);
        Assert.Equal(ChannelKind.Chat, Channels.Chatbot.Kind);
    }

    [Fact]
    public void Json_RoundTrips_WithEnumsAsStrings()
    {
        var (value, text) = Json.RoundTrip(Channels.LiveChat, EngagementJson.GetTypeInfo<Channel>());

        Assert.Equal(Channels.LiveChat, value);
        Assert.Equal("""{"name":"live-chat","mediaType":"Owned","kind":"Chat"}""", text);
    }

    [Fact]
    public void Json_InvalidName_ThrowsJsonExceptionWrappingTheArgumentError()
    {
        var e = Assert.Throws<System.Text.Json.JsonException>(() => System.Text.Json.JsonSerializer.Deserialize(
            """{"name":"","mediaType":"Owned","kind":"Chat"}""", EngagementJson.GetTypeInfo<Channel>()));

        Assert.Equal("name", Assert.IsType<ArgumentException>(e.InnerException).ParamName);
    }
}

public partial class ChannelCatalogTests
{
    [Fact]
    public void Default_HoldsEveryBuiltInChannel_FoundIgnoringCase()
    {
        Assert.Equal(Channels.All.Count, ChannelCatalog.Default.Count);
        Assert.Equal(Channels.Email, ChannelCatalog.Default.Get("EMAIL"));
        Assert.True(ChannelCatalog.Default.Contains("Live-Chat"));
        Assert.False(ChannelCatalog.Default.TryGet("fax", out _));
    }

    [Fact]
    public void With_AddsHostChannel_AndLeavesOriginalUnchanged()
    {
        var kiosk = new Channel("kiosk", MediaType.Owned, ChannelKind.Store);

        var catalog = ChannelCatalog.Default.With(kiosk);

        Assert.Equal(kiosk, catalog.Get("kiosk"));
        Assert.Equal(ChannelCatalog.Default.Count + 1, catalog.Count);
        Assert.False(ChannelCatalog.Default.Contains("kiosk"));
    }

    [Fact]
    public void With_DuplicateName_ThrowsNamingTheChannel()
    {
        var e = Assert.Throws<ArgumentException>(() => ChannelCatalog.Default.With(new Channel("Email", MediaType.Paid, ChannelKind.Email)));
        Assert.Contains("'Email'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Get_Unknown_ThrowsKeyNotFound() =>
        Assert.Contains("'fax'", Assert.Throws<KeyNotFoundException>(() => ChannelCatalog.Default.Get("fax")).Message, StringComparison.Ordinal);

    [Fact]
    public void Lookups_NullName_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => ChannelCatalog.Default.Contains(null!));
        Assert.Throws<ArgumentNullException>(() => ChannelCatalog.Create(null!));
    }
}

public partial class TouchpointTests
{
    [Fact]
    public void Touchpoint_KeepsChannelStageAndName()
    {
        var touchpoint = new Touchpoint(Channels.Email, JourneyStage.Decision, "cart reminder");

        Assert.Equal("cart reminder: email @ Decision", touchpoint.ToString());
        Assert.Equal("email @ Awareness", new Touchpoint(Channels.Email, JourneyStage.Awareness).ToString());
        Assert.Equal(touchpoint, new Touchpoint(Channels.Email, JourneyStage.Decision, "cart reminder"));
        Assert.Equal(touchpoint.GetHashCode(), new Touchpoint(Channels.Email, JourneyStage.Decision, "cart reminder").GetHashCode());
        Assert.True(touchpoint != new Touchpoint(Channels.Sms, JourneyStage.Decision, "cart reminder"));
        Assert.False(touchpoint.Equals(null));
    }

    [Fact]
    public void Touchpoint_BlankName_Throws() =>
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => new Touchpoint(Channels.Email, JourneyStage.Decision, " ")).ParamName);

    [Fact]
    public void Touchpoint_Json_RoundTrips()
    {
        var touchpoint = new Touchpoint(Channels.Sms, JourneyStage.PostPurchase, "delivery notice");

        var (value, text) = Json.RoundTrip(touchpoint, EngagementJson.GetTypeInfo<Touchpoint>());

        Assert.Equal(touchpoint, value);
        Assert.Contains("\"stage\":\"PostPurchase\"", text, StringComparison.Ordinal);
    }
}
