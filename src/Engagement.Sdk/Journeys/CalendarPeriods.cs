using System.Globalization;

namespace Engagement.Sdk.Journeys;

/// <summary>
/// The calendar periods of an analysed range [from, to), as UTC ticks computed once, so that scans place events in
/// periods by comparing ticks: no time-zone conversion per event. Shared by retention, lifecycle and stage distributions.
/// </summary>
/// <remarks>
/// Period <c>p</c> (0 ≤ p &lt; <see cref="Count"/>) holds the instants <c>[Starts[p], Starts[p + 1])</c>. Period 0 is
/// the one containing <c>from</c> and the last the one containing <c>to</c> − 1 tick, so both may be partial. A period
/// starts at the first instant whose local time in the zone reaches the period's first local midnight: when that
/// midnight is skipped by a daylight-saving gap, the period starts at the end of the gap; when it occurs twice, at its
/// first occurrence. Immutable and thread-safe.
/// </remarks>
internal sealed class CalendarPeriods
{
    /// <summary>The most periods a range may span (about 2.7 years of days, 19 years of weeks).</summary>
    public const int MaxPeriods = 1000;

    private readonly long[] _bounds;

    private CalendarPeriods(CalendarPeriod period, TimeZoneInfo zone, DayOfWeek weekStart, DateTimeOffset from, DateTimeOffset to, long[] bounds)
    {
        Period = period;
        Zone = zone;
        WeekStart = weekStart;
        From = from;
        To = to;
        _bounds = bounds;
        FixedLength = EqualSteps(bounds.AsSpan(1));
    }

    public CalendarPeriod Period { get; }

    public TimeZoneInfo Zone { get; }

    public DayOfWeek WeekStart { get; }

    public DateTimeOffset From { get; }

    public DateTimeOffset To { get; }

    public long FromTicks => From.UtcTicks;

    public long ToTicks => To.UtcTicks;

    /// <summary>Gets how many periods the range spans; 1 to <see cref="MaxPeriods"/>.</summary>
    public int Count => _bounds.Length - 2;

    /// <summary>Gets the start of the period just before period 0, as UTC ticks.</summary>
    public long PreviousStart => _bounds[0];

    /// <summary>Gets the starts of periods 0 to <see cref="Count"/> − 1 and the end of the last, as UTC ticks.</summary>
    public ReadOnlySpan<long> Starts => _bounds.AsSpan(1);

    /// <summary>
    /// Gets the length in ticks shared by every period of the range, from <c>Starts[0]</c> to the end of the last, when
    /// they are all equally long (days or weeks in UTC or over a range without a daylight-saving change); otherwise 0.
    /// Then period <c>p</c> of an instant in the range is <c>(ticks − Starts[0]) / FixedLength</c>, without a search.
    /// </summary>
    public long FixedLength { get; }

    /// <summary>Validates the parts of a range and computes its periods.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An enum is undefined, <paramref name="from"/> is not before
    /// <paramref name="to"/>, a bound is outside years 2 to 9998, or the range spans more than <see cref="MaxPeriods"/>
    /// periods.</exception>
    /// <exception cref="ArgumentException">The time zone id is blank or unknown.</exception>
    public static CalendarPeriods Create(CalendarPeriod period, string timeZone, DayOfWeek weekStart, DateTimeOffset from, DateTimeOffset to)
    {
        Validation.Defined(period, nameof(period));
        var zone = FindZone(timeZone);
        Validation.Defined(weekStart, nameof(weekStart));
        if (from.UtcDateTime.Year < 2 || from.UtcDateTime.Year > 9998)
        {
            throw new ArgumentOutOfRangeException(nameof(from), from, $"The range must lie within the years 2 to 9998; got from = {Format(from)}.");
        }

        if (to <= from || to.UtcDateTime.Year > 9998)
        {
            throw new ArgumentOutOfRangeException(
                nameof(to), to, $"The range [from, to) must be non-empty and end by the year 9998; got from = {Format(from)}, to = {Format(to)}.");
        }

        var first = Truncate(TimeZoneInfo.ConvertTime(from, zone).DateTime.Date, period, weekStart);
        var bounds = new List<long> { LocalToUtc(Step(first, period, -1), zone), LocalToUtc(first, zone) };
        var start = first;
        while (bounds[^1] < to.UtcTicks)
        {
            if (bounds.Count > MaxPeriods + 1)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(to),
                    to,
                    string.Create(CultureInfo.InvariantCulture, $"The range {Format(from)} to {Format(to)} spans more than {MaxPeriods} {period.ToString().ToLowerInvariant()}s; analyse a shorter range or a longer period."));
            }

