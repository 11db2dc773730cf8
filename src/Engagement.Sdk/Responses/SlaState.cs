using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Sdk.Statistics;

namespace Engagement.Sdk.Responses;

/// <summary>
/// The saved state of an <see cref="SlaAccumulator"/>: its definitions, the inquiries added and unmatched, the
/// evaluations by channel × priority × metric × status with their breach time, and the most urgent open targets,
/// versioned. Validated when created, from code or from JSON.
/// </summary>
/// <remarks>
/// JSON: <c>{"version":1,"definition":{"kind":"Sla",…},"sla":{"policy":…,"asOf":"…","openQueueLimit":1000},"inquiries":120,"unmatched":3,"groups":[{"channel":…,"priority":"Urgent","metric":"FirstReply","counts":{…}}],"openQueue":[{"inquiryId":"i-7",…}]}</c>;
/// every member is required and unknown members are rejected (see docs/state.md). Checks: counts 0 or more, unmatched
/// at most the inquiries and none when the policy has a rule for any channel and any priority; groups ordered by channel
/// name (ignoring case), priority and metric, each once and none empty, each of a metric the policy's rule for its
/// channel and priority sets; per metric no more evaluations than matched inquiries; no not-applicable resolution;
/// within a channel and priority, a group for every NextReply, PeriodicUpdate and Resolution target its rule sets, those
/// counting alike and FirstReply no more; breach at least one tick per breached evaluation; the queue ordered, as long as the limit or the open evaluations allow
/// (whichever is less), each entry of a target its rule sets, with at most the target left, and standing for an open
/// evaluation of its group. The state grows with the channels × priorities seen and the queue limit, not with the
/// inquiries. Immutable and thread-safe.
/// </remarks>
public sealed class SlaState : MetricState, IEquatable<SlaState>
{
    /// <summary>The state format version this library writes and reads: 1.</summary>
    public const int CurrentVersion = 1;

    /// <summary>Creates a state.</summary>
    /// <param name="version">The format version; must be <see cref="CurrentVersion"/>.</param>
    /// <param name="definition">The definition; must be <see cref="MetricDefinition.Sla"/>.</param>
    /// <param name="sla">The policy, evaluation instant and queue limit.</param>
    /// <param name="inquiries">The inquiries added; 0 or more.</param>
    /// <param name="unmatched">The inquiries no rule matched; from 0 to <paramref name="inquiries"/>.</param>
    /// <param name="groups">The evaluations by channel × priority × metric (see the remarks).</param>
    /// <param name="openQueue">The most urgent open targets (see the remarks).</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The definition is not of SLAs, or the groups or queue break a rule of the
    /// remarks; the exception names the member.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The version is unknown, or a count is out of range (such as
    /// unmatched inquiries under a policy with a rule for any channel and any priority).</exception>
    [JsonConstructor]
    public SlaState(
        int version, MetricDefinition definition, SlaDefinition sla, long inquiries, long unmatched, IReadOnlyList<SlaGroup> groups, IReadOnlyList<SlaQueueEntry> openQueue)
        : base(version, CurrentVersion, definition, MetricKind.Sla)
    {
        ArgumentNullException.ThrowIfNull(sla);
        var copied = SlaChecks.Groups(groups, inquiries, unmatched, nameof(groups));
        if (unmatched > 0 && sla.Policy.Rules.Any(static rule => rule.Channel is null && rule.Priority is null))
        {
            throw new ArgumentOutOfRangeException(
                nameof(unmatched), unmatched,
                string.Create(CultureInfo.InvariantCulture, $"The policy has a rule for any channel and any priority, so every inquiry is matched; got {unmatched} unmatched."));
        }

        for (var i = 0; i < copied.Length; i++)
        {
            var group = copied[i];
            var rule = sla.Policy.Match(group.Channel, group.Priority);
            if (rule?.TargetOf(group.Metric) is null)
            {
                throw new ArgumentException($"The policy sets no {group.Metric} target for {group.Channel.Name} × {group.Priority}, so the group {group} cannot have been counted.", nameof(groups));
            }

            // Every inquiry the rule matches is evaluated for its NextReply, PeriodicUpdate and Resolution targets: a
            // channel × priority counted at all has a group for each of them.
            var firstOfCell = i == 0 || copied[i - 1].Priority != group.Priority
                || !string.Equals(copied[i - 1].Channel.Name, group.Channel.Name, StringComparison.OrdinalIgnoreCase);
            if (firstOfCell)
            {
                foreach (var target in rule.TargetArray)
                {
                    if (target.Metric != SlaMetric.FirstReply && !HasGroup(copied, i, target.Metric))
                    {
                        throw new ArgumentException($"Every inquiry the rule {rule} matches gets a {target.Metric} evaluation, but {group.Channel.Name} × {group.Priority} has none.", nameof(groups));
                    }
                }
            }
        }

        var queue = SlaChecks.Queue(openQueue, copied, nameof(openQueue));
        var expected = Math.Min(sla.OpenQueueLimit, SlaChecks.Open(copied));
        if (queue.Length != expected)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The queue keeps the {sla.OpenQueueLimit} most urgent of the open evaluations, so it holds {expected} entries here; got {queue.Length}."),
                nameof(openQueue));
        }

        foreach (var entry in queue)
        {
            var target = sla.Policy.Match(entry.Channel, entry.Priority)?.TargetOf(entry.Metric);
            if (target is null || entry.TimeLeft > target.Target)
            {
                throw new ArgumentException(
                    $"The queue entry {entry} has {(target is null ? "no target in the policy" : $"more time left than its target {target}")}.", nameof(openQueue));
            }
        }

        Sla = sla;
        Inquiries = inquiries;
        Unmatched = unmatched;
        Groups = Array.AsReadOnly(copied);
        OpenQueue = Array.AsReadOnly(queue);
    }

    /// <summary>Gets the policy, evaluation instant and queue limit.</summary>
    public SlaDefinition Sla { get; }

    /// <summary>Gets the inquiries added.</summary>
    public long Inquiries { get; }

    /// <summary>Gets the inquiries no rule matched.</summary>
    public long Unmatched { get; }

    /// <summary>Gets the evaluations by channel × priority × metric, in that order.</summary>
    public IReadOnlyList<SlaGroup> Groups { get; }

    /// <summary>Gets the most urgent open targets, most urgent first.</summary>
    public IReadOnlyList<SlaQueueEntry> OpenQueue { get; }

    /// <inheritdoc />
    public bool Equals(SlaState? other) =>
        HeaderEquals(other)
        && Sla == other.Sla
        && Inquiries == other.Inquiries
        && Unmatched == other.Unmatched
        && Groups.SequenceEqual(other.Groups)
        && OpenQueue.SequenceEqual(other.OpenQueue);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SlaState);

    // Whether the channel × priority whose groups start at index first has a group of a metric.
    private static bool HasGroup(SlaGroup[] groups, int first, SlaMetric metric)
    {
        for (var i = first; i < groups.Length && groups[i].Priority == groups[first].Priority
            && string.Equals(groups[i].Channel.Name, groups[first].Channel.Name, StringComparison.OrdinalIgnoreCase); i++)
        {
            if (groups[i].Metric == metric)
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Version, Sla, Inquiries, Unmatched, Groups.Count, OpenQueue.Count);

    /// <summary>Returns the state as <c>SLA state v1: 120 inquiries (3 unmatched), 9 groups, 7 queued</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"SLA state v{Version}: {Inquiries} inquiries ({Unmatched} unmatched), {Groups.Count} groups, {OpenQueue.Count} queued");
}
