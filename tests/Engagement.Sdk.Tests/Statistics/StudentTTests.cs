using Engagement.Sdk.Statistics;
using FsCheck;
using FsCheck.Fluent;
using Engagement.Sdk.Tests.Support;

namespace Engagement.Sdk.Tests.Statistics;

public class StudentTTests
{
    // z₀.₉₇₅ = Φ⁻¹(0.975), as tabulated (Abramowitz & Stegun 26.2) to 16 significant digits.
    private const double Z95 = 1.959963984540054;

    // NIST/SEMATECH e-Handbook of Statistical Methods, section 1.3.6.7.2, "Critical Values of the Student's t
    // Distribution": upper-tail probability α and t₁₋α(ν) to three decimals. A two-sided level is 1 − 2α. (The table's
    // 0.001 column is left out: its ν = 1 entry, 318.313, is off in the third decimal.)
    [Theory]
    [InlineData(1, 0.10, 3.078)]
    [InlineData(1, 0.05, 6.314)]
    [InlineData(1, 0.025, 12.706)]
    [InlineData(1, 0.005, 63.657)]
    [InlineData(2, 0.05, 2.920)]
    [InlineData(2, 0.025, 4.303)]
    [InlineData(2, 0.005, 9.925)]
    [InlineData(3, 0.025, 3.182)]
    [InlineData(4, 0.025, 2.776)]
    [InlineData(5, 0.05, 2.015)]
    [InlineData(5, 0.025, 2.571)]
    [InlineData(5, 0.005, 4.032)]
    [InlineData(10, 0.10, 1.372)]
    [InlineData(10, 0.05, 1.812)]
    [InlineData(10, 0.025, 2.228)]
    [InlineData(10, 0.005, 3.169)]
    [InlineData(20, 0.025, 2.086)]
    [InlineData(30, 0.05, 1.697)]
    [InlineData(30, 0.025, 2.042)]
    [InlineData(30, 0.005, 2.750)]
    [InlineData(100, 0.05, 1.660)]
    [InlineData(100, 0.025, 1.984)]
    [InlineData(100, 0.005, 2.626)]
    [InlineData(double.PositiveInfinity, 0.05, 1.645)]
    [InlineData(double.PositiveInfinity, 0.025, 1.960)]
    [InlineData(double.PositiveInfinity, 0.005, 2.576)]
    public void TwoSidedCriticalValue_MatchesNistTable(double degreesOfFreedom, double upperTail, double expected) =>
        Assert.Equal(expected, StudentT.TwoSidedCriticalValue(1 - (2 * upperTail), degreesOfFreedom), 0.0005);

    // The values the review issue quotes to four decimals; each rounds to the NIST entry above.
    [Theory]
    [InlineData(1, 0.95, 12.7062)]
    [InlineData(2, 0.95, 4.3027)]
    [InlineData(5, 0.95, 2.5706)]
    [InlineData(10, 0.95, 2.2281)]
    [InlineData(30, 0.95, 2.0423)]
    [InlineData(10, 0.99, 3.1693)]
    public void TwoSidedCriticalValue_MatchesFourDecimalTableValues(double degreesOfFreedom, double level, double expected) =>
        Assert.Equal(expected, StudentT.TwoSidedCriticalValue(level, degreesOfFreedom), 0.00005);

    // ν = 1 is the Cauchy distribution: P(|T| ≤ t) = (2/π)·atan t, so t = tan(π·level/2) = cot(π(1 − level)/2).
    [Theory]
    [InlineData(0.5)]
    [InlineData(0.95)]
    [InlineData(0.999)]
    [InlineData(0.2)]
    public void TwoSidedCriticalValue_OneDegree_IsTheCauchyQuantile(double level) =>
        Assert.Equal(Math.Tan(Math.PI * level / 2), StudentT.TwoSidedCriticalValue(level, 1), Math.Tan(Math.PI * level / 2) * 1e-13);

    // ν = 2: P(|T| ≤ t) = t/√(2 + t²), so with P = 1 − level, t² = 2(1 − P)²/(P(2 − P)).
    [Theory]
    [InlineData(0.5)]
    [InlineData(0.95)]
    [InlineData(0.999)]
    public void TwoSidedCriticalValue_TwoDegrees_IsTheClosedForm(double level)
    {
        var p = 1 - level;
        var expected = Math.Sqrt(2 * (1 - p) * (1 - p) / (p * (2 - p)));

        Assert.Equal(expected, StudentT.TwoSidedCriticalValue(level, 2), expected * 1e-13);
    }

