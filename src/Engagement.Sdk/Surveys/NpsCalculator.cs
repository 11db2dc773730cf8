using System.Diagnostics.CodeAnalysis;
using Engagement.Sdk.Statistics;


namespace Engagement.Sdk.Surveys;

/// <summary>
/// Computes the Net Promoter Score (see <see cref="NpsResult"/> for the definition) of answers on the 0–10 scale.
/// </summary>
/// <remarks>
/// The span path is one pass that allocates nothing, vectorised where the hardware accelerates 256- or 512-bit vectors
/// (any alignment; scalar elsewhere). Stateless and thread-safe; <see cref="Default"/>
/// serves everywhere. Empty input gives a result without a value.
/// </remarks>
[SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Instance members let the NPS calculator be injected like the CSAT and CES calculators.")]
public sealed class NpsCalculator
{
    /// <summary>Gets the shared instance.</summary>
    public static NpsCalculator Default { get; } = new();

    /// <summary>Gets the NPS answer scale, 0–10.</summary>
    public RatingScale Scale => MetricDefinition.Nps.Scale!.Value;

    /// <summary>Gets the definition: <see cref="MetricDefinition.Nps"/>.</summary>
    public MetricDefinition Definition => MetricDefinition.Nps;

    /// <summary>Computes the Net Promoter Score of a span of answers.</summary>
    /// <param name="scores">Answers from 0 to 10.</param>
    /// <returns>The result; for an empty span it has no value.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An answer is outside 0–10; the message gives its index and value.</exception>
    public NpsResult Compute(ReadOnlySpan<int> scores)
    {
        var tally = default(NpsTally);
        tally.AddRange(scores, nameof(scores));
        return tally.ToResult();
    }

    /// <summary>Computes the Net Promoter Score of a sequence of answers.</summary>
    /// <param name="scores">Answers from 0 to 10.</param>
    /// <returns>The result; for an empty sequence it has no value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scores"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An answer is outside 0–10; the message gives its index and value.</exception>
    public NpsResult Compute(IEnumerable<int> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (ScoreSequence.TryGetSpan(scores, out var span))
        {
            return Compute(span);
        }

        var tally = default(NpsTally);
        foreach (var score in ScoreSequence.OnScale(scores, Scale, "NPS", nameof(scores)))
        {
            tally.Add(score, nameof(scores));
        }

        return tally.ToResult();
    }

    /// <summary>Creates an empty accumulator for streaming or partitioned answers.</summary>
    /// <returns>An accumulator with no answers.</returns>
    public NpsAccumulator CreateAccumulator() => new();
}
