using System.Text.Json;
using Engagement.Sdk.Statistics;
using Engagement.Sdk.Surveys;
using FsCheck;
using FsCheck.Fluent;

namespace Engagement.Sdk.Tests.Surveys;

public class NpsIntervalTests
{
    // z₀.₉₇₅ = Φ⁻¹(0.975), as tabulated (Abramowitz & Stegun 26.2) to 16 significant digits.
    private const double Z95 = 1.959963984540054;

    [Fact]
    public void AdjustedWald_AllPromoters_DoesNotCollapse()
    {
        // Rocks (2016): ¾ pseudo-answer to promoters and detractors, 3/2 to passives, ñ = n + 3.
        // 10 promoters of 10: ñ = 13, p̃ = 10.75/13, d̃ = 0.75/13, p̃ − d̃ = 10/13, score = 1000/13 = 76.923…
        // variance = p̃ + d̃ − (p̃ − d̃)² = 11.5/13 − 100/169 = (149.5 − 100)/169 = 49.5/169
        // SE = 100·√(49.5/169/13) = 100·√(49.5/2197) = 15.0102…
        // lower = 76.923… − 1.959964 × 15.0102… = 47.5036; upper = 106.34… clamped to 100.
        var score = 1000.0 / 13;
        var standardError = 100 * Math.Sqrt(49.5 / 2197);

        var interval = NpsInterval.Compute(10, 0, 0, 0.95, NpsIntervalMethod.AdjustedWald);

        Assert.Equal(score - (Z95 * standardError), interval.Lower, 1e-12);
        Assert.Equal(47.5036, interval.Lower, 0.00005);
        Assert.Equal(100, interval.Upper);
        Assert.True(interval.Width > 50);
        Assert.Equal(0.95, interval.ConfidenceLevel);
    }

    [Fact]
    public void Wald_AllPromoters_IsThePointHundred() =>
        // p = 1, d = 0: score 100 and variance 1 + 0 − 1² = 0, so the Wald interval is [100, 100].
        Assert.Equal(new ConfidenceInterval(100, 100, 0.95), NpsInterval.Compute(10, 0, 0, 0.95, NpsIntervalMethod.Wald));

    [Fact]
    public void AdjustedWald_AllDetractors_MirrorsAllPromoters()
    {
        var interval = NpsInterval.Compute(0, 0, 10, 0.95, NpsIntervalMethod.AdjustedWald);

        Assert.Equal(-100, interval.Lower);
        Assert.Equal(-47.5036, interval.Upper, 0.00005);
    }

    [Fact]
    public void AdjustedWald_MixedCounts_IsTheAdjustedWaldInterval()
    {
        // 5 promoters, 3 passives, 2 detractors: ñ = 13, p̃ = 5.75/13, d̃ = 2.75/13, p̃ − d̃ = 3/13,
        // score = 300/13 = 23.0769…; variance = 8.5/13 − 9/169 = (110.5 − 9)/169 = 101.5/169;
        // SE = 100·√(101.5/2197) = 21.4940…; 23.0769… ∓ 1.959964 × 21.4940… = [−19.0506, 65.2045].
        var score = 300.0 / 13;
        var standardError = 100 * Math.Sqrt(101.5 / 2197);

        var interval = NpsInterval.Compute(5, 3, 2, 0.95, NpsIntervalMethod.AdjustedWald);

        Assert.Equal(score - (Z95 * standardError), interval.Lower, 1e-12);
        Assert.Equal(score + (Z95 * standardError), interval.Upper, 1e-12);
        Assert.Equal(-19.0506, interval.Lower, 0.00005);
        Assert.Equal(65.2045, interval.Upper, 0.00005);
    }

