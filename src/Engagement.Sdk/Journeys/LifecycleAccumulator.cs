using Engagement.Sdk.Statistics;

namespace Engagement.Sdk.Journeys;

/// <summary>
/// A mergeable accumulator of lifecycle counts over <see cref="EventLog"/>s (PostHog's definitions, see
/// <see cref="LifecycleDefinition"/>). <see cref="ToResult"/> gives the <see cref="LifecycleResult"/>: per period, the
/// new, returning, resurrecting and dormant customers. <see cref="GetStatuses"/> streams each customer's status per
/// period.
/// </summary>
/// <remarks>
/// <para>
/// One observation is one customer with all its events: <see cref="Add(EventLog, CancellationToken)"/> adds every
/// customer of a log. Accumulators of disjoint customer partitions, merged, equal the accumulator of the whole; a
/// customer whose events are split across two merged accumulators counts as two customers, so partition by customer
/// (<see cref="EventLog.Partition"/>).
/// </para>
/// <para>
/// A sealed class: merging is associative and commutative; every update is checked and all-or-nothing; the state
/// round-trips through JSON (see <see cref="LifecycleState"/>). Not thread-safe: give each thread its own and merge
/// them. <see cref="Add(EventLog, CancellationToken)"/> itself uses both cores on a large log.
/// </para>
/// </remarks>
public sealed class LifecycleAccumulator : IMetricAccumulator<LifecycleAccumulator, LifecycleResult, LifecycleState>
{
    private CohortTally _tally;

    /// <summary>Creates an empty accumulator.</summary>
    /// <param name="lifecycle">What to count.</param>
    /// <exception cref="ArgumentNullException"><paramref name="lifecycle"/> is <see langword="null"/>.</exception>
    public LifecycleAccumulator(LifecycleDefinition lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        Lifecycle = lifecycle;
        _tally = new CohortTally(LifecycleCounts.Statuses * lifecycle.PeriodCount);
    }

    /// <summary>Gets the metric definition: <see cref="MetricDefinition.Lifecycle"/>.</summary>
    public MetricDefinition Definition => MetricDefinition.Lifecycle;

    /// <summary>Gets the lifecycle definition.</summary>
    public LifecycleDefinition Lifecycle { get; }

    /// <summary>Gets the customers added so far.</summary>
    public long Count => _tally.Customers;

    /// <summary>Computes the lifecycle counts of every customer of a log.</summary>
    /// <param name="log">The log.</param>
    /// <param name="lifecycle">What to count.</param>
    /// <param name="cancellationToken">Checked between chunks of customers.</param>
    /// <returns>The result; with no customer in any status it has no value.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static LifecycleResult Compute(EventLog log, LifecycleDefinition lifecycle, CancellationToken cancellationToken = default)
    {
        var accumulator = new LifecycleAccumulator(lifecycle);
        accumulator.Add(log, cancellationToken);
        return accumulator.ToResult();
    }

    /// <summary>
    /// Streams each customer's status in each period, customer by customer in the log's order, for hosts that act on
    /// individual customers (the dormant ones, say). Counting the statuses gives <see cref="ToResult"/>'s counts.
    /// </summary>
    /// <param name="log">The log.</param>
    /// <param name="lifecycle">What to classify.</param>
    /// <returns>One <see cref="CustomerLifecycle"/> per customer of the log, produced lazily: memory stays that of one
    /// customer. The statuses of customer partitions need no merging: concatenate them, as each customer is in one.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IEnumerable<CustomerLifecycle> GetStatuses(EventLog log, LifecycleDefinition lifecycle)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(lifecycle);
        return Enumerate(new Classifier(log, lifecycle));

