using System.Globalization;
using Engagement.Sdk.Journeys;
using Engagement.Sdk.Statistics;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.Responses;

/// <summary>
/// A mergeable accumulator of SLA evaluations: every inquiry added is evaluated against its rule's targets at the
/// definition's instant (see <see cref="SlaPolicy.Evaluate"/>), and counted by channel × priority × metric × status,
/// with the breach time, and the most urgent open targets kept in a queue. <see cref="ToResult"/> gives the
/// <see cref="SlaResult"/>.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Add(Inquiry)"/> allocates nothing per inquiry once its channels are known: the evaluation is a struct, the counts
/// are one array, and an open target enters the queue as a compact entry of references the inquiry already holds, and
/// only when it is among the <see cref="SlaDefinition.OpenQueueLimit"/> most urgent. The queue of a merge is the most
/// urgent of the union, exactly. Inquiries are counted as added: one added twice is counted twice.
/// </para>
/// <para>
/// A sealed class: merging is associative and commutative; every update is checked and all-or-nothing; the state
/// round-trips through JSON (see <see cref="SlaState"/>). Not thread-safe: give each thread its own and merge them.
/// </para>
/// </remarks>
public sealed class SlaAccumulator : IMetricAccumulator<SlaAccumulator, SlaResult, SlaState>
{
    private const int Priorities = 4;
    private const int Metrics = 4;

    // Per metric: the five status counts, then the breach ticks.
    private const int Slots = 6;
    private const int BreachSlot = 5;
    private const int CellStride = Metrics * Slots;

    // Channels are looked up by reference to their name first, among the first few: inquiries of one source share
    // their channel values, so the common case is a few comparisons and no hashing.
    private const int FastChannels = 8;

    private readonly SlaPolicy _policy;
    private readonly BusinessCalendar _calendar;
    private readonly DateTimeOffset _asOf;
    private readonly Dictionary<string, (string Name, int Group)> _channelIndex = new(StringComparer.OrdinalIgnoreCase);
    private readonly SlaOpenQueue _queue;
    private Channel[] _channels = new Channel[FastChannels];
    private int _channelCount;

    // [(channel × Priorities + priority) × CellStride + metric × Slots + slot]
    private long[] _cells = new long[FastChannels * Priorities * CellStride];

    // Per channel × priority: 0 not yet looked up, −1 no rule, else the matching rule's index + 1.
    private int[] _ruleOf = new int[FastChannels * Priorities];
    private long _inquiries;
    private long _unmatched;
    private long _evaluations;
    private long _breachTicks;

    /// <summary>Creates an empty accumulator.</summary>
    /// <param name="sla">The policy, the evaluation instant and the queue limit.</param>
    /// <exception cref="ArgumentNullException"><paramref name="sla"/> is <see langword="null"/>.</exception>
    public SlaAccumulator(SlaDefinition sla)
    {
        ArgumentNullException.ThrowIfNull(sla);
        Sla = sla;
        _policy = sla.Policy;
        _calendar = sla.Policy.Calendar;
        _asOf = sla.AsOf;
        _queue = new SlaOpenQueue(sla.OpenQueueLimit);
    }

    /// <summary>Gets the definition: <see cref="MetricDefinition.Sla"/>.</summary>
    public MetricDefinition Definition => MetricDefinition.Sla;

    /// <summary>Gets the policy, the evaluation instant and the queue limit.</summary>
    public SlaDefinition Sla { get; }

    /// <summary>Gets the inquiries added so far, matched by a rule or not.</summary>
    public long Count => _inquiries;

    /// <inheritdoc />
    public static SlaAccumulator FromState(SlaState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var accumulator = new SlaAccumulator(state.Sla)
        {
            _inquiries = state.Inquiries,
            _unmatched = state.Unmatched,
        };
        foreach (var group in state.Groups)
        {
            var at = (accumulator.CellOf(group.Channel, group.Priority) * CellStride) + ((int)group.Metric * Slots);
            var counts = group.Counts;
            accumulator._cells[at + (int)SlaStatus.Achieved] = counts.Achieved;
            accumulator._cells[at + (int)SlaStatus.Breached] = counts.Breached;
            accumulator._cells[at + (int)SlaStatus.OpenBreached] = counts.OpenBreached;
            accumulator._cells[at + (int)SlaStatus.OpenWithinTarget] = counts.OpenWithinTarget;
            accumulator._cells[at + (int)SlaStatus.NotApplicable] = counts.NotApplicable;
            accumulator._cells[at + BreachSlot] = counts.TotalBreach.Ticks;
            accumulator._evaluations += counts.Evaluations;
            accumulator._breachTicks += counts.TotalBreach.Ticks;
        }

        foreach (var entry in state.OpenQueue)
        {
            accumulator._queue.Offer(entry.ToItem());
        }

        return accumulator;
    }

