using System.Globalization;
using Engagement.Sdk.Statistics;

namespace Engagement.Sdk.Journeys;

/// <summary>
/// A mergeable accumulator of journey stages over the customers of event logs: furthest-stage and current-stage
/// counts, time in stage (mean and exact median of completed visits) and, when the definition has a range, the stage
/// distribution at the end of each period. <see cref="ToResult"/> gives the <see cref="StageResult"/>.
/// </summary>
/// <remarks>
/// <para>
/// Per customer, events are read in time order (events at or after the range's end are ignored); each gets the stage of
/// the first rule that matches it, or none. The customer enters a stage at the first event of a stage other than its
/// current one and leaves it at the next such event; its current stage is that of its last event with a stage, and its
/// furthest the latest stage in model order of any of its events. Per-customer timelines are given by
/// <see cref="CustomerStageTimeline.Enumerate"/>.
/// </para>
/// <para>
/// Accumulators of disjoint sets of customers merge to the accumulator of their union; the same customer added to two
/// accumulators that are merged counts twice. Merging is associative and commutative; updates are checked and
/// all-or-nothing; the state round-trips through JSON (see <see cref="StageState"/>). Not thread-safe.
/// </para>
/// </remarks>
public sealed class StageAccumulator : IMetricAccumulator<StageAccumulator, StageResult, StageState>
{
    private Tally _tally;

    /// <summary>Creates an empty accumulator with <see cref="StageRules.Default"/> and no range.</summary>
    public StageAccumulator()
        : this(new StageDefinition(StageRules.Default))
    {
    }

    /// <summary>Creates an empty accumulator.</summary>
    /// <param name="definition">The rules and range.</param>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is <see langword="null"/>.</exception>
    public StageAccumulator(StageDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        StageDefinition = definition;
        _tally = new Tally(definition.Rules.Model.Count, definition.PeriodCount);
    }

    /// <summary>Gets the definition: <see cref="MetricDefinition.Stages"/>.</summary>
    public MetricDefinition Definition => MetricDefinition.Stages;

    /// <summary>Gets the rules and range.</summary>
    public StageDefinition StageDefinition { get; }

    /// <summary>Gets the customers seen so far.</summary>
    public long Count => _tally.Customers;

    /// <summary>Computes the stages of every customer of a log in one call.</summary>
    /// <param name="log">The log.</param>
    /// <param name="definition">The rules and range.</param>
    /// <param name="cancellationToken">Cancels the scan.</param>
    /// <returns>The result; with no customers it has no value.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static StageResult Compute(EventLog log, StageDefinition definition, CancellationToken cancellationToken = default)
    {
        var accumulator = new StageAccumulator(definition);
        accumulator.Add(log, cancellationToken);
        return accumulator.ToResult();
    }

    /// <inheritdoc />
    public static StageAccumulator FromState(StageState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var accumulator = new StageAccumulator(state.StageDefinition);
        var tally = accumulator._tally;
        tally.Customers = state.Customers;
        for (var s = 0; s < state.Stages.Count; s++)
        {
            var stage = state.Stages[s];
            tally.Furthest[s] = stage.Furthest;
            tally.Current[s] = stage.Current;
            tally.Durations[s] = new DurationRuns([.. stage.DurationTicks], [.. stage.DurationCounts]);
        }

        for (var p = 0; p < state.Distribution.Count; p++)
        {
            for (var s = 0; s < state.Distribution[p].Counts.Count; s++)
            {
                tally.Distribution[p][s] = state.Distribution[p].Counts[s];
            }
        }

        return accumulator;
    }

