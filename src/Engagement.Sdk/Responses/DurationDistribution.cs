using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Sdk.Statistics;

namespace Engagement.Sdk.Responses;

/// <summary>
/// The distribution of one response-time metric in calendar and in business time, each a <see cref="QuantileSummary"/>
/// of durations in seconds (count, mean, min, max, p50, p90, p95, p99).
/// </summary>
/// <remarks>Empty input: with no values both summaries say they have no value. Immutable and thread-safe.</remarks>
public sealed class DurationDistribution : IEquatable<DurationDistribution>
{
    /// <summary>Creates a distribution.</summary>
    /// <param name="calendar">The calendar-time summary, in seconds.</param>
    /// <param name="business">The business-time summary, in seconds; of as many values as <paramref name="calendar"/>.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The two summaries count different numbers of values (names
    /// <paramref name="business"/>).</exception>
    [JsonConstructor]
    public DurationDistribution(QuantileSummary calendar, QuantileSummary business)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(business);
        if (calendar.Count != business.Count)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Every duration is measured both ways: {calendar.Count} calendar values but {business.Count} business values."),
                nameof(business));
        }

        Calendar = calendar;
        Business = business;
    }

    /// <summary>Gets the calendar-time (elapsed) summary, in seconds.</summary>
    public QuantileSummary Calendar { get; }

    /// <summary>Gets the business-time summary, in seconds.</summary>
    public QuantileSummary Business { get; }

    /// <summary>Gets how many durations were measured.</summary>
    [JsonIgnore]
    public long Count => Calendar.Count;

    /// <summary>Returns the summary in one basis.</summary>
    /// <param name="basis">Calendar or business time.</param>
    /// <returns><see cref="Calendar"/> or <see cref="Business"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="basis"/> is not a defined value.</exception>
    public QuantileSummary Get(TimeBasis basis) => Validation.Defined(basis, nameof(basis)) == TimeBasis.Calendar ? Calendar : Business;

    /// <inheritdoc />
    public bool Equals(DurationDistribution? other) =>
        other is not null && Calendar.Equals(other.Calendar) && Business.Equals(other.Business);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as DurationDistribution);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Calendar, Business);

    /// <summary>Returns the distribution as <c>calendar {summary}; business {summary}</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() => $"calendar {Calendar}; business {Business}";
}
