using Engagement.Sdk.Journeys;
using static Engagement.Sdk.Tests.Journeys.Funnels.FunnelLogs;

namespace Engagement.Sdk.Tests.Journeys.Funnels;

/// <summary>Hand-worked journeys for the ordered mode; the expected values are derived in comments from the definition.</summary>
public class FunnelTests
{
    private static readonly TimeSpan TenMinutes = TimeSpan.FromMinutes(10);

    [Fact]
    public void Ordered_CountsEachCustomerAtItsDeepestStep()
    {
        // c1 does a, b, c: depth 3. c2 does a, b: depth 2. c3 never does a: not in the funnel, but scanned.
        var result = Run(
            Funnel("a b c", TenMinutes),
            new("c1", 0, "a"), new("c1", 60, "b"), new("c1", 120, "c"),
            new("c2", 0, "a"), new("c2", 60, "b"),
            new("c3", 0, "b"), new("c3", 60, "c"));

        Assert.Equal([2L, 2, 1], Counts(result));
        Assert.Equal(3, result.Customers);
        Assert.Equal(new(2, 2), result.Steps[1].FromPrevious);
        Assert.Equal(new(1, 2), result.Steps[2].FromPrevious);
        Assert.Equal(new(1, 2), result.Steps[2].FromFirst);
        Assert.Equal(new(1, 2), result.ConversionRate);
        Assert.Equal(1, result.Steps[2].DropOff);
        Assert.Equal(["c2"], result.Steps[2].DroppedIds);
        Assert.Empty(result.Steps[1].DroppedIds);
        Assert.Empty(result.Steps[0].DroppedIds);
        Assert.True(result.HasValue);
    }

    [Fact]
    public void LargestDropOff_IsTheStepWhereMostCustomersDropped_TheEarliestOnATie()
    {
        // Depths: c1 1 (a), c2 2 (a b), c3 2, c4 4 (a b c d), c5 3 (a b c). Reached: a 5, b 4, c 2, d 1.
        // Drop-off: b 5 − 4 = 1 (c1), c 4 − 2 = 2 (c2, c3), d 2 − 1 = 1 (c5): the largest is at c.
        var result = Run(
            Funnel("a b c d", TenMinutes),
            new("c1", 0, "a"),
            new("c2", 0, "a"), new("c2", 1, "b"),
            new("c3", 0, "a"), new("c3", 1, "b"),
            new("c4", 0, "a"), new("c4", 1, "b"), new("c4", 2, "c"), new("c4", 3, "d"),
            new("c5", 0, "a"), new("c5", 1, "b"), new("c5", 2, "c"));

        Assert.Equal(2, result.LargestDropOff!.Index);
        Assert.Equal(2, result.LargestDropOff.DropOff);
        Assert.Equal(["c2", "c3"], result.LargestDropOff.DroppedIds);

        // a tie: b and c each lose one customer (c1 at b, c2 at c); the earlier step, b, is the pain point.
        var tie = Run(Funnel("a b c", TenMinutes), new("c1", 0, "a"), new("c2", 0, "a"), new("c2", 1, "b"), new("c3", 0, "a"), new("c3", 1, "b"), new("c3", 2, "c"));
        Assert.Equal(1, tie.LargestDropOff!.Index);

        // nobody dropped, and nobody entered: no pain point.
        Assert.Null(Run(Funnel("a b", TenMinutes), new("c1", 0, "a"), new("c1", 1, "b")).LargestDropOff);
        Assert.Null(Run(Funnel("a b", TenMinutes), new FunnelEvent("c1", 0, "z")).LargestDropOff);
    }

