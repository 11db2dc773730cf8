namespace Engagement.Sdk.Tests.Journeys.Reference;

/// <summary>Naive lifecycle (PostHog's definitions), written plainly from issue 6 and the shared decisions on periods.</summary>
/// <remarks>
/// Activity is read from the events in [from, to), plus, for the first analysed period's "previous", the events of the
/// whole calendar period just before it. Activity in the first analysed period but before <c>from</c> (when that
/// period is partial) is ignored, as every event before <c>from</c> is unless a definition says otherwise.
/// </remarks>
internal static class NaiveLifecycle
{
    /// <summary>Every analysed period (local start) → how many customers were new, returning, resurrecting and dormant in it.</summary>
    public static Dictionary<DateTime, (long New, long Returning, long Resurrecting, long Dormant)> Compute(
        IReadOnlyList<RefEvent> events,
        string activityEvent,
        RefPeriod period,
        TimeZoneInfo zone,
        DayOfWeek weekStart,
        DateTimeOffset from,
        DateTimeOffset to)
    {
        var counts = new Dictionary<DateTime, (long New, long Returning, long Resurrecting, long Dormant)>();
        foreach (var start in NaivePeriods.Periods(from, to, period, zone, weekStart))
        {
            counts.Add(start, (0, 0, 0, 0));
        }

        foreach (var ((_, start), status) in Statuses(events, activityEvent, period, zone, weekStart, from, to))
        {
            var (newCount, returning, resurrecting, dormant) = counts[start];
            counts[start] = status switch
            {
                "new" => (newCount + 1, returning, resurrecting, dormant),
                "returning" => (newCount, returning + 1, resurrecting, dormant),
                "resurrecting" => (newCount, returning, resurrecting + 1, dormant),
                _ => (newCount, returning, resurrecting, dormant + 1),
            };
        }

        return counts;
    }

    /// <summary>
    /// Each customer's status in each analysed period: "new", "returning", "resurrecting" or "dormant"; a customer with
    /// none of these in a period is absent for it.
    /// </summary>
    public static Dictionary<(string Customer, DateTime Period), string> Statuses(
        IReadOnlyList<RefEvent> events,
        string activityEvent,
        RefPeriod period,
        TimeZoneInfo zone,
        DayOfWeek weekStart,
        DateTimeOffset from,
        DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(activityEvent);
        var periods = NaivePeriods.Periods(from, to, period, zone, weekStart);
        var beforeFirst = NaivePeriods.Next(periods[0], period, -1);
        var statuses = new Dictionary<(string Customer, DateTime Period), string>();
        foreach (var (customer, journey) in RefJourneys.ByCustomer(events))
        {
            // "a customer is created at its first event of any kind" (first-ever: before the range too).
            var created = NaivePeriods.PeriodStart(journey[0].Time, period, zone, weekStart);

            // "Active = did the activity event in the period": the periods (local starts) of its activity in range,
            // and, "activity before the range counts as previous", in the period just before the first analysed one.
            var active = new HashSet<DateTime>();
            foreach (var e in journey)
            {
                if (e.Name != activityEvent)
                {
                    continue;
                }

                var start = NaivePeriods.PeriodStart(e.Time, period, zone, weekStart);
                if (NaivePeriods.InRange(e, from, to) || (e.Time < from && start == beforeFirst))
                {
                    active.Add(start);
                }
            }

            foreach (var now in periods)
            {
                var isActive = active.Contains(now);
                var wasActive = active.Contains(NaivePeriods.Next(now, period, -1));
                string? status = null;
                if (isActive && created == now)
                {
                    status = "new"; // "active and created in this period"
                }
                else if (isActive && wasActive)
                {
                    status = "returning"; // "active now and in the previous period"
                }
                else if (isActive)
                {
                    status = "resurrecting"; // "active now, not in the previous period, not new"
                }
                else if (wasActive)
                {
                    status = "dormant"; // "active in the previous period, not now"
                }

                if (status is not null)
                {
                    statuses.Add((customer, now), status);
                }
            }
        }

        return statuses;
    }
}
