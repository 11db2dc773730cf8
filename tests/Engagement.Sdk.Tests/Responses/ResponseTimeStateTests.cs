using System.Text.Json;
using System.Text.Json.Nodes;
using Engagement.Sdk.IO;
using Engagement.Sdk.Responses;
using Engagement.Sdk.Statistics;
using Engagement.Sdk.Tests.Statistics;
using static Engagement.Sdk.Tests.Responses.InquiryExamples;

namespace Engagement.Sdk.Tests.Responses;

public class ResponseTimeStateTests
{
    private static readonly ResponseTimeDefinition Office = new(OfficeHours);

    // One email inquiry answered by a person after a minute, within office hours: a first response of 60 s both ways.
    // Sketch 0 of a group is the calendar, sketch 1 the business first response time.
    private static readonly Inquiry Answered = Inquiry(At(2, 9), [CustomerAt(At(2, 9)), AgentAt(At(2, 9, 1))], id: "a");

    private static JsonObject StateNode()
    {
        var accumulator = new ResponseTimeAccumulator(Office);
        accumulator.Add(Answered);
        return JsonNode.Parse(JsonSerializer.Serialize(accumulator.GetState(), EngagementJson.GetTypeInfo<ResponseTimeState>()))!.AsObject();
    }

    private static ResponseTimeState Read(JsonObject node) =>
        JsonSerializer.Deserialize(node.ToJsonString(), EngagementJson.GetTypeInfo<ResponseTimeState>())!;

    private static string? RejectedField(JsonObject node) =>
        Assert.IsAssignableFrom<ArgumentException>(Assert.Throws<JsonException>(() => Read(node)).InnerException).ParamName;

    [Fact]
    public void Read_ChannelSketchesOfAnotherBucketLimit_AreRejectedSoAMergeCannotHalfApply()
    {
        // Before the check such a state was read, and merging it merged the overall, priority and type groups and
        // then threw on the channel: the bucket limit is part of what every sketch must share with the definition.
        var node = StateNode();
        foreach (var sketch in node["byChannel"]!["email"]!.AsArray())
        {
            sketch!["maxBucketCount"] = 2048;
        }

        Assert.Equal("byChannel", RejectedField(node));
    }

    [Fact]
    public void Read_OverallSketchThatItsGroupsDoNotMergeTo_IsRejected()
    {
        // The hostile pass's state: the overall calendar first response time holds 7,200 s while its only channel,
        // priority and response type hold the real 60 s. The counts add up (one value each) and business (60 s) stays
        // below calendar (7,200 s), but no inquiry could give it: each value lies in exactly one group of each
        // breakdown, so the groups must merge to the overall sketch bucket for bucket.
        var node = StateNode();
        node["overall"]![0] = QuantileSketchValues.StateOf(7200);

        Assert.Equal("byChannel", RejectedField(node));
    }

    [Fact]
    public void Read_NegativeDuration_IsRejected()
    {
        // The business first response time replaced by −60 s: as many values, at most the calendar 60 s, but negative.
        var node = StateNode();
        node["overall"]![1] = QuantileSketchValues.StateOf(-60);

        Assert.Equal("overall", RejectedField(node));
    }

    [Fact]
    public void Read_BusinessTimeAboveCalendarTime_IsRejected()
    {
        // The business first response time replaced by 120 s, above its calendar 60 s.
        var node = StateNode();
        node["overall"]![1] = QuantileSketchValues.StateOf(120);

        Assert.Equal("overall", RejectedField(node));
    }

    [Fact]
    public void Read_ItsOwnState_IsAccepted()
    {
        var node = StateNode();

        Assert.Equal(60, Read(node).Overall[1].Max);
    }

    [Theory]
    [InlineData(1e-7)]
    [InlineData(5e-7)]
    public void Definition_AccuracyBelowTheSketchMinimum_ThrowsNamingIt(double accuracy)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new ResponseTimeDefinition(OfficeHours, accuracy));

        Assert.Equal("relativeAccuracy", e.ParamName);
        Assert.Equal(accuracy, e.ActualValue);
    }

    [Fact]
    public void Definition_DefaultBucketLimit_CoversOneMillisecondToTenYears()
    {
        // Buckets ⌈log_γ 315,576,000⌉ (10 × 365.25 days in seconds) down to ⌈log_γ 0.001⌉, γ = (1 + α) / (1 − α).
        static long Covering(double alpha)
        {
            var lnGamma = Math.Log((1 + alpha) / (1 - alpha));
            return (long)Math.Ceiling(Math.Log(315_576_000) / lnGamma) - (long)Math.Ceiling(Math.Log(0.001) / lnGamma) + 1;
        }

        // At 1%: ⌈19.570 / 0.0200007⌉ − ⌈−6.908 / 0.0200007⌉ + 1 = 979 + 345 + 1 = 1,325 ≤ 4,096: the sketch default.
        Assert.Equal(1325, Covering(0.01));
        Assert.Equal(QuantileSketch.DefaultMaxBucketCount, Office.MaxBucketCount);

        // At 0.1% the range needs more than 4,096 buckets (about 26.48 / 0.002), and gets them.
        Assert.True(Covering(0.001) > QuantileSketch.DefaultMaxBucketCount);
        Assert.Equal(Covering(0.001), new ResponseTimeDefinition(OfficeHours, 0.001).MaxBucketCount);

        // At 10⁻⁶ it would need about 13 million, more than the sketch allows: the largest limit.
        Assert.Equal(QuantileSketch.MaxMaxBucketCount, new ResponseTimeDefinition(OfficeHours, 1e-6).MaxBucketCount);
    }

    [Fact]
    public void Definition_BucketLimit_IsValidatedComparedAndWrittenToJson()
    {
        var small = new ResponseTimeDefinition(OfficeHours, 0.01, 100);
        var json = JsonSerializer.Serialize(small, EngagementJson.GetTypeInfo<ResponseTimeDefinition>());

        Assert.Contains("\"maxBucketCount\":100", json, StringComparison.Ordinal);
        Assert.Equal(small, JsonSerializer.Deserialize(json, EngagementJson.GetTypeInfo<ResponseTimeDefinition>()));
        Assert.NotEqual(Office, small);
        Assert.Equal("maxBucketCount", Assert.Throws<ArgumentOutOfRangeException>(() => new ResponseTimeDefinition(OfficeHours, 0.01, 15)).ParamName);
        Assert.Equal(100, new ResponseTimeAccumulator(small).GetState().Overall[0].MaxBucketCount);
    }
}