    [Fact]
    public void Ordered_WindowIsClosedAtItsEnd()
    {
        // c1's b is exactly anchor + 10 min: inside. c2's b is one tick later: outside, so c2 stops at a.
        var log = Log(new("c1", 0, "a"), new("c1", 600, "b"), new("c2", 0, "a"));
        var builder = new EventLogBuilder();
        builder.Add("c2", T0.AddSeconds(600).AddTicks(1), "b", Channel("web"));
        var late = builder.Build();
        var accumulator = new FunnelAccumulator(Funnel("a b", TenMinutes));

        accumulator.Add(log);
        accumulator.Add(late);
        var result = accumulator.ToResult();

        // c2 is in both logs: the second log holds only its b, which has no a, so it is scanned but not in the funnel.
        Assert.Equal(3, result.Customers);
        Assert.Equal([2L, 1], Counts(result));

        var one = FunnelAccumulator.Compute(Merge(log, late), Funnel("a b", TenMinutes));
        Assert.Equal([2L, 1], Counts(one));
        Assert.Equal(["c2"], one.Steps[1].DroppedIds);
    }

    [Fact]
    public void Ordered_EqualTimestamps_AreTakenInFunnelOrderWhateverTheirInputOrder()
    {
        // b is given before a, at the same instant: b's time ≥ a's time, so b fills step 2.
        var result = Run(Funnel("a b"), new("c1", 0, "b"), new("c1", 0, "a"));

        Assert.Equal([1L, 1], Counts(result));
        Assert.Equal(TimeSpan.Zero, result.Steps[1].MedianTimeToConvert);
    }

    [Fact]
    public void Ordered_EventsBeforeTheAnchor_DoNotCount()
    {
        // The b at 0 is before the only a: step 2 is filled by the b at 120, 60 s after a.
        var result = Run(Funnel("a b"), new("c1", 0, "b"), new("c1", 60, "a"), new("c1", 120, "b"));

        Assert.Equal([1L, 1], Counts(result));
        Assert.Equal(TimeSpan.FromSeconds(60), result.Steps[1].MeanTimeToConvert);
    }

    [Fact]
    public void Ordered_RepeatedStepName_NeedsTwoOccurrences()
    {
        // view → view → buy: c1 has one view, which fills step 1 only (one occurrence fills at most one step): depth 1.
        // c2 has two views and a buy: depth 3. c3 has two views at the same instant: both are taken, depth 2.
        var result = Run(
            Funnel("view view buy"),
            new("c1", 0, "view"), new("c1", 10, "buy"),
            new("c2", 0, "view"), new("c2", 5, "view"), new("c2", 10, "buy"),
            new("c3", 7, "view"), new("c3", 7, "view"));

        Assert.Equal([3L, 2, 1], Counts(result));
        Assert.Equal(["c1"], result.Steps[1].DroppedIds);
        Assert.Equal(["c3"], result.Steps[2].DroppedIds);
    }

    [Fact]
    public void Ordered_EveryStep1OccurrenceAnchorsAnAttempt()
    {
        // Attempt from a@0: b@60, then c@1320 is past 0 + 600 s: depth 2. Attempt from a@1200: b@1260, c@1320: depth 3.
        // The customer's depth is the deepest: 3, with the times of the second attempt (60 s, 60 s).
        var result = Run(
            Funnel("a b c", TenMinutes),
            new("c1", 0, "a"), new("c1", 60, "b"), new("c1", 1200, "a"), new("c1", 1260, "b"), new("c1", 1320, "c"));

        Assert.Equal([1L, 1, 1], Counts(result));
        Assert.Equal(TimeSpan.FromSeconds(60), result.Steps[1].MedianTimeToConvert);
        Assert.Equal(TimeSpan.FromSeconds(60), result.Steps[2].MedianTimeToConvert);
    }

    [Fact]
    public void TimeToConvert_TakesTheAttemptThatReachesTheDepthEarliest_TiesToTheLatestAnchor()
    {
        // Anchors a@0 and a@60 both reach b@120 (the depth, 2) at 120: a tie, so the latest anchor counts: 60 s.
        // c2: anchors a@0 → b@100 (reach 100) and a@50 → b@100 (reach 100): tie again, latest anchor: 50 s.
        var result = Run(
            Funnel("a b"),
            new("c1", 0, "a"), new("c1", 60, "a"), new("c1", 120, "b"),
            new("c2", 0, "a"), new("c2", 50, "a"), new("c2", 100, "b"));

        // Times 50 s and 60 s: mean 55 s, median the midpoint of the two, 55 s.
        Assert.Equal(new Dictionary<long, long> { [TimeSpan.FromSeconds(50).Ticks] = 1, [TimeSpan.FromSeconds(60).Ticks] = 1 }, result.Steps[1].TimeToConvert);
        Assert.Equal(TimeSpan.FromSeconds(55), result.Steps[1].MeanTimeToConvert);
        Assert.Equal(TimeSpan.FromSeconds(55), result.Steps[1].MedianTimeToConvert);
    }

