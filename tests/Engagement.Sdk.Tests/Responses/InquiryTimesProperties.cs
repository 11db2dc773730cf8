using Engagement.Sdk.Responses;
using FsCheck;
using FsCheck.Fluent;

namespace Engagement.Sdk.Tests.Responses;

public class InquiryTimesProperties
{
    private static readonly Config Many = Config.QuickThrowOnFailure.WithMaxTest(300);

    [Fact]
    public void BusinessTime_NeverExceedsCalendarTime_ForEveryMetric() =>
        Prop.ForAll(InquiryGenerators.Arbitrary, inquiry =>
        {
            var times = InquiryTimes.Measure(inquiry, InquiryExamples.OfficeHours);
            InquiryDuration?[] all = [times.FirstResponse, times.FullResolution, times.RequesterWait, times.AgentWait, times.OnHold];
            return all.Concat(times.NextResponses.Select(c => (InquiryDuration?)c.Duration))
                .All(d => d is not { } value || (value.Business >= TimeSpan.Zero && value.Business <= value.Calendar));
        }).Check(Many);

    [Fact]
    public void Waits_PlusTimeSolvedBeforeAReopen_EqualTheResolutionTime() =>
        Prop.ForAll(InquiryGenerators.Arbitrary, inquiry =>
        {
            var times = InquiryTimes.Measure(inquiry, InquiryExamples.OfficeHours);
            if (times.FullResolution is not { } resolution)
            {
                return times.RequesterWait is null && times.AgentWait is null && times.OnHold is null && !inquiry.IsSolved;
            }

            var solvedBefore = SolvedBeforeTheLatestSolve(inquiry);
            var requester = times.RequesterWait!.Value;
            var agent = times.AgentWait!.Value;
            return requester.Calendar + agent.Calendar + solvedBefore.Calendar == resolution.Calendar
                && requester.Business + agent.Business + solvedBefore.Business == resolution.Business
                && times.OnHold!.Value.Calendar <= requester.Calendar;
        }).Check(Many);

    [Fact]
    public void OnAnAlwaysOpenCalendar_BusinessTimeEqualsCalendarTime() =>
        Prop.ForAll(InquiryGenerators.Arbitrary, inquiry =>
        {
            var times = InquiryTimes.Measure(inquiry, BusinessCalendar.AlwaysOpen);
            return times.FirstResponse is not { } first || first.Business == first.Calendar;
        }).Check(Many);

    [Fact]
    public void FirstResponseTime_ExistsExactlyForAnsweredCustomerStartedInquiries() =>
        Prop.ForAll(InquiryGenerators.Arbitrary, inquiry =>
        {
            var times = InquiryTimes.Measure(inquiry, InquiryExamples.OfficeHours);
            var expected = inquiry.Initiator == InquiryInitiator.Customer && inquiry.FirstResponse is not null;
            return times.FirstResponse.HasValue == expected
                && times.FirstResponseType == inquiry.FirstResponse?.ResponseType
                && times.NextResponses.Count < Math.Max(1, inquiry.PublicResponseCount + 1);
        }).Check(Many);

    /// <summary>The time spent in Solved before the latest solve (then reopened), walked from the status changes.</summary>
    private static InquiryDuration SolvedBeforeTheLatestSolve(Inquiry inquiry)
    {
        var changes = inquiry.StatusChanges;
        var last = changes.Select((c, i) => (c, i)).Last(p => p.c.Status == InquiryStatus.Solved).i;
        TimeSpan calendar = TimeSpan.Zero, business = TimeSpan.Zero;
        for (var i = 0; i < last; i++)
        {
            if (changes[i].Status == InquiryStatus.Solved)
            {
                calendar += changes[i + 1].Timestamp - changes[i].Timestamp;
                business += InquiryExamples.OfficeHours.BusinessDuration(changes[i].Timestamp, changes[i + 1].Timestamp);
            }
        }

        return new InquiryDuration(calendar, business);
    }
}
