using Engagement.Sdk.Responses;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.Tests.Responses.Reference;

public partial class ReferenceTests
{
    private static NaiveSlaTarget Target(NaiveSlaMetric metric, int minutes, TimeBasis basis = TimeBasis.Calendar) =>
        new(metric, Min(minutes), basis);

    private static NaiveSlaOutcome Sla(Inquiry inquiry, NaiveSlaTarget target, DateTimeOffset asOf) =>
        NaiveSla.Evaluate(inquiry, OfficeHours, target, asOf);

    private static NaiveSlaOutcome Sla(Inquiry inquiry, NaiveSlaTarget target, int asOfMinute) => Sla(inquiry, target, T0.AddMinutes(asOfMinute));

    [Fact]
    public void Sla_FirstReply_MeasuredAgainstTheTarget_EqualIsAchieved()
    {
        var hour = Target(NaiveSlaMetric.FirstReply, 60);

        // Answered at 45: 45 ≤ 60 → Achieved; at 60: equal → Achieved; at 61: 61 − 60 = 1 min breach.
        Assert.Equal(new NaiveSlaOutcome(NaiveSlaStatus.Achieved, Min(45), null, null, null), Sla(Make([Customer(0), Agent(45)]), hour, 200));
        Assert.Equal(new NaiveSlaOutcome(NaiveSlaStatus.Achieved, Min(60), null, null, null), Sla(Make([Customer(0), Agent(60)]), hour, 200));
        Assert.Equal(new NaiveSlaOutcome(NaiveSlaStatus.Breached, Min(61), Min(1), null, null), Sla(Make([Customer(0), Agent(61)]), hour, 200));

        // A response after the solve still measures (the FRT is 70 → 10 min breach).
        var answeredAfterSolve = Make([Customer(0), Agent(70)], [Change(30, InquiryStatus.Solved)]);
        Assert.Equal(NaiveSlaStatus.Breached, Sla(answeredAfterSolve, hour, 200).Status);
    }

    [Fact]
    public void Sla_FirstReply_Open_WithinTarget_AtTheDueTime_AndBreached()
    {
        var hour = Target(NaiveSlaMetric.FirstReply, 60);
        var unanswered = Make([Customer(0), Note(10)]);
        var due = T0.AddMinutes(60);

        // asOf 30: due 60, time left 60 − 30 = 30. asOf 60: not past due → within, 0 left. asOf 90: 30 past due.
        Assert.Equal(new NaiveSlaOutcome(NaiveSlaStatus.OpenWithinTarget, null, null, due, Min(30)), Sla(unanswered, hour, 30));
        Assert.Equal(new NaiveSlaOutcome(NaiveSlaStatus.OpenWithinTarget, null, null, due, TimeSpan.Zero), Sla(unanswered, hour, 60));
        Assert.Equal(new NaiveSlaOutcome(NaiveSlaStatus.OpenBreached, null, Min(30), due, Min(-30)), Sla(unanswered, hour, 90));
    }

    [Fact]
    public void Sla_FirstReply_NotApplicable_WhenSolvedUnanswered_OrProactive()
    {
        var hour = Target(NaiveSlaMetric.FirstReply, 60);

        Assert.Equal(NaiveSlaStatus.NotApplicable, Sla(Make([Customer(0)], [Change(90, InquiryStatus.Solved)]), hour, 200).Status);
        Assert.Equal(NaiveSlaStatus.NotApplicable, Sla(Make([Customer(0)], [Change(90, InquiryStatus.Solved), Change(95, InquiryStatus.Closed)]), hour, 200).Status);
        Assert.Equal(NaiveSlaStatus.NotApplicable, Sla(Make([Agent(0), Customer(5)], initiator: InquiryInitiator.Brand), hour, 200).Status);
    }

