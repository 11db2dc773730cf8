using System.Globalization;

namespace Engagement.Sdk.Responses;

/// <summary>
/// One duration of an inquiry measured both ways: <see cref="Calendar"/> time (elapsed, to − from) and
/// <see cref="Business"/> time (the time a <see cref="BusinessCalendar"/> is open between the two instants).
/// </summary>
/// <remarks>A small immutable value, thread-safe; <c>default</c> is zero both ways. Business time never exceeds calendar
/// time.</remarks>
public readonly struct InquiryDuration : IEquatable<InquiryDuration>
{
    /// <summary>Creates a duration.</summary>
    /// <param name="calendar">The elapsed time; 0 or more.</param>
    /// <param name="business">The business time; from 0 to <paramref name="calendar"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A duration is negative, or the business time exceeds the calendar
    /// time.</exception>
    public InquiryDuration(TimeSpan calendar, TimeSpan business)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(calendar, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(business, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(business, calendar);
        Calendar = calendar;
        Business = business;
    }

    /// <summary>Gets the elapsed time.</summary>
    public TimeSpan Calendar { get; }

    /// <summary>Gets the business time.</summary>
    public TimeSpan Business { get; }

    /// <summary>Returns whether two durations are equal.</summary>
    /// <param name="left">The first duration.</param>
    /// <param name="right">The second duration.</param>
    /// <returns><see langword="true"/> when both parts are equal.</returns>
    public static bool operator ==(InquiryDuration left, InquiryDuration right) => left.Equals(right);

    /// <summary>Returns whether two durations differ.</summary>
    /// <param name="left">The first duration.</param>
    /// <param name="right">The second duration.</param>
    /// <returns><see langword="true"/> when a part differs.</returns>
    public static bool operator !=(InquiryDuration left, InquiryDuration right) => !left.Equals(right);

    /// <summary>Returns the duration in one basis.</summary>
    /// <param name="basis">Calendar or business time.</param>
    /// <returns><see cref="Calendar"/> or <see cref="Business"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="basis"/> is not a defined value.</exception>
    public TimeSpan Get(TimeBasis basis) => Validation.Defined(basis, nameof(basis)) == TimeBasis.Calendar ? Calendar : Business;

    /// <inheritdoc />
    public bool Equals(InquiryDuration other) => Calendar == other.Calendar && Business == other.Business;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is InquiryDuration other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Calendar, Business);

    /// <summary>Returns the duration as <c>calendar 2.18:00:00, business 06:00:00</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"calendar {Calendar:c}, business {Business:c}");

    /// <summary>Measures from one instant to a later one on a calendar.</summary>
    internal static InquiryDuration Between(DateTimeOffset from, DateTimeOffset to, BusinessCalendar calendar) =>
        new(to - from, calendar.BusinessDuration(from, to));

    /// <summary>The sum of two durations (the parts of one status timeline).</summary>
    internal InquiryDuration Plus(InquiryDuration other) => new(Calendar + other.Calendar, Business + other.Business);
}
