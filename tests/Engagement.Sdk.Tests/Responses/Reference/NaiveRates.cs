using Engagement.Sdk.Responses;

namespace Engagement.Sdk.Tests.Responses.Reference;

/// <summary>
/// The five rates of the DEFINITIONS as (numerator, denominator), counted with plain loops over the inquiries' raw
/// messages and status changes (not the model's derived properties, so a comparison checks those too).
/// </summary>
/// <remarks>
/// "response rate = customer-started inquiries with at least one response / customer-started inquiries; automation rate
/// = customer-started inquiries whose first response is by a Bot / customer-started inquiries with a response;
/// proactive share = inquiries started by the Brand / all inquiries; reopen rate = inquiries with Reopens ≥ 1 /
/// inquiries ever solved (FirstSolvedAt not null); one-touch resolution rate = inquiries now solved with exactly one
/// response (PublicResponseCount == 1) / inquiries now solved." Reopens: "changes from Solved back to
/// New/Open/Pending/OnHold".
/// </remarks>
internal static class NaiveRates
{
    public static (long Numerator, long Denominator) ResponseRate(IEnumerable<Inquiry> inquiries) =>
        NaiveCount.Ratio(inquiries, IsCustomerStarted, i => NaiveInquiryMetrics.FirstResponseMessage(i) is not null);

    public static (long Numerator, long Denominator) AutomationRate(IEnumerable<Inquiry> inquiries) =>
        NaiveCount.Ratio(
            inquiries,
            i => IsCustomerStarted(i) && NaiveInquiryMetrics.FirstResponseMessage(i) is not null,
            i => NaiveInquiryMetrics.FirstResponseMessage(i)!.Author == MessageAuthor.Bot);

    public static (long Numerator, long Denominator) ProactiveShare(IEnumerable<Inquiry> inquiries) =>
        NaiveCount.Ratio(inquiries, _ => true, i => i.Initiator == InquiryInitiator.Brand);

    public static (long Numerator, long Denominator) ReopenRate(IEnumerable<Inquiry> inquiries) =>
        NaiveCount.Ratio(inquiries, i => FirstSolvedAt(i) is not null, i => Reopens(i) >= 1);

    public static (long Numerator, long Denominator) OneTouchResolutionRate(IEnumerable<Inquiry> inquiries) =>
        NaiveCount.Ratio(inquiries, NaiveInquiryMetrics.IsNowSolved, i => NaiveInquiryMetrics.Responses(i).Count == 1);

    private static bool IsCustomerStarted(Inquiry inquiry) => inquiry.Initiator == InquiryInitiator.Customer;

    /// <summary>The first change to Solved, or null.</summary>
    public static DateTimeOffset? FirstSolvedAt(Inquiry inquiry)
    {
        foreach (var change in inquiry.StatusChanges)
        {
            if (change.Status == InquiryStatus.Solved)
            {
                return change.Timestamp;
            }
        }

        return null;
    }

    /// <summary>Changes from Solved back to New, Open, Pending or OnHold.</summary>
    public static int Reopens(Inquiry inquiry)
    {
        var reopens = 0;
        var previous = InquiryStatus.New;
        foreach (var change in inquiry.StatusChanges)
        {
            if (previous == InquiryStatus.Solved && change.Status is InquiryStatus.New or InquiryStatus.Open or InquiryStatus.Pending or InquiryStatus.OnHold)
            {
                reopens++;
            }

            previous = change.Status;
        }

        return reopens;
    }
}
