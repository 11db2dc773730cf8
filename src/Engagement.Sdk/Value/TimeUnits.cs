using System.Globalization;

namespace Engagement.Sdk.Value;

/// <summary>Conversions between elapsed time and a <see cref="TimeUnit"/>.</summary>
/// <remarks>Thread-safe.</remarks>
public static class TimeUnits
{
    /// <summary>The days in an average Gregorian year (the 400-year cycle's 146,097 days / 400).</summary>
    public const double DaysPerYear = 365.2425;

    /// <summary>Gets the length of one <paramref name="unit"/> in days.</summary>
    /// <param name="unit">The unit.</param>
    /// <returns>1, 7, 30.436875 or 365.2425.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a defined value.</exception>
    public static double Days(TimeUnit unit) => Validation.Defined(unit, nameof(unit)) switch
    {
        TimeUnit.Day => 1,
        TimeUnit.Week => 7,
        TimeUnit.Month => DaysPerYear / 12,
        _ => DaysPerYear,
    };

    /// <summary>Gets a duration measured in <paramref name="unit"/>s.</summary>
    /// <param name="duration">The duration; negative durations give negative amounts.</param>
    /// <param name="unit">The unit.</param>
    /// <returns>The number of units, e.g. 1.5 for ten and a half days in weeks.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a defined value.</exception>
    public static double Measure(TimeSpan duration, TimeUnit unit) => duration.TotalDays / Days(unit);

    /// <summary>Gets the time elapsed from <paramref name="from"/> to <paramref name="to"/> in <paramref name="unit"/>s.</summary>
    /// <param name="from">The earlier instant.</param>
    /// <param name="to">The later instant; before <paramref name="from"/> gives a negative amount.</param>
    /// <param name="unit">The unit.</param>
    /// <returns>The number of units between the instants.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a defined value.</exception>
    public static double Between(DateTimeOffset from, DateTimeOffset to, TimeUnit unit) => Measure(to - from, unit);

    /// <summary>Gets the duration of <paramref name="amount"/> <paramref name="unit"/>s.</summary>
    /// <param name="amount">The number of units; finite.</param>
    /// <param name="unit">The unit.</param>
    /// <returns>The duration, to the tick.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="amount"/> is not finite or the duration does not fit a <see cref="TimeSpan"/>, or
    /// <paramref name="unit"/> is not a defined value.
    /// </exception>
    public static TimeSpan ToTimeSpan(double amount, TimeUnit unit)
    {
        Validation.Finite(amount, nameof(amount));
        var ticks = Math.Round(amount * Days(unit) * TimeSpan.TicksPerDay);
        if (!(ticks >= TimeSpan.MinValue.Ticks && ticks <= TimeSpan.MaxValue.Ticks))
        {
            throw new ArgumentOutOfRangeException(
                nameof(amount), amount, string.Create(CultureInfo.InvariantCulture, $"{amount} {unit}s does not fit a TimeSpan."));
        }

        return TimeSpan.FromTicks((long)ticks);
    }
}
