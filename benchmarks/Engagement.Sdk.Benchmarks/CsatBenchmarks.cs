using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;
using Engagement.Sdk.Surveys;

namespace Engagement.Sdk.Benchmarks;

/// <summary>
/// CSAT (share satisfied and mean) over a span of 1–5 scores: the library's vectorised single pass against LINQ
/// (the baseline), a plain loop, and the vectorised-sum ceiling.
/// </summary>
[MemoryDiagnoser]
public class CsatBenchmarks
{
    private readonly CsatCalculator _csat = new();
    private int[] _scores = [];

    /// <summary>Number of scores.</summary>
    [Params(1_000_000, 10_000_000)]
    public int Count { get; set; }

    /// <summary>Makes the scores, uniform on 1–5.</summary>
    [GlobalSetup]
    public void Setup() => _scores = ScoreData.Uniform(Count, 1, 5);

    /// <summary>What a user would write with LINQ: validation, satisfied count and mean, three passes.</summary>
    /// <returns>The share satisfied plus the mean.</returns>
    [Benchmark(Baseline = true)]
    public double Linq()
    {
        if (_scores.Any(s => s is < 1 or > 5))
        {
            throw new ArgumentOutOfRangeException(nameof(_scores));
        }

        var satisfied = _scores.Count(s => s >= 4);
        return ((double)satisfied / _scores.Length) + _scores.Average();
    }

    /// <summary>A plain single-pass loop with range checks.</summary>
    /// <returns>The share satisfied plus the mean.</returns>
    [Benchmark]
    public double Loop()
    {
        long satisfied = 0, sum = 0, squares = 0;
        foreach (var s in _scores)
        {
            if (s is < 1 or > 5)
            {
                throw new ArgumentOutOfRangeException(nameof(s));
            }

            satisfied += s >= 4 ? 1 : 0;
            sum += s;
            squares += s * s;
        }

        return ((double)satisfied / _scores.Length) + ((double)sum / _scores.Length) + (squares * 0.0);
    }

    /// <summary>The library: share satisfied, mean and variance in one vectorised, validating pass.</summary>
    /// <returns>The share satisfied plus the mean.</returns>
    [Benchmark]
    public double Library()
    {
        var result = _csat.Compute(_scores.AsSpan());
        return result.FavourableShare.Value!.Value + result.Mean!.Value;
    }

    /// <summary>The ceiling: a vectorised sum that only reads the span.</summary>
    /// <returns>The sum.</returns>
    [Benchmark]
    public int Ceiling() => TensorPrimitives.Sum<int>(_scores);
}
