using System.Text.Json;
using Engagement.Sdk.IO;
using Engagement.Sdk.Statistics;
using Engagement.Sdk.Surveys;
using Engagement.Sdk.Tests.Support;

namespace Engagement.Sdk.Tests.Surveys;

public class CsatTests
{
    private const double Z95 = 1.959963984540054;

    [Fact]
    public void Defaults_AreOneToFive_SatisfiedFromFour()
    {
        var csat = new CsatCalculator();

        Assert.Equal(new RatingScale(1, 5), csat.Scale);
        Assert.Equal(4, csat.Threshold);
        Assert.Equal("CSAT on 1–5, favourable from 4", csat.ToString());
    }

    [Fact]
    public void Compute_HandWorkedExample()
    {
        // Scores 5 4 4 3 1 5 2 4: satisfied (≥ 4) are 5 4 4 5 4 → 5 of 8 = 62.5%.
        // Mean 28 / 8 = 3.5; squared deviations 2.25 .25 .25 .25 6.25 2.25 2.25 .25 sum to 14; s² = 14 / 7 = 2.
        var result = new CsatCalculator().Compute([5, 4, 4, 3, 1, 5, 2, 4]);

        Assert.Equal(new Proportion(5, 8), result.FavourableShare);
        Assert.Equal(0.625, result.FavourableShare.Value);
        Assert.Equal(3.5, result.Mean);
        Assert.Equal(Math.Sqrt(2), result.StandardDeviation!.Value, 14);
        // Student t with 7 degrees of freedom: t(0.975, 7) = 2.365 (NIST/SEMATECH e-Handbook, table 1.3.6.7.2), so the
        // half-width is 2.365 · √2 / √8 = 2.365 · 0.5 = 1.1825, to within the table's rounding (0.0005 · 0.5).
        var interval = result.MeanInterval!.Value;
        Assert.InRange(interval.Lower, 3.5 - 1.1825 - 0.00025, 3.5 - 1.1825 + 0.00025);
        Assert.InRange(interval.Upper, 3.5 + 1.1825 - 0.00025, 3.5 + 1.1825 + 0.00025);
        Assert.True(interval.Width > 2 * Z95 * 0.5, "t is wider than z for small n");
        Assert.Equal("62.50% (5/8) at or above 4 on 1–5, mean 3.50", result.ToString());
    }

    [Fact]
    public void Compute_TenPointScale_DefaultsToTopTwoBox()
    {
        var csat = new CsatCalculator(new CsatOptions { MaxScore = 10 });

        Assert.Equal(9, csat.Threshold);
        Assert.Equal(new Proportion(2, 4), csat.Compute([10, 9, 8, 1]).FavourableShare);
    }

    [Fact]
    public void Compute_CustomThreshold_IsUsed()
    {
        var csat = new CsatCalculator(new CsatOptions { SatisfiedThreshold = 5 });

        Assert.Equal(new Proportion(1, 3), csat.Compute([5, 4, 3]).FavourableShare);
    }

