using System.Globalization;
using System.Text.Json.Serialization;


namespace Engagement.Sdk.Surveys;

/// <summary>
/// A mergeable accumulator of Net Promoter Score answers on the 0–10 scale: counts promoters (9–10), passives (7–8)
/// and detractors (0–6). <see cref="ToResult"/> gives the <see cref="NpsResult"/>.
/// </summary>
/// <remarks>
/// A mutable struct: keep it in a local or a non-readonly field and pass it by <see langword="ref"/>. Merging is
/// associative and commutative, and merging the accumulators of any split of the answers equals accumulating them
/// all. Its state (the three counts) round-trips through JSON. Not thread-safe: give each thread its own and merge.
/// </remarks>
public struct NpsAccumulator : IEquatable<NpsAccumulator>
{
    /// <summary>Restores an accumulator from its state.</summary>
    /// <param name="promoters">Answers of 9 or 10 so far.</param>
    /// <param name="passives">Answers of 7 or 8 so far.</param>
    /// <param name="detractors">Answers of 0 to 6 so far.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    /// <exception cref="OverflowException">The counts add up to more than <see cref="long.MaxValue"/>.</exception>
    [JsonConstructor]
    public NpsAccumulator(long promoters, long passives, long detractors)
    {
        Validation.Tally(promoters, nameof(promoters), passives, nameof(passives), detractors, nameof(detractors));
        Promoters = promoters;
        Passives = passives;
        Detractors = detractors;
    }

    /// <summary>Gets the answers of 9 or 10 so far.</summary>
    public long Promoters { readonly get; private set; }

    /// <summary>Gets the answers of 7 or 8 so far.</summary>
    public long Passives { readonly get; private set; }

    /// <summary>Gets the answers of 0 to 6 so far.</summary>
    public long Detractors { readonly get; private set; }

    /// <summary>Gets the number of answers so far.</summary>
    [JsonIgnore]
    public readonly long Count => Promoters + Passives + Detractors;

    /// <summary>Returns whether two accumulators hold the same state.</summary>
    /// <param name="left">The first accumulator.</param>
    /// <param name="right">The second accumulator.</param>
    /// <returns><see langword="true"/> when the three counts are equal.</returns>
    public static bool operator ==(NpsAccumulator left, NpsAccumulator right) => left.Equals(right);

    /// <summary>Returns whether two accumulators hold different states.</summary>
    /// <param name="left">The first accumulator.</param>
    /// <param name="right">The second accumulator.</param>
    /// <returns><see langword="true"/> when a count differs.</returns>
    public static bool operator !=(NpsAccumulator left, NpsAccumulator right) => !left.Equals(right);

    /// <summary>Adds one answer.</summary>
    /// <param name="score">The answer to "How likely are you to recommend …?", from 0 to 10.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="score"/> is outside 0–10.</exception>
    public void Add(int score)
    {
        if (score < NpsResult.MinScore || score > NpsResult.MaxScore)
        {
            throw new ArgumentOutOfRangeException(
                nameof(score), score, string.Create(CultureInfo.InvariantCulture, $"An NPS answer must lie on the 0–10 scale; got {score}."));
        }

        if (score >= NpsResult.MinPromoterScore)
        {
            Promoters++;
        }
        else if (score > NpsResult.MaxDetractorScore)
        {
            Passives++;
        }
        else
        {
            Detractors++;
        }
    }

    /// <summary>Adds every answer of a span in one vectorised pass that allocates nothing.</summary>
    /// <param name="scores">Answers from 0 to 10.</param>
    /// <exception cref="ArgumentOutOfRangeException">An answer is outside 0–10; the message gives its index and value,
    /// and the accumulator is left unchanged.</exception>
    public void AddRange(ReadOnlySpan<int> scores)
    {
        var (detractors, promoters) = ScoreScan.CountBands(
            scores, NpsResult.MinScore, NpsResult.MaxScore, NpsResult.MaxDetractorScore, NpsResult.MinPromoterScore, "NPS", nameof(scores));
        Merge(new NpsAccumulator(promoters, scores.Length - promoters - detractors, detractors));
    }

    /// <summary>Adds the state of another accumulator to this one.</summary>
    /// <param name="other">The accumulator of another partition.</param>
    /// <exception cref="OverflowException">The total exceeds <see cref="long.MaxValue"/>.</exception>
    public void Merge(in NpsAccumulator other)
    {
        _ = checked(Count + other.Count);
        Promoters += other.Promoters;
        Passives += other.Passives;
        Detractors += other.Detractors;
    }

    /// <summary>Returns the Net Promoter Score of the answers so far.</summary>
    /// <returns>The result; with no answers it has no value.</returns>
    public readonly NpsResult ToResult() => new(Promoters, Passives, Detractors);

    /// <inheritdoc />
    public readonly bool Equals(NpsAccumulator other) =>
        Promoters == other.Promoters && Passives == other.Passives && Detractors == other.Detractors;

    /// <inheritdoc />
    public override readonly bool Equals(object? obj) => obj is NpsAccumulator other && Equals(other);

    /// <inheritdoc />
    public override readonly int GetHashCode() => HashCode.Combine(Promoters, Passives, Detractors);

    /// <summary>Returns the state as <c>promoters/passives/detractors</c>.</summary>
    /// <returns>A readable description.</returns>
    public override readonly string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"promoters {Promoters}, passives {Passives}, detractors {Detractors}");
}
