using System.Text.Json;
using Engagement.Sdk.IO;
using Engagement.Sdk.Statistics;

namespace Engagement.Sdk.Tests.Statistics;

public class QuantileSketchTests
{
    // α = 1%: γ = 1.01 / 0.99 = 101/99, ln γ = 0.0200006667, 1 / ln γ = 49.99833. A bucket i holds (γ^(i−1), γ^i] and
    // its estimate is 2γ^i / (γ + 1) = 0.99·γ^i.
    private const double Gamma = 101.0 / 99;

    private static double Estimate(int index) => 0.99 * Math.Pow(Gamma, index);

    [Fact]
    public void Quantile_SmallPositiveInput_IsTheEstimateOfTheBucketAtTheRank()
    {
        // ⌈log_γ x⌉ = ⌈ln x · 49.99833⌉: 1 → ⌈0⌉ = 0; 2 → ⌈34.656⌉ = 35; 10 → ⌈115.125⌉ = 116; 100 → ⌈230.25⌉ = 231.
        var sketch = new QuantileSketch();
        sketch.Add([100, 2, 10, 1]);

        var state = sketch.GetState();
        Assert.Equal(0, state.PositiveOffset);
        Assert.Equal(232, state.PositiveCounts.Count);
        Assert.Equal([1L, 1L, 1L, 1L], [state.PositiveCounts[0], state.PositiveCounts[35], state.PositiveCounts[116], state.PositiveCounts[231]]);
        Assert.Equal(4, state.PositiveCounts.Sum());

        // n = 4, rank = q·3. q = 0.5: rank 1.5; cumulative counts 1, 2 → bucket 35 is the first above 1.5: 0.99·γ^35.
        Assert.Equal(Estimate(35), sketch.Quantile(0.5)!.Value, 1e-12);
        // Written out from the definition: 2·γ^i / (γ + 1) with γ = 1.01 / 0.99 and i = ⌈ln 2 / ln γ⌉ = ⌈34.66⌉ = 35.
        Assert.Equal(2 * Math.Pow(1.01 / 0.99, 35) / ((1.01 / 0.99) + 1), sketch.Quantile(0.5)!.Value, 1e-12);

        // q = 0.7: rank 2.1; cumulative 1, 2, 3 → bucket 116: 0.99·γ^116 = 10.0747.
        Assert.Equal(Estimate(116), sketch.Quantile(0.7)!.Value, 1e-12);

        // q = 0.3: rank 0.9 < 1 → the first value, the minimum, exactly. q = 1: rank 3 → the maximum exactly.
        Assert.Equal(1, sketch.Quantile(0.3));
        Assert.Equal(1, sketch.Quantile(0));
        Assert.Equal(100, sketch.Quantile(1));
    }

    [Fact]
    public void Quantile_NegativesAndZero_AreOrderedByValue()
    {
        // −20 → magnitude bucket ⌈ln 20 · 49.99833⌉ = ⌈149.78⌉ = 150; −10 → 116; 0 → the zero bucket; 5 → ⌈80.47⌉ = 81.
        var sketch = new QuantileSketch();
        sketch.Add([5, -10, 0, -20]);

        var state = sketch.GetState();
        Assert.Equal((116, 35, 1L, 1L), (state.NegativeOffset, state.NegativeCounts.Count, state.NegativeCounts[0], state.NegativeCounts[34]));
        Assert.Equal((81, 1, 1L), (state.PositiveOffset, state.PositiveCounts.Count, state.ZeroCount));
        Assert.Equal("-25p0", state.Sum);

        // n = 4, rank = q·3. In value order the buckets are −150, −116, zero, 81 with cumulative counts 1, 2, 3, 4.
        // q = 1/3: rank 1 → −116 is the first above 1: −0.99·γ^116 = −10.0747 (inside [−20, 5], so not clamped).
        Assert.Equal(-Estimate(116), sketch.Quantile(1.0 / 3)!.Value, 1e-12);

        // q = 0.5: rank 1.5 → still −116. q = 0.6: rank 1.8 → −116. q = 2/3: rank 2 → the zero bucket: 0.
        Assert.Equal(-Estimate(116), sketch.Quantile(0.5)!.Value, 1e-12);
        Assert.Equal(0, sketch.Quantile(2.0 / 3));
        Assert.Equal(-20, sketch.Quantile(0));
        Assert.Equal(5, sketch.Quantile(1));
    }

