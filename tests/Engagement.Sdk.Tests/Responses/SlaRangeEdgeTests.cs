using Engagement.Sdk.Responses;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.Tests.Responses;

/// <summary>An open target due after the last representable instant (found by the hostile pass: the counts changed,
/// the queue did not, and every later GetState threw).</summary>
public sealed class SlaRangeEdgeTests
{
    [Fact]
    public void An_inquiry_whose_open_target_would_be_due_past_the_range_is_refused_whole()
    {
        var calendar = BusinessCalendar.Weekdays("UTC", TimeSpan.FromHours(9), TimeSpan.FromHours(17));
        var policy = new SlaPolicy("edge", calendar, [new SlaPolicyRule(null, null, [new SlaTarget(SlaMetric.FirstReply, TimeSpan.FromDays(365), TimeBasis.Calendar)])]);
        var sla = new SlaAccumulator(new SlaDefinition(policy, DateTimeOffset.MaxValue));
        var fine = new Inquiry("ok", "c", Channels.Email, InquiryPriority.Low, new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        sla.Add(fine);
        var before = sla.GetState();

        // Opened a day before the end of time, unanswered: its first reply would be due 365 days later.
        var late = new Inquiry("late", "c", Channels.Email, InquiryPriority.Low, DateTimeOffset.MaxValue.AddDays(-1));
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => sla.Add(late));

        Assert.Equal("inquiry", ex.ParamName);
        Assert.Equal("late", ex.ActualValue);
        Assert.Contains("FirstReply", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, sla.GetState());   // nothing changed, and the state can still be taken
        Assert.Equal(1, sla.Count);
    }

    [Fact]
    public void Evaluating_such_an_inquiry_names_the_inquiry_not_the_calendars_parameter()
    {
        var calendar = BusinessCalendar.Weekdays("UTC", TimeSpan.FromHours(9), TimeSpan.FromHours(17));
        var policy = new SlaPolicy("edge", calendar, [new SlaPolicyRule(null, null, [new SlaTarget(SlaMetric.Resolution, TimeSpan.FromHours(8))])]);
        var late = new Inquiry("late", "c", Channels.Email, InquiryPriority.Low, DateTimeOffset.MaxValue.AddHours(-1));

        // Eight business hours from an hour before the end of time cannot be reached.
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => policy.Evaluate(late, DateTimeOffset.MaxValue));

        Assert.Equal("inquiry", ex.ParamName);
        Assert.Equal("late", ex.ActualValue);
        Assert.Contains("Resolution", ex.Message, StringComparison.Ordinal);
    }
}
