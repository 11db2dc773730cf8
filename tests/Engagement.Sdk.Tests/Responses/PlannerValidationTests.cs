using Engagement.Sdk.Responses;
using Engagement.Sdk.Touchpoints;
using static Engagement.Sdk.Tests.Responses.PlannerTests;

namespace Engagement.Sdk.Tests.Responses;

/// <summary>What the planner refuses up front, and what a refused or failed call leaves behind.</summary>
public class PlannerValidationTests
{
    /// <summary>UTC, Monday to Friday 09:00–17:00 (8 business hours a day).</summary>
    private static readonly BusinessCalendar Office = BusinessCalendar.Weekdays("UTC", TimeSpan.FromHours(9), TimeSpan.FromHours(17));

    private static readonly BusinessCalendar NeverOpen = new("UTC", []);

    [Fact]
    public void Calendar_DefaultsToTheSlaPolicysCalendar_AndSlaDueAtIsMeasuredOnIt()
    {
        var target = new SlaTarget(SlaMetric.FirstReply, TimeSpan.FromHours(24));
        var rule = new ResponseRule("r", ResponseTrigger.OnEvent("x"), new ResponseAction(ResponseType.Manual, Channels.Phone, Plain.Id, slaTarget: target));
        var sla = new SlaPolicy("support", Office, [new SlaPolicyRule(null, null, [target])]);

        var defaulted = new ResponsePlanner(new ResponsePolicy([rule]), [Plain], slaPolicy: sla);
        var alwaysOpen = new ResponsePlanner(new ResponsePolicy([rule]), [Plain], BusinessCalendar.AlwaysOpen, slaPolicy: sla);

        Assert.Same(Office, defaulted.Calendar);

        // 24 business hours from Monday 10:00: Monday 10–17 = 7 h, Tuesday 8 h (15), Wednesday 8 h (23), Thursday 09–10
        // the last hour, so Thursday 10:00 — on both planners, since the target is the SLA policy's (24 elapsed hours
        // would be Tuesday 10:00). The manual response is due at once: Monday 10:00 is open on both calendars.
        var thursday10 = Monday10.AddDays(3);
        var fromDefault = Assert.Single(defaulted.Observe(Event("c1", Monday10, "x")));
        var fromAlwaysOpen = Assert.Single(alwaysOpen.Observe(Event("c1", Monday10, "x")));
        Assert.Equal((Monday10, thursday10), (fromDefault.DueAt, fromDefault.SlaDueAt));
        Assert.Equal((Monday10, thursday10), (fromAlwaysOpen.DueAt, fromAlwaysOpen.SlaDueAt));
    }

    [Fact]
    public void Plan_WithUntilBeforeTheLastEvent_IsRefusedBeforeObservingAnything()
    {
        var planner = Planner(Rule("welcome", ResponseTrigger.OnEvent("sign_up")));

        var e = Assert.Throws<ArgumentException>(() => planner.Plan([Event("c1", Monday10, "sign_up")], until: Monday10.AddMinutes(-1)));

        Assert.Equal("until", e.ParamName);
        Assert.Null(planner.Clock);
        Assert.Equal(new ResponseRuleStatistics("welcome", 0, 0, 0), Assert.Single(planner.GetStatistics()));
    }

    [Fact]
    public void Plan_WithAnEventBeforeTheClock_IsRefusedNamingTheEvents()
    {
        var planner = Planner(Rule("welcome", ResponseTrigger.OnEvent("sign_up")));
        Assert.Single(planner.Observe(Event("c1", Monday10.AddHours(1), "sign_up")));

        var e = Assert.Throws<ArgumentException>(() => planner.Plan([Event("c2", Monday10.AddHours(2), "sign_up"), Event("c3", Monday10, "sign_up")]));

        // Only c1's welcome was planned: c2's, later than the clock, was not observed either.
        Assert.Equal("events", e.ParamName);
        Assert.Equal(Monday10.AddHours(1), planner.Clock);
        Assert.Equal(new ResponseRuleStatistics("welcome", 1, 0, 0), Assert.Single(planner.GetStatistics()));
    }

