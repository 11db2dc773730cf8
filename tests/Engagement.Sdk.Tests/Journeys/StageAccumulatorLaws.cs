using Engagement.Sdk.Journeys;
using Engagement.Sdk.Tests.Support;
using Engagement.Sdk.Touchpoints;
using FsCheck;
using FsCheck.Fluent;

namespace Engagement.Sdk.Tests.Journeys;

/// <summary>One observation is one customer's events, added as a one-customer log under a fresh customer id.</summary>
public class StageAccumulatorLaws
    : DefinedAccumulatorLawTests<StageAccumulator, StageResult, StageState, (string Name, Channel Channel, int Minutes)[]>
{
    // Three UTC days around T0 (Jan 4 to Jan 7 10:00), so that the distribution has periods to fill.
    internal static readonly StageDefinition Definition = new(StageRules.Default, JourneyRows.T0.AddDays(-1), JourneyRows.T0.AddDays(2));

    private static readonly string[] Names = ["home", "catalog", "product_view", "search", "add_to_cart", "cart", "purchase", "account_page"];

    /// <summary>1 to 6 events of staged and unstaged names within the range (events may precede its start), first one
    /// staged, with ties.</summary>
    internal static Gen<(string Name, Channel Channel, int Minutes)[]> Journey =>
        from length in Gen.Choose(1, 6)
        from first in Gen.Elements(Names[..^1])
        from events in (
            from name in Gen.Elements(Names)
            from channel in Gen.Elements(Channels.Website, Channels.Email)
            from minutes in Gen.Choose(-2000, 2800)
            select (name, channel, minutes)).ArrayOf(length)
        select events.Select((e, i) => i == 0 ? e with { name = first } : e).ToArray();

    protected override Gen<(string Name, Channel Channel, int Minutes)[]> Observation => Journey;

    protected override IEnumerable<(string Json, string Field)> ImpossibleStates
    {
        get
        {
            yield return (StateWith("customers", -1), "customers");
            // Every sample has a staged customer, so no customers at all is impossible.
            yield return (StateWith("customers", 0), "stages");
            var node = StateNode();
            node["stages"]!.AsArray().RemoveAt(4);
            yield return (node.ToJsonString(), "stages");
            node = StateNode();
            node["distribution"]!.AsArray().RemoveAt(0);
            yield return (node.ToJsonString(), "distribution");
            // More customers in Loyalty at the end of the first day than ever got there.
            node = StateNode();
            node["distribution"]![0]!["counts"]![4] = 1;
            yield return (node.ToJsonString(), "distribution");
            // A current count moved to a stage beyond every furthest one.
            node = StateNode();
            var stages = node["stages"]!.AsArray();
            var from = stages.Select((s, i) => (s, i)).First(x => (long)x.s!["current"]! > 0).i;
            stages[from]!["current"] = (long)stages[from]!["current"]! - 1;
            stages[4]!["current"] = (long)stages[4]!["current"]! + 1;
            yield return (node.ToJsonString(), "stages");
        }
    }

    protected override StageAccumulator CreateEmpty() => new(Definition);

    protected override StageAccumulator CreateOfAnotherDefinition() => new(new StageDefinition(StageRules.Default));

    protected override void Add(StageAccumulator accumulator, (string Name, Channel Channel, int Minutes)[] observation) =>
        accumulator.Add(JourneyRows.OneCustomer(observation));

    protected override bool HasValue(StageResult result) => result.HasValue;
}

public class StageProperties
{
    private static readonly Config Many = Config.QuickThrowOnFailure.WithMaxTest(200);

    private static Arbitrary<JourneyRow[]> Rows =>
        Arb.From(
            from customers in Gen.Choose(0, 8)
            from journeys in StageAccumulatorLaws.Journey.ArrayOf(customers)
            select journeys.SelectMany((j, c) => j.Select(e => JourneyRows.At($"c{c}", e.Minutes, e.Name, e.Channel))).ToArray(),
            rows => rows.Length == 0 ? [] : new[] { rows[..(rows.Length / 2)], rows[1..] });

    [Fact]
    public void Result_EqualsTheNaiveReference() =>
        Prop.ForAll(Rows, rows =>
            StageAccumulator.Compute(JourneyRows.Log(rows), StageAccumulatorLaws.Definition)
                .Equals(NaiveStages.Result(rows, StageAccumulatorLaws.Definition))).Check(Many);

    [Fact]
    public void PartitionsMerged_EqualTheWhole_AndInputOrderDoesNotMatter() =>
        Prop.ForAll(Rows, Gen.Choose(1, 4).ToArbitrary(), (rows, parts) =>
        {
            var log = JourneyRows.Log(rows);
            var merged = new StageAccumulator(StageAccumulatorLaws.Definition);
            foreach (var part in log.Partition(parts))
            {
                merged.Merge(FromLog(part));
            }

            // Reversing the input keeps every customer's order except among equal timestamps, where a stable sort keeps
            // input order; so reverse only rows with distinct instants per customer.
            var distinct = rows.DistinctBy(r => (r.Customer, r.Timestamp)).ToArray();
            return merged.GetState().Equals(FromLog(log).GetState())
                && FromLog(JourneyRows.Log(distinct)).GetState().Equals(FromLog(JourneyRows.Log(distinct.Reverse())).GetState());
        }).Check(Many);

    [Fact]
    public void TimeInStage_SumsOverTimelines_AndTheLastPeriodIsTheCurrentStage() =>
        Prop.ForAll(Rows, rows =>
        {
            var log = JourneyRows.Log(rows);
            var result = StageAccumulator.Compute(log, StageAccumulatorLaws.Definition);
            var timelines = CustomerStageTimeline.Enumerate(log, StageAccumulatorLaws.Definition).ToList();
            return result.Stages.All(s =>
                    s.CompletedVisits == timelines.Sum(t => t.Visits.Count(v => v.Stage == s.Stage && v.ExitedAt is not null))
                    && s.Current == timelines.Count(t => t.CurrentStage == s.Stage))
                && result.Distribution[^1].Counts.SequenceEqual(result.Stages.Select(s => s.Current));
        }).Check(Many);

    private static StageAccumulator FromLog(EventLog log)
    {
        var accumulator = new StageAccumulator(StageAccumulatorLaws.Definition);
        accumulator.Add(log);
        return accumulator;
    }
}
