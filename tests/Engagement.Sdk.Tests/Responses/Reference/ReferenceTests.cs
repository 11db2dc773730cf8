namespace Engagement.Sdk.Tests.Responses.Reference;

/// <summary>
/// Hand-worked cases for the naive reference of the Responses issue: each expected value is derived in a comment from
/// the definitions, so that the optimised code is compared with something known to be right.
/// </summary>
public partial class ReferenceTests
{
    private const string Amsterdam = "Europe/Amsterdam";

    private const string NewYork = "America/New_York";

    private static readonly TimeSpan Cet = TimeSpan.FromHours(1);

    private static readonly TimeSpan Cest = TimeSpan.FromHours(2);

    private static readonly TimeSpan Est = TimeSpan.FromHours(-5);

    private static readonly TimeSpan Edt = TimeSpan.FromHours(-4);

    /// <summary>Monday to Friday 09:00–17:00 in Amsterdam.</summary>
    private static readonly NaiveCalendarSpec OfficeHours = NaiveCalendarSpec.Daily(Amsterdam, 9, 17, NaiveCalendarSpec.Weekdays);

    private static DateTimeOffset At(int year, int month, int day, int hour, int minute, TimeSpan offset) =>
        new(year, month, day, hour, minute, 0, offset);

    [Fact]
    public void Calendar_FridayAfternoonToMondayMorning_CountsOnlyOpenHours()
    {
        // Friday 2026-03-06 16:00 → 17:00 = 60; Saturday and Sunday closed; Monday 2026-03-09 09:00 → 10:00 = 60. 120.
        var from = At(2026, 3, 6, 16, 0, Cet);
        var to = At(2026, 3, 9, 10, 0, Cet);

        Assert.Equal(120, NaiveCalendar.BusinessMinutes(OfficeHours, from, to));
        Assert.Equal(TimeSpan.FromHours(2), NaiveCalendar.BusinessDuration(OfficeHours, from, to));
    }

    [Fact]
    public void Calendar_EmptyRangeAndClosedRange_AreZero()
    {
        var saturday = At(2026, 3, 7, 12, 0, Cet);

        Assert.Equal(0, NaiveCalendar.BusinessMinutes(OfficeHours, saturday, saturday));
        Assert.Equal(0, NaiveCalendar.BusinessMinutes(OfficeHours, saturday, saturday.AddDays(1))); // Saturday noon → Sunday noon
    }

    [Fact]
    public void Calendar_HolidayIsClosedAllDay()
    {
        // King's Day, Monday 2026-04-27 (summer time): Friday 04-24 16:00 → 17:00 = 60; weekend and holiday closed;
        // Tuesday 04-28 09:00 → 10:00 = 60. 120. Without the holiday Monday adds 8 × 60 = 480: 600.
        var from = At(2026, 4, 24, 16, 0, Cest);
        var to = At(2026, 4, 28, 10, 0, Cest);
        var withHoliday = NaiveCalendarSpec.Daily(Amsterdam, 9, 17, NaiveCalendarSpec.Weekdays, [new DateOnly(2026, 4, 27)]);

        Assert.Equal(120, NaiveCalendar.BusinessMinutes(withHoliday, from, to));
        Assert.Equal(600, NaiveCalendar.BusinessMinutes(OfficeHours, from, to));
    }

    [Fact]
    public void Calendar_YearBoundary_WithNewYearsDayHoliday()
    {
        // Thursday 2026-12-31 16:00 → 17:00 = 60; Friday 2027-01-01 holiday; weekend; Monday 01-04 09:00 → 10:00 = 60.
        var calendar = NaiveCalendarSpec.Daily(Amsterdam, 9, 17, NaiveCalendarSpec.Weekdays, [new DateOnly(2027, 1, 1)]);

        Assert.Equal(120, NaiveCalendar.BusinessMinutes(calendar, At(2026, 12, 31, 16, 0, Cet), At(2027, 1, 4, 10, 0, Cet)));
    }

