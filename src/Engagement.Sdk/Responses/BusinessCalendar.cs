using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Sdk.Journeys;

namespace Engagement.Sdk.Responses;

/// <summary>
/// When a brand is open for business: weekly opening hours in local wall-clock time (several intervals a day), closed
/// local dates (holidays), and the time zone that turns both into instants. Measures business time between instants,
/// adds business time to an instant, and finds the next opening.
/// </summary>
/// <remarks>
/// <para>
/// <b>Local times to instants.</b> An instant is open when its local wall-clock time in <see cref="TimeZone"/>, on a
/// local date that is not a holiday, lies in one of that weekday's opening intervals. Across daylight-saving changes
/// that reads as follows. A local time the clock skips (the hour lost when summer time starts) is never shown, so it is
/// never open: a bound inside the gap acts as the instant of the jump. A local time the clock shows twice (the hour
/// repeated when summer time ends) is open both times: an interval that holds the repeated hour lasts an hour longer.
/// So 09:00–17:00 always lasts 8 hours unless the clock changes inside it; a 00:00–24:00 day lasts 23 hours when
/// summer time starts and 25 hours when it ends; 01:00–04:00 in America/New_York lasts 2 hours on the spring-forward
/// day and 4 hours on the fall-back day. A bound inside the repeated hour is passed twice too: closing at 01:30 on the
/// New York fall-back day means open until the first 01:30 and again from the second 01:00 to the second 01:30.
/// The business duration between two instants is how much open time lies between them.
/// </para>
/// <para>
/// <b>Time zones.</b> <see cref="TimeZoneInfo"/> rather than NodaTime: the library depends on the BCL alone, and since
/// .NET 6 <see cref="TimeZoneInfo.FindSystemTimeZoneById"/> accepts IANA ids on every operating system (and Windows ids
/// where ICU is available). The rules are the operating system's time-zone data.
/// </para>
/// <para>
/// <b>Speed.</b> The open intervals are computed once per block of 512 UTC days, on first use, with the open time before
/// each (a prefix sum), so <see cref="BusinessDuration"/> is two table lookups and a subtraction and allocates nothing
/// once the block is built; <see cref="AddBusinessTime"/> adds a binary search. The first and last local dates of
/// <see cref="DateTimeOffset"/>'s range (0001-01-01 and 9999-12-31) are always closed, except when
/// <see cref="IsAlwaysOpen"/>: such a calendar measures plain elapsed time everywhere.
/// </para>
/// <para>
/// Calendars are equal when their zone ids (ordinal), normalised weekly hours and holidays are equal. Immutable and
/// thread-safe; the block cache is filled lock-free.
/// </para>
/// </remarks>
public sealed class BusinessCalendar : IEquatable<BusinessCalendar>
{
    private readonly BusinessTimeline _timeline;

    /// <summary>Creates a business calendar.</summary>
    /// <param name="timeZoneId">The time zone of the hours and holidays: an IANA id such as <c>Europe/Amsterdam</c>
    /// (or a Windows id).</param>
    /// <param name="weeklyHours">The opening intervals, in any order; copied. Intervals of one day must not overlap;
    /// intervals that touch (09:00–12:00 and 12:00–17:00) merge into one. An empty list is allowed: such a calendar is
    /// never open.</param>
    /// <param name="holidays">Local dates closed the whole day, in any order; copied, sorted, and duplicates dropped.
    /// <see langword="null"/> means none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="timeZoneId"/> or <paramref name="weeklyHours"/> is
    /// <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="timeZoneId"/> is blank or not a time zone this system knows
    /// (the <see cref="TimeZoneNotFoundException"/> or <see cref="InvalidTimeZoneException"/> is the inner exception);
    /// or two intervals of <paramref name="weeklyHours"/> on one day overlap, or one is empty or out of range (such as
    /// <c>default(BusinessHours)</c>). The message gives the values.</exception>
    public BusinessCalendar(string timeZoneId, IEnumerable<BusinessHours> weeklyHours, IEnumerable<DateOnly>? holidays = null)
    {
        ArgumentNullException.ThrowIfNull(timeZoneId);
        ArgumentNullException.ThrowIfNull(weeklyHours);
        TimeZone = CalendarPeriods.FindZone(timeZoneId, nameof(timeZoneId));
        TimeZoneId = TimeZone.Id;
        WeeklyHours = Array.AsReadOnly(Normalise(weeklyHours, out var local));
        var days = holidays is null ? [] : new SortedSet<DateOnly>(holidays).ToArray();
        Holidays = Array.AsReadOnly(days);
        IsAlwaysOpen = days.Length == 0 && Array.TrueForAll(local, day => day is [0, TimeSpan.TicksPerDay]);
        _timeline = new BusinessTimeline(TimeZone, local, days);
    }

