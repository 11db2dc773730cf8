using System.Globalization;
using Engagement.Sdk.Responses;

namespace Engagement.Sdk.Tests.Responses;

/// <summary>Hand-worked business durations, additions and openings; expected values derived in the comments.</summary>
public partial class BusinessCalendarTests
{
    private static readonly TimeSpan Cet = TimeSpan.FromHours(1);
    private static readonly TimeSpan Cest = TimeSpan.FromHours(2);
    private static readonly TimeSpan Est = TimeSpan.FromHours(-5);
    private static readonly TimeSpan Edt = TimeSpan.FromHours(-4);

    /// <summary>Europe/Amsterdam, Monday to Friday 09:00–12:30 and 13:30–17:30 (an hour's lunch), closed on New Year's
    /// Day 2026 and 2027 and on Christmas 2026.</summary>
    internal static BusinessCalendar Office { get; } = new(
        "Europe/Amsterdam",
        Weekdays(new TimeSpan(9, 0, 0), new TimeSpan(12, 30, 0)).Concat(Weekdays(new TimeSpan(13, 30, 0), new TimeSpan(17, 30, 0))),
        [new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 25), new DateOnly(2026, 12, 26), new DateOnly(2027, 1, 1)]);

    internal static IEnumerable<BusinessHours> Weekdays(TimeSpan start, TimeSpan end) =>
        new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .Select(day => new BusinessHours(day, start, end));

    private static DateTimeOffset At(int year, int month, int day, int hour, int minute, TimeSpan offset) =>
        new(year, month, day, hour, minute, 0, offset);

    [Fact]
    public void BusinessDuration_OverAWeekend_CountsFridayEveningAndMondayMorning()
    {
        // Friday 2026-11-27 17:00 → 17:30 is 30 min; Saturday and Sunday are closed; Monday 09:00 → 10:00 is 60 min.
        var from = At(2026, 11, 27, 17, 0, Cet);
        var to = At(2026, 11, 30, 10, 0, Cet);

        Assert.Equal(TimeSpan.FromMinutes(90), Office.BusinessDuration(from, to));
    }

    [Fact]
    public void BusinessDuration_AcrossLunch_SkipsTheBreak()
    {
        // Monday 12:00 → 12:30 (30 min), closed 12:30–13:30, 13:30 → 14:00 (30 min).
        Assert.Equal(TimeSpan.FromHours(1), Office.BusinessDuration(At(2026, 11, 30, 12, 0, Cet), At(2026, 11, 30, 14, 0, Cet)));
    }

    [Fact]
    public void BusinessDuration_OpenedOutsideHours_StartsAtTheNextOpening()
    {
        // Opened Saturday 12:00, answered Monday 09:15: only Monday 09:00–09:15 is open.
        var opened = At(2026, 11, 28, 12, 0, Cet);

        Assert.Equal(TimeSpan.FromMinutes(15), Office.BusinessDuration(opened, At(2026, 11, 30, 9, 15, Cet)));
        Assert.False(Office.IsOpen(opened));
        Assert.Equal(At(2026, 11, 30, 9, 0, Cet), Office.NextOpening(opened));
        Assert.Equal(Cet, Office.NextOpening(opened).Offset);
    }

    [Fact]
    public void BusinessDuration_AcrossTheYearBoundary_SkipsNewYearsDay()
    {
        // Thursday 2026-12-31 16:00 → 17:30 is 90 min; Friday 2027-01-01 is a holiday; the weekend is closed; Monday
        // 2027-01-04 09:00 → 10:00 is 60 min: 150 min. Until Saturday noon only the 90 min of Thursday count.
        var from = At(2026, 12, 31, 16, 0, Cet);

        Assert.Equal(TimeSpan.FromMinutes(90), Office.BusinessDuration(from, At(2027, 1, 2, 12, 0, Cet)));
        Assert.Equal(TimeSpan.FromMinutes(150), Office.BusinessDuration(from, At(2027, 1, 4, 10, 0, Cet)));

        // Two business hours from Thursday 16:00: 90 min on Thursday, the other 30 min on Monday from 09:00.
        Assert.Equal(At(2027, 1, 4, 9, 30, Cet), Office.AddBusinessTime(from, TimeSpan.FromHours(2)));
    }

    [Fact]
    public void BusinessDuration_OnAHoliday_IsZero()
    {
        // Friday 2026-12-25 is a holiday, as is Saturday the 26th.
        Assert.Equal(TimeSpan.Zero, Office.BusinessDuration(At(2026, 12, 25, 0, 0, Cet), At(2026, 12, 27, 0, 0, Cet)));
        Assert.False(Office.IsOpen(At(2026, 12, 25, 10, 0, Cet)));
    }

    [Fact]
    public void AddBusinessTime_EndingAtABreak_GivesTheEndOfTheStretch()
    {
        // Monday 12:00 + 30 min reaches the business time at 12:30 already; 13:30 gives the same duration but later.
        var start = At(2026, 11, 30, 12, 0, Cet);

        Assert.Equal(At(2026, 11, 30, 12, 30, Cet), Office.AddBusinessTime(start, TimeSpan.FromMinutes(30)));

        // One tick more must wait for the afternoon.
        Assert.Equal(At(2026, 11, 30, 13, 30, Cet).AddTicks(1), Office.AddBusinessTime(start, TimeSpan.FromMinutes(30).Add(TimeSpan.FromTicks(1))));
    }

    [Fact]
    public void AddBusinessTime_Zero_ReturnsTheStartEvenWhenClosed()
    {
        // A Saturday with an odd offset: returned as given.
        var saturday = new DateTimeOffset(2026, 11, 28, 3, 0, 0, TimeSpan.FromHours(-7));

        var result = Office.AddBusinessTime(saturday, TimeSpan.Zero);

        Assert.Equal(saturday, result);
        Assert.Equal(saturday.Offset, result.Offset);
    }

    [Fact]
    public void AddBusinessTime_FromUtc_ReturnsTheCalendarZonesOffset()
    {
        // Saturday 2026-11-28 12:00Z is closed; 15 business minutes end Monday 09:15 Amsterdam time, +01:00.
        var result = Office.AddBusinessTime(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero), TimeSpan.FromMinutes(15));

        Assert.Equal(At(2026, 11, 30, 9, 15, Cet), result);
        Assert.Equal(Cet, result.Offset);
    }

    [Fact]
    public void IsOpen_HoldsTheStartOfAnIntervalButNotItsEnd()
    {
        Assert.True(Office.IsOpen(At(2026, 11, 30, 9, 0, Cet)));
        Assert.False(Office.IsOpen(At(2026, 11, 30, 9, 0, Cet).AddTicks(-1)));
        Assert.True(Office.IsOpen(At(2026, 11, 30, 12, 30, Cet).AddTicks(-1)));
        Assert.False(Office.IsOpen(At(2026, 11, 30, 12, 30, Cet)));
        Assert.Equal(At(2026, 11, 30, 13, 30, Cet), Office.NextOpening(At(2026, 11, 30, 12, 30, Cet)));

        // Open then: the instant itself, with its own offset.
        var open = new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);
        Assert.Equal(open.Offset, Office.NextOpening(open).Offset);
    }

    [Fact]
    public void AlwaysOpen_MeasuresElapsedTime()
    {
        var from = At(2026, 3, 28, 12, 0, Cet);
        var to = At(2026, 3, 30, 12, 0, Cest);

        // 48 local hours less the hour lost on 29 March.
        Assert.Equal(TimeSpan.FromHours(47), BusinessCalendar.AlwaysOpen.BusinessDuration(from, to));
        Assert.True(BusinessCalendar.AlwaysOpen.IsAlwaysOpen);
        Assert.Equal("UTC", BusinessCalendar.AlwaysOpen.TimeZoneId);
        Assert.Equal(to, BusinessCalendar.AlwaysOpen.AddBusinessTime(from, TimeSpan.FromHours(47)));
        Assert.Equal(TimeSpan.Zero, BusinessCalendar.AlwaysOpen.AddBusinessTime(from, TimeSpan.FromHours(47)).Offset);
        Assert.Equal(from, BusinessCalendar.AlwaysOpen.NextOpening(from));
    }

    [Fact]
    public void DurationAndAdd_ByBasis_MeasureElapsedOrOpenTime()
    {
        // Friday 17:00 → Monday 10:00 (CET): 65 h elapsed, 90 min open (see the weekend case).
        var from = At(2026, 11, 27, 17, 0, Cet);
        var to = At(2026, 11, 30, 10, 0, Cet);

        Assert.Equal(TimeSpan.FromHours(65), Office.Duration(from, to, TimeBasis.Calendar));
        Assert.Equal(TimeSpan.FromMinutes(90), Office.Duration(from, to, TimeBasis.Business));

        // Signed: the other way round gives the negated duration (a due time already passed).
        Assert.Equal(TimeSpan.FromHours(-65), Office.Duration(to, from, TimeBasis.Calendar));
        Assert.Equal(TimeSpan.FromMinutes(-90), Office.Duration(to, from, TimeBasis.Business));

        Assert.Equal(to, Office.Add(from, TimeSpan.FromHours(65), TimeBasis.Calendar));
        Assert.Equal(to, Office.Add(from, TimeSpan.FromMinutes(90), TimeBasis.Business));
        Assert.Equal("basis", Assert.Throws<ArgumentOutOfRangeException>(() => Office.Duration(from, to, (TimeBasis)2)).ParamName);
        Assert.Equal("basis", Assert.Throws<ArgumentOutOfRangeException>(() => Office.Add(from, TimeSpan.Zero, (TimeBasis)2)).ParamName);
        Assert.Equal("duration", Assert.Throws<ArgumentOutOfRangeException>(() => Office.Add(from, TimeSpan.FromTicks(-1), TimeBasis.Calendar)).ParamName);
        Assert.Equal("duration", Assert.Throws<ArgumentOutOfRangeException>(() => Office.Add(DateTimeOffset.MaxValue, TimeSpan.FromTicks(1), TimeBasis.Calendar)).ParamName);
    }

    [Fact]
    public void DocsExample_GivesTheValuesTheDocsShow()
    {
        // docs/responses.md, "Business calendars": the lunch calendar with Christmas and New Year closed.
        var lunch = new BusinessCalendar(
            "Europe/Amsterdam",
            new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
                .SelectMany(day => new[]
                {
                    new BusinessHours(day, TimeSpan.FromHours(9), new TimeSpan(12, 30, 0)),
                    new BusinessHours(day, new TimeSpan(13, 30, 0), new TimeSpan(17, 30, 0)),
                }),
            [new DateOnly(2026, 12, 25), new DateOnly(2026, 12, 26), new DateOnly(2027, 1, 1)]);
        var opened = new DateTimeOffset(2026, 11, 27, 17, 0, 0, TimeSpan.FromHours(1));
        var replied = new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.FromHours(1));

        Assert.Equal("01:30:00", lunch.BusinessDuration(opened, replied).ToString("c", CultureInfo.InvariantCulture));
        Assert.Equal("2.17:00:00", lunch.Duration(opened, replied, TimeBasis.Calendar).ToString("c", CultureInfo.InvariantCulture));

        // Friday's 30 min and Monday 09:00–12:30 make the 4 h.
        Assert.Equal("2026-11-30T12:30:00+01:00", lunch.AddBusinessTime(opened, TimeSpan.FromHours(4)).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture));
        Assert.Equal("2026-11-30T09:00:00+01:00", lunch.NextOpening(opened.AddHours(1)).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture));
        Assert.Equal(
            """{"timeZoneId":"Europe/Amsterdam","weeklyHours":[{"day":"Monday","start":"09:00:00","end":"12:30:00"}],"holidays":["2026-12-25"]}""",
            System.Text.Json.JsonSerializer.Serialize(
                new BusinessCalendar("Europe/Amsterdam", [new BusinessHours(DayOfWeek.Monday, TimeSpan.FromHours(9), new TimeSpan(12, 30, 0))], [new DateOnly(2026, 12, 25)]),
                Engagement.Sdk.IO.EngagementJson.GetTypeInfo<BusinessCalendar>()));
    }
}
