namespace Engagement.Sdk.Surveys;

/// <summary>
/// Computes customer satisfaction (CSAT): the percentage of satisfied answers — those at or above the satisfied
/// threshold, the top two boxes by default — with a Wilson interval, and the mean rating.
/// </summary>
/// <remarks>See <see cref="RatingResult"/> for the definitions. Immutable and thread-safe.</remarks>
public sealed class CsatCalculator : RatingCalculator
{
    /// <summary>Creates a calculator.</summary>
    /// <param name="options">The scale and threshold; <see langword="null"/> for the defaults (1–5, satisfied from 4).
    /// The values are copied.</param>
    /// <exception cref="ArgumentOutOfRangeException">The satisfied threshold is off the scale.</exception>
    public CsatCalculator(CsatOptions? options = null)
        : base("CSAT", ScaleOf(options?.MinScore ?? CsatOptions.DefaultMinScore, options?.MaxScore ?? CsatOptions.DefaultMaxScore), options?.SatisfiedThreshold, TopTwoBox, nameof(CsatOptions.SatisfiedThreshold))
    {
    }

    /// <summary>The lowest of the top two boxes: 4 on 1–5.</summary>
    private static int TopTwoBox(RatingScale scale) => scale.Max - 1;
}
