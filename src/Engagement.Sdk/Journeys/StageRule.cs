using System.Collections.ObjectModel;
using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.Journeys;

/// <summary>
/// One rule that puts an event in a <see cref="JourneyStage"/>: a small declarative condition on the event's name and
/// channel, so that it can be saved as JSON and read back. A rule matches an event when every condition it sets holds.
/// </summary>
/// <remarks>
/// <para>
/// The conditions: the event's name is one of <see cref="EventNames"/> (ordinal); the channel's name is one of
/// <see cref="Channels"/> (ignoring case, as channels compare names); the channel's media type is
/// <see cref="MediaType"/>; its kind is <see cref="ChannelKind"/>. A condition left empty or <see langword="null"/> holds
/// for every event, so a rule with none matches everything (a catch-all for the end of a rule list). Use
/// <see cref="ForEvents"/> and <see cref="ForChannels"/> for the common cases and the constructor for a predicate
/// that combines them.
/// </para>
/// <para>Rules are equal when their stage and conditions are equal (lists in order). Immutable and thread-safe.</para>
/// </remarks>
public sealed class StageRule : IEquatable<StageRule>
{
    /// <summary>Creates a rule.</summary>
    /// <param name="stage">The stage an event that matches is in; not <see cref="JourneyStage.Unspecified"/>.</param>
    /// <param name="eventNames">The event names that match, compared ordinally; empty for any. Not blank, distinct.</param>
    /// <param name="channels">The channel names that match, compared ignoring case; empty for any. Valid channel names,
    /// distinct ignoring case.</param>
    /// <param name="mediaType">The media type the event's channel must have, or <see langword="null"/> for any.</param>
    /// <param name="channelKind">The kind the event's channel must have, or <see langword="null"/> for any.</param>
    /// <exception cref="ArgumentNullException"><paramref name="eventNames"/> or <paramref name="channels"/> is
    /// <see langword="null"/>, or holds <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="stage"/> is unspecified, or a name is blank, invalid or
    /// repeated.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mediaType"/> or <paramref name="channelKind"/> is
    /// not a defined value.</exception>
    [JsonConstructor]
    public StageRule(
        JourneyStage stage,
        IReadOnlyList<string> eventNames,
        IReadOnlyList<string> channels,
        MediaType? mediaType = null,
        ChannelKind? channelKind = null)
    {
        if (stage.IsUnspecified)
        {
            throw new ArgumentException("A stage rule needs a stage; got Unspecified.", nameof(stage));
        }

        Stage = stage;
        EventNames = Distinct(eventNames, nameof(eventNames), StringComparer.Ordinal, name => Validation.NotBlank(name, nameof(eventNames)));
        Channels = Distinct(channels, nameof(channels), StringComparer.OrdinalIgnoreCase, name => Validation.Name(name, nameof(channels), "channel name"));
        MediaType = mediaType is { } media ? Validation.Defined(media, nameof(mediaType)) : null;
        ChannelKind = channelKind is { } kind ? Validation.Defined(kind, nameof(channelKind)) : null;
    }

    /// <summary>Gets the stage an event that matches is in.</summary>
    public JourneyStage Stage { get; }

    /// <summary>Gets the event names that match (ordinal); empty for any.</summary>
    public IReadOnlyList<string> EventNames { get; }

    /// <summary>Gets the channel names that match (ignoring case); empty for any.</summary>
    public IReadOnlyList<string> Channels { get; }

    /// <summary>Gets the media type the event's channel must have, or <see langword="null"/> for any.</summary>
    public MediaType? MediaType { get; }

    /// <summary>Gets the kind the event's channel must have, or <see langword="null"/> for any.</summary>
    public ChannelKind? ChannelKind { get; }

    /// <summary>Returns a rule that puts events of the given names in a stage, whatever their channel.</summary>
    /// <param name="stage">The stage.</param>
    /// <param name="eventNames">The event names, at least one.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="eventNames"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="eventNames"/> is empty, or see the constructor.</exception>
    public static StageRule ForEvents(JourneyStage stage, params IReadOnlyList<string> eventNames)
    {
        ArgumentNullException.ThrowIfNull(eventNames);
        RequireAny(eventNames.Count, nameof(eventNames));
        return new StageRule(stage, eventNames, []);
    }

