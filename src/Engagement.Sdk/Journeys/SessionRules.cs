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

    /// <summary>Finds the session that starts at <paramref name="start"/> and ends before <paramref name="end"/>.</summary>
    /// <param name="start">The session's first row.</param>
    /// <param name="end">A row the scan must not reach (the end of the scanned range).</param>
    /// <returns>The session.</returns>
    public Session Next(int start, int end)
    {
        var log = Log;
        var customers = log.CustomerIndexes;
        var ticks = log.Timestamps;
        var names = log.EventNameIds;
        var kinds = Kinds;
        var customer = customers[start];
        var kind = kinds[names[start]];
        var views = kind & View;
        var key = kind & Key;
        var row = start + 1;
        if (SessionIds is { } property)
        {
            var ids = property.ValueIds;
            var id = ids[start];
            while (row < end && customers[row] == customer && ids[row] == id)
            {
                kind = kinds[names[row]];
                views += kind & View;
                key |= kind & Key;
                row++;
            }
        }
        else
        {
            var timeout = TimeoutTicks;
            while (row < end && customers[row] == customer && ticks[row] - ticks[row - 1] <= timeout)
            {
                kind = kinds[names[row]];
                views += kind & View;
                key |= kind & Key;
                row++;
            }
        }

        var duration = ticks[row - 1] - ticks[start];
        var engaged = duration > EngagedAfterTicks || key != 0 || views >= MinimumViews;
        return new Session(log, customer, start, row, ticks[start], duration, views, engaged);
    }
}
