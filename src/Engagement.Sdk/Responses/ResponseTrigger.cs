using System.Collections.ObjectModel;
using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Sdk.Journeys;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.Responses;

/// <summary>
/// What makes a response rule fire: an event, inactivity, entering a journey stage, dropping out of a funnel, an
/// abandoned cart, a detractor or low CSAT answer, an inquiry about to breach its SLA, or a host predicate. Created
/// with the static factories; the fields a kind does not use are empty.
/// </summary>
/// <remarks>
/// <para>The exact semantics of each kind are on its factory and in docs/responses.md. Time-based kinds
/// (<see cref="ResponseTriggerKind.Inactivity"/>, <see cref="ResponseTriggerKind.CartAbandonment"/>) fire when the
/// planner's clock passes their point: their trigger time is that point, not the observation that moved the clock.</para>
/// <para>
/// Every kind but <see cref="ResponseTriggerKind.Predicate"/> is declarative and round-trips through JSON. A predicate
/// trigger holds a delegate: it is written with its kind only and refused when read back. Equal when the kind and every
/// field are equal (event names as sets, a predicate by reference). Immutable and thread-safe.
/// </para>
/// </remarks>
public sealed class ResponseTrigger : IEquatable<ResponseTrigger>
{
    /// <summary>The default wait of <see cref="CartAbandonment"/>: 1 hour.</summary>
    public static readonly TimeSpan DefaultCartWait = TimeSpan.FromHours(1);

    /// <summary>The default number of recent events a predicate sees: 16.</summary>
    public const int DefaultRecentEvents = 16;

    /// <summary>The most recent events a predicate may ask for: 1024.</summary>
    public const int MaxRecentEvents = 1024;

    private static readonly ReadOnlyCollection<string> NoNames = Array.AsReadOnly(Array.Empty<string>());

