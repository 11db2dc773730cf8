namespace Engagement.Sdk.Journeys;

/// <summary>
/// A <see cref="SessionDefinition"/> bound to one <see cref="EventLog"/>: the view and key events as a lookup by
/// event-name id, the durations as ticks, and the session-id column when sessions come from a property. Made once per
/// scan, so that finding sessions reads arrays only.
/// </summary>
internal sealed class SessionRules
{
    internal const byte View = 1;
    internal const byte Key = 2;

    /// <summary>The member id of a session by timeout: every row between its first and last is its own.</summary>
    internal const int AllRows = -2;

    /// <summary>The member id of a session of events without a session id (the property's "no value").</summary>
    internal const int WithoutId = -1;

    private SessionRules(SessionDefinition definition, EventLog log, byte[] kinds, EventLogProperty? sessionIds)
    {
        Definition = definition;
        Log = log;
        Kinds = kinds;
        SessionIds = sessionIds;
        TimeoutTicks = definition.Timeout.Ticks;
        EngagedAfterTicks = definition.EngagedAfter.Ticks;
        MinimumViews = definition.MinimumViews;
    }

    public SessionDefinition Definition { get; }

    public EventLog Log { get; }

    /// <summary>Per event-name id: <see cref="View"/>, <see cref="Key"/>, both or neither.</summary>
    public byte[] Kinds { get; }

    /// <summary>The session-id property, or <see langword="null"/> for sessions by timeout.</summary>
    public EventLogProperty? SessionIds { get; }

    public long TimeoutTicks { get; }

    public long EngagedAfterTicks { get; }

    public int MinimumViews { get; }

    /// <summary>Binds a definition to a log.</summary>
    /// <exception cref="ArgumentException">The definition names a session-id property the log does not keep; the
    /// exception names <c>log</c>.</exception>
    public static SessionRules For(SessionDefinition definition, EventLog log)
    {
        EventLogProperty? sessionIds = null;
        if (definition.SessionIdProperty is { } key && !log.TryGetProperty(key, out sessionIds))
        {
            throw new ArgumentException(
                $"Sessions come from the property '{Validation.Echo(key)}', which the log does not keep; it keeps {(log.PropertyKeys.Count == 0 ? "none" : Validation.Echo(string.Join(", ", log.PropertyKeys)))}. Name it when building the log.",
                nameof(log));
        }

        var kinds = new byte[log.EventNames.Count];
        EventNameSet.Mark(kinds, log, definition.ViewEvents, View);
        EventNameSet.Mark(kinds, log, definition.KeyEvents, Key);
        return new SessionRules(definition, log, kinds, sessionIds);
    }

    /// <summary>Finds the session by timeout that starts at <paramref name="start"/>, within the rows of one customer.</summary>
    /// <param name="customer">The customer.</param>
    /// <param name="start">The session's first row.</param>
    /// <param name="customerEnd">The row after the customer's last (the log's customer column is not read, so that a
    /// log that makes it on demand need not make it).</param>
    /// <returns>The session.</returns>
    public Session NextByTimeout(int customer, int start, int customerEnd)
    {
        var log = Log;
        var ticks = log.Timestamps;
        var names = log.EventNameIds;
        var kinds = Kinds;
        var kind = kinds[names[start]];
        var views = kind & View;
        var key = kind & Key;
        var timeout = TimeoutTicks;
        var row = start + 1;
        while (row < customerEnd && ticks[row] - ticks[row - 1] <= timeout)
        {
            kind = kinds[names[row]];
            views += kind & View;
            key |= kind & Key;
            row++;
        }

        var duration = ticks[row - 1] - ticks[start];
        return new Session(this, customer, AllRows, start, row - 1, row - start, ticks[start], duration, views, IsEngaged(duration, key, views));
    }

    public bool IsEngaged(long durationTicks, int key, int views) => durationTicks > EngagedAfterTicks || key != 0 || views >= MinimumViews;
}
