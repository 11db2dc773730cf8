using BenchmarkDotNet.Attributes;
using Engagement.Sdk.Statistics;

namespace Engagement.Sdk.Benchmarks.Statistics;

/// <summary>
/// Inserting 10M log-normal response times (median 60 s, σ = 1.5) into a <see cref="QuantileSketch"/> at α = 1% and
/// reading p50, p90 and p99 — one <see cref="QuantileSketch.Add(double)"/> call per value, and one span call — against
/// what a user would write without a sketch: copy the values into a <see cref="List{T}"/>, sort it and index it (the
/// baseline). Times are per value (<c>OperationsPerInvoke</c>); the sketch is cleared and reused, so its allocation is
/// the per-insert allocation.
/// </summary>
[MemoryDiagnoser]
public class QuantileSketchBenchmarks
{
    /// <summary>Values per invocation.</summary>
    public const int Count = 10_000_000;

    private readonly QuantileSketch _sketch = new();
    private double[] _values = [];

    /// <summary>Makes the seeded log-normal values and grows the sketch to their range once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _values = LogNormal(Count, seed: 7);
        _sketch.Add(_values);
    }

    /// <summary>Sort a list and index it at ⌊q(n − 1)⌋: exact, and what a user writes without a sketch.</summary>
    /// <returns>p50 + p90 + p99.</returns>
    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    public double SortedList()
    {
        var list = new List<double>(_values.Length);
        foreach (var value in _values)
        {
            list.Add(value);
        }

        list.Sort();
        return list[(int)(0.5 * (list.Count - 1))] + list[(int)(0.9 * (list.Count - 1))] + list[(int)(0.99 * (list.Count - 1))];
    }

    /// <summary>One <see cref="QuantileSketch.Add(double)"/> call per value.</summary>
    /// <returns>p50 + p90 + p99.</returns>
    [Benchmark(OperationsPerInvoke = Count)]
    public double SketchAddEach()
    {
        _sketch.Clear();
        foreach (var value in _values)
        {
            _sketch.Add(value);
        }

        return Percentiles(_sketch);
    }

    /// <summary>One <see cref="QuantileSketch.Add(ReadOnlySpan{double})"/> call for all values (validated first).</summary>
    /// <returns>p50 + p90 + p99.</returns>
    [Benchmark(OperationsPerInvoke = Count)]
    public double SketchAddSpan()
    {
        _sketch.Clear();
        _sketch.Add(_values);
        return Percentiles(_sketch);
    }

    /// <summary>The floor under any logarithmic sketch: one <see cref="Math.Log(double)"/> per value, summed.</summary>
    /// <returns>The sum of the logarithms.</returns>
    [Benchmark(OperationsPerInvoke = Count)]
    public double LogarithmOnly()
    {
        var sum = 0.0;
        foreach (var value in _values)
        {
            sum += Math.Log(value);
        }

        return sum;
    }

    /// <summary>Seeded log-normal values exp(ln 60 + 1.5·z), z standard normal by Box–Muller.</summary>
    /// <param name="count">How many.</param>
    /// <param name="seed">The random seed.</param>
    /// <returns>The values.</returns>
    internal static double[] LogNormal(int count, int seed)
    {
        var random = new Random(seed);
        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            var z = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            values[i] = Math.Exp(Math.Log(60) + (1.5 * z));
        }

        return values;
    }

    private static double Percentiles(QuantileSketch sketch) =>
        sketch.Quantile(0.5)!.Value + sketch.Quantile(0.9)!.Value + sketch.Quantile(0.99)!.Value;
}