    [Fact]
    public void Sla_FirstReply_BusinessTime_DueAcrossTheWeekend()
    {
        // Opened Friday 16:30, 60 business minutes: 30 on Friday (16:30–17:00) + 30 on Monday → due Monday 09:30.
        var opened = At(2026, 3, 6, 16, 30, Cet);
        var unanswered = Make([InquiryMessage.FromCustomer(opened)], openedAt: opened);
        var target = Target(NaiveSlaMetric.FirstReply, 60, TimeBasis.Business);
        var due = At(2026, 3, 9, 9, 30, Cet);

        // asOf Saturday noon: open minutes until due = Monday 09:00–09:30 = 30 left.
        Assert.Equal(new NaiveSlaOutcome(NaiveSlaStatus.OpenWithinTarget, null, null, due, Min(30)), Sla(unanswered, target, At(2026, 3, 7, 12, 0, Cet)));

        // asOf Monday 10:00: 09:30–10:00 = 30 business minutes past due.
        Assert.Equal(new NaiveSlaOutcome(NaiveSlaStatus.OpenBreached, null, Min(30), due, Min(-30)), Sla(unanswered, target, At(2026, 3, 9, 10, 0, Cet)));

        // Answered Monday 09:20: 30 + 20 = 50 business minutes → Achieved; in calendar time that is 64 h 50 min.
        var answered = Make([InquiryMessage.FromCustomer(opened), InquiryMessage.FromAgent(At(2026, 3, 9, 9, 20, Cet))], openedAt: opened);
        Assert.Equal(new NaiveSlaOutcome(NaiveSlaStatus.Achieved, Min(50), null, null, null), Sla(answered, target, At(2026, 3, 9, 12, 0, Cet)));
        Assert.Equal(Min((64 * 60) + 50 - (24 * 60)), Sla(answered, Target(NaiveSlaMetric.FirstReply, 24 * 60), At(2026, 3, 9, 12, 0, Cet)).Breach);
    }

    [Fact]
    public void Sla_BusinessTime_PastDueWithNoOpenMinuteBetween_IsStillWithinTarget()
    {
        // Opened Friday 16:30 with a 30-minute business target → due Friday 17:00. At Saturday noon asOf > due, yet no
        // open minute lies between them: exactly the target has elapsed in business time, and a reply now would be
        // Achieved (a time equal to the target is achieved), so the open target is within it with no time left.
        var opened = At(2026, 3, 6, 16, 30, Cet);
        var unanswered = Make([InquiryMessage.FromCustomer(opened)], openedAt: opened);

        var saturday = Sla(unanswered, Target(NaiveSlaMetric.FirstReply, 30, TimeBasis.Business), At(2026, 3, 7, 12, 0, Cet));
        var monday = Sla(unanswered, Target(NaiveSlaMetric.FirstReply, 30, TimeBasis.Business), At(2026, 3, 9, 9, 1, Cet));

        Assert.Equal(new NaiveSlaOutcome(NaiveSlaStatus.OpenWithinTarget, null, null, At(2026, 3, 6, 17, 0, Cet), TimeSpan.Zero), saturday);
        // Monday 09:01 (weekly hours from 09:00): one business minute past due → breached by 1 minute.
        Assert.Equal(new NaiveSlaOutcome(NaiveSlaStatus.OpenBreached, null, TimeSpan.FromMinutes(1), At(2026, 3, 6, 17, 0, Cet), TimeSpan.FromMinutes(-1)), monday);
    }

    [Fact]
    public void Sla_NextReply_EveryCycleMustMeetTheTarget()
    {
        var worked = Worked(); // answered cycles of 20 and 30 min, an open cycle from 100, solved at 120

        // 30-min target: both cycles ≤ 30; the open cycle no longer counts once solved → Achieved, the longest 30.
        Assert.Equal(new NaiveSlaOutcome(NaiveSlaStatus.Achieved, Min(30), null, null, null), Sla(worked, Target(NaiveSlaMetric.NextReply, 30), 200));

        // 25-min target: the 30-min cycle breaches by 5.
        Assert.Equal(new NaiveSlaOutcome(NaiveSlaStatus.Breached, Min(30), Min(5), null, null), Sla(worked, Target(NaiveSlaMetric.NextReply, 25), 200));

        // No cycle (the customer never wrote after the first response): nothing to measure.
        Assert.Equal(NaiveSlaStatus.NotApplicable, Sla(Make([Customer(0), Agent(10)]), Target(NaiveSlaMetric.NextReply, 30), 200).Status);
    }

