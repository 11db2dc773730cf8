using Engagement.Sdk.Responses;

namespace Engagement.Sdk.Tests.Responses.Reference;

public partial class ReferenceTests
{
    /// <summary>
    /// Five inquiries: (1) customer-started, first answered by a bot, one response, solved; (2) customer-started, an
    /// agent answers twice, solved, reopened, solved again; (3) customer-started, unanswered, open; (4) brand-started,
    /// two responses, solved then reopened (open now); (5) customer-started, only an internal note, solved.
    /// </summary>
    private static Inquiry[] RateInquiries() =>
    [
        Make([Customer(0), Bot(1)], [Change(5, InquiryStatus.Solved)]),
        Make([Customer(0), Agent(10), Customer(20), Agent(30)], [Change(10, InquiryStatus.Open), Change(40, InquiryStatus.Solved), Change(50, InquiryStatus.Open), Change(60, InquiryStatus.Solved)]),
        Make([Customer(0)], [Change(1, InquiryStatus.Open)]),
        Make([new(T0, MessageAuthor.Agent, ResponseType.Proactive), Customer(10), Agent(20)], [Change(30, InquiryStatus.Solved), Change(40, InquiryStatus.Pending)], InquiryInitiator.Brand),
        Make([Customer(0), Note(5)], [Change(10, InquiryStatus.Solved), Change(20, InquiryStatus.Closed)]),
    ];

    [Fact]
    public void Rates_FiveInquiries_HandCounted()
    {
        var inquiries = RateInquiries();

        // Response rate: customer-started 1, 2, 3, 5 = 4; with a response 1, 2 (5 has only a note) → 2/4.
        Assert.Equal((2L, 4L), NaiveRates.ResponseRate(inquiries));

        // Automation: customer-started with a response 1, 2; first by a bot 1 → 1/2. (4 is ours: not counted.)
        Assert.Equal((1L, 2L), NaiveRates.AutomationRate(inquiries));

        // Proactive share: 4 of all 5 → 1/5.
        Assert.Equal((1L, 5L), NaiveRates.ProactiveShare(inquiries));

        // Reopen rate: ever solved 1, 2, 4, 5 = 4; reopened 2 (Solved → Open) and 4 (Solved → Pending) → 2/4.
        Assert.Equal((2L, 4L), NaiveRates.ReopenRate(inquiries));

        // One-touch: now solved 1, 2, 5 (4 is pending again) = 3; exactly one response: 1 (2 has two, 5 none) → 1/3.
        Assert.Equal((1L, 3L), NaiveRates.OneTouchResolutionRate(inquiries));
    }

    [Fact]
    public void Rates_NoInquiries_AreZeroOverZero()
    {
        Assert.Equal((0L, 0L), NaiveRates.ResponseRate([]));
        Assert.Equal((0L, 0L), NaiveRates.AutomationRate([]));
        Assert.Equal((0L, 0L), NaiveRates.ProactiveShare([]));
        Assert.Equal((0L, 0L), NaiveRates.ReopenRate([]));
        Assert.Equal((0L, 0L), NaiveRates.OneTouchResolutionRate([]));
    }

    [Fact]
    public void Model_DerivedProperties_AgreeWithTheReferenceWalk()
    {
        // The reference reads only raw lists; the model's derived properties must say the same on these inquiries.
        Inquiry[] all = [.. RateInquiries(), Worked()];
        foreach (var inquiry in all)
        {
            Assert.Equal(NaiveRates.Reopens(inquiry), inquiry.Reopens);
            Assert.Equal(NaiveRates.FirstSolvedAt(inquiry), inquiry.FirstSolvedAt);
            Assert.Equal(NaiveInquiryMetrics.SolvedAt(inquiry), inquiry.SolvedAt);
            Assert.Equal(NaiveInquiryMetrics.IsNowSolved(inquiry), inquiry.IsSolved);
            Assert.Equal(NaiveInquiryMetrics.FirstResponseMessage(inquiry), inquiry.FirstResponse);
            Assert.Equal(NaiveInquiryMetrics.Responses(inquiry).Count, inquiry.PublicResponseCount);
        }

        // Worked: Solved at 90 then Open at 100 is one reopen; the latest solve is 120, the first 90.
        var worked = Worked();
        Assert.Equal(1, NaiveRates.Reopens(worked));
        Assert.Equal(T0.AddMinutes(90), NaiveRates.FirstSolvedAt(worked));
        Assert.Equal(T0.AddMinutes(120), NaiveInquiryMetrics.SolvedAt(worked));
    }
}
