using System.Text.Json;
using System.Text.Json.Nodes;
using Engagement.Sdk.IO;
using Engagement.Sdk.Responses;
using Engagement.Sdk.Tests.Support;
using Engagement.Sdk.Touchpoints;
using FsCheck;
using static Engagement.Sdk.Tests.Responses.SlaTestData;

namespace Engagement.Sdk.Tests.Responses;

public class SlaAccumulatorLaws : DefinedAccumulatorLawTests<SlaAccumulator, SlaResult, SlaState, Inquiry>
{
    // Every metric for email × urgent (one in calendar time), a first reply for live chat, a resolution for any high
    // inquiry; phone below high has no rule. A queue of 5, so that merges must keep the most urgent exactly.
    internal static readonly SlaPolicy Policy = new(
        "support",
        NineToFive,
        [
            new SlaPolicyRule(Channels.Email, InquiryPriority.Urgent, [
                new(SlaMetric.FirstReply, Hours(1)), new(SlaMetric.NextReply, Minutes(30)),
                new(SlaMetric.PeriodicUpdate, Hours(2), TimeBasis.Calendar), new(SlaMetric.Resolution, Hours(8))]),
            new SlaPolicyRule(Channels.LiveChat, null, [new(SlaMetric.FirstReply, Minutes(5), TimeBasis.Calendar), new(SlaMetric.NextReply, Minutes(10))]),
            new SlaPolicyRule(null, InquiryPriority.High, [new(SlaMetric.Resolution, Hours(4))]),
            new SlaPolicyRule(Channels.Email, null, [new(SlaMetric.FirstReply, Hours(4)), new(SlaMetric.Resolution, Hours(16))]),
        ]);

    internal static readonly SlaDefinition Definition = new(Policy, LatestEvent, openQueueLimit: 5);

    protected override Gen<Inquiry> Observation => Inquiries;

    protected override IEnumerable<(string Json, string Field)> ImpossibleStates
    {
        get
        {
            var json = BaseState();
            string With(Action<JsonObject> change)
            {
                var node = JsonNode.Parse(json)!.AsObject();
                change(node);
                return node.ToJsonString();
            }

            // The base state (see BaseState_IsWhatTheImpossibleCasesAssume): groups of email × urgent for the four metrics
            // in order, the first reply's with an achieved and an open-breached evaluation; four queue entries.
            yield return (With(n => n["inquiries"] = -1), "inquiries");
            yield return (With(n => n["unmatched"] = 3), "unmatched");
            yield return (With(n => n["groups"]![0]!["counts"]!["achieved"] = -1), "achieved");
            yield return (With(n => { n["groups"]![0]!["counts"]!["notApplicable"] = 5; n["groups"]![0]!["counts"]!["evaluations"] = 7; }), "groups"); // 7 first replies of 2 inquiries
            yield return (With(n => n["groups"]![0]!["counts"]!["totalBreach"] = "00:00:00"), "totalBreach"); // a breach of nothing
            yield return (With(n => n["groups"] = new JsonArray(n["groups"]![1]!.DeepClone(), n["groups"]![0]!.DeepClone())), "groups"); // out of order
            yield return (With(n => n["groups"]![1]!["metric"] = "PeriodicUpdate"), "groups");                // a key twice
            yield return (With(n => n["groups"]![3]!["channel"] = Node(Channels.Sms)), "groups");              // no rule for sms × urgent
            yield return (With(n => n["openQueue"] = new JsonArray()), "openQueue");                           // open targets but an empty queue
            yield return (With(n => n["openQueue"] = new JsonArray(n["openQueue"]![1]!.DeepClone(), n["openQueue"]![0]!.DeepClone())), "openQueue");
            yield return (With(n => n["openQueue"]![0]!["timeLeft"] = "02:00:00"), "openQueue");              // more left than the 1 h target
            yield return (With(n => n["openQueue"]![0]!["inquiryId"] = " "), "inquiryId");
            yield return (With(n => n["sla"]!["openQueueLimit"] = -1), "openQueueLimit");
            yield return (With(n => n["sla"]!["policy"]!["rules"] = new JsonArray()), "rules");
            yield return (With(n => n["sla"]!["policy"]!["rules"]![0]!["targets"]![0]!["target"] = "00:00:00"), "target");
        }
    }

    protected override SlaAccumulator CreateEmpty() => new(Definition);

    protected override SlaAccumulator CreateOfAnotherDefinition() => new(new SlaDefinition(Policy, LatestEvent.AddHours(1), openQueueLimit: 5));

    protected override void Add(SlaAccumulator accumulator, Inquiry observation) => accumulator.Add(observation);

    protected override bool HasValue(SlaResult result) => result.HasValue;

    [Fact]
    public void BaseState_IsWhatTheImpossibleCasesAssume()
    {
        var state = JsonSerializer.Deserialize(BaseState(), EngagementJson.GetTypeInfo<SlaState>())!;

        // Evaluated Monday 17:00. "a" answered at 09:30: first reply achieved (30 min); no reply cycle (next reply n/a);
        // periodic update running since 09:30, 7.5 calendar hours against 2 (open breached). "b" unanswered: first reply
        // open breached (8 h against 1 h); next reply and periodic update n/a. Both unsolved: resolution open with
        // 8 − 8 = 0 h left. Queue by time left: b's first reply (−7 h), a's update (−5.5 h), then a's and b's resolution.
        Assert.Equal([SlaMetric.FirstReply, SlaMetric.NextReply, SlaMetric.PeriodicUpdate, SlaMetric.Resolution], state.Groups.Select(g => g.Metric));
        Assert.Equal((1, 0, 1), (state.Groups[0].Counts.Achieved, state.Groups[0].Counts.OpenWithinTarget, state.Groups[0].Counts.OpenBreached));
        Assert.Equal(
            [("b", SlaMetric.FirstReply, Hours(-7)), ("a", SlaMetric.PeriodicUpdate, Hours(-5.5)), ("a", SlaMetric.Resolution, TimeSpan.Zero), ("b", SlaMetric.Resolution, TimeSpan.Zero)],
            state.OpenQueue.Select(e => (e.InquiryId, e.Metric, e.TimeLeft)));
    }

    private static string BaseState()
    {
        var accumulator = new SlaAccumulator(new SlaDefinition(Policy, At(2, 17), openQueueLimit: 5));
        accumulator.Add(Inquiry(At(2, 9), [Customer(At(2, 9)), Agent(At(2, 9, 30))], channel: Channels.Email, priority: InquiryPriority.Urgent, id: "a"));
        accumulator.Add(Inquiry(At(2, 9), [Customer(At(2, 9))], channel: Channels.Email, priority: InquiryPriority.Urgent, id: "b"));
        return JsonSerializer.Serialize(accumulator.GetState(), EngagementJson.GetTypeInfo<SlaState>());
    }

    private static JsonNode Node(Channel channel) => JsonNode.Parse(JsonSerializer.Serialize(channel, EngagementJson.GetTypeInfo<Channel>()))!;
}
