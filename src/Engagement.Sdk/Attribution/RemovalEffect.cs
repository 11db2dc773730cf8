using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Sdk.Attribution;

/// <summary>
/// A channel's removal effect in a Markov chain: the share of the probability of conversion lost when the channel is
/// removed, 1 − P(conversion | channel removed) / P(conversion).
/// </summary>
/// <remarks>Removing a channel sends every transition into a state that holds it to null. Immutable and thread-safe;
/// equal when both fields are equal.</remarks>
public sealed class RemovalEffect : IEquatable<RemovalEffect>
{
    /// <summary>Creates a removal effect.</summary>
    /// <param name="channel">The channel's name.</param>
    /// <param name="effect">The removal effect, in [0, 1].</param>
    /// <exception cref="ArgumentNullException"><paramref name="channel"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="channel"/> is not a valid channel name.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="effect"/> is outside [0, 1] or not a number.</exception>
    [JsonConstructor]
    public RemovalEffect(string channel, double effect)
    {
        Channel = AttributionChecks.ChannelName(channel, nameof(channel));
        Effect = MarkovChecks.Probability(effect, nameof(effect));
    }

    /// <summary>Gets the channel's name.</summary>
    public string Channel { get; }

    /// <summary>Gets the removal effect: the share of the probability of conversion lost without the channel, in [0, 1].</summary>
    public double Effect { get; }

    /// <inheritdoc />
    public bool Equals(RemovalEffect? other) => other is not null && Channel == other.Channel && Effect.Equals(other.Effect);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as RemovalEffect);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Channel, Effect);

    /// <summary>Returns the effect as <c>email: 0.4167</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Channel}: {Effect:G4}");
}
