namespace Engagement.Sdk.Tests.Journeys.Reference;

/// <summary>Naive GA4 sessions, written plainly from the definitions of issue 6.</summary>
internal static class NaiveSessions
{
    /// <summary>
    /// Every customer's sessions, sorted by customer (ordinal) then start. Sessions of one customer with equal starts
    /// keep the order in which their first events come (id sessions before the timeout-split ones without an id).
    /// </summary>
    /// <remarks>
    /// Without <paramref name="sessionIdProperty"/>: "a new session starts when the gap to the customer's previous event
    /// is strictly greater than the timeout (an equal gap keeps the session); no split at midnight".
    /// With it: a customer's events that carry the property form one session per value. The customer's events without
    /// the property form sessions among themselves by the timeout rule, as if they were the customer's only events.
    /// </remarks>
    public static List<RefSession> Compute(
        IReadOnlyList<RefEvent> events,
        TimeSpan timeout,
        TimeSpan engagedAfter,
        IReadOnlySet<string> viewEvents,
        IReadOnlySet<string> keyEvents,
        int minViews,
        string? sessionIdProperty)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(engagedAfter, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(viewEvents);
        ArgumentNullException.ThrowIfNull(keyEvents);
        ArgumentOutOfRangeException.ThrowIfNegative(minViews);

        var sessions = new List<RefSession>();
        foreach (var (customer, journey) in RefJourneys.ByCustomer(events))
        {
            var groups = new List<List<RefEvent>>();
            if (sessionIdProperty is null)
            {
                groups.AddRange(SplitByTimeout(journey, timeout));
            }
            else
            {
                // One session per session id, in the order the ids first occur; the events without one are split by
                // the timeout rule.
                var byId = new Dictionary<string, List<RefEvent>>(StringComparer.Ordinal);
                var withoutId = new List<RefEvent>();
                foreach (var e in journey)
                {
                    if (e.Properties is not null && e.Properties.TryGetValue(sessionIdProperty, out var id))
                    {
                        if (!byId.TryGetValue(id, out var group))
                        {
                            group = [];
                            byId.Add(id, group);
                            groups.Add(group);
                        }

                        group.Add(e);
                    }
                    else
                    {
                        withoutId.Add(e);
                    }
                }

                groups.AddRange(SplitByTimeout(withoutId, timeout));
            }

            var customerSessions = new List<RefSession>();
            foreach (var group in groups)
            {
                // Each group keeps the journey's time order, so its first event starts it and its last ends it.
                var start = group[0].Time;
                var end = group[^1].Time;
                var views = group.Count(e => viewEvents.Contains(e.Name));
                var hasKeyEvent = group.Any(e => keyEvents.Contains(e.Name));

                // "Engaged = duration strictly greater than 10 s, or a key (conversion) event occurs, or ≥ 2 view events"
                var engaged = end - start > engagedAfter || hasKeyEvent || views >= minViews;
                customerSessions.Add(new RefSession(customer, start, end, group.Count, views, engaged));
            }

            // Enumerable.OrderBy is stable: sessions with equal starts keep the order above.
            sessions.AddRange(customerSessions.OrderBy(s => s.Start.UtcTicks));
        }

        return sessions;
    }

    /// <summary>Events in time order, cut wherever the gap to the previous event is strictly greater than the timeout.</summary>
    private static List<List<RefEvent>> SplitByTimeout(List<RefEvent> journey, TimeSpan timeout)
    {
        var sessions = new List<List<RefEvent>>();
        for (var i = 0; i < journey.Count; i++)
        {
            if (i == 0 || journey[i].Time - journey[i - 1].Time > timeout)
            {
                sessions.Add([]); // the first event, or a gap strictly greater than the timeout: a new session
            }

            sessions[^1].Add(journey[i]);
        }

        return sessions;
    }
}
