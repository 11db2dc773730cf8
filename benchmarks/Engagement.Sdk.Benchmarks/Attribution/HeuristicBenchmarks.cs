using BenchmarkDotNet.Attributes;
using Engagement.Sdk.Attribution;

namespace Engagement.Sdk.Benchmarks.Attribution;

/// <summary>
/// The six heuristic models over 1M fixed-seed journeys on 20 channels (<see cref="AttributionData"/>, seed 9, with
/// times, so nearly every path is distinct), against a naive LINQ linear attribution over the journeys themselves
/// (group the touches of converting journeys by channel). The paths are built once in the setup, outside the
/// measurement; the setup checks that the naive and the model's linear credits agree. Run in process on the shared
/// machine: <c>--filter '*HeuristicBenchmarks*' --inProcess --launchCount 1 --warmupCount 3 --iterationCount 10</c>.
/// </summary>
[MemoryDiagnoser]
public class HeuristicBenchmarks
{
    private static readonly FirstTouchModel First = new();
    private static readonly LastTouchModel Last = new();
    private static readonly LastNonDirectModel LastNonDirect = new("c00");
    private static readonly LinearModel Linear = new();
    private static readonly LinearModel LinearDistinct = new(LinearCredit.PerDistinctChannel);
    private static readonly TimeDecayModel TimeDecay = new(TimeSpan.FromDays(7));
    private static readonly PositionBasedModel PositionBased = new();

    private ConversionPath[] _journeys = null!;
    private ConversionPaths _paths = null!;

    /// <summary>Builds the journeys and the paths, and checks the naive linear credits against the model's.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _journeys = AttributionData.Journeys(1_000_000, 20, seed: 9);
        _paths = ConversionPaths.Create(_journeys);
        var naive = NaiveLinearCredits();
        foreach (var credit in Linear.Attribute(_paths).Channels)
        {
            var expected = naive.GetValueOrDefault(credit.Channel);
            if (Math.Abs(expected - credit.Conversions) > 1e-6 * Math.Max(1, expected))
            {
                throw new InvalidOperationException($"{credit.Channel}: naive {expected}, model {credit.Conversions}.");
            }
        }
    }

    /// <summary>Linear credit the naive way: LINQ over the journeys, grouping the converting journeys' touches by channel.</summary>
    [Benchmark(Baseline = true)]
    public int NaiveLinqLinear() => NaiveLinearCredits().Count;

    /// <summary>First touch.</summary>
    [Benchmark]
    public AttributionResult FirstTouch() => First.Attribute(_paths);

    /// <summary>Last touch.</summary>
    [Benchmark]
    public AttributionResult LastTouch() => Last.Attribute(_paths);

    /// <summary>Last non-direct, with the most popular channel as the direct one.</summary>
    [Benchmark]
    public AttributionResult LastNonDirectTouch() => LastNonDirect.Attribute(_paths);

    /// <summary>Linear, per occurrence.</summary>
    [Benchmark]
    public AttributionResult LinearPerOccurrence() => Linear.Attribute(_paths);

    /// <summary>Linear, per distinct channel.</summary>
    [Benchmark]
    public AttributionResult LinearPerDistinctChannel() => LinearDistinct.Attribute(_paths);

    /// <summary>Time decay, half-life 7 days.</summary>
    [Benchmark]
    public AttributionResult TimeDecay7Days() => TimeDecay.Attribute(_paths);

    /// <summary>Position based, 40/20/40.</summary>
    [Benchmark]
    public AttributionResult PositionBasedDefault() => PositionBased.Attribute(_paths);

    private Dictionary<string, double> NaiveLinearCredits() => _journeys
        .Where(j => j.Converted)
        .SelectMany(j => j.Touches.Select(t => (t.Channel, Credit: 1.0 / j.Touches.Count)))
        .GroupBy(t => t.Channel)
        .ToDictionary(g => g.Key, g => g.Sum(t => t.Credit));
}
