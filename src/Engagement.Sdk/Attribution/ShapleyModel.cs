using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Sdk.Attribution;

/// <summary>
/// Shapley-value attribution: each channel is credited in proportion to its Shapley value in the game whose coalitions
/// are sets of channels and whose worth is the conversion rate of the journeys that had exactly that set.
/// </summary>
/// <remarks>
/// <para>
/// The players N are the channels on at least one path. The value of a coalition S is
/// v(S) = conversions(S) / (conversions(S) + nulls(S)) over the journeys whose set of distinct channels equals S; 0
/// for a set no journey had, and v(∅) = 0. A channel's Shapley value (Shapley 1953; for attribution Dalessandro et al.
/// 2012, Zhao et al. 2018) is its marginal contribution averaged over every order of the players:
/// φ_c = Σ_{S ⊆ N∖c} |S|!(n−|S|−1)!/n! · (v(S ∪ c) − v(S)). The values add up to v(N) (efficiency), a channel that
/// changes no coalition's value gets 0, and channels that play the same part get the same value.
/// </para>
/// <para>
/// A negative φ (the channel's presence lowers the conversion rate) is set to 0: such a channel earns nothing. The
/// conversions and the value are then shared out in proportion to the clipped values. When no value is above 0 but
/// there are conversions (the values add up to v(N), which is 0 when no journey had every channel), each converting
/// path's conversions and value are split equally among its distinct channels, the Shapley value of the game that
/// counts the conversions within a coalition.
/// </para>
/// <para>
/// Up to <see cref="ExactChannelLimit"/> channels the values are exact: all 2ⁿ coalition values are tabulated from the
/// paths in one pass and the sum is taken over every subset (n · 2ⁿ⁻¹ terms). Above it they are estimated from
/// <see cref="Samples"/> random orders of the channels drawn with <see cref="Seed"/>, each channel's value the mean of
/// its marginal contributions with that mean's standard error; the same seed gives the same bits. Equal when the
/// parameters and the name are equal. Immutable and thread-safe.
/// </para>
/// </remarks>
public sealed class ShapleyModel : IAttributionModel, IEquatable<ShapleyModel>
{
    /// <summary>The fewest samples a Monte Carlo estimate takes (a standard error needs two).</summary>
    internal const int MinSamples = 2;

    private const int MaxExactChannels = 20;
    private const string DefaultName = "shapley";

    /// <summary>Creates a Shapley-value model.</summary>
    /// <param name="exactChannelLimit">The most channels for which the values are computed exactly, 0 to 20; above it
    /// they are estimated by Monte Carlo. The default is 15.</param>
    /// <param name="samples">The random orders a Monte Carlo estimate samples; 2 or more. The default is 20,000.</param>
    /// <param name="seed">The seed of the random orders. The default is 0.</param>
    /// <param name="name">The model's name, a valid channel-like name; <see langword="null"/> for <c>shapley</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="exactChannelLimit"/> is outside 0 to 20, or
    /// <paramref name="samples"/> is below 2.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a valid name.</exception>
    [JsonConstructor]
    public ShapleyModel(int exactChannelLimit = 15, int samples = 20_000, int seed = 0, string? name = null)
    {
        if (exactChannelLimit is < 0 or > MaxExactChannels)
        {
            throw new ArgumentOutOfRangeException(
                nameof(exactChannelLimit),
                exactChannelLimit,
                AttributionChecks.Text($"The exact channel limit must be 0 to {MaxExactChannels} (2^n coalitions); got {exactChannelLimit}."));
        }

        if (samples < MinSamples)
        {
            throw new ArgumentOutOfRangeException(
                nameof(samples), samples, AttributionChecks.Text($"Monte Carlo needs {MinSamples} or more samples for a standard error; got {samples}."));
        }

        ExactChannelLimit = exactChannelLimit;
        Samples = samples;
        Seed = seed;
        Name = name is null ? DefaultName : Validation.Name(name, nameof(name), "model name");
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>Gets the most channels for which the Shapley values are computed exactly.</summary>
    /// <value>The default value is 15.</value>
    public int ExactChannelLimit { get; }

    /// <summary>Gets the random orders sampled above <see cref="ExactChannelLimit"/>.</summary>
    /// <value>The default value is 20,000.</value>
    public int Samples { get; }

    /// <summary>Gets the seed of the random orders.</summary>
    /// <value>The default value is 0.</value>
    public int Seed { get; }

    /// <summary>Returns whether two models are equal.</summary>
    /// <param name="left">The first model.</param>
    /// <param name="right">The second model.</param>
    /// <returns><see langword="true"/> when the parameters and the names are equal.</returns>
    public static bool operator ==(ShapleyModel? left, ShapleyModel? right) => Equals(left, right);

    /// <summary>Returns whether two models differ.</summary>
    /// <param name="left">The first model.</param>
    /// <param name="right">The second model.</param>
    /// <returns><see langword="true"/> when a parameter or the name differs.</returns>
    public static bool operator !=(ShapleyModel? left, ShapleyModel? right) => !Equals(left, right);

    /// <inheritdoc />
    public AttributionResult Attribute(ConversionPaths paths, CancellationToken cancellationToken = default) =>
        Analyse(paths, cancellationToken).Attribution;

    /// <summary>Computes every channel's Shapley value and shares the conversions and value out by them.</summary>
    /// <param name="paths">The paths.</param>
    /// <param name="cancellationToken">Checked every 65,536 coalitions or 256 samples.</param>
    /// <returns>The credits and the Shapley values; without conversions, credits without value (and every φ 0).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="paths"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ShapleyResult Analyse(ConversionPaths paths, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var (playerOf, channelOf) = ShapleyKernel.Players(paths);
        var exact = channelOf.Length <= ExactChannelLimit;
        double[] phi, errors;
        if (exact)
        {
            phi = ShapleyKernel.Exact(paths, playerOf, channelOf.Length, cancellationToken);
            errors = new double[phi.Length];
        }
        else
        {
            (phi, errors) = ShapleyKernel.MonteCarlo(paths, playerOf, channelOf.Length, Samples, Seed, cancellationToken);
        }

        var (conversions, value) = ShapleyKernel.Share(paths, phi, channelOf);
        var values = new ShapleyValue[paths.Channels.Count];
        for (var c = 0; c < values.Length; c++)
        {
            var player = playerOf[c];
            values[c] = new ShapleyValue(paths.Channels[c], player < 0 ? 0 : Clamp(phi[player]), player < 0 ? 0 : errors[player]);
        }

        return new ShapleyResult(
            AttributionResult.FromCredits(Name, paths, conversions, value), exact, exact ? 0 : Samples, Seed, values);
    }

    /// <inheritdoc />
    public bool Equals(ShapleyModel? other) =>
        other is not null && ExactChannelLimit == other.ExactChannelLimit && Samples == other.Samples && Seed == other.Seed
        && Name == other.Name;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ShapleyModel);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(ExactChannelLimit, Samples, Seed, Name);

    /// <summary>Returns the model as <c>shapley (exact up to 15 channels, else 20000 samples, seed 0)</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture, $"{Name} (exact up to {ExactChannelLimit} channels, else {Samples} samples, seed {Seed})");

    // Rounding can take a sum of weighted differences of rates a hair past ±1.
    private static double Clamp(double phi) => Math.Clamp(phi, -1, 1);
}
