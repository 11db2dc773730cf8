using Engagement.Sdk.Journeys;
using Engagement.Sdk.Touchpoints;
using static Engagement.Sdk.Tests.Journeys.JourneyRows;

namespace Engagement.Sdk.Tests.Journeys;

public class StageAccumulatorTests
{
    private static readonly StageDefinition NoRange = new(StageRules.Default);

    // a: home@0 Awareness, product_view@10 Consideration, account_page@15 (no stage), search@20 (Consideration again,
    //    no change), add_to_cart@30 Decision, product_view@40 Consideration, purchase@60 PostPurchase.
    //    Visits: Awareness [0, 10), Consideration [10, 30), Decision [30, 40), Consideration [40, 60), PostPurchase [60, …).
    // b: account_page@0 only: a customer without a stage.
    // c: catalog@0, catalog@5: Awareness [0, …).
    // d: add_to_cart@0, home@20: Decision [0, 20), Awareness [20, …): furthest Decision, current Awareness.
    private static readonly JourneyRow[] Journeys =
    [
        At("a", 0, "home"), At("a", 10, "product_view"), At("a", 15, "account_page"), At("a", 20, "search"),
        At("a", 30, "add_to_cart"), At("a", 40, "product_view"), At("a", 60, "purchase"),
        At("b", 0, "account_page"),
        At("c", 0, "catalog"), At("c", 5, "catalog"),
        At("d", 0, "add_to_cart"), At("d", 20, "home"),
    ];

    [Fact]
    public void Compute_HandWorkedJourneys_CountsFurthestCurrentAndTimeInStage()
    {
        var result = StageAccumulator.Compute(Log(Journeys), NoRange);

        // Customers a, b, c, d; b has no stage.
        Assert.Equal(4, result.Customers);
        Assert.Equal(3, result.StagedCustomers);
        // Furthest: c Awareness, d Decision, a PostPurchase.
        Assert.Equal([1L, 0, 1, 1, 0], result.Stages.Select(s => s.Furthest));
        // Current: c and d Awareness, a PostPurchase.
        Assert.Equal([2L, 0, 0, 1, 0], result.Stages.Select(s => s.Current));
        // Completed Awareness visits: a's 10 min (c's and d's are still open).
        Assert.Equal(TimeSpan.FromMinutes(10), result[JourneyStage.Awareness].MedianTimeInStage);
        Assert.Equal(1, result[JourneyStage.Awareness].CompletedVisits);
        // Consideration: a's two visits of 20 min each.
        Assert.Equal(2, result[JourneyStage.Consideration].CompletedVisits);
        Assert.Equal(TimeSpan.FromMinutes(20), result[JourneyStage.Consideration].MeanTimeInStage);
        // Decision: a 10 min, d 20 min; mean 15, median the midpoint of the two, 15.
        Assert.Equal(TimeSpan.FromMinutes(15), result[JourneyStage.Decision].MeanTimeInStage);
        Assert.Equal(TimeSpan.FromMinutes(15), result[JourneyStage.Decision].MedianTimeInStage);
        // PostPurchase: a's visit is open; no value.
        Assert.Null(result[JourneyStage.PostPurchase].MeanTimeInStage);
        Assert.Null(result[JourneyStage.PostPurchase].MedianTimeInStage);
        // Reached Decision or later: a and d, of 4.
        Assert.Equal(new Engagement.Sdk.Statistics.Proportion(2, 4), result.Reached(JourneyStage.Decision));
        Assert.Empty(result.Distribution);
    }

