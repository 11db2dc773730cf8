namespace Engagement.Sdk.Surveys;

/// <summary>How customer effort (CES) is measured: the agreement scale for "The company made it easy for me to handle
/// my issue" and the score from which an answer counts as low effort.</summary>
/// <remarks>
/// Plain settable numbers, so that the options bind from configuration (<c>"Ces": { "MaxScore": 5 }</c>). They are
/// checked together when a <see cref="CesCalculator"/> is created (and at start-up by the DI package), so they can be
/// set in any order. Not thread-safe while being configured; the calculator copies them.
/// </remarks>
public sealed class CesOptions
{
    internal const int DefaultMinScore = 1;
    internal const int DefaultMaxScore = 7;

    /// <summary>Gets or sets the lowest score of the agreement scale (1 = strongly disagree by default).</summary>
    /// <value>The default value is 1.</value>
    public int MinScore { get; set; } = DefaultMinScore;

    /// <summary>Gets or sets the highest score of the agreement scale (7 = strongly agree by default).</summary>
    /// <value>The default value is 7.</value>
    public int MaxScore { get; set; } = DefaultMaxScore;

    /// <summary>Gets or sets the lowest score that counts as low effort (agreement), or <see langword="null"/> for every
    /// score above the scale's midpoint (5, 6 and 7 on 1–7).</summary>
    /// <value>The default value is <see langword="null"/>: above the midpoint.</value>
    public int? LowEffortThreshold { get; set; }
}