    [Fact]
    public void AdjustedWald_OnePromoter_HasExactStandardError()
    {
        // ñ = 4, p̃ = 1.75/4 = 0.4375, d̃ = 0.75/4 = 0.1875, p̃ − d̃ = 0.25 (score 25);
        // variance = 0.625 − 0.0625 = 0.5625, SE = 100·√(0.5625/4) = 100 × 0.375 = 37.5.
        var interval = NpsInterval.Compute(1, 0, 0, 0.95, NpsIntervalMethod.AdjustedWald);

        Assert.Equal(25 - (Z95 * 37.5), interval.Lower, 1e-12);
        Assert.Equal(25 + (Z95 * 37.5), interval.Upper, 1e-12);
    }

    [Fact]
    public void AdjustedWald_OnlyPassives_IsCentredOnZero()
    {
        // 4 passives: ñ = 7, p̃ = d̃ = 0.75/7, score 0, variance 1.5/7, SE = 100·√(1.5/49) = 100·√1.5/7 = 17.4964….
        var half = Z95 * 100 * Math.Sqrt(1.5) / 7;

        var interval = NpsInterval.Compute(0, 4, 0, 0.95, NpsIntervalMethod.AdjustedWald);

        Assert.Equal(-half, interval.Lower, 1e-12);
        Assert.Equal(half, interval.Upper, 1e-12);
    }

    [Fact]
    public void Wald_MixedCounts_IsTheFormerFormula()
    {
        // 5 promoters, 3 passives, 2 detractors: p = 0.5, d = 0.2, score 30, variance 0.7 − 0.3² = 0.61,
        // SE = 100·√(0.61/10) = 24.6982…; 30 ∓ 1.959964 × 24.6982… = [−18.4075, 78.4075].
        var interval = NpsInterval.Compute(5, 3, 2, 0.95, NpsIntervalMethod.Wald);

        Assert.Equal(30 - (Z95 * 100 * Math.Sqrt(0.061)), interval.Lower, 1e-12);
        Assert.Equal(30 + (Z95 * 100 * Math.Sqrt(0.061)), interval.Upper, 1e-12);
        Assert.Equal(-18.4075, interval.Lower, 0.00005);
        Assert.Equal(78.4075, interval.Upper, 0.00005);
    }

    private static Arbitrary<(long Promoters, long Passives, long Detractors, double Level)> Tallies() =>
        Arb.From(
            from promoters in Gen.Choose(0, 5000)
            from passives in Gen.Choose(0, 5000)
            from detractors in Gen.Choose(promoters + passives == 0 ? 1 : 0, 5000)
            from level in Gen.Elements(0.5, 0.8, 0.9, 0.95, 0.99, 0.999, 0.9999999999999999)
            select ((long)promoters, (long)passives, (long)detractors, level));

