using System.Globalization;

namespace Engagement.Sdk.Journeys;

/// <summary>
/// The calendar periods that cover an analysis range [from, to): from the period holding <c>from</c> through the one
/// holding <c>to</c> − 1 tick, in a time zone (the project's shared period decisions, see docs/journeys.md).
/// </summary>
internal static class CalendarPeriods
{
    /// <summary>The most periods an analysis may cover, so that a range typed in the wrong unit fails early.</summary>
    internal const int MaxPeriods = 100_000;

    /// <summary>
    /// Returns the UTC ticks of the periods' starts and of the end of the last: <c>P + 1</c> values for <c>P</c>
    /// periods. The first start may lie before <paramref name="from"/> and the last end after <paramref name="to"/>.
    /// </summary>
    public static long[] Boundaries(DateTimeOffset from, DateTimeOffset to, CalendarPeriod period, TimeZoneInfo zone, DayOfWeek firstDayOfWeek)
    {
        var local = TimeZoneInfo.ConvertTime(from, zone).DateTime;
        var start = period switch
        {
            CalendarPeriod.Day => local.Date,
            CalendarPeriod.Week => local.Date.AddDays(-(((int)local.DayOfWeek - (int)firstDayOfWeek + 7) % 7)),
            _ => new DateTime(local.Year, local.Month, 1, 0, 0, 0, DateTimeKind.Unspecified),
        };

        var boundaries = new List<long> { ToUtcTicks(start, zone) };
        while (boundaries[^1] < to.UtcTicks)
        {
            if (boundaries.Count > MaxPeriods)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(to),
                    to,
                    string.Create(CultureInfo.InvariantCulture, $"The range from {from:O} to {to:O} covers more than {MaxPeriods} {period} periods."));
            }

            start = period switch
            {
                CalendarPeriod.Day => start.AddDays(1),
                CalendarPeriod.Week => start.AddDays(7),
                _ => start.AddMonths(1),
            };
            boundaries.Add(ToUtcTicks(start, zone));
        }

        return [.. boundaries];
    }

    /// <summary>
    /// The instant of a local wall-clock time: a time skipped by a daylight-saving jump is moved forward to the first
    /// local time that exists; a time that occurs twice is taken at its first occurrence.
    /// </summary>
    internal static long ToUtcTicks(DateTime local, TimeZoneInfo zone)
    {
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return (local - offset).Ticks;
    }
}
