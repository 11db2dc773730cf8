namespace Engagement.Sdk.Surveys;

/// <summary>How customer satisfaction (CSAT) is measured: the rating scale and the score from which an answer counts
/// as satisfied.</summary>
/// <remarks>
/// Plain settable numbers, so that the options bind from configuration (<c>"Csat": { "MaxScore": 10 }</c>). They are
/// checked together when a <see cref="CsatCalculator"/> is created (and at start-up by the DI package), so they can be
/// set in any order. Not thread-safe while being configured; the calculator copies them.
/// </remarks>
public sealed class CsatOptions
{
    internal const int DefaultMinScore = 1;
    internal const int DefaultMaxScore = 5;

    /// <summary>Gets or sets the lowest score of the rating scale.</summary>
    /// <value>The default value is 1.</value>
    public int MinScore { get; set; } = DefaultMinScore;

    /// <summary>Gets or sets the highest score of the rating scale.</summary>
    /// <value>The default value is 5.</value>
    public int MaxScore { get; set; } = DefaultMaxScore;

    /// <summary>Gets or sets the lowest score that counts as satisfied, or <see langword="null"/> for the top two boxes
    /// (<see cref="MaxScore"/> − 1: 4 and 5 on 1–5).</summary>
    /// <value>The default value is <see langword="null"/>: top-two-box.</value>
    public int? SatisfiedThreshold { get; set; }
}
