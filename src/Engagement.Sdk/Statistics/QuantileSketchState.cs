using System.Globalization;
using System.Numerics;
using System.Text.Json.Serialization;

namespace Engagement.Sdk.Statistics;

/// <summary>
/// The saved state of a <see cref="QuantileSketch"/>: its relative accuracy and bucket limit, the count, exact minimum,
/// maximum and sum, the zero bucket, and the positive and negative bucket counts, versioned. Validated when created, from
/// code or from JSON.
/// </summary>
/// <remarks>
/// <para>
/// JSON: <c>{"version":1,"definition":{"kind":"Quantiles",…},"relativeAccuracy":0.01,"maxBucketCount":4096,"count":4,
/// "min":-2,"max":10,"sum":"13p0","zeroCount":1,"positiveOffset":0,"positiveCounts":[1,0,…,1],"negativeOffset":70,
/// "negativeCounts":[1]}</c>. The counts are dense from the offset, the bucket index of the first, to the last non-empty
/// bucket; negative buckets are indexed by magnitude. <c>sum</c> is the exact sum as <c>NpE</c>, N·2^E with N odd
/// (<c>0p0</c> for 0), since no double holds it exactly. Every member is required and unknown members are rejected (see
/// docs/state.md).
/// </para>
/// <para>
/// Checks, each naming its member: the relative accuracy and bucket limit in range; counts 0 or more, the bucket arrays
/// starting and ending with a non-zero count, within the mapping's indexes and the limit; the counts add up to
/// <c>count</c>; an empty state has no min, max or sum; min ≤ max, both finite; min and max lie in the lowest and
/// highest non-empty bucket (or in a collapsed lowest bucket); count·min ≤ sum ≤ count·max. Immutable and thread-safe.
/// </para>
/// </remarks>
public sealed class QuantileSketchState : MetricState, IEquatable<QuantileSketchState>
{
    /// <summary>The state format version this library writes and reads: 1.</summary>
    public const int CurrentVersion = 1;

    private readonly long[] _positiveCounts;
    private readonly long[] _negativeCounts;

    /// <summary>Creates a state.</summary>
    /// <param name="version">The format version; must be <see cref="CurrentVersion"/>.</param>
    /// <param name="definition">The definition; must be <see cref="MetricDefinition.Quantiles"/>.</param>
    /// <param name="relativeAccuracy">α, from <see cref="QuantileSketch.MinRelativeAccuracy"/> to below 1.</param>
    /// <param name="maxBucketCount">The bucket limit per sign, from <see cref="QuantileSketch.MinMaxBucketCount"/> to
    /// <see cref="QuantileSketch.MaxMaxBucketCount"/>.</param>
    /// <param name="count">The number of values; 0 or more.</param>
    /// <param name="min">The smallest value, or <see langword="null"/> when empty.</param>
    /// <param name="max">The largest value, or <see langword="null"/> when empty.</param>
    /// <param name="sum">The exact sum as <c>NpE</c> (N odd, or <c>0p0</c>).</param>
    /// <param name="zeroCount">The values of magnitude below 2.2250738585072014E-308; 0 or more.</param>
    /// <param name="positiveOffset">The bucket index of the first positive count; 0 when there is none.</param>
    /// <param name="positiveCounts">The positive bucket counts from <paramref name="positiveOffset"/> on.</param>
    /// <param name="negativeOffset">The bucket index (of the magnitude) of the first negative count; 0 when there is none.</param>
    /// <param name="negativeCounts">The negative bucket counts from <paramref name="negativeOffset"/> on.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The definition is not of quantiles, or the members are inconsistent.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The version is unknown, or a member is out of its range.</exception>
    /// <exception cref="OverflowException">The counts add up to more than <see cref="long.MaxValue"/>.</exception>
    [JsonConstructor]
    public QuantileSketchState(
        int version,
        MetricDefinition definition,
        double relativeAccuracy,
        int maxBucketCount,
        long count,
        double? min,
        double? max,
        string sum,
        long zeroCount,
        int positiveOffset,
        IReadOnlyList<long> positiveCounts,
        int negativeOffset,
        IReadOnlyList<long> negativeCounts)
        : base(version, CurrentVersion, definition, MetricKind.Quantiles)
    {
        ArgumentNullException.ThrowIfNull(sum);
        ArgumentNullException.ThrowIfNull(positiveCounts);
        ArgumentNullException.ThrowIfNull(negativeCounts);
        RelativeAccuracy = QuantileSketchMapping.Check(relativeAccuracy, nameof(relativeAccuracy));
        MaxBucketCount = QuantileSketch.CheckBucketCount(maxBucketCount, nameof(maxBucketCount));
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegative(zeroCount);
        var mapping = new QuantileSketchMapping(relativeAccuracy);
        _positiveCounts = Buckets(mapping, maxBucketCount, positiveOffset, nameof(positiveOffset), positiveCounts, nameof(positiveCounts));
        _negativeCounts = Buckets(mapping, maxBucketCount, negativeOffset, nameof(negativeOffset), negativeCounts, nameof(negativeCounts));
        var total = checked(zeroCount + Total(_positiveCounts) + Total(_negativeCounts));
        if (total != count)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The bucket counts add up to {total}, not to the count {count}."), nameof(count));
        }

