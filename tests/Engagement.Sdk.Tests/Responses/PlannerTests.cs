using Engagement.Sdk.Journeys;
using Engagement.Sdk.Responses;
using Engagement.Sdk.Surveys;
using Engagement.Sdk.Touchpoints;
using Engagement.Sdk.Tests.Journeys.Funnels;
using static Engagement.Sdk.Tests.Journeys.Funnels.FunnelLogs;

namespace Engagement.Sdk.Tests.Responses;

/// <summary>Hand-worked plans for every trigger kind; the expected values are derived in comments from the rules.</summary>
public class PlannerTests
{
    /// <summary>Monday 2026-03-02 10:00 UTC.</summary>
    internal static readonly DateTimeOffset Monday10 = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    internal static readonly ResponseTemplate Plain = new("plain", "Hi {first_name}!", new Dictionary<string, string> { ["first_name"] = "there" });

    internal static ResponseRule Rule(string name, ResponseTrigger trigger, FrequencyCap? cap = null, ResponseType type = ResponseType.Automated, TimeSpan delay = default) =>
        new(name, trigger, new ResponseAction(type, Channels.Email, Plain.Id, delay: delay), cap);

    internal static ResponsePlanner Planner(params IResponseRule[] rules) => new(new ResponsePolicy(rules), [Plain]);

    internal static EngagementEvent Event(string customer, DateTimeOffset at, string name, Channel? channel = null) =>
        new($"{customer}-{name}-{at.UtcTicks}", customer, at, name, channel ?? Channels.Website);

    [Fact]
    public void EventTrigger_PlansForTheCustomerWhoDidTheEvent_AtItsTime()
    {
        var planner = Planner(Rule("welcome", ResponseTrigger.OnEvent("sign_up")));

        // c2's page_view matches no rule; c1's sign_up fires "welcome", due at once (no delay), text with the fallback.
        Assert.Empty(planner.Observe(Event("c2", Monday10, "page_view")));
        var plan = planner.Observe(Event("c1", Monday10.AddMinutes(5), "sign_up"));

        var response = Assert.Single(plan);
        Assert.Equal(
            new PlannedResponse("c1", "welcome", ResponseType.Automated, Channels.Email, Monday10.AddMinutes(5), Monday10.AddMinutes(5), InquiryPriority.Normal, "plain", "Hi there!"),
            response);
    }

    [Fact]
    public void EventTrigger_WithAChannel_FiresOnThatChannelOnly()
    {
        var planner = Planner(Rule("chat", ResponseTrigger.OnEvent(["support_chat"], Channels.LiveChat)));

        Assert.Empty(planner.Observe(Event("c1", Monday10, "support_chat", Channels.Website)));
        Assert.Single(planner.Observe(Event("c1", Monday10, "support_chat", Channels.LiveChat)));
    }

    [Fact]
    public void Delay_InCalendarTime_IsAddedToTheTriggerTime()
    {
        var planner = Planner(Rule("later", ResponseTrigger.OnEvent("purchase"), delay: TimeSpan.FromHours(3)));

        // purchase at Monday 10:00 + 3 h = 13:00.
        var response = Assert.Single(planner.Observe(Event("c1", Monday10, "purchase")));
        Assert.Equal(Monday10, response.TriggeredAt);
        Assert.Equal(Monday10.AddHours(3), response.DueAt);
    }

    [Fact]
    public void Attributes_FillTheTemplate_AndAreAskedPerPlannedResponse()
    {
        var asked = new List<string>();
        var planner = new ResponsePlanner(
            new ResponsePolicy([Rule("welcome", ResponseTrigger.OnEvent("sign_up"))]),
            [Plain],
            customerAttributes: id =>
            {
                asked.Add(id);
                return id == "c1" ? new Dictionary<string, string> { ["first_name"] = "Ada" } : null;
            });

        Assert.Empty(planner.Observe(Event("c9", Monday10, "page_view")));
        Assert.Equal("Hi Ada!", Assert.Single(planner.Observe(Event("c1", Monday10, "sign_up"))).Text);
        Assert.Equal("Hi there!", Assert.Single(planner.Observe(Event("c2", Monday10, "sign_up"))).Text);
        Assert.Equal(["c1", "c2"], asked);
    }

