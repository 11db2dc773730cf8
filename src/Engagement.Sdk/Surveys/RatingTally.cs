using System.Globalization;
using Engagement.Sdk.Statistics;

namespace Engagement.Sdk.Surveys;

/// <summary>
/// The hot-loop kernel of the CSAT and CES accumulators and calculators: the count, the favourable count and the sums
/// of the scores and their squares, updated by <see langword="ref"/>. Internal, so no caller can update a copy.
/// </summary>
/// <remarks>Every update is checked and all-or-nothing: the new values are computed before any is assigned.</remarks>
internal struct RatingTally
{
    public long Count;
    public long Favourable;
    public long Sum;
    public long SumOfSquares;

    public RatingTally(long count, long favourable, long sum, long sumOfSquares)
    {
        Count = count;
        Favourable = favourable;
        Sum = sum;
        SumOfSquares = sumOfSquares;
    }

    public void Add(int score, MetricDefinition definition, string paramName)
    {
        var scale = definition.Scale!.Value;
        if (!scale.Contains(score))
        {
            throw new ArgumentOutOfRangeException(
                paramName, score, string.Create(CultureInfo.InvariantCulture, $"The score {score} is outside the {definition.Label} scale {scale}."));
        }

        var count = checked(Count + 1);
        var sum = checked(Sum + score);
        var sumOfSquares = checked(SumOfSquares + ((long)score * score));
        Favourable += score >= definition.FavourableThreshold!.Value ? 1 : 0;
        Count = count;
        Sum = sum;
        SumOfSquares = sumOfSquares;
    }

    public void AddRange(ReadOnlySpan<int> scores, MetricDefinition definition, string paramName)
    {
        var scale = definition.Scale!.Value;
        var (favourable, sum, sumOfSquares) = ScoreScan.Moments(
            scores, scale.Min, scale.Max, definition.FavourableThreshold!.Value, definition.Label, paramName);
        Merge(new RatingTally(scores.Length, favourable, sum, sumOfSquares));
    }

    public void Merge(in RatingTally other)
    {
        // Compute every new value before assigning any: `other` may alias this tally, and an overflow must change nothing.
        var count = checked(Count + other.Count);
        var favourable = Favourable + other.Favourable;
        var sum = checked(Sum + other.Sum);
        var sumOfSquares = checked(SumOfSquares + other.SumOfSquares);
        Count = count;
        Favourable = favourable;
        Sum = sum;
        SumOfSquares = sumOfSquares;
    }

    /// <summary>
    /// Throws unless the four numbers could come from <paramref name="count"/> integer scores on the definition's
    /// scale. The checks: counts in range; n·min ≤ Σx ≤ n·max, tightened by how many scores are favourable; Σx² between
    /// the least and the greatest sum of squares of n integers on the scale with that sum (the scores as equal as
    /// possible, and as spread as possible: all at the ends but one); and Σx² ≡ Σx (mod 2), since x² ≡ x. These are
    /// necessary conditions; a few values between the bounds remain that no integers reach (n = 2, Σx = 6 on 1–5 gives
    /// 18, 20 or 26, never 22 or 24), which would need a search over partitions to rule out.
    /// </summary>
    public static void Validate(MetricDefinition definition, long count, long favourable, long sum, long sumOfSquares)
    {
        var scale = definition.Scale!.Value;
        var threshold = definition.FavourableThreshold!.Value;
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegative(favourable);
        if (favourable > count)
        {
            throw Invalid(nameof(favourable), favourable, $"the favourable answers ({favourable}) exceed the answers ({count})");
        }

        if (threshold == scale.Min && favourable != count)
        {
            throw Invalid(nameof(favourable), favourable, $"every answer on {scale} is at or above the threshold {threshold}, so all {count} are favourable");
        }

        Int128 n = count, f = favourable, min = scale.Min, max = scale.Max, t = threshold;
        Int128 lowest = (f * t) + ((n - f) * min), highest = (f * max) + ((n - f) * (t - 1));
        if (sum < lowest || sum > highest)
        {
            throw Invalid(
                nameof(sum),
                sum,
                string.Create(CultureInfo.InvariantCulture, $"{count} answers on {scale} of which {favourable} are at or above {threshold} sum to between {lowest} and {highest}"));
        }

        Int128 s = sum, q = sumOfSquares;
        var (least, greatest) = n == 0 ? (Int128.Zero, Int128.Zero) : SumOfSquaresRange(n, s, min, max);
        if (q < least || q > greatest || ((q - s) & 1) != 0)
        {
            throw Invalid(
                nameof(sumOfSquares),
                sumOfSquares,
                string.Create(CultureInfo.InvariantCulture, $"{count} integer answers on {scale} summing to {sum} have a sum of squares between {least} and {greatest}, of the parity of the sum"));
        }
    }

    /// <summary>The least and greatest Σx² of n ≥ 1 integers in [min, max] with sum s (s within n·min … n·max).</summary>
    private static (Int128 Least, Int128 Greatest) SumOfSquaresRange(Int128 n, Int128 s, Int128 min, Int128 max)
    {
        // Least: every score ⌊s/n⌋ or one more. Greatest: as many at max as fit, one remainder, the rest at min.
        var q = Int128.DivRem(s - (n * min), n).Quotient + min;
        var m = s - (n * q);
        var least = ((n - m) * q * q) + (m * (q + 1) * (q + 1));
        var (atMax, remainder) = Int128.DivRem(s - (n * min), max - min);
        var greatest = atMax == n
            ? n * max * max
            : (atMax * max * max) + ((min + remainder) * (min + remainder)) + ((n - atMax - 1) * min * min);
        return (least, greatest);
    }

    public readonly RatingResult ToResult(MetricDefinition definition) => new(definition, Count, Favourable, Sum, SumOfSquares);

    private static ArgumentOutOfRangeException Invalid(string paramName, long value, string reason) =>
        new(paramName, value, string.Create(CultureInfo.InvariantCulture, $"No real answers give this state: {reason}; got {value}."));
}
