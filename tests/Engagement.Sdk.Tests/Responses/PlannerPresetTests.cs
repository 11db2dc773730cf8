using Engagement.Sdk.Journeys;
using Engagement.Sdk.Responses;
using Engagement.Sdk.Surveys;
using Engagement.Sdk.Touchpoints;
using static Engagement.Sdk.Tests.Responses.PlannerTests;

namespace Engagement.Sdk.Tests.Responses;

/// <summary>Hand-worked plans of the seven presets, with due times on a business calendar worked out in comments.</summary>
public class PlannerPresetTests
{
    /// <summary>Amsterdam, Monday to Friday 08:00–20:00 local time (12 business hours a day).</summary>
    private static readonly BusinessCalendar LongDays =
        BusinessCalendar.Weekdays("Europe/Amsterdam", TimeSpan.FromHours(8), TimeSpan.FromHours(20));

    /// <summary>A first reply within 4 elapsed hours on a calendar: the SLA policy the classics' escalation needs.</summary>
    internal static SlaPolicy Support(BusinessCalendar calendar) =>
        new("support", calendar, [new SlaPolicyRule(null, null, [new SlaTarget(SlaMetric.FirstReply, TimeSpan.FromHours(4), TimeBasis.Calendar)])]);

    private static ResponsePlanner Classics(BusinessCalendar? calendar = null) =>
        new(ResponsePresets.Classics(), ResponsePresets.Templates, calendar, id => id == "ada" ? new Dictionary<string, string> { ["first_name"] = "Ada" } : null, Support(calendar ?? BusinessCalendar.AlwaysOpen));

    [Fact]
    public void Classics_HoldsTheSevenPresetsInOrder_WithTheirTemplates()
    {
        var policy = ResponsePresets.Classics();

        Assert.Equal(
            ["welcome-email", "cart-reminder", "thank-you", "order-confirmation-sms", "detractor-follow-up", "win-back", "sla-escalation"],
            policy.Rules.Select(r => r.Name));
        Assert.All(policy.Rules, r => Assert.Contains(ResponsePresets.Templates, t => t.Id == ((ResponseRule)r).Action.TemplateId));
    }

    [Fact]
    public void WelcomeEmail_OnSignUp_OncePerYear()
    {
        var planner = Classics();

        var welcome = Assert.Single(planner.Observe(Event("ada", Monday10, "sign_up")));
        Assert.Equal((ResponseType.Automated, Channels.Email, Monday10), (welcome.Type, welcome.Channel, welcome.DueAt));
        Assert.Equal("Welcome to our shop, Ada! We are glad you joined.", welcome.Text);

        // A second sign-up a month later is within the 365-day cap.
        Assert.Empty(planner.Observe(Event("ada", Monday10.AddDays(30), "sign_up")));
    }

    [Fact]
    public void CartReminder_AfterAnHour_WithTheHostsEventNames()
    {
        var planner = new ResponsePlanner(
            new ResponsePolicy([ResponsePresets.CartAbandonmentReminder("add_to_cart", "payment_done")]), ResponsePresets.Templates);

        // c1 adds at 10:00 and pays at 10:40; c2 adds at 10:00 and only views: reminded at 11:00 (it fires once the
        // clock, here c1's 11:30 view, passes 11:00).
        planner.Observe(Event("c1", Monday10, "add_to_cart"));
        planner.Observe(Event("c2", Monday10, "add_to_cart"));
        planner.Observe(Event("c1", Monday10.AddMinutes(40), "payment_done"));
        var plan = planner.Observe(Event("c1", Monday10.AddMinutes(90), "product_view"));

        var reminder = Assert.Single(plan);
        Assert.Equal(("c2", Monday10.AddHours(1)), (reminder.CustomerId, reminder.DueAt));
        Assert.Equal("Hi there, you left something in your cart. It is still waiting for you.", reminder.Text);
    }

    [Fact]
    public void ThankYouAndOrderSms_OnEachPurchase_ThankYouAtMostOncePerDay()
    {
        var planner = Classics();

        // Two purchases three hours apart: two SMS (uncapped, High priority), one thank-you (1 per day).
        var first = planner.Observe(Event("c1", Monday10, "purchase"));
        var second = planner.Observe(Event("c1", Monday10.AddHours(3), "purchase"));

        Assert.Equal(["thank-you", "order-confirmation-sms"], first.Select(p => p.RuleName));
        Assert.Equal(["order-confirmation-sms"], second.Select(p => p.RuleName));
        Assert.Equal((Channels.Sms, InquiryPriority.High), (second[0].Channel, second[0].Priority));
        Assert.Equal(1, planner.GetStatistics().Single(s => s.RuleName == "thank-you").Capped);
    }

