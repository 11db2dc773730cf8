using System.Text;
using System.Text.Json.Serialization;

namespace Engagement.Sdk.Journeys;

/// <summary>
/// One step of a funnel: an event name, optionally narrowed to a channel and to a value of a kept property. A small
/// declarative condition rather than a delegate, so that a funnel stays fast (a step becomes a bit in a table indexed
/// by event-name id) and its definition round-trips through JSON.
/// </summary>
/// <remarks>
/// An event matches the step when its name equals <see cref="EventName"/> (ordinally), its channel's name equals
/// <see cref="Channel"/> when one is given (ignoring case, as channels compare), and its value of the property
/// <see cref="PropertyKey"/> equals <see cref="PropertyValue"/> (ordinally) when a property is given. Steps are equal
/// when their conditions are. Immutable and thread-safe.
/// </remarks>
public sealed class FunnelStep : IEquatable<FunnelStep>
{
    /// <summary>Creates a step.</summary>
    /// <param name="eventName">The event name to match; not empty or white space.</param>
    /// <param name="channel">The name of the channel the event must come from, or <see langword="null"/> for any.</param>
    /// <param name="propertyKey">The key of a property the event must have, or <see langword="null"/>; given together
    /// with <paramref name="propertyValue"/>. The log must keep the property.</param>
    /// <param name="propertyValue">The value that property must have, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="eventName"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A name is empty or white space, the channel name is not a valid channel name,
    /// or only one of <paramref name="propertyKey"/> and <paramref name="propertyValue"/> is given.</exception>
    [JsonConstructor]
    public FunnelStep(string eventName, string? channel = null, string? propertyKey = null, string? propertyValue = null)
    {
        EventName = Validation.NotBlank(eventName, nameof(eventName));
        Channel = channel is null ? null : Validation.Name(channel, nameof(channel), "channel name");
        if ((propertyKey is null) != (propertyValue is null))
        {
            throw new ArgumentException(
                $"A property condition needs both a key and a value; got key {Quote(propertyKey)} and value {Quote(propertyValue)}.",
                propertyKey is null ? nameof(propertyKey) : nameof(propertyValue));
        }

        PropertyKey = propertyKey is null ? null : Validation.NotBlank(propertyKey, nameof(propertyKey));
        PropertyValue = propertyValue;
    }

    /// <summary>Gets the event name to match.</summary>
    public string EventName { get; }

    /// <summary>Gets the name of the channel the event must come from, or <see langword="null"/> for any channel.</summary>
    public string? Channel { get; }

    /// <summary>Gets the key of the property the event must have, or <see langword="null"/> for no property condition.</summary>
    public string? PropertyKey { get; }

    /// <summary>Gets the value the property must have, or <see langword="null"/>.</summary>
    public string? PropertyValue { get; }

    /// <summary>Gets whether the step matches on the event name alone.</summary>
    [JsonIgnore]
    public bool IsEventNameOnly => Channel is null && PropertyKey is null;

    /// <summary>Returns the step that matches every event of a name.</summary>
    /// <param name="eventName">The event name; not empty or white space.</param>
    /// <returns>The step.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="eventName"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="eventName"/> is empty or white space.</exception>
    public static FunnelStep Event(string eventName) => new(eventName);

    /// <summary>Returns whether two steps are equal.</summary>
    /// <param name="left">The first step.</param>
    /// <param name="right">The second step.</param>
    /// <returns><see langword="true"/> when their conditions are equal.</returns>
    public static bool operator ==(FunnelStep? left, FunnelStep? right) => Equals(left, right);

    /// <summary>Returns whether two steps differ.</summary>
    /// <param name="left">The first step.</param>
    /// <param name="right">The second step.</param>
    /// <returns><see langword="true"/> when a condition differs.</returns>
    public static bool operator !=(FunnelStep? left, FunnelStep? right) => !Equals(left, right);

    /// <inheritdoc />
    public bool Equals(FunnelStep? other) =>
        other is not null
        && string.Equals(EventName, other.EventName, StringComparison.Ordinal)
        && string.Equals(Channel, other.Channel, StringComparison.OrdinalIgnoreCase)
        && string.Equals(PropertyKey, other.PropertyKey, StringComparison.Ordinal)
        && string.Equals(PropertyValue, other.PropertyValue, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as FunnelStep);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(
        StringComparer.Ordinal.GetHashCode(EventName),
        Channel is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Channel),
        PropertyKey,
        PropertyValue);

    /// <summary>Returns the step as <c>payment_done</c>, <c>payment_done on email</c> or <c>payment_done where platform = ios</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString()
    {
        var text = new StringBuilder(Validation.Echo(EventName));
        if (Channel is not null)
        {
            text.Append(" on ").Append(Validation.Echo(Channel));
        }

        if (PropertyKey is not null)
        {
            text.Append(" where ").Append(Validation.Echo(PropertyKey)).Append(" = ").Append(Validation.Echo(PropertyValue!));
        }

        return text.ToString();
    }

    private static string Quote(string? value) => value is null ? "null" : $"'{Validation.Echo(value)}'";
}