    [Fact]
    public void Enumerate_HandWorkedJourneys_GivesEachCustomersVisits()
    {
        var timelines = CustomerStageTimeline.Enumerate(Log(Journeys), NoRange).ToList();

        Assert.Equal(["a", "b", "c", "d"], timelines.Select(t => t.CustomerId));
        var a = timelines[0];
        Assert.Equal(
            [
                (JourneyStage.Awareness, T0, (DateTimeOffset?)T0.AddMinutes(10)),
                (JourneyStage.Consideration, T0.AddMinutes(10), T0.AddMinutes(30)),
                (JourneyStage.Decision, T0.AddMinutes(30), T0.AddMinutes(40)),
                (JourneyStage.Consideration, T0.AddMinutes(40), T0.AddMinutes(60)),
                (JourneyStage.PostPurchase, T0.AddMinutes(60), null),
            ],
            a.Visits.Select(v => (v.Stage, v.EnteredAt, v.ExitedAt)));
        Assert.Equal(JourneyStage.PostPurchase, a.CurrentStage);
        Assert.Equal(JourneyStage.PostPurchase, a.FurthestStage);
        // Two completed Consideration visits of 20 min.
        Assert.Equal(TimeSpan.FromMinutes(40), a.TimeIn(JourneyStage.Consideration));
        Assert.Equal(TimeSpan.Zero, a.TimeIn(JourneyStage.PostPurchase));
        Assert.Empty(timelines[1].Visits);
        Assert.Equal(JourneyStage.Unspecified, timelines[1].CurrentStage);
        Assert.Equal(JourneyStage.Unspecified, timelines[1].FurthestStage);
        Assert.Equal((JourneyStage.Decision, JourneyStage.Awareness), (timelines[3].FurthestStage, timelines[3].CurrentStage));
        Assert.Throws<ArgumentException>("stage", () => a.TimeIn(new JourneyStage("Elsewhere")));
    }

