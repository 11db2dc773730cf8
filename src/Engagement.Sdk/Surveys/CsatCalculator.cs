using Engagement.Sdk.Statistics;

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
    /// <exception cref="ArgumentOutOfRangeException">The scale is empty or beyond ±<see cref="RatingScale.Limit"/>, or the
    /// satisfied threshold is off it; the exception names the option (minScore, maxScore or satisfiedThreshold).</exception>
    public CsatCalculator(CsatOptions? options = null)
        : base(options is null
            ? CsatAccumulator.DefaultDefinition
            : MetricDefinition.Csat(options.MinScore, options.MaxScore, options.SatisfiedThreshold))
    {
    }

    /// <summary>Creates an empty accumulator of this calculator's definition, for streaming or partitioned answers.</summary>
    /// <returns>An accumulator with no answers.</returns>
    public CsatAccumulator CreateAccumulator() => new(Definition);
}
