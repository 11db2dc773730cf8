using System.Globalization;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.Responses;

/// <summary>One of a customer's latest events as a predicate trigger sees it: when, what, and on which channel.</summary>
/// <remarks>Equal when the three parts are equal (the timestamp as an instant, the name ordinally). An immutable value;
/// thread-safe.</remarks>
public readonly struct RecentEvent : IEquatable<RecentEvent>
{
    private readonly string? _name;

    /// <summary>Creates a recent event.</summary>
    /// <param name="timestamp">When it happened.</param>
    /// <param name="name">What happened.</param>
    /// <param name="channel">The channel it happened on.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    public RecentEvent(DateTimeOffset timestamp, string name, Channel channel)
    {
        ArgumentNullException.ThrowIfNull(name);
        Timestamp = timestamp;
        _name = name;
        Channel = channel;
    }

    /// <summary>Gets when it happened.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>Gets what happened; empty for <c>default</c>.</summary>
    public string Name => _name ?? string.Empty;

    /// <summary>Gets the channel it happened on.</summary>
    public Channel Channel { get; }

    /// <summary>Returns whether two recent events are equal.</summary>
    /// <param name="left">The first event.</param>
    /// <param name="right">The second event.</param>
    /// <returns><see langword="true"/> when the three parts are equal.</returns>
    public static bool operator ==(RecentEvent left, RecentEvent right) => left.Equals(right);

    /// <summary>Returns whether two recent events differ.</summary>
    /// <param name="left">The first event.</param>
    /// <param name="right">The second event.</param>
    /// <returns><see langword="true"/> when a part differs.</returns>
    public static bool operator !=(RecentEvent left, RecentEvent right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(RecentEvent other) =>
        Timestamp.Equals(other.Timestamp) && string.Equals(Name, other.Name, StringComparison.Ordinal) && Channel == other.Channel;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RecentEvent other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Timestamp, StringComparer.Ordinal.GetHashCode(Name), Channel);

    /// <summary>Returns the event as <c>timestamp name on channel</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Timestamp:O} {Name} on {Channel.Name}");
}
