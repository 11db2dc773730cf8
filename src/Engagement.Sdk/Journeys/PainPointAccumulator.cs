using System.Globalization;
using Engagement.Sdk.Statistics;

namespace Engagement.Sdk.Journeys;

/// <summary>
/// A mergeable accumulator of one pain point over event logs: cart abandonment or errors before exit (see
/// <see cref="PainPointDefinition"/>). <see cref="ToResult"/> gives the <see cref="PainPointResult"/>: the candidate
/// events examined, the occurrences among them, their rate, and the customers affected.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Add(EventLog, CancellationToken)"/> scans every customer of a log; on a large log it uses both cores.
/// Accumulators of logs holding disjoint sets of customers (such as the parts of <see cref="EventLog.Partition"/>) merge
/// to the result of the whole. A customer whose events are split between two merged accumulators, or added twice, is
/// judged in each part separately: its occurrences count in each (its id is listed once). Partition by customer.
/// </para>
/// <para>
/// A sealed class: merging is associative and commutative; every update is checked and all-or-nothing; the state
/// round-trips through JSON (see <see cref="PainPointState"/>). Not thread-safe: give each thread its own and merge them.
/// </para>
/// </remarks>
public sealed class PainPointAccumulator : IMetricAccumulator<PainPointAccumulator, PainPointResult, PainPointState>
{
    private PainPointTally _tally = new();

    /// <summary>Creates an empty accumulator.</summary>
    /// <param name="painPoint">Which pain point to count, such as <c>PainPointDefinition.ForCartAbandonment()</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="painPoint"/> is <see langword="null"/>.</exception>
    public PainPointAccumulator(PainPointDefinition painPoint)
    {
        ArgumentNullException.ThrowIfNull(painPoint);
        PainPoint = painPoint;
    }

    /// <summary>Gets the definition: <see cref="MetricDefinition.PainPoints"/>.</summary>
    public MetricDefinition Definition => MetricDefinition.PainPoints;

    /// <summary>Gets which pain point is counted, with its parameters.</summary>
    public PainPointDefinition PainPoint { get; }

    /// <summary>Gets the candidate events examined so far (add-to-cart events, error events).</summary>
    public long Count => _tally.Candidates;

    /// <inheritdoc />
    public static PainPointAccumulator FromState(PainPointState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new PainPointAccumulator(state.PainPoint) { _tally = PainPointTally.From(state.Candidates, state.Occurrences, state.Customers) };
    }

    /// <summary>Computes a pain point over a log in one call.</summary>
    /// <param name="log">The log.</param>
    /// <param name="painPoint">Which pain point to count.</param>
    /// <param name="cancellationToken">Cancels the scan; checked between chunks of customers.</param>
    /// <returns>The result; with no candidate events it has no value.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Errors before exit by a session-id property the log does not keep.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static PainPointResult Compute(EventLog log, PainPointDefinition painPoint, CancellationToken cancellationToken = default)
    {
        var accumulator = new PainPointAccumulator(painPoint);
        accumulator.Add(log, cancellationToken);
        return accumulator.ToResult();
    }

    /// <summary>Adds every customer of a log.</summary>
    /// <param name="log">The log; its customers should be new to this accumulator (see the remarks).</param>
    /// <param name="cancellationToken">Cancels the scan; checked between chunks of customers. Nothing is added when it
    /// is cancelled.</param>
    /// <exception cref="ArgumentNullException"><paramref name="log"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Errors before exit by a session-id property the log does not keep.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; nothing is
    /// changed.</exception>
    /// <exception cref="OverflowException">A total would exceed <see cref="long.MaxValue"/>; nothing is changed.</exception>
    public void Add(EventLog log, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        var partial = CustomerScan.Run(log, PainPoint.ScanFor(log), (into, later) => into.Merge(later), cancellationToken);
        _tally.Merge(partial);
    }

    /// <inheritdoc />
    public void Merge(PainPointAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (PainPoint != other.PainPoint)
        {
            throw new ArgumentException(
                $"Only accumulators of the same definition merge: this one is {PainPoint}, the other {other.PainPoint}.", nameof(other));
        }

        try
        {
            _tally.Merge(other._tally);
        }
        catch (OverflowException e)
        {
            throw MergeOverflow.For(this, other, e);
        }
    }

    /// <summary>Returns the pain point so far.</summary>
    /// <returns>The result; with no candidate events it has no value.</returns>
    public PainPointResult ToResult() => new(PainPoint.Name, _tally.Candidates, _tally.Occurrences, _tally.SortedCustomers());

    /// <inheritdoc />
    public PainPointState GetState() =>
        new(PainPointState.CurrentVersion, Definition, PainPoint, _tally.Candidates, _tally.Occurrences, _tally.SortedCustomers());

    /// <summary>Returns the counts as <c>cart abandonment: 3 of 12, 2 customers</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{PainPoint.Name}: {_tally.Occurrences} of {_tally.Candidates}, {_tally.Customers.Count} customers");
}
