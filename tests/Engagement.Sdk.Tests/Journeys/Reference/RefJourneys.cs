namespace Engagement.Sdk.Tests.Journeys.Reference;

/// <summary>What every naive reference starts from: the events of each customer, in time order.</summary>
internal static class RefJourneys
{
    /// <summary>
    /// Each customer's events sorted by time, customers in ordinal order of their ids. The sort is stable: one
    /// customer's events with equal timestamps keep the order the host gave them in.
    /// </summary>
    public static SortedDictionary<string, List<RefEvent>> ByCustomer(IReadOnlyList<RefEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var journeys = new SortedDictionary<string, List<RefEvent>>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            ArgumentNullException.ThrowIfNull(e, nameof(events));
            ArgumentNullException.ThrowIfNull(e.Customer, nameof(events));
            ArgumentNullException.ThrowIfNull(e.Name, nameof(events));
            if (!journeys.TryGetValue(e.Customer, out var journey))
            {
                journey = [];
                journeys.Add(e.Customer, journey);
            }

            journey.Add(e);
        }

        foreach (var customer in journeys.Keys.ToList())
        {
            // Enumerable.OrderBy is a stable sort: ties keep input order.
            journeys[customer] = journeys[customer].OrderBy(e => e.Time.UtcTicks).ToList();
        }

        return journeys;
    }

    /// <summary>
    /// Whether <paramref name="later"/> lies within the closed window [<paramref name="start"/>, start + window].
    /// Written as a difference so that no instant near <see cref="DateTimeOffset.MaxValue"/> overflows.
    /// </summary>
    public static bool WithinClosedWindow(DateTimeOffset start, DateTimeOffset later, TimeSpan window) =>
        later.UtcTicks >= start.UtcTicks && later.UtcTicks - start.UtcTicks <= window.Ticks;
}