    /// <summary>Adds every customer of a log; on both cores when the log is large.</summary>
    /// <param name="log">The log; its customers must not have been added before (they would count twice).</param>
    /// <param name="cancellationToken">Cancels the scan; nothing is added then.</param>
    /// <exception cref="ArgumentNullException"><paramref name="log"/> is <see langword="null"/>.</exception>
    /// <exception cref="OverflowException">A count would exceed <see cref="long.MaxValue"/>; nothing is changed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; nothing is changed.</exception>
    public void Add(EventLog log, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        var classifier = new StageClassifier(log, StageDefinition.Rules);
        var periods = StageDefinition.PeriodCount;
        var ends = new long[periods];
        for (var p = 0; p < periods; p++)
        {
            ends[p] = StageDefinition.PeriodEnd(p);
        }

        // The chunks' tallies are summed in a balanced tree, not one by one into a growing tally: the duration runs of
        // a large log then cost O(n log chunks) to merge rather than O(n · chunks).
        var parts = CustomerScan.Run(
            log,
            (first, end) => new List<Tally> { Scan(log, classifier, ends, first, end) },
            (into, later) => into.AddRange(later),
            cancellationToken);
        while (parts.Count > 1)
        {
            var sums = new List<Tally>((parts.Count + 1) / 2);
            for (var i = 0; i < parts.Count; i += 2)
            {
                sums.Add(i + 1 < parts.Count ? parts[i].Plus(parts[i + 1]) : parts[i]);
            }

            parts = sums;
        }

        _tally = _tally.Plus(parts[0]);
    }

