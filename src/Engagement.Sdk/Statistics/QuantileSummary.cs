using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Sdk.Statistics;

/// <summary>
/// The summary of a <see cref="QuantileSketch"/>: the count, the exact minimum and maximum, the mean, and the 50th,
/// 90th, 95th and 99th percentiles, each within <see cref="RelativeAccuracy"/> of the exact percentile.
/// </summary>
/// <remarks>
/// Empty input: with no values <see cref="HasValue"/> is <see langword="false"/> and every statistic is
/// <see langword="null"/>. For other quantiles keep the sketch itself (<see cref="QuantileSketch.Quantile"/>): a summary
/// holds only these numbers, so it is small and cheap to serialise. Immutable and thread-safe; equal when every member is
/// equal.
/// </remarks>
public sealed class QuantileSummary : IEquatable<QuantileSummary>
{
    /// <summary>Creates a summary; a <see cref="QuantileSketch"/> makes them with <see cref="QuantileSketch.ToResult"/>.</summary>
    /// <param name="relativeAccuracy">α of the sketch, from <see cref="QuantileSketch.MinRelativeAccuracy"/> to below 1.</param>
    /// <param name="count">The number of values; 0 or more.</param>
    /// <param name="min">The smallest value; <see langword="null"/> exactly when the count is 0.</param>
    /// <param name="max">The largest value; <see langword="null"/> exactly when the count is 0.</param>
    /// <param name="mean">The mean; <see langword="null"/> exactly when the count is 0.</param>
    /// <param name="p50">The median; <see langword="null"/> exactly when the count is 0.</param>
    /// <param name="p90">The 90th percentile; <see langword="null"/> exactly when the count is 0.</param>
    /// <param name="p95">The 95th percentile; <see langword="null"/> exactly when the count is 0.</param>
    /// <param name="p99">The 99th percentile; <see langword="null"/> exactly when the count is 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">The accuracy or count is out of range, a statistic is given for no
    /// values or missing for some, is not finite, or they are out of order (min ≤ p50 ≤ p90 ≤ p95 ≤ p99 ≤ max, min ≤
    /// mean ≤ max); the exception names the first member that fails.</exception>
    [JsonConstructor]
    public QuantileSummary(double relativeAccuracy, long count, double? min, double? max, double? mean, double? p50, double? p90, double? p95, double? p99)
    {
        RelativeAccuracy = QuantileSketchMapping.Check(relativeAccuracy, nameof(relativeAccuracy));
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Count = count;
        Min = Statistic(min, nameof(min), null, null);
        Max = Statistic(max, nameof(max), min, null);
        Mean = Statistic(mean, nameof(mean), min, max);
        P50 = Statistic(p50, nameof(p50), min, max);
        P90 = Statistic(p90, nameof(p90), p50, max);
        P95 = Statistic(p95, nameof(p95), p90, max);
        P99 = Statistic(p99, nameof(p99), p95, max);
    }

    /// <summary>Gets the definition: <see cref="MetricDefinition.Quantiles"/>.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Every result carries its definition as an instance member.")]
    public MetricDefinition Definition => MetricDefinition.Quantiles;

    /// <summary>Gets α, the largest relative error of the percentiles.</summary>
    public double RelativeAccuracy { get; }

    /// <summary>Gets the number of values.</summary>
    public long Count { get; }

    /// <summary>Gets whether there are values, and so statistics.</summary>
    [JsonIgnore]
    public bool HasValue => Count > 0;

    /// <summary>Gets the smallest value exactly, or <see langword="null"/> with no values.</summary>
    public double? Min { get; }

    /// <summary>Gets the largest value exactly, or <see langword="null"/> with no values.</summary>
    public double? Max { get; }

    /// <summary>Gets the mean (exact sum over count, rounded once), or <see langword="null"/> with no values.</summary>
    public double? Mean { get; }

    /// <summary>Gets the median, within <see cref="RelativeAccuracy"/>, or <see langword="null"/> with no values.</summary>
    public double? P50 { get; }

    /// <summary>Gets the 90th percentile, within <see cref="RelativeAccuracy"/>, or <see langword="null"/> with no values.</summary>
    public double? P90 { get; }

    /// <summary>Gets the 95th percentile, within <see cref="RelativeAccuracy"/>, or <see langword="null"/> with no values.</summary>
    public double? P95 { get; }

    /// <summary>Gets the 99th percentile, within <see cref="RelativeAccuracy"/>, or <see langword="null"/> with no values.</summary>
    public double? P99 { get; }

    /// <summary>Returns whether two summaries are equal.</summary>
    /// <param name="left">The first summary.</param>
    /// <param name="right">The second summary.</param>
    /// <returns><see langword="true"/> when every member is equal.</returns>
    public static bool operator ==(QuantileSummary? left, QuantileSummary? right) => Equals(left, right);

    /// <summary>Returns whether two summaries differ.</summary>
    /// <param name="left">The first summary.</param>
    /// <param name="right">The second summary.</param>
    /// <returns><see langword="true"/> when a member differs.</returns>
    public static bool operator !=(QuantileSummary? left, QuantileSummary? right) => !Equals(left, right);

    /// <inheritdoc />
    public bool Equals(QuantileSummary? other) =>
        other is not null
        && RelativeAccuracy.Equals(other.RelativeAccuracy)
        && Count == other.Count
        && Nullable.Equals(Min, other.Min)
        && Nullable.Equals(Max, other.Max)
        && Nullable.Equals(Mean, other.Mean)
        && Nullable.Equals(P50, other.P50)
        && Nullable.Equals(P90, other.P90)
        && Nullable.Equals(P95, other.P95)
        && Nullable.Equals(P99, other.P99);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as QuantileSummary);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(RelativeAccuracy, Count, Min, Max, Mean, P50, P90, P99);

    /// <summary>Returns the summary as <c>1200 values: min 0.5, p50 4.2, p90 12, p95 15, p99 31 (quantiles ±1%), max 40, mean 6.1</c>,
    /// or a "no value" text.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        HasValue
            ? string.Create(
                CultureInfo.InvariantCulture,
                $"{Count} values: min {Min:G4}, p50 {P50:G4}, p90 {P90:G4}, p95 {P95:G4}, p99 {P99:G4} (quantiles ±{RelativeAccuracy:0.###%}), max {Max:G4}, mean {Mean:G4}")
            : "0 values: no value";

    private double? Statistic(double? value, string paramName, double? atLeast, double? atMost)
    {
        if (Count == 0)
        {
            return value is null
                ? null
                : throw new ArgumentOutOfRangeException(paramName, value, "A summary of no values has no statistics; got a value.");
        }

        if (value is not { } v || !double.IsFinite(v) || v < atLeast || v > atMost)
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                value,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"With {Count} values this statistic must be a finite number from {atLeast?.ToString("R", CultureInfo.InvariantCulture) ?? "−∞"} to {atMost?.ToString("R", CultureInfo.InvariantCulture) ?? "+∞"}; got {value?.ToString("R", CultureInfo.InvariantCulture) ?? "null"}."));
        }

        return v;
    }
}
