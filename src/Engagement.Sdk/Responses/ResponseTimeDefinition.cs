using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Sdk.Statistics;

namespace Engagement.Sdk.Responses;

/// <summary>
/// The parameters of a <see cref="ResponseTimeAccumulator"/>: the <see cref="BusinessCalendar"/> business time is
/// measured on, and the relative accuracy and bucket limit of the quantile sketches that hold the distributions.
/// </summary>
/// <remarks>Accumulators merge only with an equal definition (equal calendar, accuracy and bucket limit). Immutable and
/// thread-safe; serialises to JSON as <c>{"calendar":{…},"relativeAccuracy":0.01,"maxBucketCount":4096}</c>.</remarks>
public sealed class ResponseTimeDefinition : IEquatable<ResponseTimeDefinition>
{
    /// <summary>The default relative accuracy of the sketches: 0.01 (1%).</summary>
    public const double DefaultRelativeAccuracy = 0.01;

    // The durations the default bucket limit keeps apart without collapsing: 1 ms to 10 years of 365.25 days.
    private const double ShortestCovered = 0.001;
    private const double LongestCovered = 10 * 365.25 * 86_400;

    /// <summary>Creates a definition of the <see cref="DefaultRelativeAccuracy"/> (1%) and its default bucket limit,
    /// <see cref="QuantileSketch.DefaultMaxBucketCount"/> (see <see cref="DefaultMaxBucketCountFor"/>).</summary>
    /// <param name="calendar">The calendar business time is measured on.</param>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is <see langword="null"/>.</exception>
    public ResponseTimeDefinition(BusinessCalendar calendar)
        : this(calendar, DefaultRelativeAccuracy)
    {
    }

    /// <summary>Creates a definition whose bucket limit is <see cref="DefaultMaxBucketCountFor"/> the accuracy.</summary>
    /// <param name="calendar">The calendar business time is measured on.</param>
    /// <param name="relativeAccuracy">The relative accuracy of the quantiles, from
    /// <see cref="QuantileSketch.MinRelativeAccuracy"/> up to (not including) 1.</param>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="relativeAccuracy"/> is outside its range or not a
    /// number.</exception>
    public ResponseTimeDefinition(BusinessCalendar calendar, double relativeAccuracy)
        : this(calendar, relativeAccuracy, DefaultMaxBucketCountFor(relativeAccuracy))
    {
    }

    /// <summary>Creates a definition.</summary>
    /// <param name="calendar">The calendar business time is measured on.</param>
    /// <param name="relativeAccuracy">The relative accuracy of the quantiles, from
    /// <see cref="QuantileSketch.MinRelativeAccuracy"/> up to (not including) 1.</param>
    /// <param name="maxBucketCount">The most buckets each sketch keeps a sign before the lowest collapse, from
    /// <see cref="QuantileSketch.MinMaxBucketCount"/> to <see cref="QuantileSketch.MaxMaxBucketCount"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="relativeAccuracy"/> or
    /// <paramref name="maxBucketCount"/> is outside its range (or not a number).</exception>
    [JsonConstructor]
    public ResponseTimeDefinition(BusinessCalendar calendar, double relativeAccuracy, int maxBucketCount)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        Calendar = calendar;
        RelativeAccuracy = QuantileSketchMapping.Check(relativeAccuracy, nameof(relativeAccuracy));
        MaxBucketCount = QuantileSketch.CheckBucketCount(maxBucketCount, nameof(maxBucketCount));
    }

    /// <summary>Gets the calendar business time is measured on.</summary>
    public BusinessCalendar Calendar { get; }

    /// <summary>Gets the relative accuracy of the quantile sketches.</summary>
    public double RelativeAccuracy { get; }

    /// <summary>Gets the most buckets each sketch keeps a sign before the lowest collapse.</summary>
    public int MaxBucketCount { get; }

    /// <summary>Returns the default bucket limit for a relative accuracy: enough buckets to keep durations from 1 ms to
    /// 10 years apart without collapsing, and at least <see cref="QuantileSketch.DefaultMaxBucketCount"/>.</summary>
    /// <param name="relativeAccuracy">The relative accuracy, from <see cref="QuantileSketch.MinRelativeAccuracy"/> up
    /// to (not including) 1.</param>
    /// <returns>⌈log_γ 315,576,000⌉ − ⌈log_γ 0.001⌉ + 1 buckets with γ = (1 + α) / (1 − α), but no fewer than
    /// <see cref="QuantileSketch.DefaultMaxBucketCount"/> and no more than <see cref="QuantileSketch.MaxMaxBucketCount"/>.
    /// At 1% that is 979 + 345 + 1 = 1,325, so the default 4,096 covers it; 4,096 stops covering the range below
    /// α ≈ 0.32% (ln(315,576,000 / 0.001) / ln γ ≈ 26.48 / 2α buckets), and below α ≈ 0.0013% the range needs more than
    /// the 2²⁰ maximum, which is then the limit.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="relativeAccuracy"/> is outside its range or not a
    /// number.</exception>
    public static int DefaultMaxBucketCountFor(double relativeAccuracy)
    {
        var mapping = new QuantileSketchMapping(QuantileSketchMapping.Check(relativeAccuracy, nameof(relativeAccuracy)));
        var covering = (long)mapping.Index(LongestCovered) - mapping.Index(ShortestCovered) + 1;
        return (int)Math.Clamp(covering, QuantileSketch.DefaultMaxBucketCount, QuantileSketch.MaxMaxBucketCount);
    }

    /// <summary>Returns whether two definitions are equal.</summary>
    /// <param name="left">The first definition.</param>
    /// <param name="right">The second definition.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public static bool operator ==(ResponseTimeDefinition? left, ResponseTimeDefinition? right) => Equals(left, right);

    /// <summary>Returns whether two definitions differ.</summary>
    /// <param name="left">The first definition.</param>
    /// <param name="right">The second definition.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(ResponseTimeDefinition? left, ResponseTimeDefinition? right) => !Equals(left, right);

    /// <inheritdoc />
    public bool Equals(ResponseTimeDefinition? other) =>
        other is not null && Calendar.Equals(other.Calendar) && RelativeAccuracy.Equals(other.RelativeAccuracy)
        && MaxBucketCount == other.MaxBucketCount;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ResponseTimeDefinition);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Calendar, RelativeAccuracy, MaxBucketCount);

    /// <summary>Returns the definition as <c>response times on {calendar}, relative accuracy 0.01, 4096 buckets a
    /// sign</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"response times on {Calendar}, relative accuracy {RelativeAccuracy}, {MaxBucketCount} buckets a sign");
}
