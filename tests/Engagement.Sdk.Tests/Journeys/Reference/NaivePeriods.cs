namespace Engagement.Sdk.Tests.Journeys.Reference;

/// <summary>
/// Naive calendar periods, from the shared decisions on periods: calendar days, weeks and months of a time zone's
/// wall clock, named by their local start.
/// </summary>
/// <remarks>
/// A period is identified by the wall-clock date it starts on, never by an instant, so a day of 23 or 25 hours (a
/// daylight-saving change) is still one day. The period of an instant is found on its local wall-clock date.
/// </remarks>
internal static class NaivePeriods
{
    /// <summary>The local wall-clock start (midnight, kind Unspecified) of the calendar period that holds the instant.</summary>
    public static DateTime PeriodStart(DateTimeOffset instant, RefPeriod period, TimeZoneInfo zone, DayOfWeek weekStart)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var localDate = DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(instant, zone).DateTime.Date, DateTimeKind.Unspecified);
        return period switch
        {
            // "a day starts at local midnight"
            RefPeriod.Day => localDate,

            // "a week at local midnight of the week's first day": go back to the last weekStart on or before the date.
            RefPeriod.Week => localDate.AddDays(-(((int)localDate.DayOfWeek - (int)weekStart + 7) % 7)),

            // "a month at local midnight of its 1st"
            RefPeriod.Month => new DateTime(localDate.Year, localDate.Month, 1, 0, 0, 0, DateTimeKind.Unspecified),
            _ => throw new ArgumentOutOfRangeException(nameof(period), period, "Not a period."),
        };
    }

    /// <summary>
    /// The analysed periods of [<paramref name="from"/>, <paramref name="to"/>): "the one containing from through the
    /// one containing to − 1 tick, inclusive".
    /// </summary>
    public static List<DateTime> Periods(DateTimeOffset from, DateTimeOffset to, RefPeriod period, TimeZoneInfo zone, DayOfWeek weekStart)
    {
        if (from >= to)
        {
            throw new ArgumentException($"An analysis needs from < to, not {from:O} to {to:O}.", nameof(to));
        }

        var periods = new List<DateTime>();
        var last = PeriodStart(to.AddTicks(-1), period, zone, weekStart);
        for (var start = PeriodStart(from, period, zone, weekStart); start <= last; start = Next(start, period, 1))
        {
            periods.Add(start);
        }

        return periods;
    }

    /// <summary>The wall-clock start of the period <paramref name="count"/> periods after (or, negative, before) a period start.</summary>
    public static DateTime Next(DateTime start, RefPeriod period, int count) => period switch
    {
        RefPeriod.Day => start.AddDays(count),
        RefPeriod.Week => start.AddDays(7 * count),
        _ => start.AddMonths(count),
    };

    /// <summary>Whether an event is inside the analysed instants [from, to).</summary>
    public static bool InRange(RefEvent e, DateTimeOffset from, DateTimeOffset to) => e.Time >= from && e.Time < to;
}