    [Fact]
    public void Compute_WithARange_CountsStagesAtTheEndOfEachPeriod()
    {
        // Periods (UTC days): Jan 5 (from 10:00, partial), Jan 6, Jan 7 up to 12:00; their ends are Jan 6 00:00,
        // Jan 7 00:00 and Jan 7 12:00.
        var from = new DateTimeOffset(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);
        var to = new DateTimeOffset(2026, 1, 7, 12, 0, 0, TimeSpan.Zero);
        var definition = new StageDefinition(StageRules.Default, from, to, CalendarPeriod.Day);
        var rows = new[]
        {
            // x: home before the range (still counts: x is in Awareness when the range begins); product_view exactly at
            // the end of the first period (so not yet seen at that end); purchase after the range (ignored).
            new JourneyRow("x", new DateTimeOffset(2026, 1, 4, 23, 0, 0, TimeSpan.Zero), "home", Channels.Website),
            new JourneyRow("x", new DateTimeOffset(2026, 1, 6, 0, 0, 0, TimeSpan.Zero), "product_view", Channels.Website),
            new JourneyRow("x", new DateTimeOffset(2026, 1, 7, 13, 0, 0, TimeSpan.Zero), "purchase", Channels.Website),
            // y: only after the range: not a customer of it.
            new JourneyRow("y", new DateTimeOffset(2026, 1, 8, 0, 0, 0, TimeSpan.Zero), "home", Channels.Website),
            // z: cart on Jan 6 05:00, home at 06:00: Decision for an hour, then Awareness.
            new JourneyRow("z", new DateTimeOffset(2026, 1, 6, 5, 0, 0, TimeSpan.Zero), "cart", Channels.Website),
            new JourneyRow("z", new DateTimeOffset(2026, 1, 6, 6, 0, 0, TimeSpan.Zero), "home", Channels.Website),
        };

        var result = StageAccumulator.Compute(Log(rows), definition);

        Assert.Equal(2, result.Customers);
        Assert.Equal(
            [new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 1, 6, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 1, 7, 0, 0, 0, TimeSpan.Zero)],
            result.Distribution.Select(p => p.Start));
        // End of Jan 5: x in Awareness, z not yet seen.
        Assert.Equal([1L, 0, 0, 0, 0], result.Distribution[0].Counts);
        // End of Jan 6 and at the range's end: x in Consideration, z in Awareness.
        Assert.Equal([1L, 1, 0, 0, 0], result.Distribution[1].Counts);
        Assert.Equal([1L, 1, 0, 0, 0], result.Distribution[2].Counts);
        // Furthest: x Consideration (the purchase is after the range), z Decision.
        Assert.Equal([0L, 1, 1, 0, 0], result.Stages.Select(s => s.Furthest));
        Assert.Equal(TimeSpan.FromHours(1), result[JourneyStage.Decision].MedianTimeInStage);
        Assert.Equal(NaiveStages.Result(rows, definition), result);
    }

    [Fact]
    public void Rules_FirstMatchWins_ByNameChannelOrPredicate()
    {
        var model = new StageModel([new JourneyStage("Reach"), new JourneyStage("Talk"), new JourneyStage("Buy")]);
        var rules = new StageRules(
            model,
            [
                // A predicate: paid media on a search channel, whatever the event.
                new StageRule(model.Stages[0], [], [], MediaType.Paid, ChannelKind.Search),
                StageRule.ForEvents(model.Stages[2], "buy"),
                StageRule.ForChannels(model.Stages[1], Channels.LiveChat, Channels.Email),
            ]);

        // The first rule wins over the second for a purchase through a paid search ad.
        Assert.Equal(model.Stages[0], rules.Classify("buy", Channels.PaidSearch));
        Assert.Equal(model.Stages[2], rules.Classify("buy", Channels.Email));
        // Channel names match ignoring case.
        Assert.Equal(model.Stages[1], rules.Classify("open", new Channel("EMAIL", MediaType.Owned, ChannelKind.Email)));
        // Organic search is earned, not paid: no rule matches.
        Assert.Equal(JourneyStage.Unspecified, rules.Classify("view", Channels.OrganicSearch));

        // The log's bit masks give the same stages as Classify.
        var log = Log(
            At("p", 0, "buy", Channels.PaidSearch),
            At("p", 1, "buy", Channels.Email),
            At("p", 2, "open", Channels.LiveChat),
            At("p", 3, "view", Channels.OrganicSearch));
        var visits = CustomerStageTimeline.Enumerate(log, new StageDefinition(rules)).Single().Visits;
        Assert.Equal([model.Stages[0], model.Stages[2], model.Stages[1]], visits.Select(v => v.Stage));
    }

    [Fact]
    public void Compute_EqualTimestamps_KeepInputOrderAndGiveAZeroLengthVisit()
    {
        // t: add_to_cart and home at the same instant, in that input order, then product_view 5 min later. Ties keep input
        // order, so Decision is entered and left at the same instant (a completed visit of 0), then Awareness [0, 5).
        var rows = new[] { At("t", 0, "add_to_cart"), At("t", 0, "home"), At("t", 5, "product_view") };

        var result = StageAccumulator.Compute(Log(rows), NoRange);

        Assert.Equal(TimeSpan.Zero, result[JourneyStage.Decision].MedianTimeInStage);
        Assert.Equal(TimeSpan.FromMinutes(5), result[JourneyStage.Awareness].MedianTimeInStage);
        // Furthest is Decision, though the customer is now in Consideration.
        Assert.Equal((1L, 0L), (result[JourneyStage.Decision].Furthest, result[JourneyStage.Decision].Current));
        Assert.Equal(1, result[JourneyStage.Consideration].Current);
        // The other input order gives Awareness [0, 0) then Decision [0, 5): a different journey, as stated.
        var swapped = StageAccumulator.Compute(Log(rows[1], rows[0], rows[2]), NoRange);
        Assert.Equal(TimeSpan.FromMinutes(5), swapped[JourneyStage.Decision].MedianTimeInStage);
    }

    [Fact]
    public void Rules_ARuleWithoutConditions_CatchesEveryEventTheEarlierRulesLeft()
    {
        var rules = new StageRules(
            StageModel.Default,
            [StageRule.ForEvents(JourneyStage.Decision, "cart"), new StageRule(JourneyStage.Awareness, [], [])]);

        Assert.Equal(JourneyStage.Decision, rules.Classify("cart", Channels.Email));
        Assert.Equal(JourneyStage.Awareness, rules.Classify("anything", Channels.Email));
        Assert.Equal("Awareness ← any event", rules.Rules[1].ToString());
        Assert.Equal("Decision ← name in [cart]", rules.Rules[0].ToString());
    }

    [Fact]
    public void DefaultRules_CoverEveryEcommerceEventButAccountSupportAndErrorPages()
    {
        var names = EventLogTestData.ReadEcommerce().Select(r => r.Event).Distinct().Order(StringComparer.Ordinal);

        var unstaged = names.Where(n => StageRules.Default.Classify(n, Channels.Website).IsUnspecified);

        Assert.Equal(["account_page", "error_page", "support_chat"], unstaged);
        Assert.Equal(JourneyStage.PostPurchase, StageRules.Default.Classify("purchase", Channels.Website));
        Assert.Equal(JourneyStage.Decision, StageRules.Default.Classify("payment_error", Channels.Website));
    }

    [Fact]
    public void Compute_OnTheEcommerceFile_EqualsPlainLinq()
    {
        var rows = EventLogTestData.ReadEcommerce();
        var log = EventLogTestData.ToBuilder(rows).Build();

        var result = StageAccumulator.Compute(log, NoRange);

        // Plain LINQ: per user in time order (ties in file order), the stage of each event from the default table.
        var table = EcommerceStages;
        var users = rows.GroupBy(r => r.UserId)
            .Select(g => g.OrderBy(r => r.Timestamp).Where(r => table.ContainsKey(r.Event)).Select(r => (Stage: table[r.Event], r.Timestamp)).ToList())
            .ToList();
        Assert.Equal(users.Count, result.Customers);
        for (var s = 0; s < 5; s++)
        {
            Assert.Equal(users.Count(u => u.Count > 0 && u.Max(e => e.Stage) == s), result.Stages[s].Furthest);
            Assert.Equal(users.Count(u => u.Count > 0 && u[^1].Stage == s), result.Stages[s].Current);
            // A visit starts at a staged event whose stage differs from the previous staged event's; a completed visit of s
            // lasts from its start to the next visit's start.
            var durations = users.SelectMany(u =>
                {
                    var starts = u.Where((e, i) => i == 0 || u[i - 1].Stage != e.Stage).ToList();
                    return starts.Zip(starts.Skip(1)).Where(p => p.First.Stage == s).Select(p => (p.Second.Timestamp - p.First.Timestamp).Ticks);
                })
                .Order()
                .ToList();
            Assert.Equal(durations.Count, result.Stages[s].CompletedVisits);
            if (durations.Count > 0)
            {
                var median = (durations[(durations.Count - 1) / 2] + durations[durations.Count / 2]) / 2;
                Assert.Equal(TimeSpan.FromTicks(median), result.Stages[s].MedianTimeInStage);
                Assert.Equal(TimeSpan.FromTicks((long)(durations.Select(d => (decimal)d).Sum() / durations.Count)), result.Stages[s].MeanTimeInStage);
            }
        }

        // Nobody reaches Loyalty: the file has no loyalty events.
        Assert.Equal(0, result[JourneyStage.Loyalty].Furthest);
    }

    [Fact]
    public void Compute_OnALargeLog_UsesPartitionsThatMergeToTheWhole()
    {
        var rows = EventLogTestData.ReadEcommerce();
        var log = EventLogTestData.ToBuilder(rows.Concat(rows.Select(r => r with { UserId = r.UserId + "b" })).Concat(rows.Select(r => r with { UserId = r.UserId + "c" }))).Build();
        var definition = new StageDefinition(
            StageRules.Default, new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2024, 4, 1, 0, 0, 0, TimeSpan.Zero), CalendarPeriod.Week);
        Assert.True(log.Count >= CustomerScan.ParallelThreshold);

        var whole = StageAccumulator.Compute(log, definition);
        var merged = new StageAccumulator(definition);
        foreach (var part in log.Partition(3))
        {
            var accumulator = new StageAccumulator(definition);
            accumulator.Add(part);
            merged.Merge(accumulator);
        }

        Assert.Equal(whole, merged.ToResult());
        Assert.Equal(
            NaiveStages.Result(rows.Select(r => new JourneyRow(r.UserId, r.Timestamp, r.Event, r.Channel)), definition).Stages.Select(s => s.Furthest * 3),
            whole.Stages.Select(s => s.Furthest));
    }

    [Fact]
    public void Add_Cancelled_ChangesNothing()
    {
        var accumulator = new StageAccumulator(NoRange);
        var before = accumulator.GetState();

        Assert.Throws<OperationCanceledException>(() => accumulator.Add(Log(Journeys), new CancellationToken(canceled: true)));

        Assert.Equal(before, accumulator.GetState());
    }

    [Fact]
    public void Empty_HasNoValue()
    {
        var result = StageAccumulator.Compute(new EventLogBuilder().Build(), NoRange);

        Assert.False(result.HasValue);
        Assert.False(result.Reached(JourneyStage.Awareness).HasValue);
        Assert.All(result.Stages, s => Assert.Null(s.MeanTimeInStage));
        Assert.Equal("0 customers: no value", result.ToString());
    }

    [Fact]
    public void Merge_OfAnotherDefinition_NamesBoth()
    {
        var accumulator = new StageAccumulator(NoRange);
        var other = new StageAccumulator(new StageDefinition(StageRules.Default, JourneyRows.T0, JourneyRows.T0.AddDays(1)));

        var e = Assert.Throws<ArgumentException>("other", () => accumulator.Merge(other));

        Assert.Contains(NoRange.ToString(), e.Message, StringComparison.Ordinal);
        Assert.Contains(other.StageDefinition.ToString(), e.Message, StringComparison.Ordinal);
    }
}
