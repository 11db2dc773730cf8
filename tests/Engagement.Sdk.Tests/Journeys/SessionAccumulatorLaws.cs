using System.Text.Json;
using System.Text.Json.Nodes;
using Engagement.Sdk.IO;
using Engagement.Sdk.Journeys;
using Engagement.Sdk.Statistics;
using Engagement.Sdk.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace Engagement.Sdk.Tests.Journeys;

/// <summary>One customer's events as (seconds after <see cref="SessionTestLogs.T0"/>, name); the customer id is given
/// fresh when the events are added.</summary>
public sealed record CustomerJourney((int Seconds, string Name)[] Events)
{
    /// <summary>Fresh customer ids, so that every observation is a customer of its own.</summary>
    private static long _next;

    /// <summary>Draws 1 to 8 events within 3 hours, on a coarse grid so that gaps of exactly 30 minutes and ties occur.</summary>
    public static Gen<CustomerJourney> Generator { get; } = Of("page_view", "screen_view", "home", "purchase", "cart");

    /// <summary>Draws 1 to 8 events with the given names within 3 hours, on a 5-minute grid with a few seconds of jitter.</summary>
    public static Gen<CustomerJourney> Of(params string[] names) =>
        from count in Gen.Choose(1, 8)
        from events in (
            from slot in Gen.Choose(0, 36)
            from jitter in Gen.Elements(0, 0, 0, 1, 7)
            from name in Gen.Elements(names)
            select (slot * 300 + jitter, name)).ArrayOf(count)
        select new CustomerJourney(events);

    /// <summary>Builds a one-customer log under a fresh customer id.</summary>
    public EventLog ToLog() => ToLog($"customer-{Interlocked.Increment(ref _next):D8}");

    /// <summary>
    /// Builds a one-customer log under an id made of the events themselves: for accumulators whose state lists customer
    /// ids, accumulating the same observations twice must give the same ids. Equal journeys then share an id, which every
    /// law treats alike on both of its sides.
    /// </summary>
    public EventLog ToLogNamedByContent() => ToLog($"customer {this}");

    private EventLog ToLog(string customer) =>
        SessionTestLogs.Build(Events.Select(e => new JourneyEvent(customer, SessionTestLogs.T0.AddSeconds(e.Seconds), e.Name)));

    /// <inheritdoc />
    public override string ToString() => string.Join(" ", Events.Select(e => $"{e.Seconds}:{e.Name}"));
}

public class SessionAccumulatorLaws : DefinedAccumulatorLawTests<SessionAccumulator, SessionResult, SessionState, CustomerJourney>
{
    private static readonly SessionDefinition Definition = new() { KeyEvents = ["purchase"] };

    protected override Gen<CustomerJourney> Observation => CustomerJourney.Generator;

    protected override IEnumerable<(string Json, string Field)> ImpossibleStates
    {
        get
        {
            // A valid state to break one member at a time: 3 sessions, 2 engaged, 9 events, 4 views; durations 0 (one
            // session) and 20 s (two). Sessions longer than 10 s are engaged, so 2 ≤ engaged; a 20 s session by a
            // 30-minute timeout holds at least ⌈20 s / 30 min⌉ + 1 = 2 events, so events ≥ 1 + 2 + 2 = 5.
            var state = new SessionState(
                1, MetricDefinition.Sessions, Definition, 3, 2, 9, 4, new Dictionary<long, long> { [0] = 1, [TimeSpan.FromSeconds(20).Ticks] = 2 });
            var json = JsonSerializer.Serialize(state, EngagementJson.GetTypeInfo<SessionState>());
            string With(string member, JsonNode? value)
            {
                var node = JsonNode.Parse(json)!.AsObject();
                node[member] = value;
                return node.ToJsonString();
            }

            string WithDefinition(string member, JsonNode? value)
            {
                var node = JsonNode.Parse(json)!.AsObject();
                node["sessionDefinition"]![member] = value;
                return node.ToJsonString();
            }

            return
            [
                (With("sessions", -1), "sessions"),
                (With("engagedSessions", -1), "engagedSessions"),
                (With("events", -1), "events"),
                (With("views", -1), "views"),
                (With("engagedSessions", 4), "engagedSessions"),        // more engaged than sessions
                (With("engagedSessions", 1), "engagedSessions"),        // two sessions of 20 s > 10 s are engaged
                (With("events", 4), "events"),                          // fewer than the 5 these durations need
                (With("views", 10), "views"),                           // more views than events
                (With("durations", new JsonObject { ["0"] = 2 }), "durations"),       // counts add up to 2, not 3
                (With("durations", new JsonObject { ["0"] = 3, ["5"] = 0 }), "durations"), // a zero count
                (With("durations", new JsonObject { ["-1"] = 3 }), "durations"),      // a negative duration
                (With("durations", new JsonObject { ["0"] = 1, [long.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture)] = 2 }), "durations"), // longer than any two times are apart
                (With("durations", new JsonObject { ["0"] = 1, [TimeSpan.FromHours(2).Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture)] = 2 }), "events"), // 2 h needs 5 events each
                (WithDefinition("timeout", "00:00:00"), "timeout"),
                (WithDefinition("engagedAfter", "-00:00:01"), "engagedAfter"),
                (WithDefinition("minimumViews", 0), "minimumViews"),
                (WithDefinition("viewEvents", new JsonArray("page_view", "page_view")), "viewEvents"),
                (WithDefinition("keyEvents", new JsonArray(" ")), "keyEvents"),
                (WithDefinition("sessionIdProperty", ""), "sessionIdProperty"),
            ];
        }
    }

    protected override SessionAccumulator CreateEmpty() => new(Definition);

    protected override SessionAccumulator CreateOfAnotherDefinition() => new(new SessionDefinition { Timeout = TimeSpan.FromMinutes(10) });

    protected override void Add(SessionAccumulator accumulator, CustomerJourney observation) => accumulator.Add(observation.ToLog());

    protected override bool HasValue(SessionResult result) => result.HasValue;
}
