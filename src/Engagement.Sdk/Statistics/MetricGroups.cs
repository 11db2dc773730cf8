namespace Engagement.Sdk.Statistics;

/// <summary>Creates <see cref="MetricGroups{TKey, TAccumulator, TResult, TState}"/>: one accumulator per key.</summary>
public static class MetricGroups
{
    /// <summary>Creates an empty set of groups whose accumulators start as copies of an empty template.</summary>
    /// <typeparam name="TKey">The group key, such as a channel name.</typeparam>
    /// <typeparam name="TAccumulator">The accumulator type.</typeparam>
    /// <typeparam name="TResult">Its result type.</typeparam>
    /// <typeparam name="TState">Its state type.</typeparam>
    /// <param name="template">An empty accumulator of the definition every group uses, for example
    /// <c>csat.CreateAccumulator()</c>.</param>
    /// <param name="keyComparer">How keys compare, for example <see cref="StringComparer.Ordinal"/>.</param>
    /// <returns>The groups; a key's accumulator is created the first time the key is used, as a copy of the template's
    /// state. An empty template may still hold state without observations, such as share-of-voice brands tracked with
    /// 0 mentions; every group then starts tracking them.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="template"/> is not empty.</exception>
    /// <example>
    /// <code>
    /// var byChannel = MetricGroups.Create(NpsCalculator.Default.CreateAccumulator(), StringComparer.Ordinal);
    /// byChannel["email"].Add(10);   // the stored accumulator is updated: accumulators are classes
    /// </code>
    /// </example>
    public static MetricGroups<TKey, TAccumulator, TResult, TState> Create<TKey, TAccumulator, TResult, TState>(
        IMetricAccumulator<TAccumulator, TResult, TState> template, IEqualityComparer<TKey?> keyComparer)
        where TKey : notnull
        where TAccumulator : class, IMetricAccumulator<TAccumulator, TResult, TState>
        where TState : MetricState
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(keyComparer);
        if (template.Count != 0)
        {
            throw new ArgumentException(
                $"The template must be an empty accumulator; it holds {template.Count} observations.", nameof(template));
        }

        return new MetricGroups<TKey, TAccumulator, TResult, TState>(template.GetState(), template.Definition, keyComparer!);
    }
}
