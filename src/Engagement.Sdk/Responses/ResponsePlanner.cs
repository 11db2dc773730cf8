using System.Globalization;
using Engagement.Sdk.Journeys;
using Engagement.Sdk.Statistics;
using Engagement.Sdk.Surveys;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.Responses;

/// <summary>
/// Evaluates a <see cref="ResponsePolicy"/> against a stream of observations (events, survey answers, inquiries, funnel
/// drop-outs, the passing of time) and returns the responses it plans: who gets what, from which rule, on which channel,
/// by when, with the text rendered for the customer.
/// </summary>
/// <remarks>
/// <para>
/// Streaming: each <c>Observe</c> call and <see cref="AdvanceTo"/> first fires the time-based triggers (cart abandonment,
/// inactivity) whose point lies strictly before the observation's time, in order of that point, then the rules the
/// observation fires, in policy order; it returns those planned responses in that order. Observations must come in
/// time order (equal times are fine): an earlier one is refused with an <see cref="ArgumentException"/> naming the
/// argument and both times. The same calls in the same order give the same plan. Batch:
/// <see cref="Plan(IEnumerable{EngagementEvent}, DateTimeOffset?)"/> orders events stably by time and runs the stream.
/// </para>
/// <para>
/// Due time = trigger time + the action's delay, elapsed (<see cref="TimeBasis.Calendar"/>) or in the calendar's open
/// hours (<see cref="TimeBasis.Business"/>). A <see cref="ResponseType.Manual"/> response whose due time falls outside
/// the calendar's hours moves to the next opening, as a person must write it — except when a positive business delay
/// gave it, since business time already counts open hours only (it may end exactly at a closing time). Frequency caps
/// are checked on due times (see <see cref="FrequencyCap"/>); a capped-away trigger is dropped and counted.
/// </para>
/// <para>
/// Cost: one dictionary look-up for the customer and one for the event name per event; per-customer state only for
/// the kinds of rule the policy has; no allocation per event except the planned responses (and, with a predicate
/// trigger, nothing more: its window is a ring per customer). Not thread-safe: feed a planner from one thread.
/// </para>
/// </remarks>
public sealed class ResponsePlanner
{
    private static readonly PlannedResponse[] Nothing = [];

    private readonly IResponseRule[] _rules;
    private readonly ResponseTrigger[] _triggers;
    private readonly Dictionary<string, ResponseTemplate> _templates = new(StringComparer.Ordinal);
    private readonly Func<string, IReadOnlyDictionary<string, string>?>? _attributes;
    private readonly int[] _capGroupOf;
    private readonly FrequencyCap[] _groupCaps;
    private readonly long[] _planned;
    private readonly long[] _capped;
    private readonly long[] _declined;
    private readonly Dictionary<string, NameRoute> _routes = new(StringComparer.Ordinal);
    private readonly NameRoute _otherNames;
    private readonly int[] _ordinal;
    private readonly int[] _cartRules;
    private readonly int[] _inactivityRules;
    private readonly StageRules[] _stageSets;
    private readonly Dictionary<(string Name, Channel Channel), int>[] _stageCache;
    private readonly int[] _entered;
    private readonly int[] _stageIndexOf;
    private readonly int _recentEvents;
    private readonly int[] _surveyRules;
    private readonly int[] _funnelRules;
    private readonly int[] _slaRules;
    private readonly Dictionary<string, PlannerCustomer> _customers = new(StringComparer.Ordinal);
    private readonly PriorityQueue<(PlannerCustomer Customer, int Rule), (long Ticks, long Sequence)> _timers = new();
    private readonly HashSet<(int Rule, string Inquiry, SlaMetric Metric, long DueTicks)> _escalated = [];
    private long _sequence;
    private DateTimeOffset? _clock;