    [Fact]
    public void Wald_EqualsTheFormerNpsResultFormulaToTheBit() =>
        // The formula NpsResult used before the methods existed: score 100(P − D)/n, SE 100√(max(0, p + d − (p − d)²)/n),
        // score ± z·SE clamped to [−100, 100].
        Prop.ForAll(Tallies(), x =>
        {
            double n = x.Promoters + x.Passives + x.Detractors, p = x.Promoters / n, d = x.Detractors / n;
            var score = 100.0 * (x.Promoters - x.Detractors) / n;
            var standardError = 100 * Math.Sqrt(Math.Max(0, p + d - ((p - d) * (p - d))) / n);
            var half = ConfidenceInterval.TwoSidedCriticalValue(x.Level) * standardError;
            var former = new ConfidenceInterval(Math.Clamp(score - half, -100, 100), Math.Clamp(score + half, -100, 100), x.Level);

            return NpsInterval.Compute(x.Promoters, x.Passives, x.Detractors, x.Level, NpsIntervalMethod.Wald) == former;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void AdjustedWald_IsNeverAPoint_AndStaysInRange() =>
        Prop.ForAll(Tallies(), x =>
        {
            var interval = NpsInterval.Compute(x.Promoters, x.Passives, x.Detractors, x.Level, NpsIntervalMethod.AdjustedWald);
            return interval.Width > 0 && interval.Lower >= -100 && interval.Upper <= 100;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void AdjustedWald_SwappingPromotersAndDetractors_MirrorsTheInterval() =>
        Prop.ForAll(Tallies(), x =>
        {
            var interval = NpsInterval.Compute(x.Promoters, x.Passives, x.Detractors, x.Level, NpsIntervalMethod.AdjustedWald);
            var mirrored = NpsInterval.Compute(x.Detractors, x.Passives, x.Promoters, x.Level, NpsIntervalMethod.AdjustedWald);
            return Math.Abs(interval.Lower + mirrored.Upper) < 1e-9 && Math.Abs(interval.Upper + mirrored.Lower) < 1e-9;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void AdjustedWald_ManyAnswers_ApproachesWald()
    {
        // Three pseudo-answers among 3·10⁶ move the bounds by O(1/n) points.
        var adjusted = NpsInterval.Compute(1_500_000, 900_000, 600_000, 0.95, NpsIntervalMethod.AdjustedWald);
        var wald = NpsInterval.Compute(1_500_000, 900_000, 600_000, 0.95, NpsIntervalMethod.Wald);

        Assert.Equal(wald.Lower, adjusted.Lower, 1e-4);
        Assert.Equal(wald.Upper, adjusted.Upper, 1e-4);
    }

    [Fact]
    public void Compute_LevelJustBelowOne_IsFinite()
    {
        // z for 1 − 2⁻⁵³ is 8.2923610758135955 (40-digit reference, mpmath 1.3.0). 500/300/200: ñ = 1003,
        // p̃ = 500.75/1003, d̃ = 200.75/1003, p̃ − d̃ = 300/1003, variance = 701.5/1003 − (300/1003)².
        const double z = 8.2923610758135955;
        var difference = 300.0 / 1003;
        var standardError = 100 * Math.Sqrt(((701.5 / 1003) - (difference * difference)) / 1003);

        var interval = NpsInterval.Compute(500, 300, 200, 0.9999999999999999, NpsIntervalMethod.AdjustedWald);

        Assert.Equal((100 * difference) - (z * standardError), interval.Lower, 1e-11);
        Assert.Equal((100 * difference) + (z * standardError), interval.Upper, 1e-11);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(2)]
    [InlineData(int.MaxValue)]
    public void Compute_UndefinedMethod_ThrowsNamingMethod(int method)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => NpsInterval.Compute(1, 2, 3, 0.95, (NpsIntervalMethod)method));

        Assert.Equal("method", e.ParamName);
        Assert.Equal((NpsIntervalMethod)method, e.ActualValue);
    }

    [Theory]
    [InlineData(0.0, NpsIntervalMethod.AdjustedWald)]
    [InlineData(1.0, NpsIntervalMethod.AdjustedWald)]
    [InlineData(double.NaN, NpsIntervalMethod.AdjustedWald)]
    [InlineData(-0.1, NpsIntervalMethod.Wald)]
    [InlineData(1.1, NpsIntervalMethod.Wald)]
    public void Compute_BadLevel_ThrowsNamingConfidenceLevel(double level, NpsIntervalMethod method) =>
        Assert.Equal("confidenceLevel", Assert.Throws<ArgumentOutOfRangeException>(() => NpsInterval.Compute(1, 2, 3, level, method)).ParamName);

    [Fact]
    public void Method_DefaultIsAdjustedWald_AndIsWrittenByName()
    {
        Assert.Equal(NpsIntervalMethod.AdjustedWald, default);
        Assert.Equal("\"Wald\"", JsonSerializer.Serialize(NpsIntervalMethod.Wald));
        Assert.Equal(NpsIntervalMethod.AdjustedWald, JsonSerializer.Deserialize<NpsIntervalMethod>("\"AdjustedWald\""));
    }
}