    // ν = 4 has a closed-form quantile (Shaw 2006, "Sampling Student's T distribution – use of the inverse cumulative
    // distribution function", Journal of Computational Finance 9(4)): for u = P(T ≤ t) > ½, with α = 4u(1 − u),
    // t = 2√(cos(⅓·arccos √α)/√α − 1). ν = 4 goes through Hill's start and the Taylor refinement.
    [Theory]
    [InlineData(0.5)]
    [InlineData(0.8)]
    [InlineData(0.95)]
    [InlineData(0.99)]
    [InlineData(0.9999999999999999)]
    public void TwoSidedCriticalValue_FourDegrees_IsShawsClosedForm(double level)
    {
        var u = 1 - ((1 - level) / 2);
        var alpha = 4 * u * (1 - u);
        var expected = 2 * Math.Sqrt((Math.Cos(Math.Acos(Math.Sqrt(alpha)) / 3) / Math.Sqrt(alpha)) - 1);

        Assert.Equal(expected, StudentT.TwoSidedCriticalValue(level, 4), expected * 1e-12);
    }

    [Fact]
    public void TwoSidedCriticalValue_LevelJustBelowOne_IsFiniteForFewDegrees()
    {
        // 0.9999999999999999 = 1 − 2⁻⁵³; with P = 2⁻⁵³: ν = 1 gives cot(πP/2) ≈ 2/(πP) = 2⁵⁴/π,
        // ν = 2 gives (1 − P)√(2/(P(2 − P))) ≈ √(2⁵³).
        const double level = 0.9999999999999999;

        Assert.Equal(Math.Pow(2, 54) / Math.PI, StudentT.TwoSidedCriticalValue(level, 1), 1e-14 * Math.Pow(2, 54) / Math.PI);
        Assert.Equal(Math.Sqrt(Math.Pow(2, 53)), StudentT.TwoSidedCriticalValue(level, 2), 1e-14 * Math.Sqrt(Math.Pow(2, 53)));
        foreach (var degreesOfFreedom in new[] { 3.0, 30, 4999, 5001, 1e9 })
        {
            var t = StudentT.TwoSidedCriticalValue(level, degreesOfFreedom);
            Assert.True(double.IsFinite(t) && t > 8.29, $"ν = {degreesOfFreedom}: {t}");
        }
    }

