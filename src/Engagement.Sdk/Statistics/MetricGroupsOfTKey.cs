using System.Collections;

namespace Engagement.Sdk.Statistics;

/// <summary>
/// One accumulator per key (a channel, a segment, a day): a group-by for any metric. The indexer returns the key's
/// accumulator, creating it on first use; since accumulators are classes, <c>groups["email"].Add(9)</c> updates the
/// stored one. Create instances with <see cref="MetricGroups.Create"/>.
/// </summary>
/// <typeparam name="TKey">The group key.</typeparam>
/// <typeparam name="TAccumulator">The accumulator type.</typeparam>
/// <typeparam name="TResult">Its result type.</typeparam>
/// <typeparam name="TState">Its state type.</typeparam>
/// <remarks>
/// Every group shares one <see cref="Definition"/>. Groups of partitions merge key by key with
/// <see cref="Merge"/>. Enumeration yields the groups in the order their keys were first used. Not thread-safe.
/// </remarks>
public sealed class MetricGroups<TKey, TAccumulator, TResult, TState> : IEnumerable<KeyValuePair<TKey, TAccumulator>>
    where TKey : notnull
    where TAccumulator : class, IMetricAccumulator<TAccumulator, TResult, TState>
    where TState : MetricState
{
    private readonly Dictionary<TKey, TAccumulator> _groups;
    private readonly List<TKey> _order = [];
    private readonly TState _empty;

    internal MetricGroups(TState empty, MetricDefinition definition, IEqualityComparer<TKey?> keyComparer)
    {
        _empty = empty;
        Definition = definition;
        _groups = new Dictionary<TKey, TAccumulator>((IEqualityComparer<TKey>)keyComparer);
        Keys = _order.AsReadOnly();
    }

    /// <summary>Gets the definition every group's accumulator has.</summary>
    public MetricDefinition Definition { get; }

    /// <summary>Gets the number of groups.</summary>
    public int Count => _groups.Count;

    /// <summary>Gets the keys in the order they were first used: a read-only view.</summary>
    public IReadOnlyList<TKey> Keys { get; }

    /// <summary>Gets how keys compare.</summary>
    public IEqualityComparer<TKey> KeyComparer => _groups.Comparer;

    /// <summary>Gets the accumulator of a key, creating an empty one the first time the key is used.</summary>
    /// <param name="key">The group key.</param>
    /// <returns>The key's accumulator; updates to it are kept.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    public TAccumulator this[TKey key]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(key);
            if (!_groups.TryGetValue(key, out var accumulator))
            {
                accumulator = TAccumulator.FromState(_empty);
                _groups.Add(key, accumulator);
                _order.Add(key);
            }

            return accumulator;
        }
    }

    /// <summary>Looks up a key's accumulator without creating one.</summary>
    /// <param name="key">The group key.</param>
    /// <param name="accumulator">The accumulator, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> if the key has a group.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    public bool TryGetValue(TKey key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out TAccumulator accumulator)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _groups.TryGetValue(key, out accumulator);
    }

    /// <summary>Merges the groups of another partition into these, key by key; keys new to these are added.</summary>
    /// <param name="other">The groups of another partition; they are not changed.</param>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="other"/> has another definition or compares keys with another
    /// comparer (two of its keys could then fall into one group here); nothing is merged.</exception>
    /// <exception cref="OverflowException">A total would exceed <see cref="long.MaxValue"/>; nothing is merged.</exception>
    public void Merge(MetricGroups<TKey, TAccumulator, TResult, TState> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Definition.RequireSame(other.Definition, nameof(other));

        // An analysis's own definition (a funnel's steps, a retention's periods) lives beyond the metric definition:
        // merging the two empty templates lets the accumulator refuse what it would refuse itself.
        TAccumulator.FromState(_empty).Merge(TAccumulator.FromState(other._empty));
        if (!KeyComparer.Equals(other.KeyComparer))
        {
            throw new ArgumentException(
                $"Only groups whose keys compare alike merge: these use {KeyComparer}, the other {other.KeyComparer}.", nameof(other));
        }

        // Merge into copies first, so that an overflow in any group leaves every group as it was; then merge into the
        // accumulators callers may hold references to, which cannot fail once the copies have succeeded.
        var added = new List<(TKey Key, TAccumulator Accumulator)>();
        foreach (var key in other._order)
        {
            var copy = TAccumulator.FromState(_groups.TryGetValue(key, out var mine) ? mine.GetState() : _empty);
            copy.Merge(other._groups[key]);
            if (mine is null)
            {
                added.Add((key, copy));
            }
        }

        foreach (var key in other._order)
        {
            if (_groups.TryGetValue(key, out var mine))
            {
                mine.Merge(other._groups[key]);
            }
        }

        foreach (var (key, accumulator) in added)
        {
            _groups.Add(key, accumulator);
            _order.Add(key);
        }
    }

    /// <summary>Returns every group's result, in key order of first use.</summary>
    /// <returns>Key and result pairs.</returns>
    public IReadOnlyList<KeyValuePair<TKey, TResult>> ToResults() =>
        [.. _order.Select(key => KeyValuePair.Create(key, _groups[key].ToResult()))];

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<TKey, TAccumulator>> GetEnumerator() =>
        _order.Select(key => KeyValuePair.Create(key, _groups[key])).GetEnumerator();

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
