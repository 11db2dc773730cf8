using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Engagement.Sdk.Statistics;

/// <summary>
/// A mergeable quantile sketch with a relative-accuracy guarantee (DDSketch): every quantile it returns lies within
/// <see cref="RelativeAccuracy"/> (1% by default) of the exact quantile, for any data, in a few kilobytes. It also keeps
/// the exact <see cref="Count"/>, <see cref="Min"/>, <see cref="Max"/> and sum. <see cref="ToResult"/> gives the
/// <see cref="QuantileSummary"/>: count, min, max, mean, p50, p90, p95, p99.
/// </summary>
/// <remarks>
/// <para>
/// Masson, Rim &amp; Lee, "DDSketch: A Fast and Fully-Mergeable Quantile Sketch with Relative-Error Guarantees", VLDB
/// 2019. With γ = (1 + α) / (1 − α), a value x with |x| ≥ 2.2250738585072014E-308 (the smallest normal double) is
/// counted in bucket i = ⌈log_γ |x|⌉ of its sign, which holds (γ^(i−1), γ^i]; smaller magnitudes (zeros, subnormals)
/// are counted in a zero bucket. The quantile q is the estimate of the lowest bucket, in value order, whose cumulative
/// count exceeds the rank q·(n − 1): ±2γ^i / (γ + 1) (0 for the zero bucket), clamped to [<see cref="Min"/>,
/// <see cref="Max"/>]; when the rank falls on the first or last value the exact minimum or maximum is returned. So
/// <c>Quantile(0)</c> is the minimum and <c>Quantile(1)</c> the maximum exactly, and every
/// quantile x̂ of a value x with |x| ≥ 2.2250738585072014E-308 has |x̂ − x| ≤ α·|x|, where x is the exact quantile
/// sorted[⌊q·(n − 1)⌋] of the n values in ascending order.
/// </para>
/// <para>
/// Bucket limit: each sign keeps at most <see cref="MaxBucketCount"/> consecutive buckets (4,096 by default). With
/// α = 1%, durations from 1 ms to 10 years span about 1,320 buckets, so real data never reaches it. When data does, the
/// lowest buckets collapse into one (the smallest positive magnitudes, the largest negative ones): the guarantee then
/// holds for the quantiles whose exact value lies in a bucket that was not collapsed: for positive values, those above
/// γ^(H − L + 1), H being the highest positive bucket and L the limit; for negative values, those whose magnitude is at
/// most γ^(h + L − 2), h being the lowest negative (magnitude) bucket. Collapsing depends only on the highest
/// bucket, so it is the same however the data was ordered or split.
/// </para>
/// <para>
/// Merging adds bucket counts: the sketch of a split equals the sketch of the whole, bucket for bucket. The sum is kept
/// exactly (as integers by binary exponent), so <see cref="Sum"/>, <see cref="Mean"/> and the state are the same
/// whatever the order of the values too. Sketches of different relative accuracies or bucket limits refuse to merge.
/// </para>
/// <para>
/// Cost: <see cref="Add(double)"/> is a logarithm, an array increment and a few comparisons, with no allocation once the
/// buckets span the data's range; the memory is 8 bytes per bucket between the lowest and highest used, plus 4 KiB for
/// the exact sum. <see cref="Clear"/> keeps the arrays for reuse. Not thread-safe: give each thread its own and merge
/// them.
/// </para>
/// </remarks>
public sealed class QuantileSketch : IMetricAccumulator<QuantileSketch, QuantileSummary, QuantileSketchState>
{
    /// <summary>The smallest relative accuracy accepted: 10⁻⁶. Below it, bucket indexes of extreme doubles would no
    /// longer fit an <see cref="int"/> and the logarithm's rounding would be of the order of the accuracy.</summary>
    public const double MinRelativeAccuracy = 1e-6;

    /// <summary>The default bucket limit per sign: 4,096.</summary>
    public const int DefaultMaxBucketCount = 4096;

    /// <summary>The smallest bucket limit per sign accepted: 16.</summary>
    public const int MinMaxBucketCount = 16;

    /// <summary>The largest bucket limit per sign accepted: 2²⁰ (8 MiB of counts per sign).</summary>
    public const int MaxMaxBucketCount = 1 << 20;

    private readonly QuantileSketchMapping _mapping;
    private readonly QuantileSketchStore _positive;
    private readonly QuantileSketchStore _negative;
    private readonly QuantileSketchSum _sum = new();
    private long _zeroCount;
    private long _count;
    private double _min = double.PositiveInfinity;
    private double _max = double.NegativeInfinity;

