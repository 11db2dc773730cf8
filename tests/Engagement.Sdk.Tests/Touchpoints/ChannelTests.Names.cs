using Engagement.Sdk.IO;
using Engagement.Sdk.Tests.Support;
using Engagement.Sdk.Touchpoints;
using FsCheck;
using FsCheck.Fluent;

namespace Engagement.Sdk.Tests.Touchpoints;

public partial class ChannelTests
{
    [Fact]
    public void Constructor_SpoofedName_ThrowsGivingCharacterAndIndex()
    {
        // "ev" RLO "il" would print as "evli" in a report.
        var e = Assert.Throws<ArgumentException>(() => new Channel("ev\u202Eil", MediaType.Owned, ChannelKind.Email));

        Assert.Equal("name", e.ParamName);
        Assert.Equal(
            "A channel name must not contain the bidirectional control U+202E; found at index 2 of 'ev\\u202Eil'. (Parameter 'name')",
            e.Message);
    }

    [Theory]
    [InlineData("e\u200Bmail", "zero-width character U+200B; found at index 1")]
    [InlineData("\uFEFFemail", "zero-width character U+FEFF; found at index 0")]
    [InlineData("email\u2066", "bidirectional control U+2066; found at index 5")]
    [InlineData("e\u200Email", "bidirectional control U+200E; found at index 1")]
    [InlineData("e\u0085mail", "control character U+0085; found at index 1")]
    public void Constructor_InvisibleCharacter_ThrowsGivingCharacterAndIndex(string name, string expected) =>
        Assert.Contains(
            expected,
            Assert.Throws<ArgumentException>(() => new Channel(name, MediaType.Owned, ChannelKind.Email)).Message,
            StringComparison.Ordinal);

    [Fact]
    public void Constructor_LoneSurrogate_Throws() =>
        Assert.Contains(
            "lone surrogate U+D83D; found at index 5",
            Assert.Throws<ArgumentException>(() => new Channel("email\uD83D", MediaType.Owned, ChannelKind.Email)).Message,
            StringComparison.Ordinal);

    [Fact]
    public void Constructor_HugeName_EchoesOnlyItsStart()
    {
        var e = Assert.Throws<ArgumentException>(() => new Channel(new string('x', 1_000_000), MediaType.Owned, ChannelKind.Email));

        Assert.Equal(
            "A channel name must have 1 to 100 UTF-16 code units; got 1000000: '" + new string('x', 64) + "…'. (Parameter 'name')",
            e.Message);
    }

    [Fact]
    public void Json_SpoofedName_IsRefused()
    {
        // JSON reading goes through the constructor, so it cannot smuggle in what the constructor refuses.
        var e = Record.Exception(() => System.Text.Json.JsonSerializer.Deserialize(
            """{"name":"ev\u202Eil","mediaType":"Owned","kind":"Chat"}""", EngagementJson.GetTypeInfo<Channel>()));

        Assert.NotNull(e);
        Assert.Contains("U+202E", (e as ArgumentException ?? e.InnerException)?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_AnyValidName_RoundTrips() =>
        Prop.ForAll(Names.Valid(), name =>
        {
            var channel = new Channel(name, MediaType.Owned, ChannelKind.Web);
            var (value, _) = Json.RoundTrip(channel, EngagementJson.GetTypeInfo<Channel>());
            return value == channel && string.Equals(value.Name, name, StringComparison.Ordinal);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(300));
}
