using BenchmarkDotNet.Attributes;
using Engagement.Sdk.Value;

namespace Engagement.Sdk.Benchmarks.Value;

/// <summary>
/// RFM scoring of one million synthetic customers (fixed seed): the goal is under 200 ms for
/// <see cref="RfmScorer.Score(ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{double})"/>, here against a naive
/// LINQ scorer that sorts each dimension with <c>OrderBy</c> and gives each tie group the same mid-rank score (the
/// baseline; same scores).
/// </summary>
/// <remarks>
/// The data have the ties real data have: recency in whole days over a year, frequency a small count (most customers
/// buy once or twice), monetary value a skewed amount in cents.
/// </remarks>
[MemoryDiagnoser]
public class RfmBenchmarks
{
    private double[] _recency = null!;
    private double[] _frequency = null!;
    private double[] _monetary = null!;

    /// <summary>Gets or sets the number of customers.</summary>
    [Params(1_000_000)]
    public int Customers { get; set; }

    /// <summary>Draws the customers.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261127);
        _recency = new double[Customers];
        _frequency = new double[Customers];
        _monetary = new double[Customers];
        for (var i = 0; i < Customers; i++)
        {
            _recency[i] = random.Next(0, 365);
            _frequency[i] = 1 + (int)(-Math.Log(1 - random.NextDouble()) * 1.5);
            _monetary[i] = Math.Round(Math.Exp(3 + random.NextDouble() + random.NextDouble()), 2);
        }
    }

    /// <summary>The naive scorer: OrderBy per dimension, a mid-rank score per tie group.</summary>
    /// <returns>The Champions count, so that the work is not optimised away.</returns>
    [Benchmark(Baseline = true)]
    public int NaiveLinq()
    {
        var r = NaiveScores(_recency, lowerIsBetter: true);
        var f = NaiveScores(_frequency, lowerIsBetter: false);
        var m = NaiveScores(_monetary, lowerIsBetter: false);
        return Enumerable.Range(0, Customers).Count(i => RfmSegmentMap.Default.Segment(r[i], f[i], m[i]) == RfmSegment.Champions);
    }

    /// <summary>The library: selection of the cuts, one scoring pass per dimension, the segments.</summary>
    /// <returns>The Champions count.</returns>
    [Benchmark]
    public long RfmScorerSpans() => RfmScorer.Score(_recency, _frequency, _monetary).CountOf(RfmSegment.Champions);

    /// <summary>The naive scores of one dimension: the same rule as the library's, by sorting.</summary>
    /// <param name="values">The values.</param>
    /// <param name="lowerIsBetter">Whether lower values are better.</param>
    /// <returns>The scores.</returns>
    internal static int[] NaiveScores(double[] values, bool lowerIsBetter)
    {
        var n = values.Length;
        var scores = new int[n];
        var worse = 0;
        foreach (var group in values
            .Select((value, index) => (Value: value, Index: index))
            .OrderBy(x => lowerIsBetter ? -x.Value : x.Value)
            .GroupBy(x => x.Value))
        {
            var members = group.ToList();
            var score = 1 + (int)Math.Floor(5.0 * (worse + (members.Count / 2.0)) / n);
            foreach (var (_, index) in members)
            {
                scores[index] = score;
            }

            worse += members.Count;
        }

        return scores;
    }
}