    [Fact]
    public void EventTrigger_MatchesTheChannelByNameIgnoringCase()
    {
        // The same name in other case, media type and kind: one channel for the breakdowns, so one for the trigger.
        var planner = Planner(Rule("chat", ResponseTrigger.OnEvent(["support_chat"], Channels.LiveChat)));

        Assert.Single(planner.Observe(Event("c1", Monday10, "support_chat", new Channel("Live-Chat", MediaType.Paid, ChannelKind.Web))));
        Assert.Empty(planner.Observe(Event("c1", Monday10, "support_chat", Channels.Website)));
    }

    [Fact]
    public void Action_WithADelayAboveAYear_IsRefused()
    {
        var max = new ResponseAction(ResponseType.Automated, Channels.Email, "t", delay: SlaTarget.MaxTarget);
        Assert.Equal(TimeSpan.FromDays(365), max.Delay);

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new ResponseAction(ResponseType.Automated, Channels.Email, "t", delay: SlaTarget.MaxTarget + TimeSpan.FromTicks(1)));
        Assert.Equal("delay", e.ParamName);
    }

    [Theory]
    [InlineData(ResponseType.Manual, 0, TimeBasis.Calendar)]
    [InlineData(ResponseType.Automated, 1, TimeBasis.Business)]
    public void Planner_OnACalendarThatNeverOpens_RefusesManualResponsesAndBusinessDelays(ResponseType type, int delayHours, TimeBasis basis)
    {
        var rule = new ResponseRule("r", ResponseTrigger.OnEvent("x"), new ResponseAction(type, Channels.Email, Plain.Id, delay: TimeSpan.FromHours(delayHours), delayBasis: basis));

        var e = Assert.Throws<ArgumentException>(() => new ResponsePlanner(new ResponsePolicy([rule]), [Plain], NeverOpen));

        Assert.Equal("calendar", e.ParamName);
        Assert.Contains("'r'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Planner_OnACalendarThatNeverOpens_AcceptsAutomatedResponsesInElapsedTime()
    {
        // Nothing of this rule asks the calendar: due at the trigger + 1 elapsed hour.
        var planner = new ResponsePlanner(new ResponsePolicy([Rule("r", ResponseTrigger.OnEvent("x"), delay: TimeSpan.FromHours(1))]), [Plain], NeverOpen);

        Assert.Equal(Monday10.AddHours(1), Assert.Single(planner.Observe(Event("c1", Monday10, "x"))).DueAt);
    }

    [Fact]
    public void Policy_WithABlankHostRuleName_IsRefused()
    {
        var e = Assert.Throws<ArgumentException>(() => new ResponsePolicy([new Named(" ")]));

        Assert.Equal("rules", e.ParamName);
    }

    [Fact]
    public void Firing_WhoseSlaDueTimeOverflows_ChangesNeitherTheCapNorTheStatistics()
    {
        // Triggered 100 days before the last instant with a 365-day SLA target: the SLA due time does not exist. The
        // firing fails before the cap window or the counters change, so a later firing in range still gets the one slot.
        var target = new SlaTarget(SlaMetric.Resolution, SlaTarget.MaxTarget, TimeBasis.Calendar);
        var late = DateTimeOffset.MaxValue.AddDays(-100);
        var inRange = new ResponseRule("r", ResponseTrigger.OnEvent("x"), new ResponseAction(ResponseType.Automated, Channels.Email, Plain.Id), new FrequencyCap(1, TimeSpan.FromDays(1), "g"));
        var overflowing = new ResponseRule("s", ResponseTrigger.OnEvent("y"), new ResponseAction(ResponseType.Automated, Channels.Email, Plain.Id, slaTarget: target), new FrequencyCap(1, TimeSpan.FromDays(1), "g"));
        var planner = new ResponsePlanner(new ResponsePolicy([inRange, overflowing]), [Plain]);

        Assert.Throws<ArgumentOutOfRangeException>(() => planner.Observe(Event("c1", late, "y")));

        Assert.Equal([new ResponseRuleStatistics("r", 0, 0, 0), new ResponseRuleStatistics("s", 0, 0, 0)], planner.GetStatistics());
        Assert.Single(planner.Observe(Event("c1", late, "x")));
    }

    private sealed class Named(string name) : IResponseRule
    {
        public string Name => name;

        public ResponseTrigger Trigger { get; } = ResponseTrigger.OnEvent("x");

        public FrequencyCap? Cap => null;

        public ResponseAction? Decide(ResponseContext context) => null;
    }
}
