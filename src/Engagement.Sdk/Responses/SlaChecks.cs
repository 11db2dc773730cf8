using System.Globalization;

namespace Engagement.Sdk.Responses;

/// <summary>The checks a saved SLA state and a read-back SLA result share: groups and queue in their order, and a queue
/// the groups' open counts can hold.</summary>
internal static class SlaChecks
{
    private const int Metrics = 4;

    /// <summary>Checks the groups (in order, each key once, no metric over the matched inquiries) and returns them copied.</summary>
    public static SlaGroup[] Groups(IReadOnlyList<SlaGroup> groups, long inquiries, long unmatched, string paramName)
    {
        ArgumentNullException.ThrowIfNull(groups, paramName);
        ArgumentOutOfRangeException.ThrowIfNegative(inquiries);
        if (unmatched < 0 || unmatched > inquiries)
        {
            throw new ArgumentOutOfRangeException(
                nameof(unmatched), unmatched, string.Create(CultureInfo.InvariantCulture, $"Unmatched inquiries must be from 0 to the {inquiries} inquiries; got {unmatched}."));
        }

        var copy = groups.ToArray();
        Span<long> perMetric = stackalloc long[Metrics];
        long evaluations = 0, breachTicks = 0;
        for (var i = 0; i < copy.Length; i++)
        {
            var group = copy[i] ?? throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The group at index {i} is null."), paramName);
            if (i > 0 && SlaGroup.CompareKeys(copy[i - 1], group) >= 0)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Groups are kept once each, ordered by channel, priority and metric; the group at index {i} ({group}) comes at or before the one before it."),
                    paramName);
            }

            if (!TryAdd(ref evaluations, group.Counts.Evaluations) || !TryAdd(ref breachTicks, group.Counts.TotalBreach.Ticks))
            {
                throw new ArgumentException("The groups' evaluations or breaches add up to more than a 64-bit count holds.", paramName);
            }

            // At most the total, which fits.
            perMetric[(int)group.Metric] += group.Counts.Evaluations;
        }

        var matched = inquiries - unmatched;
        for (var m = 0; m < Metrics; m++)
        {
            if (perMetric[m] > matched)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Each matched inquiry has at most one {(SlaMetric)m} evaluation; got {perMetric[m]} for {matched} matched inquiries."),
                    paramName);
            }
        }

        return copy;
    }

    /// <summary>Checks the queue (in order; per group no more breached entries than open-breached evaluations, nor more
    /// within-target entries than open-within-target ones) and returns it copied.</summary>
    public static SlaQueueEntry[] Queue(IReadOnlyList<SlaQueueEntry> queue, SlaGroup[] groups, string paramName)
    {
        ArgumentNullException.ThrowIfNull(queue, paramName);
        var copy = queue.ToArray();
        var left = new Dictionary<(Touchpoints.Channel Channel, InquiryPriority Priority, SlaMetric Metric), (long Breached, long Within)>();
        foreach (var group in groups)
        {
            left[(group.Channel, group.Priority, group.Metric)] = (group.Counts.OpenBreached, group.Counts.OpenWithinTarget);
        }

        for (var i = 0; i < copy.Length; i++)
        {
            var entry = copy[i] ?? throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The queue entry at index {i} is null."), paramName);
            if (i > 0 && copy[i - 1].ToItem().CompareTo(entry.ToItem()) > 0)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"The open queue is ordered by time left, then inquiry id; the entry at index {i} ({entry}) comes before the one before it."),
                    paramName);
            }

            var key = (entry.Channel, entry.Priority, entry.Metric);
            left.TryGetValue(key, out var open);
            open = entry.IsBreached ? (open.Breached - 1, open.Within) : (open.Breached, open.Within - 1);
            if (open.Breached < 0 || open.Within < 0)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"The queue entry at index {i} ({entry}) has no open {(entry.IsBreached ? "breached" : "within-target")} evaluation of its channel, priority and metric left to stand for."),
                    paramName);
            }

            left[key] = open;
        }

        return copy;
    }

    private static bool TryAdd(ref long total, long value)
    {
        if (value > long.MaxValue - total)
        {
            return false;
        }

        total += value;
        return true;
    }

    /// <summary>All open evaluations of the groups.</summary>
    public static long Open(SlaGroup[] groups)
    {
        var open = 0L;
        foreach (var group in groups)
        {
            open = checked(open + group.Counts.Open);
        }

        return open;
    }
}
