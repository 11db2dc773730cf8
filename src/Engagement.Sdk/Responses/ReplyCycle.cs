using System.Globalization;

namespace Engagement.Sdk.Responses;

/// <summary>
/// One answered reply cycle of an inquiry, whose duration is a next response time: from the oldest unanswered customer
/// message (<see cref="CustomerMessageAt"/>) to the next response (<see cref="RespondedAt"/>).
/// </summary>
/// <remarks>A small immutable value, thread-safe. Made by <see cref="InquiryTimes.Measure"/>.</remarks>
public readonly struct ReplyCycle : IEquatable<ReplyCycle>
{
    internal ReplyCycle(DateTimeOffset customerMessageAt, DateTimeOffset respondedAt, ResponseType responseType, InquiryDuration duration)
    {
        CustomerMessageAt = customerMessageAt;
        RespondedAt = respondedAt;
        ResponseType = responseType;
        Duration = duration;
    }

    /// <summary>Gets when the cycle started: the oldest customer message not yet answered.</summary>
    public DateTimeOffset CustomerMessageAt { get; }

    /// <summary>Gets when the response that ended the cycle was sent.</summary>
    public DateTimeOffset RespondedAt { get; }

    /// <summary>Gets the type of the response that ended the cycle; the next response time counts under it.</summary>
    public ResponseType ResponseType { get; }

    /// <summary>Gets the next response time in calendar and in business time.</summary>
    public InquiryDuration Duration { get; }

    /// <summary>Returns whether two cycles are equal.</summary>
    /// <param name="left">The first cycle.</param>
    /// <param name="right">The second cycle.</param>
    /// <returns><see langword="true"/> when every part is equal.</returns>
    public static bool operator ==(ReplyCycle left, ReplyCycle right) => left.Equals(right);

    /// <summary>Returns whether two cycles differ.</summary>
    /// <param name="left">The first cycle.</param>
    /// <param name="right">The second cycle.</param>
    /// <returns><see langword="true"/> when a part differs.</returns>
    public static bool operator !=(ReplyCycle left, ReplyCycle right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(ReplyCycle other) =>
        CustomerMessageAt.EqualsExact(other.CustomerMessageAt)
        && RespondedAt.EqualsExact(other.RespondedAt)
        && ResponseType == other.ResponseType
        && Duration == other.Duration;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ReplyCycle other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(CustomerMessageAt, RespondedAt, ResponseType, Duration);

    /// <summary>Returns the cycle as <c>2026-03-02T09:00:00+01:00 → 2026-03-02T10:30:00+01:00 (Manual): calendar …</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{CustomerMessageAt:O} → {RespondedAt:O} ({ResponseType}): {Duration}");
}
