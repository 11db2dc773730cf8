using Engagement.Sdk.Responses;
using Engagement.Sdk.Touchpoints;
using static Engagement.Sdk.Tests.Responses.SlaTestData;

namespace Engagement.Sdk.Tests.Responses;

// Hand-worked evaluations on Monday–Friday 09:00–17:00 in Amsterdam. Friday 6 March 2026 is day 6, Saturday day 7,
// Monday 9 March day 9.
public class SlaPolicyTests
{
    private static readonly SlaTarget FirstReply4h = new(SlaMetric.FirstReply, Hours(4));
    private static readonly SlaTarget FirstReply1h = new(SlaMetric.FirstReply, Hours(1));

    // Opened Friday 16:00, answered Monday 10:00.
    private static readonly Inquiry FridayToMonday = Inquiry(At(6, 16), [Customer(At(6, 16)), Agent(At(9, 10))]);

    [Fact]
    public void FirstReply_BusinessTime_Achieved()
    {
        var evaluation = EvaluateOne(FridayToMonday, FirstReply4h, At(9, 12));

        // Friday 16:00–17:00 is 1 business hour, the weekend none, Monday 09:00–10:00 one more: 2 h ≤ 4 h.
        Assert.Equal(SlaStatus.Achieved, evaluation.Status);
        Assert.Equal(Hours(2), evaluation.Measured);
        Assert.Null(evaluation.Breach);
        Assert.Null(evaluation.DueAt);
        Assert.Null(evaluation.TimeLeft);
        Assert.Equal(("i-1", "c-1", Channels.Email, InquiryPriority.Normal), (evaluation.InquiryId, evaluation.CustomerId, evaluation.Channel, evaluation.Priority));
    }

    [Fact]
    public void FirstReply_BusinessTime_BreachedByTheExcess()
    {
        var evaluation = EvaluateOne(FridayToMonday, FirstReply1h, At(9, 12));

        // The same 2 business hours against 1 h: breached by 2 − 1 = 1 h.
        Assert.Equal(SlaStatus.Breached, evaluation.Status);
        Assert.Equal(Hours(2), evaluation.Measured);
        Assert.Equal(Hours(1), evaluation.Breach);
    }

    [Fact]
    public void FirstReply_CalendarTime_CountsTheWeekend()
    {
        var evaluation = EvaluateOne(FridayToMonday, new SlaTarget(SlaMetric.FirstReply, Hours(4), TimeBasis.Calendar), At(9, 12));

        // Friday 16:00 to Monday 10:00 is 8 + 48 + 10 = 66 elapsed hours: breached by 62 h.
        Assert.Equal(SlaStatus.Breached, evaluation.Status);
        Assert.Equal(Hours(66), evaluation.Measured);
        Assert.Equal(Hours(62), evaluation.Breach);
    }

    [Fact]
    public void FirstReply_EqualToTheTarget_IsAchieved()
    {
        var evaluation = EvaluateOne(FridayToMonday, new SlaTarget(SlaMetric.FirstReply, Hours(2)), At(9, 12));

        Assert.Equal(SlaStatus.Achieved, evaluation.Status);
        Assert.Equal(Hours(2), evaluation.Measured);
    }

    [Fact]
    public void FirstReply_AcrossHolidaysAndSummerTime()
    {
        var cest = TimeSpan.FromHours(2);
        var easter = BusinessCalendar.Weekdays("Europe/Amsterdam", TimeSpan.FromHours(9), TimeSpan.FromHours(17), [new DateOnly(2026, 4, 3), new DateOnly(2026, 4, 6)]);
        var policy = new SlaPolicy("easter", easter, [new SlaPolicyRule(null, null, [new SlaTarget(SlaMetric.FirstReply, Hours(4)), new SlaTarget(SlaMetric.Resolution, Hours(60), TimeBasis.Calendar)])]);
        var overEaster = Inquiry(new(2026, 4, 2, 16, 0, 0, cest), [Customer(new(2026, 4, 2, 16, 0, 0, cest)), Agent(new(2026, 4, 7, 10, 0, 0, cest))]);
        var overTheClockChange = Inquiry(
            At(27, 16), [Customer(At(27, 16)), Agent(new(2026, 3, 30, 10, 0, 0, cest))], [Change(new(2026, 3, 30, 10, 0, 0, cest), InquiryStatus.Solved)]);

        var easterReply = policy.Evaluate(overEaster, new(2026, 4, 7, 12, 0, 0, cest))[0];
        var dst = policy.Evaluate(overTheClockChange, new(2026, 3, 30, 12, 0, 0, cest));

        // Thursday 16:00–17:00 (1 h), Good Friday and Easter Monday closed, Tuesday 09:00–10:00 (1 h): 2 h of 4.
        Assert.Equal((SlaStatus.Achieved, Hours(2)), (easterReply.Status, easterReply.Measured!.Value));
        // Friday 27 March 16:00 +01:00 to Monday 30 March 10:00 +02:00: 2 business hours; on the calendar 66 h less the
        // hour lost on Sunday = 65 h, breaching 60 h by 5 h.
        Assert.Equal((SlaStatus.Achieved, Hours(2)), (dst[0].Status, dst[0].Measured!.Value));
        Assert.Equal((SlaStatus.Breached, Hours(65), Hours(5)), (dst[1].Status, dst[1].Measured!.Value, dst[1].Breach!.Value));
    }

