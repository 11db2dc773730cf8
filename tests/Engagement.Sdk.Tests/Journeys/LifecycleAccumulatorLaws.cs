using System.Text.Json.Nodes;
using Engagement.Sdk.Journeys;
using Engagement.Sdk.Tests.Support;
using FsCheck;

namespace Engagement.Sdk.Tests.Journeys;

public class LifecycleAccumulatorLaws : DefinedAccumulatorLawTests<LifecycleAccumulator, LifecycleResult, LifecycleState, CustomerEvents>
{
    private static readonly DateTimeOffset From = CohortTestData.At("2024-01-03 00:00");
    private static readonly DateTimeOffset To = CohortTestData.At("2024-02-07 00:00");

    protected override Gen<CustomerEvents> Observation => CohortTestData.Customer(From, To);

    protected override IEnumerable<(string Json, string Field)> ImpossibleStates
    {
        get
        {
            var node = StateNode();
            var periods = node["new"]!.AsArray().Count;
            var customers = node["customers"]!.GetValue<long>();
            JsonArray With(int period, long value) => [.. Enumerable.Range(0, periods).Select(p => (JsonNode)(p == period ? value : 0))];
            JsonNode Zeros() => With(-1, 0);
            string Only(string member, JsonArray counts)
            {
                var state = StateNode();
                foreach (var name in new[] { "new", "returning", "resurrecting", "dormant" })
                {
                    state[name] = name == member ? counts : Zeros();
                }

                return state.ToJsonString();
            }

            return
            [
                (StateWith("customers", -1), "customers"),
                (StateWith("new", With(-1, 0).Also(a => a.RemoveAt(0))), "new"),
                (StateWith("returning", With(0, -1)), "returning"),

                // More active customers than customers seen.
                (Only("resurrecting", With(0, customers + 1)), "new"),

                // Dormant in period 1 without anyone active in period 0.
                (Only("dormant", With(1, 1)), "dormant"),

                // Returning in period 2 without anyone active in period 1.
                (Only("returning", With(2, 1)), "dormant"),
            ];
        }
    }

    protected override LifecycleAccumulator CreateEmpty() => new(new LifecycleDefinition("visit", CalendarPeriod.Week, From, To));

    protected override LifecycleAccumulator CreateOfAnotherDefinition() => new(new LifecycleDefinition("buy", CalendarPeriod.Week, From, To));

    protected override void Add(LifecycleAccumulator accumulator, CustomerEvents observation) => accumulator.Add(CohortTestData.OneCustomer(observation));

    protected override bool HasValue(LifecycleResult result) => result.HasValue;
}
