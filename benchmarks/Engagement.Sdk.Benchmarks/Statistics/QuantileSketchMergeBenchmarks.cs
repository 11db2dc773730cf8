using BenchmarkDotNet.Attributes;
using Engagement.Sdk.Statistics;

namespace Engagement.Sdk.Benchmarks.Statistics;

/// <summary>
/// Merging 1,000 sketches of 10,000 log-normal values each (the partitions of 10M values) into one and reading p99,
/// against the naive equivalent: concatenating the partitions' raw values and sorting them (the baseline).
/// </summary>
[MemoryDiagnoser]
public class QuantileSketchMergeBenchmarks
{
    private const int Partitions = 1_000;
    private const int PerPartition = 10_000;

    private QuantileSketch[] _sketches = [];
    private double[][] _parts = [];

    /// <summary>Makes the partitions and their sketches.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var values = QuantileSketchBenchmarks.LogNormal(Partitions * PerPartition, seed: 11);
        _parts = [.. Enumerable.Range(0, Partitions).Select(p => values[(p * PerPartition)..((p + 1) * PerPartition)])];
        _sketches = [.. _parts.Select(part =>
        {
            var sketch = new QuantileSketch();
            sketch.Add(part);
            return sketch;
        })];
    }

    /// <summary>Concatenate the raw values of every partition and sort them.</summary>
    /// <returns>The exact p99.</returns>
    [Benchmark(Baseline = true)]
    public double ConcatenateAndSort()
    {
        var all = new List<double>(Partitions * PerPartition);
        foreach (var part in _parts)
        {
            all.AddRange(part);
        }

        all.Sort();
        return all[(int)(0.99 * (all.Count - 1))];
    }

    /// <summary>Merge the 1,000 sketches into a new one.</summary>
    /// <returns>The p99 estimate.</returns>
    [Benchmark]
    public double MergeSketches()
    {
        var merged = new QuantileSketch();
        foreach (var sketch in _sketches)
        {
            merged.Merge(sketch);
        }

        return merged.Quantile(0.99)!.Value;
    }
}