    [Fact]
    public void FirstReply_Open_BeforeAndAfterItsDueTime()
    {
        var unanswered = Inquiry(At(6, 16), [Customer(At(6, 16)), Note(At(6, 16, 30))]);

        // Due after 4 business hours: Friday 16:00–17:00 (1 h) and Monday 09:00–12:00 (3 h) → Monday 12:00.
        var saturday = EvaluateOne(unanswered, FirstReply4h, At(7, 12));
        var before = EvaluateOne(unanswered, FirstReply4h, At(9, 11));
        var atDue = EvaluateOne(unanswered, FirstReply4h, At(9, 12));
        var after = EvaluateOne(unanswered, FirstReply4h, At(9, 13, 30));

        // Saturday: 1 business hour has elapsed, 3 left; the internal note is no response.
        Assert.Equal((SlaStatus.OpenWithinTarget, At(9, 12), Hours(3)), (saturday.Status, saturday.DueAt!.Value, saturday.TimeLeft!.Value));
        // Monday 11:00: 1 + 2 = 3 h elapsed, 1 h left.
        Assert.Equal((SlaStatus.OpenWithinTarget, Hours(1)), (before.Status, before.TimeLeft!.Value));
        Assert.Null(before.Breach);
        Assert.Null(before.Measured);
        // At the due time exactly: nothing left, not yet breached.
        Assert.Equal((SlaStatus.OpenWithinTarget, TimeSpan.Zero), (atDue.Status, atDue.TimeLeft!.Value));
        // Monday 13:30: 1 + 4.5 = 5.5 h elapsed, 1.5 h past the target.
        Assert.Equal((SlaStatus.OpenBreached, Hours(-1.5), Hours(1.5)), (after.Status, after.TimeLeft!.Value, after.Breach!.Value));
        Assert.Equal(At(9, 12), after.DueAt);
    }

    [Fact]
    public void FirstReply_DueAtClosing_IsNotBreachedWhileClosed()
    {
        var unanswered = Inquiry(At(6, 16));

        // 1 business hour after Friday 16:00 is Friday 17:00, the close. On Saturday no business time has passed beyond
        // it, so a reply then would measure exactly 1 h and be achieved: the target is open with nothing left.
        var saturday = EvaluateOne(unanswered, FirstReply1h, At(7, 10));
        var monday = EvaluateOne(unanswered, FirstReply1h, At(9, 9, 15));

        Assert.Equal((SlaStatus.OpenWithinTarget, At(6, 17), TimeSpan.Zero), (saturday.Status, saturday.DueAt!.Value, saturday.TimeLeft!.Value));
        Assert.Equal((SlaStatus.OpenBreached, Minutes(15)), (monday.Status, monday.Breach!.Value));
    }

    [Fact]
    public void FirstReply_SolvedWithoutReply_IsNotApplicable()
    {
        var solved = Inquiry(At(6, 16), [Customer(At(6, 16))], [Change(At(6, 16, 30), InquiryStatus.Solved)]);

        var evaluation = EvaluateOne(solved, FirstReply1h, At(9, 12));

        Assert.Equal(SlaStatus.NotApplicable, evaluation.Status);
        Assert.Equal((null, null, null, null), (evaluation.Measured, evaluation.DueAt, evaluation.TimeLeft, evaluation.Breach));
    }

