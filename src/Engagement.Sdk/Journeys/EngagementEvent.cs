using System.Collections.ObjectModel;
using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.Journeys;

/// <summary>
/// One thing a customer did, or had done to them, on a channel at a moment in time: a page view, an email open, a
/// purchase, a chat. The raw material of journeys, funnels and attribution.
/// </summary>
/// <remarks>
/// Events are equal when every field is equal: timestamps as instants (<see cref="DateTimeOffset.Equals(DateTimeOffset)"/>),
/// strings ordinally and properties as sets of key/value pairs. The properties given are copied. Instances are
/// immutable and thread-safe.
/// </remarks>
public sealed class EngagementEvent : IEquatable<EngagementEvent>
{
    private static readonly IReadOnlyDictionary<string, string> NoProperties =
        ReadOnlyDictionary<string, string>.Empty;

    /// <summary>Creates an event.</summary>
    /// <param name="eventId">The event's id, unique within the host's data; not empty or white space.</param>
    /// <param name="customerId">The customer's id; not empty or white space.</param>
    /// <param name="timestamp">When the event happened.</param>
    /// <param name="name">What happened, for example <c>product_view</c> or <c>purchase</c>; not empty or white space.</param>
    /// <param name="channel">The channel it happened on.</param>
    /// <param name="stage">The journey stage, when the host knows it; <see cref="JourneyStage.Unspecified"/> counts as
    /// <see langword="null"/>.</param>
    /// <param name="value">A monetary or other value attached to the event (an order total), if any.</param>
    /// <param name="currency">The ISO 4217 code of <paramref name="value"/> (three upper-case letters), if it is money.</param>
    /// <param name="properties">Further attributes; keys must not be empty and values must not be <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="eventId"/>, <paramref name="customerId"/> or
    /// <paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A string is empty or white space; <paramref name="currency"/> is not three
    /// upper-case letters or is given without a <paramref name="value"/>; a property key is empty or a value is
    /// <see langword="null"/>.</exception>
    [JsonConstructor]
    public EngagementEvent(
        string eventId,
        string customerId,
        DateTimeOffset timestamp,
        string name,
        Channel channel,
        JourneyStage? stage = null,
        decimal? value = null,
        string? currency = null,
        IReadOnlyDictionary<string, string>? properties = null)
    {
        EventId = Validation.NotBlank(eventId, nameof(eventId));
        CustomerId = Validation.NotBlank(customerId, nameof(customerId));
        Timestamp = timestamp;
        Name = Validation.NotBlank(name, nameof(name));
        Channel = channel;
        // JSON writes Unspecified as null, so keeping it apart from null would not survive a round trip.
        Stage = stage is { IsUnspecified: false } ? stage : null;
        Value = value;
        Currency = currency is null ? null : ValidateCurrency(currency, value);
        Properties = properties is null || properties.Count == 0 ? NoProperties : CopyProperties(properties);
    }

    /// <summary>Gets the event's id.</summary>
    public string EventId { get; }

    /// <summary>Gets the customer's id.</summary>
    public string CustomerId { get; }

    /// <summary>Gets when the event happened.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>Gets what happened.</summary>
    public string Name { get; }

    /// <summary>Gets the channel it happened on.</summary>
    public Channel Channel { get; }

    /// <summary>Gets the journey stage, or <see langword="null"/> if the host did not say; never <see cref="JourneyStage.Unspecified"/>.</summary>
    public JourneyStage? Stage { get; }

    /// <summary>Gets the value attached to the event, or <see langword="null"/>.</summary>
    public decimal? Value { get; }

    /// <summary>Gets the ISO 4217 currency of <see cref="Value"/>, or <see langword="null"/>.</summary>
    public string? Currency { get; }

    /// <summary>Gets further attributes of the event; empty when there are none.</summary>
    public IReadOnlyDictionary<string, string> Properties { get; }

    /// <inheritdoc />
    public bool Equals(EngagementEvent? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (string.Equals(EventId, other.EventId, StringComparison.Ordinal)
                && string.Equals(CustomerId, other.CustomerId, StringComparison.Ordinal)
                && Timestamp.Equals(other.Timestamp)
                && string.Equals(Name, other.Name, StringComparison.Ordinal)
                && Channel == other.Channel
                && Nullable.Equals(Stage, other.Stage)
                && Value == other.Value
                && string.Equals(Currency, other.Currency, StringComparison.Ordinal)
                && PropertiesEqual(Properties, other.Properties)));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as EngagementEvent);

    /// <inheritdoc />
    public override int GetHashCode() =>
        HashCode.Combine(
            StringComparer.Ordinal.GetHashCode(EventId),
            StringComparer.Ordinal.GetHashCode(CustomerId),
            Timestamp,
            StringComparer.Ordinal.GetHashCode(Name),
            Channel,
            Stage,
            Value,
            Properties.Count);

    /// <summary>
    /// Returns the event as <c>timestamp customer name on channel</c> with stage and value when present, for example
    /// <c>2026-01-05T10:00:00.0000000+00:00 c42 purchase on website @ Decision (59.90 EUR)</c>.
    /// </summary>
    /// <returns>A readable description.</returns>
    public override string ToString()
    {
        var text = new StringBuilder()
            .Append(Timestamp.ToString("O", CultureInfo.InvariantCulture))
            .Append(' ').Append(CustomerId)
            .Append(' ').Append(Name)
            .Append(" on ").Append(Channel.Name);
        if (Stage is { } stage)
        {
            text.Append(" @ ").Append(stage.Name);
        }

        if (Value is { } value)
        {
            text.Append(" (").Append(value.ToString(CultureInfo.InvariantCulture));
            if (Currency is not null)
            {
                text.Append(' ').Append(Currency);
            }

            text.Append(')');
        }

        return text.ToString();
    }

    private static string ValidateCurrency(string currency, decimal? value)
    {
        if (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper))
        {
            throw new ArgumentException(
                $"A currency must be an ISO 4217 code of three upper-case letters; got '{Validation.Echo(currency)}'.", nameof(currency));
        }

        if (value is null)
        {
            throw new ArgumentException($"A currency ('{Validation.Echo(currency)}') was given without a value.", nameof(currency));
        }

        return currency;
    }

    private static ReadOnlyDictionary<string, string> CopyProperties(IReadOnlyDictionary<string, string> properties)
    {
        var copy = new Dictionary<string, string>(properties.Count, StringComparer.Ordinal);
        foreach (var (key, value) in properties)
        {
            if (string.IsNullOrEmpty(key))
            {
                throw new ArgumentException("A property key must not be empty.", nameof(properties));
            }

            copy[key] = value ?? throw new ArgumentException($"Property '{Validation.Echo(key)}' has a null value.", nameof(properties));
        }

        return copy.AsReadOnly();
    }

    private static bool PropertiesEqual(IReadOnlyDictionary<string, string> left, IReadOnlyDictionary<string, string> right)
    {
        if (left.Count != right.Count)
        {
            return false;
        }

        foreach (var (key, value) in left)
        {
            if (!right.TryGetValue(key, out var other) || !string.Equals(value, other, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
