namespace Engagement.Sdk.Surveys;

/// <summary>
/// Computes a <see cref="RatingResult"/> — favourable share and mean — of ratings on a scale. The concrete
/// calculators are <see cref="CsatCalculator"/> and <see cref="CesCalculator"/>.
/// </summary>
/// <remarks>
/// The span path is one vectorised pass that allocates nothing. Instances are immutable and thread-safe. Empty input
/// gives a result without a value.
/// </remarks>
public abstract class RatingCalculator
{
    private readonly string _metricName;

    private protected RatingCalculator(
        string metricName, RatingScale scale, int? threshold, Func<RatingScale, int> defaultThreshold, string thresholdName)
    {
        _metricName = metricName;
        Scale = scale.ThrowIfInvalid(nameof(scale));
        Threshold = threshold ?? defaultThreshold(scale);
        if (!scale.Contains(Threshold))
        {
            throw new ArgumentOutOfRangeException(
                thresholdName, Threshold, $"The {metricName} threshold {Threshold} is outside the scale {scale}.");
        }
    }

    /// <summary>Gets the rating scale.</summary>
    public RatingScale Scale { get; }

    private protected static RatingScale ScaleOf(int minScore, int maxScore) => new(minScore, maxScore);

    /// <summary>Gets the lowest score that counts as favourable.</summary>
    public int Threshold { get; }

    /// <summary>Computes the summary of a span of ratings.</summary>
    /// <param name="scores">Scores on <see cref="Scale"/>.</param>
    /// <returns>The result; for an empty span it has no value.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A score is off the scale; the message gives its index and value.</exception>
    public RatingResult Compute(ReadOnlySpan<int> scores)
    {
        var accumulator = CreateAccumulator();
        accumulator.AddRange(scores);
        return accumulator.ToResult();
    }

    /// <summary>Computes the summary of a sequence of ratings.</summary>
    /// <param name="scores">Scores on <see cref="Scale"/>.</param>
    /// <returns>The result; for an empty sequence it has no value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scores"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A score is off the scale; the message gives its index and value.</exception>
    public RatingResult Compute(IEnumerable<int> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (ScoreSequence.TryGetSpan(scores, out var span))
        {
            return Compute(span);
        }

        var accumulator = CreateAccumulator();
        foreach (var score in ScoreSequence.OnScale(scores, Scale, _metricName, nameof(scores)))
        {
            accumulator.Add(score);
        }

        return accumulator.ToResult();
    }

    /// <summary>Creates an empty accumulator of this calculator's scale and threshold.</summary>
    /// <returns>An accumulator with no answers.</returns>
    public RatingAccumulator CreateAccumulator() => new(Scale, Threshold);

    /// <summary>Returns the metric, scale and threshold, for example <c>CSAT on 1–5, satisfied from 4</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() => $"{_metricName} on {Scale}, favourable from {Threshold}";
}
