using BenchmarkDotNet.Attributes;
using Engagement.Sdk.Attribution;

namespace Engagement.Sdk.Benchmarks.Attribution;

/// <summary>
/// Markov removal-effect attribution of 1M journeys over 20 channels (<see cref="AttributionData.Aggregated"/>, seed 9:
/// aggregated paths, equal sequences merged, as an export gives them), first and second order with every channel's
/// removal effect: the library (one counting pass over the canonical columns, an exact solve per removal) against the
/// naive baseline (<see cref="NaiveMarkov"/>: string states counted path by path in a dictionary, dense matrix over all
/// states, a dense LU per removal). The goals: first order &lt; 1 s, second order &lt; 3 s.
/// </summary>
[MemoryDiagnoser]
public class MarkovBenchmarks
{
    private ConversionPaths _paths = null!;
    private (string[] Channels, double Conversions, double Nulls)[] _rows = null!;

    /// <summary>Gets or sets the order of the chain.</summary>
    [Params(1, 2)]
    public int Order { get; set; }

    /// <summary>Generates the paths, the same paths as string arrays for the baseline (grouped outside the timing, as
    /// the library's input is), and checks that both give the same removal effects.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _paths = AttributionData.Aggregated(1_000_000, 20, seed: 9);
        _rows = [.. AttributionData.Journeys(1_000_000, 20, seed: 9)
            .GroupBy(j => string.Join('>', j.Touches.Select(t => t.Channel)), StringComparer.Ordinal)
            .Select(g => (g.First().Touches.Select(t => t.Channel).ToArray(), (double)g.Count(j => j.Converted), (double)g.Count(j => !j.Converted)))];
        var result = new MarkovModel(Order).Analyse(_paths);
        var naive = NaiveMarkov.RemovalEffects(_rows, Order);
        var largest = result.RemovalEffects.Max(e => Math.Abs(e.Effect - naive.Effects[e.Channel]));
        Console.WriteLine(FormattableString.Invariant(
            $"// Markov order {Order}: {_paths.Count} distinct paths, {result.States.Count} states, {result.Transitions.Count} transitions, P = {result.ConversionProbability}, largest difference from the naive removal effects {largest:E2}"));
    }

    /// <summary>The naive baseline.</summary>
    /// <returns>P(conversion).</returns>
    [Benchmark(Baseline = true)]
    public double Naive() => NaiveMarkov.RemovalEffects(_rows, Order).Probability;

    /// <summary>The library: <see cref="MarkovModel.Analyse"/>, every removal effect and the credits.</summary>
    /// <returns>P(conversion).</returns>
    [Benchmark]
    public double Library() => new MarkovModel(Order).Analyse(_paths).ConversionProbability;
}
