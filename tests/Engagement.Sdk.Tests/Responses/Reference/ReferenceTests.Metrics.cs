using Engagement.Sdk.Responses;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.Tests.Responses.Reference;

public partial class ReferenceTests
{
    /// <summary>Monday 2026-03-02 09:00 in Amsterdam (08:00 UTC).</summary>
    private static readonly DateTimeOffset T0 = At(2026, 3, 2, 9, 0, Cet);

    private static TimeSpan Min(double minutes) => TimeSpan.FromMinutes(minutes);

    private static InquiryMessage Customer(int minute) => InquiryMessage.FromCustomer(T0.AddMinutes(minute));

    private static InquiryMessage Agent(int minute) => InquiryMessage.FromAgent(T0.AddMinutes(minute));

    private static InquiryMessage Bot(int minute) => InquiryMessage.FromBot(T0.AddMinutes(minute));

    private static InquiryMessage Note(int minute) => new(T0.AddMinutes(minute), MessageAuthor.Agent, ResponseType.Manual, isPublic: false);

    private static InquiryStatusChange Change(int minute, InquiryStatus status) => new(T0.AddMinutes(minute), status);

    private static Inquiry Make(
        IReadOnlyList<InquiryMessage> messages,
        IReadOnlyList<InquiryStatusChange>? changes = null,
        InquiryInitiator initiator = InquiryInitiator.Customer,
        DateTimeOffset? openedAt = null,
        Channel? channel = null,
        InquiryPriority priority = InquiryPriority.Normal) =>
        new("i", "c", channel ?? Channels.Email, priority, openedAt ?? T0, messages, changes, initiator);

    /// <summary>
    /// A customer-started inquiry worked through every rule (minutes after T0):
    /// 0 customer · 5 internal note · 10 bot (first response) · 20, 25 customer · 40 agent · 45 agent · 50 customer ·
    /// 60 note · 80 agent · 100 customer (never answered). Status: 10 Open · 40 Pending · 50 OnHold · 70 Open ·
    /// 90 Solved · 100 Open (reopen) · 120 Solved.
    /// </summary>
    private static Inquiry Worked() => Make(
        [Customer(0), Note(5), Bot(10), Customer(20), Customer(25), Agent(40), Agent(45), Customer(50), Note(60), Agent(80), Customer(100)],
        [
            Change(10, InquiryStatus.Open), Change(40, InquiryStatus.Pending), Change(50, InquiryStatus.OnHold), Change(70, InquiryStatus.Open),
            Change(90, InquiryStatus.Solved), Change(100, InquiryStatus.Open), Change(120, InquiryStatus.Solved),
        ]);

    [Fact]
    public void Metrics_WorkedInquiry_CalendarTime()
    {
        var inquiry = Worked();

        // FRT: the note at 5 is internal, so the bot at 10 is the first response: 10 min, Automated.
        Assert.Equal(Min(10), NaiveInquiryMetrics.FirstResponse(inquiry, null));
        Assert.Equal(ResponseType.Automated, NaiveInquiryMetrics.FirstResponseType(inquiry));

        // NRT: after the first response the oldest unanswered customer message is 20 (25 joins the same cycle), answered
        // at 40 → 20 min; the agent at 45 answers nothing; 50 → 80 (the note at 60 is not a response) → 30 min; 100 is
        // never answered: no value.
        Assert.Equal([Min(20), Min(30)], NaiveInquiryMetrics.NextResponses(inquiry, null));
        Assert.Equal([ResponseType.Manual, ResponseType.Manual], NaiveInquiryMetrics.NextResponseTypes(inquiry));
        Assert.Equal([new NaiveCycle(T0.AddMinutes(20), Agent(40)), new NaiveCycle(T0.AddMinutes(50), Agent(80)), new NaiveCycle(T0.AddMinutes(100), null)], NaiveInquiryMetrics.Cycles(inquiry));

        // Resolution: SolvedAt is the latest solve, 120 → 120 min. Inquiry-level group: the first response's type.
        Assert.Equal(Min(120), NaiveInquiryMetrics.FullResolution(inquiry, null));
        Assert.Equal(ResponseType.Automated, NaiveInquiryMetrics.InquiryGroup(inquiry));

        // Timeline up to 120: New 0–10 (10) · Open 10–40 (30) · Pending 40–50 (10) · OnHold 50–70 (20) · Open 70–90 (20)
        // · Solved 90–100 (not waited) · Open 100–120 (20).
        // Requester = New + Open + OnHold = 10 + 30 + 20 + 20 + 20 = 100; agent = Pending = 10; on-hold = 20.
        Assert.Equal(Min(100), NaiveInquiryMetrics.RequesterWait(inquiry, null));
        Assert.Equal(Min(10), NaiveInquiryMetrics.AgentWait(inquiry, null));
        Assert.Equal(Min(20), NaiveInquiryMetrics.OnHold(inquiry, null));
    }

