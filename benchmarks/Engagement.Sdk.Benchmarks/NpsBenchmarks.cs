using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;
using Engagement.Sdk.Surveys;

namespace Engagement.Sdk.Benchmarks;

/// <summary>
/// NPS over a span of scores: the library's vectorised single pass against the LINQ a user would write (three
/// <c>Count</c> passes, the baseline), a plain single-pass loop, and the machine's ceiling — a vectorised sum of the
/// same span (<see cref="TensorPrimitives.Sum{T}(ReadOnlySpan{T})"/>), which only reads memory.
/// </summary>
[MemoryDiagnoser]
public class NpsBenchmarks
{
    private int[] _scores = [];

    /// <summary>Number of scores.</summary>
    [Params(1_000_000, 10_000_000)]
    public int Count { get; set; }

    /// <summary>Makes the scores, uniform on 0–10.</summary>
    [GlobalSetup]
    public void Setup() => _scores = ScoreData.Uniform(Count, 0, 10);

    /// <summary>What a user would write with LINQ: three passes.</summary>
    /// <returns>The score.</returns>
    [Benchmark(Baseline = true)]
    public double Linq()
    {
        var promoters = _scores.Count(s => s >= 9);
        var detractors = _scores.Count(s => s <= 6);
        var invalid = _scores.Count(s => s is < 0 or > 10);
        return invalid > 0 ? double.NaN : 100.0 * (promoters - detractors) / _scores.Length;
    }

    /// <summary>A plain single-pass loop with range checks.</summary>
    /// <returns>The score.</returns>
    [Benchmark]
    public double Loop()
    {
        long promoters = 0, detractors = 0;
        foreach (var s in _scores)
        {
            if ((uint)s > 10)
            {
                throw new ArgumentOutOfRangeException(nameof(s));
            }

            promoters += s >= 9 ? 1 : 0;
            detractors += s <= 6 ? 1 : 0;
        }

        return 100.0 * (promoters - detractors) / _scores.Length;
    }

    /// <summary>The library: one vectorised, validating pass that allocates nothing.</summary>
    /// <returns>The score.</returns>
    [Benchmark]
    public double Library() => NpsCalculator.Default.Compute(_scores.AsSpan()).Score!.Value;

    /// <summary>The library's accumulator on the span path: one small object, then the same vectorised pass.</summary>
    /// <returns>The number of answers.</returns>
    [Benchmark]
    public long LibraryAccumulator()
    {
        var accumulator = new NpsAccumulator();
        accumulator.AddRange(_scores);
        return accumulator.Promoters - accumulator.Detractors;
    }

    /// <summary>The ceiling: a vectorised sum that only reads the span.</summary>
    /// <returns>The sum.</returns>
    [Benchmark]
    public int Ceiling() => TensorPrimitives.Sum<int>(_scores);
}
