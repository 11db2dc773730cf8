using Engagement.Sdk.Responses;
using Engagement.Sdk.Statistics;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.AotSmoke;

/// <summary>Responses: inquiries, business calendars (time zones from the OS in a native binary) and the quantile sketch
/// through JSON.</summary>
internal static class ResponseChecks
{
    public static void Run(SmokeCheck check)
    {
        // Friday 16:00 in Amsterdam, answered Monday 10:00: 1 h on Friday and 1 h on Monday of a 9–17 calendar.
        var opened = new DateTimeOffset(2026, 11, 6, 16, 0, 0, TimeSpan.FromHours(1));
        var answered = opened.AddDays(3).AddHours(-6);
        var inquiry = new Inquiry(
            "T-1", "c-1", Channels.Email, InquiryPriority.High, opened,
            [InquiryMessage.FromCustomer(opened), InquiryMessage.FromAgent(answered)],
            [new InquiryStatusChange(answered, InquiryStatus.Solved)]);
        check.RoundTrip("inquiry", inquiry);

        var calendar = BusinessCalendar.Weekdays("Europe/Amsterdam", TimeSpan.FromHours(9), TimeSpan.FromHours(17));
        var business = calendar.BusinessDuration(opened, answered);
        check.That(business == TimeSpan.FromHours(2), "calendar: Friday 16:00 to Monday 10:00 is 2 business hours", $"got {business}");
        check.RoundTrip("business calendar", calendar);

        var sketch = new QuantileSketch();
        for (var i = 1; i <= 1000; i++)
        {
            sketch.Add(i);
        }

        var p50 = sketch.Quantile(0.5)!.Value;
        check.That(Math.Abs(p50 - 500) <= 0.01 * 500, "sketch: the median of 1..1000 within 1% of 500", $"got {p50}");
        check.RoundTrip("quantile sketch state", sketch.GetState(), (x, y) => QuantileSketch.FromState(x).ToResult().Equals(QuantileSketch.FromState(y).ToResult()));
        check.RoundTrip("quantile summary", sketch.ToResult());
    }
}
