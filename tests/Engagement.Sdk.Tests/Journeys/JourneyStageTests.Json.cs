using System.Text.Json;
using Engagement.Sdk.IO;
using Engagement.Sdk.Journeys;
using Engagement.Sdk.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace Engagement.Sdk.Tests.Journeys;

public partial class JourneyStageTests
{
    [Fact]
    public void Json_Unspecified_IsNull_AndNullReadsBackAsUnspecified()
    {
        Assert.Equal("null", JsonSerializer.Serialize(JourneyStage.Unspecified, EngagementJson.GetTypeInfo<JourneyStage>()));
        Assert.Equal(JourneyStage.Unspecified, JsonSerializer.Deserialize("null", EngagementJson.GetTypeInfo<JourneyStage>()));
    }

    [Fact]
    public void Json_StageNamedUnspecified_StaysANamedStage()
    {
        var named = new JourneyStage("Unspecified");

        var (value, text) = Json.RoundTrip(named, EngagementJson.GetTypeInfo<JourneyStage>());

        Assert.Equal("\"Unspecified\"", text);
        Assert.Equal(named, value);
        Assert.False(value.IsUnspecified);
    }

    [Theory]
    [InlineData("42")]
    [InlineData("true")]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("""["Decision"]""")]
    public void Json_NeitherStringNorNull_ThrowsJsonException(string json) =>
        Assert.Contains(
            "A journey stage must be a JSON string or null",
            Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, EngagementJson.GetTypeInfo<JourneyStage>())).Message,
            StringComparison.Ordinal);

    [Fact]
    public void Json_InvalidName_ThrowsJsonExceptionWrappingTheArgumentException()
    {
        var e = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("\"ev\\u202Eil\"", EngagementJson.GetTypeInfo<JourneyStage>()));

        var inner = Assert.IsType<ArgumentException>(e.InnerException);
        Assert.Equal("name", inner.ParamName);
        Assert.Contains("U+202E", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\u202E', e.Message);
    }

    [Fact]
    public void Json_AnyStage_RoundTripsToAnEqualStage() =>
        Prop.ForAll(
            Arb.From(Gen.OneOf(
                Gen.Constant(JourneyStage.Unspecified),
                Gen.Constant(new JourneyStage("Unspecified")),
                Names.Valid().Generator.Select(name => new JourneyStage(name)))),
            stage =>
            {
                var (value, _) = Json.RoundTrip(stage, EngagementJson.GetTypeInfo<JourneyStage>());
                return value == stage && value.IsUnspecified == stage.IsUnspecified;
            }).Check(Config.QuickThrowOnFailure.WithMaxTest(300));
}
