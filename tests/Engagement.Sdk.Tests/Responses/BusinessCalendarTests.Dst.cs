using Engagement.Sdk.Responses;

namespace Engagement.Sdk.Tests.Responses;

/// <summary>Daylight-saving changes: Europe/Amsterdam switches on 2026-03-29 (02:00 CET → 03:00 CEST) and 2026-10-25
/// (03:00 CEST → 02:00 CET); America/New_York on 2026-03-08 (02:00 EST → 03:00 EDT) and 2026-11-01 (02:00 EDT →
/// 01:00 EST). All four are Sundays.</summary>
public partial class BusinessCalendarTests
{
    private static BusinessCalendar Sundays(string zone, TimeSpan start, TimeSpan end) =>
        new(zone, [new BusinessHours(DayOfWeek.Sunday, start, end)]);

    [Fact]
    public void WholeDay_InAmsterdam_Lasts23HoursWhenSummerTimeStartsAnd25WhenItEnds()
    {
        var sundays = Sundays("Europe/Amsterdam", TimeSpan.Zero, BusinessHours.EndOfDay);

        // Saturday noon to Monday noon holds exactly the one Sunday, local midnight to local midnight.
        Assert.Equal(TimeSpan.FromHours(23), sundays.BusinessDuration(At(2026, 3, 28, 12, 0, Cet), At(2026, 3, 30, 12, 0, Cest)));
        Assert.Equal(TimeSpan.FromHours(25), sundays.BusinessDuration(At(2026, 10, 24, 12, 0, Cest), At(2026, 10, 26, 12, 0, Cet)));
        Assert.Equal(TimeSpan.FromHours(24), sundays.BusinessDuration(At(2026, 11, 28, 12, 0, Cet), At(2026, 11, 30, 12, 0, Cet)));
    }

    [Fact]
    public void AlwaysOpenIn_Amsterdam_ClosesAHolidayFromLocalMidnightToLocalMidnight()
    {
        // Open every day but the two change days. Saturday 00:00 to Tuesday 00:00 local: 72 h less the lost hour = 71 h
        // elapsed, of which Sunday 29 March (23 h) is closed: 48 h. In October: 73 h elapsed, Sunday (25 h) closed: 48 h.
        var calendar = BusinessCalendar.AlwaysOpenIn("Europe/Amsterdam", [new DateOnly(2026, 3, 29), new DateOnly(2026, 10, 25)]);
        var marchFrom = At(2026, 3, 28, 0, 0, Cet);
        var marchTo = At(2026, 3, 31, 0, 0, Cest);
        var octoberFrom = At(2026, 10, 24, 0, 0, Cest);
        var octoberTo = At(2026, 10, 27, 0, 0, Cet);

        Assert.Equal(TimeSpan.FromHours(71), marchTo - marchFrom);
        Assert.Equal(TimeSpan.FromHours(48), calendar.BusinessDuration(marchFrom, marchTo));
        Assert.Equal(TimeSpan.FromHours(73), octoberTo - octoberFrom);
        Assert.Equal(TimeSpan.FromHours(48), calendar.BusinessDuration(octoberFrom, octoberTo));
        Assert.False(calendar.IsAlwaysOpen);

        // Closed all Sunday: the next opening after Sunday noon is Monday 00:00 CEST.
        Assert.Equal(At(2026, 3, 30, 0, 0, Cest), calendar.NextOpening(At(2026, 3, 29, 12, 0, Cest)));
    }

    [Fact]
    public void AlwaysOpenIn_WithoutHolidays_IsAlwaysOpenAndMeasuresElapsedTime()
    {
        // A 24/7 day that ends summer time lasts 25 h: the calendar measures real elapsed time.
        var calendar = BusinessCalendar.AlwaysOpenIn("Europe/Amsterdam");

        Assert.True(calendar.IsAlwaysOpen);
        Assert.Equal(TimeSpan.FromHours(25), calendar.BusinessDuration(At(2026, 10, 25, 0, 0, Cest), At(2026, 10, 26, 0, 0, Cet)));
    }

