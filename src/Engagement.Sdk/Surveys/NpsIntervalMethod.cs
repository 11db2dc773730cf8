using System.Text.Json.Serialization;

namespace Engagement.Sdk.Surveys;

/// <summary>How the confidence interval of a Net Promoter Score is computed.</summary>
/// <remarks>
/// Both methods treat each answer as +1 (promoter), 0 (passive) or −1 (detractor), so that NPS/100 is a mean with
/// per-answer variance p + d − (p − d)², p and d being the promoter and detractor shares; they differ in the shares
/// they use. Rocks (2016), "Interval Estimation for the 'Net Promoter Score'", The American Statistician 70(4),
/// 365–372, compares six methods on simulated and real surveys and recommends the adjusted Wald interval.
/// </remarks>
[JsonConverter(typeof(Engagement.Sdk.IO.StrictEnumConverter<NpsIntervalMethod>))]
public enum NpsIntervalMethod
{
    /// <summary>
    /// The adjusted Wald interval of Rocks (2016), the library's default: ¾ of a pseudo-answer is added to the
    /// promoters and to the detractors and 3/2 to the passives (n + 3 answers in all) before the Wald interval is
    /// formed from the adjusted shares. It keeps close to its nominal coverage for small samples and for scores near
    /// ±100, and does not collapse to a point when every answer falls in one group.
    /// </summary>
    AdjustedWald = 0,

    /// <summary>
    /// The plain Wald (normal-approximation) interval NPS ± z·SE from the observed shares. It is reliable when n is in
    /// the tens or more and the score is away from ±100; it is [100, 100] when every answer is a promoter.
    /// </summary>
    Wald = 1,
}
