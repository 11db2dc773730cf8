using System.Text.Json.Serialization;

namespace Engagement.Sdk.Attribution;

/// <summary>
/// Bootstrap percentile intervals of a model's credits, per channel: how much the conversions and value credited move
/// when the journeys are resampled (<see cref="AttributionBootstrap.Run"/>).
/// </summary>
/// <remarks>
/// Two channels whose intervals overlap widely may differ by noise alone. Immutable and thread-safe.
/// </remarks>
public sealed class AttributionIntervals
{
    private readonly ChannelInterval[] _channels;

    /// <summary>Creates intervals.</summary>
    /// <param name="model">The name of the model resampled.</param>
    /// <param name="resamples">The resamples drawn; 1 or more.</param>
    /// <param name="confidence">The confidence level of the intervals, strictly between 0 and 1.</param>
    /// <param name="seed">The seed of the resamples.</param>
    /// <param name="channels">Every channel's interval; distinct channel names.</param>
    /// <exception cref="ArgumentNullException"><paramref name="model"/>, <paramref name="channels"/> or an interval is
    /// <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="model"/> is blank, or a channel appears twice.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="resamples"/> is below 1, or
    /// <paramref name="confidence"/> is not strictly between 0 and 1.</exception>
    [JsonConstructor]
    public AttributionIntervals(string model, int resamples, double confidence, int seed, IReadOnlyList<ChannelInterval> channels)
    {
        Model = Validation.NotBlank(model, nameof(model));
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 1);
        Confidence = Validation.ConfidenceLevel(confidence, nameof(confidence));
        ArgumentNullException.ThrowIfNull(channels);
        _channels = [.. channels];
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < _channels.Length; i++)
        {
            var channel = _channels[i] ?? throw new ArgumentNullException(nameof(channels), AttributionChecks.Text($"The interval at index {i} is null."));
            if (!names.Add(channel.Channel))
            {
                throw new ArgumentException(AttributionChecks.Text($"The channel '{Validation.Echo(channel.Channel)}' appears twice."), nameof(channels));
            }
        }

        Resamples = resamples;
        Seed = seed;
    }

    /// <summary>Gets the name of the model resampled.</summary>
    public string Model { get; }

    /// <summary>Gets the resamples drawn.</summary>
    public int Resamples { get; }

    /// <summary>Gets the confidence level of the intervals.</summary>
    public double Confidence { get; }

    /// <summary>Gets the seed of the resamples.</summary>
    public int Seed { get; }

    /// <summary>Gets every channel's interval, in the order of the paths' channels.</summary>
    public IReadOnlyList<ChannelInterval> Channels => _channels;
}
