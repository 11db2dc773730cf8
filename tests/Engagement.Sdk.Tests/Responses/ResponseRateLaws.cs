using System.Text.Json.Nodes;
using Engagement.Sdk.Responses;
using Engagement.Sdk.Tests.Support;
using FsCheck;

namespace Engagement.Sdk.Tests.Responses;

public class ResponseRateLaws : AccumulatorLawTests<ResponseRateAccumulator, ResponseRateResult, ResponseRateState, Inquiry>
{
    protected override Gen<Inquiry> Observation => InquiryGenerators.Inquiry;

    protected override IEnumerable<(string Json, string Field)> ImpossibleStates
    {
        get
        {
            var overall = StateNode()["overall"]!.AsArray();
            var inquiries = overall[0]!.GetValue<long>();
            yield return (StateWith("overall", new JsonArray(1, 1, 1, 1, 1, 1, 1)), "overall");            // seven counts
            yield return (StateWith("overall", new JsonArray(inquiries, inquiries + 1, 0, 0, 0, 0, 0, 0)), "overall"); // more customer-started than inquiries
            yield return (StateWith("overall", new JsonArray(-1, 0, 0, 0, 0, 0, 0, 0)), "overall");
            yield return (StateWith("byPriority", new JsonArray(new JsonArray(0, 0, 0, 0, 0, 0, 0, 0))), "byPriority"); // one priority
            yield return (StateWith("byChannel", new JsonObject()), "byChannel");                          // inquiries in no channel
            var node = StateNode();
            node["byChannel"]!.AsObject()["sms"] = new JsonArray(0, 0, 0, 0, 0, 0, 0, 0);                 // a channel without inquiries
            yield return (node.ToJsonString(), "byChannel");
            node = StateNode();
            node["byChannel"]!.AsObject()[" "] = new JsonArray(0, 0, 0, 0, 0, 0, 0, 0);                   // a blank name
            yield return (node.ToJsonString(), "byChannel");
        }
    }

    protected override ResponseRateAccumulator CreateEmpty() => new();

    protected override void Add(ResponseRateAccumulator accumulator, Inquiry observation) => accumulator.Add(observation);

    protected override bool HasValue(ResponseRateResult result) => result.HasValue;
}
