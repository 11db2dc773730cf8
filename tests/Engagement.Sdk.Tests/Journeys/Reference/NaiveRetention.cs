namespace Engagement.Sdk.Tests.Journeys.Reference;

/// <summary>Naive cohort retention, written plainly from the definitions of issue 6 and the shared decisions on periods.</summary>
internal static class NaiveRetention
{
    /// <summary>
    /// Cohort period start (local) → value[0] = cohort size, value[k] = members counted at k, for k from 0 while
    /// cohort + k is an analysed period. Cohorts with no member are absent.
    /// </summary>
    public static Dictionary<DateTime, long[]> Compute(
        IReadOnlyList<RefEvent> events,
        string startEvent,
        string returnEvent,
        RefPeriod period,
        TimeZoneInfo zone,
        DayOfWeek weekStart,
        DateTimeOffset from,
        DateTimeOffset to,
        bool firstTime,
        bool unbounded)
    {
        var periods = NaivePeriods.Periods(from, to, period, zone, weekStart);
        var result = new Dictionary<DateTime, long[]>();
        foreach (var journey in RefJourneys.ByCustomer(events).Values)
        {
            // The analysed periods (by index) in which the customer did the start event, and the return event.
            // "Events at or after to are ignored. Events before from are ignored" (first-time cohorts aside, below).
            var startPeriods = new SortedSet<int>();
            var returnPeriods = new SortedSet<int>();
            foreach (var e in journey)
            {
                if (!NaivePeriods.InRange(e, from, to))
                {
                    continue;
                }

                var index = periods.IndexOf(NaivePeriods.PeriodStart(e.Time, period, zone, weekStart));
                if (e.Name == startEvent)
                {
                    startPeriods.Add(index);
                }

                if (e.Name == returnEvent)
                {
                    returnPeriods.Add(index);
                }
            }

            var cohorts = new List<int>();
            if (firstTime)
            {
                // "the customer's first-ever start event (even if it lies before the analysed range — such a customer is
                // in no cohort of the range)": look at every start event, in range or not.
                var first = journey.FirstOrDefault(e => e.Name == startEvent);
                if (first is not null && NaivePeriods.InRange(first, from, to))
                {
                    cohorts.Add(periods.IndexOf(NaivePeriods.PeriodStart(first.Time, period, zone, weekStart)));
                }
            }
            else
            {
                // Recurring: "the customer joins every period in which it did the start event".
                cohorts.AddRange(startPeriods);
            }

            foreach (var cohort in cohorts)
            {
                if (!result.TryGetValue(periods[cohort], out var values))
                {
                    values = new long[periods.Count - cohort]; // k = 0 .. while cohort + k is an analysed period
                    result.Add(periods[cohort], values);
                }

                values[0]++; // "Period 0 = cohort size"
                for (var k = 1; cohort + k < periods.Count; k++)
                {
                    // "value k = cohort members who did the return event in period cohort + k"; unbounded: "if it
                    // returned in any period ≥ cohort + k within the range". k ≥ 1, so a return in the cohort period
                    // itself never counts.
                    var counted = unbounded
                        ? returnPeriods.Any(p => p >= cohort + k)
                        : returnPeriods.Contains(cohort + k);
                    if (counted)
                    {
                        values[k]++;
                    }
                }
            }
        }

        return result;
    }
}