    /// <inheritdoc />
    public void Merge(StageAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!StageDefinition.Equals(other.StageDefinition))
        {
            throw new ArgumentException(
                $"Only accumulators of the same definition merge: this one is {StageDefinition}, the other {other.StageDefinition}.", nameof(other));
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

    /// <summary>Returns the stages of the customers so far.</summary>
    /// <returns>The result; with no customers it has no value.</returns>
    public StageResult ToResult()
    {
        var (stages, distribution) = Build();
        return new StageResult(StageDefinition, _tally.Customers, stages, distribution);
    }

    /// <inheritdoc />
    public StageState GetState()
    {
        var (stages, distribution) = Build();
        return new StageState(StageState.CurrentVersion, Definition, StageDefinition, _tally.Customers, stages, distribution);
    }

    /// <summary>Returns the accumulator as <c>stages: 120 customers</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"stages: {Count} customers");

    private Tally Scan(EventLog log, StageClassifier classifier, long[] ends, int firstCustomer, int endCustomer)
    {
        var tally = new Tally(StageDefinition.Rules.Model.Count, ends.Length);
        var changes = new long[tally.Current.Length][];
        for (var s = 0; s < changes.Length; s++)
        {
            changes[s] = new long[ends.Length + 1];
        }

        var visits = new List<StageClassifier.Visit>();
        var completed = new List<long>[changes.Length];
        for (var s = 0; s < completed.Length; s++)
        {
            completed[s] = [];
        }

        var endTicks = StageDefinition.EndTicks;
        var timestamps = log.Timestamps;
        for (var customer = firstCustomer; customer < endCustomer; customer++)
        {
            var range = log.GetCustomerRange(customer);
            if (timestamps[range.Start] >= endTicks)
            {
                continue;
            }

            tally.Customers++;
            var furthest = classifier.Walk(log, range, endTicks, visits);
            if (furthest < 0)
            {
                continue;
            }

            tally.Furthest[furthest]++;
            tally.Current[visits[^1].Stage]++;
            foreach (var visit in visits)
            {
                if (visit.Exited != long.MaxValue)
                {
                    completed[visit.Stage].Add(visit.Exited - visit.Entered);
                }

                // In the stage at the end E of a period when it entered before E and had not left before E.
                changes[visit.Stage][FirstEndAfter(ends, visit.Entered)]++;
                changes[visit.Stage][visit.Exited == long.MaxValue ? ends.Length : FirstEndAfter(ends, visit.Exited)]--;
            }
        }

        for (var s = 0; s < changes.Length; s++)
        {
            tally.Durations[s] = DurationRuns.Of(completed[s]);
            long running = 0;
            for (var p = 0; p < ends.Length; p++)
            {
                running += changes[s][p];
                tally.Distribution[p][s] = running;
            }
        }

        return tally;
    }

    // The first period whose end is after the instant; ends are strictly increasing.
    private static int FirstEndAfter(long[] ends, long ticks)
    {
        var index = Array.BinarySearch(ends, ticks);
        return index < 0 ? ~index : index + 1;
    }

    private (StageStatistics[] Stages, StagePeriodCounts[] Distribution) Build()
    {
        var model = StageDefinition.Rules.Model;
        var stages = new StageStatistics[model.Count];
        for (var s = 0; s < stages.Length; s++)
        {
            var durations = _tally.Durations[s];
            stages[s] = new StageStatistics(model.Stages[s], _tally.Furthest[s], _tally.Current[s], durations.Ticks, durations.Counts);
        }

        var distribution = new StagePeriodCounts[StageDefinition.PeriodCount];
        for (var p = 0; p < distribution.Length; p++)
        {
            distribution[p] = new StagePeriodCounts(StageDefinition.GetPeriodStart(p), _tally.Distribution[p]);
        }

        return (stages, distribution);
    }

    /// <summary>The counts of a run of customers; <see cref="Plus"/> makes a new tally, so a merge that overflows changes
    /// nothing.</summary>
    private sealed class Tally
    {
        public Tally(int stages, int periods)
        {
            Furthest = new long[stages];
            Current = new long[stages];
            Durations = new DurationRuns[stages];
            Array.Fill(Durations, DurationRuns.None);

            Distribution = new long[periods][];
            for (var p = 0; p < periods; p++)
            {
                Distribution[p] = new long[stages];
            }
        }

        public long Customers { get; set; }

        public long[] Furthest { get; }

        public long[] Current { get; }

        public DurationRuns[] Durations { get; }

        public long[][] Distribution { get; }

        public Tally Plus(Tally other)
        {
            var sum = new Tally(Furthest.Length, Distribution.Length);
            sum.MergeFrom(this);
            sum.MergeFrom(other);
            return sum;
        }

        // Adds in place with checked arithmetic; callers that need all-or-nothing add into a fresh tally (Plus).
        public void MergeFrom(Tally other)
        {
            Customers = checked(Customers + other.Customers);
            for (var s = 0; s < Furthest.Length; s++)
            {
                Furthest[s] = checked(Furthest[s] + other.Furthest[s]);
                Current[s] = checked(Current[s] + other.Current[s]);
                Durations[s] = Durations[s].Plus(other.Durations[s]);
            }

            for (var p = 0; p < Distribution.Length; p++)
            {
                for (var s = 0; s < Furthest.Length; s++)
                {
                    Distribution[p][s] = checked(Distribution[p][s] + other.Distribution[p][s]);
                }
            }
        }
    }

    /// <summary>The distinct durations of completed visits (ascending) with their counts: sorted run-length arrays, made
    /// from a chunk's durations by one sort and merged linearly, so that a scan costs no hash lookup per visit.</summary>
    private sealed class DurationRuns(long[] ticks, long[] counts)
    {
        public static DurationRuns None { get; } = new([], []);

        public long[] Ticks { get; } = ticks;

        public long[] Counts { get; } = counts;

        public static DurationRuns Of(List<long> durations)
        {
            if (durations.Count == 0)
            {
                return None;
            }

            var sorted = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(durations);
            sorted.Sort();
            var ticks = new long[sorted.Length];
            var counts = new long[sorted.Length];
            var runs = 0;
            foreach (var duration in sorted)
            {
                if (runs > 0 && ticks[runs - 1] == duration)
                {
                    counts[runs - 1]++;
                }
                else
                {
                    ticks[runs] = duration;
                    counts[runs++] = 1;
                }
            }

            return new DurationRuns(ticks[..runs], counts[..runs]);
        }

        public DurationRuns Plus(DurationRuns other)
        {
            if (other.Ticks.Length == 0)
            {
                return this;
            }

            if (Ticks.Length == 0)
            {
                return other;
            }

            var ticks = new long[Ticks.Length + other.Ticks.Length];
            var counts = new long[ticks.Length];
            int i = 0, j = 0, runs = 0;
            while (i < Ticks.Length || j < other.Ticks.Length)
            {
                if (j == other.Ticks.Length || (i < Ticks.Length && Ticks[i] < other.Ticks[j]))
                {
                    (ticks[runs], counts[runs++]) = (Ticks[i], Counts[i++]);
                }
                else if (i == Ticks.Length || other.Ticks[j] < Ticks[i])
                {
                    (ticks[runs], counts[runs++]) = (other.Ticks[j], other.Counts[j++]);
                }
                else
                {
                    (ticks[runs], counts[runs++]) = (Ticks[i], checked(Counts[i++] + other.Counts[j++]));
                }
            }

            return runs == ticks.Length ? new DurationRuns(ticks, counts) : new DurationRuns(ticks[..runs], counts[..runs]);
        }
    }
}
