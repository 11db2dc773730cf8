using System.Text.Json;
using Engagement.Sdk.Attribution;
using Engagement.Sdk.IO;
using Engagement.Sdk.Tests.Support;

namespace Engagement.Sdk.Tests.Attribution;

public class ConversionPathDefinitionTests
{
    private static readonly TimeSpan Month = TimeSpan.FromDays(30);

    [Fact]
    public void Constructor_KeepsEveryPart_WithDefaults()
    {
        var plain = new ConversionPathDefinition(["purchase"], Month);
        var full = new ConversionPathDefinition(["purchase", "signup"], TimeSpan.FromHours(12), "utm_source", ["ad_click", "email_open"], collapseRepeats: true);

        Assert.Equal(["purchase"], plain.ConversionEvents);
        Assert.Equal(Month, plain.Lookback);
        Assert.Null(plain.ChannelProperty);
        Assert.Null(plain.TouchEvents);
        Assert.False(plain.CollapseRepeats);
        Assert.Equal(["purchase", "signup"], full.ConversionEvents);
        Assert.Equal(TimeSpan.FromHours(12), full.Lookback);
        Assert.Equal("utm_source", full.ChannelProperty);
        Assert.Equal(["ad_click", "email_open"], full.TouchEvents!);
        Assert.True(full.CollapseRepeats);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Lookback_OfZeroOrLess_IsRefused_EchoingIt(long ticks)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new ConversionPathDefinition(["purchase"], TimeSpan.FromTicks(ticks)));

        Assert.Equal("lookback", e.ParamName);
        Assert.Equal(TimeSpan.FromTicks(ticks), e.ActualValue);
        Assert.Contains(TimeSpan.FromTicks(ticks).ToString("c"), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConversionEvents_EmptyBlankRepeatedOrNull_AreRefused()
    {
        Assert.Equal("conversionEvents", Assert.Throws<ArgumentNullException>(() => new ConversionPathDefinition(null!, Month)).ParamName);
        Assert.Equal("conversionEvents", Assert.Throws<ArgumentException>(() => new ConversionPathDefinition([], Month)).ParamName);
        var blank = Assert.Throws<ArgumentException>(() => new ConversionPathDefinition(["purchase", " "], Month));
        Assert.Equal("conversionEvents", blank.ParamName);
        Assert.Contains("index 1", blank.Message, StringComparison.Ordinal);
        var twice = Assert.Throws<ArgumentException>(() => new ConversionPathDefinition(["purchase", "purchase"], Month));
        Assert.Contains("'purchase'", twice.Message, StringComparison.Ordinal);
        Assert.Equal("conversionEvents", Assert.Throws<ArgumentNullException>(() => new ConversionPathDefinition([null!], Month)).ParamName);
    }

    [Fact]
    public void TouchEvents_EmptyBlankOrAConversionEvent_AreRefused()
    {
        Assert.Equal("touchEvents", Assert.Throws<ArgumentException>(() => new ConversionPathDefinition(["purchase"], Month, touchEvents: [])).ParamName);
        Assert.Equal("touchEvents", Assert.Throws<ArgumentException>(() => new ConversionPathDefinition(["purchase"], Month, touchEvents: [""])).ParamName);
        var both = Assert.Throws<ArgumentException>(() => new ConversionPathDefinition(["purchase"], Month, touchEvents: ["ad_click", "purchase"]));
        Assert.Equal("touchEvents", both.ParamName);
        Assert.Contains("'purchase'", both.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ChannelProperty_Blank_IsRefused_EchoingIt()
    {
        var e = Assert.Throws<ArgumentException>(() => new ConversionPathDefinition(["purchase"], Month, "\t"));

        Assert.Equal("channelProperty", e.ParamName);
        Assert.Contains(@"'\u0009'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Equality_ComparesEventListsAsSets_AndEveryOtherPart()
    {
        var a = new ConversionPathDefinition(["purchase", "signup"], Month, "utm", ["x", "y"], true);
        var b = new ConversionPathDefinition(["signup", "purchase"], Month, "utm", ["y", "x"], true);

        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, new ConversionPathDefinition(["purchase", "signup"], Month, "utm", null, true));
        Assert.NotEqual(a, new ConversionPathDefinition(["purchase", "signup"], Month, "utm", ["x", "y"], false));
        Assert.NotEqual(a, new ConversionPathDefinition(["purchase", "signup"], Month, null, ["x", "y"], true));
        Assert.NotEqual(a, new ConversionPathDefinition(["purchase", "signup"], TimeSpan.FromDays(7), "utm", ["x", "y"], true));
        Assert.NotEqual(a, new ConversionPathDefinition(["purchase"], Month, "utm", ["x", "y"], true));
        Assert.True(a != new ConversionPathDefinition(["purchase"], Month));
    }

    [Fact]
    public void Json_RoundTrips_WithAndWithoutTheOptionalParts()
    {
        foreach (var definition in new[]
        {
            new ConversionPathDefinition(["purchase"], Month),
            new ConversionPathDefinition(["purchase", "signup"], TimeSpan.FromHours(36), "utm_source", ["ad_click"], collapseRepeats: true),
        })
        {
            var (back, text) = Json.RoundTrip(definition, EngagementJson.GetTypeInfo<ConversionPathDefinition>());

            Assert.Equal(definition, back);
            Assert.Contains("\"lookback\"", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Json_WithALookbackOfZero_FailsWithTheConstructorsError()
    {
        const string Text = """{"conversionEvents":["purchase"],"lookback":"00:00:00","channelProperty":null,"touchEvents":null,"collapseRepeats":false}""";

        var e = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(Text, EngagementJson.GetTypeInfo<ConversionPathDefinition>()));

        Assert.Equal("lookback", Assert.IsType<ArgumentOutOfRangeException>(e.InnerException).ParamName);
    }

    [Fact]
    public void ToString_SaysWhatTheDefinitionDoes()
    {
        Assert.Equal(
            "paths to purchase, touches of ad_click on property 'utm' or the event's channel within 1.00:00:00, repeats collapsed",
            new ConversionPathDefinition(["purchase"], TimeSpan.FromDays(1), "utm", ["ad_click"], true).ToString());
    }
}
