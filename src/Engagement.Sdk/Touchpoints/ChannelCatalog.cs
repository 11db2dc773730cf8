using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Sdk.Touchpoints;

/// <summary>
/// An immutable set of channels keyed by name (compared ignoring case): the built-in channels and any a host adds.
/// </summary>
/// <remarks>
/// Start from <see cref="Default"/> and add host channels with <see cref="With(Channel)"/>, which returns a new
/// catalogue. Names compare as <see cref="Channel"/> equality compares them, ordinally ignoring case. In JSON a
/// catalogue is <c>{"channels":[...]}</c>. Instances are immutable and thread-safe.
/// </remarks>
public sealed class ChannelCatalog : IEquatable<ChannelCatalog>
{
    private readonly Dictionary<string, Channel> _byName;

    /// <summary>Creates a catalogue from the given channels.</summary>
    /// <param name="channels">The channels, in order; names must be unique ignoring case. The list is copied.</param>
    /// <exception cref="ArgumentNullException"><paramref name="channels"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Two channels share a name ignoring case; the message gives both and the
    /// index of the second.</exception>
    [JsonConstructor]
    public ChannelCatalog(IReadOnlyList<Channel> channels)
    {
        ArgumentNullException.ThrowIfNull(channels);
        var copy = new Channel[channels.Count];
        _byName = new Dictionary<string, Channel>(copy.Length, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < copy.Length; i++)
        {
            var channel = channels[i];
            if (!_byName.TryAdd(channel.Name, channel))
            {
                throw new ArgumentException(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"Channel names must be unique ignoring case; the channel at index {i}, '{Validation.Echo(channel.Name)}', repeats '{Validation.Echo(_byName[channel.Name].Name)}'."),
                    nameof(channels));
            }

            copy[i] = channel;
        }

        Channels = Array.AsReadOnly(copy);
    }

    /// <summary>Gets the catalogue of the built-in channels (<see cref="Touchpoints.Channels.All"/>).</summary>
    public static ChannelCatalog Default { get; } = new(Touchpoints.Channels.All);

    /// <summary>Gets the channels in the order they were added.</summary>
    public IReadOnlyList<Channel> Channels { get; }

    /// <summary>Gets the number of channels.</summary>
    [JsonIgnore]
    public int Count => Channels.Count;

    /// <summary>Creates a catalogue from the given channels.</summary>
    /// <param name="channels">The channels; names must be unique ignoring case.</param>
    /// <returns>The catalogue.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="channels"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Two channels share a name ignoring case.</exception>
    public static ChannelCatalog Create(IEnumerable<Channel> channels)
    {
        ArgumentNullException.ThrowIfNull(channels);
        return new ChannelCatalog([.. channels]);
    }

    /// <summary>Returns a catalogue with the channels of this one and <paramref name="channel"/>.</summary>
    /// <param name="channel">The channel to add.</param>
    /// <returns>A new catalogue; this one is unchanged.</returns>
    /// <exception cref="ArgumentException">The catalogue already has a channel of that name, ignoring case.</exception>
    public ChannelCatalog With(Channel channel)
    {
        if (_byName.TryGetValue(channel.Name, out var existing))
        {
            throw new ArgumentException(
                $"The catalogue already has a channel named '{Validation.Echo(existing.Name)}'; '{Validation.Echo(channel.Name)}' has the same name, ignoring case.",
                nameof(channel));
        }

        return new ChannelCatalog([.. Channels, channel]);
    }

    /// <summary>Returns whether the catalogue has a channel of the given name.</summary>
    /// <param name="name">The name, compared ignoring case.</param>
    /// <returns><see langword="true"/> if it does.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    public bool Contains(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _byName.ContainsKey(name);
    }

    /// <summary>Looks up a channel by name.</summary>
    /// <param name="name">The name, compared ignoring case.</param>
    /// <param name="channel">The channel found, or <see cref="Channel.Unspecified"/>.</param>
    /// <returns><see langword="true"/> if the catalogue has the channel.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    public bool TryGet(string name, [MaybeNullWhen(false)] out Channel channel)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _byName.TryGetValue(name, out channel);
    }

    /// <summary>Gets a channel by name.</summary>
    /// <param name="name">The name, compared ignoring case.</param>
    /// <returns>The channel.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">The catalogue has no channel of that name.</exception>
    public Channel Get(string name) =>
        TryGet(name, out var channel)
            ? channel
            : throw new KeyNotFoundException($"The channel catalogue has no channel named '{Validation.Echo(name)}'.");

    /// <summary>Returns whether two catalogues hold equal channels in the same order.</summary>
    /// <param name="other">The other catalogue.</param>
    /// <returns><see langword="true"/> when they do.</returns>
    public bool Equals(ChannelCatalog? other) => other is not null && Channels.SequenceEqual(other.Channels);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ChannelCatalog);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var channel in Channels)
        {
            hash.Add(channel);
        }

        return hash.ToHashCode();
    }
}
