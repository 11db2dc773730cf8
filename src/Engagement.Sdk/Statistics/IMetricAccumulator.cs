namespace Engagement.Sdk.Statistics;

/// <summary>
/// The shape every metric accumulator of Engagement.Sdk shares: it counts observations, merges with accumulators of
/// other partitions, gives its result, and saves and restores its state. Group-by (<see cref="MetricGroups"/>),
/// partition merge (<see cref="MetricAccumulatorExtensions.MergeAll"/>) and persistence are written once against it.
/// </summary>
/// <typeparam name="TSelf">The accumulator type itself: a sealed class.</typeparam>
/// <typeparam name="TResult">The immutable result type.</typeparam>
/// <typeparam name="TState">The immutable, versioned, validated, JSON-serialisable state type, a <see cref="MetricState"/>.</typeparam>
/// <remarks>
/// <para>
/// Laws every implementation keeps (the shared accumulator-law tests check them): <see cref="Merge"/> is associative
/// and commutative; merging the accumulators of any split of the observations equals accumulating them all; the
/// result does not depend on the order of the observations; <c>FromState(GetState())</c> equals the original, through
/// JSON too; an empty accumulator's result says it has no value; merging accumulators of different definitions throws
/// <see cref="ArgumentException"/> and changes nothing.
/// </para>
/// <para>
/// Every update is all-or-nothing: an observation or merge that would overflow a count throws
/// <see cref="OverflowException"/> and leaves the accumulator as it was. Accumulators are not thread-safe: give each
/// thread its own and merge them.
/// </para>
/// </remarks>
public interface IMetricAccumulator<TSelf, TResult, TState>
    where TSelf : class, IMetricAccumulator<TSelf, TResult, TState>
    where TState : MetricState
{
    /// <summary>Gets what this accumulator measures.</summary>
    MetricDefinition Definition { get; }

    /// <summary>Gets the number of observations so far.</summary>
    long Count { get; }

    /// <summary>Restores an accumulator from a state saved by <see cref="GetState"/>.</summary>
    /// <param name="state">The state; validated when it was created.</param>
    /// <returns>A new accumulator holding the state.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="state"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The state's definition is not of this accumulator's kind.</exception>
    static abstract TSelf FromState(TState state);

    /// <summary>Adds the observations of another accumulator of the same definition to this one.</summary>
    /// <param name="other">The accumulator of another partition; it is not changed. It may be this one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="other"/> has another definition.</exception>
    /// <exception cref="OverflowException">A total would exceed <see cref="long.MaxValue"/>; nothing is changed.</exception>
    void Merge(TSelf other);

    /// <summary>Returns the result of the observations so far.</summary>
    /// <returns>The result; with no observations it has no value.</returns>
    TResult ToResult();

    /// <summary>Returns a snapshot of the state, for persistence or transport.</summary>
    /// <returns>The state; later updates do not change it.</returns>
    TState GetState();
}
