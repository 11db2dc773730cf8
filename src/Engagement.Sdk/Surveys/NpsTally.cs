using System.Globalization;
using Engagement.Sdk.Statistics;

namespace Engagement.Sdk.Surveys;

/// <summary>
/// The hot-loop kernel of <see cref="NpsAccumulator"/> and <see cref="NpsCalculator"/>: three counts, updated by
/// <see langword="ref"/>. Internal, so no caller can update a copy by mistake.
/// </summary>
/// <remarks>Every update is checked and all-or-nothing: the new counts are computed before any is assigned.</remarks>
internal struct NpsTally
{
    public long Promoters;
    public long Passives;
    public long Detractors;

    public NpsTally(long promoters, long passives, long detractors)
    {
        Promoters = promoters;
        Passives = passives;
        Detractors = detractors;
    }

    /// <summary>The number of answers; the counts' total always fits a <see cref="long"/>.</summary>
    public readonly long Count => Promoters + Passives + Detractors;

    public void Add(int score, string paramName)
    {
        if ((uint)score > MetricDefinition.NpsMaxScore)
        {
            throw new ArgumentOutOfRangeException(
                paramName, score, string.Create(CultureInfo.InvariantCulture, $"An NPS answer must lie on the 0–10 scale; got {score}."));
        }

        _ = checked(Count + 1);
        if (score >= MetricDefinition.NpsMinPromoterScore)
        {
            Promoters++;
        }
        else if (score > MetricDefinition.NpsMaxDetractorScore)
        {
            Passives++;
        }
        else
        {
            Detractors++;
        }
    }

    public void AddRange(ReadOnlySpan<int> scores, string paramName)
    {
        var (detractors, promoters) = ScoreScan.CountBands(
            scores,
            MetricDefinition.NpsMinScore,
            MetricDefinition.NpsMaxScore,
            MetricDefinition.NpsMaxDetractorScore,
            MetricDefinition.NpsMinPromoterScore,
            "NPS",
            paramName);
        Merge(new NpsTally(promoters, scores.Length - promoters - detractors, detractors));
    }

    public void Merge(in NpsTally other)
    {
        // Read everything before writing: `other` may alias this tally.
        long promoters = other.Promoters, passives = other.Passives, detractors = other.Detractors;
        _ = checked(Count + promoters + passives + detractors);
        Promoters += promoters;
        Passives += passives;
        Detractors += detractors;
    }

    public readonly NpsResult ToResult() => new(Promoters, Passives, Detractors);
}
