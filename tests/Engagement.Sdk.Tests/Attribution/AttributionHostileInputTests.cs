using System.Text.Json;
using Engagement.Sdk.Attribution;
using Engagement.Sdk.IO;

namespace Engagement.Sdk.Tests.Attribution;

/// <summary>Cases a hostile pass over the merged attribution API found, each pinned.</summary>
public class AttributionHostileInputTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("a > b")] // the path separator: "a > b > c" would read back as three channels
    [InlineData("a>b")]
    [InlineData("(start)")] // the Markov chain's own states
    [InlineData("(null)")]
    public void ChannelNames_ThatPathsOrChainStatesCannotTellApart_AreRefused(string name)
    {
        var touch = Assert.Throws<ArgumentException>(() => new AttributionTouch(name, T0));
        var aggregated = Assert.Throws<ArgumentException>(() => new AggregatedPath([name], 1, 1, 0));

        Assert.Equal("channel", touch.ParamName);
        Assert.Equal("channels", aggregated.ParamName);
        Assert.Contains(name, touch.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TouchesAtOneInstant_KeepTheJourneysOrder()
    {
        // The order given is the journey's: B then A at one instant is the path B > A, so that relabelling the channels
        // can never reorder a path (the relabelling law) — first touch credits B.
        var ba = new ConversionPath([new AttributionTouch("B", T0), new AttributionTouch("A", T0)], converted: true, value: 1);

        var result = new FirstTouchModel().Attribute(ConversionPaths.Create([ba]));

        Assert.Equal(["B", "A"], ba.Touches.Select(t => t.Channel));
        Assert.Equal(1, result["B"].Conversions);
    }

    [Fact]
    public void ConversionPathJson_MayLeaveOutTheOptionalValueAndEnd()
    {
        var path = Read<ConversionPath>("""{"touches":[{"channel":"A","time":"2024-01-01T00:00:00+00:00","cost":0}],"converted":true}""");

        Assert.Equal(0, path.Value);
        Assert.Equal(path.Touches[^1].Time, path.End);
    }

    [Fact]
    public void ConversionPathDefinitionJson_MayLeaveOutTheOptionalMembers()
    {
        var definition = Read<ConversionPathDefinition>("""{"conversionEvents":["purchase"],"lookback":"1.00:00:00"}""");

        Assert.Equal(new ConversionPathDefinition(["purchase"], TimeSpan.FromDays(1)), definition);
    }

    [Fact]
    public void ConversionPathsJson_WithAgesGrowingAlongAPath_IsRefused()
    {
        // The second touch of path 0 is 5 days before the end and the first only 1: out of time order, which Create
        // cannot produce.
        var error = Assert.Throws<JsonException>(() => Read<ConversionPaths>(
            """{"channels":["a"],"offsets":[0,2],"steps":[0,0],"ages":[1,5],"pathConversions":[1],"pathValues":[0],"pathNulls":[0],"channelCosts":null,"count":1,"hasTimes":true,"hasCosts":false}"""));

        Assert.Contains("ages", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.2)] // 1 conversion of 1 is a share of 1
    [InlineData(null)] // with conversions there is a share
    public void AResult_WithAShareItsCreditsDoNotGive_IsRefused(double? share)
    {
        var error = Assert.Throws<ArgumentException>(() => new AttributionResult("m", [new ChannelCredit("A", 1, 1, share, null)], 1, 1));

        Assert.Equal("channels", error.ParamName);
    }

    [Fact]
    public void AResult_WithoutConversions_HasNoShares() =>
        Assert.Equal("channels", Assert.Throws<ArgumentException>(
            () => new AttributionResult("m", [new ChannelCredit("A", 0, 0, 0, null)], 0, 0)).ParamName);

    [Fact]
    public void TheBootstrap_RefusesMoreResamplesThanItCanHold()
    {
        var paths = ConversionPaths.Create([new AggregatedPath(["a"], 1, 1, 1)]);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => AttributionBootstrap.Run(new LinearModel(), paths, int.MaxValue));

        Assert.Equal("resamples", error.ParamName);
    }

    private static T Read<T>(string json) => JsonSerializer.Deserialize(json, EngagementJson.GetTypeInfo<T>())!;
}