    [Fact]
    public void Sla_NextReply_OpenCycleOfAnUnsolvedInquiry()
    {
        // First response 10, customer 20 unanswered, 30-min target → due 50.
        var inquiry = Make([Customer(0), Agent(10), Customer(20)]);
        var target = Target(NaiveSlaMetric.NextReply, 30);
        var due = T0.AddMinutes(50);

        Assert.Equal(new NaiveSlaOutcome(NaiveSlaStatus.OpenWithinTarget, null, null, due, Min(10)), Sla(inquiry, target, 40));
        Assert.Equal(new NaiveSlaOutcome(NaiveSlaStatus.OpenBreached, null, Min(10), due, Min(-10)), Sla(inquiry, target, 60));

        // An earlier answered cycle that met the target does not close an open one: customer 20 → agent 30 (10 min),
        // customer 40 unanswered → due 70; at 80, 10 past due.
        var again = Make([Customer(0), Agent(10), Customer(20), Agent(30), Customer(40)]);
        Assert.Equal(new NaiveSlaOutcome(NaiveSlaStatus.OpenBreached, null, Min(10), T0.AddMinutes(70), Min(-10)), Sla(again, target, 80));

        // A breached answered cycle decides, whatever the open one: 20 → 60 is 40 > 30 → Breached by 10.
        var breached = Make([Customer(0), Agent(10), Customer(20), Agent(60), Customer(70)]);
        Assert.Equal(new NaiveSlaOutcome(NaiveSlaStatus.Breached, Min(40), Min(10), null, null), Sla(breached, target, 75));
    }

    [Fact]
    public void Sla_PeriodicUpdate_GapsBetweenResponsesAndUntilTheSolve()
    {
        var target = Target(NaiveSlaMetric.PeriodicUpdate, 30);

        // Responses 10, 30, 55; solved 80: gaps 20, 25 and 55 → 80 = 25; the longest 25 → Achieved.
        Assert.Equal(
            new NaiveSlaOutcome(NaiveSlaStatus.Achieved, Min(25), null, null, null),
            Sla(Make([Customer(0), Agent(10), Agent(30), Bot(55)], [Change(80, InquiryStatus.Solved)]), target, 200));

        // Solved at 90 instead: the last gap is 35 → Breached by 5.
        Assert.Equal(
            new NaiveSlaOutcome(NaiveSlaStatus.Breached, Min(35), Min(5), null, null),
            Sla(Make([Customer(0), Agent(10), Agent(30), Bot(55)], [Change(90, InquiryStatus.Solved)]), target, 200));

        // Unsolved, responses 10 and 30: open from 30, due 60. asOf 50 → 10 left; asOf 70 → 10 past due. Internal
        // notes are not updates.
        var unsolved = Make([Customer(0), Agent(10), Agent(30), Note(45)]);
        Assert.Equal(new NaiveSlaOutcome(NaiveSlaStatus.OpenWithinTarget, null, null, T0.AddMinutes(60), Min(10)), Sla(unsolved, target, 50));
        Assert.Equal(new NaiveSlaOutcome(NaiveSlaStatus.OpenBreached, null, Min(10), T0.AddMinutes(60), Min(-10)), Sla(unsolved, target, 70));

        // A gap of 40 between responses 10 and 50 breaches at once, solved or not.
        Assert.Equal(new NaiveSlaOutcome(NaiveSlaStatus.Breached, Min(40), Min(10), null, null), Sla(Make([Customer(0), Agent(10), Agent(50)]), target, 55));

        // No response yet: the periodic clock has not started.
        Assert.Equal(NaiveSlaStatus.NotApplicable, Sla(Make([Customer(0)]), target, 500).Status);
    }

