using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Sdk.Attribution;

/// <summary>A touchpoint on a conversion path: the channel that reached the customer, when, and what it cost.</summary>
/// <remarks>
/// <para>
/// The channel is a name the host chooses (<c>email</c>, <c>paid_search</c>, a <see cref="Touchpoints.Channel"/>'s
/// <see cref="Touchpoints.Channel.Name"/>); names are compared ordinally, case included. The cost is what the host paid
/// for this touch in its currency (0 for owned or earned channels); the costs of a channel's touches add up to the
/// channel's cost, from which an <see cref="AttributionResult"/> computes cost per acquisition and return on ad spend.
/// </para>
/// <para>
/// <c>default(AttributionTouch)</c> has no channel; <see cref="ConversionPath"/> rejects it, naming its index. Equal
/// when all three fields are equal. Immutable and thread-safe.
/// </para>
/// </remarks>
public readonly struct AttributionTouch : IEquatable<AttributionTouch>
{
    /// <summary>Creates a touch.</summary>
    /// <param name="channel">The channel's name: 1 to <see cref="Touchpoints.Channel.MaxNameLength"/> UTF-16 code units,
    /// without leading or trailing white space or control characters.</param>
    /// <param name="time">When the touch happened.</param>
    /// <param name="cost">What the touch cost; finite, 0 or more.</param>
    /// <exception cref="ArgumentNullException"><paramref name="channel"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="channel"/> is not a valid name.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cost"/> is negative or not finite.</exception>
    [JsonConstructor]
    public AttributionTouch(string channel, DateTimeOffset time, double cost = 0)
    {
        Channel = AttributionChecks.ChannelName(channel, nameof(channel));
        Time = time;
        Cost = AttributionChecks.Amount(cost, nameof(cost));
    }

    /// <summary>Gets the channel's name; <see langword="null"/> only for <c>default(AttributionTouch)</c>.</summary>
    public string Channel { get; }

    /// <summary>Gets when the touch happened.</summary>
    public DateTimeOffset Time { get; }

    /// <summary>Gets what the touch cost.</summary>
    public double Cost { get; }

    /// <summary>Returns whether two touches are equal.</summary>
    /// <param name="left">The first touch.</param>
    /// <param name="right">The second touch.</param>
    /// <returns><see langword="true"/> when all fields are equal.</returns>
    public static bool operator ==(AttributionTouch left, AttributionTouch right) => left.Equals(right);

    /// <summary>Returns whether two touches differ.</summary>
    /// <param name="left">The first touch.</param>
    /// <param name="right">The second touch.</param>
    /// <returns><see langword="true"/> when any field differs.</returns>
    public static bool operator !=(AttributionTouch left, AttributionTouch right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(AttributionTouch other) =>
        string.Equals(Channel, other.Channel, StringComparison.Ordinal) && Time.Equals(other.Time) && Cost.Equals(other.Cost);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is AttributionTouch other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Channel is null ? 0 : StringComparer.Ordinal.GetHashCode(Channel), Time, Cost);

    /// <summary>Returns the touch as <c>email at 2024-03-13T10:21:14.0000000+00:00 (cost 0.25)</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() => Channel is null
        ? "(no channel)"
        : string.Create(CultureInfo.InvariantCulture, $"{Channel} at {Time:O} (cost {Cost})");
}