    [Fact]
    public void FirstReply_OfAProactiveInquiry_IsNotEvaluated()
    {
        var proactive = Inquiry(At(2, 10), [Agent(At(2, 10)), Customer(At(2, 11))], initiator: InquiryInitiator.Brand);

        Assert.Empty(Policy(FirstReply1h).Evaluate(proactive, At(2, 12)));
    }

    [Fact]
    public void FirstReply_ByABot_Counts()
    {
        var inquiry = Inquiry(At(2, 10), [Customer(At(2, 10)), Bot(At(2, 10, 1))]);

        Assert.Equal(Minutes(1), EvaluateOne(inquiry, FirstReply1h, At(2, 12)).Measured);
    }

    // Monday: customer 09:00, agent 09:30 (the first reply), customer 10:00 and 10:15, agent 11:00 (cycle 1: from the
    // oldest unanswered message, 10:00, to 11:00 = 1 h), a note at 11:30 (no response), customer 12:00, bot 12:20
    // (cycle 2: 20 min).
    private static readonly InquiryMessage[] TwoCycles =
    [
        Customer(At(2, 9)), Agent(At(2, 9, 30)), Customer(At(2, 10)), Customer(At(2, 10, 15)), Agent(At(2, 11)),
        Note(At(2, 11, 30)), Customer(At(2, 12)), Bot(At(2, 12, 20)),
    ];

    [Fact]
    public void NextReply_EveryCycleWithinTarget_IsAchievedWithTheLongest()
    {
        var evaluation = EvaluateOne(Inquiry(At(2, 9), TwoCycles), new SlaTarget(SlaMetric.NextReply, Hours(1)), At(2, 13));

        // Cycles of 1 h and 20 min against 1 h: both within (equal is within); the longest, 1 h, is measured.
        Assert.Equal((SlaStatus.Achieved, Hours(1)), (evaluation.Status, evaluation.Measured!.Value));
    }

    [Fact]
    public void NextReply_ACycleOverTarget_IsBreached()
    {
        var evaluation = EvaluateOne(Inquiry(At(2, 9), TwoCycles), new SlaTarget(SlaMetric.NextReply, Minutes(30)), At(2, 13));

        // The 1 h cycle exceeds 30 min by 30 min.
        Assert.Equal((SlaStatus.Breached, Hours(1), Minutes(30)), (evaluation.Status, evaluation.Measured!.Value, evaluation.Breach!.Value));
    }

    [Fact]
    public void NextReply_AnOpenCycle_RunsTheClockUnlessACompletedOneBreached()
    {
        var inquiry = Inquiry(At(2, 9), [.. TwoCycles, Customer(At(2, 14))]);

        var within = EvaluateOne(inquiry, new SlaTarget(SlaMetric.NextReply, Hours(1)), At(2, 14, 45));
        var breached = EvaluateOne(inquiry, new SlaTarget(SlaMetric.NextReply, Minutes(30)), At(2, 14, 45));

        // The customer message of 14:00 is unanswered at 14:45: 45 min of a 1 h target elapsed, due 15:00.
        Assert.Equal((SlaStatus.OpenWithinTarget, Minutes(15), At(2, 15)), (within.Status, within.TimeLeft!.Value, within.DueAt!.Value));
        // Against 30 min the completed 1 h cycle has already breached, for good.
        Assert.Equal((SlaStatus.Breached, Minutes(30)), (breached.Status, breached.Breach!.Value));
    }

    [Fact]
    public void NextReply_BeforeTheFirstReplyOrWhenSolved_HasNoOpenCycle()
    {
        var unanswered = Inquiry(At(2, 9), [Customer(At(2, 9)), Customer(At(2, 9, 30))]);
        var solvedWithOpenCycle = Inquiry(At(2, 9), [Customer(At(2, 9)), Agent(At(2, 9, 10)), Customer(At(2, 9, 20))], [Change(At(2, 9, 30), InquiryStatus.Solved)]);
        var target = new SlaTarget(SlaMetric.NextReply, Hours(1));

        // Messages before the first reply belong to the first reply, not to a reply cycle; a solved inquiry's unanswered
        // message no longer runs a clock; with no completed cycle either, nothing is measured.
        Assert.Equal(SlaStatus.NotApplicable, EvaluateOne(unanswered, target, At(2, 17)).Status);
        Assert.Equal(SlaStatus.NotApplicable, EvaluateOne(solvedWithOpenCycle, target, At(2, 17)).Status);
    }