    [Fact]
    public void Metrics_WorkedInquiry_BusinessTimeInsideOpeningHours_EqualsCalendarTime()
    {
        // Monday 09:00–11:00 lies inside the 9–17 hours, so every business duration equals the calendar one.
        var inquiry = Worked();

        Assert.Equal(Min(10), NaiveInquiryMetrics.FirstResponse(inquiry, OfficeHours));
        Assert.Equal([Min(20), Min(30)], NaiveInquiryMetrics.NextResponses(inquiry, OfficeHours));
        Assert.Equal(Min(120), NaiveInquiryMetrics.FullResolution(inquiry, OfficeHours));
        Assert.Equal(Min(100), NaiveInquiryMetrics.RequesterWait(inquiry, OfficeHours));
        Assert.Equal(Min(10), NaiveInquiryMetrics.AgentWait(inquiry, OfficeHours));
        Assert.Equal(Min(20), NaiveInquiryMetrics.OnHold(inquiry, OfficeHours));
    }

    [Fact]
    public void Metrics_OpenedFridayAfternoon_BusinessTimeSkipsTheWeekend()
    {
        // Opened Friday 2026-03-06 16:30; first response Monday 09:15; customer Monday 10:00, agent 10:30;
        // Open Monday 09:15, Pending 10:30, Solved 11:00.
        var opened = At(2026, 3, 6, 16, 30, Cet);
        var monday = At(2026, 3, 9, 9, 0, Cet);
        var inquiry = Make(
            [InquiryMessage.FromCustomer(opened), InquiryMessage.FromAgent(monday.AddMinutes(15)), InquiryMessage.FromCustomer(monday.AddMinutes(60)), InquiryMessage.FromAgent(monday.AddMinutes(90))],
            [new(monday.AddMinutes(15), InquiryStatus.Open), new(monday.AddMinutes(90), InquiryStatus.Pending), new(monday.AddMinutes(120), InquiryStatus.Solved)],
            openedAt: opened);

        // FRT business: Friday 16:30–17:00 (30) + Monday 09:00–09:15 (15) = 45. Calendar: Fri 16:30 → Mon 09:15 = 64 h 45 min.
        Assert.Equal(Min(45), NaiveInquiryMetrics.FirstResponse(inquiry, OfficeHours));
        Assert.Equal(TimeSpan.FromHours(64) + Min(45), NaiveInquiryMetrics.FirstResponse(inquiry, null));

        // NRT: Monday 10:00 → 10:30 = 30 either way.
        Assert.Equal([Min(30)], NaiveInquiryMetrics.NextResponses(inquiry, OfficeHours));
        Assert.Equal([Min(30)], NaiveInquiryMetrics.NextResponses(inquiry, null));

        // Resolution business: 30 (Friday) + 120 (Monday 09:00–11:00) = 150. Calendar: Fri 16:30 → Mon 11:00 = 66 h 30 min.
        Assert.Equal(Min(150), NaiveInquiryMetrics.FullResolution(inquiry, OfficeHours));
        Assert.Equal(TimeSpan.FromHours(66) + Min(30), NaiveInquiryMetrics.FullResolution(inquiry, null));

        // Requester wait = New (Fri 16:30 → Mon 09:15) + Open (09:15 → 10:30). Business: 45 + 75 = 120; calendar:
        // 64 h 45 + 1 h 15 = 66 h. Agent wait = Pending 10:30 → 11:00 = 30 either way. 120 + 30 = 150 = resolution.
        Assert.Equal(Min(120), NaiveInquiryMetrics.RequesterWait(inquiry, OfficeHours));
        Assert.Equal(TimeSpan.FromHours(66), NaiveInquiryMetrics.RequesterWait(inquiry, null));
        Assert.Equal(Min(30), NaiveInquiryMetrics.AgentWait(inquiry, OfficeHours));
        Assert.Equal(Min(30), NaiveInquiryMetrics.AgentWait(inquiry, null));
        Assert.Equal(TimeSpan.Zero, NaiveInquiryMetrics.OnHold(inquiry, OfficeHours));
    }