    [Fact]
    public void Calendar_AlwaysOpen_SpringForwardDayHas23Hours_FallBackDayHas25()
    {
        // New York 2026: summer time starts Sunday 03-08 (02:00 EST → 03:00 EDT) and ends Sunday 11-01 (02:00 EDT →
        // 01:00 EST). Local midnight to local midnight: 05:00Z → 04:00Z next day = 23 h; 04:00Z → 05:00Z = 25 h.
        var newYork = NaiveCalendarSpec.AlwaysOpen(NewYork);
        Assert.Equal(23 * 60, NaiveCalendar.BusinessMinutes(newYork, At(2026, 3, 8, 0, 0, Est), At(2026, 3, 9, 0, 0, Edt)));
        Assert.Equal(25 * 60, NaiveCalendar.BusinessMinutes(newYork, At(2026, 11, 1, 0, 0, Edt), At(2026, 11, 2, 0, 0, Est)));

        // Amsterdam 2026: 03-29 (02:00 CET → 03:00 CEST) and 10-25 (03:00 CEST → 02:00 CET).
        var amsterdam = NaiveCalendarSpec.AlwaysOpen(Amsterdam);
        Assert.Equal(23 * 60, NaiveCalendar.BusinessMinutes(amsterdam, At(2026, 3, 29, 0, 0, Cet), At(2026, 3, 30, 0, 0, Cest)));
        Assert.Equal(25 * 60, NaiveCalendar.BusinessMinutes(amsterdam, At(2026, 10, 25, 0, 0, Cest), At(2026, 10, 26, 0, 0, Cet)));
    }

    [Fact]
    public void Calendar_FallBack_RepeatedHourCountsTwice_SpringForwardGapNeverCounts()
    {
        var sundayEarly = new NaiveCalendarSpec(NewYork, [(DayOfWeek.Sunday, TimeSpan.FromHours(1), TimeSpan.FromHours(3))]);

        // Fall back, 2026-11-01: local 01:00–02:00 EDT (05:00Z–06:00Z), 01:00–02:00 EST again (06:00Z–07:00Z),
        // 02:00–03:00 EST (07:00Z–08:00Z): three real hours have local times in 01:00–03:00 → 180 minutes.
        Assert.Equal(180, NaiveCalendar.BusinessMinutes(sundayEarly, At(2026, 11, 1, 0, 0, Edt), At(2026, 11, 2, 0, 0, Est)));

        // Spring forward, 2026-03-08, interval 01:00–04:00: 01:00–02:00 EST (06:00Z–07:00Z) counts; 02:00–03:00 does
        // not exist; 03:00–04:00 EDT (07:00Z–08:00Z) counts → 120 minutes.
        var sundayEarlyLong = new NaiveCalendarSpec(NewYork, [(DayOfWeek.Sunday, TimeSpan.FromHours(1), TimeSpan.FromHours(4))]);
        Assert.Equal(120, NaiveCalendar.BusinessMinutes(sundayEarlyLong, At(2026, 3, 8, 0, 0, Est), At(2026, 3, 9, 0, 0, Edt)));

        // An interval wholly inside the gap (02:00–03:00) never opens that day: 0.
        var gapOnly = new NaiveCalendarSpec(NewYork, [(DayOfWeek.Sunday, TimeSpan.FromHours(2), TimeSpan.FromHours(3))]);
        Assert.Equal(0, NaiveCalendar.BusinessMinutes(gapOnly, At(2026, 3, 8, 0, 0, Est), At(2026, 3, 9, 0, 0, Edt)));
    }

    [Fact]
    public void Calendar_SeveralIntervalsADay_AndAnIntervalEndingAtMidnight()
    {
        // Wednesday 2026-03-04: 09:00–12:00 and 13:00–24:00. Whole day: 3 h + 11 h = 14 h = 840 minutes.
        var split = new NaiveCalendarSpec(
            Amsterdam,
            [(DayOfWeek.Wednesday, TimeSpan.FromHours(9), TimeSpan.FromHours(12)), (DayOfWeek.Wednesday, TimeSpan.FromHours(13), TimeSpan.FromHours(24))]);

        Assert.Equal(840, NaiveCalendar.BusinessMinutes(split, At(2026, 3, 4, 0, 0, Cet), At(2026, 3, 5, 0, 0, Cet)));
        Assert.True(NaiveCalendar.IsOpen(split, At(2026, 3, 4, 23, 59, Cet)));
        Assert.False(NaiveCalendar.IsOpen(split, At(2026, 3, 4, 12, 0, Cet))); // the end of an interval is closed
        Assert.True(NaiveCalendar.IsOpen(split, At(2026, 3, 4, 13, 0, Cet))); // its start is open
    }

