using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Sdk.Statistics;


namespace Engagement.Sdk.Surveys;

/// <summary>
/// The comparison of two independent samples' Net Promoter Scores: their difference, its standard error, the z
/// statistic and the two-sided p-value of the hypothesis that the two populations' scores are equal.
/// </summary>
/// <remarks>
/// <para>
/// With independent samples, SE(NPS₁ − NPS₂) = √(SE₁² + SE₂²), z = (NPS₁ − NPS₂) / SE and p = 2(1 − Φ(|z|)),
/// a large-sample Wald test on the per-answer variances of <see cref="NpsResult"/>. It uses the observed shares, not
/// the adjusted ones of the single-sample interval: the test asks whether the observed scores differ, and an adjustment
/// toward 0 in each sample would bias the difference.
/// </para>
/// <para>
/// Empty input: when either sample has no answers every value is <see langword="null"/>. When both standard errors
/// are 0 (for example every answer a promoter) the difference has a value but <see cref="Z"/> and <see cref="PValue"/>
/// do not. <c>default(NpsComparison)</c> compares two empty samples. A small immutable value, thread-safe; in JSON it is
/// read back from <see cref="First"/> and <see cref="Second"/>, from which everything else is recomputed.
/// </para>
/// </remarks>
public readonly struct NpsComparison : IEquatable<NpsComparison>
{
    /// <summary>Creates the comparison of two independent samples' results.</summary>
    /// <param name="first">The first sample's result.</param>
    /// <param name="second">The second sample's result.</param>
    [JsonConstructor]
    public NpsComparison(NpsResult first, NpsResult second)
    {
        First = first;
        Second = second;
        if (first.Score is { } a && second.Score is { } b)
        {
            Difference = a - b;
            double seFirst = first.StandardError!.Value, seSecond = second.StandardError!.Value;
            var se = Math.Sqrt((seFirst * seFirst) + (seSecond * seSecond));
            StandardError = se;
            if (se > 0)
            {
                Z = (a - b) / se;
                PValue = 2 * NormalDistribution.Cdf(-Math.Abs(Z.Value));
            }
        }
    }

    /// <summary>Gets the first sample's result.</summary>
    public NpsResult First { get; }

    /// <summary>Gets the second sample's result.</summary>
    public NpsResult Second { get; }

    /// <summary>Gets NPS₁ − NPS₂ in points, or <see langword="null"/> when a sample is empty.</summary>
    public double? Difference { get; }

    /// <summary>Gets the standard error of the difference, or <see langword="null"/> when a sample is empty.</summary>
    public double? StandardError { get; }

    /// <summary>Gets the z statistic, or <see langword="null"/> when a sample is empty or the standard error is 0.</summary>
    public double? Z { get; }

    /// <summary>Gets the two-sided p-value, or <see langword="null"/> when a sample is empty or the standard error is 0.</summary>
    public double? PValue { get; }

    /// <summary>Returns the normal-approximation interval of the difference at the given confidence level.</summary>
    /// <param name="confidenceLevel">The confidence level, strictly between 0 and 1 (0.95 for 95%).</param>
    /// <returns>Difference ± z·SE clamped to [−200, 200], or <see langword="null"/> when a sample is empty.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidenceLevel"/> is not strictly between 0 and 1.</exception>
    public ConfidenceInterval? GetInterval(double confidenceLevel)
    {
        Validation.ConfidenceLevel(confidenceLevel, nameof(confidenceLevel));
        return Difference is { } difference
            ? ConfidenceInterval.Normal(difference, StandardError!.Value, confidenceLevel, -200, 200)
            : null;
    }

    /// <summary>Returns whether two comparisons are equal.</summary>
    /// <param name="left">The first comparison.</param>
    /// <param name="right">The second comparison.</param>
    /// <returns><see langword="true"/> when both samples' results are equal.</returns>
    public static bool operator ==(NpsComparison left, NpsComparison right) => left.Equals(right);

    /// <summary>Returns whether two comparisons differ.</summary>
    /// <param name="left">The first comparison.</param>
    /// <param name="right">The second comparison.</param>
    /// <returns><see langword="true"/> when a sample's result differs.</returns>
    public static bool operator !=(NpsComparison left, NpsComparison right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(NpsComparison other) => First == other.First && Second == other.Second;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is NpsComparison other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(First, Second);

    /// <summary>
    /// Returns the comparison as <c>ΔNPS 12.0 (SE 5.1), z = 2.35, p = 0.0188</c>; <c>ΔNPS 0.0 (SE 0.0), z: no value</c>
    /// when both standard errors are 0; or <c>ΔNPS: no value</c> when a sample is empty.
    /// </summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        Difference is not { } difference
            ? "ΔNPS: no value"
            : Z is { } z
                ? string.Create(CultureInfo.InvariantCulture, $"ΔNPS {difference:F1} (SE {StandardError:F1}), z = {z:F2}, p = {PValue:G3}")
                : string.Create(CultureInfo.InvariantCulture, $"ΔNPS {difference:F1} (SE {StandardError:F1}), z: no value");
}