    [Fact]
    public void Metrics_ProactiveInquiry_HasNoFrt_AndCyclesStartAtTheFirstCustomerMessage()
    {
        // Brand-started: our proactive message at 0, the customer at 30, an agent at 45 (→ 15), a bot at 50 (nothing
        // pending), the customer at 60 and 61, the bot at 70 (→ 10). Not solved: no resolution, no waits.
        var inquiry = Make(
            [new(T0, MessageAuthor.Agent, ResponseType.Proactive), Customer(30), Agent(45), Bot(50), Customer(60), Customer(61), Bot(70)],
            [Change(0, InquiryStatus.Open)],
            InquiryInitiator.Brand);

        Assert.Null(NaiveInquiryMetrics.FirstResponse(inquiry, null));
        Assert.Null(NaiveInquiryMetrics.FirstResponseType(inquiry));
        Assert.Equal([Min(15), Min(10)], NaiveInquiryMetrics.NextResponses(inquiry, null));
        Assert.Equal([ResponseType.Manual, ResponseType.Automated], NaiveInquiryMetrics.NextResponseTypes(inquiry));
        Assert.Equal(ResponseType.Proactive, NaiveInquiryMetrics.InquiryGroup(inquiry)); // its first response is ours
        Assert.Null(NaiveInquiryMetrics.FullResolution(inquiry, null));
        Assert.Null(NaiveInquiryMetrics.RequesterWait(inquiry, null));
        Assert.Null(NaiveInquiryMetrics.AgentWait(inquiry, null));
        Assert.Null(NaiveInquiryMetrics.OnHold(inquiry, null));
    }

    [Fact]
    public void Metrics_Unanswered_HasNoValues_AndTheNoneGroup()
    {
        // Customer at 0 and 5, only an internal note at 8; solved at 30 without a response.
        var inquiry = Make([Customer(0), Customer(5), Note(8)], [Change(30, InquiryStatus.Solved)]);

        Assert.Null(NaiveInquiryMetrics.FirstResponse(inquiry, null));
        Assert.Empty(NaiveInquiryMetrics.NextResponses(inquiry, null));
        Assert.Empty(NaiveInquiryMetrics.Cycles(inquiry)); // no first response: the cycles never start
        Assert.Null(NaiveInquiryMetrics.InquiryGroup(inquiry));
        Assert.Equal(Min(30), NaiveInquiryMetrics.FullResolution(inquiry, null));
        Assert.Equal(Min(30), NaiveInquiryMetrics.RequesterWait(inquiry, null)); // New the whole 0–30
    }

    [Fact]
    public void Metrics_EqualTimestamps_FollowListOrder_AndClosedStopsNothingBeforeSolvedAt()
    {
        // Agent at 10 (first response), then a customer message also at 10 → a cycle from 10, answered at 15 (5).
        // Customer at 20 listed before an agent at 20 → a cycle from 20 answered at 20 (0).
        // Status: Open at 0 then Pending at 0 (Open holds no time), Solved at 60, Closed at 70.
        var inquiry = Make(
            [Customer(0), Agent(10), Customer(10), Agent(15), Customer(20), Agent(20)],
            [Change(0, InquiryStatus.Open), Change(0, InquiryStatus.Pending), Change(60, InquiryStatus.Solved), Change(70, InquiryStatus.Closed)]);

        Assert.Equal(Min(10), NaiveInquiryMetrics.FirstResponse(inquiry, null));
        Assert.Equal([Min(5), Min(0)], NaiveInquiryMetrics.NextResponses(inquiry, null));

        // Closed keeps SolvedAt = 60: resolution 60; Pending 0–60 → agent wait 60, requester wait 0 (New and Open hold no time).
        Assert.Equal(Min(60), NaiveInquiryMetrics.FullResolution(inquiry, null));
        Assert.Equal(Min(60), NaiveInquiryMetrics.AgentWait(inquiry, null));
        Assert.Equal(TimeSpan.Zero, NaiveInquiryMetrics.RequesterWait(inquiry, null));
        Assert.Equal(Min(60), NaiveInquiryMetrics.AgentWait(inquiry, OfficeHours));   // Monday 09:00–10:00, open
        Assert.Equal(TimeSpan.Zero, NaiveInquiryMetrics.RequesterWait(inquiry, OfficeHours));
    }

    [Fact]
    public void Metrics_BusinessTime_RefusesInstantsThatAreNotWholeMinutes()
    {
        var inquiry = Make([Customer(0), InquiryMessage.FromAgent(T0.AddSeconds(90))]);

        Assert.Equal(TimeSpan.FromSeconds(90), NaiveInquiryMetrics.FirstResponse(inquiry, null)); // calendar time: any instant
        Assert.Equal("inquiry", Assert.Throws<ArgumentException>(() => NaiveInquiryMetrics.FirstResponse(inquiry, OfficeHours)).ParamName);
    }
}
