using Engagement.Sdk.Journeys;
using Engagement.Sdk.Surveys;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.Responses;

/// <summary>
/// What a response rule sees when its trigger fires: the customer, the kind and time of the trigger, the observation
/// that fired it (an event, a survey answer, an inquiry, a funnel step), the customer's recent events and attributes.
/// </summary>
/// <remarks>
/// The members that do not belong to the trigger's kind are <see langword="null"/>. The planner builds a context on the
/// stack for each rule it asks; it is valid for that call only (<see cref="RecentEvents"/> changes with the next
/// event). <see cref="Attributes"/> calls the host's attribute source on every read. <c>default</c> is an empty
/// context with no customer.
/// </remarks>
public readonly struct ResponseContext
{
    private static readonly RecentEvent[] NoEvents = [];

    private readonly IReadOnlyList<RecentEvent>? _recentEvents;
    private readonly Func<string, IReadOnlyDictionary<string, string>?>? _attributes;

    internal ResponseContext(
        string customerId,
        ResponseTriggerKind kind,
        DateTimeOffset triggeredAt,
        IReadOnlyList<RecentEvent>? recentEvents,
        Func<string, IReadOnlyDictionary<string, string>?>? attributes)
    {
        CustomerId = customerId;
        TriggerKind = kind;
        TriggeredAt = triggeredAt;
        _recentEvents = recentEvents;
        _attributes = attributes;
    }

    /// <summary>Gets the customer's id; <see langword="null"/> only for <c>default</c>.</summary>
    public string CustomerId { get; }

    /// <summary>Gets the kind of trigger that fired.</summary>
    public ResponseTriggerKind TriggerKind { get; }

    /// <summary>Gets when the trigger fired: the observation's time, or the point a time-based trigger waited for.</summary>
    public DateTimeOffset TriggeredAt { get; }

    /// <summary>Gets the name of the event that fired an event-driven trigger, or <see langword="null"/>.</summary>
    public string? EventName { get; init; }

    /// <summary>Gets the channel of the event that fired an event-driven trigger, or <see langword="null"/>.</summary>
    public Channel? EventChannel { get; init; }

    /// <summary>Gets the event that fired an event-driven trigger when it was observed as an
    /// <see cref="EngagementEvent"/> (with its properties), or <see langword="null"/>.</summary>
    public EngagementEvent? Event { get; init; }

    /// <summary>Gets the survey answer that fired a survey trigger, or <see langword="null"/>.</summary>
    public SurveyResponse? Survey { get; init; }

    /// <summary>Gets the inquiry that fired an SLA trigger, or <see langword="null"/>.</summary>
    public Inquiry? Inquiry { get; init; }

    /// <summary>Gets the evaluation of the open SLA target (with its due time and time left) that fired an SLA trigger,
    /// or <see langword="null"/>.</summary>
    public SlaEvaluation? Sla { get; init; }

    /// <summary>Gets the funnel step a customer dropped out at, for a funnel trigger, or <see langword="null"/>.</summary>
    public int? FunnelStep { get; init; }

    /// <summary>Gets the customer's latest events, oldest first, the current one last; kept only when the policy has a
    /// predicate trigger (as many as the largest such trigger asks for), empty otherwise.</summary>
    public IReadOnlyList<RecentEvent> RecentEvents => _recentEvents ?? NoEvents;

    /// <summary>Gets the customer's attributes from the planner's attribute source, or <see langword="null"/> when
    /// there is no source or it knows nothing of the customer.</summary>
    public IReadOnlyDictionary<string, string>? Attributes => _attributes is null || CustomerId is null ? null : _attributes(CustomerId);
}