    [Fact]
    public void Sla_Resolution_MeasuredWhenSolved_OpenOtherwise()
    {
        // The Friday-afternoon inquiry: 150 business minutes, 66 h 30 min of calendar time, solved Monday 11:00.
        var opened = At(2026, 3, 6, 16, 30, Cet);
        var monday = At(2026, 3, 9, 9, 0, Cet);
        var solved = Make([InquiryMessage.FromCustomer(opened)], [new(monday.AddMinutes(120), InquiryStatus.Solved)], openedAt: opened);
        var asOf = monday.AddHours(5);

        Assert.Equal(new NaiveSlaOutcome(NaiveSlaStatus.Breached, Min(150), Min(30), null, null), Sla(solved, Target(NaiveSlaMetric.Resolution, 120, TimeBasis.Business), asOf));
        Assert.Equal(NaiveSlaStatus.Achieved, Sla(solved, Target(NaiveSlaMetric.Resolution, 3 * 24 * 60), asOf).Status);

        // Unsolved, 8 business hours from Friday 16:30: 30 on Friday, 450 on Monday → due Monday 16:30; Monday 14:00 is 150 before.
        var open = Make([InquiryMessage.FromCustomer(opened)], openedAt: opened);
        Assert.Equal(
            new NaiveSlaOutcome(NaiveSlaStatus.OpenWithinTarget, null, null, At(2026, 3, 9, 16, 30, Cet), Min(150)),
            Sla(open, Target(NaiveSlaMetric.Resolution, 480, TimeBasis.Business), At(2026, 3, 9, 14, 0, Cet)));
    }

    [Fact]
    public void Sla_Compliance_CountsAchievedOverAchievedBreachedAndOpenBreached()
    {
        NaiveSlaOutcome[] outcomes =
        [
            new(NaiveSlaStatus.Achieved, Min(1), null, null, null),
            new(NaiveSlaStatus.Achieved, Min(2), null, null, null),
            new(NaiveSlaStatus.Breached, Min(9), Min(1), null, null),
            new(NaiveSlaStatus.OpenBreached, null, Min(1), T0, Min(-1)),
            new(NaiveSlaStatus.OpenWithinTarget, null, null, T0, Min(1)),
            new(NaiveSlaStatus.NotApplicable, null, null, null, null),
        ];

        // 2 achieved / (2 + 1 breached + 1 open breached); open within target and not applicable stay out.
        Assert.Equal((2L, 4L), NaiveSla.Compliance(outcomes));
    }

    [Fact]
    public void Sla_Match_TakesTheFirstMatchingRule()
    {
        NaiveSlaTarget[] emailUrgent = [Target(NaiveSlaMetric.FirstReply, 15)];
        NaiveSlaTarget[] anyUrgent = [Target(NaiveSlaMetric.FirstReply, 60)];
        NaiveSlaTarget[] fallback = [Target(NaiveSlaMetric.Resolution, 600)];
        NaiveSlaRule[] rules = [new(Channels.Email, InquiryPriority.Urgent, emailUrgent), new(null, InquiryPriority.Urgent, anyUrgent), new(null, null, fallback)];

        Assert.Same(emailUrgent, NaiveSla.Match(rules, Make([], channel: Channels.Email, priority: InquiryPriority.Urgent)));
        Assert.Same(anyUrgent, NaiveSla.Match(rules, Make([], channel: Channels.Sms, priority: InquiryPriority.Urgent)));
        Assert.Same(fallback, NaiveSla.Match(rules, Make([], channel: Channels.Email, priority: InquiryPriority.Low)));
        Assert.Null(NaiveSla.Match(rules[..2], Make([], channel: Channels.Sms, priority: InquiryPriority.Low)));
    }

    [Fact]
    public void Sla_BadInput_IsRefused()
    {
        var inquiry = Make([Customer(0), Agent(30)]);

        // asOf before an event of the inquiry; a negative target; business time needs whole minutes.
        Assert.Equal("asOf", Assert.Throws<ArgumentOutOfRangeException>(() => Sla(inquiry, Target(NaiveSlaMetric.FirstReply, 60), 20)).ParamName);
        Assert.Equal("target", Assert.Throws<ArgumentOutOfRangeException>(() => Sla(inquiry, Target(NaiveSlaMetric.FirstReply, -1), 60)).ParamName);
        Assert.Equal("target", Assert.Throws<ArgumentException>(() => Sla(inquiry, new(NaiveSlaMetric.FirstReply, TimeSpan.FromSeconds(90), TimeBasis.Business), 60)).ParamName);
        Assert.Equal("asOf", Assert.Throws<ArgumentException>(() => Sla(inquiry, Target(NaiveSlaMetric.FirstReply, 60, TimeBasis.Business), T0.AddSeconds(3630))).ParamName);
    }
}