    /// <summary>Evaluates inquiries in one call.</summary>
    /// <param name="inquiries">The inquiries, each known at the definition's instant.</param>
    /// <param name="sla">The policy, the evaluation instant and the queue limit.</param>
    /// <returns>The result; with no evaluation it has no value.</returns>
    /// <exception cref="ArgumentNullException">An argument or an inquiry is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An inquiry holds something after the evaluation instant.</exception>
    public static SlaResult Compute(IEnumerable<Inquiry> inquiries, SlaDefinition sla)
    {
        ArgumentNullException.ThrowIfNull(inquiries);
        var accumulator = new SlaAccumulator(sla);
        accumulator.Add(inquiries);
        return accumulator.ToResult();
    }

    /// <summary>Evaluates inquiries in order, as <see cref="Add(Inquiry)"/> each.</summary>
    /// <param name="inquiries">The inquiries, each known at <see cref="SlaDefinition.AsOf"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="inquiries"/> or an inquiry is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An inquiry holds something after the evaluation instant; the
    /// inquiries before it are counted.</exception>
    /// <exception cref="OverflowException">A total would exceed <see cref="long.MaxValue"/>; the inquiries before it are
    /// counted.</exception>
    public void Add(IEnumerable<Inquiry> inquiries)
    {
        ArgumentNullException.ThrowIfNull(inquiries);
        foreach (var inquiry in inquiries)
        {
            Add(inquiry);
        }
    }

    /// <summary>Evaluates an inquiry against the targets of its rule and counts the evaluations.</summary>
    /// <param name="inquiry">The inquiry, known at <see cref="SlaDefinition.AsOf"/>: nothing in it later.</param>
    /// <exception cref="ArgumentNullException"><paramref name="inquiry"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="inquiry"/> holds something after the evaluation
    /// instant (the exception's value is its latest event), or an open target of it would be due after
    /// <see cref="DateTimeOffset.MaxValue"/> (the value is its id); nothing is changed.</exception>
    /// <exception cref="OverflowException">A total would exceed <see cref="long.MaxValue"/>; nothing is changed.</exception>
    public void Add(Inquiry inquiry)
    {
        ArgumentNullException.ThrowIfNull(inquiry);
        SlaKernel.RequireKnownAt(inquiry, _asOf, nameof(inquiry), inquiryAtFault: true);
        var inquiries = InquiryCount.Next(_inquiries, inquiry);
        var cell = CellOf(inquiry.Channel, inquiry.Priority);
        var rule = RuleOf(cell, inquiry.Channel, inquiry.Priority);
        if (rule is null)
        {
            _unmatched = checked(_unmatched + 1);
            _inquiries = inquiries;
            return;
        }

        var targets = rule.TargetArray;
        Span<SlaOutcome> outcomes = stackalloc SlaOutcome[Metrics];
        Span<int> metrics = stackalloc int[Metrics];
        Span<DateTimeOffset> dues = stackalloc DateTimeOffset[Metrics];
        var n = 0;
        var breach = 0L;
        foreach (var target in targets)
        {
            if (SlaKernel.TryEvaluate(inquiry, target, _calendar, _asOf, out outcomes[n]))
            {
                breach = checked(breach + outcomes[n].BreachTicks);
                // The due time of an open target is found before anything changes: past the end of the range of
                // instants it cannot be, and the inquiry is refused whole.
                dues[n] = outcomes[n].IsOpen ? SlaKernel.DueOf(inquiry, outcomes[n], target, _calendar) : default;
                metrics[n++] = (int)target.Metric;
            }
        }

        var evaluations = checked(_evaluations + n);
        var breachTicks = checked(_breachTicks + breach);

        // Every cell's count is at most the evaluations and its breach at most the total, so past here nothing overflows.
        _inquiries = inquiries;
        _evaluations = evaluations;
        _breachTicks = breachTicks;
        var at = cell * CellStride;
        for (var i = 0; i < n; i++)
        {
            ref readonly var outcome = ref outcomes[i];
            var slot = at + (metrics[i] * Slots);
            _cells[slot + (int)outcome.Status]++;
            _cells[slot + BreachSlot] += outcome.BreachTicks;
            if (outcome.IsOpen && _queue.MightKeep(dues[i], inquiry.Id, (SlaMetric)metrics[i]))
            {
                _queue.Offer(new SlaQueueItem(inquiry.Id, inquiry.CustomerId, inquiry.Channel, inquiry.Priority, (SlaMetric)metrics[i], dues[i], outcome.TimeLeftTicks));
            }
        }
    }

    /// <inheritdoc />
    public void Merge(SlaAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Sla != other.Sla)
        {
            throw new ArgumentException($"Only accumulators of the same definition merge: this one is {Sla}, the other {other.Sla}.", nameof(other));
        }

        long inquiries, unmatched, evaluations, breachTicks;
        try
        {
            inquiries = checked(_inquiries + other._inquiries);
            unmatched = checked(_unmatched + other._unmatched);
            evaluations = checked(_evaluations + other._evaluations);
            breachTicks = checked(_breachTicks + other._breachTicks);
        }
        catch (OverflowException e)
        {
            throw MergeOverflow.For(this, other, e);
        }