    [Fact]
    public void CartAbandonment_FiresOnceTheWaitHasPassedWithoutAPurchase()
    {
        var planner = Planner(Rule("cart", ResponseTrigger.CartAbandonment()));

        // c1 adds at 10:00 and buys at 10:30: rescued. c2 adds at 10:00 and 10:20: the wait restarts, so its cart is
        // abandoned at 10:20 + 1 h = 11:20. c3 adds at 10:00 and buys at exactly 11:00: the end of the wait still counts.
        Assert.Empty(planner.Observe(Event("c1", Monday10, "add_to_cart")));
        Assert.Empty(planner.Observe(Event("c2", Monday10, "add_to_cart")));
        Assert.Empty(planner.Observe(Event("c3", Monday10, "add_to_cart")));
        Assert.Empty(planner.Observe(Event("c2", Monday10.AddMinutes(20), "add_to_cart")));
        Assert.Empty(planner.Observe(Event("c1", Monday10.AddMinutes(30), "purchase")));
        Assert.Empty(planner.Observe(Event("c3", Monday10.AddHours(1), "purchase")));

        // The clock at exactly 11:20 has not passed the point; one tick later it has.
        Assert.Empty(planner.AdvanceTo(Monday10.AddMinutes(80)));
        var response = Assert.Single(planner.AdvanceTo(Monday10.AddMinutes(80).AddTicks(1)));
        Assert.Equal("c2", response.CustomerId);
        Assert.Equal(Monday10.AddMinutes(80), response.TriggeredAt);
        Assert.Equal(Monday10.AddMinutes(80), response.DueAt);

        // One reminder per cart: nothing more later.
        Assert.Empty(planner.AdvanceTo(Monday10.AddDays(5)));
    }

    [Fact]
    public void CartAbandonment_FiresBeforeTheObservationThatMovesTheClockPastIt()
    {
        var planner = Planner(Rule("cart", ResponseTrigger.CartAbandonment(TimeSpan.FromMinutes(30))), Rule("view", ResponseTrigger.OnEvent("product_view")));

        // c1's cart is abandoned at 10:30; c2's product_view at 11:00 moves the clock past it: the reminder comes first.
        planner.Observe(Event("c1", Monday10, "add_to_cart"));
        var plan = planner.Observe(Event("c2", Monday10.AddHours(1), "product_view"));

        Assert.Equal(["c1 cart", "c2 view"], plan.Select(p => $"{p.CustomerId} {p.RuleName}"));
    }

    [Fact]
    public void Inactivity_AfterAPurchase_FiresSixtyDaysAfterTheLastEvent_OncePerQuietSpell()
    {
        var planner = Planner(Rule("win-back", ResponseTrigger.Inactivity(TimeSpan.FromDays(60), "purchase")));

        // c1 buys on March 2 10:00 and is then quiet: inactive at March 2 + 60 d = May 1 10:00.
        // c2 buys on March 2 and views a page on April 1 10:00: inactive at May 31 10:00.
        // c3 only views pages: never watched, as it never bought.
        planner.Observe(Event("c1", Monday10, "purchase"));
        planner.Observe(Event("c2", Monday10, "purchase"));
        planner.Observe(Event("c3", Monday10, "page_view"));
        planner.Observe(Event("c2", Monday10.AddDays(30), "page_view"));

        var may = planner.AdvanceTo(new DateTimeOffset(2026, 5, 2, 0, 0, 0, TimeSpan.Zero));
        var first = Assert.Single(may);
        Assert.Equal(("c1", new DateTimeOffset(2026, 5, 1, 10, 0, 0, TimeSpan.Zero)), (first.CustomerId, first.TriggeredAt));

        var june = planner.AdvanceTo(new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.Zero));
        var second = Assert.Single(june);
        Assert.Equal(("c2", new DateTimeOffset(2026, 5, 31, 10, 0, 0, TimeSpan.Zero)), (second.CustomerId, second.TriggeredAt));

