using System.Globalization;
using Engagement.Sdk.Statistics;

namespace Engagement.Sdk.Rates;

/// <summary>
/// A mergeable accumulator of a rate: counts successes and trials one observation, or one batch, at a time, and
/// merges with accumulators of other partitions of the same rate. <see cref="ToResult"/> gives the
/// <see cref="Proportion"/> with its Wilson interval.
/// </summary>
/// <remarks>
/// A sealed class: an accumulator kept in a dictionary or a list is updated in place. It carries a rate definition
/// (<see cref="MetricDefinition.Rate"/>), so a conversion rate refuses to merge into a churn rate. Merging is
/// associative and commutative, and merging the accumulators of any split of the data equals accumulating the whole.
/// Every update is checked and all-or-nothing. Not thread-safe: give each thread its own and merge them.
/// </remarks>
public sealed class ProportionAccumulator : IMetricAccumulator<ProportionAccumulator, Proportion, ProportionState>
{
    private static readonly MetricDefinition Unnamed = MetricDefinition.Rate();
    private long _successes;
    private long _trials;

    /// <summary>Creates an empty accumulator of an unnamed rate.</summary>
    public ProportionAccumulator()
        : this(Unnamed)
    {
    }

    /// <summary>Creates an empty accumulator of a rate.</summary>
    /// <param name="definition">A rate definition, such as <c>MetricDefinition.Rate("conversion")</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="definition"/> is not a rate.</exception>
    public ProportionAccumulator(MetricDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        Definition = definition.RequireKind(MetricKind.Rate, nameof(definition));
    }

    /// <inheritdoc />
    public MetricDefinition Definition { get; }

    /// <summary>Gets the number of trials so far.</summary>
    public long Count => _trials;

    /// <summary>Gets the successes so far.</summary>
    public long Successes => _successes;

    /// <summary>Gets the trials so far.</summary>
    public long Trials => _trials;

    /// <inheritdoc />
    public static ProportionAccumulator FromState(ProportionState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new ProportionAccumulator(state.Definition) { _successes = state.Successes, _trials = state.Trials };
    }

    /// <summary>Adds one trial.</summary>
    /// <param name="success">Whether the trial succeeded.</param>
    /// <exception cref="OverflowException">The trials would exceed <see cref="long.MaxValue"/>; nothing is changed.</exception>
    public void Add(bool success) => Add(success ? 1 : 0, 1);

    /// <summary>Adds a batch of trials.</summary>
    /// <param name="successes">Successes in the batch, from 0 to <paramref name="trials"/>.</param>
    /// <param name="trials">Trials in the batch, 0 or more.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, or <paramref name="successes"/> exceeds
    /// <paramref name="trials"/>.</exception>
    /// <exception cref="OverflowException">The trials would exceed <see cref="long.MaxValue"/>; nothing is changed.</exception>
    public void Add(long successes, long trials)
    {
        _ = new Proportion(successes, trials);
        var total = checked(_trials + trials);
        _successes += successes;
        _trials = total;
    }

    /// <inheritdoc />
    public void Merge(ProportionAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Definition.RequireSame(other.Definition, nameof(other));
        Add(other._successes, other._trials);
    }

    /// <summary>Returns the rate accumulated so far.</summary>
    /// <returns>The proportion; without trials it has no value.</returns>
    public Proportion ToResult() => new(_successes, _trials);

    /// <inheritdoc />
    public ProportionState GetState() => new(ProportionState.CurrentVersion, Definition, _successes, _trials);

    /// <summary>Returns the state as <c>rate 'conversion': 42/1000</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Definition}: {_successes}/{_trials}");
}