    [Fact]
    public void DetractorFollowUp_OnFridayEvening_IsDueWithin24BusinessHours_OnTuesday()
    {
        var planner = Classics(LongDays);

        // NPS 3 on Friday 2026-03-06 19:00 in Amsterdam (CET, UTC+1: 18:00 UTC). 24 business hours: Friday 19:00-20:00
        // is 1 h; Monday 08:00-20:00 12 h (13 in all); the 11 h left end on Tuesday 2026-03-10 at 19:00 local, 18:00 UTC.
        var friday = new DateTimeOffset(2026, 3, 6, 19, 0, 0, TimeSpan.FromHours(1));
        var plan = planner.Observe(new SurveyResponse("c1", friday, SurveyKind.Nps, 3));

        var call = Assert.Single(plan);
        Assert.Equal(
            (ResponseType.Manual, Channels.Phone, InquiryPriority.High, friday),
            (call.Type, call.Channel, call.Priority, call.TriggeredAt));
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 18, 0, 0, TimeSpan.Zero), call.DueAt);

        // Its first-reply SLA target is the same 24 business hours, so it falls due at the same instant.
        Assert.Equal(new SlaTarget(SlaMetric.FirstReply, TimeSpan.FromHours(24), TimeBasis.Business), call.SlaTarget);
        Assert.Equal(call.DueAt, call.SlaDueAt);
        Assert.Equal(DayOfWeek.Tuesday, TimeZoneInfo.ConvertTime(call.DueAt, LongDays.TimeZone).DayOfWeek);

        // A passive (7) gets nothing; a second detractor answer of c1 within 30 days is capped.
        Assert.Empty(planner.Observe(new SurveyResponse("c2", friday, SurveyKind.Nps, 7)));
        Assert.Empty(planner.Observe(new SurveyResponse("c1", friday.AddDays(1), SurveyKind.Nps, 0)));
    }

    [Fact]
    public void ManualResponse_DueOutsideHours_MovesToTheNextOpening_ButABusinessDelayEndingAtClosingStays()
    {
        var rules = new ResponsePolicy(
        [
            new ResponseRule("call-now", ResponseTrigger.OnEvent("complaint"), new ResponseAction(ResponseType.Manual, Channels.Phone, Plain.Id)),
            new ResponseRule("mail-now", ResponseTrigger.OnEvent("complaint"), new ResponseAction(ResponseType.Automated, Channels.Email, Plain.Id)),
            new ResponseRule("call-in-1h", ResponseTrigger.OnEvent("question"), new ResponseAction(ResponseType.Manual, Channels.Phone, Plain.Id, delay: TimeSpan.FromHours(1), delayBasis: TimeBasis.Business)),
        ]);
        var planner = new ResponsePlanner(rules, [Plain], LongDays);

        // A complaint on Saturday 2026-03-07 11:00 local: the call moves to Monday 08:00 local (07:00 UTC); the automated
        // email stays at Saturday 11:00. A question on Friday 19:00 local: one business hour ends at Friday 20:00, the
        // closing time, and stays there rather than moving to Monday.
        var saturday = new DateTimeOffset(2026, 3, 7, 11, 0, 0, TimeSpan.FromHours(1));
        var friday = new DateTimeOffset(2026, 3, 6, 19, 0, 0, TimeSpan.FromHours(1));
        var question = Assert.Single(planner.Observe(Event("c2", friday, "question")));
        var complaint = planner.Observe(Event("c1", saturday, "complaint"));

        Assert.Equal(new DateTimeOffset(2026, 3, 6, 19, 0, 0, TimeSpan.Zero), question.DueAt);
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 7, 0, 0, TimeSpan.Zero), complaint[0].DueAt);
        Assert.Equal(saturday, complaint[1].DueAt);
    }

    [Fact]
    public void WinBack_SixtyDaysAfterTheLastEventOfABuyer()
    {
        var planner = Classics();

        // c1 buys on Monday 2026-03-02 10:00 and views on March 10 10:00: quiet from May 9 10:00 (March 10 + 60 days).
        planner.Observe(Event("c1", Monday10, "purchase"));
        planner.Observe(Event("c1", Monday10.AddDays(8), "product_view"));
        var plan = planner.AdvanceTo(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));

        var offer = Assert.Single(plan);
        Assert.Equal(("win-back", ResponseType.Proactive, new DateTimeOffset(2026, 5, 9, 10, 0, 0, TimeSpan.Zero)), (offer.RuleName, offer.Type, offer.DueAt));
        Assert.Equal("We miss you, there! Here is 10% off on your next order.", offer.Text);
    }

    [Fact]
    public void Presets_TakeTheHostsEventNames()
    {
        Assert.Equal(["register"], ResponsePresets.WelcomeEmail("register").Trigger.EventNames);
        Assert.Equal(["payment_done"], ResponsePresets.ThankYou("payment_done").Trigger.EventNames);
        Assert.Equal(["payment_done"], ResponsePresets.OrderConfirmationSms("payment_done").Trigger.EventNames);
        Assert.Equal("payment_done", ResponsePresets.WinBack(afterEvent: "payment_done").Trigger.AfterEvent);
        Assert.Equal(TimeSpan.FromMinutes(30), ResponsePresets.CartAbandonmentReminder(wait: TimeSpan.FromMinutes(30)).Trigger.Duration);
        Assert.Equal("purchaseEvents", Assert.Throws<ArgumentException>(() => ResponsePresets.CartAbandonmentReminder("x", "x")).ParamName);
    }

    [Fact]
    public void DocsSnippet_PlansTheWelcomeAndTheCartReminder()
    {
        // The snippet of docs/responses.md (planner section).
        var planner = new ResponsePlanner(
            ResponsePresets.Classics(purchaseEvent: "payment_done"),
            ResponsePresets.Templates,
            customerAttributes: id => id == "c1" ? new Dictionary<string, string> { ["first_name"] = "Ada" } : null,
            slaPolicy: new SlaPolicy("support", BusinessCalendar.AlwaysOpen, [new SlaPolicyRule(null, null, [new SlaTarget(SlaMetric.FirstReply, TimeSpan.FromHours(4))])]));

        var t = new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
        var plan = planner.Plan(
            [
                new EngagementEvent("e1", "c1", t, "sign_up", Channels.Website),
                new EngagementEvent("e2", "c1", t.AddMinutes(5), "add_to_cart", Channels.Website),
            ],
            until: t.AddHours(2));

        Assert.Equal(["welcome-email", "cart-reminder"], plan.Select(p => p.RuleName));
        Assert.Equal("Welcome to our shop, Ada! We are glad you joined.", plan[0].Text);
        Assert.Equal(t.AddMinutes(65), plan[1].DueAt);
    }

    [Fact]
    public void SlaEscalation_FiresOncePerTarget_WhenTimeLeftIsWithinTheLeadTime()
    {
        // First reply within 4 h (calendar time) for every inquiry: opened Monday 10:00, due 14:00.
        var sla = new SlaPolicy("support", BusinessCalendar.AlwaysOpen, [new SlaPolicyRule(null, null, [new SlaTarget(SlaMetric.FirstReply, TimeSpan.FromHours(4), TimeBasis.Calendar)])]);
        var planner = new ResponsePlanner(new ResponsePolicy([ResponsePresets.SlaEscalation()]), ResponsePresets.Templates, slaPolicy: sla);
        var waiting = new Inquiry("i1", "c1", Channels.Email, InquiryPriority.Normal, Monday10);
        var answered = new Inquiry("i2", "c2", Channels.Email, InquiryPriority.Normal, Monday10, [new InquiryMessage(Monday10.AddHours(1), MessageAuthor.Agent, ResponseType.Manual)]);

        // 12:30: 1 h 30 left, more than the 1 h lead. 13:00: exactly 1 h left: escalate. 13:30 and 15:00 (breached): the
        // same target and due time, already escalated. i2 was answered at 11:00: achieved, nothing to escalate.
        Assert.Empty(planner.Observe(waiting, Monday10.AddMinutes(150)));
        var escalation = Assert.Single(planner.Observe(waiting, Monday10.AddHours(3)));
        Assert.Empty(planner.Observe(waiting, Monday10.AddMinutes(210)));
        Assert.Empty(planner.Observe(waiting, Monday10.AddHours(5)));
        Assert.Empty(planner.Observe(answered, Monday10.AddHours(5)));

        Assert.Equal(
            ("c1", "sla-escalation", ResponseType.Manual, InquiryPriority.Urgent, Monday10.AddHours(3)),
            (escalation.CustomerId, escalation.RuleName, escalation.Type, escalation.Priority, escalation.DueAt));
    }

    [Fact]
    public void SlaEscalation_WithoutAnSlaPolicy_OrBeforeTheInquirysHistory_IsRefusedAndChangesNothing()
    {
        var inquiry = new Inquiry("i1", "c1", Channels.Email, InquiryPriority.Normal, Monday10, [new InquiryMessage(Monday10.AddHours(1), MessageAuthor.Customer)]);
        // Refused when the planner is built, not at the first inquiry.
        var without = Assert.Throws<ArgumentException>(() => new ResponsePlanner(new ResponsePolicy([ResponsePresets.SlaEscalation()]), ResponsePresets.Templates));
        Assert.Equal("slaPolicy", without.ParamName);
        Assert.Contains("'sla-escalation'", without.Message, StringComparison.Ordinal);

        var sla = new SlaPolicy("support", BusinessCalendar.AlwaysOpen, [new SlaPolicyRule(null, null, [new SlaTarget(SlaMetric.FirstReply, TimeSpan.FromHours(4), TimeBasis.Calendar)])]);
        var planner = new ResponsePlanner(new ResponsePolicy([ResponsePresets.SlaEscalation()]), ResponsePresets.Templates, slaPolicy: sla);
        Assert.Throws<ArgumentOutOfRangeException>(() => planner.Observe(inquiry, Monday10.AddMinutes(30)));
        Assert.Null(planner.Clock);
    }
}