    /// <summary>Creates an empty sketch.</summary>
    /// <param name="relativeAccuracy">α: the largest relative error of a quantile, from <see cref="MinRelativeAccuracy"/>
    /// up to (not including) 1; 0.001 to 0.05 in practice. The default is 0.01 (1%).</param>
    /// <param name="maxBucketCount">The most buckets each sign keeps before the lowest collapse, from
    /// <see cref="MinMaxBucketCount"/> to <see cref="MaxMaxBucketCount"/>. The default is
    /// <see cref="DefaultMaxBucketCount"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="relativeAccuracy"/> or
    /// <paramref name="maxBucketCount"/> is outside its range (or not a number).</exception>
    public QuantileSketch(double relativeAccuracy = 0.01, int maxBucketCount = DefaultMaxBucketCount)
    {
        _mapping = new QuantileSketchMapping(QuantileSketchMapping.Check(relativeAccuracy, nameof(relativeAccuracy)));
        MaxBucketCount = CheckBucketCount(maxBucketCount, nameof(maxBucketCount));
        _positive = new QuantileSketchStore(maxBucketCount);
        _negative = new QuantileSketchStore(maxBucketCount);
    }

    /// <summary>Gets the definition: <see cref="MetricDefinition.Quantiles"/>.</summary>
    public MetricDefinition Definition => MetricDefinition.Quantiles;

    /// <summary>Gets α, the largest relative error of a quantile.</summary>
    public double RelativeAccuracy => _mapping.RelativeAccuracy;

    /// <summary>Gets the most buckets each sign keeps before the lowest collapse.</summary>
    public int MaxBucketCount { get; }

    /// <summary>Gets the number of values so far (weighted values count their weight).</summary>
    public long Count => _count;

    /// <summary>Gets whether there is a value.</summary>
    public bool HasValue => _count > 0;

    /// <summary>Gets the smallest value exactly, or <see langword="null"/> when empty.</summary>
    public double? Min => _count > 0 ? _min : null;

    /// <summary>Gets the largest value exactly, or <see langword="null"/> when empty.</summary>
    public double? Max => _count > 0 ? _max : null;

    /// <summary>Gets the sum of the values, exact then rounded to the nearest double (±∞ when it is beyond the double
    /// range, as a sum of huge values can be), or <see langword="null"/> when empty.</summary>
    public double? Sum => _count > 0 ? QuantileSketchSum.ToDouble(_sum.Scaled(), 1) : null;

    /// <summary>Gets the mean, the exact sum divided by the count rounded to the nearest double, or
    /// <see langword="null"/> when empty.</summary>
    public double? Mean => _count > 0 ? MeanOf(_sum.Scaled()) : null;

    /// <summary>Restores a sketch from a state saved by <see cref="GetState"/>.</summary>
    /// <param name="state">The state; validated when it was created.</param>
    /// <returns>A new sketch holding the state.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="state"/> is <see langword="null"/>.</exception>
    public static QuantileSketch FromState(QuantileSketchState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var sketch = new QuantileSketch(state.RelativeAccuracy, state.MaxBucketCount);
        sketch.Restore(state);
        return sketch;
    }

    /// <summary>Adds one value.</summary>
    /// <param name="value">A finite value: negative, zero or positive.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is not a number or infinite.</exception>
    /// <exception cref="OverflowException">The count would exceed <see cref="long.MaxValue"/>; nothing is changed.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(double value)
    {
        if (!double.IsFinite(value))
        {
            ThrowNotFinite(value, nameof(value));
        }

        _count = CountAfter(1, nameof(value));
        AddFinite(value);
    }

    /// <summary>Adds a value with a weight: as if it were added <paramref name="count"/> times.</summary>
    /// <param name="value">A finite value: negative, zero or positive.</param>
    /// <param name="count">How many times; 0 or more (0 adds nothing).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is not a number or infinite, or
    /// <paramref name="count"/> is negative.</exception>
    /// <exception cref="OverflowException">The count would exceed <see cref="long.MaxValue"/>; nothing is changed.</exception>
    public void Add(double value, long count)
    {
        if (!double.IsFinite(value))
        {
            ThrowNotFinite(value, nameof(value));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count == 0)
        {
            return;
        }

        _count = CountAfter(count, nameof(count));
        value = value == 0 ? 0 : value;
        _sum.Add(value, count);
        UpdateRange(value);
        var magnitude = Math.Abs(value);
        if (magnitude < QuantileSketchMapping.MinIndexable)
        {
            _zeroCount += count;
        }
        else if (value > 0)
        {
            _positive.Add(_mapping.Index(magnitude), count);
        }
        else
        {
            _negative.Add(-_mapping.Index(magnitude), count);
        }
    }

