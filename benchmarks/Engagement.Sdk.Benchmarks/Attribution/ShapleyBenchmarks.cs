using BenchmarkDotNet.Attributes;
using Engagement.Sdk.Attribution;

namespace Engagement.Sdk.Benchmarks.Attribution;

/// <summary>
/// Exact Shapley values over 12 channels on 1M journeys (the paths of <see cref="AttributionData.Aggregated"/>, seed 9):
/// the model against a naive implementation (coalitions keyed by strings in a dictionary, every subset's key built and
/// looked up); the subsets alone, on one path with all 12 channels, to tell the time of the coalition table (one pass
/// over the paths) from that of the 12 · 2¹¹ subset terms; and 200 Poisson-bootstrap resamples of the model. The setup
/// checks that the model and the naive implementation agree. No job attribute: the command line chooses it (run in
/// process, <c>--job short --inProcess</c>, on the shared machine).
/// </summary>
[MemoryDiagnoser]
public class ShapleyBenchmarks
{
    private static readonly ShapleyModel Model = new();
    private AggregatedPath[] _rows = null!;
    private ConversionPaths _paths = null!;
    private ConversionPaths _oneFullPath = null!;

    /// <summary>Builds the paths (as <see cref="AttributionData.Aggregated"/> does) and checks the model against the
    /// naive implementation.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _rows = [.. AttributionData.Journeys(1_000_000, 12, seed: 9).Select(j =>
            new AggregatedPath(j.Touches.Select(t => t.Channel), j.Converted ? 1 : 0, j.Value, j.Converted ? 0 : 1))];
        _paths = ConversionPaths.Create(_rows);
        _oneFullPath = ConversionPaths.Create([new AggregatedPath(_paths.Channels, 3, 30, 1)]);
        var exact = Model.Analyse(_paths);
        var naive = Naive();
        for (var c = 0; c < naive.Length; c++)
        {
            if (Math.Abs(exact.Values[c].Value - naive[c]) > 1e-12)
            {
                throw new InvalidOperationException($"The model and the naive implementation differ for {_paths.Channels[c]}.");
            }
        }
    }

    /// <summary>The naive implementation: string keys, a dictionary, every subset's key built.</summary>
    [Benchmark(Baseline = true)]
    public double NaiveExact() => Naive()[0];

    /// <summary>The model: coalition table in one pass, then every subset.</summary>
    [Benchmark]
    public double Exact12() => Model.Analyse(_paths).Values[0].Value;

    /// <summary>The subsets alone: one path, so the table is trivial and the 12 · 2¹¹ terms are what is left.</summary>
    [Benchmark]
    public double SubsetsOnly12() => Model.Analyse(_oneFullPath).Values[0].Value;

    /// <summary>200 Poisson-bootstrap resamples of the exact Shapley model, on both cores.</summary>
    [Benchmark]
    public double Bootstrap200() => AttributionBootstrap.Run(Model, _paths).Channels[0].ConversionsUpper;

    private double[] Naive()
    {
        var counts = new Dictionary<string, (double Conversions, double Nulls)>();
        foreach (var row in _rows)
        {
            var key = Key(row.Channels);
            var old = counts.GetValueOrDefault(key);
            counts[key] = (old.Conversions + row.Conversions, old.Nulls + row.Nulls);
        }

        var n = _paths.Channels.Count;
        var phi = new double[n];
        for (var c = 0; c < n; c++)
        {
            var others = Enumerable.Range(0, n).Where(o => o != c).ToArray();
            for (var mask = 0; mask < 1 << others.Length; mask++)
            {
                var subset = others.Where((_, bit) => (mask & (1 << bit)) != 0).Select(o => _paths.Channels[o]).ToList();
                var weight = Factorial(subset.Count) * Factorial(n - subset.Count - 1) / Factorial(n);
                phi[c] += weight * (Rate(counts, Key(subset.Append(_paths.Channels[c]))) - Rate(counts, Key(subset)));
            }
        }

        return phi;
    }

    private static string Key(IEnumerable<string> channels) => string.Join(",", channels.Distinct().Order(StringComparer.Ordinal));

    private static double Rate(Dictionary<string, (double Conversions, double Nulls)> counts, string key) =>
        counts.TryGetValue(key, out var c) && c.Conversions + c.Nulls > 0 ? c.Conversions / (c.Conversions + c.Nulls) : 0;

    private static double Factorial(int k) => k <= 1 ? 1 : k * Factorial(k - 1);
}
