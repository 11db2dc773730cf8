using System.Text.Json.Nodes;
using Engagement.Sdk.Responses;
using Engagement.Sdk.Tests.Support;
using FsCheck;

namespace Engagement.Sdk.Tests.Responses;

public class ResponseTimeLaws : DefinedAccumulatorLawTests<ResponseTimeAccumulator, ResponseTimeResult, ResponseTimeState, Inquiry>
{
    private static readonly ResponseTimeDefinition Definition = new(InquiryExamples.OfficeHours);

    protected override Gen<Inquiry> Observation => InquiryGenerators.Inquiry;

    protected override IEnumerable<(string Json, string Field)> ImpossibleStates
    {
        get
        {
            yield return (StateWith("inquiries", -1), "inquiries");
            var node = StateNode();
            node["overall"]!.AsArray().RemoveAt(11);                                          // eleven sketches
            yield return (node.ToJsonString(), "overall");
            node = StateNode();
            node["byPriority"]!.AsArray().RemoveAt(3);                                        // three priorities
            yield return (node.ToJsonString(), "byPriority");
            node = StateNode();
            node["byResponseType"]!.AsArray().Add(node["withoutResponse"]!.DeepClone());      // four response types
            yield return (node.ToJsonString(), "byResponseType");
            yield return (StateWith("byChannel", new JsonObject()), "byChannel");               // inquiries in no channel
            node = StateNode();
            node["byChannel"]!.AsObject()[" "] = node["withoutResponse"]!.DeepClone();        // a blank channel name
            yield return (node.ToJsonString(), "byChannel");
            node = StateNode();
            node["responseTimes"]!["relativeAccuracy"] = 0.02;                                // sketches of another accuracy
            yield return (node.ToJsonString(), "overall");
        }
    }

    protected override ResponseTimeAccumulator CreateEmpty() => new(Definition);

    protected override ResponseTimeAccumulator CreateOfAnotherDefinition() => new(new ResponseTimeDefinition(InquiryExamples.OfficeHours, 0.02));

    protected override void Add(ResponseTimeAccumulator accumulator, Inquiry observation) => accumulator.Add(observation);

    protected override bool HasValue(ResponseTimeResult result) => result.HasValue;
}
