using Engagement.Sdk.Statistics;

namespace Engagement.Sdk.Surveys;

/// <summary>
/// Computes a <see cref="RatingResult"/> — favourable share and mean — of ratings on a scale. The concrete
/// calculators are <see cref="CsatCalculator"/> and <see cref="CesCalculator"/>.
/// </summary>
/// <remarks>
/// The span path is one pass that allocates nothing, vectorised where the hardware accelerates 256- or 512-bit vectors
/// (any alignment; scalar elsewhere). Instances are immutable and thread-safe. Empty input
/// gives a result without a value.
/// </remarks>
public abstract class RatingCalculator
{
    private protected RatingCalculator(MetricDefinition definition)
    {
        Definition = definition;
    }

    /// <summary>Gets what is measured: the kind, the scale and the favourable threshold.</summary>
    public MetricDefinition Definition { get; }

    /// <summary>Gets the rating scale.</summary>
    public RatingScale Scale => Definition.Scale!.Value;

    /// <summary>Gets the lowest score that counts as favourable.</summary>
    public int Threshold => Definition.FavourableThreshold!.Value;

    /// <summary>Computes the summary of a span of ratings.</summary>
    /// <param name="scores">Scores on <see cref="Scale"/>.</param>
    /// <returns>The result; for an empty span it has no value.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A score is off the scale; the message gives its index and value.</exception>
    public RatingResult Compute(ReadOnlySpan<int> scores)
    {
        var tally = default(RatingTally);
        tally.AddRange(scores, Definition, nameof(scores));
        return tally.ToResult(Definition);
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

        var tally = default(RatingTally);
        foreach (var score in ScoreSequence.OnScale(scores, Scale, Definition.Label, nameof(scores)))
        {
            tally.Add(score, Definition, nameof(scores));
        }

        return tally.ToResult(Definition);
    }

    /// <summary>Returns the definition, for example <c>CSAT on 1–5, favourable from 4</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() => Definition.ToString();
}
