namespace Engagement.Sdk.Tests.Value.Reference;

/// <summary>RFM quintile scores by sorting, for the optimised scorer to be compared with.</summary>
/// <remarks>
/// <para>
/// A value's rank is the number of values strictly worse than it: strictly smaller when higher is better (frequency,
/// monetary value), strictly larger when lower is better (recency as time since the last purchase). Its score is
/// 1 + ⌊5·rank/n⌋, from 1 (worst fifth) to 5 (best fifth).
/// </para>
/// <para>
/// Tie rule: tied values share the rank of the first of them in sorted order, so they get the same score, and the
/// score a value gets never depends on the input order. With distinct values the ranks are 0 … n − 1, a permutation,
/// and score k is given to ⌈kn/5⌉ − ⌈(k − 1)n/5⌉ values: ⌊n/5⌋ or ⌈n/5⌉ each (balanced within one).
/// </para>
/// </remarks>
internal static class NaiveRfm
{
    /// <summary>Each value's score 1–5, in input order.</summary>
    public static int[] Quintiles(double[] values, bool higherIsBetter)
    {
        var ranks = Ranks(values, higherIsBetter);
        return ranks.Select(rank => ScoreOfRank(rank, values.Length)).ToArray();
    }

    /// <summary>Each value's rank (the number of strictly worse values), in input order, found by sorting.</summary>
    public static int[] Ranks(double[] values, bool higherIsBetter)
    {
        if (values.Any(double.IsNaN))
        {
            throw new ArgumentException("Values must not be NaN.", nameof(values));
        }

        // Worst first; the first position of each distinct value is the number of values worse than it.
        var sorted = higherIsBetter ? values.Order().ToArray() : values.OrderDescending().ToArray();
        var firstPosition = new Dictionary<double, int>();
        for (var i = 0; i < sorted.Length; i++)
        {
            firstPosition.TryAdd(sorted[i], i);
        }

        return values.Select(v => firstPosition[v]).ToArray();
    }

    /// <summary>1 + ⌊5·rank/n⌋.</summary>
    public static int ScoreOfRank(int rank, int count) => 1 + (int)(5L * rank / count);
}
