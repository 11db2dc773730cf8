using Engagement.Sdk.Journeys;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.Tests.Journeys;

/// <summary>One event of a hand-written or generated journey: customer, time, name and an optional session id.</summary>
internal readonly record struct JourneyEvent(string Customer, DateTimeOffset Time, string Name, string? SessionId = null);

/// <summary>Builds small logs for the session and pain-point tests, keeping a <c>session_id</c> property.</summary>
internal static class SessionTestLogs
{
    public const string SessionIdKey = "session_id";

    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static EventLog Build(params JourneyEvent[] events) => Build((IEnumerable<JourneyEvent>)events);

    public static EventLog Build(IEnumerable<JourneyEvent> events)
    {
        var builder = new EventLogBuilder([SessionIdKey]);
        foreach (var e in events)
        {
            builder.Add(null, e.Customer, e.Time, e.Name, Channels.Website, null, [e.SessionId]);
        }

        return builder.Build();
    }

    /// <summary>Every session of a log, collected.</summary>
    public static List<Session> Sessions(EventLog log, SessionDefinition definition)
    {
        var sessions = new List<Session>();
        foreach (var session in definition.EnumerateSessions(log))
        {
            sessions.Add(session);
        }

        return sessions;
    }
}
