using System.Text.Json.Serialization;
using Engagement.Sdk.Journeys;

namespace Engagement.Sdk.Attribution;

/// <summary>
/// How <see cref="ConversionPaths.FromEventLog"/> cuts an <see cref="EventLog"/> into conversion paths: which events
/// convert, how far back a conversion looks for its touches, where a touch's channel comes from, which events are
/// touches, and whether repeats of a channel collapse.
/// </summary>
/// <remarks>
/// <para>
/// Each customer's events are read in time order. A <em>touch</em> is an event that is not a conversion event, is one of
/// <see cref="TouchEvents"/> (every other event when that is <see langword="null"/>), and has a channel: the value of
/// the property <see cref="ChannelProperty"/> when one is named and the event has a non-blank value for it, otherwise
/// the event's <see cref="EngagementEvent.Channel"/> unless it is <see cref="Touchpoints.Channel.Unspecified"/>. An
/// event with neither is no touch.
/// </para>
/// <para>
/// A <em>conversion</em> (an event named in <see cref="ConversionEvents"/>) closes a converting path made of the
/// touches since the customer's previous conversion that lie within <see cref="Lookback"/> before it (a touch at time
/// t belongs to a conversion at time T when T − <see cref="Lookback"/> ≤ t ≤ T; touches at the conversion's instant
/// count as before it). Its value is the event's value (0 without one); several conversion events at one instant share
/// one path, with as many conversions and their values added up. Then the touches start afresh: touches before
/// the conversion that were outside its lookback belong to no path. A conversion without a touch in its lookback makes
/// no path (a path needs a touch). Touches left after a customer's last conversion make one path that did not convert.
/// </para>
/// <para>
/// Equal when every part is equal, event-name lists compared as sets. Immutable and thread-safe.
/// </para>
/// </remarks>
public sealed class ConversionPathDefinition : IEquatable<ConversionPathDefinition>
{
    /// <summary>Creates a definition.</summary>
    /// <param name="conversionEvents">The names of the conversion events (such as <c>purchase</c>), compared ordinally;
    /// at least one, distinct, none blank.</param>
    /// <param name="lookback">How long before a conversion its touches may be (closed at both ends); greater than zero.
    /// Thirty days is a common choice (Google Analytics' default for acquisition events is 30 days).</param>
    /// <param name="channelProperty">The key of the event property that names a touch's channel (for example a UTM
    /// source); the log must keep it. <see langword="null"/> (the default) to use each event's channel.</param>
    /// <param name="touchEvents">The names of the events that may be touches; distinct, none blank, none a conversion
    /// event. <see langword="null"/> (the default) for every event that is not a conversion event.</param>
    /// <param name="collapseRepeats">Whether consecutive touches of one channel on a path count as one (the latest).
    /// The default is <see langword="false"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="conversionEvents"/> or a name in a list is
    /// <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="conversionEvents"/> or <paramref name="touchEvents"/> is empty
    /// or holds a blank or repeated name; a touch event is also a conversion event; or
    /// <paramref name="channelProperty"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lookback"/> is zero or less.</exception>
    public ConversionPathDefinition(
        IEnumerable<string> conversionEvents,
        TimeSpan lookback,
        string? channelProperty = null,
        IEnumerable<string>? touchEvents = null,
        bool collapseRepeats = false)
    {
        ArgumentNullException.ThrowIfNull(conversionEvents);
        ConversionEvents = EventNameSet.Copy([.. conversionEvents], nameof(conversionEvents), allowEmpty: false);
        Lookback = SessionDefinition.Positive(lookback, nameof(lookback));
        ChannelProperty = channelProperty is null ? null : Validation.NotBlank(channelProperty, nameof(channelProperty));
        if (touchEvents is not null)
        {
            var touches = EventNameSet.Copy([.. touchEvents], nameof(touchEvents), allowEmpty: false);
            foreach (var name in touches)
            {
                if (ConversionEvents.Contains(name, StringComparer.Ordinal))
                {
                    throw new ArgumentException(
                        AttributionChecks.Text(
                            $"The event '{Validation.Echo(name)}' cannot be both a touch and a conversion event (conversions: {EventNameSet.Describe(ConversionEvents)})."),
                        nameof(touchEvents));
                }
            }

            TouchEvents = touches;
        }

        CollapseRepeats = collapseRepeats;
    }

