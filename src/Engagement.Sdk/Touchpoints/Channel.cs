using System.Text.Json.Serialization;

namespace Engagement.Sdk.Touchpoints;

/// <summary>
/// A channel through which a customer and a brand meet: a validated name, the <see cref="MediaType"/> that says who
/// owns the exposure, and the <see cref="ChannelKind"/> that says how contact is made.
/// </summary>
/// <remarks>
/// <para>
/// The built-in channels are on <see cref="Channels"/>; hosts create their own with the constructor and can add them
/// to a <see cref="ChannelCatalog"/>. Two channels are equal when their names (compared ordinally ignoring case, as the
/// catalogue compares them), media types and kinds are equal; <see cref="Name"/> keeps the case it was given.
/// </para>
/// <para>
/// <c>default(Channel)</c> is <see cref="Unspecified"/>: the name <c>unspecified</c>, <see cref="MediaType.Unspecified"/>
/// and <see cref="ChannelKind.Other"/>. This type is an immutable value and is thread-safe.
/// </para>
/// </remarks>
public readonly struct Channel : IEquatable<Channel>
{
    /// <summary>The longest name a channel may have, in UTF-16 code units.</summary>
    public const int MaxNameLength = Validation.MaxNameLength;

    private const string UnspecifiedName = "unspecified";

    private readonly string? _name;

    /// <summary>Creates a channel.</summary>
    /// <param name="name">
    /// The channel's name: 1 to <see cref="MaxNameLength"/> UTF-16 code units, no leading or trailing white space, and
    /// no control characters, bidirectional controls (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069),
    /// zero-width characters (U+200B–U+200D, U+2060, U+FEFF) or lone surrogates. Built-in channels use lower-case
    /// kebab-case names such as <c>live-chat</c>.
    /// </param>
    /// <param name="mediaType">Who owns the exposure.</param>
    /// <param name="kind">The mode of contact.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty, too long, padded with white space or holds a
    /// forbidden character; the message gives the character as U+XXXX and its index.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mediaType"/> or <paramref name="kind"/> is not a
    /// defined value.</exception>
    [JsonConstructor]
    public Channel(string name, MediaType mediaType, ChannelKind kind)
    {
        _name = Validation.Name(name, nameof(name), "channel name");
        MediaType = Validation.Defined(mediaType, nameof(mediaType));
        Kind = Validation.Defined(kind, nameof(kind));
    }

    /// <summary>Gets the channel that says nothing: the value of <c>default(Channel)</c>.</summary>
    public static Channel Unspecified => default;

    /// <summary>Gets the channel's name.</summary>
    public string Name => _name ?? UnspecifiedName;

    /// <summary>Gets who owns the exposure this channel gives.</summary>
    public MediaType MediaType { get; }

    /// <summary>Gets the mode of contact this channel offers.</summary>
    public ChannelKind Kind { get; }

    /// <summary>Returns whether two channels are equal.</summary>
    /// <param name="left">The first channel.</param>
    /// <param name="right">The second channel.</param>
    /// <returns><see langword="true"/> when name (ignoring case), media type and kind are equal.</returns>
    public static bool operator ==(Channel left, Channel right) => left.Equals(right);

    /// <summary>Returns whether two channels differ.</summary>
    /// <param name="left">The first channel.</param>
    /// <param name="right">The second channel.</param>
    /// <returns><see langword="true"/> when name (ignoring case), media type or kind differ.</returns>
    public static bool operator !=(Channel left, Channel right) => !left.Equals(right);

    /// <summary>Returns whether this channel equals another: same name ignoring case, media type and kind.</summary>
    /// <param name="other">The other channel.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public bool Equals(Channel other) =>
        string.Equals(Name, other.Name, StringComparison.OrdinalIgnoreCase) && MediaType == other.MediaType && Kind == other.Kind;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Channel other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(Name), MediaType, Kind);

    /// <summary>Returns the channel as <c>name (MediaType Kind)</c>, for example <c>email (Owned Email)</c>.</summary>
    /// <returns>A readable description of the channel.</returns>
    public override string ToString() => $"{Name} ({MediaType} {Kind})";
}