    [Fact]
    public void TimeToConvert_MeanAndExactMedian_PerStep()
    {
        // a → b gaps: 60, 120, 360 s (mean 180, median 120). b → c gaps (c1, c2 only): 10 and 30 s (mean 20,
        // median midpoint 20). c3 reached b but not c, so it has no b → c time.
        var result = Run(
            Funnel("a b c", TimeSpan.FromHours(1)),
            new("c1", 0, "a"), new("c1", 60, "b"), new("c1", 70, "c"),
            new("c2", 0, "a"), new("c2", 120, "b"), new("c2", 150, "c"),
            new("c3", 0, "a"), new("c3", 360, "b"));

        Assert.Equal(TimeSpan.FromSeconds(180), result.Steps[1].MeanTimeToConvert);
        Assert.Equal(TimeSpan.FromSeconds(120), result.Steps[1].MedianTimeToConvert);
        Assert.Equal(TimeSpan.FromSeconds(20), result.Steps[2].MeanTimeToConvert);
        Assert.Equal(TimeSpan.FromSeconds(20), result.Steps[2].MedianTimeToConvert);
        Assert.Null(result.Steps[0].MeanTimeToConvert);
        Assert.Null(result.Steps[0].MedianTimeToConvert);
    }

    [Fact]
    public void OneEventCustomers_AndAnEmptyLog()
    {
        // c1's only event is step 1: depth 1. c2's only event is no step: out of the funnel.
        var result = Run(Funnel("a b"), new("c1", 0, "a"), new("c2", 0, "z"));
        Assert.Equal([1L, 0], Counts(result));
        Assert.Equal(2, result.Customers);
        Assert.Equal(["c1"], result.Steps[1].DroppedIds);
        Assert.Null(result.Steps[1].MedianTimeToConvert);

        var empty = FunnelAccumulator.Compute(new EventLogBuilder().Build(), Funnel("a b"));
        Assert.False(empty.HasValue);
        Assert.Equal(0, empty.Customers);
        Assert.Equal([0L, 0], Counts(empty));
        Assert.False(empty.Steps[1].FromPrevious.HasValue);
        Assert.False(empty.ConversionRate.HasValue);
        Assert.Empty(empty.ExcludedIds);
    }

    [Fact]
    public void Exclusions_TaintAttemptsBetweenTheirSteps()
    {
        var funnel = new FunnelDefinition(
            [FunnelStep.Event("a"), FunnelStep.Event("b"), FunnelStep.Event("c")],
            TenMinutes,
            exclusions: [new FunnelExclusion("x", 0, 1), new FunnelExclusion("y", 1, 2)]);

        var result = Run(
            funnel,
            // c1: x between a and b taints the only attempt, which reaches the depth 3: excluded.
            new("c1", 0, "a"), new("c1", 60, "x"), new("c1", 120, "b"), new("c1", 180, "c"),
            // c2: the attempt from a@0 (b@120, c@360) is tainted by x@60; the one from a@240 (b@300, c@360) is not and
            // also reaches 3: kept at depth 3, with the untainted attempt's times 60 s and 60 s.
            new("c2", 0, "a"), new("c2", 60, "x"), new("c2", 120, "b"), new("c2", 240, "a"), new("c2", 300, "b"), new("c2", 360, "c"),
            // c3: x at the anchor's own instant is not strictly after it: not tainted, depth 2.
            new("c3", 0, "a"), new("c3", 0, "x"), new("c3", 60, "b"),
            // c4: never reaches c; y after b and before anchor + window taints: its only deepest attempt is tainted.
            new("c4", 0, "a"), new("c4", 60, "b"), new("c4", 300, "y"),
            // c5: y exactly at anchor + window is not strictly before it: not tainted, depth 2.
            new("c5", 0, "a"), new("c5", 60, "b"), new("c5", 600, "y"),
            // c6: the deepest attempt (3) is tainted by y; the later attempt from a@1200 reaches only 1, untainted.
            // Exclusion looks at the deepest attempts only: excluded.
            new("c6", 0, "a"), new("c6", 60, "b"), new("c6", 120, "y"), new("c6", 180, "c"), new("c6", 1200, "a"));

        Assert.Equal(["c1", "c4", "c6"], result.ExcludedIds);
        Assert.Equal([3L, 3, 1], Counts(result));
        Assert.Equal(["c3", "c5"], result.Steps[2].DroppedIds);
        Assert.Equal(new Dictionary<long, long> { [TimeSpan.FromSeconds(60).Ticks] = 3 }, result.Steps[1].TimeToConvert);
        Assert.Equal(new Dictionary<long, long> { [TimeSpan.FromSeconds(60).Ticks] = 1 }, result.Steps[2].TimeToConvert);
    }

