using System.Text.Json.Serialization;

namespace Engagement.Sdk.Attribution;

/// <summary>What <see cref="ShapleyModel.Analyse"/> found: the credits, and every channel's Shapley value before clipping,
/// computed exactly or estimated by Monte Carlo.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ShapleyResult
{
    private readonly ShapleyValue[] _values;

    /// <summary>Creates a result.</summary>
    /// <param name="attribution">The credits.</param>
    /// <param name="exact">Whether the values were computed over every coalition.</param>
    /// <param name="samples">The random orders sampled: 0 when exact, 2 or more otherwise.</param>
    /// <param name="seed">The seed of the random orders.</param>
    /// <param name="values">Every channel's Shapley value, aligned with the channels of
    /// <paramref name="attribution"/>; standard errors 0 when exact.</param>
    /// <exception cref="ArgumentNullException"><paramref name="attribution"/>, <paramref name="values"/> or a value is
    /// <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The values' channels are not those of <paramref name="attribution"/>, in
    /// order, or an exact value has a standard error.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="samples"/> is not 0 when exact, or below 2 when not.</exception>
    [JsonConstructor]
    public ShapleyResult(AttributionResult attribution, bool exact, int samples, int seed, IReadOnlyList<ShapleyValue> values)
    {
        ArgumentNullException.ThrowIfNull(attribution);
        ArgumentNullException.ThrowIfNull(values);
        if (exact ? samples != 0 : samples < ShapleyModel.MinSamples)
        {
            throw new ArgumentOutOfRangeException(
                nameof(samples), samples, AttributionChecks.Text($"An exact result has 0 samples, a Monte Carlo one {ShapleyModel.MinSamples} or more; got {samples} (exact: {exact})."));
        }

        _values = [.. values];
        if (_values.Length != attribution.Channels.Count)
        {
            throw new ArgumentException(
                AttributionChecks.Text($"There are {_values.Length} Shapley values for {attribution.Channels.Count} channels."), nameof(values));
        }

        for (var i = 0; i < _values.Length; i++)
        {
            var value = _values[i] ?? throw new ArgumentNullException(nameof(values), AttributionChecks.Text($"The value at index {i} is null."));
            if (value.Channel != attribution.Channels[i].Channel)
            {
                throw new ArgumentException(
                    AttributionChecks.Text($"The value at index {i} is for '{Validation.Echo(value.Channel)}', not for the channel '{attribution.Channels[i].Channel}'."),
                    nameof(values));
            }

            if (exact && value.StandardError != 0)
            {
                throw new ArgumentException(
                    AttributionChecks.Text($"An exact value has no standard error; '{value.Channel}' has {value.StandardError}."), nameof(values));
            }
        }

        Attribution = attribution;
        Exact = exact;
        Samples = samples;
        Seed = seed;
    }

    /// <summary>Gets the credits: conversions and value shared in proportion to the Shapley values clipped at 0.</summary>
    public AttributionResult Attribution { get; }

    /// <summary>Gets whether the Shapley values were computed over every coalition (at most
    /// <see cref="ShapleyModel.ExactChannelLimit"/> channels) rather than estimated.</summary>
    public bool Exact { get; }

    /// <summary>Gets the random orders sampled; 0 when exact.</summary>
    public int Samples { get; }

    /// <summary>Gets the seed of the random orders.</summary>
    public int Seed { get; }

    /// <summary>Gets every channel's Shapley value before clipping (0 for a channel on no path), in the order of
    /// <see cref="AttributionResult.Channels"/>.</summary>
    public IReadOnlyList<ShapleyValue> Values => _values;
}
