using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Sdk.IO;

namespace Engagement.Sdk.Responses;

/// <summary>
/// One opening interval of a <see cref="BusinessCalendar"/> on a day of the week, in local wall-clock time:
/// from <see cref="Start"/> to <see cref="End"/> after local midnight, for example Monday 09:00–12:30.
/// </summary>
/// <remarks>
/// <para>
/// The interval is half-open: open at <see cref="Start"/>, closed again at <see cref="End"/>. <see cref="End"/> may be
/// 24:00 (<c>TimeSpan.FromHours(24)</c>), which means up to the next local midnight. How local times map to instants
/// across daylight-saving changes is described on <see cref="BusinessCalendar"/>.
/// </para>
/// <para>
/// <c>default(BusinessHours)</c> is Sunday 00:00–00:00, an empty interval that no calendar accepts. This type is an
/// immutable value and is thread-safe.
/// </para>
/// </remarks>
public readonly struct BusinessHours : IEquatable<BusinessHours>
{
    /// <summary>The latest <see cref="End"/>: 24:00, the next local midnight.</summary>
    public static readonly TimeSpan EndOfDay = TimeSpan.FromDays(1);

    /// <summary>Creates an opening interval.</summary>
    /// <param name="day">The day of the week.</param>
    /// <param name="start">When it opens, after local midnight: from 00:00 to before 24:00.</param>
    /// <param name="end">When it closes, after local midnight: after <paramref name="start"/>, at most 24:00.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="day"/> is not a defined day;
    /// <paramref name="start"/> is negative or not before 24:00; or <paramref name="end"/> is not after
    /// <paramref name="start"/> or after 24:00. The message gives the value.</exception>
    [JsonConstructor]
    public BusinessHours(DayOfWeek day, TimeSpan start, TimeSpan end)
    {
        Day = Validation.Defined(day, nameof(day));
        Check(start, end, nameof(start), nameof(end));
        Start = start;
        End = end;
    }

    /// <summary>Gets the day of the week.</summary>
    [JsonConverter(typeof(StrictEnumConverter<DayOfWeek>))]
    public DayOfWeek Day { get; }

    /// <summary>Gets when the interval opens, as the local wall-clock time after local midnight.</summary>
    [JsonConverter(typeof(WallClockTimeConverter))]
    public TimeSpan Start { get; }

    /// <summary>Gets when the interval closes, as the local wall-clock time after local midnight; 24:00 is the next
    /// local midnight.</summary>
    [JsonConverter(typeof(WallClockTimeConverter))]
    public TimeSpan End { get; }

    /// <summary>Returns whether two intervals are equal.</summary>
    /// <param name="left">The first interval.</param>
    /// <param name="right">The second interval.</param>
    /// <returns><see langword="true"/> when day, start and end are equal.</returns>
    public static bool operator ==(BusinessHours left, BusinessHours right) => left.Equals(right);

    /// <summary>Returns whether two intervals differ.</summary>
    /// <param name="left">The first interval.</param>
    /// <param name="right">The second interval.</param>
    /// <returns><see langword="true"/> when day, start or end differ.</returns>
    public static bool operator !=(BusinessHours left, BusinessHours right) => !left.Equals(right);

    /// <summary>Returns whether this interval equals another: same day, start and end.</summary>
    /// <param name="other">The other interval.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public bool Equals(BusinessHours other) => Day == other.Day && Start == other.Start && End == other.End;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is BusinessHours other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Day, Start, End);

    /// <summary>Returns the interval as <c>Monday 09:00–17:30</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() => $"{Day} {Format(Start)}–{Format(End)}";

    /// <summary>Throws unless 00:00 ≤ <paramref name="start"/> &lt; <paramref name="end"/> ≤ 24:00.</summary>
    internal static void Check(TimeSpan start, TimeSpan end, string startName, string endName)
    {
        if (start < TimeSpan.Zero || start >= EndOfDay)
        {
            throw new ArgumentOutOfRangeException(
                startName, start, $"An opening time lies from 00:00 to before 24:00 after local midnight; got {Format(start)}.");
        }

        if (end <= start || end > EndOfDay)
        {
            throw new ArgumentOutOfRangeException(
                endName, end, $"A closing time lies after the opening time ({Format(start)}) and at most at 24:00; got {Format(end)}.");
        }
    }

    /// <summary>Formats a time of day as <c>hh:mm</c>, with seconds and fractions only when present; 24:00 as such.</summary>
    internal static string Format(TimeSpan time)
    {
        var hours = (long)Math.Floor(time.TotalHours);
        var rest = time - TimeSpan.FromHours(hours);
        var text = string.Create(CultureInfo.InvariantCulture, $"{hours:00}:{rest.Minutes:00}");
        if (rest.Ticks % TimeSpan.TicksPerMinute != 0)
        {
            text += string.Create(CultureInfo.InvariantCulture, $":{rest.Seconds:00}");
            var fraction = rest.Ticks % TimeSpan.TicksPerSecond;
            if (fraction != 0)
            {
                text += string.Create(CultureInfo.InvariantCulture, $".{fraction:0000000}");
            }
        }

        return text;
    }
}