    [Fact]
    public void Quantile_EstimateBeyondMinOrMax_IsClamped()
    {
        // {1.5, 1.5, 1.5}: bucket ⌈ln 1.5 · 49.99833⌉ = ⌈20.27⌉ = 21, estimate 0.99·γ^21 = 1.50676 > max 1.5: the median
        // is clamped to 1.5, the exact value.
        var sketch = new QuantileSketch();
        sketch.Add(1.5, 3);

        Assert.Equal(1.5067630358630382, Estimate(21), 1e-12);
        Assert.Equal(1.5, sketch.Quantile(0.5));
    }

    [Fact]
    public void ToResult_FourValues_GivesExactCountMinMaxMeanAndTheRankRuleForPercentiles()
    {
        var sketch = new QuantileSketch();
        sketch.Add([1, 2, 10, 100]);

        var summary = sketch.ToResult();

        // Mean = 113 / 4 = 28.25 exactly. p50: rank 1.5 → bucket 35; p90: rank 2.7 → bucket 116; p95: rank 2.85 → 116;
        // p99: rank 2.97 → 116.
        Assert.Equal((4L, 1.0, 100.0, 28.25), (summary.Count, summary.Min!.Value, summary.Max!.Value, summary.Mean!.Value));
        Assert.Equal(Estimate(35), summary.P50!.Value, 1e-12);
        Assert.Equal(Estimate(116), summary.P90!.Value, 1e-12);
        Assert.Equal(Estimate(116), summary.P95!.Value, 1e-12);
        Assert.Equal(Estimate(116), summary.P99!.Value, 1e-12);
        Assert.True(summary.HasValue);
        Assert.Equal(0.01, summary.RelativeAccuracy);
    }

    [Fact]
    public void Empty_HasNoStatistics()
    {
        var sketch = new QuantileSketch();

        Assert.Null(sketch.Quantile(0.5));
        Assert.Null(sketch.Min);
        Assert.Null(sketch.Max);
        Assert.Null(sketch.Sum);
        Assert.Null(sketch.Mean);
        Assert.False(sketch.HasValue);
        var summary = sketch.ToResult();
        Assert.False(summary.HasValue);
        Assert.Null(summary.P99);
        Assert.Equal("0 values: no value", summary.ToString());
    }

    [Fact]
    public void Sum_IsExactWhereADoubleSumIsNot()
    {
        // 1e16 + 1 + 1 as doubles is 1e16 (each 1 is lost); the exact sum is 1e16 + 2, a double.
        var sketch = new QuantileSketch();
        sketch.Add([1e16, 1, 1]);
        Assert.Equal(1e16 + 2, sketch.Sum);

        // 0.1 + 0.2 − 0.3 is 5.55e−17 in doubles; exactly it is the sum of the three doubles' binary values,
        // 2^-55 = 2.7755575615628914E-17.
        var small = new QuantileSketch();
        small.Add([0.1, 0.2, -0.3]);
        Assert.Equal(Math.ScaleB(1, -55), small.Sum);

        // Two double.MaxValue overflow a double sum; the mean is still exact.
        var huge = new QuantileSketch();
        huge.Add([double.MaxValue, double.MaxValue]);
        Assert.Equal(double.PositiveInfinity, huge.Sum);
        Assert.Equal(double.MaxValue, huge.Mean);
    }

    [Fact]
    public void Mean_RoundsTheExactQuotientOnce()
    {
        // (1 + 2 + 2) / 3 = 5/3, rounded once: the double nearest 1.6666…, which is 5.0 / 3.
        var sketch = new QuantileSketch();
        sketch.Add([1, 2, 2]);

        Assert.Equal(5.0 / 3, sketch.Mean);
        Assert.Equal(5, sketch.Sum);
    }

    [Fact]
    public void ZeroBucket_TakesZerosAndSubnormals()
    {
        var sketch = new QuantileSketch();
        sketch.Add([0.0, -0.0, double.Epsilon, -1e-310, QuantileSketchValues.MinIndexable]);

        var state = sketch.GetState();

        // Four magnitudes below the smallest normal double; the smallest normal double itself has a bucket.
        Assert.Equal(4, state.ZeroCount);
        Assert.Equal([1L], state.PositiveCounts);
        Assert.Equal(-1e-310, sketch.Min);
        Assert.Equal(QuantileSketchValues.MinIndexable, sketch.Max);
        Assert.Equal(0, sketch.Quantile(0.5));
    }

