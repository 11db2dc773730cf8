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
    /// <exception cref="ArgumentOutOfRangeException">The low-effort threshold is off the scale.</exception>
    public CesCalculator(CesOptions? options = null)
        : base("CES", ScaleOf(options?.MinScore ?? CesOptions.DefaultMinScore, options?.MaxScore ?? CesOptions.DefaultMaxScore), options?.LowEffortThreshold, AboveMidpoint, nameof(CesOptions.LowEffortThreshold))
    {
    }

    /// <summary>The smallest score strictly above the scale's midpoint: 5 on 1–7, 4 on 1–5, 6 on 1–10.</summary>
    private static int AboveMidpoint(RatingScale scale) => (int)Math.Floor(scale.Midpoint) + 1;
}
