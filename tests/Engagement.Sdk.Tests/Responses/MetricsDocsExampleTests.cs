using Engagement.Sdk.Responses;
using Engagement.Sdk.Statistics;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.Tests.Responses;

/// <summary>The snippet of docs/responses.md's response-times section, run as written, with its comments checked.</summary>
public class MetricsDocsExampleTests
{
    [Fact]
    public void ResponseTimesSnippet_GivesWhatItsCommentsSay()
    {
        var office = BusinessCalendar.Weekdays("Europe/Amsterdam", TimeSpan.FromHours(9), TimeSpan.FromHours(17));
        var friday = new DateTimeOffset(2026, 3, 6, 16, 30, 0, TimeSpan.FromHours(1));
        var inquiry = new Inquiry(
            "i1", "c1", Channels.Email, InquiryPriority.High, friday,
            [new InquiryMessage(friday, MessageAuthor.Customer),
             new InquiryMessage(friday.AddDays(3).AddHours(-6.5), MessageAuthor.Agent, ResponseType.Manual)],
            [new InquiryStatusChange(friday.AddDays(3).AddHours(-5.5), InquiryStatus.Solved)]);

        InquiryTimes times = InquiryTimes.Measure(inquiry, office);
        Assert.Equal(new InquiryDuration(new TimeSpan(2, 17, 30, 0), TimeSpan.FromMinutes(90)), times.FirstResponse);

        var accumulator = new ResponseTimeAccumulator(new ResponseTimeDefinition(office));
        accumulator.Add(inquiry);
        ResponseTimeResult result = accumulator.ToResult();
        double? p90 = result.Get(ResponseTimeMetric.FirstResponse, TimeBasis.Business).P90;
        Assert.InRange(p90!.Value, 5_400 * 0.99, 5_400 * 1.01);
        QuantileSummary byEmail = result.ByChannel["email"].FirstResponse.Calendar;
        Assert.Equal(1, byEmail.Count);
        Assert.False(result.ForResponseType(ResponseType.Automated).NextResponse.Business.HasValue);

        ResponseRateResult rates = ResponseRateAccumulator.Compute([inquiry]);
        Assert.Equal("100.00% (1/1)", rates.ResponseRate.ToString());
        Assert.Equal("100.00% (1/1)", rates.OneTouchResolutionRate.ToString());
        Assert.Equal("0.00% (0/1)", rates.ProactiveShare.ToString());
    }
}