    [Fact]
    public void OfficeHours_AcrossTheSpringForwardWeekend_CountOnlyFridayAndMonday()
    {
        // Friday 2026-03-27 17:00 CET → Monday 09:30 CEST: 30 min on Friday, 30 min on Monday, though 63.5 h elapse.
        var from = At(2026, 3, 27, 17, 0, Cet);
        var to = At(2026, 3, 30, 9, 30, Cest);

        Assert.Equal(TimeSpan.FromHours(63.5), to - from);
        Assert.Equal(TimeSpan.FromHours(1), Office.BusinessDuration(from, to));

        // Adding that hour back lands on Monday 09:30 with the summer offset.
        var due = Office.AddBusinessTime(from, TimeSpan.FromHours(1));
        Assert.Equal(to, due);
        Assert.Equal(Cest, due.Offset);
    }

    [Fact]
    public void NineToFive_OnTheAmsterdamChangeDays_LastsEightHours()
    {
        // The clocks change at night, outside 09:00–17:00, so both Sundays keep 8 business hours.
        var calendar = Sundays("Europe/Amsterdam", TimeSpan.FromHours(9), TimeSpan.FromHours(17));

        Assert.Equal(TimeSpan.FromHours(8), calendar.BusinessDuration(At(2026, 3, 29, 0, 0, Cet), At(2026, 3, 30, 0, 0, Cest)));
        Assert.Equal(TimeSpan.FromHours(8), calendar.BusinessDuration(At(2026, 10, 25, 0, 0, Cest), At(2026, 10, 26, 0, 0, Cet)));
    }