    [Fact]
    public void NextReply_OfAProactiveInquiry_StartsAtTheFirstCustomerMessage()
    {
        // We wrote first at 09:00; the customer answered at 10:00 and was answered at 10:45: a 45 min cycle.
        var proactive = Inquiry(At(2, 9), [Agent(At(2, 9)), Customer(At(2, 10)), Agent(At(2, 10, 45))], initiator: InquiryInitiator.Brand);

        var evaluation = EvaluateOne(proactive, new SlaTarget(SlaMetric.NextReply, Hours(1)), At(2, 12));

        Assert.Equal((SlaStatus.Achieved, Minutes(45)), (evaluation.Status, evaluation.Measured!.Value));
    }

    // Urgent: responses at 09:10, 10:00 and 11:30 on Monday; solved at 12:00.
    private static readonly InquiryMessage[] Updates = [Customer(At(2, 9)), Agent(At(2, 9, 10)), Agent(At(2, 10)), Bot(At(2, 11, 30))];

    [Fact]
    public void PeriodicUpdate_Solved_MeasuresTheLongestInterval()
    {
        var solved = Inquiry(At(2, 9), Updates, [Change(At(2, 12), InquiryStatus.Solved)], priority: InquiryPriority.Urgent);

        // Intervals from the first response: 09:10–10:00 (50 min), 10:00–11:30 (1.5 h), 11:30–12:00 solve (30 min).
        var tight = EvaluateOne(solved, new SlaTarget(SlaMetric.PeriodicUpdate, Hours(1), TimeBasis.Calendar), At(2, 13));
        var loose = EvaluateOne(solved, new SlaTarget(SlaMetric.PeriodicUpdate, Hours(2), TimeBasis.Calendar), At(2, 13));

        Assert.Equal((SlaStatus.Breached, Hours(1.5), Minutes(30)), (tight.Status, tight.Measured!.Value, tight.Breach!.Value));
        Assert.Equal((SlaStatus.Achieved, Hours(1.5)), (loose.Status, loose.Measured!.Value));
    }

    [Fact]
    public void PeriodicUpdate_Unsolved_RunsFromTheLatestResponse()
    {
        var open = Inquiry(At(2, 9), Updates, priority: InquiryPriority.Urgent);

        // At 13:00 the completed intervals (50 min, 1.5 h) are within 2 h; the running one since 11:30 has 1.5 h
        // elapsed: due 13:30, 30 min left. A 1 h target was already breached by the 1.5 h interval.
        var within = EvaluateOne(open, new SlaTarget(SlaMetric.PeriodicUpdate, Hours(2)), At(2, 13));
        var breached = EvaluateOne(open, new SlaTarget(SlaMetric.PeriodicUpdate, Hours(1)), At(2, 13));

        Assert.Equal((SlaStatus.OpenWithinTarget, At(2, 13, 30), Minutes(30)), (within.Status, within.DueAt!.Value, within.TimeLeft!.Value));
        Assert.Equal(SlaStatus.Breached, breached.Status);
    }

    [Fact]
    public void PeriodicUpdate_BeforeAnyResponse_IsNotApplicable()
    {
        var evaluation = EvaluateOne(Inquiry(At(2, 9), [Customer(At(2, 9))]), new SlaTarget(SlaMetric.PeriodicUpdate, Hours(1)), At(2, 17));

        Assert.Equal(SlaStatus.NotApplicable, evaluation.Status);
    }

    [Fact]
    public void Resolution_UsesTheLatestSolve()
    {
        var once = Inquiry(At(6, 16), [Customer(At(6, 16)), Agent(At(9, 9, 30))], [Change(At(9, 10), InquiryStatus.Solved)]);
        var reopened = Inquiry(
            At(6, 16),
            [Customer(At(6, 16)), Agent(At(9, 9, 30))],
            [Change(At(9, 10), InquiryStatus.Solved), Change(At(9, 11), InquiryStatus.Open), Change(At(9, 15), InquiryStatus.Solved), Change(At(9, 16), InquiryStatus.Closed)]);
        var target = new SlaTarget(SlaMetric.Resolution, Hours(4));

        // Solved Monday 10:00: 1 + 1 = 2 business hours. Reopened and solved again at 15:00: 1 + 6 = 7 h, 3 h over.
        Assert.Equal((SlaStatus.Achieved, Hours(2)), (EvaluateOne(once, target, At(9, 17)).Status, EvaluateOne(once, target, At(9, 17)).Measured!.Value));
        var late = EvaluateOne(reopened, target, At(9, 17));
        Assert.Equal((SlaStatus.Breached, Hours(7), Hours(3)), (late.Status, late.Measured!.Value, late.Breach!.Value));
    }