    [Fact]
    public void Constructor_ThresholdOffScale_ThrowsNamingOption()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new CsatCalculator(new CsatOptions { SatisfiedThreshold = 6 }));

        Assert.Equal("satisfiedThreshold", e.ParamName);
        Assert.Equal(6, e.ActualValue);
    }

    [Fact]
    public void Options_EmptyScale_IsRejectedWhenTheCalculatorIsCreated() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new CsatCalculator(new CsatOptions { MinScore = 3, MaxScore = 3 }));

    [Fact]
    public void Compute_OffScale_ThrowsWithIndex()
    {
        int[] scores = [.. Enumerable.Repeat(3, 70), 0];

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new CsatCalculator().Compute(scores));

        Assert.Equal(0, e.ActualValue);
        Assert.Contains("index 70", e.Message, StringComparison.Ordinal);
        Assert.Contains("index 2", Assert.Throws<ArgumentOutOfRangeException>(() => new CsatCalculator().Compute(new[] { 1, 2, 6 }.Select(x => x))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_AndSingle_SayWhatHasNoValue()
    {
        var empty = new CsatCalculator().Compute(ReadOnlySpan<int>.Empty);
        var single = new CsatCalculator().Compute([4]);

        Assert.False(empty.HasValue);
        Assert.Null(empty.Mean);
        Assert.Null(empty.FavourableShare.Value);
        Assert.Null(empty.StandardDeviation);
        Assert.Null(empty.MeanInterval);
        Assert.Equal("no value (n = 0) on 1–5", empty.ToString());
        Assert.Equal(4, single.Mean);
        Assert.Null(single.StandardDeviation);
        Assert.Null(single.MeanInterval);
    }

    [Fact]
    public void Compute_LongSpansAtTheScaleLimits_SumExactly()
    {
        // Crosses many 8,192-score blocks with the largest squares a scale allows (10⁶ each).
        var scale = new RatingScale(-RatingScale.Limit, RatingScale.Limit);
        var scores = new int[100_003];
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = i % 3 == 0 ? -1000 : 1000;
        }

        var result = new CsatCalculator(new CsatOptions { MinScore = scale.Min, MaxScore = scale.Max, SatisfiedThreshold = 0 }).Compute(scores);

        long negatives = (scores.Length + 2) / 3, positives = scores.Length - negatives;
        Assert.Equal(1000 * (positives - negatives), result.Sum);
        Assert.Equal(1_000_000L * scores.Length, result.SumOfSquares);
        Assert.Equal(positives, result.Favourable);
    }

    [Fact]
    public void Result_Json_RoundTripsFromState()
    {
        var result = new CsatCalculator().Compute([5, 4, 4, 3, 1, 5, 2, 4]);

        var (value, text) = Json.RoundTrip(result, EngagementJson.GetTypeInfo<RatingResult>());

        Assert.Equal(result, value);
        Assert.Equal(result.GetHashCode(), value.GetHashCode());
        Assert.Equal(result.StandardDeviation, value.StandardDeviation);
        Assert.StartsWith("""{"definition":{"kind":"Csat","scale":{"min":1,"max":5},"favourableThreshold":4,"unfavourableThreshold":null,"name":null},"count":8,"favourable":5,"sum":28,"sumOfSquares":112,""", text, StringComparison.Ordinal);
        Assert.Equal(default, Json.RoundTrip(default(RatingResult), EngagementJson.GetTypeInfo<RatingResult>()).Value);
    }

    [Fact]
    public void Result_ImpossibleState_Throws()
    {
        var csat = MetricDefinition.Csat();

        // Two answers on 1–5 sum to at most 10.
        Assert.Equal("sum", Assert.Throws<ArgumentOutOfRangeException>(() => new RatingResult(csat, 2, 1, 11, 61)).ParamName);
        Assert.Equal("favourable", Assert.Throws<ArgumentOutOfRangeException>(() => new RatingResult(csat, 2, 3, 8, 32)).ParamName);
        Assert.Equal("favourableThreshold", Assert.Throws<ArgumentOutOfRangeException>(() => new MetricDefinition(MetricKind.Csat, new RatingScale(1, 5), 9)).ParamName);
        Assert.Equal("satisfiedThreshold", Assert.Throws<ArgumentOutOfRangeException>(() => MetricDefinition.Csat(1, 5, 9)).ParamName);
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => new RatingResult(null, 1, 0, 0, 0)).ParamName);
    }
}

public class CesTests
{
    [Fact]
    public void Defaults_AreOneToSeven_LowEffortFromFive()
    {
        var ces = new CesCalculator();

        Assert.Equal(new RatingScale(1, 7), ces.Scale);
        Assert.Equal(5, ces.Threshold);
    }

