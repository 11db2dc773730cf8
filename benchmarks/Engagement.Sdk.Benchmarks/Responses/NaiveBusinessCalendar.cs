namespace Engagement.Sdk.Benchmarks.Responses;

/// <summary>
/// Business time as a user would write it without the library: for each local date from the start's to the end's,
/// skip holidays, turn each opening interval of that weekday into instants with the zone's offset at its local bounds,
/// and add its overlap with [from, to). Correct for bounds outside clock changes (as in the benchmark's calendar).
/// </summary>
internal sealed class NaiveBusinessCalendar(TimeZoneInfo zone, (DayOfWeek Day, TimeSpan Start, TimeSpan End)[] hours, DateOnly[] holidays)
{
    private readonly HashSet<DateOnly> _holidays = [.. holidays];

    public TimeSpan BusinessDuration(DateTimeOffset from, DateTimeOffset to)
    {
        var total = TimeSpan.Zero;
        var last = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(to, zone).DateTime);
        for (var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, zone).DateTime); date <= last; date = date.AddDays(1))
        {
            if (_holidays.Contains(date))
            {
                continue;
            }

            var midnight = date.ToDateTime(TimeOnly.MinValue);
            foreach (var (day, start, end) in hours)
            {
                if (day != date.DayOfWeek)
                {
                    continue;
                }

                var open = new DateTimeOffset(midnight + start, zone.GetUtcOffset(midnight + start));
                var close = new DateTimeOffset(midnight + end, zone.GetUtcOffset(midnight + end));
                var overlap = (close < to ? close : to) - (open > from ? open : from);
                if (overlap > TimeSpan.Zero)
                {
                    total += overlap;
                }
            }
        }

        return total;
    }
}