        Count = count;
        Min = min;
        Max = max;
        Sum = sum;
        ZeroCount = zeroCount;
        PositiveOffset = positiveOffset;
        NegativeOffset = negativeOffset;
        PositiveCounts = Array.AsReadOnly(_positiveCounts);
        NegativeCounts = Array.AsReadOnly(_negativeCounts);
        ScaledSum = QuantileSketchSum.Parse(sum)
            ?? throw new ArgumentException($"The sum must be written N·2^E as NpE with N odd (0p0 for 0); got '{Validation.Echo(sum)}'.", nameof(sum));
        CheckRange(mapping, count, min, max);
        CheckSum(count, min, max);

    }

    /// <summary>Gets α, the largest relative error of a quantile.</summary>
    public double RelativeAccuracy { get; }

    /// <summary>Gets the bucket limit per sign.</summary>
    public int MaxBucketCount { get; }

    /// <summary>Gets the number of values.</summary>
    public long Count { get; }

    /// <summary>Gets the smallest value, or <see langword="null"/> when empty.</summary>
    public double? Min { get; }

    /// <summary>Gets the largest value, or <see langword="null"/> when empty.</summary>
    public double? Max { get; }

    /// <summary>Gets the exact sum as <c>NpE</c>: N·2^E with N odd, or <c>0p0</c>.</summary>
    public string Sum { get; }

    /// <summary>Gets the number of values of magnitude below 2.2250738585072014E-308 (zeros and subnormals).</summary>
    public long ZeroCount { get; }

    /// <summary>Gets the bucket index of the first positive count; 0 when there is none.</summary>
    public int PositiveOffset { get; }

    /// <summary>Gets the positive bucket counts from <see cref="PositiveOffset"/> on, first and last non-zero.</summary>
    public IReadOnlyList<long> PositiveCounts { get; }

    /// <summary>Gets the bucket index (of the magnitude) of the first negative count; 0 when there is none.</summary>
    public int NegativeOffset { get; }

    /// <summary>Gets the negative bucket counts from <see cref="NegativeOffset"/> on (by magnitude), first and last
    /// non-zero.</summary>
    public IReadOnlyList<long> NegativeCounts { get; }

    internal BigInteger ScaledSum { get; }

    internal ReadOnlySpan<long> PositiveCountArray => _positiveCounts;

    internal ReadOnlySpan<long> NegativeCountArray => _negativeCounts;

    /// <inheritdoc />
    public bool Equals(QuantileSketchState? other) =>
        HeaderEquals(other)
        && RelativeAccuracy.Equals(other.RelativeAccuracy)
        && MaxBucketCount == other.MaxBucketCount
        && Count == other.Count
        && Nullable.Equals(Min, other.Min)
        && Nullable.Equals(Max, other.Max)
        && ScaledSum == other.ScaledSum
        && ZeroCount == other.ZeroCount
        && PositiveOffset == other.PositiveOffset
        && NegativeOffset == other.NegativeOffset
        && _positiveCounts.AsSpan().SequenceEqual(other._positiveCounts)
        && _negativeCounts.AsSpan().SequenceEqual(other._negativeCounts);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as QuantileSketchState);

    /// <inheritdoc />
    public override int GetHashCode() =>
        HashCode.Combine(RelativeAccuracy, Count, Min, Max, ZeroCount, PositiveOffset, _positiveCounts.Length, _negativeCounts.Length);

    /// <summary>Returns the state as <c>quantiles state v1: 1200 values at relative accuracy 0.01, 310 buckets</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"quantiles state v{Version}: {Count} values at relative accuracy {RelativeAccuracy:R}, {_positiveCounts.Length + _negativeCounts.Length} buckets");

    private static long[] Buckets(QuantileSketchMapping mapping, int limit, int offset, string offsetName, IReadOnlyList<long> counts, string countsName)
    {
        var copy = counts.ToArray();
        if (copy.Length == 0)
        {
            Validation.Zero(offset, offsetName, "With no buckets the offset");
            return copy;
        }

        if (copy.Length > limit)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"A sign holds at most {limit} buckets; got {copy.Length}."), countsName);
        }

        if (offset < mapping.MinIndex || (long)offset + copy.Length - 1 > mapping.MaxIndex)
        {
            throw new ArgumentOutOfRangeException(
                offsetName,
                offset,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"The buckets must lie from index {mapping.MinIndex} to {mapping.MaxIndex} at this accuracy; got {copy.Length} from {offset}."));
        }

        foreach (var count in copy)
        {
            if (count < 0)
            {
                throw new ArgumentOutOfRangeException(
                    countsName, count, string.Create(CultureInfo.InvariantCulture, $"Bucket counts must be 0 or more; got {count}."));
            }
        }

        if (copy[0] == 0 || copy[^1] == 0)
        {
            throw new ArgumentException("The bucket counts must start and end with a non-zero count.", countsName);
        }

        return copy;
    }

    private static long Total(long[] counts)
    {
        var total = 0L;
        foreach (var count in counts)
        {
            total = checked(total + count);
        }

        return total;
    }

    private void CheckRange(QuantileSketchMapping mapping, long count, double? min, double? max)
    {
        if (count == 0)
        {
            Require(min is null, nameof(min), min, "an empty sketch has no minimum");
            Require(max is null, nameof(max), max, "an empty sketch has no maximum");
            Require(ScaledSum.IsZero, "sum", null, "an empty sketch sums to 0");
            return;
        }

        Require(min is { } a && double.IsFinite(a), nameof(min), min, "a sketch with values has a finite minimum");
        Require(max is { } b && double.IsFinite(b), nameof(max), max, "a sketch with values has a finite maximum");
        Require(min <= max, nameof(min), min, $"the minimum is at most the maximum {max?.ToString("R", CultureInfo.InvariantCulture)}");

        // One value is its own minimum and maximum; CheckSum then pins the sum to it. Compared as numbers, so a −0
        // minimum with a 0 maximum (one zero-bucket value) passes, as −0 and 0 are the same value to the sketch.
        Require(count != 1 || min == max, nameof(max), max, $"a sketch of one value has its maximum equal to its minimum {min?.ToString("R", CultureInfo.InvariantCulture)}");

        // The lowest non-empty bucket holds the minimum, the highest the maximum, each by the key it was counted
        // under; the lowest of a sign may be a collapsed one when the sign spans the whole limit.
        var (lowest, lowestCollapsible) = Lowest();
        var (highest, _) = Highest();
        Require(Key(mapping, min!.Value) is var minKey && (minKey == lowest || (lowestCollapsible && minKey.Sign == lowest.Sign && minKey.Key < lowest.Key)),
            nameof(min), min, "the minimum lies in the lowest non-empty bucket");
        Require(Key(mapping, max!.Value) == highest, nameof(max), max, "the maximum lies in the highest non-empty bucket");
    }

    private void CheckSum(long count, double? min, double? max)
    {
        if (count == 0)
        {
            return;
        }

        var n = new BigInteger(count);
        Require(
            n * QuantileSketchSum.Scale(min!.Value) <= ScaledSum && ScaledSum <= n * QuantileSketchSum.Scale(max!.Value),
            "sum",
            Sum,
            "the sum lies between count·min and count·max");
    }

    // A bucket in value order: sign −1 with key −index, 0 for the zero bucket, +1 with key index.
    private static (int Sign, int Key) Key(QuantileSketchMapping mapping, double value) =>
        Math.Abs(value) < QuantileSketchMapping.MinIndexable ? (0, 0)
        : value > 0 ? (1, mapping.Index(value))
        : (-1, -mapping.Index(-value));

    private ((int Sign, int Key) Bucket, bool Collapsible) Lowest() =>
        _negativeCounts.Length > 0 ? ((-1, -(NegativeOffset + _negativeCounts.Length - 1)), _negativeCounts.Length == MaxBucketCount)
        : ZeroCount > 0 ? ((0, 0), false)
        : ((1, PositiveOffset), _positiveCounts.Length == MaxBucketCount);

    private ((int Sign, int Key) Bucket, bool Collapsible) Highest() =>
        _positiveCounts.Length > 0 ? ((1, PositiveOffset + _positiveCounts.Length - 1), false)
        : ZeroCount > 0 ? ((0, 0), false)
        : ((-1, -NegativeOffset), false);

    private static void Require(bool condition, string paramName, object? value, string rule)
    {
        if (!condition)
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                value,
                string.Create(CultureInfo.InvariantCulture, $"Inconsistent state: {rule}; got {(value is IFormattable f ? f.ToString("R", CultureInfo.InvariantCulture) : value?.ToString() ?? "null")}."));
        }
    }
}
