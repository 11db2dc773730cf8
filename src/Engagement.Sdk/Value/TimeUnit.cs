using System.Text.Json.Serialization;

namespace Engagement.Sdk.Value;

/// <summary>
/// The unit in which customer summaries, model parameters and predictions measure time. Stated explicitly everywhere:
/// a model fitted in weeks predicts in weeks, and nothing assumes days.
/// </summary>
/// <remarks>
/// Months and years are average Gregorian lengths (a year of 365.2425 days, a month of a twelfth of it), so that
/// every unit is a fixed length and durations convert exactly between units; see <see cref="TimeUnits"/>.
/// </remarks>
[JsonConverter(typeof(Engagement.Sdk.IO.StrictEnumConverter<TimeUnit>))]
public enum TimeUnit
{
    /// <summary>A day of 24 hours.</summary>
    Day = 0,

    /// <summary>A week of 7 days.</summary>
    Week = 1,

    /// <summary>An average Gregorian month: 365.2425 / 12 = 30.436875 days.</summary>
    Month = 2,

    /// <summary>An average Gregorian year: 365.2425 days.</summary>
    Year = 3,
}