    [Fact]
    public void TwoSidedCriticalValue_ManyDegrees_ApproachesNormal()
    {
        Assert.Equal(Z95, StudentT.TwoSidedCriticalValue(0.95, double.PositiveInfinity), 1e-15);

        // Abramowitz & Stegun 26.7.5: t = z + (z³ + z)/(4ν) + O(ν⁻²).
        foreach (var degreesOfFreedom in new[] { 1e6, 1e9, 1e12 })
        {
            var expected = Z95 + (((Z95 * Z95 * Z95) + Z95) / (4 * degreesOfFreedom));
            Assert.Equal(expected, StudentT.TwoSidedCriticalValue(0.95, degreesOfFreedom), 2e-15 + (10 / (degreesOfFreedom * degreesOfFreedom)));
        }
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.95)]
    [InlineData(0.9999)]
    [InlineData(0.9999999999999999)]
    public void TwoSidedCriticalValue_IsContinuousWhereTheLargeDegreesMethodTakesOver(double level)
    {
        // Below the threshold: Hill's start refined on the exact tail; above: the Cornish–Fisher expansion.
        var below = StudentT.TwoSidedCriticalValue(level, StudentT.LargeDegreesOfFreedom);
        var above = StudentT.TwoSidedCriticalValue(level, Math.BitIncrement(StudentT.LargeDegreesOfFreedom));

        Assert.Equal(below, above, below * 1e-13);
    }

    [Fact]
    public void TwoSidedCriticalValue_LevelBelowTheRoundingOfOne_IsZero()
    {
        // 1 − 1e-20 rounds to 1, so the two tails hold everything and the interval shrinks to its centre; the exact
        // value, about 1e-20/(2f(0)), is below any bound's resolution.
        Assert.Equal(0, StudentT.TwoSidedCriticalValue(1e-20, 10));
        Assert.Equal(0, StudentT.TwoSidedCriticalValue(1e-20, 1));
        Assert.Equal(0, StudentT.TwoSidedCriticalValue(1e-20, 2));
    }

    [Theory]
    [MemberData(nameof(ConfidenceLevels.Invalid), MemberType = typeof(ConfidenceLevels))]
    public void TwoSidedCriticalValue_BadLevel_ThrowsNamingConfidenceLevel(double level) =>
        Assert.Equal("confidenceLevel", Assert.Throws<ArgumentOutOfRangeException>(() => StudentT.TwoSidedCriticalValue(level, 10)).ParamName);

    [Theory]
    [InlineData(0.999)]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    public void TwoSidedCriticalValue_FewerThanOneDegree_ThrowsNamingDegreesOfFreedom(double degreesOfFreedom) =>
        Assert.Equal("degreesOfFreedom", Assert.Throws<ArgumentOutOfRangeException>(() => StudentT.TwoSidedCriticalValue(0.95, degreesOfFreedom)).ParamName);

    // Upper tails from the closed forms of Abramowitz & Stegun 26.7.3 / 26.7.4 with θ = atan(t/√ν):
    // ν = 1: Q = ½ − θ/π; ν = 2: Q = ½(1 − sin θ); ν = 3: Q = ½ − (θ + sin θ cos θ)/π; ν = 4: Q = ½(1 − sin θ(1 + ½cos²θ)).
    [Theory]
    [InlineData(1, 1.0)]
    [InlineData(1, 12.706204736174707)]
    [InlineData(2, 0.3)]
    [InlineData(2, 4.0)]
    [InlineData(3, 0.5)]
    [InlineData(3, 2.0)]
    [InlineData(3, 5.0)]
    [InlineData(4, 1.0)]
    [InlineData(4, 1.5)]
    [InlineData(4, 7.0)]
    public void UpperTail_MatchesClosedForms(int degreesOfFreedom, double t)
    {
        var theta = Math.Atan(t / Math.Sqrt(degreesOfFreedom));
        double s = Math.Sin(theta), c = Math.Cos(theta);
        var expected = degreesOfFreedom switch
        {
            1 => 0.5 - (theta / Math.PI),
            2 => 0.5 * (1 - s),
            3 => 0.5 - ((theta + (s * c)) / Math.PI),
            _ => 0.5 * (1 - (s * (1 + (0.5 * c * c)))),
        };

        Assert.Equal(expected, StudentT.UpperTail(t, degreesOfFreedom), expected * 1e-12);
    }

    [Fact]
    public void UpperTail_AtZero_IsOneHalf() => Assert.Equal(0.5, StudentT.UpperTail(0, 7));

    [Fact]
    public void Density_IsTheDefinition()
    {
        // f(t) = Γ((ν+1)/2) / (√(νπ) Γ(ν/2)) · (1 + t²/ν)^(−(ν+1)/2). ν = 1: 1/(π(1 + t²)); ν = 3 at t = 0:
        // Γ(2)/(√(3π)·Γ(3/2)) = 1/(√(3π)·√π/2) = 2/(π√3); ν = 30 at t = 0: Γ(15.5)/(√(30π)·Γ(15)) with
        // Γ(15.5) = (29!!/2¹⁵)√π and Γ(15) = 14!.
        Assert.Equal(1 / (Math.PI * 5), StudentT.Density(2, 1), 1e-16);
        Assert.Equal(2 / (Math.PI * Math.Sqrt(3)), StudentT.Density(0, 3), 1e-15);
        var doubleFactorial29 = 1.0;
        for (var k = 29; k > 1; k -= 2)
        {
            doubleFactorial29 *= k;
        }

        var factorial14 = 1.0;
        for (var k = 2; k <= 14; k++)
        {
            factorial14 *= k;
        }

        var expected = doubleFactorial29 / Math.Pow(2, 15) * Math.Sqrt(Math.PI) / (Math.Sqrt(30 * Math.PI) * factorial14);
        Assert.Equal(expected, StudentT.Density(0, 30), expected * 1e-14);
    }

    private static readonly double[] Levels = [0.5, 0.8, 0.9, 0.95, 0.99, 0.999, 0.9999, 1 - 1e-8, 1 - 1e-12, 0.9999999999999999];

    // Bounded generators: ν log-uniform on [1, LargeDegreesOfFreedom] (where the refinement runs), levels in [0.5, 1).
    private static Arbitrary<(double DegreesOfFreedom, double Level)> DegreesAndLevels() =>
        Arb.From(
            from exponent in Gen.Choose(0, 3698)
            from level in Gen.Elements(Levels)
            select (Math.Pow(10, exponent / 1000.0), level));

    [Fact]
    public void TwoSidedCriticalValue_UpperTailOfIt_IsHalfTheRest() =>
        Prop.ForAll(DegreesAndLevels(), x =>
        {
            var tail = (1 - x.Level) / 2;
            var t = StudentT.TwoSidedCriticalValue(x.Level, x.DegreesOfFreedom);
            return Math.Abs(StudentT.UpperTail(t, x.DegreesOfFreedom) - tail) <= tail * 1e-12;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void TwoSidedCriticalValue_FallsWithDegreesOfFreedom_TowardsZ() =>
        Prop.ForAll(DegreesAndLevels(), x =>
        {
            var t = StudentT.TwoSidedCriticalValue(x.Level, x.DegreesOfFreedom);
            var tWithTwiceTheDegrees = StudentT.TwoSidedCriticalValue(x.Level, 2 * x.DegreesOfFreedom);
            return t > tWithTwiceTheDegrees && tWithTwiceTheDegrees > ConfidenceInterval.TwoSidedCriticalValue(x.Level);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void TwoSidedCriticalValue_RisesWithTheLevel() =>
        Prop.ForAll(
            Arb.From(
                from exponent in Gen.Choose(0, 6000)
                from i in Gen.Choose(0, Levels.Length - 2)
                from j in Gen.Choose(i + 1, Levels.Length - 1)
                select (DegreesOfFreedom: Math.Pow(10, exponent / 1000.0), Lower: Levels[i], Higher: Levels[j])),
            x => StudentT.TwoSidedCriticalValue(x.Lower, x.DegreesOfFreedom) < StudentT.TwoSidedCriticalValue(x.Higher, x.DegreesOfFreedom))
        .QuickCheckThrowOnFailure();
}