    // The JSON constructor: System.Text.Json binds a parameter only to a property of the same type.
    [JsonConstructor]
    internal BusinessCalendar(string timeZoneId, IReadOnlyList<BusinessHours> weeklyHours, IReadOnlyList<DateOnly>? holidays)
        : this(timeZoneId, (IEnumerable<BusinessHours>)weeklyHours, holidays)
    {
    }

    /// <summary>Gets the calendar that is always open, in UTC with no holidays: business time equals elapsed time.</summary>
    public static BusinessCalendar AlwaysOpen { get; } = AlwaysOpenIn("UTC");

    /// <summary>
    /// Gets the time zone's id as the system spells it (<see cref="TimeZoneInfo.Id"/>): <c>europe/amsterdam</c> becomes
    /// <c>Europe/Amsterdam</c>, so calendars of one zone are equal and merge however the id was written.
    /// </summary>
    public string TimeZoneId { get; }

    /// <summary>Gets the time zone of <see cref="TimeZoneId"/>.</summary>
    [JsonIgnore]
    public TimeZoneInfo TimeZone { get; }

    /// <summary>Gets the opening intervals, normalised: touching intervals merged, ordered Monday to Sunday, then by
    /// start.</summary>
    public IReadOnlyList<BusinessHours> WeeklyHours { get; }

    /// <summary>Gets the closed local dates, ascending and distinct.</summary>
    public IReadOnlyList<DateOnly> Holidays { get; }

    /// <summary>Gets whether the calendar is open at every instant: every day 00:00–24:00 and no holidays, in any zone.
    /// Business time then equals elapsed time.</summary>
    [JsonIgnore]
    public bool IsAlwaysOpen { get; }

    /// <summary>Creates a calendar open all day every day in a time zone except on holidays, which are closed from local
    /// midnight to local midnight (23, 24 or 25 hours).</summary>
    /// <param name="timeZoneId">The time zone id, such as <c>Europe/Amsterdam</c>.</param>
    /// <param name="holidays">The closed local dates, or <see langword="null"/> for none.</param>
    /// <returns>The calendar.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="timeZoneId"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="timeZoneId"/> is blank or unknown.</exception>
    public static BusinessCalendar AlwaysOpenIn(string timeZoneId, IEnumerable<DateOnly>? holidays = null) =>
        new(timeZoneId, EveryDay(TimeSpan.Zero, BusinessHours.EndOfDay, DayOfWeek.Sunday, DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday), holidays);

    /// <summary>Creates a calendar open Monday to Friday between the same two local times, except on holidays.</summary>
    /// <param name="timeZoneId">The time zone id, such as <c>Europe/Amsterdam</c>.</param>
    /// <param name="open">The opening time after local midnight, from 00:00 to before 24:00.</param>
    /// <param name="close">The closing time after local midnight, after <paramref name="open"/> and at most 24:00.</param>
    /// <param name="holidays">The closed local dates, or <see langword="null"/> for none.</param>
    /// <returns>The calendar.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="timeZoneId"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="timeZoneId"/> is blank or unknown.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="open"/> or <paramref name="close"/> is out of
    /// range.</exception>
    public static BusinessCalendar Weekdays(string timeZoneId, TimeSpan open, TimeSpan close, IEnumerable<DateOnly>? holidays = null)
    {
        BusinessHours.Check(open, close, nameof(open), nameof(close));
        return new(timeZoneId, EveryDay(open, close, DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday), holidays);
    }

