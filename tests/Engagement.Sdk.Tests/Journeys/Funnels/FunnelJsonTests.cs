using System.Text.Json;
using Engagement.Sdk.IO;
using Engagement.Sdk.Journeys;
using Engagement.Sdk.Tests.Support;
using static Engagement.Sdk.Tests.Journeys.Funnels.FunnelLogs;

namespace Engagement.Sdk.Tests.Journeys.Funnels;

/// <summary>Strict JSON of the funnel's definition types and results.</summary>
public class FunnelJsonTests
{
    private static readonly FunnelDefinition Full = new(
        [FunnelStep.Event("a"), new FunnelStep("b", channel: "email"), new FunnelStep("c", propertyKey: "plan", propertyValue: "pro")],
        TimeSpan.FromHours(2),
        FunnelMode.Ordered,
        [new FunnelExclusion("x", 0, 2)],
        FunnelBreakdown.Property,
        "plan");

    [Fact]
    public void Definition_RoundTripsToAnEqualValue()
    {
        var (read, text) = Json.RoundTrip(Full, EngagementJson.GetTypeInfo<FunnelDefinition>());

        Assert.Equal(Full, read);
        Assert.Equal(Full.GetHashCode(), read.GetHashCode());
        Assert.Equal(text, JsonSerializer.Serialize(read, EngagementJson.GetTypeInfo<FunnelDefinition>()));
        Assert.Contains("\"window\":\"02:00:00\",\"mode\":\"Ordered\"", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"mode\":\"Ordered\"", "\"mode\":\"ordered\"")]
    [InlineData("\"mode\":\"Ordered\"", "\"mode\":0")]
    [InlineData("\"window\":\"02:00:00\",", "")]
    [InlineData("\"window\":\"02:00:00\"", "\"window\":\"-02:00:00\"")]
    [InlineData("\"fromStep\":0", "\"fromStep\":2")]
    [InlineData("\"breakdownProperty\":\"plan\"", "\"breakdownProperty\":null")]
    public void Definition_BadJson_IsRejected(string member, string replacement)
    {
        var text = JsonSerializer.Serialize(Full, EngagementJson.GetTypeInfo<FunnelDefinition>());
        Assert.Contains(member, text, StringComparison.Ordinal);

        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(text.Replace(member, replacement, StringComparison.Ordinal), EngagementJson.GetTypeInfo<FunnelDefinition>()));
    }

    [Fact]
    public void Result_RoundTrips_AndATamperedDerivedMemberIsRejected()
    {
        var result = Run(Funnel("a b"), new("c1", 0, "a"), new("c1", 60, "b"), new("c2", 0, "a"));
        var (read, text) = Json.RoundTrip(result, EngagementJson.GetTypeInfo<FunnelResult>());

        Assert.Equal(result, read);
        Assert.Equal([2L, 1], Counts(read));
        Assert.Contains("\"droppedIds\":[\"c2\"]", text, StringComparison.Ordinal);
        Assert.Contains("\"timeToConvert\":{\"600000000\":1}", text, StringComparison.Ordinal);

        var tampered = text.Replace("\"droppedIds\":[\"c2\"]", "\"droppedIds\":[\"c3\"]", StringComparison.Ordinal);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(tampered, EngagementJson.GetTypeInfo<FunnelResult>()));
    }
}
