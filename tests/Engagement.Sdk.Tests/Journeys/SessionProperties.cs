using Engagement.Sdk.Journeys;
using Engagement.Sdk.Tests.Journeys.Reference;
using FsCheck;
using FsCheck.Fluent;

namespace Engagement.Sdk.Tests.Journeys;

/// <summary>
/// Properties of sessions on random small logs: equality with the naive reference, sessions tiling each customer's
/// events, partition-and-merge, and independence of input order; by timeout and by session id.
/// </summary>
public class SessionProperties
{
    private const string Sid = "sid";

    private static readonly Config Many = Config.QuickThrowOnFailure.WithMaxTest(300);

    private static readonly string[] Names = ["page_view", "screen_view", "home", "purchase"];

    private static readonly SessionDefinition ByTimeout = new() { KeyEvents = ["purchase"] };

    private static readonly SessionDefinition ById = new() { KeyEvents = ["purchase"], SessionIdProperty = Sid };

    private static readonly SessionDefinition Short = new() { Timeout = TimeSpan.FromSeconds(20), EngagedAfter = TimeSpan.FromSeconds(15), MinimumViews = 3 };

    public static TheoryData<string> Definitions => ["timeout", "id", "short"];

    // Steps of 15 min over 6 hours make gaps of exactly 30 min common; steps of 5 s over 2 min make the engaged-after
    // edge (10 s, or 15 s for "short") and the 20 s timeout common.
    private static (SessionDefinition Definition, Arbitrary<RefEvent[]> Events) Case(string name) => name switch
    {
        "timeout" => (ByTimeout, RefGenerators.Events(Names, TimeSpan.FromMinutes(15), steps: 24)),
        "id" => (ById, RefGenerators.Events(Names, TimeSpan.FromMinutes(15), steps: 24, sessionIdProperty: Sid)),
        _ => (Short, RefGenerators.Events(Names, TimeSpan.FromSeconds(5), steps: 24)),
    };

    [Theory]
    [MemberData(nameof(Definitions))]
    public void Sessions_EqualTheNaiveReference(string name)
    {
        var (definition, events) = Case(name);
        Prop.ForAll(events, all =>
        {
            var log = RefEventLog.Build(all, Sid);
            var expected = NaiveSessions.Compute(
                all,
                definition.Timeout,
                definition.EngagedAfter,
                definition.ViewEvents.ToHashSet(StringComparer.Ordinal),
                definition.KeyEvents.ToHashSet(StringComparer.Ordinal),
                definition.MinimumViews,
                definition.SessionIdProperty);
            var actual = SessionTestLogs.Sessions(log, definition)
                .Select(s => new RefSession(s.CustomerId!, s.Start, s.End, s.EventCount, s.ViewCount, s.IsEngaged));
            return actual.SequenceEqual(expected);
        }).Check(Many);
    }

    [Theory]
    [MemberData(nameof(Definitions))]
    public void Sessions_TileEachCustomersEvents_AndHoldTheirEventsInside(string name)
    {
        var (definition, events) = Case(name);
        Prop.ForAll(events, all =>
        {
            var log = RefEventLog.Build(all, Sid);
            var sessions = SessionTestLogs.Sessions(log, definition);
            var covered = new List<int>();
            foreach (var session in sessions)
            {
                var rows = new List<int>();
                foreach (var row in session.Rows)
                {
                    rows.Add(row);
                }

                var times = rows.Select(r => log.Timestamps[r]).ToList();
                var inside = rows.Count == session.EventCount
                    && rows[0] == session.FirstRow
                    && rows[^1] == session.LastRow
                    && rows.All(r => log.CustomerIndexes[r] == session.Customer)
                    && times.All(t => t >= session.Start.UtcTicks && t <= session.End.UtcTicks)
                    && times.Min() == session.Start.UtcTicks
                    && times.Max() == session.End.UtcTicks
                    && session.Duration == session.End - session.Start;

                // By timeout a session's consecutive events are at most the timeout apart.
                var withinTimeout = definition.SessionIdProperty is not null
                    || times.Zip(times.Skip(1)).All(p => p.Second - p.First <= definition.Timeout.Ticks);
                if (!inside || !withinTimeout)
                {
                    return false;
                }

                covered.AddRange(rows);
            }

            // Every row in exactly one session; by timeout, a customer's next session starts more than the timeout
            // after the previous one ends.
            var separated = definition.SessionIdProperty is not null
                || sessions.Zip(sessions.Skip(1)).Where(p => p.First.Customer == p.Second.Customer).All(p => p.Second.Start - p.First.End > definition.Timeout);
            return covered.Order().SequenceEqual(Enumerable.Range(0, log.Count)) && separated;
        }).Check(Many);
    }

