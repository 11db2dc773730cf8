using System.Text.Json;
using System.Text.Json.Nodes;
using Engagement.Sdk.IO;
using Engagement.Sdk.Journeys;
using Engagement.Sdk.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using static Engagement.Sdk.Tests.Journeys.Funnels.FunnelLogs;

namespace Engagement.Sdk.Tests.Journeys.Funnels;

/// <summary>One customer's events, under an id unique to the observation.</summary>
/// <param name="Customer">The customer's id.</param>
/// <param name="Events">Seconds after <see cref="FunnelLogs.T0"/>, event name and channel of each event.</param>
public sealed record FunnelJourney(string Customer, (int Seconds, string Name, string Channel)[] Events)
{
    /// <inheritdoc />
    public override string ToString() => $"{Customer}: {string.Join(", ", Events.Select(e => $"{e.Name}@{e.Seconds}/{e.Channel}"))}";
}

/// <summary>
/// The accumulator laws for funnels: one observation is one customer's journey, added as a one-customer log. The
/// funnel has repeated steps, an exclusion and a breakdown by channel, so that merges meet every part of the state.
/// </summary>
public class FunnelAccumulatorLaws : DefinedAccumulatorLawTests<FunnelAccumulator, FunnelResult, FunnelState, FunnelJourney>
{
    private static long s_nextCustomer;

    private static readonly FunnelDefinition Checkout = new(
        [FunnelStep.Event("a"), FunnelStep.Event("b"), FunnelStep.Event("b"), FunnelStep.Event("c")],
        TimeSpan.FromSeconds(20),
        exclusions: [new FunnelExclusion("x", 1, 3)],
        breakdown: FunnelBreakdown.Channel);

    protected override Gen<FunnelJourney> Observation =>
        from length in Gen.Choose(1, 8)
        from events in (
            from second in Gen.Choose(0, 30)
            from name in Gen.Elements("a", "b", "b", "c", "x", "z")
            from channel in Gen.Elements("web", "email", "sms")
            select (second, name, channel)).ArrayOf(length)
        select new FunnelJourney($"j{Interlocked.Increment(ref s_nextCustomer):D8}", events);

    protected override IEnumerable<(string Json, string Field)> ImpossibleStates
    {
        get
        {
            // A known state: j1 completes the funnel on web (times 1, 1 and 2 s); j2 stops at b on email; j3 is excluded.
            var accumulator = CreateEmpty();
            Add(accumulator, new("k1", [(0, "a", "web"), (1, "b", "web"), (2, "b", "web"), (4, "c", "web")]));
            Add(accumulator, new("k2", [(0, "a", "email"), (1, "b", "email")]));
            Add(accumulator, new("k3", [(0, "a", "email"), (1, "b", "email"), (2, "x", "email")]));
            var json = JsonSerializer.Serialize(accumulator.GetState(), EngagementJson.GetTypeInfo<FunnelState>());

            string With(Action<JsonObject> change)
            {
                var node = JsonNode.Parse(json)!.AsObject();
                change(node);
                return node.ToJsonString();
            }

            JsonObject Web(JsonObject state) => state["segments"]![1]!.AsObject();

            return
            [
                (With(s => s["customers"] = -1), "customers"),
                (With(s => s["customers"] = 2), "customers"),
                (With(s => Web(s)["timeToConvert"]![0] = new JsonObject()), "segments"),
                (With(s => Web(s)["timeToConvert"]![2] = new JsonObject { ["210000000"] = 1 }), "segments"),
                (With(s => Web(s)["timeToConvert"]![0] = new JsonObject { ["-1"] = 1 }), "timeToConvert"),
                (With(s => Web(s)["timeToConvert"]![0] = new JsonObject { ["10000000"] = 0 }), "timeToConvert"),
                (With(s => Web(s)["customersByDepth"] = new JsonArray(new JsonArray(), new JsonArray(), new JsonArray("k1"))), "segments"),
                (With(s => Web(s)["customersByDepth"]![3] = new JsonArray(" ")), "customersByDepth"),
                (With(s => Web(s)["value"] = "email"), "segments"),
                (With(s => s["segments"]![0]!["customersByDepth"]![1] = new JsonArray()), "segments"),
                (With(s => s["segments"]!.AsArray().Add(JsonNode.Parse("""{"value":"sms","customersByDepth":[[],[],[],[]],"excluded":[],"timeToConvert":[{},{},{}]}"""))), "customersByDepth"),
                (With(s => s["segments"]!.AsArray().Add(JsonNode.Parse("""{"value":"web","customersByDepth":[["k9"],[],[],[]],"excluded":[],"timeToConvert":[{},{},{}]}"""))), "segments"),
                (With(s => s["funnel"]!["exclusions"] = new JsonArray()), "segments"),
                (With(s => s["funnel"]!["breakdown"] = "None"), "segments"),
                (With(s => s["funnel"]!["mode"] = "AnyOrder"), "exclusions"),
                (With(s => s["funnel"]!["window"] = "00:00:00"), "window"),
            ];
        }
    }

    protected override FunnelAccumulator CreateEmpty() => new(Checkout);

    protected override FunnelAccumulator CreateOfAnotherDefinition() =>
        new(new FunnelDefinition(Checkout.Steps, Checkout.Window, FunnelMode.Strict, breakdown: FunnelBreakdown.Channel));

    protected override void Add(FunnelAccumulator accumulator, FunnelJourney observation) =>
        accumulator.Add(Log(observation.Events.Select(e => new FunnelEvent(observation.Customer, e.Seconds, e.Name, e.Channel))));

    protected override bool HasValue(FunnelResult result) => result.HasValue;

    [Fact]
    public void ImpossibleStates_StartFromAValidState()
    {
        // Each impossible state changes one thing in a known valid state, which itself reads back.
        var accumulator = CreateEmpty();
        Add(accumulator, new("k1", [(0, "a", "web"), (1, "b", "web"), (2, "b", "web"), (4, "c", "web")]));
        var state = accumulator.GetState();

        var (read, text) = Json.RoundTrip(state, EngagementJson.GetTypeInfo<FunnelState>());

        Assert.Equal(state, read);
        Assert.Contains("\"timeToConvert\":[{\"10000000\":1},{\"10000000\":1},{\"20000000\":1}]", text, StringComparison.Ordinal);
    }
}