        var channels = other._channels.AsSpan(0, other._channelCount).ToArray();
        var cells = ReferenceEquals(other, this) ? (long[])_cells.Clone() : other._cells;
        for (var k = 0; k < channels.Length; k++)
        {
            for (var p = 0; p < Priorities; p++)
            {
                var from = ((k * Priorities) + p) * CellStride;
                var to = CellOf(channels[k], (InquiryPriority)p) * CellStride;
                for (var i = 0; i < CellStride; i++)
                {
                    _cells[to + i] += cells[from + i];
                }
            }
        }

        _queue.OfferAll(other._queue);
        _inquiries = inquiries;
        _unmatched = unmatched;
        _evaluations = evaluations;
        _breachTicks = breachTicks;
    }

    /// <summary>Returns the SLA compliance so far.</summary>
    /// <returns>The result; with no evaluation it has no value.</returns>
    public SlaResult ToResult() => new(_asOf, _inquiries, _unmatched, Groups(), Queue());

    /// <inheritdoc />
    public SlaState GetState() => new(SlaState.CurrentVersion, Definition, Sla, _inquiries, _unmatched, Groups(), Queue());

    /// <summary>Returns the counts as <c>SLA 'support': 120 inquiries (3 unmatched), 250 evaluations, 7 queued</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"SLA '{Validation.Echo(_policy.Name)}': {_inquiries} inquiries ({_unmatched} unmatched), {_evaluations} evaluations, {_queue.Count} queued");

    private SlaGroup[] Groups()
    {
        var groups = new List<SlaGroup>();
        for (var k = 0; k < _channelCount; k++)
        {
            for (var p = 0; p < Priorities; p++)
            {
                for (var m = 0; m < Metrics; m++)
                {
                    var at = ((((k * Priorities) + p) * CellStride)) + (m * Slots);
                    var counts = new SlaCounts(_cells[at], _cells[at + 1], _cells[at + 2], _cells[at + 3], _cells[at + 4], new TimeSpan(_cells[at + BreachSlot]));
                    if (counts.Evaluations > 0)
                    {
                        groups.Add(new SlaGroup(_channels[k], (InquiryPriority)p, (SlaMetric)m, counts));
                    }
                }
            }
        }

        var sorted = groups.ToArray();
        Array.Sort(sorted, SlaGroup.CompareKeys);
        return sorted;
    }

    private SlaQueueEntry[] Queue() => Array.ConvertAll(_queue.Sorted(), static item => new SlaQueueEntry(item));

    // The cell of a channel × priority, registering the channel if new. Channels are grouped by name ignoring case
    // (whatever their media type and kind), as the response-time and rate breakdowns group them, and a group is kept
    // under the ordinally least spelling (ResponseBreakdowns.Entry, the breakdowns' rule), then the least media type and
    // kind, so that the state does not depend on the order of inquiries.
    private int CellOf(Channel channel, InquiryPriority priority)
    {
        var name = channel.Name;
        var fast = Math.Min(_channelCount, FastChannels);
        for (var i = 0; i < fast; i++)
        {
            ref readonly var known = ref _channels[i];
            if (ReferenceEquals(known.Name, name) && known.MediaType == channel.MediaType && known.Kind == channel.Kind)
            {
                return (i * Priorities) + (int)priority;
            }
        }

        return (IndexOf(channel) * Priorities) + (int)priority;
    }

    private int IndexOf(Channel channel)
    {
        ref var entry = ref ResponseBreakdowns.Entry(_channelIndex, channel.Name, out var exists);
        if (exists)
        {
            var index = entry.Group;
            if (string.Equals(entry.Name, channel.Name, StringComparison.Ordinal) && SlaQueueEntry.CompareChannels(channel, _channels[index]) < 0)
            {
                _channels[index] = channel;
            }
            else if (!string.Equals(entry.Name, _channels[index].Name, StringComparison.Ordinal))
            {
                // Entry took this spelling as the new label.
                _channels[index] = channel;
            }

            return index;
        }

        entry.Group = AddChannel(channel);
        return entry.Group;
    }

    private int AddChannel(Channel channel)
    {
        var index = _channelCount;
        if (index == _channels.Length)
        {
            Array.Resize(ref _channels, index * 2);
            Array.Resize(ref _cells, index * 2 * Priorities * CellStride);
            Array.Resize(ref _ruleOf, index * 2 * Priorities);
        }

        _channels[index] = channel;
        _channelCount++;
        return index;
    }

    private SlaPolicyRule? RuleOf(int cell, Channel channel, InquiryPriority priority)
    {
        var known = _ruleOf[cell];
        if (known == 0)
        {
            known = _policy.MatchIndex(channel, priority) + 1;
            _ruleOf[cell] = known == 0 ? -1 : known;
        }

        return known > 0 ? _policy.RuleAt(known - 1) : null;
    }
}
