using System.Globalization;
using System.Runtime.CompilerServices;

namespace Engagement.Sdk.Statistics;

/// <summary>
/// The logarithmic index mapping of a <see cref="QuantileSketch"/> (DDSketch, Masson, Rim &amp; Lee, VLDB 2019): for a
/// relative accuracy α, γ = (1 + α) / (1 − α); a magnitude x ≥ <see cref="MinIndexable"/> falls in bucket
/// i = ⌈log_γ x⌉, which holds (γ^(i−1), γ^i], and the bucket's estimate 2γ^i / (γ + 1) = (1 − α)·γ^i lies within α
/// of every value in it.
/// </summary>
/// <remarks>
/// The exact mapping, <c>Math.Log(x) * (1 / ln γ)</c>, rounded up: fast enough for the insertion goal, so the
/// guarantee needs no adjusted γ (the cubic approximation of the reference implementations trades a few more buckets
/// for a cheaper log). The product is rounded, so a value within a few ulps of a bucket boundary γ^i may land in the
/// neighbouring bucket; its estimate is then off by α·(1 + ~10⁻¹³) at most.
/// </remarks>
internal sealed class QuantileSketchMapping
{
    /// <summary>The smallest magnitude with a bucket: the smallest normal double. Smaller magnitudes (subnormals and
    /// zeros) are counted in the zero bucket, whose estimate is 0.</summary>
    public const double MinIndexable = 2.2250738585072014E-308;

    private readonly double _multiplier;
    private readonly double _logGamma;
    private readonly double _estimateFactor;

    public QuantileSketchMapping(double relativeAccuracy)
    {
        RelativeAccuracy = relativeAccuracy;
        Gamma = (1 + relativeAccuracy) / (1 - relativeAccuracy);
        _logGamma = Math.Log(Gamma);
        _multiplier = 1 / _logGamma;
        _estimateFactor = 1 - relativeAccuracy;
        MinIndex = Index(MinIndexable);
        MaxIndex = Index(double.MaxValue);
    }

    /// <summary>Gets α.</summary>
    public double RelativeAccuracy { get; }

    /// <summary>Gets γ = (1 + α) / (1 − α).</summary>
    public double Gamma { get; }

    /// <summary>Gets the bucket of <see cref="MinIndexable"/>, the lowest there is.</summary>
    public int MinIndex { get; }

    /// <summary>Gets the bucket of <see cref="double.MaxValue"/>, the highest there is.</summary>
    public int MaxIndex { get; }

    /// <summary>Returns ⌈log_γ x⌉ for a finite magnitude x ≥ <see cref="MinIndexable"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Index(double magnitude) => (int)Math.Ceiling(Math.Log(magnitude) * _multiplier);

    /// <summary>Returns the estimate of bucket i, (1 − α)·γ^i; +∞ beyond the double range (callers clamp it).</summary>
    public double Estimate(int index) => Math.Exp(index * _logGamma) * _estimateFactor;

    /// <summary>Checks a relative accuracy for the public entry points.</summary>
    public static double Check(double relativeAccuracy, string paramName)
    {
        if (!(relativeAccuracy >= QuantileSketch.MinRelativeAccuracy && relativeAccuracy < 1))
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                relativeAccuracy,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"The relative accuracy must be at least {QuantileSketch.MinRelativeAccuracy:R} and below 1 (0.001 to 0.05 in practice); got {relativeAccuracy:R}."));
        }

        return relativeAccuracy;
    }
}
