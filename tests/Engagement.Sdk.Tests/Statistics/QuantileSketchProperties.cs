using Engagement.Sdk.Statistics;
using Engagement.Sdk.Tests.Responses.Reference;
using FsCheck;
using FsCheck.Fluent;

namespace Engagement.Sdk.Tests.Statistics;

public class QuantileSketchProperties
{
    private static readonly Config Many = Config.QuickThrowOnFailure.WithMaxTest(300);

    private static readonly double[] Quantiles = [0, 0.001, 0.01, 0.1, 0.25, 0.29, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1];

    [Fact]
    public void EveryQuantile_IsWithinTheRelativeAccuracyOfTheExactQuantile() =>
        Prop.ForAll(Values(QuantileSketchValues.Realistic, 400), Accuracies(), Gen.Choose(0, 10_000).ToArbitrary(), (values, alpha, extra) =>
        {
            // The values span 10^±12, about ln(10²⁴) / 2α buckets: 2,763 at α = 1%, within the default limit; below 1%
            // the limit is raised so that nothing collapses (collapsing has its own property).
            var sketch = alpha >= 0.01 ? new QuantileSketch(alpha) : new QuantileSketch(alpha, QuantileSketch.MaxMaxBucketCount);
            sketch.Add(values);
            foreach (var q in Quantiles.Append(extra / 10_000.0))
            {
                var exact = NaiveQuantiles.Exact(values, q);
                var estimate = sketch.Quantile(q)!.Value;
                if (!NaiveQuantiles.WithinRelativeError(estimate, exact, alpha))
                {
                    throw new InvalidOperationException($"q {q:R}, α {alpha:R}: estimate {estimate:R}, exact {exact:R}");
                }
            }
        }).Check(Many);