    [Fact]
    public void Resolution_Unsolved_IsOpen()
    {
        var reopened = Inquiry(At(2, 9), [Customer(At(2, 9))], [Change(At(2, 10), InquiryStatus.Solved), Change(At(2, 11), InquiryStatus.Open)]);

        // Reopened, so not solved now: 09:00 → 16:00 is 7 business hours of 8; due 17:00.
        var evaluation = EvaluateOne(reopened, new SlaTarget(SlaMetric.Resolution, Hours(8)), At(2, 16));

        Assert.Equal((SlaStatus.OpenWithinTarget, Hours(1), At(2, 17)), (evaluation.Status, evaluation.TimeLeft!.Value, evaluation.DueAt!.Value));
    }

    [Fact]
    public void Evaluate_GivesEveryTargetOfTheRule_InMetricOrder()
    {
        var policy = new SlaPolicy("support", NineToFive, [new SlaPolicyRule(null, null, [new(SlaMetric.Resolution, Hours(8)), FirstReply1h, new(SlaMetric.NextReply, Hours(1))])]);

        var evaluations = policy.Evaluate(FridayToMonday, At(9, 12));

        Assert.Equal([SlaMetric.FirstReply, SlaMetric.NextReply, SlaMetric.Resolution], evaluations.Select(e => e.Target.Metric));
    }

    [Fact]
    public void Match_TakesTheFirstMatchingRule_SoSpecificRulesGoFirst()
    {
        SlaPolicyRule emailUrgent = new(Channels.Email, InquiryPriority.Urgent, [FirstReply1h]);
        SlaPolicyRule anyUrgent = new(null, InquiryPriority.Urgent, [new(SlaMetric.FirstReply, Hours(2))]);
        SlaPolicyRule any = new(null, null, [FirstReply4h]);
        var specificFirst = new SlaPolicy("support", NineToFive, [emailUrgent, anyUrgent, any]);
        var generalFirst = new SlaPolicy("support", NineToFive, [any, emailUrgent, anyUrgent]);
        var emailUrgentInquiry = Inquiry(At(2, 9), channel: Channels.Email, priority: InquiryPriority.Urgent);
        var chatUrgentInquiry = Inquiry(At(2, 9), channel: Channels.LiveChat, priority: InquiryPriority.Urgent);
        var emailLowInquiry = Inquiry(At(2, 9), channel: Channels.Email, priority: InquiryPriority.Low);

        Assert.Same(emailUrgent, specificFirst.Match(emailUrgentInquiry));
        Assert.Same(anyUrgent, specificFirst.Match(chatUrgentInquiry));
        Assert.Same(any, specificFirst.Match(emailLowInquiry));
        Assert.Same(any, generalFirst.Match(emailUrgentInquiry));
        Assert.Equal(Hours(1), Assert.Single(specificFirst.Evaluate(emailUrgentInquiry, At(2, 9))).Target.Target);
    }

    [Fact]
    public void Match_NoRule_GivesNoEvaluations_AndAnEmptyRuleExempts()
    {
        var policy = new SlaPolicy(
            "support", NineToFive, [new SlaPolicyRule(Channels.Community, null, []), new SlaPolicyRule(Channels.Email, null, [FirstReply1h])]);

        Assert.Null(policy.Match(Inquiry(At(2, 9), channel: Channels.Phone)));
        Assert.Empty(policy.Evaluate(Inquiry(At(2, 9), channel: Channels.Phone), At(2, 10)));
        Assert.Empty(policy.Evaluate(Inquiry(At(2, 9), channel: Channels.Community), At(2, 10)));
    }

    [Fact]
    public void Evaluate_BeforeTheInquirysLatestEvent_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Policy(FirstReply1h).Evaluate(FridayToMonday, At(9, 9)));

        Assert.Equal("asOf", e.ParamName);
        Assert.Contains("i-1", e.Message, StringComparison.Ordinal);
        Assert.Contains("2026-03-09T10:00:00.0000000+01:00", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => Policy(FirstReply1h).Evaluate(null!, At(9, 9)));
    }
}
