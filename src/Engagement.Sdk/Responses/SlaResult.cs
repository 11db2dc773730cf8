using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Sdk.Statistics;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.Responses;

/// <summary>
/// SLA compliance at an instant: evaluations counted by status overall (<see cref="Overall"/>), per metric
/// (<see cref="ByMetric"/>) and per channel × priority × metric (<see cref="Groups"/>), each with its compliance rate
/// (a <see cref="Proportion"/> with a Wilson interval) and breach time; and <see cref="OpenQueue"/>, the open targets
/// ordered by due time — what to answer next.
/// </summary>
/// <remarks>
/// Compliance = achieved / (achieved + breached + open breached); open targets within target and not-applicable ones
/// are counted but left out of it. Empty input: with no evaluation <see cref="HasValue"/> is <see langword="false"/>
/// and every compliance rate has no value. Immutable and thread-safe; in JSON the derived members are written for
/// readers and recomputed when read.
/// </remarks>
public sealed class SlaResult : IEquatable<SlaResult>
{
    private readonly SlaGroup[] _groups;

    /// <summary>Creates a result.</summary>
    /// <param name="asOf">The evaluation instant.</param>
    /// <param name="inquiries">The inquiries evaluated; 0 or more.</param>
    /// <param name="unmatched">The inquiries no rule matched; from 0 to <paramref name="inquiries"/>.</param>
    /// <param name="groups">The evaluations by channel × priority × metric: ordered, each key once, none empty; per
    /// metric no more evaluations than matched inquiries.</param>
    /// <param name="openQueue">The most urgent open targets, ordered by due time, then inquiry id; each standing for an
    /// open evaluation of its group.</param>
    /// <exception cref="ArgumentNullException">A list is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The groups or the queue break a rule above.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is out of range.</exception>
    [JsonConstructor]
    public SlaResult(DateTimeOffset asOf, long inquiries, long unmatched, IReadOnlyList<SlaGroup> groups, IReadOnlyList<SlaQueueEntry> openQueue)
    {
        _groups = SlaChecks.Groups(groups, inquiries, unmatched, nameof(groups));
        OpenQueue = Array.AsReadOnly(SlaChecks.Queue(openQueue, _groups, nameof(openQueue)));
        AsOf = asOf;
        Inquiries = inquiries;
        Unmatched = unmatched;
        Groups = Array.AsReadOnly(_groups);
        var byMetric = new SlaCounts[4];
        Array.Fill(byMetric, SlaCounts.Empty);
        var overall = SlaCounts.Empty;
        foreach (var group in _groups)
        {
            byMetric[(int)group.Metric] = byMetric[(int)group.Metric].Plus(group.Counts);
            overall = overall.Plus(group.Counts);
        }

        Overall = overall;
        ByMetric = new Dictionary<SlaMetric, SlaCounts>
        {
            [SlaMetric.FirstReply] = byMetric[0],
            [SlaMetric.NextReply] = byMetric[1],
            [SlaMetric.PeriodicUpdate] = byMetric[2],
            [SlaMetric.Resolution] = byMetric[3],
        }.AsReadOnly();
    }

    /// <summary>Gets the definition: <see cref="MetricDefinition.Sla"/>.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Every result carries its definition as an instance member.")]
    public MetricDefinition Definition => MetricDefinition.Sla;

    /// <summary>Gets the evaluation instant.</summary>
    public DateTimeOffset AsOf { get; }

    /// <summary>Gets the inquiries evaluated, matched by a rule or not.</summary>
    public long Inquiries { get; }

    /// <summary>Gets the inquiries no rule matched: they have no targets.</summary>
    public long Unmatched { get; }

    /// <summary>Gets every evaluation counted by status.</summary>
    public SlaCounts Overall { get; }

    /// <summary>Gets the evaluations of each metric counted by status; every metric is present. Not written to JSON:
    /// the groups hold the same counts.</summary>
    [JsonIgnore]
    public IReadOnlyDictionary<SlaMetric, SlaCounts> ByMetric { get; }

    /// <summary>Gets the evaluations by channel × priority × metric, ordered by channel name (ignoring case), priority
    /// and metric; combinations without an evaluation are left out.</summary>
    public IReadOnlyList<SlaGroup> Groups { get; }

    /// <summary>Gets the most urgent open targets (up to the definition's queue limit), ordered by due time ascending —
    /// already breached first — then inquiry id (ordinal) and metric: what to answer next. The due time is one instant
    /// whatever a target's basis, so business-time and calendar-time targets order together.</summary>
    public IReadOnlyList<SlaQueueEntry> OpenQueue { get; }

    /// <summary>Gets whether there is any evaluation.</summary>
    [JsonIgnore]
    public bool HasValue => Overall.Evaluations > 0;

    /// <summary>Returns the evaluations of one channel × priority × metric.</summary>
    /// <param name="channel">The channel; matched by name ignoring case, as the groups are kept.</param>
    /// <param name="priority">The priority.</param>
    /// <param name="metric">The metric.</param>
    /// <returns>The counts; <see cref="SlaCounts.Empty"/> when there is no such evaluation.</returns>
    public SlaCounts For(Channel channel, InquiryPriority priority, SlaMetric metric)
    {
        foreach (var group in _groups)
        {
            if (group.Priority == priority && group.Metric == metric && string.Equals(group.Channel.Name, channel.Name, StringComparison.OrdinalIgnoreCase))
            {
                return group.Counts;
            }
        }

        return SlaCounts.Empty;
    }

    /// <summary>Returns the evaluations of one metric over every channel and priority: <see cref="ByMetric"/>'s entry.</summary>
    /// <param name="metric">The metric.</param>
    /// <returns>The counts; <see cref="SlaCounts.Empty"/> when the metric has no evaluation.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="metric"/> is not a defined value.</exception>
    public SlaCounts ForMetric(SlaMetric metric) => ByMetric[Validation.Defined(metric, nameof(metric))];

    /// <inheritdoc />
    public bool Equals(SlaResult? other) =>
        other is not null
        && AsOf == other.AsOf
        && AsOf.Offset == other.AsOf.Offset
        && Inquiries == other.Inquiries
        && Unmatched == other.Unmatched
        && Groups.SequenceEqual(other.Groups)
        && OpenQueue.SequenceEqual(other.OpenQueue);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SlaResult);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(AsOf, Inquiries, Unmatched, Overall, OpenQueue.Count);

    /// <summary>Returns the result as <c>SLA as of 2026-03-06T12:00:00+01:00: 120 inquiries, compliance 92.00% (…), 7 open</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"SLA as of {AsOf:yyyy-MM-ddTHH:mm:sszzz}: {Inquiries} inquiries, compliance {Overall.Compliance}, {Overall.Open} open, breach {Overall.TotalBreach}");
}
