using Engagement.Sdk.IO;
using Engagement.Sdk.Statistics;
using Engagement.Sdk.Surveys;
using Engagement.Sdk.Tests.Support;

namespace Engagement.Sdk.Tests.Surveys;

public class NpsTests
{
    private const double Z95 = 1.959963984540054;

    private static int[] Answers(int promoters, int passives, int detractors) =>
        [.. Enumerable.Repeat(10, promoters), .. Enumerable.Repeat(8, passives), .. Enumerable.Repeat(3, detractors)];

    [Fact]
    public void Compute_100Promoters30Passives80Detractors_Is9Point52()
    {
        // NPS = 100 · (100 − 80) / 210 = 9.5238…
        var result = NpsCalculator.Default.Compute(Answers(100, 30, 80));

        Assert.Equal(100.0 * 20 / 210, result.Score!.Value, 12);
        Assert.Equal(9.5238, result.Score.Value, 4);
        Assert.Equal(210, result.Count);
        Assert.Equal((100, 30, 80), (result.Promoters, result.Passives, result.Detractors));
        Assert.Equal(100.0 / 210, result.PromoterShare);
        Assert.Equal(30.0 / 210, result.PassiveShare);
        Assert.Equal(80.0 / 210, result.DetractorShare);
    }

    [Fact]
    public void Compute_EachScoreZeroToTenOnce_IsMinus45Point45()
    {
        // Promoters 9, 10 (2); passives 7, 8 (2); detractors 0–6 (7): 100 · (2 − 7) / 11 = −45.4545…
        var result = NpsCalculator.Default.Compute(Enumerable.Range(0, 11).ToArray());

        Assert.Equal(-500.0 / 11, result.Score!.Value, 12);
        Assert.Equal(-45.45, result.Score.Value, 2);
        Assert.Equal((2, 2, 7), (result.Promoters, result.Passives, result.Detractors));
    }

    [Fact]
    public void StandardError_IsSqrtOfPerAnswerVarianceOverN()
    {
        // p = 100/210, d = 80/210: variance = p + d − (p − d)² = 0.857142… − 0.009070… = 0.848072…;
        // SE = 100 · √(0.848072 / 210) = 6.3549…
        double p = 100.0 / 210, d = 80.0 / 210;
        var expected = 100 * Math.Sqrt((p + d - ((p - d) * (p - d))) / 210);

        var result = NpsCalculator.Default.Compute(Answers(100, 30, 80));

        Assert.Equal(expected, result.StandardError!.Value, 12);
        Assert.Equal(6.3549, result.StandardError.Value, 4);
        var wald = result.GetInterval(0.95, NpsIntervalMethod.Wald)!.Value;
        Assert.Equal(result.Score!.Value - (Z95 * expected), wald.Lower, 9);
        Assert.Equal(result.Score.Value + (Z95 * expected), wald.Upper, 9);
        Assert.Equal("NPS 9.5 (SE 6.4, n = 210)", result.ToString());

        // Adjusted Wald (Rocks 2016), the default: 100.75 promoters, 31.5 passives, 80.75 detractors of 213;
        // p̃ − d̃ = 20/213, p̃ + d̃ = 181.5/213, SE = 100 √((181.5/213 − (20/213)²) / 213).
        double pa = 100.75 / 213, da = 80.75 / 213;
        var adjustedSe = 100 * Math.Sqrt((pa + da - ((pa - da) * (pa - da))) / 213);
        var adjusted = result.Interval!.Value;
        Assert.Equal((100.0 * 20 / 213) - (Z95 * adjustedSe), adjusted.Lower, 9);
        Assert.Equal((100.0 * 20 / 213) + (Z95 * adjustedSe), adjusted.Upper, 9);
    }

    [Fact]
    public void Interval_IsClampedToTheScoreRange()
    {
        var result = NpsCalculator.Default.Compute([10, 10, 10, 9, 0]);

        Assert.Equal(100, result.GetInterval(0.99)!.Value.Upper);
    }

    [Fact]
    public void Empty_HasNoValue()
    {
        var result = NpsCalculator.Default.Compute(ReadOnlySpan<int>.Empty);

        Assert.False(result.HasValue);
        Assert.Equal(0, result.Count);
        Assert.Null(result.Score);
        Assert.Null(result.PromoterShare);
        Assert.Null(result.StandardError);
        Assert.Null(result.Interval);
        Assert.Equal("NPS: no value (n = 0)", result.ToString());
    }