    /// <summary>Adds a span of values; all or nothing.</summary>
    /// <param name="values">Finite values: negative, zero or positive.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is not a number or infinite (the exception names
    /// <paramref name="values"/> and echoes the value and its position); nothing is added.</exception>
    /// <exception cref="OverflowException">The count would exceed <see cref="long.MaxValue"/>; nothing is changed.</exception>
    public void Add(ReadOnlySpan<double> values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentOutOfRangeException(
                    nameof(values),
                    values[i],
                    string.Create(CultureInfo.InvariantCulture, $"Every value must be a finite number; got {values[i]:R} at index {i}. Nothing was added."));
            }
        }

        _count = CountAfter(values.Length, nameof(values));
        foreach (var value in values)
        {
            AddFinite(value);
        }
    }

    // The count after adding; an overflow names what was being added and both counts, before anything changes.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private long CountAfter(long added, string what)
    {
        if (added > long.MaxValue - _count)
        {
            ThrowCountOverflow(added, what);
        }

        return _count + added;
    }

    [DoesNotReturn]
    private void ThrowCountOverflow(long added, string what) =>
        throw new OverflowException(string.Create(
            CultureInfo.InvariantCulture,
            $"Adding {added} values ({what}) to the {_count} already in the sketch would exceed {long.MaxValue}; nothing was changed."));

    /// <summary>Returns the estimate of the quantile <paramref name="q"/>.</summary>
    /// <param name="q">The quantile, from 0 (the minimum) to 1 (the maximum); 0.5 is the median.</param>
    /// <returns>A value within <see cref="RelativeAccuracy"/> of the exact quantile (see the remarks of
    /// <see cref="QuantileSketch"/>), or <see langword="null"/> when the sketch is empty.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="q"/> is outside [0, 1] or not a number.</exception>
    public double? Quantile(double q)
    {
        CheckQuantile(q, nameof(q));
        if (_count == 0)
        {
            return null;
        }

        // The exact quantile is the value of rank ⌊q·(n − 1)⌋ (from 0): the minimum and maximum are known exactly.
        var rank = q * (_count - 1);
        return rank < 1 ? _min
            : rank >= _count - 1 ? _max
            : Math.Clamp(Estimate(rank), _min, _max);
    }

    /// <inheritdoc />
    public void Merge(QuantileSketch other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!SameParameters(other))
        {
            throw new ArgumentException(
                $"Only quantile sketches of the same relative accuracy and bucket limit merge: this one is {Describe()}, the other {other.Describe()}.",
                nameof(other));
        }

        _count = CountAfter(other._count, nameof(other));
        if (other._count == 0)
        {
            return;
        }

        _zeroCount += other._zeroCount;
        _sum.Add(other._sum);
        _positive.Add(other._positive);
        _negative.Add(other._negative);
        _min = Math.Min(_min, other._min);
        _max = Math.Max(_max, other._max);
    }

    /// <summary>Removes every value, keeping the arrays for reuse.</summary>
    public void Clear()
    {
        _count = 0;
        _zeroCount = 0;
        _sum.Clear();
        _positive.Clear();
        _negative.Clear();
        _min = double.PositiveInfinity;
        _max = double.NegativeInfinity;
    }

    /// <summary>Returns the summary of the values so far.</summary>
    /// <returns>The summary; with no values it has no value.</returns>
    public QuantileSummary ToResult() =>
        _count == 0
            ? new QuantileSummary(RelativeAccuracy, 0, null, null, null, null, null, null, null)
            : new QuantileSummary(RelativeAccuracy, _count, _min, _max, Mean, Quantile(0.5), Quantile(0.9), Quantile(0.95), Quantile(0.99));

    /// <inheritdoc />
    public QuantileSketchState GetState() =>
        new(
            QuantileSketchState.CurrentVersion,
            Definition,
            RelativeAccuracy,
            MaxBucketCount,
            _count,
            Min,
            Max,
            QuantileSketchSum.Format(_sum.Scaled()),
            _zeroCount,
            _positive.IsEmpty ? 0 : _positive.MinKey,
            _positive.ToArray(),
            _negative.IsEmpty ? 0 : -_negative.MaxKey,
            Reversed(_negative.ToArray()));

    /// <summary>Returns the sketch as <c>quantiles at 1%: 1200 values, p50 4.2, p99 31</c>, or an "empty" text.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        _count == 0
            ? $"{Describe()}: empty"
            : string.Create(CultureInfo.InvariantCulture, $"{Describe()}: {_count} values, p50 {Quantile(0.5):G4}, p99 {Quantile(0.99):G4}");

    internal static int CheckBucketCount(int maxBucketCount, string paramName)
    {
        if (maxBucketCount is < MinMaxBucketCount or > MaxMaxBucketCount)
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                maxBucketCount,
                string.Create(CultureInfo.InvariantCulture, $"The bucket limit must be from {MinMaxBucketCount} to {MaxMaxBucketCount}; got {maxBucketCount}."));
        }

        return maxBucketCount;
    }

    internal static double CheckQuantile(double q, string paramName)
    {
        if (!(q >= 0 && q <= 1))
        {
            throw new ArgumentOutOfRangeException(
                paramName, q, string.Create(CultureInfo.InvariantCulture, $"A quantile must lie from 0 to 1; got {q:R}."));
        }

        return q;
    }

    /// <summary>The mean of N·2^-1074 over the count, rounded once.</summary>
    internal double MeanOf(System.Numerics.BigInteger scaledSum) => Math.Clamp(QuantileSketchSum.ToDouble(scaledSum, _count), _min, _max);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AddFinite(double value)
    {
        // −0 counts as 0, so that the minimum does not depend on which zero came first.
        value = value == 0 ? 0 : value;
        _sum.Add(value);
        UpdateRange(value);
        if (value >= QuantileSketchMapping.MinIndexable)
        {
            _positive.Add(_mapping.Index(value));
        }
        else if (value <= -QuantileSketchMapping.MinIndexable)
        {
            _negative.Add(-_mapping.Index(-value));
        }
        else
        {
            _zeroCount++;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void UpdateRange(double value)
    {
        if (value < _min)
        {
            _min = value;
        }

        if (value > _max)
        {
            _max = value;
        }
    }

    /// <summary>The estimate of the lowest bucket, in value order, whose cumulative count exceeds the rank.</summary>
    private double Estimate(double rank)
    {
        var cumulative = 0L;
        if (!_negative.IsEmpty)
        {
            for (var key = _negative.MinKey; key <= _negative.MaxKey; key++)
            {
                cumulative += _negative[key];
                if (cumulative > rank)
                {
                    return -_mapping.Estimate(-key);
                }
            }
        }

        cumulative += _zeroCount;
        if (cumulative > rank || _positive.IsEmpty)
        {
            return 0;
        }

        for (var key = _positive.MinKey; key < _positive.MaxKey; key++)
        {
            cumulative += _positive[key];
            if (cumulative > rank)
            {
                return _mapping.Estimate(key);
            }
        }

        return _mapping.Estimate(_positive.MaxKey);
    }

    private void Restore(QuantileSketchState state)
    {
        _count = state.Count;
        _zeroCount = state.ZeroCount;
        _min = state.Min ?? double.PositiveInfinity;
        _max = state.Max ?? double.NegativeInfinity;
        _sum.Set(state.ScaledSum);
        _positive.Set(state.PositiveOffset, state.PositiveCountArray);
        var negative = state.NegativeCountArray;
        for (var i = 0; i < negative.Length; i++)
        {
            if (negative[i] != 0)
            {
                _negative.Add(-(state.NegativeOffset + i), negative[i]);
            }
        }
    }

    private bool SameParameters(QuantileSketch other) =>
        RelativeAccuracy.Equals(other.RelativeAccuracy) && MaxBucketCount == other.MaxBucketCount;

    private string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"{Definition} at relative accuracy {RelativeAccuracy:R} with at most {MaxBucketCount} buckets a sign");

    private static long[] Reversed(long[] counts)
    {
        Array.Reverse(counts);
        return counts;
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void ThrowNotFinite(double value, string paramName) =>
        throw new ArgumentOutOfRangeException(
            paramName, value, string.Create(CultureInfo.InvariantCulture, $"The value must be a finite number; got {value:R}."));
}