    [Fact]
    public void Calendar_AddBusinessMinutes_StopsWhereTheCountIsReached()
    {
        var friday1600 = At(2026, 3, 6, 16, 0, Cet);

        // 60 open minutes from Friday 16:00 are exactly 16:00–17:00: reached at Friday 17:00, not Monday 09:00.
        Assert.Equal(At(2026, 3, 6, 17, 0, Cet), NaiveCalendar.AddBusinessMinutes(OfficeHours, friday1600, 60));

        // 61: the 61st open minute is Monday 09:00–09:01, so 09:01.
        Assert.Equal(At(2026, 3, 9, 9, 1, Cet), NaiveCalendar.AddBusinessMinutes(OfficeHours, friday1600, 61));

        // 120 (the first case in reverse): Monday 10:00.
        Assert.Equal(At(2026, 3, 9, 10, 0, Cet), NaiveCalendar.AddBusinessMinutes(OfficeHours, friday1600, 120));

        // Adding nothing leaves even a closed instant where it is.
        var saturday = At(2026, 3, 7, 12, 0, Cet);
        Assert.Equal(saturday, NaiveCalendar.AddBusinessMinutes(OfficeHours, saturday, 0));

        // From Saturday, one minute: Monday 09:00–09:01 → 09:01.
        Assert.Equal(At(2026, 3, 9, 9, 1, Cet), NaiveCalendar.AddBusinessMinutes(OfficeHours, saturday, 1));
    }

    [Fact]
    public void Calendar_NextOpening()
    {
        // Saturday noon and Friday 17:00 (the end is closed) → Monday 09:00; an open Wednesday 10:00 → itself.
        Assert.Equal(At(2026, 3, 9, 9, 0, Cet), NaiveCalendar.NextOpening(OfficeHours, At(2026, 3, 7, 12, 0, Cet)));
        Assert.Equal(At(2026, 3, 9, 9, 0, Cet), NaiveCalendar.NextOpening(OfficeHours, At(2026, 3, 6, 17, 0, Cet)));
        Assert.Equal(At(2026, 3, 4, 10, 0, Cet), NaiveCalendar.NextOpening(OfficeHours, At(2026, 3, 4, 10, 0, Cet)));

        // Across the Amsterdam spring-forward night (Sunday 03-29): Saturday 03-28 noon CET → Monday 03-30 09:00 CEST.
        Assert.Equal(At(2026, 3, 30, 9, 0, Cest), NaiveCalendar.NextOpening(OfficeHours, At(2026, 3, 28, 12, 0, Cet)));
    }

    [Fact]
    public void Calendar_BadInput_IsRefused()
    {
        var from = At(2026, 3, 6, 16, 0, Cet);

        Assert.Equal("from", Assert.Throws<ArgumentException>(() => NaiveCalendar.BusinessMinutes(OfficeHours, from.AddSeconds(1), from.AddHours(1))).ParamName);
        Assert.Equal("to", Assert.Throws<ArgumentOutOfRangeException>(() => NaiveCalendar.BusinessMinutes(OfficeHours, from, from.AddMinutes(-1))).ParamName);
        Assert.Equal("minutes", Assert.Throws<ArgumentOutOfRangeException>(() => NaiveCalendar.AddBusinessMinutes(OfficeHours, from, -1)).ParamName);
        Assert.Equal("hours", Assert.Throws<ArgumentException>(() => new NaiveCalendarSpec(Amsterdam, [(DayOfWeek.Monday, TimeSpan.FromHours(17), TimeSpan.FromHours(9))])).ParamName);
        Assert.Throws<TimeZoneNotFoundException>(() => new NaiveCalendarSpec("Mars/Olympus_Mons", []));
        Assert.Throws<InvalidOperationException>(() => NaiveCalendar.NextOpening(new NaiveCalendarSpec(Amsterdam, []), from));
    }
}
