using System.Globalization;
using System.Text.Json.Serialization;

using Engagement.Sdk.Statistics;

namespace Engagement.Sdk.Surveys;

/// <summary>
/// The summary of ratings on a scale — CSAT or CES: the share of favourable answers (satisfied, low effort) with its
/// Wilson interval, and the mean score with its standard deviation and interval.
/// </summary>
/// <remarks>
/// <para>
/// CSAT is the percentage of satisfied answers, those in the top boxes of the scale (top-two-box: 4 and 5 on 1–5 by
/// default); CES is reported both as the mean agreement with "The company made it easy for me to handle my issue" on
/// 1–7 and as the share who agree (5–7), after Dixon, Freeman &amp; Toman (2010), "Stop Trying to Delight Your
/// Customers", Harvard Business Review 88(7), and the CES 2.0 scale that followed it.
/// </para>
/// <para>
/// <see cref="FavourableShare"/> carries a Wilson interval. The mean's interval is Student's t interval
/// mean ± t(n − 1)·s/√n with s the sample standard deviation (n − 1 in the denominator), clamped to the scale; t rather
/// than z keeps its coverage for small n, and tends to z as n grows. The variance is computed exactly from integer sums.
/// </para>
/// <para>
/// Empty input: with no answers <see cref="Mean"/> and the share's value are <see langword="null"/>; with fewer than
/// two answers so are <see cref="StandardDeviation"/> and <see cref="MeanInterval"/>.
/// <c>default(RatingResult)</c> is a result of no answers without a definition.
/// </para>
/// <para>
/// A small immutable value (its state; everything else is computed from it), so the span path allocates nothing.
/// Thread-safe.
/// </para>
/// </remarks>
public readonly struct RatingResult : IEquatable<RatingResult>
{
    /// <summary>Creates the result of the given state.</summary>
    /// <param name="definition">A CSAT or CES definition; <see langword="null"/> only for the empty
    /// <c>default(RatingResult)</c>, whose counts are all 0.</param>
    /// <param name="count">Answers.</param>
    /// <param name="favourable">Answers at or above the definition's threshold.</param>
    /// <param name="sum">Sum of the scores.</param>
    /// <param name="sumOfSquares">Sum of the squared scores.</param>
    /// <exception cref="ArgumentException">The definition is neither CSAT nor CES.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The state cannot come from answers on the scale (see
    /// <see cref="RatingState"/>), or a count is not 0 without a definition.</exception>
    [JsonConstructor]
    public RatingResult(MetricDefinition? definition, long count, long favourable, long sum, long sumOfSquares)
    {
        if (definition is null)
        {
            Validation.Zero(count, nameof(count), "A result without a definition is the empty default(RatingResult)");
            Validation.Zero(favourable, nameof(favourable), "A result without a definition is the empty default(RatingResult)");
            Validation.Zero(sum, nameof(sum), "A result without a definition is the empty default(RatingResult)");
            Validation.Zero(sumOfSquares, nameof(sumOfSquares), "A result without a definition is the empty default(RatingResult)");
        }
        else
        {
            RatingState.Validate(definition, count, favourable, sum, sumOfSquares);
        }

        Definition = definition;
        Count = count;
        Favourable = favourable;
        Sum = sum;
        SumOfSquares = sumOfSquares;
    }

    /// <summary>Gets what was measured, or <see langword="null"/> for <c>default(RatingResult)</c>.</summary>
    public MetricDefinition? Definition { get; }

    /// <summary>Gets the rating scale, or the empty scale for <c>default(RatingResult)</c>.</summary>
    [JsonIgnore]
    public RatingScale Scale => Definition?.Scale ?? default;

    /// <summary>Gets the lowest score that counts as favourable (satisfied for CSAT, low effort for CES), or 0 for
    /// <c>default(RatingResult)</c>.</summary>
    [JsonIgnore]
    public int Threshold => Definition?.FavourableThreshold ?? 0;

    /// <summary>Gets the number of answers.</summary>
    public long Count { get; }

    /// <summary>Gets the number of answers at or above <see cref="Threshold"/>.</summary>
    public long Favourable { get; }

    /// <summary>Gets the sum of the scores.</summary>
    public long Sum { get; }

    /// <summary>Gets the sum of the squared scores.</summary>
    public long SumOfSquares { get; }

    /// <summary>Gets whether there is a value, that is whether there is at least one answer.</summary>
    [JsonIgnore]
    public bool HasValue => Count > 0;

    /// <summary>Gets the share of favourable answers — the CSAT score, or the CES share who agree — with its Wilson interval.</summary>
    public Proportion FavourableShare => new(Favourable, Count);

    /// <summary>Gets the mean score, or <see langword="null"/> with no answers.</summary>
    public double? Mean => Count > 0 ? (double)Sum / Count : null;

    /// <summary>Gets the sample standard deviation of the scores, or <see langword="null"/> with fewer than two answers.</summary>
    public double? StandardDeviation
    {
        get
        {
            if (Count < 2)
            {
                return null;
            }

            // n·Σx² − (Σx)² is exact in 128-bit integers; dividing once avoids the cancellation of Σx²/n − mean².
            var numerator = ((Int128)Count * SumOfSquares) - ((Int128)Sum * Sum);
            var variance = (double)numerator / ((double)Count * (Count - 1));
            return Math.Sqrt(Math.Max(0, variance));
        }
    }

    /// <summary>Gets the 95% interval of the mean, or <see langword="null"/> with fewer than two answers.</summary>
    public ConfidenceInterval? MeanInterval => GetMeanInterval(Proportion.DefaultConfidenceLevel);

    /// <summary>Returns Student's t interval of the mean at the given confidence level.</summary>
    /// <param name="confidenceLevel">The confidence level, strictly between 0 and 1.</param>
    /// <returns>mean ± t(n − 1)·s/√n clamped to the scale, or <see langword="null"/> with fewer than two answers.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidenceLevel"/> is not strictly between 0 and 1.</exception>
    public ConfidenceInterval? GetMeanInterval(double confidenceLevel)
    {
        Validation.ConfidenceLevel(confidenceLevel, nameof(confidenceLevel));
        return Mean is { } mean && StandardDeviation is { } sd
            ? ConfidenceInterval.StudentT(mean, sd / Math.Sqrt(Count), Count, confidenceLevel, Scale.Min, Scale.Max)
            : null;
    }

    /// <summary>Returns whether two results are equal.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns><see langword="true"/> when scale, threshold, counts and sums are equal.</returns>
    public static bool operator ==(RatingResult left, RatingResult right) => left.Equals(right);

    /// <summary>Returns whether two results differ.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns><see langword="true"/> when any part of the state differs.</returns>
    public static bool operator !=(RatingResult left, RatingResult right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(RatingResult other) =>
        Definition == other.Definition && Count == other.Count
        && Favourable == other.Favourable && Sum == other.Sum && SumOfSquares == other.SumOfSquares;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RatingResult other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Definition, Count, Favourable, Sum, SumOfSquares);

    /// <summary>Returns the result as <c>80.00% (8/10) at or above 4 on 1–5, mean 4.10</c>, or a "no value" text.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        Mean is { } mean
            ? string.Create(CultureInfo.InvariantCulture, $"{FavourableShare} at or above {Threshold} on {Scale}, mean {mean:F2}")
            : string.Create(CultureInfo.InvariantCulture, $"no value (n = 0) on {Scale}");
}
