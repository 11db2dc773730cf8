using System.Text.Json.Serialization;
using Engagement.Sdk.Journeys;

namespace Engagement.Sdk.Touchpoints;

/// <summary>
/// A point of contact on a customer's journey: a <see cref="Channel"/> used at a <see cref="JourneyStage"/>, with an
/// optional name such as <c>abandoned-cart email</c>.
/// </summary>
/// <remarks>
/// Two touchpoints are equal when channel (see <see cref="Channel.Equals(Channel)"/>), stage and name (ordinal) are
/// equal. <c>default(Touchpoint)</c> has the
/// unspecified channel and stage and no name. This type is an immutable value and is thread-safe.
/// </remarks>
public readonly struct Touchpoint : IEquatable<Touchpoint>
{
    /// <summary>Creates a touchpoint.</summary>
    /// <param name="channel">The channel of contact.</param>
    /// <param name="stage">The journey stage at which contact happens.</param>
    /// <param name="name">An optional name; when given it must not be empty or white space.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space.</exception>
    [JsonConstructor]
    public Touchpoint(Channel channel, JourneyStage stage, string? name = null)
    {
        Channel = channel;
        Stage = stage;
        Name = name is null ? null : Validation.NotBlank(name, nameof(name));
    }

    /// <summary>Gets the channel of contact.</summary>
    public Channel Channel { get; }

    /// <summary>Gets the journey stage at which contact happens.</summary>
    public JourneyStage Stage { get; }

    /// <summary>Gets the touchpoint's name, or <see langword="null"/> if it has none.</summary>
    public string? Name { get; }

    /// <summary>Returns whether two touchpoints are equal.</summary>
    /// <param name="left">The first touchpoint.</param>
    /// <param name="right">The second touchpoint.</param>
    /// <returns><see langword="true"/> when channel, stage and name are equal.</returns>
    public static bool operator ==(Touchpoint left, Touchpoint right) => left.Equals(right);

    /// <summary>Returns whether two touchpoints differ.</summary>
    /// <param name="left">The first touchpoint.</param>
    /// <param name="right">The second touchpoint.</param>
    /// <returns><see langword="true"/> when channel, stage or name differ.</returns>
    public static bool operator !=(Touchpoint left, Touchpoint right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(Touchpoint other) =>
        Channel == other.Channel && Stage == other.Stage && string.Equals(Name, other.Name, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Touchpoint other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Channel, Stage, Name is null ? 0 : StringComparer.Ordinal.GetHashCode(Name));

    /// <summary>Returns the touchpoint as <c>name: channel @ stage</c>, for example <c>cart reminder: email @ Decision</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() => Name is null ? $"{Channel.Name} @ {Stage}" : $"{Name}: {Channel.Name} @ {Stage}";
}
