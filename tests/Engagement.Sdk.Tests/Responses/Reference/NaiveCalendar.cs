using System.Globalization;

namespace Engagement.Sdk.Tests.Responses.Reference;

/// <summary>
/// Business time the slowest obvious way: walk every real (UTC) minute, convert its start to local time with
/// <see cref="TimeZoneInfo.ConvertTime(DateTimeOffset, TimeZoneInfo)"/>, and count it when the local date is not a
/// holiday and the local time of day lies in one of that weekday's opening intervals [start, end).
/// </summary>
/// <remarks>
/// <para>Inputs must be minute-aligned (whole UTC minutes); the walk has no notion of part of a minute. Cost is one
/// time-zone conversion per minute walked (about half a second per simulated year): keep test ranges to days or weeks.</para>
/// <para>Where this convention meets daylight saving time:</para>
/// <list type="bullet">
/// <item>Fall back (a local hour happens twice): both real hours convert to local times inside an interval that covers
/// the repeated hour, so both count — a 24/7 fall-back day has 25 × 60 minutes, and an interval 01:00–03:00 in
/// New York on that day holds 3 real hours.</item>
/// <item>Spring forward (a local hour is skipped): no real minute converts to a local time in the gap, so the gap
/// never counts — a 24/7 spring-forward day has 23 × 60 minutes.</item>
/// </list>
/// </remarks>
internal static class NaiveCalendar
{
    /// <summary>How far the forward walks go before deciding the calendar never opens: ten years of minutes.</summary>
    private const long WalkLimitMinutes = 10L * 366 * 24 * 60;

    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    /// <summary>Whether the calendar is open at <paramref name="instant"/> (the local time of the instant itself).</summary>
    public static bool IsOpen(NaiveCalendarSpec cal, DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(cal);
        var local = TimeZoneInfo.ConvertTime(instant, cal.Zone);
        var date = DateOnly.FromDateTime(local.DateTime);
        foreach (var holiday in cal.Holidays)
        {
            if (holiday == date)
            {
                return false;
            }
        }

        var timeOfDay = local.TimeOfDay;
        foreach (var (day, start, end) in cal.Hours)
        {
            if (day == local.DayOfWeek && start <= timeOfDay && timeOfDay < end)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The open minutes in [<paramref name="from"/>, <paramref name="to"/>), counted one real minute at a time.</summary>
    public static long BusinessMinutes(NaiveCalendarSpec cal, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(cal);
        RequireMinuteAligned(from, nameof(from));
        RequireMinuteAligned(to, nameof(to));
        if (to < from)
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, "The end is before the start.");
        }

        long count = 0;
        for (var minute = from; minute < to; minute += Minute)
        {
            if (IsOpen(cal, minute))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary><see cref="BusinessMinutes"/> as a <see cref="TimeSpan"/>.</summary>
    public static TimeSpan BusinessDuration(NaiveCalendarSpec cal, DateTimeOffset from, DateTimeOffset to) =>
        TimeSpan.FromMinutes(BusinessMinutes(cal, from, to));

    /// <summary>
    /// The earliest instant t ≥ <paramref name="start"/> with BusinessMinutes(start, t) = <paramref name="minutes"/>:
    /// walk forward a minute at a time and stop at the end of the minute that completes the count. Adding 0 gives
    /// <paramref name="start"/> itself, even when closed; adding 60 to Friday 16:00 in a 9–17 calendar gives Friday
    /// 17:00, not Monday 09:00.
    /// </summary>
    public static DateTimeOffset AddBusinessMinutes(NaiveCalendarSpec cal, DateTimeOffset start, long minutes)
    {
        ArgumentNullException.ThrowIfNull(cal);
        RequireMinuteAligned(start, nameof(start));
        ArgumentOutOfRangeException.ThrowIfNegative(minutes);
        if (minutes > 0)
        {
            RequireSomeHours(cal);
        }

        var instant = start;
        long counted = 0;
        long walked = 0;
        while (counted < minutes)
        {
            if (IsOpen(cal, instant))
            {
                counted++;
            }

            instant += Minute;
            if (++walked > WalkLimitMinutes + minutes)
            {
                throw new InvalidOperationException($"The calendar {cal} does not open often enough to add {minutes} minutes.");
            }
        }

        return instant;
    }

    /// <summary>
    /// The earliest minute-aligned instant t ≥ <paramref name="instant"/> at which the calendar is open
    /// (<paramref name="instant"/> itself when it is open).
    /// </summary>
    public static DateTimeOffset NextOpening(NaiveCalendarSpec cal, DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(cal);
        RequireMinuteAligned(instant, nameof(instant));
        RequireSomeHours(cal);
        var candidate = instant;
        for (long walked = 0; walked <= WalkLimitMinutes; walked++)
        {
            if (IsOpen(cal, candidate))
            {
                return candidate;
            }

            candidate += Minute;
        }

        throw new InvalidOperationException($"The calendar {cal} does not open within ten years of {instant.ToString("O", CultureInfo.InvariantCulture)}.");
    }

    /// <summary>A calendar with no opening hours never opens: say so at once rather than walk ten years.</summary>
    private static void RequireSomeHours(NaiveCalendarSpec cal)
    {
        if (cal.Hours.Count == 0)
        {
            throw new InvalidOperationException($"The calendar {cal} has no opening hours.");
        }
    }

    /// <summary>Refuses an instant that is not a whole UTC minute: the walk counts whole minutes only.</summary>
    public static void RequireMinuteAligned(DateTimeOffset instant, string paramName)
    {
        if (instant.UtcTicks % TimeSpan.TicksPerMinute != 0)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The reference calendar walks whole minutes; {instant:O} is not minute-aligned."),
                paramName);
        }
    }
}