    [Fact]
    public void EveryQuantile_OverTheWholeDoubleRange_IsWithinTheRelativeAccuracy_OrInTheZeroBucket() =>
        Prop.ForAll(Values(QuantileSketchValues.Any, 200), Accuracies(), (values, alpha) =>
        {
            // No collapsing: the largest limit holds every bucket the double range needs at these accuracies.
            var sketch = new QuantileSketch(alpha, QuantileSketch.MaxMaxBucketCount);
            sketch.Add(values);
            foreach (var q in Quantiles)
            {
                var exact = NaiveQuantiles.Exact(values, q);
                var estimate = sketch.Quantile(q)!.Value;
                var ok = Math.Abs(exact) < QuantileSketchValues.MinIndexable
                    ? Math.Abs(estimate) < QuantileSketchValues.MinIndexable
                    : NaiveQuantiles.WithinRelativeError(estimate, exact, alpha);
                if (!ok)
                {
                    throw new InvalidOperationException($"q {q:R}, α {alpha:R}: estimate {estimate:R}, exact {exact:R}");
                }
            }
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(100));

    [Fact]
    public void Summary_MatchesTheSketchAndTheExactStatistics() =>
        Prop.ForAll(Values(Gen.Choose(-1000, 1000).Select(i => (double)i), 300), values =>
        {
            var sketch = new QuantileSketch();
            sketch.Add(values);
            var summary = sketch.ToResult();
            if (values.Length == 0)
            {
                return !summary.HasValue && summary.P50 is null && summary.Mean is null;
            }

            // Integers below 2^53 sum exactly in a long, and one division rounds the mean once, as the sketch does.
            var sum = values.Sum(v => (long)v);
            return summary.Count == values.Length
                && summary.Min == values.Min()
                && summary.Max == values.Max()
                && summary.Mean == (double)sum / values.Length
                && sketch.Sum == sum
                && summary.P50 == sketch.Quantile(0.5)
                && summary.P90 == sketch.Quantile(0.9)
                && summary.P95 == sketch.Quantile(0.95)
                && summary.P99 == sketch.Quantile(0.99);
        }).Check(Many);

    [Fact]
    public void MergeOfAnySplit_EqualsTheWhole_BucketForBucket_EvenWhenCollapsing() =>
        Prop.ForAll(Values(QuantileSketchValues.Any, 300), Gen.Choose(1, 6).ToArbitrary(), Gen.Elements(16, 40, 4096).ToArbitrary(), (values, parts, limit) =>
        {
            var whole = new QuantileSketch(0.01, limit);
            whole.Add(values);
            var merged = new QuantileSketch(0.01, limit);
            for (var p = 0; p < parts; p++)
            {
                // Part p takes every value whose position is p modulo the number of parts: interleaved, not contiguous.
                var part = new QuantileSketch(0.01, limit);
                for (var i = p; i < values.Length; i += parts)
                {
                    part.Add(values[i]);
                }

                merged.Merge(part);
            }

            return merged.GetState().Equals(whole.GetState()) && Equals(merged.ToResult(), whole.ToResult());
        }).Check(Many);

    [Fact]
    public void Collapsing_KeepsTheLimit_AndTheGuaranteeAboveTheCollapsedBuckets() =>
        Prop.ForAll(Values(QuantileSketchValues.Realistic.Select(Math.Abs), 300), Gen.Elements(16, 64, 300).ToArbitrary(), (values, limit) =>
        {
            var sketch = new QuantileSketch(0.01, limit);
            sketch.Add(values);
            var state = sketch.GetState();
            if (state.PositiveCounts.Count > limit)
            {
                return false;
            }

            // Every quantile whose exact value's bucket is above the floor (the lowest kept bucket) keeps the guarantee.
            var floor = state.PositiveOffset;
            var gamma = 1.01 / 0.99;
            foreach (var q in Quantiles)
            {
                var exact = NaiveQuantiles.Exact(values, q);
                if (exact > Math.Pow(gamma, floor) && !NaiveQuantiles.WithinRelativeError(sketch.Quantile(q)!.Value, exact, 0.01))
                {
                    return false;
                }
            }

            return true;
        }).Check(Many);

    [Fact]
    public void Buckets_AreTheDefinitionsBuckets_CollapsedToTheHighestMinusTheLimit() =>
        Prop.ForAll(Values(QuantileSketchValues.Any, 200), Gen.Elements(16, 40, 4096).ToArbitrary(), (values, limit) =>
        {
            var sketch = new QuantileSketch(0.01, limit);
            sketch.Add(values);
            var state = sketch.GetState();

            // Straight from the definition: bucket ⌈ln |x| / ln γ⌉ of its sign for |x| ≥ the smallest normal double;
            // then, by key (the index for positives, minus the index for negatives), every key below H − L + 1 moves
            // there, H the highest key of the sign.
            var multiplier = 1 / Math.Log(1.01 / 0.99);
            var zero = values.LongCount(v => Math.Abs(v) < QuantileSketchValues.MinIndexable);
            var positive = Collapse(values.Where(v => v >= QuantileSketchValues.MinIndexable).Select(v => (int)Math.Ceiling(Math.Log(v) * multiplier)), limit);
            var negative = Collapse(values.Where(v => v <= -QuantileSketchValues.MinIndexable).Select(v => -(int)Math.Ceiling(Math.Log(-v) * multiplier)), limit);

            return state.ZeroCount == zero
                && Matches(positive, state.PositiveOffset, state.PositiveCounts, key => key)
                && Matches(negative, state.NegativeOffset, state.NegativeCounts, key => -key);
        }).Check(Many);

    [Fact]
    public void WeightedAdd_EqualsRepeatedAdd() =>
        Prop.ForAll(Values(QuantileSketchValues.Any, 20), Gen.Choose(0, 5).ToArbitrary(), (values, weight) =>
        {
            var weighted = new QuantileSketch(0.02, 16);
            var repeated = new QuantileSketch(0.02, 16);
            foreach (var value in values)
            {
                weighted.Add(value, weight);
                for (var i = 0; i < weight; i++)
                {
                    repeated.Add(value);
                }
            }

            return weighted.GetState().Equals(repeated.GetState());
        }).Check(Many);

    [Fact]
    public void ClearThenAdd_EqualsAFreshSketch() =>
        Prop.ForAll(Values(QuantileSketchValues.Any, 100), Values(QuantileSketchValues.Any, 100), (first, second) =>
        {
            var reused = new QuantileSketch(0.01, 64);
            reused.Add(first);
            reused.Clear();
            reused.Add(second);
            var fresh = new QuantileSketch(0.01, 64);
            fresh.Add(second);
            return reused.GetState().Equals(fresh.GetState());
        }).Check(Many);

    private static SortedDictionary<int, long> Collapse(IEnumerable<int> keys, int limit)
    {
        var all = keys.ToArray();
        var counts = new SortedDictionary<int, long>();
        if (all.Length > 0)
        {
            var floor = all.Max() - limit + 1;
            foreach (var key in all)
            {
                var kept = Math.Max(key, floor);
                counts[kept] = counts.GetValueOrDefault(kept) + 1;
            }
        }

        return counts;
    }

    // The state's dense counts from the offset (by index; a negative value's key is minus its index) against the model's.
    private static bool Matches(SortedDictionary<int, long> model, int offset, IReadOnlyList<long> counts, Func<int, int> keyOf)
    {
        var fromState = new SortedDictionary<int, long>();
        for (var i = 0; i < counts.Count; i++)
        {
            if (counts[i] != 0)
            {
                fromState[keyOf(offset + i)] = counts[i];
            }
        }

        return fromState.SequenceEqual(model);
    }

    private static Arbitrary<double[]> Values(Gen<double> value, int maxLength) =>
        Arb.From(
            Gen.Choose(1, maxLength).SelectMany(length => value.ArrayOf(length)),
            values => values.Length <= 1 ? [] : new[] { values[..(values.Length / 2)], values[(values.Length / 2)..], values[1..] });

    private static Arbitrary<double> Accuracies() => Gen.Elements(0.001, 0.01, 0.02, 0.05, 0.2, 0.5).ToArbitrary();
}