    /// <summary>Creates a planner.</summary>
    /// <param name="policy">The rules.</param>
    /// <param name="templates">The templates the rules' actions refer to, by id; ids are unique. Copied.</param>
    /// <param name="calendar">The business calendar for business-time delays and for the hours of manual responses;
    /// <see langword="null"/> for the calendar of <paramref name="slaPolicy"/>, or <see cref="BusinessCalendar.AlwaysOpen"/>
    /// when there is no SLA policy either.</param>
    /// <param name="customerAttributes">Gives a customer's attributes by id for the templates' placeholders (and
    /// <see cref="ResponseContext.Attributes"/>), or <see langword="null"/> when none are known; called once per planned
    /// response. <see langword="null"/> renders every placeholder with its fallback.</param>
    /// <param name="slaPolicy">The SLA policy that <see cref="Observe(Inquiry, DateTimeOffset)"/> evaluates inquiries
    /// with, for SLA triggers, and whose calendar measures the actions' SLA targets
    /// (<see cref="PlannedResponse.SlaDueAt"/>); <see langword="null"/> when the policy has no SLA rule.</param>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> or <paramref name="templates"/> is
    /// <see langword="null"/>, or holds <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Two templates share an id, or a <see cref="ResponseRule"/>'s action names a
    /// template that is not given (named <paramref name="templates"/>); the policy has an SLA rule but no
    /// <paramref name="slaPolicy"/> is given (named <paramref name="slaPolicy"/>); or the calendar has no opening hours
    /// but a <see cref="ResponseRule"/> plans a manual response or a business-time delay (named
    /// <paramref name="calendar"/>).</exception>
    public ResponsePlanner(
        ResponsePolicy policy,
        IEnumerable<ResponseTemplate> templates,
        BusinessCalendar? calendar = null,
        Func<string, IReadOnlyDictionary<string, string>?>? customerAttributes = null,
        SlaPolicy? slaPolicy = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(templates);
        foreach (var template in templates)
        {
            ArgumentNullException.ThrowIfNull(template, nameof(templates));
            if (!_templates.TryAdd(template.Id, template))
            {
                throw new ArgumentException($"Two templates have the id '{Validation.Echo(template.Id)}'.", nameof(templates));
            }
        }

        Policy = policy;
        SlaPolicy = slaPolicy;
        Calendar = calendar ?? slaPolicy?.Calendar ?? BusinessCalendar.AlwaysOpen;
        var neverOpens = !Calendar.IsAlwaysOpen && Calendar.WeeklyHours.Count == 0;
        _attributes = customerAttributes;
        _rules = [.. policy.Rules];
        var count = _rules.Length;
        _triggers = new ResponseTrigger[count];
        _capGroupOf = new int[count];
        _ordinal = new int[count];
        _stageIndexOf = new int[count];
        _planned = new long[count];
        _capped = new long[count];
        _declined = new long[count];
        var groups = new Dictionary<string, int>(StringComparer.Ordinal);
        var caps = new List<FrequencyCap>();
        List<int> carts = [], inactivities = [], surveys = [], funnels = [], slas = [], everyEvent = [];
        var stageSets = new List<StageRules>();
        var named = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var cartAdds = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var cartBuys = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var afterEvents = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var r = 0; r < count; r++)
        {
            var rule = _rules[r];
            var trigger = _triggers[r] = rule.Trigger;
            if (rule is ResponseRule { Action.TemplateId: var templateId } && !_templates.ContainsKey(templateId))
            {
                throw new ArgumentException(
                    $"The rule '{Validation.Echo(rule.Name)}' uses the template '{Validation.Echo(templateId)}', which is not given.", nameof(templates));
            }

            // A calendar that never opens has no next opening and no business time: refused now, not at the first firing.
            if (neverOpens && rule is ResponseRule { Action: var planned }
                && (planned.Type == ResponseType.Manual || (planned.DelayBasis == TimeBasis.Business && planned.Delay > TimeSpan.Zero)))
            {
                throw new ArgumentException(
                    $"The rule '{Validation.Echo(rule.Name)}' plans {planned}, but the calendar ({Calendar}) has no opening hours.", nameof(calendar));
            }

            _capGroupOf[r] = -1;
            if (rule.Cap is { } cap)
            {
                if (!groups.TryGetValue(cap.Group, out var group))
                {
                    group = groups[cap.Group] = caps.Count;
                    caps.Add(cap);
                }

                _capGroupOf[r] = group;
            }

            switch (trigger.Kind)
            {
                case ResponseTriggerKind.Event:
                    foreach (var name in trigger.EventNames)
                    {
                        Append(named, name, r);
                    }

                    break;
                case ResponseTriggerKind.CartAbandonment:
                    _ordinal[r] = carts.Count;
                    carts.Add(r);
                    foreach (var name in trigger.EventNames)
                    {
                        Append(cartAdds, name, _ordinal[r]);
                    }

                    foreach (var name in trigger.PurchaseEvents)
                    {
                        Append(cartBuys, name, _ordinal[r]);
                    }

                    break;
                case ResponseTriggerKind.Inactivity:
                    _ordinal[r] = inactivities.Count;
                    inactivities.Add(r);
                    if (trigger.AfterEvent is { } after)
                    {
                        Append(afterEvents, after, _ordinal[r]);
                    }

                    break;
                case ResponseTriggerKind.StageEntry:
                    var set = stageSets.IndexOf(trigger.StageRules!);
                    if (set < 0)
                    {
                        set = stageSets.Count;
                        stageSets.Add(trigger.StageRules!);
                    }

                    _ordinal[r] = set;
                    _stageIndexOf[r] = trigger.StageRules!.Model.IndexOf(trigger.Stage);
                    everyEvent.Add(r);
                    break;
                case ResponseTriggerKind.Predicate:
                    _recentEvents = Math.Max(_recentEvents, trigger.RecentEvents);
                    everyEvent.Add(r);
                    break;
                case ResponseTriggerKind.NpsDetractor or ResponseTriggerKind.LowCsat:
                    surveys.Add(r);
                    break;
                case ResponseTriggerKind.FunnelDropOut:
                    funnels.Add(r);
                    break;
                default:
                    slas.Add(r);
                    break;
            }
        }

