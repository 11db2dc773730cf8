using System.Globalization;
using Engagement.Sdk.Statistics;

namespace Engagement.Sdk.Journeys;

/// <summary>
/// A mergeable accumulator of sessions and web metrics over event logs. <see cref="ToResult"/> gives the
/// <see cref="SessionResult"/>: sessions, engaged sessions, engagement and bounce rates, mean and median session
/// duration, views per session.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Add(EventLog, CancellationToken)"/> cuts every customer of a log into sessions (see
/// <see cref="SessionDefinition"/>) and adds them; on a large log it uses both cores. Accumulators of logs holding
/// disjoint sets of customers (such as the parts of <see cref="EventLog.Partition"/>) merge to the result of the whole.
/// A customer whose events are split between two merged accumulators, or added twice, is cut into sessions in each
/// part separately and counted in each: partition by customer.
/// </para>
/// <para>
/// A sealed class: merging is associative and commutative; every update is checked and all-or-nothing; the state
/// round-trips through JSON (see <see cref="SessionState"/>). Not thread-safe: give each thread its own and merge
/// them.
/// </para>
/// </remarks>
public sealed class SessionAccumulator : IMetricAccumulator<SessionAccumulator, SessionResult, SessionState>
{
    private SessionTally _tally = new();

    /// <summary>Creates an empty accumulator with GA4's definition (see <see cref="Journeys.SessionDefinition()"/>).</summary>
    public SessionAccumulator()
        : this(new SessionDefinition())
    {
    }

    /// <summary>Creates an empty accumulator.</summary>
    /// <param name="sessionDefinition">How sessions are cut and judged engaged.</param>
    /// <exception cref="ArgumentNullException"><paramref name="sessionDefinition"/> is <see langword="null"/>.</exception>
    public SessionAccumulator(SessionDefinition sessionDefinition)
    {
        ArgumentNullException.ThrowIfNull(sessionDefinition);
        SessionDefinition = sessionDefinition;
    }

    /// <summary>Gets the definition: <see cref="MetricDefinition.Sessions"/>.</summary>
    public MetricDefinition Definition => MetricDefinition.Sessions;

    /// <summary>Gets how sessions are cut and judged engaged.</summary>
    public SessionDefinition SessionDefinition { get; }

    /// <summary>Gets the sessions so far.</summary>
    public long Count => _tally.Sessions;

    /// <inheritdoc />
    public static SessionAccumulator FromState(SessionState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new SessionAccumulator(state.SessionDefinition) { _tally = SessionTally.From(state) };
    }

    /// <summary>Computes the session metrics of a log in one call.</summary>
    /// <param name="log">The log.</param>
    /// <param name="sessionDefinition">How sessions are cut and judged engaged, or <see langword="null"/> for GA4's.</param>
    /// <param name="cancellationToken">Cancels the scan; checked between chunks of customers.</param>
    /// <returns>The result; for an empty log it has no value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="log"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The definition names a session-id property the log does not keep.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static SessionResult Compute(EventLog log, SessionDefinition? sessionDefinition = null, CancellationToken cancellationToken = default)
    {
        var accumulator = new SessionAccumulator(sessionDefinition ?? new SessionDefinition());
        accumulator.Add(log, cancellationToken);
        return accumulator.ToResult();
    }

    /// <summary>Adds the sessions of every customer of a log.</summary>
    /// <param name="log">The log; its customers should be new to this accumulator (see the remarks).</param>
    /// <param name="cancellationToken">Cancels the scan; checked between chunks of customers. Nothing is added when it
    /// is cancelled.</param>
    /// <exception cref="ArgumentNullException"><paramref name="log"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><see cref="SessionDefinition"/> names a session-id property the log does not
    /// keep.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; nothing is
    /// changed.</exception>
    /// <exception cref="OverflowException">A total would exceed <see cref="long.MaxValue"/>; nothing is changed.</exception>
    public void Add(EventLog log, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        var rules = SessionRules.For(SessionDefinition, log);
        var partial = CustomerScan.Run(
            log,
            (first, end) => SessionTally.Scan(rules, first, end),
            (into, later) => into.Merge(later),
            cancellationToken);
        _tally.Merge(partial);
    }

    /// <inheritdoc />
    public void Merge(SessionAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (SessionDefinition != other.SessionDefinition)
        {
            throw new ArgumentException(
                $"Only accumulators of the same definition merge: this one is {SessionDefinition}, the other {other.SessionDefinition}.", nameof(other));
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

    /// <summary>Returns the session metrics so far.</summary>
    /// <returns>The result; with no sessions it has no value.</returns>
    public SessionResult ToResult() =>
        SessionResult.From(SessionDefinition, _tally.Sessions, _tally.Engaged, _tally.Events, _tally.Views, _tally.Durations);

    /// <inheritdoc />
    public SessionState GetState() =>
        new(SessionState.CurrentVersion, Definition, SessionDefinition, _tally.Sessions, _tally.Engaged, _tally.Events, _tally.Views, _tally.Durations);

    /// <summary>Returns the counts as <c>sessions: 3 sessions, 2 engaged, 9 events, 4 views</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"sessions: {_tally.Sessions} sessions, {_tally.Engaged} engaged, {_tally.Events} events, {_tally.Views} views");
}
