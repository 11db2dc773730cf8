using Engagement.Sdk.IO;
using Engagement.Sdk.Journeys;
using Engagement.Sdk.Tests.Support;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.Tests.Journeys;

public partial class EngagementEventTests
{
    [Fact]
    public void Constructor_UnspecifiedStage_IsNoStage()
    {
        var e = new EngagementEvent("e", "c", At, "open", Channels.Email, JourneyStage.Unspecified);

        Assert.Null(e.Stage);
        Assert.Equal(new EngagementEvent("e", "c", At, "open", Channels.Email), e);
    }

    [Fact]
    public void Json_UnspecifiedStage_RoundTripsToAnEqualEvent()
    {
        var e = new EngagementEvent("e", "c", At, "open", Channels.Email, JourneyStage.Unspecified);

        var (value, text) = Json.RoundTrip(e, EngagementJson.GetTypeInfo<EngagementEvent>());

        Assert.Equal(e, value);
        Assert.Contains("\"stage\":null", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_StageNamedUnspecified_StaysNamed()
    {
        var e = new EngagementEvent("e", "c", At, "open", Channels.Email, new JourneyStage("Unspecified"));

        var (value, text) = Json.RoundTrip(e, EngagementJson.GetTypeInfo<EngagementEvent>());

        Assert.Contains("\"stage\":\"Unspecified\"", text, StringComparison.Ordinal);
        Assert.Equal(e, value);
        Assert.False(value.Stage!.Value.IsUnspecified);
    }

    [Fact]
    public void Json_NullStage_ReadsAsNoStage()
    {
        const string text = """{"eventId":"e","customerId":"c","timestamp":"2026-01-05T10:00:00+01:00","name":"open","channel":{"name":"email","mediaType":"Owned","kind":"Email"},"stage":null}""";

        var value = System.Text.Json.JsonSerializer.Deserialize(text, EngagementJson.GetTypeInfo<EngagementEvent>())!;

        Assert.Null(value.Stage);
    }
}