    // The JSON constructor: System.Text.Json binds a parameter only to a property of the same type.
    [JsonConstructor]
    internal ConversionPathDefinition(
        IReadOnlyList<string> conversionEvents, TimeSpan lookback, string? channelProperty = null, IReadOnlyList<string>? touchEvents = null, bool collapseRepeats = false)
        : this((IEnumerable<string>)conversionEvents, lookback, channelProperty, touchEvents, collapseRepeats)
    {
    }

    /// <summary>Gets the names of the conversion events, compared ordinally, in the order given.</summary>
    public IReadOnlyList<string> ConversionEvents { get; }

    /// <summary>Gets how long before a conversion its touches may be (closed at both ends).</summary>
    public TimeSpan Lookback { get; }

    /// <summary>Gets the key of the event property that names a touch's channel, or <see langword="null"/> to use each
    /// event's channel.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? ChannelProperty { get; }

    /// <summary>Gets the names of the events that may be touches, or <see langword="null"/> for every event that is not
    /// a conversion event.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public IReadOnlyList<string>? TouchEvents { get; }

    /// <summary>Gets whether consecutive touches of one channel on a path count as one (the latest, so its age is the
    /// smallest).</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool CollapseRepeats { get; }

    /// <summary>Returns whether two definitions are equal.</summary>
    /// <param name="left">The first definition.</param>
    /// <param name="right">The second definition.</param>
    /// <returns><see langword="true"/> when every part is equal.</returns>
    public static bool operator ==(ConversionPathDefinition? left, ConversionPathDefinition? right) => Equals(left, right);

    /// <summary>Returns whether two definitions differ.</summary>
    /// <param name="left">The first definition.</param>
    /// <param name="right">The second definition.</param>
    /// <returns><see langword="true"/> when a part differs.</returns>
    public static bool operator !=(ConversionPathDefinition? left, ConversionPathDefinition? right) => !Equals(left, right);

    /// <inheritdoc />
    public bool Equals(ConversionPathDefinition? other) =>
        other is not null
        && Lookback == other.Lookback
        && CollapseRepeats == other.CollapseRepeats
        && string.Equals(ChannelProperty, other.ChannelProperty, StringComparison.Ordinal)
        && EventNameSet.SetEquals(ConversionEvents, other.ConversionEvents)
        && (TouchEvents is null
            ? other.TouchEvents is null
            : other.TouchEvents is not null && EventNameSet.SetEquals(TouchEvents, other.TouchEvents));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ConversionPathDefinition);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(
        Lookback,
        CollapseRepeats,
        ChannelProperty is null ? 0 : StringComparer.Ordinal.GetHashCode(ChannelProperty),
        EventNameSet.SetHash(ConversionEvents),
        TouchEvents is null ? -1 : EventNameSet.SetHash(TouchEvents));

    /// <summary>Returns the definition as <c>paths to purchase, touches of every other event on the event's channel
    /// within 30.00:00:00</c>, with <c>repeats collapsed</c> when they are.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() => AttributionChecks.Text(
        $"paths to {EventNameSet.Describe(ConversionEvents)}, touches of {(TouchEvents is null ? "every other event" : EventNameSet.Describe(TouchEvents))} on {(ChannelProperty is null ? "the event's channel" : $"property '{Validation.Echo(ChannelProperty)}' or the event's channel")} within {SessionDefinition.Format(Lookback)}{(CollapseRepeats ? ", repeats collapsed" : "")}");
}
