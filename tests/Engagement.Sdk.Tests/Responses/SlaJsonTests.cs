using Engagement.Sdk.IO;
using Engagement.Sdk.Responses;
using Engagement.Sdk.Tests.Support;
using Engagement.Sdk.Touchpoints;
using static Engagement.Sdk.Tests.Responses.SlaTestData;

namespace Engagement.Sdk.Tests.Responses;

public class SlaJsonTests
{
    [Fact]
    public void PolicyAndDefinition_RoundTrip()
    {
        var policy = SlaAccumulatorLaws.Policy;
        var definition = new SlaDefinition(policy, At(2, 17), 7);

        var (policyRead, policyText) = Json.RoundTrip(policy, EngagementJson.GetTypeInfo<SlaPolicy>());
        var (definitionRead, _) = Json.RoundTrip(definition, EngagementJson.GetTypeInfo<SlaDefinition>());
        var (ruleRead, ruleText) = Json.RoundTrip(policy.Rules[1], EngagementJson.GetTypeInfo<SlaPolicyRule>());
        var (anyRead, _) = Json.RoundTrip(new SlaPolicyRule(null, null, []), EngagementJson.GetTypeInfo<SlaPolicyRule>());
        var (targetRead, targetText) = Json.RoundTrip(policy.Rules[1].Targets[0], EngagementJson.GetTypeInfo<SlaTarget>());

        Assert.Equal(policy, policyRead);
        Assert.Equal(definition, definitionRead);
        Assert.Equal(policy.Rules[1], ruleRead);
        Assert.Equal(new SlaPolicyRule(null, null, []), anyRead);
        Assert.Equal("""{"metric":"FirstReply","target":"00:05:00","basis":"Calendar"}""", targetText);
        Assert.Equal(policy.Rules[1].Targets[0], targetRead);
        Assert.Contains("\"name\":\"support\"", policyText, StringComparison.Ordinal);
        Assert.StartsWith("""{"channel":{"name":"live-chat",""", ruleText, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluations_OfEveryStatus_RoundTrip()
    {
        var inquiries = new[]
        {
            Inquiry(At(2, 9), [Customer(At(2, 9)), Agent(At(2, 9, 30))]),                             // achieved
            Inquiry(At(2, 9), [Customer(At(2, 9)), Agent(At(2, 12))]),                                // breached
            Inquiry(At(2, 9), [Customer(At(2, 9))]),                                                  // open breached at 12:00
            Inquiry(At(2, 11, 30), [Customer(At(2, 11, 30))]),                                         // open within
            Inquiry(At(2, 9), [Customer(At(2, 9))], [Change(At(2, 9, 5), InquiryStatus.Solved)]),     // not applicable
        };
        var evaluations = inquiries.Select(i => EvaluateOne(i, new SlaTarget(SlaMetric.FirstReply, Hours(1)), At(2, 12))).ToArray();

        Assert.Equal(Enum.GetValues<SlaStatus>(), evaluations.Select(e => e.Status));
        foreach (var evaluation in evaluations)
        {
            Assert.Equal(evaluation, Json.RoundTrip(evaluation, EngagementJson.GetTypeInfo<SlaEvaluation>()).Value);
        }
    }

    [Fact]
    public void CountsGroupsAndQueueEntries_RoundTrip()
    {
        var counts = new SlaCounts(3, 1, 2, 4, 5, Hours(3));
        var group = new SlaGroup(Channels.Phone, InquiryPriority.High, SlaMetric.Resolution, counts);
        var entry = new SlaQueueEntry("i-9", "c-2", Channels.LiveChat, InquiryPriority.Urgent, SlaMetric.NextReply, At(2, 10), Minutes(-5));

        var (countsRead, countsText) = Json.RoundTrip(counts, EngagementJson.GetTypeInfo<SlaCounts>());

        Assert.Equal(counts, countsRead);
        Assert.Contains("\"compliance\":{\"successes\":3,\"trials\":6", countsText, StringComparison.Ordinal);
        Assert.Equal(group, Json.RoundTrip(group, EngagementJson.GetTypeInfo<SlaGroup>()).Value);
        Assert.Equal(entry, Json.RoundTrip(entry, EngagementJson.GetTypeInfo<SlaQueueEntry>()).Value);
        Assert.Equal(SlaStatus.OpenBreached, Json.RoundTrip(SlaStatus.OpenBreached, EngagementJson.GetTypeInfo<SlaStatus>()).Value);
        Assert.Equal(SlaMetric.PeriodicUpdate, Json.RoundTrip(SlaMetric.PeriodicUpdate, EngagementJson.GetTypeInfo<SlaMetric>()).Value);
    }

    [Fact]
    public void Result_WithDerivedMembersThatDisagree_IsRejected()
    {
        var result = SlaAccumulator.Compute([Inquiry(At(2, 9), [Customer(At(2, 9))])], new SlaDefinition(Policy(new SlaTarget(SlaMetric.FirstReply, Hours(1))), At(2, 12)));
        var text = System.Text.Json.JsonSerializer.Serialize(result, EngagementJson.GetTypeInfo<SlaResult>());

        Assert.Equal(result, System.Text.Json.JsonSerializer.Deserialize(text, EngagementJson.GetTypeInfo<SlaResult>()));
        Assert.Throws<System.Text.Json.JsonException>(() => System.Text.Json.JsonSerializer.Deserialize(
            text.Replace("\"openBreached\":1", "\"openBreached\":0", StringComparison.Ordinal), EngagementJson.GetTypeInfo<SlaResult>()));
    }
}
