using Engagement.Sdk.Statistics;

namespace Engagement.Sdk.Surveys;

/// <summary>
/// A mergeable accumulator of customer-satisfaction (CSAT) ratings. <see cref="RatingAccumulator{TSelf}.ToResult"/>
/// gives the <see cref="RatingResult"/>: the satisfied share with its Wilson interval and the mean with its t interval.
/// </summary>
/// <remarks>
/// Obtain one from <see cref="CsatCalculator.CreateAccumulator"/> or construct it with a
/// <see cref="MetricDefinition.Csat"/> definition. A sealed class: an accumulator kept in a dictionary or a list is
/// updated in place. It refuses to merge with a CSAT accumulator of another scale or threshold, and a CES accumulator
/// is another type altogether. Not thread-safe.
/// </remarks>
public sealed class CsatAccumulator : RatingAccumulator<CsatAccumulator>, IMetricAccumulator<CsatAccumulator, RatingResult, RatingState>
{
    /// <summary>Creates an empty accumulator on the default definition: 1–5, satisfied from 4.</summary>
    public CsatAccumulator()
        : this(DefaultDefinition)
    {
    }

    /// <summary>Creates an empty accumulator.</summary>
    /// <param name="definition">A CSAT definition, from <see cref="MetricDefinition.Csat"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="definition"/> is not a CSAT definition.</exception>
    public CsatAccumulator(MetricDefinition definition)
        : base(definition, MetricKind.Csat)
    {
    }

    internal static MetricDefinition DefaultDefinition { get; } = MetricDefinition.Csat();

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The state is not of a CSAT definition.</exception>
    public static CsatAccumulator FromState(RatingState state) => Restore(state, MetricKind.Csat, static definition => new CsatAccumulator(definition));
}
