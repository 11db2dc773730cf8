using Engagement.Sdk.Statistics;

namespace Engagement.Sdk.Surveys;

/// <summary>
/// Computes customer effort (CES): the mean agreement with "The company made it easy for me to handle my issue" and
/// the share of low-effort answers (those that agree: 5–7 on the default 1–7 scale) with a Wilson interval.
/// </summary>
/// <remarks>See <see cref="RatingResult"/> for the definitions. Immutable and thread-safe.</remarks>
public sealed class CesCalculator : RatingCalculator
{
    /// <summary>Creates a calculator.</summary>
    /// <param name="options">The scale and threshold; <see langword="null"/> for the defaults (1–7, low effort from 5).
    /// The values are copied.</param>
    /// <exception cref="ArgumentOutOfRangeException">The scale is empty or beyond ±<see cref="RatingScale.Limit"/>, or the
    /// low-effort threshold is off it; the exception names the option (minScore, maxScore or lowEffortThreshold).</exception>
    public CesCalculator(CesOptions? options = null)
        : base(options is null
            ? CesAccumulator.DefaultDefinition
            : MetricDefinition.Ces(options.MinScore, options.MaxScore, options.LowEffortThreshold))
    {
    }

    /// <summary>Creates an empty accumulator of this calculator's definition, for streaming or partitioned answers.</summary>
    /// <returns>An accumulator with no answers.</returns>
    public CesAccumulator CreateAccumulator() => new(Definition);
}
