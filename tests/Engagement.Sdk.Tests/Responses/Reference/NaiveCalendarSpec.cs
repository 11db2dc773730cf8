using System.Globalization;

namespace Engagement.Sdk.Tests.Responses.Reference;

/// <summary>
/// A business calendar as the reference sees it: an IANA time zone, weekly opening hours as local wall-clock intervals
/// [start, end) per weekday, and holidays as local dates. Deliberately its own small type, not the library's
/// <c>BusinessCalendar</c>, so that the reference shares no code with what it checks.
/// </summary>
/// <remarks>
/// An interval may end at 24:00 (<c>TimeSpan.FromHours(24)</c>) to cover the rest of the day. Intervals of one weekday
/// must not overlap; the reference would count an overlapped minute once anyway, but the library refuses them.
/// </remarks>
internal sealed class NaiveCalendarSpec
{
    private static readonly TimeSpan Day = TimeSpan.FromHours(24);

    public NaiveCalendarSpec(
        string zoneId,
        IEnumerable<(DayOfWeek Day, TimeSpan Start, TimeSpan End)> hours,
        IEnumerable<DateOnly>? holidays = null)
    {
        ArgumentNullException.ThrowIfNull(zoneId);
        ArgumentNullException.ThrowIfNull(hours);
        ZoneId = zoneId;
        Zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        Hours = [.. hours];
        Holidays = [.. holidays ?? []];
        foreach (var (day, start, end) in Hours)
        {
            if (start < TimeSpan.Zero || end > Day || start >= end)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Opening interval {day} {start}–{end} is not within one day."),
                    nameof(hours));
            }
        }
    }

    /// <summary>The IANA time-zone id, as given.</summary>
    public string ZoneId { get; }

    /// <summary>The zone the id names.</summary>
    public TimeZoneInfo Zone { get; }

    /// <summary>Opening intervals in local wall-clock time, [Start, End).</summary>
    public IReadOnlyList<(DayOfWeek Day, TimeSpan Start, TimeSpan End)> Hours { get; }

    /// <summary>Local dates on which the calendar is closed all day.</summary>
    public IReadOnlyList<DateOnly> Holidays { get; }

    /// <summary>Open every minute of every day: business time is then plain elapsed time.</summary>
    public static NaiveCalendarSpec AlwaysOpen(string zoneId) =>
        new(zoneId, [.. Enum.GetValues<DayOfWeek>().Select(d => (d, TimeSpan.Zero, Day))]);

    /// <summary>The same hours on each of <paramref name="days"/>, from <paramref name="startHour"/> to <paramref name="endHour"/> local time.</summary>
    public static NaiveCalendarSpec Daily(string zoneId, int startHour, int endHour, IEnumerable<DayOfWeek> days, IEnumerable<DateOnly>? holidays = null) =>
        new(zoneId, [.. days.Select(d => (d, TimeSpan.FromHours(startHour), TimeSpan.FromHours(endHour)))], holidays);

    /// <summary>Monday to Friday.</summary>
    public static IReadOnlyList<DayOfWeek> Weekdays { get; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    /// <inheritdoc/>
    public override string ToString()
    {
        var hours = string.Join(", ", Hours.Select(h => string.Create(CultureInfo.InvariantCulture, $"{h.Day} {h.Start:hh\\:mm}–{(h.End == Day ? "24:00" : h.End.ToString(@"hh\:mm", CultureInfo.InvariantCulture))}")));
        var holidays = string.Join(", ", Holidays.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        return $"{ZoneId} [{hours}] holidays [{holidays}]";
    }
}
