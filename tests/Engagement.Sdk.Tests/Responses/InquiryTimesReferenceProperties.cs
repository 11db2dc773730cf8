using Engagement.Sdk.Responses;
using Engagement.Sdk.Tests.Responses.Reference;
using FsCheck;
using FsCheck.Fluent;

namespace Engagement.Sdk.Tests.Responses;

/// <summary>The timeline walk against the naive reference (NaiveInquiryMetrics walks the messages and the status at
/// every minute), in calendar time and in office-hours business time.</summary>
public class InquiryTimesReferenceProperties
{
    private static readonly NaiveCalendarSpec NaiveOfficeHours = NaiveCalendarSpec.Daily("Europe/Amsterdam", 9, 17, NaiveCalendarSpec.Weekdays);

    [Fact]
    public void Measure_EqualsTheNaiveReference_InBothBases() =>
        Prop.ForAll(InquiryGenerators.Arbitrary, inquiry =>
        {
            var times = InquiryTimes.Measure(inquiry, InquiryExamples.OfficeHours);
            return (Agrees(times, inquiry, null, TimeBasis.Calendar) && Agrees(times, inquiry, NaiveOfficeHours, TimeBasis.Business))
                .Label($"{Describe(inquiry)}\nmeasured: {times}, waits {times.RequesterWait} / {times.AgentWait} / {times.OnHold}, NRT [{string.Join("; ", times.NextResponses)}]\n"
                    + $"naive business: FRT {NaiveInquiryMetrics.FirstResponse(inquiry, NaiveOfficeHours)}, NRT [{string.Join("; ", NaiveInquiryMetrics.NextResponses(inquiry, NaiveOfficeHours))}], "
                    + $"resolution {NaiveInquiryMetrics.FullResolution(inquiry, NaiveOfficeHours)}, waits {NaiveInquiryMetrics.RequesterWait(inquiry, NaiveOfficeHours)} / {NaiveInquiryMetrics.AgentWait(inquiry, NaiveOfficeHours)} / {NaiveInquiryMetrics.OnHold(inquiry, NaiveOfficeHours)}");
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(150));

    private static string Describe(Inquiry inquiry) =>
        $"{inquiry.Initiator} opened {inquiry.OpenedAt:O}; messages [{string.Join("; ", inquiry.Messages.Select(m => $"{m.Timestamp:O} {m.Author} {m.ResponseType} {(m.IsPublic ? "public" : "internal")}"))}]; "
        + $"changes [{string.Join("; ", inquiry.StatusChanges.Select(c => $"{c.Timestamp:O} {c.Status}"))}]";

    private static bool Agrees(InquiryTimes times, Inquiry inquiry, NaiveCalendarSpec? calendar, TimeBasis basis) =>
        times.FirstResponse?.Get(basis) == NaiveInquiryMetrics.FirstResponse(inquiry, calendar)
        && times.FirstResponseType == NaiveInquiryMetrics.InquiryGroup(inquiry)
        && (times.FirstResponse is null ? null : times.FirstResponseType) == NaiveInquiryMetrics.FirstResponseType(inquiry)
        && times.NextResponses.Select(c => c.Duration.Get(basis)).SequenceEqual(NaiveInquiryMetrics.NextResponses(inquiry, calendar))
        && times.NextResponses.Select(c => c.ResponseType).SequenceEqual(NaiveInquiryMetrics.NextResponseTypes(inquiry))
        && times.FullResolution?.Get(basis) == NaiveInquiryMetrics.FullResolution(inquiry, calendar)
        && times.RequesterWait?.Get(basis) == NaiveInquiryMetrics.RequesterWait(inquiry, calendar)
        && times.AgentWait?.Get(basis) == NaiveInquiryMetrics.AgentWait(inquiry, calendar)
        && times.OnHold?.Get(basis) == NaiveInquiryMetrics.OnHold(inquiry, calendar);
}