        static IEnumerable<CustomerLifecycle> Enumerate(Classifier classifier)
        {
            for (var customer = 0; customer < classifier.Log.CustomerCount; customer++)
            {
                var statuses = new LifecycleStatus[classifier.Periods.Count];
                classifier.Classify(customer, statuses);
                yield return new CustomerLifecycle(classifier.Log.Customers[customer], statuses);
            }
        }
    }

    /// <inheritdoc />
    public static LifecycleAccumulator FromState(LifecycleState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var accumulator = new LifecycleAccumulator(state.Lifecycle);
        accumulator._tally = new CohortTally([.. state.FlatCounts], state.Customers);
        return accumulator;
    }

    /// <summary>Adds every customer of a log, on both cores when the log is large.</summary>
    /// <param name="log">The log; its customers must not have been added before (they would count twice).</param>
    /// <param name="cancellationToken">Checked between chunks of customers; when cancelled, nothing is changed.</param>
    /// <exception cref="ArgumentNullException"><paramref name="log"/> is <see langword="null"/>.</exception>
    /// <exception cref="OverflowException">A count would exceed <see cref="long.MaxValue"/>; nothing is changed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; nothing is changed.</exception>
    public void Add(EventLog log, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        var classifier = new Classifier(log, Lifecycle);
        var tally = CustomerScan.Run(log, classifier.Tally, CohortTally.MergeInto, cancellationToken);
        _tally = _tally.Plus(tally);
    }

    /// <inheritdoc />
    public void Merge(LifecycleAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Lifecycle != Lifecycle)
        {
            throw new ArgumentException(
                $"Only accumulators of the same definition merge: this one is {Definition}, {Lifecycle}; the other {other.Definition}, {other.Lifecycle}.",
                nameof(other));
        }

        try
        {
            _tally = _tally.Plus(other._tally);
        }
        catch (OverflowException e)
        {
            throw MergeOverflow.For(this, other, e);
        }
    }

    /// <summary>Returns the lifecycle counts of the customers so far.</summary>
    /// <returns>The result; with no customer in any status it has no value.</returns>
    public LifecycleResult ToResult() => new(Lifecycle, _tally.Customers, [.. _tally.Counts]);

    /// <inheritdoc />
    public LifecycleState GetState() => new(Lifecycle, _tally.Customers, [.. _tally.Counts]);

    /// <summary>Returns the state as <c>lifecycle state v1: 500 customers over 26 periods</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() => GetState().ToString();

    /// <summary>The per-customer kernel: a customer's status in each period, from its activity and creation.</summary>
    private sealed class Classifier(EventLog log, LifecycleDefinition lifecycle)
    {
        private readonly int _activityId = log.TryGetEventNameId(lifecycle.ActivityEvent, out var id) ? id : -1;

        public EventLog Log => log;

        public CalendarPeriods Periods => lifecycle.Periods;

        public CohortTally Tally(int first, int end)
        {
            var periods = Periods.Count;
            var tally = new CohortTally(LifecycleCounts.Statuses * periods);
            tally.AddCustomers(end - first);
            Span<LifecycleStatus> statuses = periods <= 256 ? stackalloc LifecycleStatus[periods] : new LifecycleStatus[periods];
            for (var customer = first; customer < end; customer++)
            {
                if (Classify(customer, statuses))
                {
                    for (var p = 0; p < periods; p++)
                    {
                        if (statuses[p] != LifecycleStatus.None)
                        {
                            tally.Counts[LifecycleCounts.Index(statuses[p], p, periods)]++;
                        }
                    }
                }
            }

            return tally;
        }

        /// <summary>Writes the customer's status in each period; false when it has none in any.</summary>
        public bool Classify(int customer, Span<LifecycleStatus> statuses)
        {
            statuses.Clear();
            var periods = Periods;
            var offsets = log.CustomerOffsets;
            int start = offsets[customer], end = offsets[customer + 1];
            var ticks = log.Timestamps;
            long from = periods.FromTicks, to = periods.ToTicks;

            // Created at the first event of any kind; a customer whose events all lie at or after the range's end is
            // not there yet.
            if (_activityId < 0 || ticks[start] >= to)
            {
                return false;
            }

            var created = periods.PeriodOf(ticks[start]);
            var names = log.EventNameIds;
            var starts = periods.Starts;
            var activeBefore = false;
            var any = false;
            var period = -1;
            for (var i = start; i < end; i++)
            {
                if (names[i] != _activityId)
                {
                    continue;
                }

                var t = ticks[i];
                if (t >= to)
                {
                    break;
                }

                if (t < from)
                {
                    activeBefore |= t >= periods.PreviousStart && t < starts[0];
                    continue;
                }

                if (period < 0)
                {
                    period = periods.PeriodOf(t);
                }

                while (t >= starts[period + 1])
                {
                    period++;
                }

                // Mark active for now; the statuses are worked out below.
                statuses[period] = LifecycleStatus.Returning;
                any = true;
            }

            if (!any && !activeBefore)
            {
                return false;
            }

            var previous = activeBefore;
            for (var p = 0; p < statuses.Length; p++)
            {
                var active = statuses[p] != LifecycleStatus.None;
                statuses[p] = active
                    ? (p == created ? LifecycleStatus.New : previous ? LifecycleStatus.Returning : LifecycleStatus.Resurrecting)
                    : (previous ? LifecycleStatus.Dormant : LifecycleStatus.None);
                previous = active;
            }

            return true;
        }
    }
}
