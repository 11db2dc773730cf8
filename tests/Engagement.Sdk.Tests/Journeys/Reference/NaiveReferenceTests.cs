using FsCheck;
using FsCheck.Fluent;

namespace Engagement.Sdk.Tests.Journeys.Reference;

/// <summary>
/// Hand-checked cases for the naive reference implementations themselves: every expected value is worked out in a
/// comment from the definition, so that the optimised analyses are compared with something known to be right.
/// </summary>
public partial class NaiveReferenceTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static readonly TimeSpan TenMinutes = TimeSpan.FromMinutes(10);

    private static readonly (string Event, int FromStep, int ToStep)[] NoExclusions = [];

    private static readonly string[] ViewCartBuy = ["view", "cart", "buy"];

    private static readonly string[] ViewBuy = ["view", "buy"];

    /// <summary>An event <paramref name="minute"/> minutes after <see cref="T0"/>.</summary>
    private static RefEvent E(string customer, int minute, string name) => new(customer, T0.AddMinutes(minute), name);

    private static long Minutes(double minutes) => (long)(minutes * TimeSpan.TicksPerMinute);

    private static Dictionary<string, int> Depths(RefFunnelMode mode, string[] steps, TimeSpan window, params RefEvent[] events) =>
        NaiveFunnel.Depths(events, steps, window, mode, NoExclusions);

    [Fact]
    public void Funnel_EmptyInput_HasNoCustomers_AndNoTimeToConvert()
    {
        foreach (var mode in Enum.GetValues<RefFunnelMode>())
        {
            Assert.Empty(Depths(mode, ViewCartBuy, TenMinutes));
            Assert.Empty(NaiveFunnel.Excluded([], ViewCartBuy, TenMinutes, mode, NoExclusions));
        }

        Assert.Empty(NaiveFunnel.Gaps([], ViewCartBuy, TenMinutes, NoExclusions));
        Assert.Equal([(null, null), (null, null), (null, null)], NaiveFunnel.TimeToConvert([], ViewCartBuy, TenMinutes, NoExclusions));
    }

    [Fact]
    public void Funnel_Ordered_StepsInOrder_OtherEventsBetweenAllowed()
    {
        var depths = Depths(
            RefFunnelMode.Ordered,
            ViewCartBuy,
            TenMinutes,
            E("a", 0, "view"), E("a", 1, "home"), E("a", 2, "cart"), E("a", 3, "buy"), // all three in order → 3
            E("b", 0, "cart"), E("b", 1, "view"), // cart before the only view does not count → 1
            E("c", 0, "home"), // an event, but never step 1 → 0
            E("d", 0, "view"), E("d", 1, "buy")); // buy without cart: stops after view → 1

        Assert.Equal(new Dictionary<string, int> { ["a"] = 3, ["b"] = 1, ["c"] = 0, ["d"] = 1 }, depths);
    }

    [Fact]
    public void Funnel_Ordered_WindowIsClosedAtItsEnd_AndEveryStep1AnchorsAnAttempt()
    {
        var depths = Depths(
            RefFunnelMode.Ordered,
            ViewBuy,
            TenMinutes,
            E("edge", 0, "view"), E("edge", 10, "buy"), // buy at anchor + window exactly: inside → 2
            E("late", 0, "view"), E("late", 11, "buy"), // one minute past anchor + window → 1
            E("second", 0, "view"), E("second", 5, "view"), E("second", 11, "buy")); // the view at 5 anchors: 11 ≤ 15 → 2

        Assert.Equal(new Dictionary<string, int> { ["edge"] = 2, ["late"] = 1, ["second"] = 2 }, depths);
    }

    [Fact]
    public void Funnel_EqualTimestamps_OrderedTakesThemInFunnelOrder_StrictKeepsInputOrder()
    {
        // buy is given before view, both at minute 0. Ordered: the buy's timestamp is ≥ the view's, so it fills step 2
        // whatever the input order → 2. Strict: the journey is [buy, view] (ties in input order); after the view
        // anchor no event follows → 1. Any order: both inside [0, 10] → 2.
        RefEvent[] buyFirst = [E("a", 0, "buy"), E("a", 0, "view")];
        Assert.Equal(2, Depths(RefFunnelMode.Ordered, ViewBuy, TenMinutes, buyFirst)["a"]);
        Assert.Equal(1, Depths(RefFunnelMode.Strict, ViewBuy, TenMinutes, buyFirst)["a"]);
        Assert.Equal(2, Depths(RefFunnelMode.AnyOrder, ViewBuy, TenMinutes, buyFirst)["a"]);

        // Given view first, strict advances too → 2.
        RefEvent[] viewFirst = [E("a", 0, "view"), E("a", 0, "buy")];
        Assert.Equal(2, Depths(RefFunnelMode.Strict, ViewBuy, TenMinutes, viewFirst)["a"]);
    }

    [Fact]
    public void Funnel_RepeatedStepNames_NeedOneOccurrencePerStep()
    {
        string[] viewViewBuy = ["view", "view", "buy"];
        RefEvent[] events =
        [
            E("one", 0, "view"), E("one", 1, "buy"), // the anchor view cannot fill step 2 as well → 1
            E("two", 0, "view"), E("two", 1, "view"), E("two", 2, "buy"), // → 3
            E("tied", 0, "buy"), E("tied", 0, "view"), E("tied", 0, "view"), // all at 0: funnel order → 3
        ];

        Assert.Equal(new Dictionary<string, int> { ["one"] = 1, ["two"] = 3, ["tied"] = 3 }, NaiveFunnel.Depths(events, viewViewBuy, TenMinutes, RefFunnelMode.Ordered, NoExclusions));

        // Any order: "one" has a single view for the two view steps, so min(2, 1) + min(1, 1) = 2 steps, not 3.
        Assert.Equal(new Dictionary<string, int> { ["one"] = 2, ["two"] = 3, ["tied"] = 3 }, NaiveFunnel.Depths(events, viewViewBuy, TenMinutes, RefFunnelMode.AnyOrder, NoExclusions));

        // Strict: "one" anchors at view 0; buy is neither the next step (view) nor... it is not a view → ends → 1.
        // "two": view 0 → view 1 advances (next step, within the window) → buy 2 advances → 3.
        // "tied": the journey is [buy, view, view]; the first view anchors, the second advances, nothing follows → 2.
        Assert.Equal(new Dictionary<string, int> { ["one"] = 1, ["two"] = 3, ["tied"] = 2 }, NaiveFunnel.Depths(events, viewViewBuy, TenMinutes, RefFunnelMode.Strict, NoExclusions));
    }

    [Fact]
    public void Funnel_Strict_OnlyTheNextStepOrARepeatOfTheCurrentOneMayFollow()
    {
        var depths = Depths(
            RefFunnelMode.Strict,
            ViewCartBuy,
            TenMinutes,
            E("stay", 0, "view"), E("stay", 1, "view"), E("stay", 2, "cart"), E("stay", 3, "cart"), E("stay", 4, "buy"), // repeats stay → 3
            E("other", 0, "view"), E("other", 1, "home"), E("other", 2, "cart"), E("other", 3, "buy"), // home ends it → 1
            E("back", 0, "view"), E("back", 1, "cart"), E("back", 2, "view"), E("back", 3, "buy"), // view after cart ends the first attempt at 2; the view at 2 anchors, buy ends it at 1 → 2
            E("skip", 0, "view"), E("skip", 1, "buy"), E("skip", 2, "cart"), // buy is not the next step → 1
            E("late", 0, "view"), E("late", 11, "cart"), // the next step outside the window ends the attempt → 1
            E("again", 0, "view"), E("again", 1, "home"), E("again", 2, "view"), E("again", 3, "cart")); // second anchor: → 2

        Assert.Equal(
            new Dictionary<string, int> { ["stay"] = 3, ["other"] = 1, ["back"] = 2, ["skip"] = 1, ["late"] = 1, ["again"] = 2 },
            depths);

        // The same events, ordered: "other" 3, "back" 3 (view 0, cart 1, buy 3), "skip" 2 (view 0, cart 2; no buy after), "late" 1.
        var ordered = NaiveFunnel.Depths(
            [E("other", 0, "view"), E("other", 1, "home"), E("other", 2, "cart"), E("other", 3, "buy"),
             E("back", 0, "view"), E("back", 1, "cart"), E("back", 2, "view"), E("back", 3, "buy"),
             E("skip", 0, "view"), E("skip", 1, "buy"), E("skip", 2, "cart"),
             E("late", 0, "view"), E("late", 11, "cart")],
            ViewCartBuy,
            TenMinutes,
            RefFunnelMode.Ordered,
            NoExclusions);
        Assert.Equal(new Dictionary<string, int> { ["other"] = 3, ["back"] = 3, ["skip"] = 2, ["late"] = 1 }, ordered);
    }

    [Fact]
    public void Funnel_AnyOrder_CountsStepsInsideTheBestClosedWindow()
    {
        RefEvent[] events =
        [
            E("reversed", 0, "buy"), E("reversed", 1, "cart"), E("reversed", 2, "view"), // all in [0, 10] → 3 (ordered: 1)
            E("spread", 0, "view"), E("spread", 5, "cart"), E("spread", 15, "buy"), // [0,10]: view, cart; [5,15]: cart, buy (closed) → 2
            E("none", 0, "home"), // → 0
        ];

        Assert.Equal(new Dictionary<string, int> { ["reversed"] = 3, ["spread"] = 2, ["none"] = 0 }, NaiveFunnel.Depths(events, ViewCartBuy, TenMinutes, RefFunnelMode.AnyOrder, NoExclusions));

        // A 15-minute window holds all three steps of "spread" → 3.
        Assert.Equal(3, NaiveFunnel.Depths(events, ViewCartBuy, TimeSpan.FromMinutes(15), RefFunnelMode.AnyOrder, NoExclusions)["spread"]);
        Assert.Equal(1, NaiveFunnel.Depths(events, ViewCartBuy, TenMinutes, RefFunnelMode.Ordered, NoExclusions)["reversed"]);
    }

    [Fact]
    public void Funnel_OneEventCustomers_AndAOneStepFunnel()
    {
        foreach (var mode in Enum.GetValues<RefFunnelMode>())
        {
            // A lone view completes step 1 of 3 in every mode; a lone buy never starts (ordered, strict) but is one
            // step in any order.
            var depths = Depths(mode, ViewCartBuy, TenMinutes, E("v", 0, "view"), E("b", 0, "buy"));
            Assert.Equal(1, depths["v"]);
            Assert.Equal(mode == RefFunnelMode.AnyOrder ? 1 : 0, depths["b"]);

            // One step: whoever did it completed the funnel.
            Assert.Equal(new Dictionary<string, int> { ["v"] = 1, ["b"] = 0 }, Depths(mode, ["view"], TenMinutes, E("v", 0, "view"), E("b", 0, "buy")));
        }
    }

    [Fact]
    public void Funnel_Exclusions_TaintAttempts_AndExcludeWhenEveryDeepestAttemptIsTainted()
    {
        (string, int, int)[] promoBeforeBuy = [("promo", 0, 2)];
        var window = TimeSpan.FromMinutes(60);
        RefEvent[] events =
        [
            // Two full attempts: the one anchored at 0 has promo at 1, strictly between view 0 and buy 3 → tainted;
            // the one anchored at 10 (cart 11, buy 12) has none → the customer is kept, depth 3.
            E("clean-second", 0, "view"), E("clean-second", 1, "promo"), E("clean-second", 2, "cart"), E("clean-second", 3, "buy"),
            E("clean-second", 10, "view"), E("clean-second", 11, "cart"), E("clean-second", 12, "buy"),

            // The only attempt is tainted → excluded.
            E("tainted", 0, "view"), E("tainted", 1, "promo"), E("tainted", 2, "cart"), E("tainted", 3, "buy"),

            // The deepest attempt (3 steps) is tainted; a clean attempt reaching only 2 steps does not save it → excluded.
            E("shallow-clean", 0, "view"), E("shallow-clean", 1, "promo"), E("shallow-clean", 2, "cart"), E("shallow-clean", 3, "buy"),
            E("shallow-clean", 20, "view"), E("shallow-clean", 21, "cart"),

            // promo before the fromStep event: not strictly after it → kept, depth 2.
            E("promo-first", 0, "promo"), E("promo-first", 1, "view"), E("promo-first", 2, "cart"),

            // promo at the same instant as the fromStep event and as the toStep event: neither strictly after the one
            // nor strictly before the other → kept, depth 3.
            E("equal", 0, "view"), E("equal", 0, "promo"), E("equal", 2, "cart"), E("equal", 3, "buy"), E("equal", 3, "promo"),

            // Never reaches step 1: nothing to taint → kept, depth 0.
            E("never", 0, "promo"), E("never", 1, "cart"),
        ];

        var depths = NaiveFunnel.Depths(events, ViewCartBuy, window, RefFunnelMode.Ordered, promoBeforeBuy);
        var excluded = NaiveFunnel.Excluded(events, ViewCartBuy, window, RefFunnelMode.Ordered, promoBeforeBuy);

        Assert.Equal(new Dictionary<string, int> { ["clean-second"] = 3, ["promo-first"] = 2, ["equal"] = 3, ["never"] = 0 }, depths);
        Assert.Equal(["shallow-clean", "tainted"], excluded.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Funnel_Exclusions_WhenToStepIsNeverReached_LookUntilJustBeforeAnchorPlusWindow()
    {
        (string, int, int)[] promoBeforeBuy = [("promo", 0, 2)];
        RefEvent[] events =
        [
            // Reaches cart only; promo at 5 < anchor + window = 10 → tainted → excluded.
            E("inside", 0, "view"), E("inside", 2, "cart"), E("inside", 5, "promo"),

            // promo at exactly anchor + window: not strictly before it → kept, depth 2.
            E("edge", 0, "view"), E("edge", 2, "cart"), E("edge", 10, "promo"),
        ];

        Assert.Equal(new Dictionary<string, int> { ["edge"] = 2 }, NaiveFunnel.Depths(events, ViewCartBuy, TenMinutes, RefFunnelMode.Ordered, promoBeforeBuy));
        Assert.Equal(["inside"], NaiveFunnel.Excluded(events, ViewCartBuy, TenMinutes, RefFunnelMode.Ordered, promoBeforeBuy));

        // An exclusion from step 1 (cart) to step 2: promo at 1 comes before cart at 2, so it taints nothing.
        RefEvent[] before = [E("a", 0, "view"), E("a", 1, "promo"), E("a", 2, "cart"), E("a", 3, "buy")];
        Assert.Empty(NaiveFunnel.Excluded(before, ViewCartBuy, TenMinutes, RefFunnelMode.Ordered, [("promo", 1, 2)]));
    }

    [Fact]
    public void Funnel_Gaps_ComeFromTheAttemptThatReachesTheDepthEarliest_TieTheLatestAnchor()
    {
        RefEvent[] events =
        [
            // Anchors 0 and 3 both reach buy at 10 (the earliest buy ≥ anchor): a tie → the latest anchor, 3 → gap 7.
            E("tie", 0, "view"), E("tie", 3, "view"), E("tie", 10, "buy"), E("tie", 20, "buy"),

            // Anchor 0 reaches buy at 5, anchor 6 at 8: the earliest is anchor 0 → gap 5 (not 2).
            E("earliest", 0, "view"), E("earliest", 5, "buy"), E("earliest", 6, "view"), E("earliest", 8, "buy"),

            // Depth 1: no gap.
            E("alone", 0, "view"),
        ];

        var gaps = NaiveFunnel.Gaps(events, ViewBuy, TimeSpan.FromMinutes(30), NoExclusions);

        Assert.Equal(["earliest", "tie"], gaps.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([Minutes(7)], gaps["tie"]);
        Assert.Equal([Minutes(5)], gaps["earliest"]);
    }

    [Fact]
    public void Funnel_Gaps_WithExclusions_ComeFromAnUntaintedAttempt()
    {
        // Anchor 0 reaches buy at 3 but promo at 1 taints it; anchor 10 reaches buy at 12 untainted. The chosen attempt
        // is the untainted one → gaps cart − view = 1 and buy − cart = 1 (the tainted attempt would give 2 and 1).
        RefEvent[] events =
        [
            E("a", 0, "view"), E("a", 1, "promo"), E("a", 2, "cart"), E("a", 3, "buy"),
            E("a", 10, "view"), E("a", 11, "cart"), E("a", 12, "buy"),
        ];

        var gaps = NaiveFunnel.Gaps(events, ViewCartBuy, TimeSpan.FromMinutes(60), [("promo", 0, 2)]);

        Assert.Equal([Minutes(1), Minutes(1)], gaps["a"]);
        Assert.Equal([Minutes(2), Minutes(1)], NaiveFunnel.Gaps(events, ViewCartBuy, TimeSpan.FromMinutes(60), NoExclusions)["a"]);
    }

    [Fact]
    public void Funnel_TimeToConvert_MeanAndExactMedianPerStep()
    {
        RefEvent[] events =
        [
            E("a", 0, "view"), E("a", 2, "cart"), E("a", 6, "buy"), // gaps 2, 4
            E("b", 0, "view"), E("b", 4, "cart"), // gap 4
            E("c", 0, "view"), E("c", 6, "cart"), E("c", 7, "buy"), // gaps 6, 1
            E("d", 0, "view"), E("d", 10, "cart"), // gap 10
            E("e", 0, "view"), // none
        ];

        var time = NaiveFunnel.TimeToConvert(events, ViewCartBuy, TimeSpan.FromMinutes(30), NoExclusions);

        // cart: gaps 2, 4, 6, 10 → mean 22 / 4 = 5.5, median (4 + 6) / 2 = 5.
        // buy: gaps 4, 1 → mean 2.5, median (1 + 4) / 2 = 2.5.
        Assert.Equal((null, null), time[0]);
        Assert.Equal(((double)Minutes(5.5), (double)Minutes(5)), time[1]);
        Assert.Equal(((double)Minutes(2.5), (double)Minutes(2.5)), time[2]);

        // An odd count: without d, cart gaps 2, 4, 6 → mean 4, median 4.
        var odd = NaiveFunnel.TimeToConvert(events.Where(e => e.Customer != "d").ToList(), ViewCartBuy, TimeSpan.FromMinutes(30), NoExclusions);
        Assert.Equal(((double)Minutes(4), (double)Minutes(4)), odd[1]);
    }

    [Fact]
    public void Funnel_BadArguments_Throw()
    {
        RefEvent[] events = [E("a", 0, "view")];
        Assert.Equal("steps", Assert.Throws<ArgumentException>(() => NaiveFunnel.Depths(events, [], TenMinutes, RefFunnelMode.Ordered, NoExclusions)).ParamName);
        Assert.Equal("window", Assert.Throws<ArgumentOutOfRangeException>(() => NaiveFunnel.Depths(events, ViewBuy, TimeSpan.Zero, RefFunnelMode.Ordered, NoExclusions)).ParamName);
        Assert.Equal("exclusions", Assert.Throws<ArgumentOutOfRangeException>(() => NaiveFunnel.Depths(events, ViewBuy, TenMinutes, RefFunnelMode.Ordered, [("x", 1, 1)])).ParamName);
        Assert.Equal("exclusions", Assert.Throws<ArgumentOutOfRangeException>(() => NaiveFunnel.Gaps(events, ViewBuy, TenMinutes, [("x", 0, 2)])).ParamName);
        Assert.Equal("exclusions", Assert.Throws<ArgumentException>(() => NaiveFunnel.Excluded(events, ViewBuy, TenMinutes, RefFunnelMode.Strict, [("x", 0, 1)])).ParamName);
    }

    /// <summary>Up to 30 events over 4 customers, 4 names and 12 minutes, so that ties and repeats are common.</summary>
    private static Arbitrary<RefEvent[]> SmallLogs() =>
        RefGenerators.Events(["view", "cart", "buy", "home"], TimeSpan.FromMinutes(1), steps: 12, customers: 4, maxLength: 30);

    [Fact]
    public void Funnel_Modes_StrictAtMostOrderedAtMostAnyOrder_AndAWiderWindowNeverLowersADepth() =>
        Prop.ForAll(SmallLogs(), events =>
        {
            string[] steps = ["view", "cart", "view", "buy"];
            var strict = NaiveFunnel.Depths(events, steps, TimeSpan.FromMinutes(4), RefFunnelMode.Strict, NoExclusions);
            var ordered = NaiveFunnel.Depths(events, steps, TimeSpan.FromMinutes(4), RefFunnelMode.Ordered, NoExclusions);
            var any = NaiveFunnel.Depths(events, steps, TimeSpan.FromMinutes(4), RefFunnelMode.AnyOrder, NoExclusions);
            var wider = NaiveFunnel.Depths(events, steps, TimeSpan.FromMinutes(6), RefFunnelMode.Ordered, NoExclusions);
            return strict.All(s => s.Value <= ordered[s.Key] && ordered[s.Key] <= any[s.Key] && ordered[s.Key] <= wider[s.Key]);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Funnel_OrderedWithExclusions_DoesNotDependOnInputOrder() =>
        Prop.ForAll(SmallLogs(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (events, seed) =>
        {
            var shuffled = events.ToArray();
            new Random(seed).Shuffle(shuffled);
            (string, int, int)[] exclusions = [("home", 0, 2)];
            var window = TimeSpan.FromMinutes(5);
            return NaiveFunnel.Depths(events, ViewCartBuy, window, RefFunnelMode.Ordered, exclusions)
                    .OrderBy(d => d.Key, StringComparer.Ordinal)
                    .SequenceEqual(NaiveFunnel.Depths(shuffled, ViewCartBuy, window, RefFunnelMode.Ordered, exclusions).OrderBy(d => d.Key, StringComparer.Ordinal))
                && NaiveFunnel.Excluded(events, ViewCartBuy, window, RefFunnelMode.Ordered, exclusions)
                    .SetEquals(NaiveFunnel.Excluded(shuffled, ViewCartBuy, window, RefFunnelMode.Ordered, exclusions))
                && NaiveFunnel.TimeToConvert(events, ViewCartBuy, window, exclusions)
                    .SequenceEqual(NaiveFunnel.TimeToConvert(shuffled, ViewCartBuy, window, exclusions));
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Funnel_OrderedGreedyDepth_EqualsAnExhaustiveSearchOverEveryAssignment() =>
        Prop.ForAll(SmallLogs(), events =>
        {
            // The greedy rule ("the earliest not-yet-used occurrence") reaches as deep as any assignment of distinct
            // occurrences with non-decreasing times inside [anchor, anchor + window] would.
            string[] steps = ["view", "view", "cart", "view", "buy"];
            var window = TimeSpan.FromMinutes(5);
            var depths = NaiveFunnel.Depths(events, steps, window, RefFunnelMode.Ordered, NoExclusions);
            return RefJourneys.ByCustomer(events).All(j => depths[j.Key] == ExhaustiveOrderedDepth(j.Value, steps, window));
        }).QuickCheckThrowOnFailure();

    private static int ExhaustiveOrderedDepth(List<RefEvent> journey, string[] steps, TimeSpan window)
    {
        var best = 0;
        for (var anchor = 0; anchor < journey.Count; anchor++)
        {
            if (journey[anchor].Name == steps[0])
            {
                best = Math.Max(best, Deepest(1, journey[anchor].Time, [anchor]));

                int Deepest(int step, DateTimeOffset previous, HashSet<int> used)
                {
                    var deepest = step;
                    for (var i = 0; step < steps.Length && i < journey.Count; i++)
                    {
                        var e = journey[i];
                        if (e.Name == steps[step] && !used.Contains(i) && e.Time >= previous && e.Time <= journey[anchor].Time + window)
                        {
                            deepest = Math.Max(deepest, Deepest(step + 1, e.Time, [.. used, i]));
                        }
                    }

                    return deepest;
                }
            }
        }

        return best;
    }
}
