using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Sdk.Attribution;

/// <summary>A bootstrap percentile interval of the conversions and the value a model credits one channel.</summary>
/// <remarks>Immutable and thread-safe; equal when every field is equal.</remarks>
public sealed class ChannelInterval : IEquatable<ChannelInterval>
{
    /// <summary>Creates a channel's interval.</summary>
    /// <param name="channel">The channel's name.</param>
    /// <param name="conversionsLower">The lower bound of the conversions credited; finite, 0 or more.</param>
    /// <param name="conversionsUpper">The upper bound of the conversions credited; finite, at least the lower bound.</param>
    /// <param name="valueLower">The lower bound of the value credited; finite, 0 or more.</param>
    /// <param name="valueUpper">The upper bound of the value credited; finite, at least the lower bound.</param>
    /// <exception cref="ArgumentNullException"><paramref name="channel"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="channel"/> is not a valid channel name.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A bound is negative or not finite, or an upper bound is below its
    /// lower bound.</exception>
    [JsonConstructor]
    public ChannelInterval(string channel, double conversionsLower, double conversionsUpper, double valueLower, double valueUpper)
    {
        Channel = AttributionChecks.ChannelName(channel, nameof(channel));
        ConversionsLower = AttributionChecks.Amount(conversionsLower, nameof(conversionsLower));
        ConversionsUpper = Upper(conversionsUpper, conversionsLower, nameof(conversionsUpper));
        ValueLower = AttributionChecks.Amount(valueLower, nameof(valueLower));
        ValueUpper = Upper(valueUpper, valueLower, nameof(valueUpper));
    }

    /// <summary>Gets the channel's name.</summary>
    public string Channel { get; }

    /// <summary>Gets the lower bound of the conversions credited.</summary>
    public double ConversionsLower { get; }

    /// <summary>Gets the upper bound of the conversions credited.</summary>
    public double ConversionsUpper { get; }

    /// <summary>Gets the lower bound of the value credited.</summary>
    public double ValueLower { get; }

    /// <summary>Gets the upper bound of the value credited.</summary>
    public double ValueUpper { get; }

    /// <inheritdoc />
    public bool Equals(ChannelInterval? other) =>
        other is not null && Channel == other.Channel && ConversionsLower.Equals(other.ConversionsLower)
        && ConversionsUpper.Equals(other.ConversionsUpper) && ValueLower.Equals(other.ValueLower) && ValueUpper.Equals(other.ValueUpper);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ChannelInterval);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Channel, ConversionsLower, ConversionsUpper, ValueLower, ValueUpper);

    /// <summary>Returns the interval as <c>email: 9.5 to 11.2 conversions, value 1140 to 1350</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Channel}: {ConversionsLower:G6} to {ConversionsUpper:G6} conversions, value {ValueLower:G6} to {ValueUpper:G6}");

    private static double Upper(double upper, double lower, string paramName)
    {
        AttributionChecks.Amount(upper, paramName);
        if (upper < lower)
        {
            throw new ArgumentOutOfRangeException(paramName, upper, AttributionChecks.Text($"The upper bound {upper} is below the lower bound {lower}."));
        }

        return upper;
    }
}
