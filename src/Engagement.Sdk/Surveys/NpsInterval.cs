using Engagement.Sdk.Statistics;

namespace Engagement.Sdk.Surveys;

/// <summary>The confidence interval of a Net Promoter Score from its three counts, by the chosen method.</summary>
/// <remarks>
/// <para>
/// With p and d the promoter and detractor shares of n answers, the score is 100 (p − d), the per-answer variance
/// p + d − (p − d)² and the interval 100 (p − d) ± z·100 √((p + d − (p − d)²) / n), clamped to [−100, 100].
/// </para>
/// <para>
/// <see cref="NpsIntervalMethod.Wald"/> uses the observed shares. <see cref="NpsIntervalMethod.AdjustedWald"/>
/// (Rocks 2016, "Interval Estimation for the 'Net Promoter Score'", The American Statistician 70(4)) uses
/// ñ = n + 3, p̃ = (promoters + ¾)/ñ and d̃ = (detractors + ¾)/ñ, the passives receiving the remaining 3/2, so the
/// interval is centred on the adjusted score 100 (p̃ − d̃) and is never a single point.
/// </para>
/// </remarks>
internal static class NpsInterval
{
    /// <summary>Pseudo-answers added to the promoters and to the detractors by the adjusted Wald interval.</summary>
    internal const double PseudoAnswersPerExtreme = 0.75;

    /// <summary>All pseudo-answers added by the adjusted Wald interval: ¾ + 3/2 + ¾.</summary>
    internal const double PseudoAnswers = 3;

    /// <summary>The interval of the score of the given counts, in NPS points.</summary>
    /// <param name="promoters">Answers of 9 or 10.</param>
    /// <param name="passives">Answers of 7 or 8.</param>
    /// <param name="detractors">Answers of 0 to 6.</param>
    /// <param name="confidenceLevel">The confidence level, strictly between 0 and 1.</param>
    /// <param name="method">How to compute the interval.</param>
    /// <returns>The interval, within [−100, 100].</returns>
    /// <remarks>The caller ensures that the counts are not negative, that their sum fits a <see cref="long"/>, and
    /// that there is at least one answer.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="method"/> is not a defined
    /// <see cref="NpsIntervalMethod"/>, or <paramref name="confidenceLevel"/> is not strictly between 0 and 1.</exception>
    internal static ConfidenceInterval Compute(long promoters, long passives, long detractors, double confidenceLevel, NpsIntervalMethod method)
    {
        Validation.Defined(method, nameof(method));
        double n = promoters + passives + detractors;
        if (method == NpsIntervalMethod.Wald)
        {
            // Written as NpsResult has always computed Score and StandardError, so the result is the same to the bit.
            double p = promoters / n, d = detractors / n;
            var score = 100.0 * (promoters - detractors) / n;
            var standardError = 100 * Math.Sqrt(Math.Max(0, p + d - ((p - d) * (p - d))) / n);
            return ConfidenceInterval.Normal(score, standardError, confidenceLevel, -100, 100);
        }

        var adjustedCount = n + PseudoAnswers;
        var adjustedPromoters = (promoters + PseudoAnswersPerExtreme) / adjustedCount;
        var adjustedDetractors = (detractors + PseudoAnswersPerExtreme) / adjustedCount;
        var difference = adjustedPromoters - adjustedDetractors;
        var variance = adjustedPromoters + adjustedDetractors - (difference * difference);
        return ConfidenceInterval.Normal(100 * difference, 100 * Math.Sqrt(variance / adjustedCount), confidenceLevel, -100, 100);
    }
}