            start = Step(start, period, 1);
            bounds.Add(LocalToUtc(start, zone));
        }

        return new CalendarPeriods(period, zone, weekStart, from, to, [.. bounds]);
    }

    /// <summary>Gets the period holding an instant: −1 before period 0, <see cref="Count"/> at or after the last's end.</summary>
    public int PeriodOf(long ticks)
    {
        var starts = Starts;
        var index = starts.BinarySearch(ticks);
        return index >= 0 ? index : ~index - 1;
    }

    /// <summary>Gets the start of a period as a local time with the zone's offset at that instant.</summary>
    public DateTimeOffset StartOf(int period)
    {
        var utc = new DateTime(Starts[period], DateTimeKind.Utc);
        return new DateTimeOffset(utc).ToOffset(Zone.GetUtcOffset(utc));
    }

    /// <summary>Describes the periods as <c>weeks (from Monday) in Europe/Berlin over [from, to)</c>.</summary>
    public string Describe()
    {
        var unit = Period == CalendarPeriod.Week
            ? $"weeks (from {WeekStart})"
            : Period == CalendarPeriod.Day ? "days" : "months";
        return $"{unit} in {Zone.Id} over [{Format(From)}, {Format(To)})";
    }

    public bool SameAs(CalendarPeriods other) =>
        Period == other.Period
        && string.Equals(Zone.Id, other.Zone.Id, StringComparison.Ordinal)
        && WeekStart == other.WeekStart
        && From == other.From
        && To == other.To;

    public int Hash() => HashCode.Combine(Period, StringComparer.Ordinal.GetHashCode(Zone.Id), WeekStart, From, To);

    // The common difference of the starts, or 0 when two differ.
    private static long EqualSteps(ReadOnlySpan<long> starts)
    {
        var step = starts[1] - starts[0];
        for (var p = 2; p < starts.Length; p++)
        {
            if (starts[p] - starts[p - 1] != step)
            {
                return 0;
            }
        }

        return step;
    }

    private static string Format(DateTimeOffset value) => value.ToString("o", CultureInfo.InvariantCulture);

    /// <summary>Finds a time zone by id, with one message for every analysis that takes one.</summary>
    /// <param name="timeZone">The id.</param>
    /// <param name="paramName">The public parameter that received it (business calendars call it <c>timeZoneId</c>).</param>
    internal static TimeZoneInfo FindZone(string timeZone, string paramName = "timeZone")
    {
        Validation.NotBlank(timeZone, paramName);
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new ArgumentException($"'{Validation.Echo(timeZone)}' is not a time zone this system knows; use an IANA id such as Europe/Berlin.", paramName, e);
        }
    }

    private static DateTime Truncate(DateTime date, CalendarPeriod period, DayOfWeek weekStart) => period switch
    {
        CalendarPeriod.Day => date,
        CalendarPeriod.Week => date.AddDays(-(((int)date.DayOfWeek - (int)weekStart + 7) % 7)),
        _ => new DateTime(date.Year, date.Month, 1, 0, 0, 0, DateTimeKind.Unspecified),
    };

    private static DateTime Step(DateTime start, CalendarPeriod period, int count) => period switch
    {
        CalendarPeriod.Day => start.AddDays(count),
        CalendarPeriod.Week => start.AddDays(7 * count),
        _ => start.AddMonths(count),
    };

    // The first instant whose local time reaches the given local time.
    private static long LocalToUtc(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsAmbiguousTime(local))
        {
            var offsets = zone.GetAmbiguousTimeOffsets(local);
            var latest = offsets[0];
            foreach (var offset in offsets)
            {
                latest = offset > latest ? offset : latest;
            }

            return local.Ticks - latest.Ticks;
        }

        if (!zone.IsInvalidTime(local))
        {
            return local.Ticks - zone.GetUtcOffset(local).Ticks;
        }

        // Inside a daylight-saving gap: the instant the clock jumps past the local time. Taking the offset before the
        // gap lands after it; a day earlier the local time is before it; search between to the tick.
        var high = local.Ticks - zone.GetUtcOffset(local.AddDays(-1)).Ticks;
        var low = high - TimeSpan.TicksPerDay;
        while (high - low > 1)
        {
            var mid = low + ((high - low) / 2);
            if (TimeZoneInfo.ConvertTimeFromUtc(new DateTime(mid, DateTimeKind.Utc), zone) >= local)
            {
                high = mid;
            }
            else
            {
                low = mid;
            }
        }

        return high;
    }
}
