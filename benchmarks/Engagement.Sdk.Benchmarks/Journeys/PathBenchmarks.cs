using BenchmarkDotNet.Attributes;
using Engagement.Sdk.Journeys;

namespace Engagement.Sdk.Benchmarks.Journeys;

/// <summary>
/// Transition counts by event name over the synthetic 10M-event log (<see cref="JourneyData"/>): the accumulator on both
/// cores (transitions and each customer's first five nodes) against a plain single-threaded loop over the log's columns
/// that counts name pairs in a dictionary. The setup checks that both count the same transitions.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class PathBenchmarks
{
    private EventLog _log = null!;

    /// <summary>Builds the log and checks the accumulator against the plain loop.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _log = JourneyData.Default.Build();
        var plain = PlainTransitions();
        var result = PathAccumulator.Compute(_log, new PathDefinition());
        if (result.Transitions.Count != plain.Count || result.Transitions.Any(t => plain[(t.From, t.To)] != t.Count))
        {
            throw new InvalidOperationException("The accumulator and the plain loop count different transitions.");
        }
    }

    /// <summary>The plain loop: a dictionary keyed by the two names of each consecutive pair of one customer.</summary>
    [Benchmark(Baseline = true)]
    public int PlainLoop() => PlainTransitions().Count;

    /// <summary>The accumulator: transitions and paths, on both cores.</summary>
    [Benchmark]
    public long Accumulator() => PathAccumulator.Compute(_log, new PathDefinition()).TotalTransitions;

    private Dictionary<(string From, string To), long> PlainTransitions()
    {
        var transitions = new Dictionary<(string From, string To), long>();
        var customers = _log.CustomerIndexes;
        var names = _log.EventNameIds;
        for (var row = 1; row < _log.Count; row++)
        {
            if (customers[row] == customers[row - 1])
            {
                var pair = (_log.EventNames[names[row - 1]], _log.EventNames[names[row]]);
                transitions[pair] = transitions.GetValueOrDefault(pair) + 1;
            }
        }

        return transitions;
    }
}