    [Fact]
    public void OneToFour_InNewYork_Lasts2HoursOnSpringForwardAnd4OnFallBack()
    {
        var calendar = Sundays("America/New_York", TimeSpan.FromHours(1), TimeSpan.FromHours(4));

        // 8 March: 01:00 EST (06:00Z) to 04:00 EDT (08:00Z), the hour 02:00–03:00 skipped: 2 h.
        Assert.Equal(TimeSpan.FromHours(2), calendar.BusinessDuration(At(2026, 3, 7, 12, 0, Est), At(2026, 3, 9, 12, 0, Edt)));
        Assert.Equal(new DateTimeOffset(2026, 3, 8, 6, 0, 0, TimeSpan.Zero), calendar.NextOpening(At(2026, 3, 8, 0, 0, Est)));

        // 1 November: 01:00 is passed twice; the start takes the first (01:00 EDT = 05:00Z), the end is 04:00 EST
        // (09:00Z): 4 h, the repeated hour included.
        Assert.Equal(TimeSpan.FromHours(4), calendar.BusinessDuration(At(2026, 10, 31, 12, 0, Edt), At(2026, 11, 2, 12, 0, Est)));
        var opening = calendar.NextOpening(At(2026, 11, 1, 0, 0, Edt));
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 5, 0, 0, TimeSpan.Zero), opening);
        Assert.Equal(Edt, opening.Offset);

        // Three business hours after that opening end at 03:00 EST (08:00Z), not at local 04:00 − 1 h.
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero), calendar.AddBusinessTime(opening, TimeSpan.FromHours(3)));
        Assert.Equal(Est, calendar.AddBusinessTime(opening, TimeSpan.FromHours(3)).Offset);
    }

    [Fact]
    public void WholeDay_InNewYork_Lasts23And25Hours()
    {
        var sundays = Sundays("America/New_York", TimeSpan.Zero, BusinessHours.EndOfDay);

        Assert.Equal(TimeSpan.FromHours(23), sundays.BusinessDuration(At(2026, 3, 7, 12, 0, Est), At(2026, 3, 9, 12, 0, Edt)));
        Assert.Equal(TimeSpan.FromHours(25), sundays.BusinessDuration(At(2026, 10, 31, 12, 0, Edt), At(2026, 11, 2, 12, 0, Est)));
    }

    [Fact]
    public void AnIntervalInsideTheSpringForwardGap_IsNeverOpen_AndOneStartingInItStartsAtTheJump()
    {
        // 02:15–02:45 does not exist on 8 March in New York; on other Sundays it lasts 30 min.
        var inGap = Sundays("America/New_York", new TimeSpan(2, 15, 0), new TimeSpan(2, 45, 0));
        Assert.Equal(TimeSpan.Zero, inGap.BusinessDuration(At(2026, 3, 7, 12, 0, Est), At(2026, 3, 9, 12, 0, Edt)));
        Assert.Equal(TimeSpan.FromMinutes(30), inGap.BusinessDuration(At(2026, 3, 14, 12, 0, Edt), At(2026, 3, 16, 12, 0, Edt)));

        // 02:30–05:00 starts at the jump, 03:00 EDT (07:00Z), and ends at 05:00 EDT (09:00Z): 2 h.
        var fromGap = Sundays("America/New_York", new TimeSpan(2, 30, 0), TimeSpan.FromHours(5));
        Assert.Equal(TimeSpan.FromHours(2), fromGap.BusinessDuration(At(2026, 3, 7, 12, 0, Est), At(2026, 3, 9, 12, 0, Edt)));
        Assert.Equal(new DateTimeOffset(2026, 3, 8, 7, 0, 0, TimeSpan.Zero), fromGap.NextOpening(At(2026, 3, 8, 0, 0, Est)));
    }

    [Fact]
    public void ABreakInsideTheRepeatedHour_HappensTwice()
    {
        // 00:00–01:15 and 01:45–03:00 on 1 November in New York, where 01:00–02:00 is shown twice (EDT, then EST). Open
        // while the wall clock shows an opening time: 00:00–01:15 EDT (04:00Z–05:15Z, 75 min), 01:45 EDT–01:15 EST
        // (05:45Z–06:15Z, 30 min), and 01:45 EST–03:00 EST (06:45Z–08:00Z, 75 min): 180 min, where a plain Sunday
        // gives 75 + 75 = 150 min.
        var calendar = new BusinessCalendar(
            "America/New_York",
            [new BusinessHours(DayOfWeek.Sunday, TimeSpan.Zero, new TimeSpan(1, 15, 0)), new BusinessHours(DayOfWeek.Sunday, new TimeSpan(1, 45, 0), TimeSpan.FromHours(3))]);

        Assert.Equal(TimeSpan.FromMinutes(180), calendar.BusinessDuration(At(2026, 10, 31, 12, 0, Edt), At(2026, 11, 2, 12, 0, Est)));
        Assert.Equal(TimeSpan.FromMinutes(150), calendar.BusinessDuration(At(2026, 11, 7, 12, 0, Est), At(2026, 11, 9, 12, 0, Est)));

        // Closed at the first 01:15 (05:15Z); the next opening is the first 01:45 (05:45Z); closed again at the second
        // 01:15 (06:15Z) until the second 01:45 (06:45Z).
        Assert.False(calendar.IsOpen(new DateTimeOffset(2026, 11, 1, 5, 15, 0, TimeSpan.Zero)));
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 5, 45, 0, TimeSpan.Zero), calendar.NextOpening(new DateTimeOffset(2026, 11, 1, 5, 15, 0, TimeSpan.Zero)));
        Assert.True(calendar.IsOpen(new DateTimeOffset(2026, 11, 1, 6, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 6, 45, 0, TimeSpan.Zero), calendar.NextOpening(new DateTimeOffset(2026, 11, 1, 6, 15, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void AnEndInsideTheRepeatedHour_IsPassedTwice()
    {
        // 00:00–01:30 on 1 November in New York: the wall clock shows 00:00–01:30 from 04:00Z to 05:30Z (EDT) and
        // 01:00–01:30 again from 06:00Z to 06:30Z (EST): 90 + 30 = 120 min. Not 150: 01:30–02:00 EDT is outside.
        var calendar = Sundays("America/New_York", TimeSpan.Zero, new TimeSpan(1, 30, 0));

        Assert.Equal(TimeSpan.FromMinutes(120), calendar.BusinessDuration(At(2026, 10, 31, 12, 0, Edt), At(2026, 11, 2, 12, 0, Est)));
        Assert.False(calendar.IsOpen(new DateTimeOffset(2026, 11, 1, 5, 45, 0, TimeSpan.Zero)));
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 6, 0, 0, TimeSpan.Zero), calendar.NextOpening(new DateTimeOffset(2026, 11, 1, 5, 30, 0, TimeSpan.Zero)));
    }
}