    [Theory]
    [InlineData(11)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void Compute_ScoreOffScale_ThrowsWithValueAndIndex(int bad)
    {
        int[] scores = [.. Enumerable.Repeat(9, 100), bad, 3];

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => NpsCalculator.Default.Compute(scores));

        Assert.Equal("scores", e.ParamName);
        Assert.Equal(bad, e.ActualValue);
        Assert.Contains("index 100", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_LazySequenceOffScale_ThrowsWithIndex()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => NpsCalculator.Default.Compute(Enumerable.Range(5, 10)));

        Assert.Equal(11, e.ActualValue);
        Assert.Contains("index 6", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_LongSpanWithBadValueDeepInside_ReportsItsIndex()
    {
        var scores = new int[50_000];
        Array.Fill(scores, 7);
        scores[40_001] = 12;

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => NpsCalculator.Default.Compute(scores));

        Assert.Contains("index 40001", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_SequenceListAndSpan_Agree()
    {
        int[] scores = [.. Enumerable.Range(0, 500).Select(i => i * 7 % 11)];

        var fromSpan = NpsCalculator.Default.Compute(scores.AsSpan());

        Assert.Equal(fromSpan, NpsCalculator.Default.Compute(scores.ToList()));
        Assert.Equal(fromSpan, NpsCalculator.Default.Compute(scores.Select(s => s)));
        Assert.Throws<ArgumentNullException>(() => NpsCalculator.Default.Compute((IEnumerable<int>)null!));
    }

    [Fact]
    public void Accumulator_AddOne_ClassifiesByBand()
    {
        var accumulator = NpsCalculator.Default.CreateAccumulator();
        foreach (var score in new[] { 0, 6, 7, 8, 9, 10 })
        {
            accumulator.Add(score);
        }

        Assert.Equal(new NpsState(1, MetricDefinition.Nps, promoters: 2, passives: 2, detractors: 2), accumulator.GetState());
        Assert.Equal(6, accumulator.Count);
        Assert.Equal("promoters 2, passives 2, detractors 2", accumulator.ToString());
        Assert.Equal("score", Assert.Throws<ArgumentOutOfRangeException>(() => accumulator.Add(11)).ParamName);
        Assert.Equal("score", Assert.Throws<ArgumentOutOfRangeException>(() => accumulator.Add(-1)).ParamName);
    }

    [Fact]
    public void Accumulator_AddRangeWithBadScore_LeavesStateUnchanged()
    {
        var accumulator = Accumulator(1, 1, 1);

        Assert.Throws<ArgumentOutOfRangeException>(() => accumulator.AddRange([1, 2, 99]));

        Assert.Equal(new NpsState(1, MetricDefinition.Nps, 1, 1, 1), accumulator.GetState());
    }

    [Fact]
    public void Accumulator_KeptInACollection_IsUpdatedInPlace()
    {
        // The review's reproduction: with the old mutable struct these updates went to copies and the count stayed 0.
        var byChannel = new Dictionary<string, NpsAccumulator> { ["web"] = new() };
        var list = new List<NpsAccumulator> { new() };

        byChannel["web"].Add(10);
        list[0].Add(10);

        Assert.Equal(1, byChannel["web"].Count);
        Assert.Equal(1, list[0].Count);
    }

    [Fact]
    public void Accumulator_AtTheLimit_ThrowsOverflowAndKeepsItsState()
    {
        // The review's reproduction: a count of long.MaxValue plus one more answer wrapped to a negative count.
        var full = Accumulator(long.MaxValue, 0, 0);

        Assert.Throws<OverflowException>(() => full.Add(9));
        Assert.Throws<OverflowException>(() => full.AddRange([0]));
        Assert.Throws<OverflowException>(() => full.Merge(Accumulator(0, 0, 1)));

        Assert.Equal(long.MaxValue, full.Count);
        Assert.Equal(new NpsState(1, MetricDefinition.Nps, long.MaxValue, 0, 0), full.GetState());
    }

    [Fact]
    public void State_InvalidCounts_AreRejectedNamingTheField()
    {
        Assert.Equal("passives", Assert.Throws<ArgumentOutOfRangeException>(() => new NpsState(1, MetricDefinition.Nps, 1, -1, 1)).ParamName);
        Assert.Throws<OverflowException>(() => new NpsState(1, MetricDefinition.Nps, long.MaxValue, 1, 0));
        Assert.Equal("version", Assert.Throws<ArgumentOutOfRangeException>(() => new NpsState(2, MetricDefinition.Nps, 1, 1, 1)).ParamName);
        Assert.Equal("definition", Assert.Throws<ArgumentException>(() => new NpsState(1, MetricDefinition.Csat(), 1, 1, 1)).ParamName);
    }

    [Fact]
    public void Compare_IsDifferenceWithCombinedStandardError()
    {
        var a = NpsCalculator.Default.Compute(Answers(100, 30, 80));
        var b = NpsCalculator.Default.Compute(Answers(60, 50, 100));

        var comparison = NpsResult.Compare(a, b);

        // b: 100 · (60 − 100) / 210 = −19.047…; SE(diff) = √(SEa² + SEb²); z = diff / SE; p = 2(1 − Φ(|z|)).
        var se = Math.Sqrt((a.StandardError!.Value * a.StandardError.Value) + (b.StandardError!.Value * b.StandardError.Value));
        Assert.Equal((100.0 * 20 / 210) - (100.0 * -40 / 210), comparison.Difference!.Value, 12);
        Assert.Equal(se, comparison.StandardError!.Value, 12);
        Assert.Equal(comparison.Difference.Value / se, comparison.Z!.Value, 12);
        Assert.Equal(2 * (1 - NormalDistribution.Cdf(Math.Abs(comparison.Z.Value))), comparison.PValue!.Value, 12);
        Assert.InRange(comparison.PValue.Value, 0.0001, 0.01);
        Assert.True(comparison.GetInterval(0.95)!.Value.Contains(comparison.Difference.Value));
        Assert.StartsWith("ΔNPS 28.6 (SE ", comparison.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_IdenticalSamples_HasZeroDifferenceAndPValueOne()
    {
        var a = NpsCalculator.Default.Compute(Answers(10, 5, 5));

        var comparison = NpsResult.Compare(a, a);

        Assert.Equal(0, comparison.Difference);
        Assert.Equal(0, comparison.Z);
        Assert.Equal(1, comparison.PValue!.Value, 12);
    }

    [Fact]
    public void Compare_EmptySample_HasNoValues_AndZeroErrorHasNoZ()
    {
        var empty = NpsCalculator.Default.Compute(ReadOnlySpan<int>.Empty);
        var allPromoters = NpsCalculator.Default.Compute([10, 9]);

        var withEmpty = NpsResult.Compare(allPromoters, empty);
        var noError = NpsResult.Compare(allPromoters, NpsCalculator.Default.Compute([0, 0]));

        Assert.Null(withEmpty.Difference);
        Assert.Null(withEmpty.PValue);
        Assert.Null(withEmpty.GetInterval(0.95));
        Assert.Equal("ΔNPS: no value", withEmpty.ToString());
        Assert.Equal(200, noError.Difference);
        Assert.Null(noError.Z);
        Assert.Null(noError.PValue);
        Assert.Equal("ΔNPS 200.0 (SE 0.0), z: no value", noError.ToString());
    }

    [Fact]
    public void Result_Json_RoundTripsFromCounts()
    {
        var result = NpsCalculator.Default.Compute(Answers(100, 30, 80));

        var (value, text) = Json.RoundTrip(result, EngagementJson.GetTypeInfo<NpsResult>());

        Assert.Equal(result, value);
        Assert.Equal(result.Score, value.Score);
        Assert.StartsWith("""{"definition":{"kind":"Nps","scale":{"min":0,"max":10},"favourableThreshold":9,"unfavourableThreshold":6,"name":null},"count":210,"promoters":100,"passives":30,"detractors":80,"score":9.523809523809""", text, StringComparison.Ordinal);
        Assert.Equal(default, Json.RoundTrip(default(NpsResult), EngagementJson.GetTypeInfo<NpsResult>()).Value);
    }

    [Fact]
    public void Comparison_Json_RoundTripsFromBothResults()
    {
        var comparison = NpsResult.Compare(new NpsResult(5, 1, 1), new NpsResult(1, 1, 5));

        var (value, text) = Json.RoundTrip(comparison, EngagementJson.GetTypeInfo<NpsComparison>());

        Assert.Equal(comparison, value);
        Assert.Equal(comparison.PValue, value.PValue);
        Assert.Contains("\"difference\":", text, StringComparison.Ordinal);
        Assert.Equal(default, Json.RoundTrip(default(NpsComparison), EngagementJson.GetTypeInfo<NpsComparison>()).Value);
    }

    [Fact]
    public void Interval_EveryAnswerAPromoter_DoesNotCollapseToAPoint()
    {
        // The review's reproduction: the Wald interval of ten promoters is [100, 100]. Adjusted Wald: 10.75 promoters,
        // 1.5 passives, 0.75 detractors of 13; centre 100 · 10/13 = 76.92; variance 11.5/13 − (10/13)² = 0.2929;
        // SE = 100 √(0.2929 / 13) = 15.01; lower 76.92 − 1.96 · 15.01 = 47.50; the upper bound is clamped to 100.
        var result = NpsCalculator.Default.Compute([10, 10, 10, 10, 10, 10, 10, 10, 10, 10]);

        Assert.Equal(new ConfidenceInterval(100, 100, 0.95), result.GetInterval(0.95, NpsIntervalMethod.Wald));
        double p = 10.75 / 13, d = 0.75 / 13;
        var se = 100 * Math.Sqrt((p + d - ((p - d) * (p - d))) / 13);
        Assert.Equal((100.0 * 10 / 13) - (Z95 * se), result.Interval!.Value.Lower, 9);
        Assert.Equal(47.50, result.Interval.Value.Lower, 2);
        Assert.Equal(100, result.Interval.Value.Upper);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void GetInterval_BadLevel_NamesConfidenceLevel(double level)
    {
        var result = NpsCalculator.Default.Compute([9, 7, 3]);

        Assert.Equal("confidenceLevel", Assert.Throws<ArgumentOutOfRangeException>(() => result.GetInterval(level)).ParamName);
        Assert.Equal("confidenceLevel", Assert.Throws<ArgumentOutOfRangeException>(() => new CsatCalculator().Compute([1, 5]).GetMeanInterval(level)).ParamName);
        Assert.Equal("method", Assert.Throws<ArgumentOutOfRangeException>(() => result.GetInterval(0.95, (NpsIntervalMethod)9)).ParamName);
    }

    [Fact]
    public void GetInterval_LevelJustBelowOne_Works()
    {
        // The review's reproduction: 0.9999999999999999 threw naming an internal parameter "p".
        var result = NpsCalculator.Default.Compute([9, 7, 3]);

        var interval = result.GetInterval(0.9999999999999999)!.Value;

        Assert.Equal(-100, interval.Lower);
        Assert.Equal(100, interval.Upper);
        Assert.NotNull(new CsatCalculator().Compute([1, 5, 3]).GetMeanInterval(0.9999999999999999));
        Assert.NotNull(new Proportion(1, 3).GetInterval(0.9999999999999999));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void Compute_SpanNotFourByteAligned_EqualsTheAlignedResult(int byteOffset)
    {
        // The review's reproduction: 1,000 scores read through MemoryMarshal.Cast<byte, int>(bytes.AsSpan(1)) threw
        // NullReferenceException from an aligned vector load.
        var scores = Enumerable.Range(0, 1000).Select(i => i % 11).ToArray();
        var bytes = new byte[(scores.Length * sizeof(int)) + 8];
        System.Runtime.InteropServices.MemoryMarshal.AsBytes(scores.AsSpan()).CopyTo(bytes.AsSpan(byteOffset));
        var misaligned = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, int>(bytes.AsSpan(byteOffset, scores.Length * sizeof(int)));

        Assert.Equal(NpsCalculator.Default.Compute(scores), NpsCalculator.Default.Compute(misaligned));
        var csat = new CsatCalculator();
        var ratings = scores.Select(s => 1 + (s % 5)).ToArray();
        System.Runtime.InteropServices.MemoryMarshal.AsBytes(ratings.AsSpan()).CopyTo(bytes.AsSpan(byteOffset));
        Assert.Equal(csat.Compute(ratings), csat.Compute(misaligned));
    }

    private static NpsAccumulator Accumulator(long promoters, long passives, long detractors) =>
        NpsAccumulator.FromState(new NpsState(NpsState.CurrentVersion, MetricDefinition.Nps, promoters, passives, detractors));
}
