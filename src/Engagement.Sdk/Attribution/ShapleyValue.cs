using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Sdk.Attribution;

/// <summary>A channel's Shapley value φ before clipping, and its Monte Carlo standard error.</summary>
/// <remarks>
/// φ lies in [−1, 1]: it is a weighted mean of differences of conversion rates. A negative φ means the channel's presence
/// lowers the conversion rate; <see cref="ShapleyModel"/> credits such a channel nothing. Immutable and thread-safe;
/// equal when every field is equal.
/// </remarks>
public sealed class ShapleyValue : IEquatable<ShapleyValue>
{
    /// <summary>Creates a channel's Shapley value.</summary>
    /// <param name="channel">The channel's name.</param>
    /// <param name="value">φ, in [−1, 1].</param>
    /// <param name="standardError">The standard error of a Monte Carlo φ; 0 when exact. Finite, 0 or more.</param>
    /// <exception cref="ArgumentNullException"><paramref name="channel"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="channel"/> is not a valid channel name.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is outside [−1, 1], or
    /// <paramref name="standardError"/> is negative or not finite.</exception>
    [JsonConstructor]
    public ShapleyValue(string channel, double value, double standardError)
    {
        Channel = AttributionChecks.ChannelName(channel, nameof(channel));
        if (!(value >= -1 && value <= 1))
        {
            throw new ArgumentOutOfRangeException(
                nameof(value), value, AttributionChecks.Text($"A Shapley value of conversion rates lies in [-1, 1]; got {value}."));
        }

        Value = value;
        StandardError = AttributionChecks.Amount(standardError, nameof(standardError));
    }

    /// <summary>Gets the channel's name.</summary>
    public string Channel { get; }

    /// <summary>Gets φ, the channel's Shapley value before clipping at 0.</summary>
    public double Value { get; }

    /// <summary>Gets the standard error of φ when it was estimated by Monte Carlo; 0 when exact.</summary>
    public double StandardError { get; }

    /// <inheritdoc />
    public bool Equals(ShapleyValue? other) =>
        other is not null && Channel == other.Channel && Value.Equals(other.Value) && StandardError.Equals(other.StandardError);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ShapleyValue);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Channel, Value, StandardError);

    /// <summary>Returns the value as <c>email: φ = 0.125 ± 0.002</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture, $"{Channel}: φ = {Value:G6}{(StandardError > 0 ? $" ± {StandardError:G3}" : string.Empty)}");
}