    [Fact]
    public void Strict_OtherEventsEndAnAttempt_RepeatsOfTheCurrentStepDoNot()
    {
        var result = Run(
            Funnel("a b c", TenMinutes, FunnelMode.Strict),
            // c1: a, b, c in a row: 3.
            new("c1", 0, "a"), new("c1", 10, "b"), new("c1", 20, "c"),
            // c2: d between a and b ends the attempt at 1.
            new("c2", 0, "a"), new("c2", 10, "d"), new("c2", 20, "b"), new("c2", 30, "c"),
            // c3: repeats stay: a a b b c → 3.
            new("c3", 0, "a"), new("c3", 5, "a"), new("c3", 10, "b"), new("c3", 15, "b"), new("c3", 20, "c"),
            // c4: b after the window ends the attempt: 1.
            new("c4", 0, "a"), new("c4", 601, "b"),
            // c5: the first attempt breaks on d; the second a starts a new one that reaches 2.
            new("c5", 0, "a"), new("c5", 10, "d"), new("c5", 20, "a"), new("c5", 30, "b"));

        Assert.Equal([5L, 3, 2], Counts(result));
        Assert.Equal(["c2", "c4"], result.Steps[1].DroppedIds);
        Assert.Equal(["c5"], result.Steps[2].DroppedIds);
        Assert.Null(result.Steps[1].MedianTimeToConvert);
    }

    [Fact]
    public void Strict_EqualTimestamps_FollowTheLogOrder()
    {
        // b is given before a at the same instant: in the log's order (time, then input order) nothing follows a, so
        // the strict depth is 1 where the ordered depth is 2.
        var events = new FunnelEvent[] { new("c1", 0, "b"), new("c1", 0, "a") };

        Assert.Equal([1L, 0], Counts(Run(Funnel("a b", mode: FunnelMode.Strict), events)));
        Assert.Equal([1L, 1], Counts(Run(Funnel("a b"), events)));
    }

    [Fact]
    public void AnyOrder_CountsDistinctStepsInsideOneClosedWindow()
    {
        var result = Run(
            Funnel("a b c", TenMinutes, FunnelMode.AnyOrder),
            // c1: c, b, a within 2 minutes: 3.
            new("c1", 0, "c"), new("c1", 60, "b"), new("c1", 120, "a"),
            // c2: c and a 601 s apart never share a window: 1.
            new("c2", 0, "c"), new("c2", 601, "a"),
            // c3: b then c exactly 600 s later (closed window): 2.
            new("c3", 0, "b"), new("c3", 600, "c"));

        Assert.Equal([3L, 2, 1], Counts(result));
        Assert.Equal(["c2"], result.Steps[1].DroppedIds);
        Assert.Equal(["c3"], result.Steps[2].DroppedIds);
    }

