using System.Text.Json;
using Engagement.Sdk.IO;
using Engagement.Sdk.Journeys;
using Engagement.Sdk.Tests.Support;
using static Engagement.Sdk.Tests.Journeys.CohortTestData;

namespace Engagement.Sdk.Tests.Journeys;

public class CohortDefinitionTests
{
    private static readonly DateTimeOffset From = At("2024-01-01 00:00");
    private static readonly DateTimeOffset To = At("2024-01-29 00:00");

    public static TheoryData<string, Func<object>> BadArguments => new()
    {
        { "startEvent", () => new RetentionDefinition(null!, "buy", CalendarPeriod.Week, From, To) },
        { "returnEvent", () => new RetentionDefinition("visit", null!, CalendarPeriod.Week, From, To) },
        { "activityEvent", () => new LifecycleDefinition(null!, CalendarPeriod.Week, From, To) },
        { "timeZone", () => new LifecycleDefinition("visit", CalendarPeriod.Week, From, To, null!) },
    };

    [Theory]
    [MemberData(nameof(BadArguments))]
    public void Null_ThrowsNamingTheArgument(string name, Func<object> create) =>
        Assert.Equal(name, Assert.Throws<ArgumentNullException>(create).ParamName);

    [Theory]
    [InlineData("", "buy", "startEvent")]
    [InlineData("visit", "  ", "returnEvent")]
    public void BlankEvent_ThrowsNamingItAndEchoingIt(string start, string @return, string name)
    {
        var e = Assert.Throws<ArgumentException>(() => new RetentionDefinition(start, @return, CalendarPeriod.Week, From, To));

        Assert.Equal(name, e.ParamName);
        Assert.Contains($"'{(name == "startEvent" ? start : @return)}'", e.Message, StringComparison.Ordinal);
        Assert.Equal("activityEvent", Assert.Throws<ArgumentException>(() => new LifecycleDefinition(" ", CalendarPeriod.Day, From, To)).ParamName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void ToNotAfterFrom_Throws(int days)
    {
        var to = From.AddDays(days);

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new RetentionDefinition("visit", "visit", CalendarPeriod.Day, From, to));

        Assert.Equal("to", e.ParamName);
        Assert.Equal(to, e.ActualValue);
        Assert.Contains("2024-01-01T00:00:00.0000000+00:00", e.Message, StringComparison.Ordinal);
        Assert.Equal("to", Assert.Throws<ArgumentOutOfRangeException>(() => new LifecycleDefinition("visit", CalendarPeriod.Day, From, to)).ParamName);
    }

    [Fact]
    public void UndefinedEnums_ThrowNamingTheArgumentAndValue()
    {
        var period = Assert.Throws<ArgumentOutOfRangeException>(() => new RetentionDefinition("visit", "visit", (CalendarPeriod)7, From, To));
        var cohortType = Assert.Throws<ArgumentOutOfRangeException>(() => new RetentionDefinition("visit", "visit", CalendarPeriod.Week, From, To, (RetentionCohortType)(-1)));
        var weekStart = Assert.Throws<ArgumentOutOfRangeException>(() => new LifecycleDefinition("visit", CalendarPeriod.Week, From, To, weekStart: (DayOfWeek)7));

        Assert.Equal(("period", (object)(CalendarPeriod)7), (period.ParamName, period.ActualValue!));
        Assert.Contains("7", period.Message, StringComparison.Ordinal);
        Assert.Equal("cohortType", cohortType.ParamName);
        Assert.Contains("-1", cohortType.Message, StringComparison.Ordinal);
        Assert.Equal("weekStart", weekStart.ParamName);
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("")]
    public void UnknownOrBlankZone_ThrowsNamingItAndEchoingIt(string zone)
    {
        var e = Assert.Throws<ArgumentException>(() => new RetentionDefinition("visit", "visit", CalendarPeriod.Week, From, To, timeZone: zone));

        Assert.Equal("timeZone", e.ParamName);
        Assert.Contains($"'{zone}'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TooManyPeriods_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new LifecycleDefinition("visit", CalendarPeriod.Day, From, From.AddDays(1001)));

        Assert.Equal("to", e.ParamName);
        Assert.Contains("1000", e.Message, StringComparison.Ordinal);

        // 1,000 days exactly is allowed.
        Assert.Equal(1000, new LifecycleDefinition("visit", CalendarPeriod.Day, From, From.AddDays(1000)).PeriodCount);
    }

    [Fact]
    public void BoundsAtTheEdgesOfTime_Throw()
    {
        Assert.Equal("from", Assert.Throws<ArgumentOutOfRangeException>(() => new LifecycleDefinition("visit", CalendarPeriod.Month, DateTimeOffset.MinValue, To)).ParamName);
        Assert.Equal("to", Assert.Throws<ArgumentOutOfRangeException>(() => new LifecycleDefinition("visit", CalendarPeriod.Day, new DateTimeOffset(9998, 12, 30, 0, 0, 0, TimeSpan.Zero), DateTimeOffset.MaxValue)).ParamName);
    }

    [Fact]
    public void GetPeriodStart_OutsideThePeriods_Throws()
    {
        var definition = new RetentionDefinition("visit", "visit", CalendarPeriod.Week, From, To);

        Assert.Equal("period", Assert.Throws<ArgumentOutOfRangeException>(() => definition.GetPeriodStart(4)).ParamName);
        Assert.Equal("period", Assert.Throws<ArgumentOutOfRangeException>(() => definition.GetPeriodStart(-1)).ParamName);
    }

    [Fact]
    public void Definitions_HaveValueEquality_AndDefaults()
    {
        var a = new RetentionDefinition("visit", "buy", CalendarPeriod.Week, From, To);
        var b = new RetentionDefinition("visit", "buy", CalendarPeriod.Week, From.ToOffset(TimeSpan.FromHours(3)), To, RetentionCohortType.FirstTime, false, "UTC", DayOfWeek.Monday);

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.True(a == b);
        Assert.NotEqual(a, new RetentionDefinition("visit", "buy", CalendarPeriod.Week, From, To, weekStart: DayOfWeek.Sunday));
        Assert.NotEqual(a, new RetentionDefinition("Visit", "buy", CalendarPeriod.Week, From, To));
        Assert.Equal(("UTC", DayOfWeek.Monday, RetentionCohortType.FirstTime, false), (a.TimeZone, a.WeekStart, a.CohortType, a.Unbounded));
        Assert.NotEqual(new LifecycleDefinition("visit", CalendarPeriod.Week, From, To), new LifecycleDefinition("visit", CalendarPeriod.Week, From, To, "Europe/Berlin"));
    }

    [Fact]
    public void Definitions_AndResults_RoundTripThroughStrictJson()
    {
        var retention = new RetentionDefinition("visit", "buy", CalendarPeriod.Month, From, To, RetentionCohortType.Recurring, true, "Europe/Berlin", DayOfWeek.Sunday);
        var lifecycle = new LifecycleDefinition("visit", CalendarPeriod.Day, From, To, "Europe/Berlin", DayOfWeek.Sunday);
        var log = Log(("u1", "2024-01-02 10:00", "visit"), ("u1", "2024-01-10 10:00", "buy"));

        var (readRetention, text) = Json.RoundTrip(retention, EngagementJson.GetTypeInfo<RetentionDefinition>());
        Assert.Equal(retention, readRetention);
        Assert.Contains("\"weekStart\":\"Sunday\"", text, StringComparison.Ordinal);
        Assert.Contains("\"cohortType\":\"Recurring\"", text, StringComparison.Ordinal);
        Assert.Equal(lifecycle, Json.RoundTrip(lifecycle, EngagementJson.GetTypeInfo<LifecycleDefinition>()).Value);
        var retentionResult = RetentionAccumulator.Compute(log, retention);
        Assert.Equal(retentionResult, Json.RoundTrip(retentionResult, EngagementJson.GetTypeInfo<RetentionResult>()).Value);
        var lifecycleResult = LifecycleAccumulator.Compute(log, lifecycle);
        Assert.Equal(lifecycleResult, Json.RoundTrip(lifecycleResult, EngagementJson.GetTypeInfo<LifecycleResult>()).Value);
    }

    [Theory]
    [InlineData("\"weekStart\":\"Sunday\"", "\"weekStart\":0")]
    [InlineData("\"weekStart\":\"Sunday\"", "\"weekStart\":\"sunday\"")]
    [InlineData("\"period\":\"Month\"", "\"period\":\"Year\"")]
    [InlineData("\"timeZone\":\"Europe/Berlin\"", "\"timeZone\":\"Europe/Atlantis\"")]
    [InlineData("\"to\":\"2024-01-29T00:00:00+00:00\"", "\"to\":\"2023-01-29T00:00:00+00:00\"")]
    public void Json_WithABadMember_IsRejected(string good, string bad)
    {
        var retention = new RetentionDefinition("visit", "buy", CalendarPeriod.Month, From, To, RetentionCohortType.Recurring, true, "Europe/Berlin", DayOfWeek.Sunday);
        var text = JsonSerializer.Serialize(retention, EngagementJson.GetTypeInfo<RetentionDefinition>());
        Assert.Contains(good, text, StringComparison.Ordinal);

        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(text.Replace(good, bad, StringComparison.Ordinal), EngagementJson.GetTypeInfo<RetentionDefinition>()));
    }

    [Fact]
    public void Results_WithTamperedCounts_AreRejected()
    {
        var definition = new RetentionDefinition("visit", "visit", CalendarPeriod.Week, From, To);
        RetentionCohort Row(int c, params long[] counts) => new(definition.GetPeriodStart(c), counts);

        var tooLarge = Assert.Throws<ArgumentOutOfRangeException>(() => new RetentionCohort(From, [1, 2]));
        var wrongStart = Assert.Throws<ArgumentException>(() => new RetentionResult(definition, 1, [Row(1, 1, 0, 0, 0), Row(1, 0, 0, 0), Row(2, 0, 0), Row(3, 0)]));
        var tooMany = Assert.Throws<ArgumentOutOfRangeException>(() => new RetentionResult(definition, 1, [Row(0, 1, 0, 0, 0), Row(1, 1, 0, 0), Row(2, 0, 0), Row(3, 0)]));

        Assert.Equal("counts", tooLarge.ParamName);
        Assert.Equal(2L, tooLarge.ActualValue);
        Assert.Equal("cohorts", wrongStart.ParamName);
        Assert.Equal("cohorts", tooMany.ParamName);
        var lifecycle = new LifecycleDefinition("visit", CalendarPeriod.Week, From, To);
        LifecyclePeriod[] rows = [.. Enumerable.Range(0, 4).Select(p => new LifecyclePeriod(lifecycle.GetPeriodStart(p), 0, 0, 0, p == 2 ? 1 : 0))];
        Assert.Equal("periods", Assert.Throws<ArgumentOutOfRangeException>(() => new LifecycleResult(lifecycle, 1, rows)).ParamName);
        Assert.Equal("dormant", Assert.Throws<ArgumentOutOfRangeException>(() => new LifecyclePeriod(From, 0, 0, 0, -1)).ParamName);
    }
}