        // c1 comes back on September 1 and is quiet again: a second spell ends October 31 10:00.
        planner.Observe(Event("c1", new DateTimeOffset(2026, 9, 1, 10, 0, 0, TimeSpan.Zero), "page_view"));
        var again = Assert.Single(planner.AdvanceTo(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal(("c1", new DateTimeOffset(2026, 10, 31, 10, 0, 0, TimeSpan.Zero)), (again.CustomerId, again.TriggeredAt));
    }

    [Fact]
    public void Inactivity_WithoutAfterEvent_WatchesEveryCustomer_AndAnEventAtThePointKeepsItActive()
    {
        var planner = Planner(Rule("quiet", ResponseTrigger.Inactivity(TimeSpan.FromDays(1))));

        // c1 at Monday 10:00 and again at exactly Tuesday 10:00: no gap of more than a day yet; quiet from Wednesday 10:00.
        planner.Observe(Event("c1", Monday10, "page_view"));
        Assert.Empty(planner.Observe(Event("c1", Monday10.AddDays(1), "page_view")));
        var response = Assert.Single(planner.AdvanceTo(Monday10.AddDays(3)));
        Assert.Equal(Monday10.AddDays(2), response.TriggeredAt);
    }

    [Fact]
    public void StageEntry_FiresWhenAnEventMovesTheCustomerIntoTheStage()
    {
        var planner = Planner(Rule("decision", ResponseTrigger.StageEntry(JourneyStage.Decision)));

        // Default rules: product_view is Consideration, add_to_cart and cart are Decision, purchase PostPurchase,
        // account_page has no stage (the customer stays where it is).
        string[] names = ["product_view", "add_to_cart", "cart", "account_page", "add_to_cart", "purchase", "add_to_cart"];
        var fired = new List<int>();
        for (var i = 0; i < names.Length; i++)
        {
            if (planner.Observe(Event("c1", Monday10.AddMinutes(i), names[i])).Count > 0)
            {
                fired.Add(i);
            }
        }

        // Enters Decision at 1 (from Consideration) and at 6 (from PostPurchase); 2 and 4 are already in Decision.
        Assert.Equal([1, 6], fired);
    }

    [Fact]
    public void FunnelDropOut_PlansForTheDroppedCustomersOfTheStep()
    {
        // Depths: c1 3, c2 2 (dropped at step 2), c3 1 (dropped at step 1).
        var funnel = Run(
            Funnel("a b c", TimeSpan.FromHours(1)),
            new("c1", 0, "a"), new("c1", 60, "b"), new("c1", 120, "c"),
            new("c2", 0, "a"), new("c2", 60, "b"),
            new("c3", 0, "a"));
        var planner = Planner(Rule("any", ResponseTrigger.FunnelDropOut()), Rule("at-2", ResponseTrigger.FunnelDropOut(2)));

        var one = planner.ObserveDropOuts(funnel, 1, Monday10);
        var two = planner.ObserveDropOuts(funnel, 2, Monday10);

        Assert.Equal(["c3 any"], one.Select(p => $"{p.CustomerId} {p.RuleName}"));
        Assert.Equal(["c2 any", "c2 at-2"], two.Select(p => $"{p.CustomerId} {p.RuleName}"));
        Assert.Equal("step", Assert.Throws<ArgumentOutOfRangeException>(() => planner.ObserveDropOuts(funnel, 0, Monday10)).ParamName);
        Assert.Equal("step", Assert.Throws<ArgumentOutOfRangeException>(() => planner.ObserveDropOuts(funnel, 3, Monday10)).ParamName);
    }

    [Fact]
    public void Surveys_NpsDetractorsAndLowCsat_FireTheirRules()
    {
        var planner = Planner(Rule("detractor", ResponseTrigger.NpsDetractor()), Rule("low-csat", ResponseTrigger.LowCsat(2)));

        // NPS 6 is a detractor (0-6), 7 is passive; CSAT 2 is at the threshold, 3 above it. A CSAT of 1 is not an NPS
        // answer, and an NPS of 0 is not a CSAT answer.
        Assert.Equal("detractor", Assert.Single(planner.Observe(new SurveyResponse("c1", Monday10, SurveyKind.Nps, 6))).RuleName);
        Assert.Empty(planner.Observe(new SurveyResponse("c2", Monday10, SurveyKind.Nps, 7)));
        Assert.Equal("low-csat", Assert.Single(planner.Observe(new SurveyResponse("c3", Monday10, SurveyKind.Csat, 2))).RuleName);
        Assert.Empty(planner.Observe(new SurveyResponse("c4", Monday10, SurveyKind.Csat, 3)));
        Assert.Empty(planner.Observe(new SurveyResponse("c5", Monday10, SurveyKind.Ces, 1)));
        Assert.Equal("detractor", Assert.Single(planner.Observe(new SurveyResponse("c6", Monday10, SurveyKind.Nps, 0))).RuleName);
    }

    [Fact]
    public void Predicate_SeesTheCustomersRecentEvents()
    {
        // Fires on the third product_view among the customer's last 3 events.
        var rule = Rule("stuck", ResponseTrigger.When(c => c.RecentEvents.Count(e => e.Name == "product_view") == 3, recentEvents: 3));
        var planner = Planner(rule);

        string[] names = ["product_view", "product_view", "search", "product_view", "product_view", "product_view"];
        var fired = new List<int>();
        for (var i = 0; i < names.Length; i++)
        {
            if (planner.Observe(Event("c1", Monday10.AddMinutes(i), names[i])).Count > 0)
            {
                fired.Add(i);
            }
        }

        // Windows: [pv], [pv pv], [pv pv s], [pv s pv], [s pv pv], [pv pv pv] → only at 5.
        Assert.Equal([5], fired);
    }

    [Fact]
    public void HostRule_CanDecline_AndIsCountedAsDeclined()
    {
        var planner = new ResponsePlanner(
            new ResponsePolicy([new VipOnly()]),
            [Plain],
            customerAttributes: id => id == "vip" ? new Dictionary<string, string> { ["tier"] = "gold" } : null);

        Assert.Empty(planner.Observe(Event("c1", Monday10, "purchase")));
        var response = Assert.Single(planner.Observe(Event("vip", Monday10, "purchase")));

        Assert.Equal(ResponseType.Manual, response.Type);
        Assert.Equal(new ResponseRuleStatistics("vip-call", 1, 0, 1), Assert.Single(planner.GetStatistics()));
    }

    [Fact]
    public void HostRule_PlanningAnUnknownTemplate_Throws()
    {
        var planner = new ResponsePlanner(new ResponsePolicy([new VipOnly("missing")]), [Plain], customerAttributes: _ => new Dictionary<string, string> { ["tier"] = "gold" });

        var e = Assert.Throws<InvalidOperationException>(() => planner.Observe(Event("vip", Monday10, "purchase")));
        Assert.Contains("'missing'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SeveralRules_FireInPolicyOrder()
    {
        var planner = Planner(Rule("b", ResponseTrigger.OnEvent("purchase")), Rule("a", ResponseTrigger.OnEvent("purchase", "refund")));

        Assert.Equal(["b", "a"], planner.Observe(Event("c1", Monday10, "purchase")).Select(p => p.RuleName));
        Assert.Equal(["a"], planner.Observe(Event("c1", Monday10, "refund")).Select(p => p.RuleName));
    }

    [Fact]
    public void Cap_CountsAcrossTheRulesOfAGroup_InARollingPeriod()
    {
        var cap = new FrequencyCap(1, TimeSpan.FromDays(1), "g");
        var planner = Planner(Rule("a", ResponseTrigger.OnEvent("a"), cap), Rule("b", ResponseTrigger.OnEvent("b"), cap), Rule("free", ResponseTrigger.OnEvent("b")));

        // c1: a at Monday 10:00 planned; b at 18:00 is 8 h later, inside the day: capped (free is uncapped and plans);
        // a on Tuesday 09:59 is 23:59 after the first: capped; b on Tuesday 10:00 is a full day later: planned.
        // c2 has its own count.
        Assert.Single(planner.Observe(Event("c1", Monday10, "a")));
        Assert.Equal(["free"], planner.Observe(Event("c1", Monday10.AddHours(8), "b")).Select(p => p.RuleName));
        Assert.Single(planner.Observe(Event("c2", Monday10.AddHours(8), "a")));
        Assert.Empty(planner.Observe(Event("c1", Monday10.AddDays(1).AddMinutes(-1), "a")));
        Assert.Equal(["b", "free"], planner.Observe(Event("c1", Monday10.AddDays(1), "b")).Select(p => p.RuleName));

        Assert.Equal(
            [new ResponseRuleStatistics("a", 2, 1, 0), new ResponseRuleStatistics("b", 1, 1, 0), new ResponseRuleStatistics("free", 2, 0, 0)],
            planner.GetStatistics());
    }

    [Fact]
    public void Cap_IsCheckedOnDueTimes_SoAnEarlierDueAfterALaterOneCountsToo()
    {
        var cap = new FrequencyCap(2, TimeSpan.FromHours(10), "g");
        var planner = Planner(
            Rule("slow", ResponseTrigger.OnEvent("x"), cap, delay: TimeSpan.FromHours(9)),
            Rule("fast", ResponseTrigger.OnEvent("y"), cap));

        // slow: x at 10:00 due 19:00. fast: y at 12:00 due 12:00. The window [12:00, 22:00) holds 12:00 and 19:00: two.
        // y at 13:00 due 13:00 would make three in [12:00, 22:00): capped. y at 22:00 sees only 19:00 within 10 h before
        // it (12:00 is exactly 10 h earlier: outside): planned.
        Assert.Single(planner.Observe(Event("c1", Monday10, "x")));
        Assert.Single(planner.Observe(Event("c1", Monday10.AddHours(2), "y")));
        Assert.Empty(planner.Observe(Event("c1", Monday10.AddHours(3), "y")));
        Assert.Single(planner.Observe(Event("c1", Monday10.AddHours(12), "y")));
    }

    [Fact]
    public void Observations_OutOfTimeOrder_AreRefusedNamingTheArgumentAndBothTimes()
    {
        var planner = Planner(Rule("welcome", ResponseTrigger.OnEvent("sign_up")), Rule("d", ResponseTrigger.NpsDetractor()));
        planner.Observe(Event("c1", Monday10, "page_view"));
        var earlier = Monday10.AddSeconds(-1);

        var e = Assert.Throws<ArgumentException>(() => planner.Observe(Event("c1", earlier, "sign_up")));
        Assert.Equal("engagementEvent", e.ParamName);
        Assert.Contains("2026-03-02T09:59:59", e.Message, StringComparison.Ordinal);
        Assert.Contains("2026-03-02T10:00:00", e.Message, StringComparison.Ordinal);
        Assert.Equal("survey", Assert.Throws<ArgumentException>(() => planner.Observe(new SurveyResponse("c1", earlier, SurveyKind.Nps, 0))).ParamName);
        Assert.Equal("now", Assert.Throws<ArgumentException>(() => planner.AdvanceTo(earlier)).ParamName);
        Assert.Equal("at", Assert.Throws<ArgumentException>(() => planner.ObserveDropOuts(Run(Funnel("a b"), new FunnelEvent("c1", 0, "a")), 1, earlier)).ParamName);
        Assert.Equal("timestamp", Assert.Throws<ArgumentException>(() => planner.Observe("c1", "x", Channels.Email, earlier)).ParamName);

        // Equal times are fine, and the refused calls changed nothing.
        Assert.Single(planner.Observe(Event("c1", Monday10, "sign_up")));
        Assert.Equal(Monday10, planner.Clock);
    }

    [Fact]
    public void Plan_OrdersStablyByTime_ThenAdvancesToUntil()
    {
        var planner = Planner(Rule("cart", ResponseTrigger.CartAbandonment()), Rule("thanks", ResponseTrigger.OnEvent("purchase")));

        // Given out of order: the purchase at 10:10 comes before c2's add at 10:05 once sorted. c2's cart is abandoned at
        // 11:05, before `until` (12:00).
        var plan = planner.Plan(
            [Event("c1", Monday10.AddMinutes(10), "purchase"), Event("c1", Monday10, "add_to_cart"), Event("c2", Monday10.AddMinutes(5), "add_to_cart")],
            Monday10.AddHours(2));

        Assert.Equal(["c1 thanks", "c2 cart"], plan.Select(p => $"{p.CustomerId} {p.RuleName}"));
        Assert.Equal(Monday10.AddHours(2), planner.Clock);
    }

    [Fact]
    public void Constructor_RejectsDuplicateTemplates_AndRulesWithUnknownTemplates()
    {
        var policy = new ResponsePolicy([Rule("r", ResponseTrigger.OnEvent("x"))]);

        var duplicate = Assert.Throws<ArgumentException>(() => new ResponsePlanner(policy, [Plain, Plain]));
        Assert.Equal("templates", duplicate.ParamName);
        Assert.Contains("'plain'", duplicate.Message, StringComparison.Ordinal);

        var missing = Assert.Throws<ArgumentException>(() => new ResponsePlanner(policy, []));
        Assert.Equal("templates", missing.ParamName);
        Assert.Contains("'plain'", missing.Message, StringComparison.Ordinal);
        Assert.Equal("policy", Assert.Throws<ArgumentNullException>(() => new ResponsePlanner(null!, [Plain])).ParamName);
    }

    [Fact]
    public void Policy_RejectsDuplicateNames_AndDifferentCapsForOneGroup()
    {
        var a = Rule("a", ResponseTrigger.OnEvent("x"), new FrequencyCap(1, TimeSpan.FromDays(1), "g"));

        var duplicate = Assert.Throws<ArgumentException>(() => new ResponsePolicy([a, Rule("a", ResponseTrigger.OnEvent("y"))]));
        Assert.Equal("rules", duplicate.ParamName);
        Assert.Contains("'a'", duplicate.Message, StringComparison.Ordinal);

        var caps = Assert.Throws<ArgumentException>(() => new ResponsePolicy([a, Rule("b", ResponseTrigger.OnEvent("y"), new FrequencyCap(2, TimeSpan.FromDays(1), "g"))]));
        Assert.Equal("rules", caps.ParamName);
        Assert.Contains("'g'", caps.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Observe_ByParts_BadArguments_AreRefused()
    {
        var planner = Planner(Rule("r", ResponseTrigger.OnEvent("x")));

        Assert.Equal("customerId", Assert.Throws<ArgumentException>(() => planner.Observe(" ", "x", Channels.Email, Monday10)).ParamName);
        Assert.Equal("eventName", Assert.Throws<ArgumentNullException>(() => planner.Observe("c1", null!, Channels.Email, Monday10)).ParamName);
        Assert.Equal("engagementEvent", Assert.Throws<ArgumentNullException>(() => planner.Observe((EngagementEvent)null!)).ParamName);
    }

    [Fact]
    public void PlannedResponse_SlaTargetAndDueTime_AreGivenTogether_NotBeforeTheTrigger()
    {
        var target = new SlaTarget(SlaMetric.FirstReply, TimeSpan.FromHours(1), TimeBasis.Calendar);
        PlannedResponse Make(SlaTarget? t, DateTimeOffset? due) =>
            new("c1", "r", ResponseType.Manual, Channels.Phone, Monday10, Monday10, InquiryPriority.High, "plain", "x", t, due);

        Assert.Equal("slaDueAt", Assert.Throws<ArgumentException>(() => Make(target, null)).ParamName);
        Assert.Equal("slaDueAt", Assert.Throws<ArgumentException>(() => Make(null, Monday10)).ParamName);
        var early = Assert.Throws<ArgumentOutOfRangeException>(() => Make(target, Monday10.AddTicks(-1)));
        Assert.Equal("slaDueAt", early.ParamName);
        Assert.Equal("dueAt", Assert.Throws<ArgumentOutOfRangeException>(
            () => new PlannedResponse("c1", "r", ResponseType.Manual, Channels.Phone, Monday10, Monday10.AddTicks(-1), InquiryPriority.High, "plain", "x")).ParamName);
    }

    [Fact]
    public void Action_WithAnSlaTarget_GivesTheSlaDueTime()
    {
        // Resolution within 2 h of calendar time: the response triggered at 10:00 is held to 12:00, while it is due at once.
        var target = new SlaTarget(SlaMetric.Resolution, TimeSpan.FromHours(2), TimeBasis.Calendar);
        var planner = Planner(new ResponseRule("r", ResponseTrigger.OnEvent("x"), new ResponseAction(ResponseType.Manual, Channels.Phone, Plain.Id, slaTarget: target)));

        var response = Assert.Single(planner.Observe(Event("c1", Monday10, "x")));

        Assert.Equal((Monday10, target, Monday10.AddHours(2)), (response.DueAt, response.SlaTarget, response.SlaDueAt));
    }

    [Fact]
    public void BadDeclarations_AreRefusedNamingTheArgumentAndValue()
    {
        var delay = Assert.Throws<ArgumentOutOfRangeException>(() => new ResponseAction(ResponseType.Manual, Channels.Phone, "t", delay: TimeSpan.FromMinutes(-1)));
        Assert.Equal("delay", delay.ParamName);
        Assert.Contains("-00:01:00", delay.Message, StringComparison.Ordinal);
        Assert.Equal("type", Assert.Throws<ArgumentOutOfRangeException>(() => new ResponseAction((ResponseType)9, Channels.Phone, "t")).ParamName);
        Assert.Equal("templateId", Assert.Throws<ArgumentException>(() => new ResponseAction(ResponseType.Manual, Channels.Phone, " ")).ParamName);
        Assert.Equal("maxCount", Assert.Throws<ArgumentOutOfRangeException>(() => new FrequencyCap(0, TimeSpan.FromDays(1), "g")).ParamName);
        var period = Assert.Throws<ArgumentOutOfRangeException>(() => new FrequencyCap(1, TimeSpan.Zero, "g"));
        Assert.Equal("period", period.ParamName);
        Assert.Contains("00:00:00", period.Message, StringComparison.Ordinal);
        Assert.Equal("group", Assert.Throws<ArgumentException>(() => new FrequencyCap(1, TimeSpan.FromDays(1), "")).ParamName);
        Assert.Equal("duration", Assert.Throws<ArgumentOutOfRangeException>(() => ResponseTrigger.Inactivity(TimeSpan.Zero)).ParamName);
        Assert.Equal("duration", Assert.Throws<ArgumentOutOfRangeException>(() => ResponseTrigger.SlaAboutToBreach(TimeSpan.FromMinutes(-5))).ParamName);
        Assert.Equal("funnelStep", Assert.Throws<ArgumentOutOfRangeException>(() => ResponseTrigger.FunnelDropOut(0)).ParamName);
        Assert.Equal("eventNames", Assert.Throws<ArgumentException>(() => ResponseTrigger.OnEvent()).ParamName);
        var stage = Assert.Throws<ArgumentException>(() => ResponseTrigger.StageEntry(new JourneyStage("Trial")));
        Assert.Equal("stage", stage.ParamName);
        Assert.Contains("'Trial'", stage.Message, StringComparison.Ordinal);
        Assert.Equal("recentEvents", Assert.Throws<ArgumentOutOfRangeException>(() => ResponseTrigger.When(_ => true, 0)).ParamName);
        var name = Assert.Throws<ArgumentException>(() => new ResponseRule(" padded", ResponseTrigger.OnEvent("x"), new ResponseAction(ResponseType.Manual, Channels.Phone, "t")));
        Assert.Equal("name", name.ParamName);
        Assert.Contains("' padded'", name.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Trigger_FromFields_RefusesFieldsItsKindDoesNotUse_AndPredicates()
    {
        // An Event trigger with a duration, and a NpsDetractor trigger with event names, as a JSON reader would build them.
        var duration = Assert.Throws<ArgumentException>(
            () => new ResponseTrigger(ResponseTriggerKind.Event, ["x"], [], null, TimeSpan.FromHours(1), null, default, null, null, null));
        Assert.Equal("duration", duration.ParamName);
        Assert.Equal("eventNames", Assert.Throws<ArgumentException>(
            () => new ResponseTrigger(ResponseTriggerKind.NpsDetractor, ["x"], [], null, null, null, default, null, null, null)).ParamName);
        Assert.Equal("kind", Assert.Throws<ArgumentException>(
            () => new ResponseTrigger(ResponseTriggerKind.Predicate, [], [], null, null, null, default, null, null, null)).ParamName);
        Assert.Equal("threshold", Assert.Throws<ArgumentException>(
            () => new ResponseTrigger(ResponseTriggerKind.LowCsat, [], [], null, null, null, default, null, null, null)).ParamName);
    }

    [Fact]
    public void Json_PredicateTrigger_IsWrittenByKindButRefusedWhenRead()
    {
        var text = System.Text.Json.JsonSerializer.Serialize(ResponseTrigger.When(_ => true), Engagement.Sdk.IO.EngagementJson.GetTypeInfo<ResponseTrigger>());

        Assert.Contains("\"kind\":\"Predicate\"", text, StringComparison.Ordinal);
        var e = Assert.Throws<System.Text.Json.JsonException>(() => System.Text.Json.JsonSerializer.Deserialize(text, Engagement.Sdk.IO.EngagementJson.GetTypeInfo<ResponseTrigger>()));
        Assert.Equal("kind", Assert.IsType<ArgumentException>(e.InnerException).ParamName);
    }

    /// <summary>A host rule: a call by a person for gold customers' purchases, nothing for the others.</summary>
    private sealed class VipOnly(string templateId = "plain") : IResponseRule
    {
        public string Name => "vip-call";

        public ResponseTrigger Trigger { get; } = ResponseTrigger.OnEvent("purchase");

        public FrequencyCap? Cap => null;

        public ResponseAction? Decide(ResponseContext context) =>
            context.Attributes?.GetValueOrDefault("tier") == "gold" && context.EventName == "purchase"
                ? new ResponseAction(ResponseType.Manual, Channels.Phone, templateId, InquiryPriority.High)
                : null;
    }
}
