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
            if (group.Metric == SlaMetric.Resolution && group.Counts.NotApplicable > 0)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"A resolution target always applies (it is measured or open), so no Resolution evaluation is not applicable; the group at index {i} ({group}) has {group.Counts.NotApplicable}."),
                    paramName);
            }

            if (i == copy.Length - 1 || !SameCell(group, copy[i + 1]))
            {
                CheckCell(copy, i, paramName);
            }
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
        // Groups are kept by channel name ignoring case: an entry stands for an evaluation of the group of its channel's name.
        var left = new Dictionary<(string Channel, InquiryPriority Priority, SlaMetric Metric), (long Breached, long Within)>(ChannelKeyComparer.Instance);
        foreach (var group in groups)
        {
            left[(group.Channel.Name, group.Priority, group.Metric)] = (group.Counts.OpenBreached, group.Counts.OpenWithinTarget);
        }

        for (var i = 0; i < copy.Length; i++)
        {
            var entry = copy[i] ?? throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The queue entry at index {i} is null."), paramName);
            if (i > 0 && copy[i - 1].ToItem().CompareTo(entry.ToItem()) > 0)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"The open queue is ordered by due time, then inquiry id and metric; the entry at index {i} ({entry}) comes before the one before it."),
                    paramName);
            }

            var key = (entry.Channel.Name, entry.Priority, entry.Metric);
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

    // The groups of one channel × priority come together, ending at index last. One rule matches them all, and the kernel
    // evaluates its NextReply, PeriodicUpdate and Resolution targets once for every inquiry it matches, its FirstReply
    // target only for those the customer started: so the first three count alike, and the first reply no more.
    private static void CheckCell(SlaGroup[] groups, int last, string paramName)
    {
        var first = last;
        while (first > 0 && SameCell(groups[first - 1], groups[last]))
        {
            first--;
        }

        long firstReplies = 0, perInquiry = -1;
        for (var i = first; i <= last; i++)
        {
            var group = groups[i];
            var evaluations = group.Counts.Evaluations;
            if (group.Metric == SlaMetric.FirstReply)
            {
                firstReplies = evaluations;
            }
            else if (perInquiry < 0)
            {
                perInquiry = evaluations;
            }
            else if (evaluations != perInquiry)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"NextReply, PeriodicUpdate and Resolution are evaluated once per matched inquiry, so within a channel and priority they count alike; the group at index {i} ({group}) has {evaluations} evaluations, the one before it {perInquiry}."),
                    paramName);
            }
        }

        if (perInquiry >= 0 && firstReplies > perInquiry)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"FirstReply is evaluated at most once per matched inquiry (not for ones the brand started), so it counts no more than the other metrics of its channel and priority; the group at index {first} ({groups[first]}) has {firstReplies} evaluations, the others {perInquiry}."),
                paramName);
        }
    }

    private static bool SameCell(SlaGroup x, SlaGroup y) =>
        x.Priority == y.Priority && string.Equals(x.Channel.Name, y.Channel.Name, StringComparison.OrdinalIgnoreCase);

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

    /// <summary>Compares (channel name, priority, metric) keys with the name ignoring case, as groups are kept.</summary>
    private sealed class ChannelKeyComparer : IEqualityComparer<(string Channel, InquiryPriority Priority, SlaMetric Metric)>
    {
        public static readonly ChannelKeyComparer Instance = new();

        public bool Equals((string Channel, InquiryPriority Priority, SlaMetric Metric) x, (string Channel, InquiryPriority Priority, SlaMetric Metric) y) =>
            x.Priority == y.Priority && x.Metric == y.Metric && string.Equals(x.Channel, y.Channel, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode((string Channel, InquiryPriority Priority, SlaMetric Metric) obj) =>
            HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Channel), obj.Priority, obj.Metric);
    }
}
