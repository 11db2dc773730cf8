namespace Engagement.Sdk.Journeys;

/// <summary>
/// The mean and the exact median of durations held as runs of (ticks, count) — how sessions, funnel steps and stages
/// keep their times so that merged results stay exact. One rule for all of them: the median is the middle value, or the
/// midpoint of the two middle values for an even count; both figures are rounded to the nearest tick, halves up.
/// </summary>
internal static class DurationSummary
{
    /// <summary>Summarises durations.</summary>
    /// <param name="runs">Distinct durations in ticks, in increasing order, each with how many times it occurs.</param>
    /// <param name="total">The sum of the counts; more than 0.</param>
    /// <returns>The mean and the median.</returns>
    public static (TimeSpan Mean, TimeSpan Median) Of(IEnumerable<KeyValuePair<long, long>> runs, long total)
    {
        Int128 sum = 0;
        long seen = 0, lower = -1, upper = -1;
        long lowerRank = (total - 1) / 2, upperRank = total / 2;
        foreach (var (ticks, count) in runs)
        {
            sum += (Int128)ticks * count;
            if (lower < 0 && seen + count > lowerRank)
            {
                lower = ticks;
            }

            if (upper < 0 && seen + count > upperRank)
            {
                upper = ticks;
            }

            seen += count;
        }

        return (new TimeSpan(RoundedHalfUp(sum, total)), new TimeSpan(RoundedHalfUp((Int128)lower + upper, 2)));
    }

    // numerator / denominator to the nearest integer, halves up; both are 0 or more.
    private static long RoundedHalfUp(Int128 numerator, long denominator)
    {
        var quotient = numerator / denominator;
        return (long)(numerator % denominator * 2 >= denominator ? quotient + 1 : quotient);
    }
}