    [Fact]
    public void NegativeZero_CountsAsZero_SoTheStateDoesNotDependOnWhichComesFirst()
    {
        var a = new QuantileSketch();
        a.Add([-0.0, 0.0]);
        var b = new QuantileSketch();
        b.Add([0.0, -0.0]);

        Assert.Equal(a.GetState(), b.GetState());
        Assert.False(double.IsNegative(a.Min!.Value));
    }

    [Fact]
    public void AddWithCount_EqualsAddingThatManyTimes()
    {
        var weighted = new QuantileSketch();
        weighted.Add(-3.25, 5);
        weighted.Add(7, 2);
        weighted.Add(1, 0);
        var repeated = new QuantileSketch();
        for (var i = 0; i < 5; i++)
        {
            repeated.Add(-3.25);
        }

        repeated.Add(7);
        repeated.Add(7);

        Assert.Equal(repeated.GetState(), weighted.GetState());
        Assert.Equal(7, weighted.Count);
        Assert.Equal(-2.25 / 7 * 7, weighted.Sum!.Value, 1e-12);
    }

    [Fact]
    public void AddSpan_EqualsAddingOneByOne()
    {
        double[] values = [3, -1, 0, 1e-3, 1e9, 3];
        var span = new QuantileSketch();
        span.Add(values);
        var one = new QuantileSketch();
        foreach (var value in values)
        {
            one.Add(value);
        }

        Assert.Equal(one.GetState(), span.GetState());
    }

    [Fact]
    public void Collapsing_FoldsTheLowestBucketsIntoTheFloor_AndKeepsMinExact()
    {
        // Limit 16: buckets 0 and 20 span 21 > 16, so the floor is 20 − 16 + 1 = 5 and bucket 0's count moves to 5.
        // The values are bucket estimates, which lie strictly inside their buckets.
        var sketch = new QuantileSketch(0.01, 16);
        sketch.Add([Estimate(0), Estimate(20), Estimate(3), Estimate(12)]);

        var state = sketch.GetState();

        Assert.Equal(5, state.PositiveOffset);
        Assert.Equal(16, state.PositiveCounts.Count);
        Assert.Equal(2, state.PositiveCounts[0]);
        Assert.Equal(1, state.PositiveCounts[12 - 5]);
        Assert.Equal(1, state.PositiveCounts[20 - 5]);
        Assert.Equal(Estimate(0), sketch.Min);

        // n = 4: q = 0.5 → rank 1.5 → cumulative 2 at bucket 5 → 0.99·γ^5 (the collapsed bucket: the guarantee is lost
        // there, which is what the limit trades); q = 0.6 → rank 1.8 → still 5; 2/3 → rank 2 → bucket 12.
        Assert.Equal(Estimate(5), sketch.Quantile(0.5)!.Value, 1e-12);
        Assert.Equal(Estimate(12), sketch.Quantile(2.0 / 3)!.Value, 1e-12);

        // The collapsed state is valid and reads back.
        var json = JsonSerializer.Serialize(state, EngagementJson.GetTypeInfo<QuantileSketchState>());
        Assert.Equal(state, JsonSerializer.Deserialize(json, EngagementJson.GetTypeInfo<QuantileSketchState>()));
    }

    [Fact]
    public void Collapsing_OfNegatives_FoldsTheLargestMagnitudes()
    {
        // Magnitude buckets 0 and 20 span 21 > 16. Among negatives the lowest values are the largest magnitudes, so
        // those above 0 + 16 − 1 = 15 fold into 15: −γ^20·0.99 is counted in magnitude bucket 15.
        var sketch = new QuantileSketch(0.01, 16);
        sketch.Add([-Estimate(0), -Estimate(20)]);

        var state = sketch.GetState();

        Assert.Equal((0, 16), (state.NegativeOffset, state.NegativeCounts.Count));
        Assert.Equal((1L, 1L), (state.NegativeCounts[0], state.NegativeCounts[15]));
        Assert.Equal(-Estimate(20), sketch.Min);
    }

    [Fact]
    public void Clear_EmptiesTheSketch_AndItCanBeReused()
    {
        var sketch = new QuantileSketch();
        sketch.Add([1, 2, 3, -4, 0]);

        sketch.Clear();

        Assert.Equal(new QuantileSketch().GetState(), sketch.GetState());
        sketch.Add(2);
        var fresh = new QuantileSketch();
        fresh.Add(2);
        Assert.Equal(fresh.GetState(), sketch.GetState());
    }

