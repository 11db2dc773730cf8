using System.Globalization;
using BenchmarkDotNet.Attributes;
using Engagement.Sdk.Journeys;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.Benchmarks.Journeys;

/// <summary>
/// Building the <see cref="EventLog"/> of the synthetic clickstream (<see cref="JourneyData.Default"/>: 10M events, 500k
/// customers, in time order) through the builder path: the goal is at most 2 s for all the
/// <see cref="EventLogBuilder.Add(string, DateTimeOffset, string, Channel)"/> calls plus
/// <see cref="EventLogBuilder.Build"/> (the baseline here), and at most 40 bytes per event retained by the log.
/// </summary>
/// <remarks>
/// <c>[MemoryDiagnoser]</c> reports what each call allocates; what the built log keeps is measured once in the
/// global setup (a full collection before and after, the log alive) and printed to the log of the run as
/// <c>// EventLog retained</c>. The customer-id strings belong to the input here (the reader's), so the log's share of
/// them is not counted: 500k ids of 8 characters would add 40 bytes each, 2 bytes per event.
/// </remarks>
[MemoryDiagnoser]
public class EventLogBuildBenchmarks
{
    private JourneyData _data = null!;
    private EventLogBuilder _filled = null!;

    /// <summary>Generates (or reuses) the data and measures what a built log retains.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _data = JourneyData.Default;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var log = _data.Build();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var retained = GC.GetTotalMemory(forceFullCollection: true) - before;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"// EventLog retained: {log.Count} events, {log.CustomerCount} customers; allocated {allocated} B ({(double)allocated / log.Count:F1} B/event), retained {retained} B ({(double)retained / log.Count:F1} B/event)"));
        GC.KeepAlive(log);
    }

    /// <summary>Fills a builder before each <see cref="BuildOnly"/> iteration.</summary>
    [IterationSetup(Target = nameof(BuildOnly))]
    public void FillBuilder()
    {
        _filled = new EventLogBuilder(_data.Count);
        _data.AddTo(_filled);
    }

    /// <summary>The goal: a builder sized for the rows, every row added, then built.</summary>
    /// <returns>The number of events.</returns>
    [Benchmark(Baseline = true)]
    public int AddAndBuild() => _data.Build().Count;

    /// <summary>The Add path alone: a builder sized for the rows, every row added.</summary>
    /// <returns>The number of rows held.</returns>
    [Benchmark]
    public int AddOnly()
    {
        var builder = new EventLogBuilder(_data.Count);
        _data.AddTo(builder);
        return builder.Count;
    }

    /// <summary><see cref="EventLogBuilder.Build"/> alone, on a builder filled beforehand.</summary>
    /// <returns>The number of events.</returns>
    [Benchmark]
    public int BuildOnly() => _filled.Build().Count;
}
