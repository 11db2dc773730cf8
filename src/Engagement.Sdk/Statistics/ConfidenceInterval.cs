using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Sdk.Statistics;

/// <summary>
/// An interval estimate: the range [<see cref="Lower"/>, <see cref="Upper"/>] that covers the true value with
/// probability <see cref="ConfidenceLevel"/> under the estimator's assumptions.
/// </summary>
/// <remarks>
/// Each result that carries an interval says how it is computed. <c>default(ConfidenceInterval)</c> is the empty
/// interval that says nothing: the point [0, 0] at level 0, the only interval whose level is not strictly between 0
/// and 1; it is written to JSON as such and read back. This type is an immutable value and is thread-safe.
/// </remarks>
public readonly struct ConfidenceInterval : IEquatable<ConfidenceInterval>
{
    /// <summary>Creates an interval.</summary>
    /// <param name="lower">The lower bound.</param>
    /// <param name="upper">The upper bound; not below <paramref name="lower"/>.</param>
    /// <param name="confidenceLevel">The confidence level, strictly between 0 and 1 (0.95 for a 95% interval).</param>
    /// <remarks>
    /// The one exception is the all-zero triple (0, 0, 0), which creates <c>default(ConfidenceInterval)</c>, the empty
    /// interval that says nothing: that is what <c>default</c> is written as, so it must read back.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">A bound is not finite, <paramref name="upper"/> is below
    /// <paramref name="lower"/>, or <paramref name="confidenceLevel"/> is not strictly between 0 and 1 (other than in
    /// the all-zero triple).</exception>
    [JsonConstructor]
    public ConfidenceInterval(double lower, double upper, double confidenceLevel)
    {
        if (lower == 0 && upper == 0 && confidenceLevel == 0)
        {
            // default(ConfidenceInterval); a negative zero is stored as +0 so that it equals default bit for bit.
            return;
        }

        Validation.Finite(lower, nameof(lower));
        Validation.Finite(upper, nameof(upper));
        if (upper < lower)
        {
            throw new ArgumentOutOfRangeException(
                nameof(upper), upper, string.Create(CultureInfo.InvariantCulture, $"The upper bound {upper} is below the lower bound {lower}."));
        }

        Lower = lower;
        Upper = upper;
        ConfidenceLevel = Validation.ConfidenceLevel(confidenceLevel, nameof(confidenceLevel));
    }

    /// <summary>Gets the lower bound.</summary>
    public double Lower { get; }

    /// <summary>Gets the upper bound.</summary>
    public double Upper { get; }

    /// <summary>Gets the confidence level, for example 0.95.</summary>
    public double ConfidenceLevel { get; }

    /// <summary>Gets the width, <see cref="Upper"/> − <see cref="Lower"/>.</summary>
    [JsonIgnore]
    public double Width => Upper - Lower;

    /// <summary>Returns whether two intervals are equal.</summary>
    /// <param name="left">The first interval.</param>
    /// <param name="right">The second interval.</param>
    /// <returns><see langword="true"/> when bounds and levels are equal.</returns>
    public static bool operator ==(ConfidenceInterval left, ConfidenceInterval right) => left.Equals(right);

    /// <summary>Returns whether two intervals differ.</summary>
    /// <param name="left">The first interval.</param>
    /// <param name="right">The second interval.</param>
    /// <returns><see langword="true"/> when a bound or the level differs.</returns>
    public static bool operator !=(ConfidenceInterval left, ConfidenceInterval right) => !left.Equals(right);

    /// <summary>Returns whether the interval contains a value, bounds included.</summary>
    /// <param name="value">The value.</param>
    /// <returns><see langword="true"/> if <see cref="Lower"/> ≤ <paramref name="value"/> ≤ <see cref="Upper"/>.</returns>
    public bool Contains(double value) => value >= Lower && value <= Upper;

    /// <inheritdoc />
    public bool Equals(ConfidenceInterval other) =>
        Lower.Equals(other.Lower) && Upper.Equals(other.Upper) && ConfidenceLevel.Equals(other.ConfidenceLevel);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ConfidenceInterval other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Lower, Upper, ConfidenceLevel);

    /// <summary>Returns the interval as <c>[lower, upper] (95%)</c>, bounds to four significant digits.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"[{Lower:G4}, {Upper:G4}] ({ConfidenceLevel * 100:G4}%)");

    /// <summary>The Wilson score interval for <paramref name="successes"/> of <paramref name="trials"/> (trials &gt; 0).</summary>
    /// <remarks>
    /// Wilson (1927), "Probable inference, the law of succession, and statistical inference", JASA 22(158):
    /// (p̂ + z²/2n ± z·√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n). The bound at 0 successes is exactly 0 and at n successes
    /// exactly 1.
    /// </remarks>
    internal static ConfidenceInterval Wilson(long successes, long trials, double confidenceLevel)
    {
        var z = TwoSidedCriticalValue(confidenceLevel);
        double n = trials, p = successes / n, z2 = z * z;
        var denominator = 1 + (z2 / n);
        var centre = (p + (z2 / (2 * n))) / denominator;
        var half = z / denominator * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n)));
        var lower = successes == 0 ? 0 : Math.Clamp(centre - half, 0, p);
        var upper = successes == trials ? 1 : Math.Clamp(centre + half, p, 1);
        return new ConfidenceInterval(lower, upper, confidenceLevel);
    }

    /// <summary>estimate ± z·standardError, clamped to [min, max]: the normal-approximation (Wald) interval.</summary>
    internal static ConfidenceInterval Normal(double estimate, double standardError, double confidenceLevel, double min, double max)
    {
        var half = TwoSidedCriticalValue(confidenceLevel) * standardError;
        return new ConfidenceInterval(Math.Clamp(estimate - half, min, max), Math.Clamp(estimate + half, min, max), confidenceLevel);
    }

    /// <summary>
    /// mean ± t·standardError with t the Student critical value on <paramref name="count"/> − 1 degrees of freedom,
    /// clamped to [min, max]: the interval of a mean whose standard error is estimated from the same
    /// <paramref name="count"/> observations (count ≥ 2).
    /// </summary>
    /// <remarks>
    /// Student (1908), "The probable error of a mean", Biometrika 6(1): (x̄ − μ)/(s/√n) follows t with n − 1 degrees of
    /// freedom for normal data, so z understates the width for small n (t = 12.71 rather than 1.96 at n = 2, 95%).
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 2, or
    /// <paramref name="confidenceLevel"/> is not strictly between 0 and 1.</exception>
    internal static ConfidenceInterval StudentT(double mean, double standardError, long count, double confidenceLevel, double min, double max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 2);
        var half = Statistics.StudentT.TwoSidedCriticalValue(confidenceLevel, count - 1) * standardError;
        return new ConfidenceInterval(Math.Clamp(mean - half, min, max), Math.Clamp(mean + half, min, max), confidenceLevel);
    }

    /// <summary>z such that P(|Z| ≤ z) = level for a standard normal Z.</summary>
    /// <remarks>
    /// z = −Φ⁻¹((1 − level)/2). The tail probability is formed directly: Φ⁻¹(0.5 + level/2) would round to Φ⁻¹(1)
    /// for levels within 2⁻⁵³ of 1.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidenceLevel"/> is not strictly between 0 and 1.</exception>
    internal static double TwoSidedCriticalValue(double confidenceLevel) =>
        -NormalDistribution.Quantile((1 - Validation.ConfidenceLevel(confidenceLevel, nameof(confidenceLevel))) / 2);
}