    [Fact]
    public void State_Json_IsCompact()
    {
        var sketch = new QuantileSketch();
        sketch.Add([5, -10, 0, -20]);

        var json = JsonSerializer.Serialize(sketch.GetState(), EngagementJson.GetTypeInfo<QuantileSketchState>());

        Assert.Equal(
            """{"version":1,"definition":{"kind":"Quantiles","scale":null,"favourableThreshold":null,"unfavourableThreshold":null,"name":null},"relativeAccuracy":0.01,"maxBucketCount":4096,"count":4,"min":-20,"max":5,"sum":"-25p0","zeroCount":1,"positiveOffset":81,"positiveCounts":[1],"negativeOffset":116,"negativeCounts":[1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1]}""",
            json);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Add_NotFinite_ThrowsNamingValueAndChangesNothing(double value)
    {
        var sketch = new QuantileSketch();
        sketch.Add(1);
        var before = sketch.GetState();

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => sketch.Add(value));
        Assert.Equal("value", e.ParamName);
        Assert.Equal(value, e.ActualValue);
        Assert.Contains(value.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Message, StringComparison.Ordinal);

        Assert.Equal("value", Assert.Throws<ArgumentOutOfRangeException>(() => sketch.Add(value, 2)).ParamName);
        var span = Assert.Throws<ArgumentOutOfRangeException>(() => sketch.Add([1, 2, value]));
        Assert.Equal("values", span.ParamName);
        Assert.Contains("at index 2", span.Message, StringComparison.Ordinal);
        Assert.Equal(before, sketch.GetState());
    }

    [Fact]
    public void Add_NegativeCount_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new QuantileSketch().Add(1, -2));

        Assert.Equal("count", e.ParamName);
        Assert.Equal(-2L, e.ActualValue);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void Quantile_OutsideZeroToOne_Throws(double q)
    {
        var sketch = new QuantileSketch();
        sketch.Add(1);

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => sketch.Quantile(q));

        Assert.Equal("q", e.ParamName);
        Assert.Equal(q, e.ActualValue);
        Assert.Throws<ArgumentOutOfRangeException>(() => new QuantileSketch().Quantile(q));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-0.5)]
    [InlineData(1)]
    [InlineData(1e-7)]
    [InlineData(double.NaN)]
    public void Constructor_RelativeAccuracyOutOfRange_Throws(double relativeAccuracy)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new QuantileSketch(relativeAccuracy));

        Assert.Equal("relativeAccuracy", e.ParamName);
        Assert.Equal(relativeAccuracy, e.ActualValue);
    }

    [Theory]
    [InlineData(15)]
    [InlineData((1 << 20) + 1)]
    public void Constructor_BucketLimitOutOfRange_Throws(int limit)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new QuantileSketch(0.01, limit));

        Assert.Equal("maxBucketCount", e.ParamName);
        Assert.Equal(limit, e.ActualValue);
    }

    [Fact]
    public void Add_CountOverflow_ThrowsAndChangesNothing()
    {
        var sketch = new QuantileSketch();
        sketch.Add(1, long.MaxValue);
        var before = sketch.GetState();

        Assert.Throws<OverflowException>(() => sketch.Add(2));
        Assert.Throws<OverflowException>(() => sketch.Add(2, 1));
        Assert.Throws<OverflowException>(() => sketch.Add([2.0]));
        Assert.Throws<OverflowException>(() => sketch.Merge(sketch));

        Assert.Equal(before, sketch.GetState());
    }

    [Fact]
    public void Summary_InconsistentStatistics_AreRejectedNamingTheMember()
    {
        Assert.Equal("p50", Assert.Throws<ArgumentOutOfRangeException>(() => new QuantileSummary(0.01, 2, 1, 3, 2, 4, 3, 3, 3)).ParamName);
        Assert.Equal("p90", Assert.Throws<ArgumentOutOfRangeException>(() => new QuantileSummary(0.01, 2, 1, 3, 2, 2, 1.5, 3, 3)).ParamName);
        Assert.Equal("min", Assert.Throws<ArgumentOutOfRangeException>(() => new QuantileSummary(0.01, 0, 1, null, null, null, null, null, null)).ParamName);
        Assert.Equal("mean", Assert.Throws<ArgumentOutOfRangeException>(() => new QuantileSummary(0.01, 2, 1, 3, null, 2, 2, 2, 2)).ParamName);
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => new QuantileSummary(0.01, -1, null, null, null, null, null, null, null)).ParamName);
        Assert.Equal("relativeAccuracy", Assert.Throws<ArgumentOutOfRangeException>(() => new QuantileSummary(0, 0, null, null, null, null, null, null, null)).ParamName);
    }
}
