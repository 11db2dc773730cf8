using System.Globalization;
using System.Text.Json.Serialization;


namespace Engagement.Sdk.Surveys;

/// <summary>
/// A mergeable accumulator of ratings on a <see cref="RatingScale"/> (CSAT, CES): counts the answers and those at or
/// above a threshold, and sums the scores and their squares. <see cref="ToResult"/> gives the <see cref="RatingResult"/>.
/// </summary>
/// <remarks>
/// Obtain one from <see cref="RatingCalculator.CreateAccumulator"/>. A mutable struct: keep it in a local or a
/// non-readonly field and pass it by <see langword="ref"/>. The state is integers only, so merging is exactly
/// associative and commutative, and merging the accumulators of any split of the data equals accumulating the whole.
/// Only accumulators of the same scale and threshold merge. The state round-trips through JSON. Not thread-safe.
/// </remarks>
public struct RatingAccumulator : IEquatable<RatingAccumulator>
{
    /// <summary>Creates an empty accumulator.</summary>
    /// <param name="scale">The rating scale.</param>
    /// <param name="threshold">The lowest score that counts as favourable; on the scale.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scale"/> is empty or
    /// <paramref name="threshold"/> is off it.</exception>
    public RatingAccumulator(RatingScale scale, int threshold)
        : this(scale, threshold, 0, 0, 0, 0)
    {
    }

    /// <summary>Restores an accumulator from its state.</summary>
    /// <param name="scale">The rating scale.</param>
    /// <param name="threshold">The lowest score that counts as favourable; on the scale.</param>
    /// <param name="count">Answers so far.</param>
    /// <param name="favourable">Answers at or above <paramref name="threshold"/> so far; at most <paramref name="count"/>.</param>
    /// <param name="sum">Sum of the scores; between count·min and count·max.</param>
    /// <param name="sumOfSquares">Sum of the squared scores; 0 or more.</param>
    /// <exception cref="ArgumentOutOfRangeException">The scale is empty, the threshold is off it, or the counts and
    /// sums cannot come from answers on the scale.</exception>
    [JsonConstructor]
    public RatingAccumulator(RatingScale scale, int threshold, long count, long favourable, long sum, long sumOfSquares)
    {
        Scale = scale.ThrowIfInvalid(nameof(scale));
        Threshold = scale.ThrowIfOutside(threshold, nameof(threshold));
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegative(favourable);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(favourable, count);
        if ((Int128)sum < (Int128)count * scale.Min || (Int128)sum > (Int128)count * scale.Max)
        {
            throw new ArgumentOutOfRangeException(
                nameof(sum), sum, string.Create(CultureInfo.InvariantCulture, $"A sum of {count} scores on {scale} must lie in [{count}·{scale.Min}, {count}·{scale.Max}]; got {sum}."));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(sumOfSquares);
        Count = count;
        Favourable = favourable;
        Sum = sum;
        SumOfSquares = sumOfSquares;
    }

    /// <summary>Gets the rating scale.</summary>
    public RatingScale Scale { get; }

    /// <summary>Gets the lowest score that counts as favourable.</summary>
    public int Threshold { get; }

    /// <summary>Gets the answers so far.</summary>
    public long Count { readonly get; private set; }

    /// <summary>Gets the answers at or above <see cref="Threshold"/> so far.</summary>
    public long Favourable { readonly get; private set; }

    /// <summary>Gets the sum of the scores so far.</summary>
    public long Sum { readonly get; private set; }

    /// <summary>Gets the sum of the squared scores so far.</summary>
    public long SumOfSquares { readonly get; private set; }

    /// <summary>Returns whether two accumulators hold the same state.</summary>
    /// <param name="left">The first accumulator.</param>
    /// <param name="right">The second accumulator.</param>
    /// <returns><see langword="true"/> when scale, threshold, counts and sums are equal.</returns>
    public static bool operator ==(RatingAccumulator left, RatingAccumulator right) => left.Equals(right);

    /// <summary>Returns whether two accumulators hold different states.</summary>
    /// <param name="left">The first accumulator.</param>
    /// <param name="right">The second accumulator.</param>
    /// <returns><see langword="true"/> when any part of the state differs.</returns>
    public static bool operator !=(RatingAccumulator left, RatingAccumulator right) => !left.Equals(right);

    /// <summary>Adds one answer.</summary>
    /// <param name="score">The score; on the scale.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="score"/> is off the scale.</exception>
    public void Add(int score)
    {
        RequireScale();
        Scale.ThrowIfOutside(score, nameof(score));
        Count = checked(Count + 1);
        Favourable += score >= Threshold ? 1 : 0;
        Sum += score;
        SumOfSquares = checked(SumOfSquares + ((long)score * score));
    }

    /// <summary>Adds every answer of a span in one vectorised pass that allocates nothing.</summary>
    /// <param name="scores">Scores on the scale.</param>
    /// <exception cref="ArgumentOutOfRangeException">A score is off the scale; the message gives its index and
    /// value, and the accumulator is left unchanged.</exception>
    public void AddRange(ReadOnlySpan<int> scores)
    {
        RequireScale();
        var (favourable, sum, sumOfSquares) = ScoreScan.Moments(scores, Scale.Min, Scale.Max, Threshold, "rating", nameof(scores));
        Merge(new RatingAccumulator(Scale, Threshold, scores.Length, favourable, sum, sumOfSquares));
    }

    /// <summary>Adds the state of another accumulator of the same scale and threshold to this one.</summary>
    /// <param name="other">The accumulator of another partition.</param>
    /// <exception cref="ArgumentException"><paramref name="other"/> has another scale or threshold.</exception>
    /// <exception cref="OverflowException">A total exceeds <see cref="long.MaxValue"/>.</exception>
    public void Merge(in RatingAccumulator other)
    {
        RequireScale();
        if (other.Scale != Scale || other.Threshold != Threshold)
        {
            throw new ArgumentException(
                $"Only accumulators of the same definition merge: this one is scale {Scale} threshold {Threshold}, the other scale {other.Scale} threshold {other.Threshold}.",
                nameof(other));
        }

        Count = checked(Count + other.Count);
        Favourable += other.Favourable;
        Sum = checked(Sum + other.Sum);
        SumOfSquares = checked(SumOfSquares + other.SumOfSquares);
    }

    /// <summary>Returns the summary of the answers so far.</summary>
    /// <returns>The result; with no answers it has no value.</returns>
    public readonly RatingResult ToResult() => new(Scale, Threshold, Count, Favourable, Sum, SumOfSquares);

    /// <inheritdoc />
    public readonly bool Equals(RatingAccumulator other) =>
        Scale == other.Scale && Threshold == other.Threshold && Count == other.Count
        && Favourable == other.Favourable && Sum == other.Sum && SumOfSquares == other.SumOfSquares;

    /// <inheritdoc />
    public override readonly bool Equals(object? obj) => obj is RatingAccumulator other && Equals(other);

    /// <inheritdoc />
    public override readonly int GetHashCode() => HashCode.Combine(Scale, Threshold, Count, Favourable, Sum, SumOfSquares);

    /// <summary>Returns the state as <c>n = 10 on 1–5, 7 at or above 4, sum 38</c>.</summary>
    /// <returns>A readable description.</returns>
    public override readonly string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"n = {Count} on {Scale}, {Favourable} at or above {Threshold}, sum {Sum}");

    private readonly void RequireScale()
    {
        if (!Scale.IsValid)
        {
            throw new InvalidOperationException("This accumulator is default(RatingAccumulator), which has no scale; create it with RatingCalculator.CreateAccumulator().");
        }
    }
}