    /// <summary>Creates a trigger from its fields, as JSON does; prefer the factories.</summary>
    /// <param name="kind">The kind; not <see cref="ResponseTriggerKind.Predicate"/>, which cannot be read back.</param>
    /// <param name="eventNames">Event: the names (at least one); CartAbandonment: the add-to-cart names (at least one);
    /// otherwise empty.</param>
    /// <param name="purchaseEvents">CartAbandonment: the purchase names (at least one, none an add-to-cart name);
    /// otherwise empty.</param>
    /// <param name="channel">Event: the one channel it must happen on, or <see langword="null"/> for any; otherwise
    /// <see langword="null"/>.</param>
    /// <param name="duration">Inactivity: how long without events; CartAbandonment: the wait; SlaAboutToBreach: the lead
    /// time (zero or more); positive for the other two. <see langword="null"/> for the other kinds.</param>
    /// <param name="afterEvent">Inactivity: the event a customer must have done to be watched, or
    /// <see langword="null"/> for every customer; otherwise <see langword="null"/>.</param>
    /// <param name="stage">StageEntry: the stage entered, one of <paramref name="stageRules"/>' model; otherwise
    /// <see cref="JourneyStage.Unspecified"/>.</param>
    /// <param name="stageRules">StageEntry: the rules that classify events; otherwise <see langword="null"/>.</param>
    /// <param name="funnelStep">FunnelDropOut: the step (1 or more) dropped at, or <see langword="null"/> for any;
    /// otherwise <see langword="null"/>.</param>
    /// <param name="threshold">LowCsat: the highest score that counts as low; otherwise <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">A field is missing for the kind, given where the kind takes none, or invalid;
    /// the parameter name is the field's.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is undefined, a duration is out of range,
    /// or <paramref name="funnelStep"/> is less than 1.</exception>
    [JsonConstructor]
    public ResponseTrigger(
        ResponseTriggerKind kind,
        IReadOnlyList<string> eventNames,
        IReadOnlyList<string> purchaseEvents,
        Channel? channel,
        TimeSpan? duration,
        string? afterEvent,
        JourneyStage stage,
        StageRules? stageRules,
        int? funnelStep,
        int? threshold)
    {
        Kind = Validation.Defined(kind, nameof(kind));
        if (kind == ResponseTriggerKind.Predicate)
        {
            throw new ArgumentException("A predicate trigger holds a delegate and cannot be created from its fields (or read from JSON); use ResponseTrigger.When.", nameof(kind));
        }

        EventNames = EventNameSet.Copy(eventNames, nameof(eventNames), allowEmpty: kind is not (ResponseTriggerKind.Event or ResponseTriggerKind.CartAbandonment));
        PurchaseEvents = EventNameSet.Copy(purchaseEvents, nameof(purchaseEvents), allowEmpty: kind != ResponseTriggerKind.CartAbandonment);
        Channel = channel;
        Duration = duration;
        AfterEvent = afterEvent is null ? null : Validation.NotBlank(afterEvent, nameof(afterEvent));
        Stage = stage;
        StageRules = stageRules;
        FunnelStep = funnelStep;
        Threshold = threshold;
        Unused(kind is ResponseTriggerKind.Event or ResponseTriggerKind.CartAbandonment || EventNames.Count == 0, nameof(eventNames));
        Unused(kind == ResponseTriggerKind.CartAbandonment || PurchaseEvents.Count == 0, nameof(purchaseEvents));
        Unused(kind == ResponseTriggerKind.Event || channel is null, nameof(channel));
        Unused(kind == ResponseTriggerKind.Inactivity || afterEvent is null, nameof(afterEvent));
        Unused(kind == ResponseTriggerKind.StageEntry || (stage.IsUnspecified && stageRules is null), nameof(stage));
        Unused(kind == ResponseTriggerKind.FunnelDropOut || funnelStep is null, nameof(funnelStep));
        Unused(kind == ResponseTriggerKind.LowCsat || threshold is null, nameof(threshold));
        var timed = kind is ResponseTriggerKind.Inactivity or ResponseTriggerKind.CartAbandonment or ResponseTriggerKind.SlaAboutToBreach;
        if (timed != duration.HasValue)
        {
            throw new ArgumentException(
                timed ? $"A {kind} trigger needs a duration." : $"A {kind} trigger takes no duration; got {duration:c}.", nameof(duration));
        }

        if (duration is { } d && (d < TimeSpan.Zero || (d == TimeSpan.Zero && kind != ResponseTriggerKind.SlaAboutToBreach)))
        {
            throw new ArgumentOutOfRangeException(
                nameof(duration), d, string.Create(CultureInfo.InvariantCulture, $"A {kind} trigger's duration must be {(kind == ResponseTriggerKind.SlaAboutToBreach ? "zero or more" : "positive")}; got {d:c}."));
        }

        if (kind == ResponseTriggerKind.CartAbandonment)
        {
            foreach (var name in PurchaseEvents)
            {
                if (EventNames.Contains(name, StringComparer.Ordinal))
                {
                    throw new ArgumentException($"The event '{Validation.Echo(name)}' cannot both add to the cart and buy it.", nameof(purchaseEvents));
                }
            }
        }

        if (kind == ResponseTriggerKind.StageEntry)
        {
            ArgumentNullException.ThrowIfNull(stageRules);
            if (stage.IsUnspecified || !stageRules.Model.Contains(stage))
            {
                throw new ArgumentException(
                    $"The stage '{Validation.Echo(stage.Name)}' is not a stage of the rules' model ({Validation.Echo(stageRules.Model.ToString())}).", nameof(stage));
            }
        }

        if (funnelStep is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(funnelStep), funnelStep, "Customers drop out at step 1 or later; nobody drops at step 0.");
        }