    [Theory]
    [InlineData(1, 5, 4)]
    [InlineData(1, 10, 6)]
    [InlineData(0, 6, 4)]
    public void DefaultThreshold_IsFirstScoreAboveMidpoint(int min, int max, int expected) =>
        Assert.Equal(expected, new CesCalculator(new CesOptions { MinScore = min, MaxScore = max }).Threshold);

    [Fact]
    public void Compute_HandWorkedExample()
    {
        // Scores 7 5 4 6 2: agree (≥ 5) are 7 5 6 → 3 of 5; mean 24 / 5 = 4.8.
        var result = new CesCalculator().Compute([7, 5, 4, 6, 2]);

        Assert.Equal(new Proportion(3, 5), result.FavourableShare);
        Assert.Equal(4.8, result.Mean!.Value, 14);
    }

    [Fact]
    public void Constructor_ThresholdOffScale_Throws() =>
        Assert.Equal("lowEffortThreshold", Assert.Throws<ArgumentOutOfRangeException>(() => new CesCalculator(new CesOptions { LowEffortThreshold = 0 })).ParamName);
}

public class RatingAccumulatorTests
{
    [Fact]
    public void AddAndAddRange_Agree()
    {
        var calculator = new CesCalculator();
        var one = calculator.CreateAccumulator();
        foreach (var score in new[] { 7, 5, 4, 6, 2 })
        {
            one.Add(score);
        }

        var many = calculator.CreateAccumulator();
        many.AddRange([7, 5, 4, 6, 2]);

        Assert.Equal(one.GetState(), many.GetState());
        Assert.Equal("CES on 1–7, favourable from 5: n = 5, 3 favourable, sum 24", one.ToString());
    }

    [Fact]
    public void Add_OffScale_ThrowsNamingScore() =>
        Assert.Equal("score", Assert.Throws<ArgumentOutOfRangeException>(() => new CsatCalculator().CreateAccumulator().Add(0)).ParamName);

    [Fact]
    public void Merge_SameKindOtherThreshold_ThrowsNamingBothDefinitions()
    {
        var topTwoBox = new CsatCalculator().CreateAccumulator();
        var topBox = new CsatAccumulator(MetricDefinition.Csat(satisfiedThreshold: 5));
        topBox.Add(5);

        var e = Assert.Throws<ArgumentException>(() => topTwoBox.Merge(topBox));

        Assert.Equal("other", e.ParamName);
        Assert.Contains("CSAT on 1–5, favourable from 4", e.Message, StringComparison.Ordinal);
        Assert.Contains("CSAT on 1–5, favourable from 5", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, topTwoBox.Count);
    }

    [Fact]
    public void CsatAndCesOnTheSameScale_HaveDifferentDefinitions()
    {
        // The review's reproduction: one shared accumulator type let a CSAT 1–5 tally merge silently into a CES 1–5 one.
        // The types now differ, and a CES definition cannot be given to a CSAT accumulator or read into its state.
        var ces = MetricDefinition.Ces(1, 5);

        Assert.NotEqual(MetricDefinition.Csat(1, 5, 4), ces);
        Assert.Equal("definition", Assert.Throws<ArgumentException>(() => new CsatAccumulator(ces)).ParamName);
        Assert.Equal("state", Assert.Throws<ArgumentException>(() => CsatAccumulator.FromState(new CesAccumulator(ces).GetState())).ParamName);
    }

    [Fact]
    public void Accumulator_AtTheLimit_ThrowsOverflowAndChangesNothing()
    {
        // The review's reproduction: Add/Merge could update Count and Sum and then throw before SumOfSquares.
        var definition = MetricDefinition.Csat(-1000, 1000, 0);
        // n = 9 223 372 036 854 answers, half −1000 and half +1000: Σx = 0, Σx² = n·10⁶ = 9 223 372 036 854 000 000, which
        // is 775 807 below long.MaxValue, so one more 10⁶ overflows; favourable (≥ 0) are the n/2 answers of +1000.
        const long n = 9_223_372_036_854;
        var nearFull = CsatAccumulator.FromState(new RatingState(1, definition, n, n / 2, 0, n * 1_000_000));
        var before = nearFull.GetState();

        Assert.Throws<OverflowException>(() => nearFull.Add(1000));
        Assert.Throws<OverflowException>(() => nearFull.AddRange([1000]));
        Assert.Throws<OverflowException>(() => nearFull.Merge(nearFull));

        Assert.Equal(before, nearFull.GetState());
    }

