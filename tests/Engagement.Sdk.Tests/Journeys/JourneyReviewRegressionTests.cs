using System.Text.Json;
using Engagement.Sdk.IO;
using Engagement.Sdk.Journeys;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.Tests.Journeys;

/// <summary>Defects the review of the Journeys merge found, each with the test that guards it.</summary>
public class JourneyReviewRegressionTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void DefaultSession_HasNoIdsAndNoRows_InsteadOfThrowing()
    {
        var session = default(Session);

        Assert.Null(session.SessionId);
        Assert.Null(session.CustomerId);
    }

    [Fact]
    public void FunnelBreakdown_IsReadOnly_SoCallersCannotChangeTheCachedResult()
    {
        var builder = new EventLogBuilder();
        builder.Add("c1", T0, "a", Channels.Email);
        builder.Add("c1", T0.AddMinutes(1), "b", Channels.Email);
        var result = FunnelAccumulator.Compute(
            builder.Build(), new FunnelDefinition([FunnelStep.Event("a"), FunnelStep.Event("b")], breakdown: FunnelBreakdown.Channel));

        Assert.IsNotType<FunnelResult[]>(result.Breakdown);
        Assert.Throws<NotSupportedException>(() => ((IList<FunnelResult>)result.Breakdown)[0] = result);
        Assert.Same(result.Breakdown, result.Breakdown);
    }

    [Fact]
    public void Partition_BeyondItsLimit_IsRefusedNamingTheArgument_InsteadOfRunningOutOfMemory()
    {
        var log = new EventLogBuilder().Build();

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => log.Partition(int.MaxValue));

        Assert.Equal("partitions", e.ParamName);
        Assert.Equal(EventLog.MaxPartitions, log.Partition(EventLog.MaxPartitions).Count);
    }

    [Fact]
    public void StageDefinition_WritesItsWeekStartByName_AsRetentionAndLifecycleDo()
    {
        var definition = new StageDefinition(StageRules.Default, T0, T0.AddDays(28), CalendarPeriod.Week, "UTC", DayOfWeek.Sunday);

        var json = JsonSerializer.Serialize(definition, EngagementJson.GetTypeInfo<StageDefinition>());

        Assert.Contains("\"weekStart\":\"Sunday\"", json, StringComparison.Ordinal);
        Assert.Equal(definition, JsonSerializer.Deserialize(json, EngagementJson.GetTypeInfo<StageDefinition>()));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json.Replace("\"Sunday\"", "0", StringComparison.Ordinal), EngagementJson.GetTypeInfo<StageDefinition>()));
    }

    [Fact]
    public void RetentionAverage_IsComputedOnce()
    {
        var builder = new EventLogBuilder();
        builder.Add("c1", T0, "start", Channels.Website);
        builder.Add("c1", T0.AddDays(7), "start", Channels.Website);
        var result = RetentionAccumulator.Compute(
            builder.Build(), new RetentionDefinition("start", "start", CalendarPeriod.Week, T0, T0.AddDays(21)));

        // c1 joins the week of 2026-03-02 (a Monday) and returns in week 1: 1 of 1 at k = 1.
        Assert.Same(result.Average, result.Average);
        Assert.Equal(new(1, 1), result.Average[1]);
        Assert.Same(result.Cohorts[0].Rates, result.Cohorts[0].Rates);
    }

    [Fact]
    public void MeanAndMedian_RoundHalfUpAlike_InSessionsAndStages()
    {
        // Two sessions lasting 1 and 2 ticks: mean and median are 1.5 ticks, which every analysis rounds up to 2.
        var builder = new EventLogBuilder();
        builder.Add("c1", T0, "page_view", Channels.Website);
        builder.Add("c1", T0.AddTicks(1), "page_view", Channels.Website);
        builder.Add("c2", T0, "page_view", Channels.Website);
        builder.Add("c2", T0.AddTicks(2), "page_view", Channels.Website);

        var sessions = SessionAccumulator.Compute(builder.Build());

        Assert.Equal(TimeSpan.FromTicks(2), sessions.MeanDuration);
        Assert.Equal(TimeSpan.FromTicks(2), sessions.MedianDuration);
    }
}

/// <summary>The hostile pass found that a time without an offset was read in the machine's own time zone.</summary>
public class StrictTimeJsonTests
{
    [Theory]
    [InlineData("2024-01-01T00:00:00")]
    [InlineData("2024-01-01")]
    [InlineData("2024-01-01T00:00:00.0000000")]
    public void ADefinitionTimeWithoutAnOffset_IsRefused_RatherThanReadInTheMachinesZone(string time)
    {
        var jan = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var json = JsonSerializer.Serialize(
            new RetentionDefinition("a", "b", CalendarPeriod.Day, jan, jan.AddDays(3)), EngagementJson.GetTypeInfo<RetentionDefinition>());
        Assert.Contains("\"2024-01-01T00:00:00+00:00\"", json, StringComparison.Ordinal);

        var e = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(
            json.Replace("2024-01-01T00:00:00+00:00", time, StringComparison.Ordinal), EngagementJson.GetTypeInfo<RetentionDefinition>()));

        Assert.Contains("has no offset", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2024-01-01T00:00:00Z")]
    [InlineData("2024-01-01T01:00:00+01:00")]
    [InlineData("2023-12-31T19:00:00-05:00")]
    public void ATimeWithAnOffset_IsTheSameInstantWhateverTheMachine(string time)
    {
        var jan = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var json = JsonSerializer.Serialize(
            new RetentionDefinition("a", "b", CalendarPeriod.Day, jan, jan.AddDays(3)), EngagementJson.GetTypeInfo<RetentionDefinition>());

        var read = JsonSerializer.Deserialize(
            json.Replace("2024-01-01T00:00:00+00:00", time, StringComparison.Ordinal), EngagementJson.GetTypeInfo<RetentionDefinition>())!;

        Assert.Equal(jan, read.From);
    }
}

/// <summary>The hostile pass found that merges near the top of the range overflowed with a message that named nothing.</summary>
public class JourneyMergeOverflowTests
{
    [Fact]
    public void RetentionMerge_ThatOverflows_SaysWhatAndChangesNothing()
    {
        var jan = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var builder = new EventLogBuilder();
        builder.Add("c1", jan, "start", Channels.Website);
        var accumulator = new RetentionAccumulator(new RetentionDefinition("start", "start", CalendarPeriod.Week, jan, jan.AddDays(21)));
        accumulator.Add(builder.Build());

        // The same state with the customer count at long.MaxValue: valid on its own, but two of them overflow.
        var json = JsonSerializer.Serialize(accumulator.GetState(), EngagementJson.GetTypeInfo<RetentionState>())
            .Replace("\"customers\":1", "\"customers\":9223372036854775807", StringComparison.Ordinal);
        var full = RetentionAccumulator.FromState(JsonSerializer.Deserialize(json, EngagementJson.GetTypeInfo<RetentionState>())!);
        var before = full.GetState();

        var e = Assert.Throws<OverflowException>(() => full.Merge(RetentionAccumulator.FromState(before)));

        Assert.Contains("nothing was merged", e.Message, StringComparison.Ordinal);
        Assert.Contains("9223372036854775807 customers", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, full.GetState());
    }
}
