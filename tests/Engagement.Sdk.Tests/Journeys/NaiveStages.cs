using Engagement.Sdk.Journeys;

namespace Engagement.Sdk.Tests.Journeys;

/// <summary>
/// Stages written plainly from the definition in docs/journeys.md, over rows rather than a log: each event's stage is the
/// first matching rule's (through the public <see cref="StageRules.Classify"/>, not the log's bit masks); a visit starts at
/// an event whose stage differs from the current one; the stage at an instant is that of the last staged event before it.
/// </summary>
internal static class NaiveStages
{
    public sealed record Visit(int Stage, long Entered, long? Exited);

    public sealed record Customer(string Id, List<Visit> Visits, int Furthest);

    public static List<Customer> Customers(IEnumerable<JourneyRow> rows, StageDefinition definition)
    {
        var end = definition.To?.UtcTicks ?? long.MaxValue;
        var model = definition.Rules.Model;
        var customers = new List<Customer>();
        foreach (var group in JourneyRows.ByCustomer(rows))
        {
            var counted = group.Where(r => r.Timestamp.UtcTicks < end).ToList();
            if (counted.Count == 0)
            {
                continue;
            }

            var staged = counted
                .Select(r => (Stage: model.IndexOf(definition.Rules.Classify(r.Name, r.Channel)), Ticks: r.Timestamp.UtcTicks))
                .Where(e => e.Stage >= 0)
                .ToList();
            var visits = new List<Visit>();
            foreach (var (stage, ticks) in staged)
            {
                if (visits.Count > 0 && visits[^1].Stage == stage)
                {
                    continue;
                }

                if (visits.Count > 0)
                {
                    visits[^1] = visits[^1] with { Exited = ticks };
                }

                visits.Add(new Visit(stage, ticks, null));
            }

            customers.Add(new Customer(group.Key, visits, staged.Count == 0 ? -1 : staged.Max(e => e.Stage)));
        }

        return customers;
    }

    /// <summary>The stage index of a customer at an instant: that of its last staged event before it, or −1.</summary>
    public static int StageAt(Customer customer, long instant) =>
        customer.Visits.LastOrDefault(v => v.Entered < instant) is { } visit && (visit.Exited is null || visit.Exited >= instant) ? visit.Stage : -1;

    /// <summary>The expected result, computed from the naive customers.</summary>
    public static StageResult Result(IEnumerable<JourneyRow> rows, StageDefinition definition)
    {
        var customers = Customers(rows, definition);
        var model = definition.Rules.Model;
        var stages = new StageStatistics[model.Count];
        for (var s = 0; s < model.Count; s++)
        {
            var durations = customers.SelectMany(c => c.Visits).Where(v => v.Stage == s && v.Exited is not null)
                .GroupBy(v => v.Exited!.Value - v.Entered).OrderBy(g => g.Key).ToList();
            stages[s] = new StageStatistics(
                model.Stages[s],
                customers.Count(c => c.Furthest == s),
                customers.Count(c => c.Visits.Count > 0 && c.Visits[^1].Stage == s),
                [.. durations.Select(g => g.Key)],
                [.. durations.Select(g => (long)g.Count())]);
        }

        var distribution = new StagePeriodCounts[definition.PeriodCount];
        for (var p = 0; p < distribution.Length; p++)
        {
            var periodEnd = p + 1 < definition.PeriodCount ? definition.GetPeriodStart(p + 1).UtcTicks : definition.To!.Value.UtcTicks;
            distribution[p] = new StagePeriodCounts(
                definition.GetPeriodStart(p),
                [.. Enumerable.Range(0, model.Count).Select(s => (long)customers.Count(c => StageAt(c, periodEnd) == s))]);
        }

        return new StageResult(definition, customers.Count, stages, distribution);
    }
}