    [Theory]
    [InlineData(1, 0, 3, 11)]   // one answer of 3 has Σx² = 9 exactly
    [InlineData(1, 0, 3, 13)]
    [InlineData(2, 0, 4, 12)]   // two answers summing to 4 on 1–5: (2, 2) → 8 or (1, 3) → 10, nothing above
    [InlineData(2, 0, 4, 14)]
    [InlineData(2, 0, 4, 6)]    // below 8, the least
    [InlineData(3, 1, 9, 28)]   // three summing to 9: at least 3 · 9 = 27, and Σx² must be odd like Σx
    public void State_SumOfSquaresNoIntegerAnswersReach_IsRejected(long count, long favourable, long sum, long sumOfSquares) =>
        Assert.Equal(
            "sumOfSquares",
            Assert.Throws<ArgumentOutOfRangeException>(() => new RatingState(1, MetricDefinition.Csat(), count, favourable, sum, sumOfSquares)).ParamName);

    [Fact]
    public void State_ImpossibleSum_MessageIsCultureInvariant()
    {
        // Two answers on −5..5, none at or above −2, sum to between 2 · −5 = −10 and 2 · −3 = −6.
        var e = Cultures.Under("sv-SE", () =>
            Assert.Throws<ArgumentOutOfRangeException>(() => new RatingState(1, MetricDefinition.Csat(-5, 5, -2), 2, 0, -20, 50)));

        Assert.Contains("at or above -2 sum to between -10 and -6; got -20.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void State_Json_RoundTripsAndNamesTheField()
    {
        var accumulator = new CsatCalculator().CreateAccumulator();
        accumulator.AddRange([5, 4, 1]);

        var (value, text) = Json.RoundTrip(accumulator.GetState(), EngagementJson.GetTypeInfo<RatingState>());

        Assert.Equal(accumulator.GetState(), value);
        Assert.Equal("""{"version":1,"definition":{"kind":"Csat","scale":{"min":1,"max":5},"favourableThreshold":4,"unfavourableThreshold":null,"name":null},"count":3,"favourable":2,"sum":10,"sumOfSquares":42}""", text);
        var e = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(text.Replace("\"sumOfSquares\":42", "\"sumOfSquares\":41", StringComparison.Ordinal), EngagementJson.GetTypeInfo<RatingState>()));
        Assert.Equal("sumOfSquares", Assert.IsType<ArgumentOutOfRangeException>(e.InnerException).ParamName);
    }

    [Fact]
    public void RatingScale_ValidatesAndDescribesItself()
    {
        var scale = new RatingScale(1, 5);

        Assert.Equal(3, scale.Midpoint);
        Assert.True(scale.Contains(5));
        Assert.False(scale.Contains(6));
        Assert.Equal("1–5", scale.ToString());
        Assert.True(scale == new RatingScale(1, 5));
        Assert.True(scale != new RatingScale(0, 5));
        Assert.False(default(RatingScale).IsValid);
        Assert.Equal("max", Assert.Throws<ArgumentOutOfRangeException>(() => new RatingScale(5, 5)).ParamName);
        Assert.Equal(default, new RatingScale(0, 0));
        Assert.Equal("min", Assert.Throws<ArgumentOutOfRangeException>(() => new RatingScale(-1001, 5)).ParamName);
        Assert.Equal("max", Assert.Throws<ArgumentOutOfRangeException>(() => new RatingScale(0, 1001)).ParamName);
    }
}