    [Fact]
    public void AnyOrder_RepeatedStepName_OneOccurrenceFillsOneStep()
    {
        // view, view, buy in any order: one view and a buy fill 2 steps, not 3; two views and a buy fill 3.
        var result = Run(
            Funnel("view view buy", mode: FunnelMode.AnyOrder),
            new("c1", 0, "buy"), new("c1", 10, "view"),
            new("c2", 0, "view"), new("c2", 5, "buy"), new("c2", 9, "view"));

        Assert.Equal([2L, 2, 1], Counts(result));
    }

    [Fact]
    public void Breakdown_ByChannel_UsesTheAnchorOfTheChosenAttempt()
    {
        var funnel = new FunnelDefinition([FunnelStep.Event("a"), FunnelStep.Event("b")], breakdown: FunnelBreakdown.Channel);

        // c1: a@0 on email and a@300 on web both reach b@360 at 360: a tie, the latest anchor (web) gives the value.
        // c2: its only a is on email. c3: a on sms.
        var result = Run(
            funnel,
            new("c1", 0, "a", "email"), new("c1", 300, "a", "web"), new("c1", 360, "b", "email"),
            new("c2", 0, "a", "email"),
            new("c3", 0, "a", "sms"));

        Assert.Equal([3L, 1], Counts(result));
        Assert.Equal(["email", "sms", "web"], result.Breakdown.Select(entry => entry.BreakdownValue));
        Assert.Equal([1L, 0], Counts(result.Breakdown[0]));
        Assert.Equal(["c2"], result.Breakdown[0].Steps[1].DroppedIds);
        Assert.Equal([1L, 1], Counts(result.Breakdown[2]));
        Assert.Equal(TimeSpan.FromSeconds(60), result.Breakdown[2].Steps[1].MedianTimeToConvert);
        Assert.Empty(result.Breakdown[2].Breakdown);
    }

    [Fact]
    public void Breakdown_ByProperty_PutsCustomersWithoutAValueUnderNone()
    {
        var funnel = new FunnelDefinition([FunnelStep.Event("a")], breakdown: FunnelBreakdown.Property, breakdownProperty: "plan");

        var result = Run(funnel, new("c1", 0, "a", Plan: "pro"), new("c2", 0, "a"), new("c3", 0, "a", Plan: "pro"));

        Assert.Equal([null, "pro"], result.Breakdown.Select(entry => entry.BreakdownValue));
        Assert.Equal([1L], Counts(result.Breakdown[0]));
        Assert.Equal([2L], Counts(result.Breakdown[1]));
        Assert.StartsWith("(none)", result.Breakdown[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Steps_WithChannelAndPropertyConditions_MatchOnlyThoseEvents()
    {
        var funnel = new FunnelDefinition([FunnelStep.Event("a"), new FunnelStep("b", channel: "EMAIL"), new FunnelStep("c", propertyKey: "plan", propertyValue: "pro")]);

        var result = Run(
            funnel,
            // c1: b on web does not match step 2: depth 1.
            new("c1", 0, "a"), new("c1", 10, "b", "web"), new("c1", 20, "c", Plan: "pro"),
            // c2: b on email (the channel compares ignoring case), c with plan free: depth 2.
            new("c2", 0, "a"), new("c2", 10, "b", "email"), new("c2", 20, "c", Plan: "free"),
            // c3: all three: depth 3.
            new("c3", 0, "a"), new("c3", 10, "b", "email"), new("c3", 20, "c", Plan: "pro"));

        Assert.Equal([3L, 2, 1], Counts(result));
    }

    private static EventLog Merge(EventLog first, EventLog second)
    {
        var builder = new EventLogBuilder();
        foreach (var log in new[] { first, second })
        {
            for (var row = 0; row < log.Count; row++)
            {
                builder.Add(
                    log.Customers[log.CustomerIndexes[row]],
                    new DateTimeOffset(log.Timestamps[row], TimeSpan.Zero),
                    log.EventNames[log.EventNameIds[row]],
                    log.Channels[log.ChannelIds[row]]);
            }
        }

        return builder.Build();
    }
}
