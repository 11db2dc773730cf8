using Engagement.Sdk.Responses;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.Tests.Responses;

/// <summary>The snippet of docs/responses.md (SLA policies), line for line, with its printed output.</summary>
public class SlaDocsExamples
{
    [Fact]
    public void Snippet_PrintsWhatTheDocsSay()
    {
        var calendar = BusinessCalendar.Weekdays("Europe/Amsterdam", TimeSpan.FromHours(9), TimeSpan.FromHours(17));
        var policy = new SlaPolicy("support", calendar,
        [
            new SlaPolicyRule(null, InquiryPriority.Urgent,
                [new SlaTarget(SlaMetric.FirstReply, TimeSpan.FromHours(1)), new SlaTarget(SlaMetric.PeriodicUpdate, TimeSpan.FromHours(2), TimeBasis.Calendar)]),
            new SlaPolicyRule(null, null, [new SlaTarget(SlaMetric.FirstReply, TimeSpan.FromHours(4)), new SlaTarget(SlaMetric.Resolution, TimeSpan.FromHours(16))]),
        ]);

        var cet = TimeSpan.FromHours(1);
        var inquiry = new Inquiry("T-1", "c-1", Channels.Email, InquiryPriority.Normal, new DateTimeOffset(2026, 3, 6, 16, 0, 0, cet),
            [new InquiryMessage(new DateTimeOffset(2026, 3, 6, 16, 0, 0, cet), MessageAuthor.Customer),
             new InquiryMessage(new DateTimeOffset(2026, 3, 9, 10, 0, 0, cet), MessageAuthor.Agent, ResponseType.Manual)]);

        var printed = policy.Evaluate(inquiry, new DateTimeOffset(2026, 3, 9, 12, 0, 0, cet)).Select(e => e.ToString());

        Assert.Equal(
            [
                "T-1 FirstReply within 04:00:00 business time: Achieved, measured 02:00:00",
                "T-1 Resolution within 16:00:00 business time: OpenWithinTarget, due 2026-03-10T16:00:00+01:00, 12:00:00 left",
            ],
            printed);

        var result = SlaAccumulator.Compute([inquiry], new SlaDefinition(policy, new DateTimeOffset(2026, 3, 9, 12, 0, 0, cet)));
        Assert.Equal("100.00% (1/1)", result.Overall.Compliance.ToString());
        Assert.Equal("T-1 (c-1, email × Normal) Resolution due 2026-03-10T16:00:00+01:00, 12:00:00 left", result.OpenQueue[0].ToString());
    }
}
