using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Sdk.Attribution;

/// <summary>What an attribution model credits one channel with: conversions, value, their share, and with costs the
/// cost per acquisition and the return on ad spend.</summary>
/// <remarks>Immutable and thread-safe; equal when every field is equal.</remarks>
public sealed class ChannelCredit : IEquatable<ChannelCredit>
{
    /// <summary>Creates a channel's credit.</summary>
    /// <param name="channel">The channel's name.</param>
    /// <param name="conversions">The conversions credited; finite, 0 or more.</param>
    /// <param name="value">The conversion value credited; finite, 0 or more.</param>
    /// <param name="share">The share of all conversions credited, in [0, 1]; <see langword="null"/> when there are no
    /// conversions.</param>
    /// <param name="cost">The channel's cost; finite, 0 or more; <see langword="null"/> without costs.</param>
    /// <exception cref="ArgumentNullException"><paramref name="channel"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="channel"/> is not a valid channel name.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An amount is negative or not finite, or the share is outside [0, 1].</exception>
    [JsonConstructor]
    public ChannelCredit(string channel, double conversions, double value, double? share, double? cost)
    {
        Channel = AttributionChecks.ChannelName(channel, nameof(channel));
        Conversions = AttributionChecks.Amount(conversions, nameof(conversions));
        Value = AttributionChecks.Amount(value, nameof(value));
        if (share is { } s && !(s >= 0 && s <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(share), s, AttributionChecks.Text($"A share must be in [0, 1]; got {s}."));
        }

        Share = share;
        Cost = cost is { } c ? AttributionChecks.Amount(c, nameof(cost)) : null;
    }

    /// <summary>Gets the channel's name.</summary>
    public string Channel { get; }

    /// <summary>Gets the conversions credited to the channel.</summary>
    public double Conversions { get; }

    /// <summary>Gets the conversion value credited to the channel.</summary>
    public double Value { get; }

    /// <summary>Gets the channel's share of all conversions; <see langword="null"/> when there are no conversions.</summary>
    public double? Share { get; }

    /// <summary>Gets the channel's cost; <see langword="null"/> without costs.</summary>
    public double? Cost { get; }

    /// <summary>Gets the cost per acquisition, cost / conversions credited; <see langword="null"/> without costs or
    /// without conversions credited.</summary>
    [JsonIgnore]
    public double? CostPerAcquisition => Cost is { } c && Conversions > 0 ? c / Conversions : null;

    /// <summary>Gets the return on ad spend, value credited / cost; <see langword="null"/> without costs or when the cost
    /// is 0.</summary>
    [JsonIgnore]
    public double? ReturnOnAdSpend => Cost is { } c && c > 0 ? Value / c : null;

    /// <inheritdoc />
    public bool Equals(ChannelCredit? other) =>
        other is not null && Channel == other.Channel && Conversions.Equals(other.Conversions) && Value.Equals(other.Value)
        && Share.Equals(other.Share) && Cost.Equals(other.Cost);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ChannelCredit);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Channel, Conversions, Value, Share, Cost);

    /// <summary>Returns the credit as <c>email: 10.5 conversions (38.9 %), value 1260</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Channel}: {Conversions:G6} conversions{(Share is { } s ? $" ({s * 100:0.0} %)" : string.Empty)}, value {Value:G6}");
}
