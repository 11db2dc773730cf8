namespace Engagement.Sdk.Statistics;

/// <summary>Helpers written once for every <see cref="IMetricAccumulator{TSelf, TResult, TState}"/>.</summary>
public static class MetricAccumulatorExtensions
{
    /// <summary>Merges the accumulators of several partitions into <paramref name="target"/>.</summary>
    /// <typeparam name="TSelf">The accumulator type.</typeparam>
    /// <typeparam name="TResult">Its result type.</typeparam>
    /// <typeparam name="TState">Its state type.</typeparam>
    /// <param name="target">The accumulator that receives the others.</param>
    /// <param name="partitions">The accumulators of the other partitions; they are not changed.</param>
    /// <returns><paramref name="target"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument or a partition is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A partition has another definition; nothing is merged.</exception>
    /// <exception cref="OverflowException">A total would exceed <see cref="long.MaxValue"/>; nothing is merged.</exception>
    public static TSelf MergeAll<TSelf, TResult, TState>(this IMetricAccumulator<TSelf, TResult, TState> target, IEnumerable<TSelf> partitions)
        where TSelf : class, IMetricAccumulator<TSelf, TResult, TState>
        where TState : MetricState
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(partitions);

        // Combine the partitions in a copy first, so that a bad partition or an overflow leaves the target as it was.
        var self = (TSelf)target;
        TSelf? combined = null;
        foreach (var partition in partitions)
        {
            ArgumentNullException.ThrowIfNull(partition, nameof(partitions));
            if (combined is null)
            {
                combined = TSelf.FromState(partition.GetState());
            }
            else
            {
                combined.Merge(partition);
            }
        }

        if (combined is not null)
        {
            self.Merge(combined);
        }

        return self;
    }
}
