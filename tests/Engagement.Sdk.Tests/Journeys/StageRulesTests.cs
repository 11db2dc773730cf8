using System.Text.Json;
using Engagement.Sdk.IO;
using Engagement.Sdk.Journeys;
using Engagement.Sdk.Tests.Support;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.Tests.Journeys;

public class StageRulesTests
{
    [Fact]
    public void RulesAndDefinition_RoundTripThroughStrictJson()
    {
        var rules = new StageRules(
            StageModel.Default,
            [.. StageRules.Default.Rules, new StageRule(JourneyStage.Loyalty, ["visit"], ["email", "sms"], MediaType.Owned, ChannelKind.Email)]);
        var definition = new StageDefinition(rules, JourneyRows.T0, JourneyRows.T0.AddDays(30), CalendarPeriod.Week, "Europe/Berlin", DayOfWeek.Sunday);

        var (read, text) = Json.RoundTrip(definition, EngagementJson.GetTypeInfo<StageDefinition>());

        Assert.Equal(definition, read);
        Assert.Contains("\"timeZone\":\"Europe/Berlin\"", text, StringComparison.Ordinal);
        Assert.Contains("\"mediaType\":\"Owned\"", text, StringComparison.Ordinal);
        Assert.Equal(StageRules.Default, Json.RoundTrip(StageRules.Default, EngagementJson.GetTypeInfo<StageRules>()).Value);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(text.Replace("\"Week\"", "\"Fortnight\"", StringComparison.Ordinal), EngagementJson.GetTypeInfo<StageDefinition>()));
        // Every member is written, and the lists are required: a rule without its channels is refused.
        var e = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("{\"stage\":\"Awareness\",\"eventNames\":[\"a\"]}", EngagementJson.GetTypeInfo<StageRule>()));
        Assert.Contains("channels", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StageRule_BadInput_ThrowsNamingTheArgumentAndEchoingTheValue()
    {
        Assert.Throws<ArgumentException>("stage", () => StageRule.ForEvents(JourneyStage.Unspecified, "home"));
        Assert.Contains("' '", Assert.Throws<ArgumentException>("eventNames", () => StageRule.ForEvents(JourneyStage.Awareness, " ")).Message, StringComparison.Ordinal);
        Assert.Contains("'home'", Assert.Throws<ArgumentException>("eventNames", () => StageRule.ForEvents(JourneyStage.Awareness, "home", "home")).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>("eventNames", () => StageRule.ForEvents(JourneyStage.Awareness));
        Assert.Throws<ArgumentException>("channels", () => StageRule.ForChannels(JourneyStage.Awareness));
        Assert.Contains("'EMAIL'", Assert.Throws<ArgumentException>("channels", () => new StageRule(JourneyStage.Awareness, [], ["email", "EMAIL"])).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>("eventNames", () => new StageRule(JourneyStage.Awareness, null!, []));
        Assert.Throws<ArgumentNullException>("eventNames", () => new StageRule(JourneyStage.Awareness, [null!], []));
        var media = Assert.Throws<ArgumentOutOfRangeException>("mediaType", () => new StageRule(JourneyStage.Awareness, [], [], (MediaType)9));
        Assert.Equal((MediaType)9, media.ActualValue);
        Assert.Throws<ArgumentOutOfRangeException>("channelKind", () => new StageRule(JourneyStage.Awareness, [], [], null, (ChannelKind)(-1)));
    }

    [Fact]
    public void StageRules_BadInput_ThrowsNamingTheArgument()
    {
        Assert.Throws<ArgumentNullException>("model", () => new StageRules(null!, StageRules.Default.Rules));
        Assert.Throws<ArgumentException>("rules", () => new StageRules(StageModel.Default, []));
        Assert.Throws<ArgumentException>("rules", () => new StageRules(StageModel.Default, [.. Enumerable.Repeat(StageRules.Default.Rules[0], StageRules.MaxRules + 1)]));
        Assert.Throws<ArgumentNullException>("rules", () => new StageRules(StageModel.Default, [null!]));
        var foreign = Assert.Throws<ArgumentException>("rules", () => new StageRules(StageModel.Default, [StageRule.ForEvents(new JourneyStage("Elsewhere"), "x")]));
        Assert.Contains("'Elsewhere'", foreign.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>("eventName", () => StageRules.Default.Classify(null!, Channels.Website));
    }

    [Fact]
    public void StageDefinition_BadInput_ThrowsNamingTheArgumentAndEchoingTheValue()
    {
        var t0 = JourneyRows.T0;
        Assert.Throws<ArgumentNullException>("rules", () => new StageDefinition(null!));
        Assert.Throws<ArgumentException>("to", () => new StageDefinition(StageRules.Default, from: t0));
        Assert.Throws<ArgumentException>("from", () => new StageDefinition(StageRules.Default, to: t0));
        var equal = Assert.Throws<ArgumentOutOfRangeException>("to", () => new StageDefinition(StageRules.Default, t0, t0));
        Assert.Contains("2026-01-05T10:00:00.0000000+00:00", equal.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>("to", () => new StageDefinition(StageRules.Default, t0, t0.AddTicks(-1)));
        Assert.Contains("'Mars/Olympus'", Assert.Throws<ArgumentException>("timeZone", () => new StageDefinition(StageRules.Default, timeZone: "Mars/Olympus")).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>("timeZone", () => new StageDefinition(StageRules.Default, timeZone: ""));
        Assert.Throws<ArgumentOutOfRangeException>("period", () => new StageDefinition(StageRules.Default, period: (CalendarPeriod)3));
        Assert.Throws<ArgumentOutOfRangeException>("weekStart", () => new StageDefinition(StageRules.Default, weekStart: (DayOfWeek)7));
        Assert.Throws<ArgumentOutOfRangeException>("to", () => new StageDefinition(StageRules.Default, t0, t0.AddYears(300)));
        Assert.Throws<ArgumentOutOfRangeException>("period", () => new StageDefinition(StageRules.Default, t0, t0.AddDays(1)).GetPeriodStart(2));
    }

    [Theory]
    // A day in Berlin (UTC+1 in winter) starts at 23:00 UTC the day before.
    [InlineData("Europe/Berlin", CalendarPeriod.Day, DayOfWeek.Monday, "2026-01-05T23:30:00Z", "2026-01-06T00:00:00+01:00")]
    // Weeks starting on Sunday: Wednesday Jan 7 falls in the week of Sunday Jan 4.
    [InlineData("UTC", CalendarPeriod.Week, DayOfWeek.Sunday, "2026-01-07T12:00:00Z", "2026-01-04T00:00:00+00:00")]
    // The default Monday start: Sunday Jan 11 falls in the week of Monday Jan 5.
    [InlineData("UTC", CalendarPeriod.Week, DayOfWeek.Monday, "2026-01-11T23:59:59Z", "2026-01-05T00:00:00+00:00")]
    // 23:30 UTC on Jan 31 is already February 1 in Berlin.
    [InlineData("Europe/Berlin", CalendarPeriod.Month, DayOfWeek.Monday, "2026-01-31T23:30:00Z", "2026-02-01T00:00:00+01:00")]
    // Chile skips local midnight when summer time starts (2026-09-06 00:00 becomes 01:00): the day starts at 01:00.
    [InlineData("America/Santiago", CalendarPeriod.Day, DayOfWeek.Monday, "2026-09-06T12:00:00Z", "2026-09-06T01:00:00-03:00")]
    public void PeriodStart_IsLocalMidnightOfTheDayWeekOrMonth(string zone, CalendarPeriod period, DayOfWeek firstDay, string from, string expected)
    {
        var start = DateTimeOffset.Parse(from, System.Globalization.CultureInfo.InvariantCulture);
        var definition = new StageDefinition(StageRules.Default, start, start.AddTicks(1), period, zone, firstDay);

        Assert.Equal(1, definition.PeriodCount);
        var actual = definition.GetPeriodStart(0);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), actual);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture).Offset, actual.Offset);
    }

    [Fact]
    public void Periods_AcrossTheSpringDaylightSavingJump_HaveLocalMidnights()
    {
        // Berlin moves from +01:00 to +02:00 on 2026-03-29 at 02:00: that day lasts 23 hours.
        var from = new DateTimeOffset(2026, 3, 28, 12, 0, 0, TimeSpan.FromHours(1));
        var to = new DateTimeOffset(2026, 3, 30, 12, 0, 0, TimeSpan.FromHours(2));
        var definition = new StageDefinition(StageRules.Default, from, to, CalendarPeriod.Day, "Europe/Berlin");

        Assert.Equal(3, definition.PeriodCount);
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 0, 0, 0, TimeSpan.FromHours(1)), definition.GetPeriodStart(1));
        Assert.Equal(new DateTimeOffset(2026, 3, 30, 0, 0, 0, TimeSpan.FromHours(2)), definition.GetPeriodStart(2));
        Assert.Equal(TimeSpan.FromHours(23), definition.GetPeriodStart(2) - definition.GetPeriodStart(1));
    }
}
