using BenchmarkDotNet.Attributes;
using Engagement.Sdk.Journeys;

namespace Engagement.Sdk.Benchmarks.Journeys;

/// <summary>
/// Sessionisation of the synthetic 10M-event log (<see cref="JourneyData"/>), GA4's 30-minute rule: a plain
/// single-threaded loop over the log's columns that only counts sessions and engaged ones (the baseline), the library's
/// allocation-free session enumerator (every session's start, end, counts and engaged flag, one thread), and the
/// <see cref="SessionAccumulator"/> (also the duration counts for the exact median, both cores).
/// </summary>
[MemoryDiagnoser]
public class SessionBenchmarks
{
    private static readonly SessionDefinition Definition = new() { ViewEvents = ["page_view", "product_view"], KeyEvents = ["payment_done"] };

    private EventLog _log = null!;
    private int _viewId;
    private int _pageViewId;
    private int _keyId;

    /// <summary>Builds the log once and checks that the three methods agree.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _log = JourneyData.Default.Build();
        _log.TryGetEventNameId("product_view", out _viewId);
        _log.TryGetEventNameId("page_view", out _pageViewId);
        _log.TryGetEventNameId("payment_done", out _keyId);
        var loop = PlainLoop();
        var enumerated = Enumerate();
        var result = Accumulator();
        if (loop != enumerated || enumerated.Sessions != result.Sessions || enumerated.Engaged != result.EngagedSessions)
        {
            throw new InvalidOperationException($"The methods disagree: loop {loop}, enumerator {enumerated}, accumulator {result}.");
        }

        Console.WriteLine($"// {_log.Count} events, {_log.CustomerCount} customers: {result}");
    }

    /// <summary>What a user would write over the log's columns: one thread, counts only.</summary>
    /// <returns>Sessions and engaged sessions.</returns>
    [Benchmark(Baseline = true)]
    public (long Sessions, long Engaged) PlainLoop()
    {
        var customers = _log.CustomerIndexes;
        var ticks = _log.Timestamps;
        var names = _log.EventNameIds;
        var timeout = Definition.Timeout.Ticks;
        var engagedAfter = Definition.EngagedAfter.Ticks;
        long sessions = 0, engaged = 0;
        var start = 0;
        var views = 0;
        var key = false;
        for (var row = 0; row < ticks.Length; row++)
        {
            if (row > start && (customers[row] != customers[row - 1] || ticks[row] - ticks[row - 1] > timeout))
            {
                sessions++;
                engaged += ticks[row - 1] - ticks[start] > engagedAfter || key || views >= 2 ? 1 : 0;
                (start, views, key) = (row, 0, false);
            }

            var name = names[row];
            views += name == _viewId || name == _pageViewId ? 1 : 0;
            key |= name == _keyId;
        }

        if (ticks.Length > 0)
        {
            sessions++;
            engaged += ticks[^1] - ticks[start] > engagedAfter || key || views >= 2 ? 1 : 0;
        }

        return (sessions, engaged);
    }

    /// <summary>The library's session enumerator, one thread: every session with its figures.</summary>
    /// <returns>Sessions and engaged sessions.</returns>
    [Benchmark]
    public (long Sessions, long Engaged) Enumerate()
    {
        long sessions = 0, engaged = 0;
        foreach (var session in Definition.EnumerateSessions(_log))
        {
            sessions++;
            engaged += session.IsEngaged ? 1 : 0;
        }

        return (sessions, engaged);
    }

    /// <summary>The library's accumulator: sessions, engagement, views and the duration counts, on both cores.</summary>
    /// <returns>The result.</returns>
    [Benchmark]
    public SessionResult Accumulator() => SessionAccumulator.Compute(_log, Definition);
}
