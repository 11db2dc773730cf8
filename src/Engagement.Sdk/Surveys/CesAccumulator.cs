using Engagement.Sdk.Statistics;

namespace Engagement.Sdk.Surveys;

/// <summary>
/// A mergeable accumulator of customer-effort (CES) agreement scores. <see cref="RatingAccumulator{TSelf}.ToResult"/>
/// gives the <see cref="RatingResult"/>: the low-effort share with its Wilson interval and the mean with its t interval.
/// </summary>
/// <remarks>
/// Obtain one from <see cref="CesCalculator.CreateAccumulator"/> or construct it with a
/// <see cref="MetricDefinition.Ces"/> definition. A sealed class: an accumulator kept in a dictionary or a list is
/// updated in place. It refuses to merge with a CES accumulator of another scale or threshold, and a CSAT accumulator
/// is another type altogether. Not thread-safe.
/// </remarks>
public sealed class CesAccumulator : RatingAccumulator<CesAccumulator>, IMetricAccumulator<CesAccumulator, RatingResult, RatingState>
{
    /// <summary>Creates an empty accumulator on the default definition: 1–7, low effort from 5.</summary>
    public CesAccumulator()
        : this(DefaultDefinition)
    {
    }

    /// <summary>Creates an empty accumulator.</summary>
    /// <param name="definition">A CES definition, from <see cref="MetricDefinition.Ces"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="definition"/> is not a CES definition.</exception>
    public CesAccumulator(MetricDefinition definition)
        : base(definition, MetricKind.Ces)
    {
    }

    internal static MetricDefinition DefaultDefinition { get; } = MetricDefinition.Ces();

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The state is not of a CES definition.</exception>
    public static CesAccumulator FromState(RatingState state) => Restore(state, MetricKind.Ces, static definition => new CesAccumulator(definition));
}
