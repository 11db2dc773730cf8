using Engagement.Sdk.Journeys;
using Engagement.Sdk.Responses;
using Engagement.Sdk.Surveys;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Samples.HelpDesk;

/// <summary>
/// Plans the week's responses with the seven presets (welcome, cart reminder, thank-you, order SMS, detractor
/// follow-up, win-back, SLA escalation) and one rule of the desk's own: a person's proactive help on live chat for
/// customers who reached the checkout and did not buy.
/// </summary>
internal static class DeskPlan
{
    public const string CheckoutHelpName = "checkout-help";

    /// <summary>The checkout funnel whose drop-outs get proactive help: product view, cart, checkout, purchase.</summary>
    public static FunnelDefinition CheckoutFunnel { get; } =
        FunnelDefinition.OfEvents(["product_view", "add_to_cart", "checkout", "purchase"], TimeSpan.FromDays(7));

    /// <summary>The funnel step dropped at: reached the checkout, did not purchase.</summary>
    public const int PurchaseStep = 3;

    public static ResponsePolicy Policy { get; } = new(
    [
        ResponsePresets.WelcomeEmail(),
        ResponsePresets.CartAbandonmentReminder(),
        ResponsePresets.ThankYou(),
        ResponsePresets.OrderConfirmationSms(),
        ResponsePresets.DetractorFollowUp(),
        ResponsePresets.WinBack(),
        ResponsePresets.SlaEscalation(),
        new ResponseRule(
            CheckoutHelpName,
            ResponseTrigger.FunnelDropOut(PurchaseStep),
            new ResponseAction(ResponseType.Proactive, Channels.LiveChat, CheckoutHelpName, InquiryPriority.Normal, TimeSpan.FromMinutes(30), TimeBasis.Business),
            new FrequencyCap(1, TimeSpan.FromDays(7), CheckoutHelpName)),
    ]);

    public static IReadOnlyList<ResponseTemplate> Templates { get; } =
    [
        .. ResponsePresets.Templates,
        new ResponseTemplate(
            CheckoutHelpName,
            "Hi {first_name}, we saw you did not finish your order. Can we help? Just reply and one of us will answer.",
            new Dictionary<string, string>(StringComparer.Ordinal) { ["first_name"] = "there" }),
    ];

    /// <summary>
    /// Streams the data through a planner in time order — the shop events and NPS answers, then the end of the week (when
    /// the cart and inactivity timers due before it fire), the funnel's drop-outs and the inquiries as they stand then
    /// (escalating open SLA targets due within the hour or overdue) — and returns what was planned from
    /// <paramref name="weekStart"/> on, with the planner's counts for the same span.
    /// </summary>
    public static (IReadOnlyList<PlannedResponse> Plan, IReadOnlyList<ResponseRuleStatistics> Statistics) ForWeek(
        HelpDeskData data, FunnelResult funnel, BusinessCalendar calendar, DateTimeOffset weekStart, DateTimeOffset asOf)
    {
        // Templates fill {first_name} from the customer's latest event properties.
        var attributes = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var e in data.Events)
        {
            attributes[e.CustomerId] = e.Properties;
        }

        var planner = new ResponsePlanner(Policy, Templates, calendar, id => attributes.GetValueOrDefault(id), DeskPolicy.Sla);
        var observations = data.Events.Select(e => (e.Timestamp, Event: (EngagementEvent?)e, Answer: (SurveyResponse?)null))
            .Concat(data.Answers.Select(a => (a.Timestamp, Event: (EngagementEvent?)null, Answer: (SurveyResponse?)a)))
            .OrderBy(o => o.Timestamp)
            .ToList();
        // What happened before the week (earlier purchases) sets the customers' state; its responses are history.
        foreach (var (_, e, answer) in observations.Where(o => o.Timestamp < weekStart))
        {
            _ = e is not null ? planner.Observe(e) : planner.Observe(answer!);
        }

        planner.AdvanceTo(weekStart);
        var before = planner.GetStatistics();
        var plan = new List<PlannedResponse>();
        foreach (var (_, e, answer) in observations.Where(o => o.Timestamp >= weekStart))
        {
            plan.AddRange(e is not null ? planner.Observe(e) : planner.Observe(answer!));
        }

        plan.AddRange(planner.AdvanceTo(asOf));
        plan.AddRange(planner.ObserveDropOuts(funnel, PurchaseStep, asOf));
        foreach (var inquiry in data.Inquiries)
        {
            plan.AddRange(planner.Observe(inquiry, asOf));
        }

        var after = planner.GetStatistics();
        var week = after.Select((s, i) => new ResponseRuleStatistics(
            s.RuleName, s.Planned - before[i].Planned, s.Capped - before[i].Capped, s.Declined - before[i].Declined)).ToList();
        return (plan, week);
    }
}
