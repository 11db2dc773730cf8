using System.Globalization;

namespace Engagement.Sdk.Journeys;

/// <summary>
/// Where one customer's events lie in the columns of an <see cref="EventLog"/>: rows <see cref="Start"/> to
/// <see cref="End"/> (exclusive), in time order.
/// </summary>
/// <remarks>
/// Slice any column with it: <c>log.Timestamps.Slice(range.Start, range.Length)</c>. <c>default</c> is the empty range at
/// row 0. This type is an immutable value and is thread-safe.
/// </remarks>
public readonly struct EventLogCustomerRange : IEquatable<EventLogCustomerRange>
{
    internal EventLogCustomerRange(int start, int length)
    {
        Start = start;
        Length = length;
    }

    /// <summary>Gets the first row of the customer's events.</summary>
    public int Start { get; }

    /// <summary>Gets how many events the customer has; at least 1 for a customer of a log.</summary>
    public int Length { get; }

    /// <summary>Gets the row after the customer's last event: <see cref="Start"/> plus <see cref="Length"/>.</summary>
    public int End => Start + Length;

    /// <summary>Returns whether two ranges are equal.</summary>
    /// <param name="left">The first range.</param>
    /// <param name="right">The second range.</param>
    /// <returns><see langword="true"/> when start and length are equal.</returns>
    public static bool operator ==(EventLogCustomerRange left, EventLogCustomerRange right) => left.Equals(right);

    /// <summary>Returns whether two ranges differ.</summary>
    /// <param name="left">The first range.</param>
    /// <param name="right">The second range.</param>
    /// <returns><see langword="true"/> when start or length differ.</returns>
    public static bool operator !=(EventLogCustomerRange left, EventLogCustomerRange right) => !left.Equals(right);

    /// <summary>Returns whether this range equals another: same start and length.</summary>
    /// <param name="other">The other range.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public bool Equals(EventLogCustomerRange other) => Start == other.Start && Length == other.Length;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is EventLogCustomerRange other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Start, Length);

    /// <summary>Returns the range as <c>[start, end)</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"[{Start}, {End})");
}
