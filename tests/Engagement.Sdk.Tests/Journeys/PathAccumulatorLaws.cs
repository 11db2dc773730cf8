using Engagement.Sdk.Journeys;
using Engagement.Sdk.Tests.Journeys.Reference;
using Engagement.Sdk.Tests.Support;
using Engagement.Sdk.Touchpoints;
using FsCheck;
using FsCheck.Fluent;

namespace Engagement.Sdk.Tests.Journeys;

/// <summary>One observation is one customer's events, added as a one-customer log under a fresh customer id.</summary>
public class PathAccumulatorLaws
    : DefinedAccumulatorLawTests<PathAccumulator, PathResult, PathState, (string Name, Channel Channel, int Minutes)[]>
{
    private static readonly PathDefinition Definition = new(startNode: "home", maxLength: 3);

    protected override Gen<(string Name, Channel Channel, int Minutes)[]> Observation =>
        from length in Gen.Choose(1, 7)
        from events in (
            from name in Gen.Elements("home", "catalog", "cart")
            from minutes in Gen.Choose(0, 5)
            select (name, Channels.Website, minutes)).ArrayOf(length)
        select events.Select((e, i) => i == 0 ? e with { name = "home", minutes = -1 } : e).ToArray();

    protected override IEnumerable<(string Json, string Field)> ImpossibleStates
    {
        get
        {
            yield return (StateWith("customers", -1), "customers");
            // Every sample has a path starting at home.
            yield return (StateWith("customers", 0), "transitions");
            var node = StateNode();
            var paths = node["paths"]!.AsArray();
            paths[0]!["customers"] = 1000;
            yield return (node.ToJsonString(), "paths");
            node = StateNode();
            node["paths"]![0]!["nodes"] = new System.Text.Json.Nodes.JsonArray("catalog");
            yield return (node.ToJsonString(), "paths");
            node = StateNode();
            node["paths"]![0]!["nodes"] = new System.Text.Json.Nodes.JsonArray("home", "home", "home", "home");
            yield return (node.ToJsonString(), "paths");
            node = StateNode();
            var transitions = node["transitions"]!.AsArray();
            if (transitions.Count > 1)
            {
                var first = transitions[0]!.DeepClone();
                transitions[0] = transitions[1]!.DeepClone();
                transitions[1] = first;
                yield return (node.ToJsonString(), "transitions");
            }

            // A path step counted fewer times than customers take it: drop every transition.
            node = StateNode();
            if (node["paths"]!.AsArray().Any(p => p!["nodes"]!.AsArray().Count > 1))
            {
                node["transitions"] = new System.Text.Json.Nodes.JsonArray();
                yield return (node.ToJsonString(), "paths");
            }
        }
    }

    protected override PathAccumulator CreateEmpty() => new(Definition);

    protected override PathAccumulator CreateOfAnotherDefinition() => new(new PathDefinition());

    protected override void Add(PathAccumulator accumulator, (string Name, Channel Channel, int Minutes)[] observation) =>
        accumulator.Add(JourneyRows.OneCustomer(observation));

    protected override bool HasValue(PathResult result) => result.HasValue;
}

public class PathProperties
{
    private static readonly Config Many = Config.QuickThrowOnFailure.WithMaxTest(200);

    private static readonly string[] Names = ["home", "catalog", "product_view", "cart", "purchase"];

    private static Arbitrary<RefEvent[]> Events => RefGenerators.Events(Names, TimeSpan.FromMinutes(1), 10);

    [Fact]
    public void Transitions_EqualTheNaiveReference_AndNumberEventsMinusCustomers() =>
        Prop.ForAll(Events, events =>
        {
            var log = RefEventLog.Build(events);
            var result = PathAccumulator.Compute(log, new PathDefinition());
            var expected = NaivePaths.Transitions(events);
            return result.Transitions.Count == expected.Count
                && result.Transitions.All(t => expected[(t.From, t.To)] == t.Count)
                && result.TotalTransitions == log.Count - log.CustomerCount;
        }).Check(Many);

    [Fact]
    public void PartitionsMerged_EqualTheWhole() =>
        Prop.ForAll(Events, Gen.Choose(1, 4).ToArbitrary(), Gen.Elements(true, false).ToArbitrary(), (events, parts, collapse) =>
        {
            var definition = new PathDefinition(PathNodeKind.Stage, StageRules.Default, collapse, endNode: "Decision", maxLength: 3);
            var log = RefEventLog.Build(events);
            var merged = new PathAccumulator(definition);
            foreach (var part in log.Partition(parts))
            {
                var accumulator = new PathAccumulator(definition);
                accumulator.Add(part);
                merged.Merge(accumulator);
            }

            return merged.GetState().Equals(PathAccumulator.Compute(log, definition) is var whole ? FromResult(whole, definition) : null);
        }).Check(Many);

    [Fact]
    public void Result_DoesNotDependOnInputOrder() =>
        Prop.ForAll(Events, events =>
        {
            // Ties keep input order (a stable sort), so compare orders of events with distinct instants per customer.
            var distinct = events.DistinctBy(e => (e.Customer, e.Time)).ToArray();
            var definition = new PathDefinition(startNode: "catalog", collapseRepeats: true);
            return PathAccumulator.Compute(RefEventLog.Build(distinct), definition)
                .Equals(PathAccumulator.Compute(RefEventLog.Build([.. distinct.Reverse()]), definition));
        }).Check(Many);

    [Fact]
    public void EveryCustomerWithTheStartNode_HasAPathOfAtMostMaxLengthStartingThere() =>
        Prop.ForAll(Events, Gen.Choose(1, 6).ToArbitrary(), (events, maxLength) =>
        {
            var result = PathAccumulator.Compute(RefEventLog.Build(events), new PathDefinition(startNode: "cart", maxLength: maxLength));
            var withCart = events.Where(e => e.Name == "cart").Select(e => e.Customer).Distinct().Count();
            return result.CustomersWithPath == withCart
                && result.Paths.All(p => p.Nodes[0] == "cart" && p.Nodes.Count <= maxLength);
        }).Check(Many);

    private static PathState FromResult(PathResult result, PathDefinition definition) =>
        new(PathState.CurrentVersion, Engagement.Sdk.Statistics.MetricDefinition.Paths, definition, result.Customers, result.Transitions, result.Paths);
}
