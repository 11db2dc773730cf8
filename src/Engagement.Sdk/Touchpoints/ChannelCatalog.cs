using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;

namespace Engagement.Sdk.Touchpoints;

/// <summary>
/// An immutable set of channels keyed by name (compared ignoring case): the built-in channels and any a host adds.
/// </summary>
/// <remarks>
/// Start from <see cref="Default"/> and add host channels with <see cref="With(Channel)"/>, which returns a new
/// catalogue. Instances are immutable and thread-safe.
/// </remarks>
public sealed class ChannelCatalog
{
    private readonly Dictionary<string, Channel> _byName;

    private ChannelCatalog(Dictionary<string, Channel> byName, ReadOnlyCollection<Channel> channels)
    {
        _byName = byName;
        Channels = channels;
    }

    /// <summary>Gets the catalogue of the built-in channels (<see cref="Touchpoints.Channels.All"/>).</summary>
    public static ChannelCatalog Default { get; } = Create(Touchpoints.Channels.All);

    /// <summary>Gets the channels in the order they were added.</summary>
    public IReadOnlyList<Channel> Channels { get; }

    /// <summary>Gets the number of channels.</summary>
    public int Count => Channels.Count;

    /// <summary>Creates a catalogue from the given channels.</summary>
    /// <param name="channels">The channels; names must be unique ignoring case.</param>
    /// <returns>The catalogue.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="channels"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Two channels share a name.</exception>
    public static ChannelCatalog Create(IEnumerable<Channel> channels)
    {
        ArgumentNullException.ThrowIfNull(channels);
        var byName = new Dictionary<string, Channel>(StringComparer.OrdinalIgnoreCase);
        var list = new List<Channel>();
        foreach (var channel in channels)
        {
            if (!byName.TryAdd(channel.Name, channel))
            {
                throw new ArgumentException($"The catalogue already has a channel named '{channel.Name}'.", nameof(channels));
            }

            list.Add(channel);
        }

        return new ChannelCatalog(byName, list.AsReadOnly());
    }

    /// <summary>Returns a catalogue with the channels of this one and <paramref name="channel"/>.</summary>
    /// <param name="channel">The channel to add.</param>
    /// <returns>A new catalogue; this one is unchanged.</returns>
    /// <exception cref="ArgumentException">The catalogue already has a channel of that name.</exception>
    public ChannelCatalog With(Channel channel) => Create(Channels.Append(channel));

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
}