    /// <summary>Measures the business time between two instants: how long the calendar is open from
    /// <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive).</summary>
    /// <param name="from">The earlier instant.</param>
    /// <param name="to">The later instant, not before <paramref name="from"/>.</param>
    /// <returns>The open time, from zero to <c>to − from</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="to"/> is before <paramref name="from"/>.</exception>
    /// <remarks>Additive: <c>d(a, c) = d(a, b) + d(b, c)</c> for <c>a ≤ b ≤ c</c>. No allocation once the blocks of
    /// the two instants are built.</remarks>
    public TimeSpan BusinessDuration(DateTimeOffset from, DateTimeOffset to)
    {
        var fromTicks = from.UtcTicks;
        var toTicks = to.UtcTicks;
        if (toTicks < fromTicks)
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, $"The end {Format(to)} lies before the start {Format(from)}.");
        }

        return new TimeSpan(IsAlwaysOpen ? toTicks - fromTicks : _timeline.Duration(fromTicks, toTicks));
    }

    /// <summary>Measures the time between two instants in calendar (elapsed) or business time; signed, so that a due time
    /// already passed gives a negative time left.</summary>
    /// <param name="from">The first instant.</param>
    /// <param name="to">The second instant; when before <paramref name="from"/>, the result is the negated duration from
    /// <paramref name="to"/> to <paramref name="from"/>.</param>
    /// <param name="basis">Calendar: <c>to − from</c>; Business: <see cref="BusinessDuration"/>.</param>
    /// <returns>The duration.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="basis"/> is not defined.</exception>
    public TimeSpan Duration(DateTimeOffset from, DateTimeOffset to, TimeBasis basis) => Validation.Defined(basis, nameof(basis)) switch
    {
        TimeBasis.Calendar => to - from,
        _ => to >= from ? BusinessDuration(from, to) : -BusinessDuration(to, from),
    };

    /// <summary>Finds the earliest instant by which the calendar has been open for a business duration after a start.</summary>
    /// <param name="start">The start; it need not be open.</param>
    /// <param name="businessDuration">The business time to add, not negative.</param>
    /// <returns><paramref name="start"/> itself when the duration is zero (even when closed then); otherwise the earliest
    /// instant <c>t</c> with <c>BusinessDuration(start, t) == businessDuration</c>, which is the end of an open stretch
    /// (never the start of the next one), with the offset of <see cref="TimeZone"/> at that instant.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="businessDuration"/> is negative, or the result lies
    /// past <see cref="DateTimeOffset.MaxValue"/>.</exception>
    /// <exception cref="InvalidOperationException">The calendar has no opening hours, so it never accumulates business
    /// time.</exception>
    public DateTimeOffset AddBusinessTime(DateTimeOffset start, TimeSpan businessDuration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(businessDuration, TimeSpan.Zero);
        if (businessDuration == TimeSpan.Zero)
        {
            return start;
        }

        EnsureOpens();

        // Business time never exceeds elapsed time, so a duration longer than what is left of the range cannot fit:
        // say so at once rather than build every block up to the year 9999.
        var ticks = businessDuration.Ticks > DateTimeOffset.MaxValue.UtcTicks - start.UtcTicks ? -1
            : IsAlwaysOpen ? start.UtcTicks + businessDuration.Ticks
            : _timeline.Add(start.UtcTicks, businessDuration.Ticks);
        return ticks >= 0
            ? InZone(ticks)
            : throw new ArgumentOutOfRangeException(
                nameof(businessDuration), businessDuration, $"Adding {businessDuration.ToString("c", CultureInfo.InvariantCulture)} of business time to {Format(start)} goes past the last representable instant.");
    }

    /// <summary>Adds a duration to an instant in calendar (elapsed) or business time: the due time of a target.</summary>
    /// <param name="start">The start.</param>
    /// <param name="duration">The duration, not negative.</param>
    /// <param name="basis">Calendar: <c>start + duration</c> (keeping the start's offset); Business:
    /// <see cref="AddBusinessTime"/>.</param>
    /// <returns>The instant.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duration"/> is negative; <paramref name="basis"/> is
    /// not defined; or the result lies past <see cref="DateTimeOffset.MaxValue"/>.</exception>
    /// <exception cref="InvalidOperationException">Business time is asked of a calendar with no opening hours.</exception>
    public DateTimeOffset Add(DateTimeOffset start, TimeSpan duration, TimeBasis basis)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        if (Validation.Defined(basis, nameof(basis)) == TimeBasis.Business)
        {
            return AddBusinessTime(start, duration);
        }

        return duration.Ticks <= DateTimeOffset.MaxValue.UtcTicks - start.UtcTicks
            ? start + duration
            : throw new ArgumentOutOfRangeException(
                nameof(duration), duration, $"Adding {duration.ToString("c", CultureInfo.InvariantCulture)} to {Format(start)} goes past the last representable instant.");
    }

    /// <summary>Finds the first instant at or after an instant at which the calendar is open.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns><paramref name="instant"/> itself when the calendar is open then; otherwise the start of the next open
    /// stretch, with the offset of <see cref="TimeZone"/> at that instant.</returns>
    /// <exception cref="InvalidOperationException">The calendar has no opening hours, or none after
    /// <paramref name="instant"/> within the range of <see cref="DateTimeOffset"/>.</exception>
    public DateTimeOffset NextOpening(DateTimeOffset instant)
    {
        if (IsAlwaysOpen)
        {
            return instant;
        }

        EnsureOpens();
        var ticks = _timeline.NextOpening(instant.UtcTicks);
        return ticks == instant.UtcTicks ? instant
            : ticks >= 0 ? InZone(ticks)
            : throw new InvalidOperationException($"The calendar ({this}) does not open after {Format(instant)}.");
    }

    /// <summary>Returns whether the calendar is open at an instant; an opening interval holds its start, not its end.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns><see langword="true"/> when open.</returns>
    public bool IsOpen(DateTimeOffset instant) => IsAlwaysOpen || _timeline.IsOpen(instant.UtcTicks);

    /// <inheritdoc />
    public bool Equals(BusinessCalendar? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (string.Equals(TimeZoneId, other.TimeZoneId, StringComparison.Ordinal)
                && WeeklyHours.SequenceEqual(other.WeeklyHours)
                && Holidays.SequenceEqual(other.Holidays)));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as BusinessCalendar);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(StringComparer.Ordinal.GetHashCode(TimeZoneId), WeeklyHours.Count, Holidays.Count);

    /// <summary>Returns the calendar as <c>Europe/Amsterdam: Monday 09:00–17:00, …; 2 holidays</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString()
    {
        var hours = WeeklyHours.Count == 0 ? "never open" : string.Join(", ", WeeklyHours);
        return string.Create(CultureInfo.InvariantCulture, $"{TimeZoneId}: {hours}; {Holidays.Count} holidays");
    }

    private static string Format(DateTimeOffset value) => value.ToString("o", CultureInfo.InvariantCulture);

    private static IEnumerable<BusinessHours> EveryDay(TimeSpan open, TimeSpan close, params DayOfWeek[] days)
    {
        foreach (var day in days)
        {
            yield return new BusinessHours(day, open, close);
        }
    }

    /// <summary>Checks and sorts the intervals, merges touching ones, and returns them with, per
    /// <see cref="DayOfWeek"/>, the local start and end ticks.</summary>
    private static BusinessHours[] Normalise(IEnumerable<BusinessHours> weeklyHours, out long[][] local)
    {
        var sorted = new List<BusinessHours>();
        foreach (var hours in weeklyHours)
        {
            if (!Enum.IsDefined(hours.Day) || hours.Start < TimeSpan.Zero || hours.End <= hours.Start || hours.End > BusinessHours.EndOfDay)
            {
                throw new ArgumentException($"An opening interval must be a defined day with 00:00 ≤ start < end ≤ 24:00; got {hours}.", nameof(weeklyHours));
            }

            sorted.Add(hours);
        }

        // Monday first, as ISO 8601 orders a week.
        sorted.Sort((a, b) => (((int)a.Day + 6) % 7, a.Start).CompareTo((((int)b.Day + 6) % 7, b.Start)));
        var merged = new List<BusinessHours>(sorted.Count);
        foreach (var hours in sorted)
        {
            if (merged.Count > 0 && merged[^1].Day == hours.Day && hours.Start <= merged[^1].End)
            {
                if (hours.Start < merged[^1].End)
                {
                    throw new ArgumentException($"Opening intervals of one day must not overlap; got {merged[^1]} and {hours}.", nameof(weeklyHours));
                }

                merged[^1] = new BusinessHours(hours.Day, merged[^1].Start, hours.End);
            }
            else
            {
                merged.Add(hours);
            }
        }

        local = new long[7][];
        for (var day = 0; day < 7; day++)
        {
            var ticks = new List<long>();
            foreach (var hours in merged)
            {
                if ((int)hours.Day == day)
                {
                    ticks.Add(hours.Start.Ticks);
                    ticks.Add(hours.End.Ticks);
                }
            }

            local[day] = [.. ticks];
        }

        return [.. merged];
    }

    private void EnsureOpens()
    {
        if (WeeklyHours.Count == 0)
        {
            throw new InvalidOperationException($"The calendar ({this}) has no opening hours, so it never opens and accumulates no business time.");
        }
    }

    private DateTimeOffset InZone(long utcTicks)
    {
        var offset = TimeZone.GetUtcOffset(new DateTime(utcTicks, DateTimeKind.Utc));
        var local = utcTicks + offset.Ticks;
        return local >= 0 && local <= DateTime.MaxValue.Ticks
            ? new DateTimeOffset(local, offset)
            : new DateTimeOffset(utcTicks, TimeSpan.Zero);
    }
}