        if (kind == ResponseTriggerKind.LowCsat && threshold is null)
        {
            throw new ArgumentException("A LowCsat trigger needs a threshold.", nameof(threshold));
        }
    }

    private ResponseTrigger(Func<ResponseContext, bool> predicate, int recentEvents)
    {
        Kind = ResponseTriggerKind.Predicate;
        EventNames = NoNames;
        PurchaseEvents = NoNames;
        Predicate = predicate;
        RecentEvents = recentEvents;
    }

    /// <summary>Gets the kind.</summary>
    public ResponseTriggerKind Kind { get; }

    /// <summary>Gets the event names of an Event trigger, or the add-to-cart names of a CartAbandonment trigger; empty
    /// otherwise. Compared ordinally.</summary>
    public IReadOnlyList<string> EventNames { get; }

    /// <summary>Gets the purchase names of a CartAbandonment trigger; empty otherwise.</summary>
    public IReadOnlyList<string> PurchaseEvents { get; }

    /// <summary>Gets the channel an Event trigger requires, or <see langword="null"/> for any channel.</summary>
    public Channel? Channel { get; }

    /// <summary>Gets the inactivity duration, the cart wait or the SLA lead time; <see langword="null"/> for other kinds.</summary>
    public TimeSpan? Duration { get; }

    /// <summary>Gets the event an Inactivity trigger's customers must have done, or <see langword="null"/>.</summary>
    public string? AfterEvent { get; }

    /// <summary>Gets the stage a StageEntry trigger watches; <see cref="JourneyStage.Unspecified"/> otherwise.</summary>
    public JourneyStage Stage { get; }

    /// <summary>Gets the rules that classify events for a StageEntry trigger; <see langword="null"/> otherwise.</summary>
    public StageRules? StageRules { get; }

    /// <summary>Gets the funnel step a FunnelDropOut trigger watches, or <see langword="null"/> for any step.</summary>
    public int? FunnelStep { get; }

    /// <summary>Gets the highest CSAT score a LowCsat trigger counts as low; <see langword="null"/> otherwise.</summary>
    public int? Threshold { get; }

    /// <summary>Gets the predicate of a Predicate trigger; <see langword="null"/> otherwise. Not serialised.</summary>
    [JsonIgnore]
    public Func<ResponseContext, bool>? Predicate { get; }

    /// <summary>Gets how many of the customer's latest events a Predicate trigger sees; 0 otherwise.</summary>
    [JsonIgnore]
    public int RecentEvents { get; }

    /// <summary>Returns whether two triggers are equal.</summary>
    /// <param name="left">The first trigger.</param>
    /// <param name="right">The second trigger.</param>
    /// <returns><see langword="true"/> when the kind and every field are equal.</returns>
    public static bool operator ==(ResponseTrigger? left, ResponseTrigger? right) => Equals(left, right);

    /// <summary>Returns whether two triggers differ.</summary>
    /// <param name="left">The first trigger.</param>
    /// <param name="right">The second trigger.</param>
    /// <returns><see langword="true"/> when the kind or a field differs.</returns>
    public static bool operator !=(ResponseTrigger? left, ResponseTrigger? right) => !Equals(left, right);

    /// <summary>Fires on every event with one of the given names (ordinal), at the event's time.</summary>
    /// <param name="eventNames">The names; at least one, distinct, none blank.</param>
    /// <returns>The trigger.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="eventNames"/> or a name is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">No name, or a blank or repeated name.</exception>
    public static ResponseTrigger OnEvent(params string[] eventNames) => OnEvent(eventNames, null);

    /// <summary>Fires on every event with one of the given names (ordinal) on a channel, at the event's time.</summary>
    /// <param name="eventNames">The names; at least one, distinct, none blank.</param>
    /// <param name="channel">The channel the event must happen on, matched by name ignoring case (as the response
    /// breakdowns group channels), or <see langword="null"/> for any.</param>
    /// <returns>The trigger.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="eventNames"/> or a name is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">No name, or a blank or repeated name.</exception>
    public static ResponseTrigger OnEvent(IReadOnlyList<string> eventNames, Channel? channel) =>
        new(ResponseTriggerKind.Event, eventNames, NoNames, channel, null, null, default, null, null, null);

    /// <summary>
    /// Fires when a customer has had no event for <paramref name="duration"/>: last event at t and none in
    /// (t, t + duration] fires at t + duration, once the clock passes that point. Fires once per quiet spell; the
    /// customer's next event starts watching again.
    /// </summary>
    /// <param name="duration">How long without events; positive.</param>
    /// <param name="afterEvent">Only customers who have done this event at least once are watched (for example
    /// <c>purchase</c> for a win-back); <see langword="null"/> watches every customer from its first event.</param>
    /// <returns>The trigger.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duration"/> is not positive.</exception>
    /// <exception cref="ArgumentException"><paramref name="afterEvent"/> is blank.</exception>
    public static ResponseTrigger Inactivity(TimeSpan duration, string? afterEvent = null) =>
        new(ResponseTriggerKind.Inactivity, NoNames, NoNames, null, duration, afterEvent, default, null, null, null);

    /// <summary>Fires on an event that moves the customer into <paramref name="stage"/>: the rules classify it so and
    /// the customer's previous classified event was in another stage (or there was none).</summary>
    /// <param name="stage">The stage entered.</param>
    /// <param name="stageRules">The rules that classify events; <see langword="null"/> for
    /// <see cref="Journeys.StageRules.Default"/>.</param>
    /// <returns>The trigger.</returns>
    /// <exception cref="ArgumentException"><paramref name="stage"/> is not in the rules' model.</exception>
    public static ResponseTrigger StageEntry(JourneyStage stage, StageRules? stageRules = null) =>
        new(ResponseTriggerKind.StageEntry, NoNames, NoNames, null, null, null, stage, stageRules ?? Journeys.StageRules.Default, null, null);

    /// <summary>Fires for each customer a funnel result lists as dropped at a step, when the planner is given that
    /// result (<see cref="ResponsePlanner.ObserveDropOuts"/>), at the instant given with it.</summary>
    /// <param name="step">The step (1 or more) dropped at, or <see langword="null"/> for any step.</param>
    /// <returns>The trigger.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is less than 1.</exception>
    public static ResponseTrigger FunnelDropOut(int? step = null) =>
        new(ResponseTriggerKind.FunnelDropOut, NoNames, NoNames, null, null, null, default, null, step, null);

    /// <summary>
    /// Fires when a cart is abandoned: the customer's latest add-to-cart event at t is followed by no purchase and no
    /// further add-to-cart in (t, t + wait]; fires at t + wait, once the clock passes it. A purchase at exactly t + wait
    /// still rescues the cart (as in <see cref="CartAbandonmentDefinition"/>); a purchase closes the cart, and each
    /// add-to-cart restarts the wait, so a cart gets one reminder.
    /// </summary>
    /// <param name="wait">How long to wait for a purchase; <see langword="null"/> for <see cref="DefaultCartWait"/>.</param>
    /// <param name="addToCartEvents">The add-to-cart names; <see langword="null"/> for <c>add_to_cart</c>.</param>
    /// <param name="purchaseEvents">The purchase names; <see langword="null"/> for <c>purchase</c>.</param>
    /// <returns>The trigger.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="wait"/> is not positive.</exception>
    /// <exception cref="ArgumentException">A name list is empty or has a blank or repeated name, or a name is in both.</exception>
    public static ResponseTrigger CartAbandonment(TimeSpan? wait = null, IReadOnlyList<string>? addToCartEvents = null, IReadOnlyList<string>? purchaseEvents = null) =>
        new(ResponseTriggerKind.CartAbandonment, addToCartEvents ?? ["add_to_cart"], purchaseEvents ?? ["purchase"], null, wait ?? DefaultCartWait, null, default, null, null, null);

    /// <summary>Fires on an NPS answer of 0 to 6 (a detractor, as <see cref="Statistics.MetricDefinition.Nps"/>
    /// defines it), at the answer's time.</summary>
    /// <returns>The trigger.</returns>
    public static ResponseTrigger NpsDetractor() =>
        new(ResponseTriggerKind.NpsDetractor, NoNames, NoNames, null, null, null, default, null, null, null);

    /// <summary>Fires on a CSAT answer at or below <paramref name="threshold"/>, at the answer's time.</summary>
    /// <param name="threshold">The highest score that counts as low, for example 2 on the 1–5 scale.</param>
    /// <returns>The trigger.</returns>
    public static ResponseTrigger LowCsat(int threshold) =>
        new(ResponseTriggerKind.LowCsat, NoNames, NoNames, null, null, null, default, null, null, threshold);

    /// <summary>Fires when an observed inquiry has an open SLA target due within <paramref name="leadTime"/> of the
    /// observation (or already past due), once per inquiry, target and due time, at the observation's time.</summary>
    /// <param name="leadTime">How long before the due time to escalate; zero or more.</param>
    /// <returns>The trigger.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="leadTime"/> is negative.</exception>
    public static ResponseTrigger SlaAboutToBreach(TimeSpan leadTime) =>
        new(ResponseTriggerKind.SlaAboutToBreach, NoNames, NoNames, null, leadTime, null, default, null, null, null);

    /// <summary>Fires on every event for which a host predicate returns <see langword="true"/>; the predicate sees the
    /// event and the customer's latest events. Cannot be serialised.</summary>
    /// <param name="predicate">The predicate; it must not throw, and should be fast, as it runs on every event.</param>
    /// <param name="recentEvents">How many of the customer's latest events (the current one included) to keep for it:
    /// 1 to <see cref="MaxRecentEvents"/>. The planner keeps a per-customer window only when a policy has such a trigger.</param>
    /// <returns>The trigger.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="predicate"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="recentEvents"/> is out of range.</exception>
    public static ResponseTrigger When(Func<ResponseContext, bool> predicate, int recentEvents = DefaultRecentEvents)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        ArgumentOutOfRangeException.ThrowIfLessThan(recentEvents, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(recentEvents, MaxRecentEvents);
        return new ResponseTrigger(predicate, recentEvents);
    }

    /// <inheritdoc />
    public bool Equals(ResponseTrigger? other) =>
        other is not null
        && Kind == other.Kind
        && EventNameSet.SetEquals(EventNames, other.EventNames)
        && EventNameSet.SetEquals(PurchaseEvents, other.PurchaseEvents)
        && Nullable.Equals(Channel, other.Channel)
        && Duration == other.Duration
        && string.Equals(AfterEvent, other.AfterEvent, StringComparison.Ordinal)
        && Stage == other.Stage
        && Equals(StageRules, other.StageRules)
        && FunnelStep == other.FunnelStep
        && Threshold == other.Threshold
        && ReferenceEquals(Predicate, other.Predicate)
        && RecentEvents == other.RecentEvents;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ResponseTrigger);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, EventNames.Count, Channel, Duration, Stage, FunnelStep, Threshold);

    /// <summary>Returns the trigger as a short phrase, for example <c>CartAbandonment after 01:00:00 of [add_to_cart]</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() => Kind switch
    {
        ResponseTriggerKind.Event => $"Event [{string.Join(", ", EventNames)}]{(Channel is { } c ? " on " + c.Name : string.Empty)}",
        ResponseTriggerKind.Inactivity => string.Create(CultureInfo.InvariantCulture, $"Inactivity for {Duration:c}{(AfterEvent is null ? string.Empty : " after " + AfterEvent)}"),
        ResponseTriggerKind.StageEntry => $"StageEntry {Stage}",
        ResponseTriggerKind.FunnelDropOut => FunnelStep is { } step ? string.Create(CultureInfo.InvariantCulture, $"FunnelDropOut at step {step}") : "FunnelDropOut at any step",
        ResponseTriggerKind.CartAbandonment => string.Create(CultureInfo.InvariantCulture, $"CartAbandonment after {Duration:c} of [{string.Join(", ", EventNames)}]"),
        ResponseTriggerKind.LowCsat => string.Create(CultureInfo.InvariantCulture, $"LowCsat at or below {Threshold}"),
        ResponseTriggerKind.SlaAboutToBreach => string.Create(CultureInfo.InvariantCulture, $"SlaAboutToBreach within {Duration:c}"),
        ResponseTriggerKind.Predicate => string.Create(CultureInfo.InvariantCulture, $"Predicate over {RecentEvents} recent events"),
        _ => Kind.ToString(),
    };

    private static void Unused(bool ok, string paramName)
    {
        if (!ok)
        {
            throw new ArgumentException("This trigger kind takes no value for this field; leave it empty.", paramName);
        }
    }
}