    /// <summary>Returns a rule that puts every event on the given channels in a stage, whatever its name.</summary>
    /// <param name="stage">The stage.</param>
    /// <param name="channels">The channels, at least one; matched by name, ignoring case.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="channels"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="channels"/> is empty, or see the constructor.</exception>
    public static StageRule ForChannels(JourneyStage stage, params IReadOnlyList<Channel> channels)
    {
        ArgumentNullException.ThrowIfNull(channels);
        RequireAny(channels.Count, nameof(channels));
        var names = new string[channels.Count];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = channels[i].Name;
        }

        return new StageRule(stage, [], names);
    }

    /// <summary>Returns whether the rule matches an event.</summary>
    /// <param name="eventName">The event's name.</param>
    /// <param name="channel">The event's channel.</param>
    /// <returns><see langword="true"/> when every condition of the rule holds.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="eventName"/> is <see langword="null"/>.</exception>
    public bool Matches(string eventName, Channel channel)
    {
        ArgumentNullException.ThrowIfNull(eventName);
        return MatchesName(eventName) && MatchesChannel(channel);
    }

    /// <inheritdoc />
    public bool Equals(StageRule? other) =>
        other is not null
        && Stage == other.Stage
        && EventNames.SequenceEqual(other.EventNames, StringComparer.Ordinal)
        && Channels.SequenceEqual(other.Channels, StringComparer.OrdinalIgnoreCase)
        && MediaType == other.MediaType
        && ChannelKind == other.ChannelKind;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as StageRule);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Stage, EventNames.Count, Channels.Count, MediaType, ChannelKind);

    /// <summary>Returns the rule as <c>Decision ← name in [add_to_cart, cart]</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString()
    {
        var text = new StringBuilder().Append(Stage.Name).Append(" ←");
        var any = true;
        if (EventNames.Count > 0)
        {
            text.Append(" name in [").AppendJoin(", ", EventNames).Append(']');
            any = false;
        }

        if (Channels.Count > 0)
        {
            text.Append(any ? " " : " and ").Append("channel in [").AppendJoin(", ", Channels).Append(']');
            any = false;
        }

        if (MediaType is { } media)
        {
            text.Append(any ? " " : " and ").Append(CultureInfo.InvariantCulture, $"media {media}");
            any = false;
        }

        if (ChannelKind is { } kind)
        {
            text.Append(any ? " " : " and ").Append(CultureInfo.InvariantCulture, $"kind {kind}");
            any = false;
        }

        return any ? text.Append(" any event").ToString() : text.ToString();
    }

    internal bool MatchesName(string eventName)
    {
        if (EventNames.Count == 0)
        {
            return true;
        }

        foreach (var name in EventNames)
        {
            if (string.Equals(name, eventName, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    internal bool MatchesChannel(Channel channel)
    {
        if ((MediaType is { } media && channel.MediaType != media) || (ChannelKind is { } kind && channel.Kind != kind))
        {
            return false;
        }

        if (Channels.Count == 0)
        {
            return true;
        }

        foreach (var name in Channels)
        {
            if (string.Equals(name, channel.Name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static void RequireAny(int count, string paramName)
    {
        if (count == 0)
        {
            throw new ArgumentException("Give at least one; got none.", paramName);
        }
    }

    private static ReadOnlyCollection<string> Distinct(
        IReadOnlyList<string> values, string paramName, StringComparer comparer, Func<string, string> validate)
    {
        ArgumentNullException.ThrowIfNull(values, paramName);
        var seen = new HashSet<string>(comparer);
        var copy = new string[values.Count];
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = validate(values[i] ?? throw new ArgumentNullException(paramName, string.Create(CultureInfo.InvariantCulture, $"The name at index {i} is null.")));
            if (!seen.Add(copy[i]))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"The name at index {i}, '{Validation.Echo(copy[i])}', appears more than once."),
                    paramName);
            }
        }

        return Array.AsReadOnly(copy);
    }
}