    [Theory]
    [MemberData(nameof(Definitions))]
    public void PartitionAndMerge_EqualsTheWhole(string name)
    {
        var (definition, events) = Case(name);
        Prop.ForAll(events, Gen.Choose(1, 6).ToArbitrary(), (all, parts) =>
        {
            var log = RefEventLog.Build(all, Sid);
            var whole = new SessionAccumulator(definition);
            whole.Add(log);
            var merged = new SessionAccumulator(definition);
            foreach (var part in log.Partition(parts))
            {
                var accumulator = new SessionAccumulator(definition);
                accumulator.Add(part);
                merged.Merge(accumulator);
            }

            return merged.GetState().Equals(whole.GetState()) && merged.ToResult().Equals(whole.ToResult());
        }).Check(Many);
    }

    [Theory]
    [MemberData(nameof(Definitions))]
    public void Result_DoesNotDependOnInputOrder(string name)
    {
        var (definition, events) = Case(name);
        Prop.ForAll(events, Gen.Choose(0, int.MaxValue).ToArbitrary(), (all, seed) =>
        {
            var shuffled = all.ToArray();
            new Random(seed).Shuffle(shuffled);
            var original = SessionAccumulator.Compute(RefEventLog.Build(all, Sid), definition);
            var reordered = SessionAccumulator.Compute(RefEventLog.Build(shuffled, Sid), definition);
            return original.Equals(reordered);
        }).Check(Many);
    }

    [Fact]
    public void LargeLog_ScannedOnBothCores_EqualsTheNaiveReference()
    {
        // Above the parallel threshold, so the scan runs in chunks whose tallies are merged.
        var random = new Random(20260302);
        var events = new RefEvent[CustomerScan.ParallelThreshold + 5_000];
        for (var i = 0; i < events.Length; i++)
        {
            events[i] = new RefEvent(
                $"c{random.Next(3_000):D4}", RefGenerators.Origin.AddMinutes(random.Next(0, 60 * 24 * 7)).AddSeconds(random.Next(0, 60)), Names[random.Next(Names.Length)]);
        }

        var log = RefEventLog.Build(events);
        var expected = NaiveSessions.Compute(events, ByTimeout.Timeout, ByTimeout.EngagedAfter, ByTimeout.ViewEvents.ToHashSet(), ByTimeout.KeyEvents.ToHashSet(), 2, null);

        var result = SessionAccumulator.Compute(log, ByTimeout);

        var durations = expected.Select(s => (s.End - s.Start).Ticks).Order().ToArray();
        var median = (durations[(durations.Length - 1) / 2] + durations[durations.Length / 2] + 1) / 2; // half ticks up
        Assert.Equal(expected.Count, result.Sessions);
        Assert.Equal(expected.Count(s => s.Engaged), result.EngagedSessions);
        Assert.Equal(expected.Sum(s => s.Events), result.Events);
        Assert.Equal(expected.Sum(s => s.Views), result.Views);
        Assert.Equal(median, result.MedianDuration!.Value.Ticks);
        Assert.Equal((double)durations.Sum() / durations.Length, result.MeanDuration!.Value.Ticks, 0.5);
    }
}
