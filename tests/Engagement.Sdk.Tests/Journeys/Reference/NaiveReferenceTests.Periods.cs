namespace Engagement.Sdk.Tests.Journeys.Reference;

public partial class NaiveReferenceTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    /// <summary>Midnight UTC of a day of March 2026 (the 1st is a Sunday, the 2nd a Monday).</summary>
    private static DateTimeOffset March(int day, int hour = 0) => new(2026, 3, day, hour, 0, 0, TimeSpan.Zero);

    private static DateTime Local(int year, int month, int day) => new(year, month, day, 0, 0, 0, DateTimeKind.Unspecified);

    private static RefEvent On(string customer, DateTimeOffset time, string name) => new(customer, time, name);

    [Fact]
    public void PeriodStart_Berlin_FollowsTheLocalWallClockAcrossTheSpringDstChange()
    {
        // Berlin is UTC+1 until 2026-03-29 01:00 UTC (02:00 local jumps to 03:00), UTC+2 after.
        // 2026-03-28 23:30 UTC = 03-29 00:30 CET → day 03-29; in UTC it would still be 03-28.
        Assert.Equal(Local(2026, 3, 29), NaivePeriods.PeriodStart(new DateTimeOffset(2026, 3, 28, 23, 30, 0, TimeSpan.Zero), RefPeriod.Day, Berlin, DayOfWeek.Monday));
        Assert.Equal(Local(2026, 3, 28), NaivePeriods.PeriodStart(new DateTimeOffset(2026, 3, 28, 23, 30, 0, TimeSpan.Zero), RefPeriod.Day, TimeZoneInfo.Utc, DayOfWeek.Monday));

        // 03-29 21:59 UTC = 23:59 CEST → still 03-29 (a 23-hour day); 22:00 UTC = 03-30 00:00 CEST → 03-30.
        Assert.Equal(Local(2026, 3, 29), NaivePeriods.PeriodStart(new DateTimeOffset(2026, 3, 29, 21, 59, 0, TimeSpan.Zero), RefPeriod.Day, Berlin, DayOfWeek.Monday));
        Assert.Equal(Local(2026, 3, 30), NaivePeriods.PeriodStart(new DateTimeOffset(2026, 3, 29, 22, 0, 0, TimeSpan.Zero), RefPeriod.Day, Berlin, DayOfWeek.Monday));

        // The 23-hour day [03-28 23:00 UTC, 03-29 22:00 UTC) is exactly one analysed day.
        Assert.Equal(
            [Local(2026, 3, 29)],
            NaivePeriods.Periods(new DateTimeOffset(2026, 3, 28, 23, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 29, 22, 0, 0, TimeSpan.Zero), RefPeriod.Day, Berlin, DayOfWeek.Monday));

        // Month: 02-28 23:30 UTC = 03-01 00:30 CET → March.
        Assert.Equal(Local(2026, 3, 1), NaivePeriods.PeriodStart(new DateTimeOffset(2026, 2, 28, 23, 30, 0, TimeSpan.Zero), RefPeriod.Month, Berlin, DayOfWeek.Monday));
        Assert.Equal(DateTimeKind.Unspecified, NaivePeriods.PeriodStart(March(5), RefPeriod.Month, Berlin, DayOfWeek.Monday).Kind);
    }

    [Fact]
    public void Periods_Berlin_AutumnDstChange_Makes25HourDaysAndStillOneWeek()
    {
        // Berlin goes back from UTC+2 to UTC+1 on 2026-10-25 at 01:00 UTC (03:00 CEST → 02:00 CET): that day lasts
        // 25 hours, [10-24 22:00 UTC, 10-25 23:00 UTC), and is one analysed day.
        Assert.Equal(
            [Local(2026, 10, 25)],
            NaivePeriods.Periods(new DateTimeOffset(2026, 10, 24, 22, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 10, 25, 23, 0, 0, TimeSpan.Zero), RefPeriod.Day, Berlin, DayOfWeek.Monday));

        // 10-25 22:30 UTC is 23:30 CET, still the 25th; 23:00 UTC is midnight of the 26th.
        Assert.Equal(Local(2026, 10, 25), NaivePeriods.PeriodStart(new DateTimeOffset(2026, 10, 25, 22, 30, 0, TimeSpan.Zero), RefPeriod.Day, Berlin, DayOfWeek.Monday));
        Assert.Equal(Local(2026, 10, 26), NaivePeriods.PeriodStart(new DateTimeOffset(2026, 10, 25, 23, 0, 0, TimeSpan.Zero), RefPeriod.Day, Berlin, DayOfWeek.Monday));

        // The Monday week holding the change, [10-19 00:00 CEST, 10-26 00:00 CET) = [10-18 22:00 UTC, 10-25 23:00 UTC),
        // lasts 7 days and 1 hour and is one week.
        Assert.Equal(
            [Local(2026, 10, 19)],
            NaivePeriods.Periods(new DateTimeOffset(2026, 10, 18, 22, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 10, 25, 23, 0, 0, TimeSpan.Zero), RefPeriod.Week, Berlin, DayOfWeek.Monday));
    }

    [Fact]
    public void PeriodStart_Weeks_StartOnTheGivenDay()
    {
        // Saturday 03-07: a Monday week started on Monday 03-02, a Sunday week on Sunday 03-01.
        Assert.Equal(Local(2026, 3, 2), NaivePeriods.PeriodStart(March(7, 12), RefPeriod.Week, TimeZoneInfo.Utc, DayOfWeek.Monday));
        Assert.Equal(Local(2026, 3, 1), NaivePeriods.PeriodStart(March(7, 12), RefPeriod.Week, TimeZoneInfo.Utc, DayOfWeek.Sunday));

        // Sunday 03-08: the last day of the Monday week of 03-02, the first of the Sunday week of 03-08.
        Assert.Equal(Local(2026, 3, 2), NaivePeriods.PeriodStart(March(8, 12), RefPeriod.Week, TimeZoneInfo.Utc, DayOfWeek.Monday));
        Assert.Equal(Local(2026, 3, 8), NaivePeriods.PeriodStart(March(8, 12), RefPeriod.Week, TimeZoneInfo.Utc, DayOfWeek.Sunday));

        // Sunday 03-08 23:30 UTC is Monday 03-09 00:30 in Berlin → the Monday week of 03-09.
        Assert.Equal(Local(2026, 3, 9), NaivePeriods.PeriodStart(new DateTimeOffset(2026, 3, 8, 23, 30, 0, TimeSpan.Zero), RefPeriod.Week, Berlin, DayOfWeek.Monday));
    }

    [Fact]
    public void Periods_RunFromThePeriodOfFromToThatOfToMinusOneTick()
    {
        // [03-04 12:00, 03-09 00:00) in Sunday weeks: 03-04 is in the week of 03-01; to − 1 tick is 03-08 23:59:59.9999999,
        // in the week of 03-08 → two (partial) weeks.
        Assert.Equal([Local(2026, 3, 1), Local(2026, 3, 8)], NaivePeriods.Periods(March(4, 12), March(9), RefPeriod.Week, TimeZoneInfo.Utc, DayOfWeek.Sunday));

        // [03-02, 03-05) in days: 03-02, 03-03, 03-04 (03-05 00:00 is excluded).
        Assert.Equal([Local(2026, 3, 2), Local(2026, 3, 3), Local(2026, 3, 4)], NaivePeriods.Periods(March(2), March(5), RefPeriod.Day, TimeZoneInfo.Utc, DayOfWeek.Monday));

        // Months: [01-31, 03-01 00:00:00.0000001) → January, February, March.
        Assert.Equal(
            [Local(2026, 1, 1), Local(2026, 2, 1), Local(2026, 3, 1)],
            NaivePeriods.Periods(new DateTimeOffset(2026, 1, 31, 0, 0, 0, TimeSpan.Zero), March(1).AddTicks(1), RefPeriod.Month, TimeZoneInfo.Utc, DayOfWeek.Monday));

        Assert.Equal("to", Assert.Throws<ArgumentException>(() => NaivePeriods.Periods(March(2), March(2), RefPeriod.Day, TimeZoneInfo.Utc, DayOfWeek.Monday)).ParamName);
    }
}
