using System.Text.Json.Nodes;
using Engagement.Sdk.Journeys;
using Engagement.Sdk.Tests.Support;
using FsCheck;

namespace Engagement.Sdk.Tests.Journeys;

public class RetentionAccumulatorLaws : DefinedAccumulatorLawTests<RetentionAccumulator, RetentionResult, RetentionState, CustomerEvents>
{
    private static readonly DateTimeOffset From = CohortTestData.At("2024-01-03 00:00");
    private static readonly DateTimeOffset To = CohortTestData.At("2024-02-07 00:00");

    protected override Gen<CustomerEvents> Observation => CohortTestData.Customer(From, To);

    protected override IEnumerable<(string Json, string Field)> ImpossibleStates
    {
        get
        {
            var node = StateNode();
            var periods = node["counts"]!.AsArray().Count;
            JsonArray Rows(Func<int, JsonArray> row) => [.. Enumerable.Range(0, periods).Select(row)];
            JsonArray Zeros(int c) => [.. Enumerable.Repeat(0, periods - c)];
            return
            [
                (StateWith("customers", -1), "customers"),
                (StateWith("counts", Rows(Zeros).Also(a => a.RemoveAt(0))), "counts"),
                (StateWith("counts", Rows(c => c == 1 ? [0] : Zeros(c))), "counts"),
                (StateWith("counts", Rows(c => c == 0 ? [.. Zeros(0).Select((_, k) => (JsonNode)(k == 1 ? -1 : 0))] : Zeros(c))), "counts"),
                (StateWith("counts", Rows(c => c == 0 ? [.. Zeros(0).Select((_, k) => (JsonNode)(k == 0 ? 1 : k == 1 ? 2 : 0))] : Zeros(c))), "counts"),
                (StateWith("counts", Rows(c => c == 0 ? [.. Zeros(0).Select((_, k) => (JsonNode)(k == 0 ? 100_000 : 0))] : Zeros(c))), "counts"),

                // First-time: each customer joins at most one cohort; this state has 5 customers in 5 + 5 members.
                (StateWith("counts", Rows(c => c < 2 ? [.. Zeros(c).Select((_, k) => (JsonNode)(k == 0 ? node["customers"]!.GetValue<long>() : 0))] : Zeros(c))), "counts"),
            ];
        }
    }

    protected override RetentionAccumulator CreateEmpty() => new(new RetentionDefinition("visit", "buy", CalendarPeriod.Week, From, To));

    protected override RetentionAccumulator CreateOfAnotherDefinition() =>
        new(new RetentionDefinition("visit", "buy", CalendarPeriod.Week, From, To, RetentionCohortType.Recurring));

    protected override void Add(RetentionAccumulator accumulator, CustomerEvents observation) => accumulator.Add(CohortTestData.OneCustomer(observation));

    protected override bool HasValue(RetentionResult result) => result.HasValue;
}

public class UnboundedRecurringRetentionLaws : DefinedAccumulatorLawTests<RetentionAccumulator, RetentionResult, RetentionState, CustomerEvents>
{
    private static readonly DateTimeOffset From = CohortTestData.At("2024-01-03 00:00");
    private static readonly DateTimeOffset To = CohortTestData.At("2024-01-13 00:00");

    protected override Gen<CustomerEvents> Observation => CohortTestData.Customer(From, To);

    protected override IEnumerable<(string Json, string Field)> ImpossibleStates
    {
        get
        {
            var periods = StateNode()["counts"]!.AsArray().Count;

            // Unbounded retention never rises with k: 1 member, 0 at k = 1, 1 at k = 2.
            JsonArray rows = [.. Enumerable.Range(0, periods).Select(c => (JsonNode)new JsonArray([.. Enumerable.Range(0, periods - c).Select(k => (JsonNode)(c == 0 && k != 1 && k <= 2 ? 1 : 0))]))];
            return [(StateWith("counts", rows), "counts")];
        }
    }

    protected override RetentionAccumulator CreateEmpty() =>
        new(new RetentionDefinition("visit", "visit", CalendarPeriod.Day, From, To, RetentionCohortType.Recurring, unbounded: true, "Europe/Berlin"));

    protected override RetentionAccumulator CreateOfAnotherDefinition() =>
        new(new RetentionDefinition("visit", "visit", CalendarPeriod.Day, From, To, RetentionCohortType.Recurring, unbounded: true, "UTC"));

    protected override void Add(RetentionAccumulator accumulator, CustomerEvents observation) => accumulator.Add(CohortTestData.OneCustomer(observation));

    protected override bool HasValue(RetentionResult result) => result.HasValue;
}
