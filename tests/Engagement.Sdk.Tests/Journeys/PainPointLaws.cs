using System.Text.Json;
using System.Text.Json.Nodes;
using Engagement.Sdk.IO;
using Engagement.Sdk.Journeys;
using Engagement.Sdk.Statistics;
using Engagement.Sdk.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace Engagement.Sdk.Tests.Journeys;

public class CartAbandonmentLaws : DefinedAccumulatorLawTests<PainPointAccumulator, PainPointResult, PainPointState, CustomerJourney>
{
    // A one-hour window, so that purchases on the 3-hour grid fall both inside and outside it.
    private static readonly PainPointDefinition Definition = PainPointDefinition.ForCartAbandonment(new() { Window = TimeSpan.FromHours(1) });

    // Every journey holds a candidate (an add-to-cart), so that adding one always changes the state.
    protected override Gen<CustomerJourney> Observation =>
        CustomerJourney.Of("add_to_cart", "purchase", "home").Where(j => j.Events.Any(e => e.Name == "add_to_cart"));

    protected override IEnumerable<(string Json, string Field)> ImpossibleStates =>
        PainPointStates.Impossible(
            JsonSerializer.Serialize(
                new PainPointState(1, MetricDefinition.PainPoints, Definition, 5, 3, ["u1", "u2"]),
                EngagementJson.GetTypeInfo<PainPointState>()),
            "cartAbandonment",
            [("window", "00:00:00", "window"), ("addToCartEvents", new JsonArray(), "addToCartEvents"), ("purchaseEvents", new JsonArray("add_to_cart"), "purchaseEvents")]);

    protected override PainPointAccumulator CreateEmpty() => new(Definition);

    protected override PainPointAccumulator CreateOfAnotherDefinition() => new(PainPointDefinition.ForCartAbandonment(new() { Window = TimeSpan.FromHours(2) }));

    protected override void Add(PainPointAccumulator accumulator, CustomerJourney observation) => accumulator.Add(observation.ToLogNamedByContent());

    protected override bool HasValue(PainPointResult result) => result.HasValue;
}

public class ErrorExitLaws : DefinedAccumulatorLawTests<PainPointAccumulator, PainPointResult, PainPointState, CustomerJourney>
{
    private static readonly PainPointDefinition Definition = PainPointDefinition.ForErrorExit();

    // Every journey holds a candidate (an error event), so that adding one always changes the state.
    protected override Gen<CustomerJourney> Observation =>
        CustomerJourney.Of("payment_error", "checkout_bug", "home", "cart").Where(j => j.Events.Any(e => e.Name is "payment_error" or "checkout_bug"));

    protected override IEnumerable<(string Json, string Field)> ImpossibleStates =>
        PainPointStates.Impossible(
            JsonSerializer.Serialize(
                new PainPointState(1, MetricDefinition.PainPoints, Definition, 5, 3, ["u1", "u2"]),
                EngagementJson.GetTypeInfo<PainPointState>()),
            "errorExit",
            [("errorEvents", new JsonArray("x", "x"), "errorEvents"), ("sessions", SessionsWithZeroTimeout(), "timeout")]);

    protected override PainPointAccumulator CreateEmpty() => new(Definition);

    protected override PainPointAccumulator CreateOfAnotherDefinition() =>
        new(PainPointDefinition.ForErrorExit(new() { Sessions = new SessionDefinition { Timeout = TimeSpan.FromMinutes(5) } }));

    private static JsonNode SessionsWithZeroTimeout()
    {
        var sessions = JsonNode.Parse(JsonSerializer.Serialize(new SessionDefinition(), EngagementJson.GetTypeInfo<SessionDefinition>()))!;
        sessions["timeout"] = "00:00:00";
        return sessions;
    }

    protected override void Add(PainPointAccumulator accumulator, CustomerJourney observation) => accumulator.Add(observation.ToLogNamedByContent());

    protected override bool HasValue(PainPointResult result) => result.HasValue;
}

/// <summary>The impossible states both pain points share, made from a valid state of 3 occurrences in 5 candidates
/// among customers u1 and u2.</summary>
internal static class PainPointStates
{
    public static IEnumerable<(string Json, string Field)> Impossible(
        string json, string definitionMember, IEnumerable<(string Member, JsonNode? Value, string Field)> badDefinitions)
    {
        string With(string member, JsonNode? value)
        {
            var node = JsonNode.Parse(json)!.AsObject();
            node[member] = value;
            return node.ToJsonString();
        }

        yield return (With("candidates", -1), "candidates");
        yield return (With("occurrences", -1), "occurrences");
        yield return (With("occurrences", 6), "occurrences");                                  // more than the candidates
        yield return (With("customers", new JsonArray("u1", "u2", "u3", "u4")), "customers"); // more customers than occurrences
        yield return (With("customers", new JsonArray()), "customers");                       // occurrences without a customer
        yield return (With("customers", new JsonArray("u1", "u1")), "customers");             // a customer twice
        yield return (With("customers", new JsonArray("u1", " ")), "customers");              // a blank id
        yield return (With("painPoint", new JsonObject { ["cartAbandonment"] = null, ["errorExit"] = null }), "cartAbandonment"); // no pain point
        foreach (var (member, value, field) in badDefinitions)
        {
            var node = JsonNode.Parse(json)!.AsObject();
            node["painPoint"]![definitionMember]![member] = value;
            yield return (node.ToJsonString(), field);
        }
    }
}