        if (slas.Count > 0 && slaPolicy is null)
        {
            throw new ArgumentException(
                $"The rule '{Validation.Echo(_rules[slas[0]].Name)}' escalates SLA targets, but no SLA policy is given to evaluate inquiries with.", nameof(slaPolicy));
        }

        _groupCaps = [.. caps];
        _cartRules = [.. carts];
        _inactivityRules = [.. inactivities];
        _surveyRules = [.. surveys];
        _funnelRules = [.. funnels];
        _slaRules = [.. slas];
        _stageSets = [.. stageSets];
        _stageCache = new Dictionary<(string, Channel), int>[_stageSets.Length];
        for (var s = 0; s < _stageCache.Length; s++)
        {
            _stageCache[s] = [];
        }

        _entered = new int[_stageSets.Length];

        // Every name some rule looks at gets a route: its candidate rules (the rules of that name and the rules that look
        // at every event, merged in policy order) and the cart and inactivity rules it touches.
        _otherNames = new NameRoute([.. everyEvent], [], [], []);
        var names = new HashSet<string>(named.Keys, StringComparer.Ordinal);
        names.UnionWith(cartAdds.Keys);
        names.UnionWith(cartBuys.Keys);
        names.UnionWith(afterEvents.Keys);
        foreach (var name in names)
        {
            var candidates = new List<int>(everyEvent);
            if (named.TryGetValue(name, out var own))
            {
                candidates.AddRange(own);
                candidates.Sort();
            }

            _routes[name] = new NameRoute([.. candidates], Indexes(cartAdds, name), Indexes(cartBuys, name), Indexes(afterEvents, name));
        }
    }

    /// <summary>Gets the policy.</summary>
    public ResponsePolicy Policy { get; }

    /// <summary>Gets the business calendar of delays and manual responses: the one given, else the SLA policy's, else
    /// <see cref="BusinessCalendar.AlwaysOpen"/>.</summary>
    public BusinessCalendar Calendar { get; }

    /// <summary>Gets the time of the latest observation (or <see cref="AdvanceTo"/>), or <see langword="null"/> before
    /// the first.</summary>
    public DateTimeOffset? Clock => _clock;

    /// <summary>Gets the SLA policy inquiries are evaluated with, or <see langword="null"/>.</summary>
    public SlaPolicy? SlaPolicy { get; }

    /// <summary>Plans the responses to a batch of events: orders them stably by time (instants), observes each, then,
    /// when <paramref name="until"/> is given, advances the clock to it.</summary>
    /// <param name="events">The events, in any order.</param>
    /// <param name="until">The end of the period planned: time-based triggers whose point lies before it fire; or
    /// <see langword="null"/> to stop at the last event.</param>
    /// <returns>Every response planned, in the order the stream returned them.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="events"/> or an event is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An event, or <paramref name="until"/>, is before this planner's
    /// <see cref="Clock"/> (the batch continues the planner's stream: use a new planner for an independent plan), or
    /// <paramref name="until"/> is before the last event. Checked before any event is observed: the planner is left as
    /// it was.</exception>
    public IReadOnlyList<PlannedResponse> Plan(IEnumerable<EngagementEvent> events, DateTimeOffset? until = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        var ordered = events.Select((e, i) => e ?? throw new ArgumentNullException(nameof(events), string.Create(CultureInfo.InvariantCulture, $"The event at index {i} is null.")))
            .OrderBy(e => e.Timestamp.UtcTicks)
            .ToArray();

        // Checked before the first event is observed, so a refused batch leaves the planner as it was.
        if (ordered.Length > 0)
        {
            CheckOrder(ordered[0].Timestamp, nameof(events));
        }

        if (until is { } last)
        {
            CheckOrder(last, nameof(until));
            if (ordered.Length > 0 && last < ordered[^1].Timestamp)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"The end {last:O} is before the last event, {ordered[^1].Timestamp:O}."), nameof(until));
            }
        }

        var plan = new List<PlannedResponse>();
        foreach (var e in ordered)
        {
            plan.AddRange(Observe(e));
        }

        if (until is { } end)
        {
            plan.AddRange(AdvanceTo(end));
        }

        return plan.AsReadOnly();
    }

    /// <summary>Observes an event: fires the due time-based triggers, then the event, stage-entry and predicate rules
    /// it matches; updates the customer's carts, inactivity and stage.</summary>
    /// <param name="engagementEvent">The event; not before <see cref="Clock"/>.</param>
    /// <returns>The responses planned, in order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="engagementEvent"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The event is before <see cref="Clock"/>.</exception>
    /// <exception cref="InvalidOperationException">A host rule returned an action whose template is unknown.</exception>
    public IReadOnlyList<PlannedResponse> Observe(EngagementEvent engagementEvent)
    {
        ArgumentNullException.ThrowIfNull(engagementEvent);
        return ObserveEvent(engagementEvent.CustomerId, engagementEvent.Name, engagementEvent.Channel, engagementEvent.Timestamp, engagementEvent, nameof(engagementEvent));
    }

    /// <summary>Observes an event given by its parts, without an <see cref="EngagementEvent"/> (rules then see no
    /// <see cref="ResponseContext.Event"/>); otherwise as <see cref="Observe(EngagementEvent)"/>.</summary>
    /// <param name="customerId">The customer's id; not blank.</param>
    /// <param name="eventName">What happened; not blank.</param>
    /// <param name="channel">The channel it happened on.</param>
    /// <param name="timestamp">When it happened; not before <see cref="Clock"/>.</param>
    /// <returns>The responses planned, in order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="customerId"/> or <paramref name="eventName"/> is
    /// <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A string is blank, or <paramref name="timestamp"/> is before <see cref="Clock"/>.</exception>
    /// <exception cref="InvalidOperationException">A host rule returned an action whose template is unknown.</exception>
    public IReadOnlyList<PlannedResponse> Observe(string customerId, string eventName, Channel channel, DateTimeOffset timestamp)
    {
        Validation.NotBlank(customerId, nameof(customerId));
        Validation.NotBlank(eventName, nameof(eventName));
        return ObserveEvent(customerId, eventName, channel, timestamp, null, nameof(timestamp));
    }

    /// <summary>Observes a survey answer: fires the due time-based triggers, then the detractor and low-CSAT rules it
    /// matches. A survey answer is not activity for inactivity triggers.</summary>
    /// <param name="survey">The answer; not before <see cref="Clock"/>.</param>
    /// <returns>The responses planned, in order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="survey"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The answer is before <see cref="Clock"/>.</exception>
    /// <exception cref="InvalidOperationException">A host rule returned an action whose template is unknown.</exception>
    public IReadOnlyList<PlannedResponse> Observe(SurveyResponse survey)
    {
        ArgumentNullException.ThrowIfNull(survey);
        List<PlannedResponse>? plan = null;
        Advance(survey.Timestamp, nameof(survey), ref plan);
        PlannerCustomer? customer = null;
        foreach (var r in _surveyRules)
        {
            var trigger = _triggers[r];
            var fires = trigger.Kind == ResponseTriggerKind.NpsDetractor
                ? survey.Kind == SurveyKind.Nps && survey.Score <= MetricDefinition.Nps.UnfavourableThreshold
                : survey.Kind == SurveyKind.Csat && survey.Score <= trigger.Threshold;
            if (fires)
            {
                customer ??= Customer(survey.CustomerId);
                Fire(r, customer, new ResponseContext(customer.Id, trigger.Kind, survey.Timestamp, customer.Recent, _attributes) { Survey = survey }, ref plan);
            }
        }

        return Result(plan);
    }

    /// <summary>Observes an inquiry at an instant: fires the due time-based triggers, then, for each SLA rule, each open
    /// target of the inquiry due within the rule's lead time of <paramref name="asOf"/> (or already past due) that the
    /// rule has not escalated yet (per inquiry id, target and due time).</summary>
    /// <param name="inquiry">The inquiry.</param>
    /// <param name="asOf">The instant of the observation; not before <see cref="Clock"/>.</param>
    /// <returns>The responses planned, in order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="inquiry"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="asOf"/> is before <see cref="Clock"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> is before something in the inquiry (as
    /// <see cref="SlaPolicy.Evaluate"/> refuses it).</exception>
    /// <exception cref="InvalidOperationException">A host rule returned an action whose template is unknown.</exception>
    public IReadOnlyList<PlannedResponse> Observe(Inquiry inquiry, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(inquiry);

        // Evaluated first: it changes nothing, so an inquiry it refuses leaves the planner as it was.
        IReadOnlyList<SlaEvaluation> evaluations = _slaRules.Length == 0
            ? []
            : SlaPolicy!.Evaluate(inquiry, asOf);
        List<PlannedResponse>? plan = null;
        Advance(asOf, nameof(asOf), ref plan);
        PlannerCustomer? customer = null;
        foreach (var r in _slaRules)
        {
            var lead = _triggers[r].Duration!.Value;
            foreach (var evaluation in evaluations)
            {
                if (evaluation is { Status: SlaStatus.OpenWithinTarget or SlaStatus.OpenBreached, TimeLeft: { } left, DueAt: { } dueAt }
                    && left <= lead
                    && _escalated.Add((r, inquiry.Id, evaluation.Target.Metric, dueAt.UtcTicks)))
                {
                    customer ??= Customer(inquiry.CustomerId);
                    Fire(r, customer, new ResponseContext(customer.Id, ResponseTriggerKind.SlaAboutToBreach, asOf, customer.Recent, _attributes) { Inquiry = inquiry, Sla = evaluation }, ref plan);
                }
            }
        }

        return Result(plan);
    }

    /// <summary>Observes the customers a funnel lists as dropped out at a step: fires the due time-based triggers, then,
    /// for each dropped customer (in the result's order), the funnel rules for that step (or any step).</summary>
    /// <param name="funnel">The funnel's result.</param>
    /// <param name="step">The step dropped at: 1 to the funnel's last step.</param>
    /// <param name="at">The instant of the observation (the end of the funnel's data); not before <see cref="Clock"/>.</param>
    /// <returns>The responses planned, in order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="funnel"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is not a step after the first.</exception>
    /// <exception cref="ArgumentException"><paramref name="at"/> is before <see cref="Clock"/>.</exception>
    /// <exception cref="InvalidOperationException">A host rule returned an action whose template is unknown.</exception>
    public IReadOnlyList<PlannedResponse> ObserveDropOuts(FunnelResult funnel, int step, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(funnel);
        ArgumentOutOfRangeException.ThrowIfLessThan(step, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(step, funnel.Steps.Count);
        List<PlannedResponse>? plan = null;
        Advance(at, nameof(at), ref plan);
        foreach (var id in funnel.Steps[step].DroppedIds)
        {
            var customer = Customer(id);
            foreach (var r in _funnelRules)
            {
                if (_triggers[r].FunnelStep is null || _triggers[r].FunnelStep == step)
                {
                    Fire(r, customer, new ResponseContext(customer.Id, ResponseTriggerKind.FunnelDropOut, at, customer.Recent, _attributes) { FunnelStep = step }, ref plan);
                }
            }
        }

        return Result(plan);
    }

    /// <summary>Moves the clock to <paramref name="now"/>, firing every time-based trigger (cart abandonment,
    /// inactivity) whose point lies strictly before it, in order of that point.</summary>
    /// <param name="now">The new clock; not before <see cref="Clock"/>.</param>
    /// <returns>The responses planned, in order.</returns>
    /// <exception cref="ArgumentException"><paramref name="now"/> is before <see cref="Clock"/>.</exception>
    /// <exception cref="InvalidOperationException">A host rule returned an action whose template is unknown.</exception>
    public IReadOnlyList<PlannedResponse> AdvanceTo(DateTimeOffset now)
    {
        List<PlannedResponse>? plan = null;
        Advance(now, nameof(now), ref plan);
        return Result(plan);
    }

    /// <summary>Returns what each rule did so far, in policy order.</summary>
    /// <returns>One entry per rule.</returns>
    public IReadOnlyList<ResponseRuleStatistics> GetStatistics()
    {
        var statistics = new ResponseRuleStatistics[_rules.Length];
        for (var r = 0; r < statistics.Length; r++)
        {
            statistics[r] = new ResponseRuleStatistics(_rules[r].Name, _planned[r], _capped[r], _declined[r]);
        }

        return Array.AsReadOnly(statistics);
    }

    private static IReadOnlyList<PlannedResponse> Result(List<PlannedResponse>? plan) => plan is null ? Nothing : plan.AsReadOnly();

    private static void Append(Dictionary<string, List<int>> map, string name, int value)
    {
        if (!map.TryGetValue(name, out var list))
        {
            map[name] = list = [];
        }

        list.Add(value);
    }

    private static int[] Indexes(Dictionary<string, List<int>> map, string name) => map.TryGetValue(name, out var list) ? [.. list] : [];

    private IReadOnlyList<PlannedResponse> ObserveEvent(string customerId, string name, Channel channel, DateTimeOffset timestamp, EngagementEvent? engagementEvent, string paramName)
    {
        List<PlannedResponse>? plan = null;
        Advance(timestamp, paramName, ref plan);
        var customer = Customer(customerId);
        var ticks = timestamp.UtcTicks;
        customer.LastEvent = ticks;
        customer.Recent?.Add(new RecentEvent(timestamp, name, channel));
        var route = _routes.GetValueOrDefault(name) ?? _otherNames;
        foreach (var k in route.CartBuys)
        {
            customer.CartDeadline[k] = PlannerCustomer.NoTime;
        }

        foreach (var k in route.CartAdds)
        {
            var deadline = Later(ticks, _triggers[_cartRules[k]].Duration!.Value);
            customer.CartDeadline[k] = deadline;
            if (!customer.CartPending[k] && deadline != PlannerCustomer.NoTime)
            {
                customer.CartPending[k] = true;
                Schedule(customer, _cartRules[k], deadline);
            }
        }

        foreach (var k in route.AfterEvents)
        {
            customer.Watching[k] = true;
        }

        for (var k = 0; k < _inactivityRules.Length; k++)
        {
            var r = _inactivityRules[k];
            if ((customer.Watching[k] || _triggers[r].AfterEvent is null) && !customer.InactivityPending[k])
            {
                var point = Later(ticks, _triggers[r].Duration!.Value);
                if (point != PlannerCustomer.NoTime)
                {
                    customer.InactivityPending[k] = true;
                    Schedule(customer, r, point);
                }
            }
        }

        for (var s = 0; s < _stageSets.Length; s++)
        {
            var stage = Classify(s, name, channel);
            _entered[s] = stage >= 0 && stage != customer.Stage[s] ? stage : -1;
            if (stage >= 0)
            {
                customer.Stage[s] = stage;
            }
        }

        foreach (var r in route.Candidates)
        {
            var trigger = _triggers[r];
            var context = new ResponseContext(customer.Id, trigger.Kind, timestamp, customer.Recent, _attributes)
            {
                EventName = name,
                EventChannel = channel,
                Event = engagementEvent,
            };
            var fires = trigger.Kind switch
            {
                ResponseTriggerKind.Event => trigger.Channel is not { } required || string.Equals(required.Name, channel.Name, StringComparison.OrdinalIgnoreCase),
                ResponseTriggerKind.StageEntry => _entered[_ordinal[r]] == _stageIndexOf[r],
                _ => trigger.Predicate!(context),
            };
            if (fires)
            {
                Fire(r, customer, context, ref plan);
            }
        }

        return Result(plan);
    }

    private int Classify(int set, string name, Channel channel)
    {
        var cache = _stageCache[set];
        if (!cache.TryGetValue((name, channel), out var index))
        {
            var rules = _stageSets[set];
            var stage = rules.Classify(name, channel);
            index = stage.IsUnspecified ? -1 : rules.Model.IndexOf(stage);
            cache[(name, channel)] = index;
        }

        return index;
    }

    // Moves the clock to `time`, firing first every timer strictly before it.
    private void Advance(DateTimeOffset time, string paramName, ref List<PlannedResponse>? plan)
    {
        CheckOrder(time, paramName);

        var ticks = time.UtcTicks;
        while (_timers.TryPeek(out var timer, out var key) && key.Ticks < ticks)
        {
            _timers.Dequeue();
            Ring(timer.Customer, timer.Rule, key.Ticks, ref plan);
        }

        _clock = time;
    }

    private void CheckOrder(DateTimeOffset time, string paramName)
    {
        if (_clock is { } clock && time < clock)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Observations must come in time order: {time:O} is before the planner's clock, {clock:O}."), paramName);
        }
    }

    private void Ring(PlannerCustomer customer, int r, long ticks, ref List<PlannedResponse>? plan)
    {
        var trigger = _triggers[r];
        var k = _ordinal[r];
        if (trigger.Kind == ResponseTriggerKind.CartAbandonment)
        {
            var deadline = customer.CartDeadline[k];
            if (deadline == PlannerCustomer.NoTime)
            {
                customer.CartPending[k] = false;
                return;
            }

            if (deadline > ticks)
            {
                Schedule(customer, r, deadline);
                return;
            }

            customer.CartDeadline[k] = PlannerCustomer.NoTime;
            customer.CartPending[k] = false;
        }
        else
        {
            var point = Later(customer.LastEvent, trigger.Duration!.Value);
            if (point > ticks)
            {
                Schedule(customer, r, point);
                return;
            }

            customer.InactivityPending[k] = false;
        }

        var at = new DateTimeOffset(ticks, TimeSpan.Zero);
        Fire(r, customer, new ResponseContext(customer.Id, trigger.Kind, at, customer.Recent, _attributes), ref plan);
    }

    private void Fire(int r, PlannerCustomer customer, ResponseContext context, ref List<PlannedResponse>? plan)
    {
        var rule = _rules[r];
        var action = rule.Decide(context);
        if (action is null)
        {
            _declined[r]++;
            return;
        }

        if (!_templates.TryGetValue(action.TemplateId, out var template))
        {
            throw new InvalidOperationException(
                $"The rule '{Validation.Echo(rule.Name)}' planned the template '{Validation.Echo(action.TemplateId)}', which the planner was not given.");
        }

        // The due times may throw (past the last representable instant): computed before the cap window and the counters
        // change, so a firing that fails leaves them as they were.
        var due = DueAt(context.TriggeredAt, action);
        var slaDue = action.SlaTarget is { } target ? (SlaPolicy?.Calendar ?? Calendar).Add(context.TriggeredAt, target.Target, target.Basis) : (DateTimeOffset?)null;
        var group = _capGroupOf[r];
        if (group >= 0)
        {
            var cap = _groupCaps[group];
            var window = customer.Caps[group] ??= new CapWindow();
            if (!window.TryAdmit(due.UtcTicks, context.TriggeredAt.UtcTicks, cap.Period.Ticks, cap.MaxCount))
            {
                _capped[r]++;
                return;
            }
        }

        var text = template.Render(_attributes?.Invoke(customer.Id));
        _planned[r]++;
        (plan ??= []).Add(new PlannedResponse(
            customer.Id, rule.Name, action.Type, action.Channel, context.TriggeredAt, due, action.Priority, template.Id, text, action.SlaTarget, slaDue));
    }

    private DateTimeOffset DueAt(DateTimeOffset triggeredAt, ResponseAction action)
    {
        var business = action.DelayBasis == TimeBasis.Business && action.Delay > TimeSpan.Zero;
        var due = business ? Calendar.Add(triggeredAt, action.Delay, TimeBasis.Business) : triggeredAt + action.Delay;
        return action.Type == ResponseType.Manual && !business && !Calendar.IsOpen(due) ? Calendar.NextOpening(due) : due;
    }

    private PlannerCustomer Customer(string id)
    {
        if (!_customers.TryGetValue(id, out var customer))
        {
            customer = new PlannerCustomer(id, _cartRules.Length, _inactivityRules.Length, _stageSets.Length, _groupCaps.Length, _recentEvents);
            _customers.Add(id, customer);
        }

        return customer;
    }

    private void Schedule(PlannerCustomer customer, int r, long ticks) => _timers.Enqueue((customer, r), (ticks, _sequence++));

    // ticks + duration, or NoTime when that is beyond the last representable instant (the trigger never fires).
    private static long Later(long ticks, TimeSpan duration) =>
        ticks > DateTimeOffset.MaxValue.UtcTicks - duration.Ticks ? PlannerCustomer.NoTime : ticks + duration.Ticks;

    private sealed class NameRoute(int[] candidates, int[] cartAdds, int[] cartBuys, int[] afterEvents)
    {
        public int[] Candidates { get; } = candidates;

        public int[] CartAdds { get; } = cartAdds;

        public int[] CartBuys { get; } = cartBuys;

        public int[] AfterEvents { get; } = afterEvents;
    }
}
