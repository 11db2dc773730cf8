using BenchmarkDotNet.Attributes;
using Engagement.Sdk.Journeys;

namespace Engagement.Sdk.Benchmarks.Journeys;

/// <summary>
/// Journey stages over the synthetic 10M-event log (<see cref="JourneyData"/>) with the default rules: the accumulator on
/// both cores (furthest and current stages, time in stage and the weekly distribution over the 26 weeks of the data)
/// against a plain single-threaded loop that classifies each event with <see cref="StageRules.Classify"/> and counts
/// furthest and current stages only. The setup checks that both give the same counts.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class StageBenchmarks
{
    private EventLog _log = null!;
    private StageDefinition _weekly = null!;

    /// <summary>Builds the log and checks the accumulator against the plain loop.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _log = JourneyData.Default.Build();
        _weekly = new StageDefinition(StageRules.Default, JourneyData.Start, JourneyData.End, CalendarPeriod.Week);
        var (furthest, current) = PlainCounts();
        var result = StageAccumulator.Compute(_log, _weekly);
        if (!result.Stages.Select(s => s.Furthest).SequenceEqual(furthest) || !result.Stages.Select(s => s.Current).SequenceEqual(current))
        {
            throw new InvalidOperationException("The accumulator and the plain loop count different stages.");
        }
    }

    /// <summary>The plain loop: each event classified by its strings, furthest and current stage per customer.</summary>
    [Benchmark(Baseline = true)]
    public long PlainLoop() => PlainCounts().Furthest[0];

    /// <summary>The accumulator, with the weekly distribution, on both cores.</summary>
    [Benchmark]
    public long Accumulator() => StageAccumulator.Compute(_log, _weekly).StagedCustomers;

    private (long[] Furthest, long[] Current) PlainCounts()
    {
        var rules = StageRules.Default;
        var furthest = new long[rules.Model.Count];
        var current = new long[rules.Model.Count];
        var names = _log.EventNameIds;
        var channels = _log.ChannelIds;
        for (var customer = 0; customer < _log.CustomerCount; customer++)
        {
            var range = _log.GetCustomerRange(customer);
            int far = -1, now = -1;
            for (var row = range.Start; row < range.End; row++)
            {
                var stage = rules.Model.IndexOf(rules.Classify(_log.EventNames[names[row]], _log.Channels[channels[row]]));
                if (stage >= 0)
                {
                    now = stage;
                    far = Math.Max(far, stage);
                }
            }

            if (far >= 0)
            {
                furthest[far]++;
                current[now]++;
            }
        }

        return (furthest, current);
    }
}
