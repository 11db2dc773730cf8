using System.Globalization;
using Engagement.Sdk.IO;
using Engagement.Sdk.Statistics;
using Engagement.Sdk.Tests.Support;

namespace Engagement.Sdk.Tests.Statistics;

public class ConfidenceIntervalTests
{
    // z₀.₉₇₅ = Φ⁻¹(0.975), as tabulated (Abramowitz & Stegun 26.2) to 16 significant digits.
    private const double Z95 = 1.959963984540054;

    [Fact]
    public void Constructor_KeepsBounds_AndDescribesThem()
    {
        var interval = new ConfidenceInterval(0.25, 0.75, 0.95);

        Assert.Equal(0.5, interval.Width);
        Assert.True(interval.Contains(0.25));
        Assert.False(interval.Contains(0.76));
        Assert.Equal("[0.25, 0.75] (95%)", interval.ToString());
        Assert.True(interval == new ConfidenceInterval(0.25, 0.75, 0.95));
        Assert.True(interval != new ConfidenceInterval(0.25, 0.75, 0.9));
        Assert.True(interval.Equals((object)new ConfidenceInterval(0.25, 0.75, 0.95)));
        Assert.Equal(interval.GetHashCode(), new ConfidenceInterval(0.25, 0.75, 0.95).GetHashCode());
    }

    [Fact]
    public void Contains_And_Equals_LookAtEveryPart()
    {
        var interval = new ConfidenceInterval(-1, 1, 0.9);

        Assert.False(interval.Contains(-1.5));
        Assert.False(interval.Contains(double.NaN));
        Assert.False(interval.Equals(new ConfidenceInterval(-2, 1, 0.9)));
        Assert.False(interval.Equals(new ConfidenceInterval(-1, 2, 0.9)));
        Assert.False(interval.Equals(new ConfidenceInterval(-1, 1, 0.95)));
        Assert.False(interval.Equals((object)"[-1, 1] (90%)"));
        Assert.False(interval.Equals(null));
    }

    [Theory]
    [InlineData(double.NaN, 1, 0.95, "lower")]
    [InlineData(0, double.PositiveInfinity, 0.95, "upper")]
    [InlineData(1, 0, 0.95, "upper")]
    [InlineData(0, 1, 1.0, "confidenceLevel")]
    [InlineData(0, 1, 0.0, "confidenceLevel")]
    [InlineData(0, 0, 1.0, "confidenceLevel")]
    [InlineData(0, 0, double.NaN, "confidenceLevel")]
    public void Constructor_BadArguments_ThrowNamingThem(double lower, double upper, double level, string name) =>
        Assert.Equal(name, Assert.Throws<ArgumentOutOfRangeException>(() => new ConfidenceInterval(lower, upper, level)).ParamName);

    [Theory]
    [MemberData(nameof(ConfidenceLevels.Invalid), MemberType = typeof(ConfidenceLevels))]
    public void Constructor_LevelOutsideOpenUnitInterval_ThrowsNamingConfidenceLevel(double level)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new ConfidenceInterval(-0.25, 0.75, level));

        Assert.Equal("confidenceLevel", e.ParamName);
        Assert.Equal(level, e.ActualValue);
    }

    [Fact]
    public void Json_RoundTrips()
    {
        var (value, text) = Json.RoundTrip(new ConfidenceInterval(-1.5, 2.5, 0.9), EngagementJson.GetTypeInfo<ConfidenceInterval>());

        Assert.Equal(new ConfidenceInterval(-1.5, 2.5, 0.9), value);
        Assert.Equal("""{"lower":-1.5,"upper":2.5,"confidenceLevel":0.9}""", text);
    }

    [Fact]
    public void Default_IsTheAllZeroTriple_AndReadsBackFromJson()
    {
        // default(ConfidenceInterval) is the empty interval that says nothing; it is written, so it must read back.
        var (value, text) = Json.RoundTrip(default(ConfidenceInterval), EngagementJsonContext.Default.ConfidenceInterval);

        Assert.Equal("""{"lower":0,"upper":0,"confidenceLevel":0}""", text);
        Assert.Equal(default, value);
        Assert.True(new ConfidenceInterval(0, 0, 0) == default);
        Assert.Equal("[0, 0] (0%)", default(ConfidenceInterval).ToString());
    }

    [Fact]
    public void Default_FromNegativeZeros_IsDefaultWithTheSameHash()
    {
        var fromNegativeZeros = new ConfidenceInterval(-0.0, -0.0, -0.0);

        Assert.Equal(default, fromNegativeZeros);
        Assert.Equal(default(ConfidenceInterval).GetHashCode(), fromNegativeZeros.GetHashCode());
        Assert.False(double.IsNegative(fromNegativeZeros.Lower));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(-1, 0)]
    [InlineData(0.5, 0.5)]
    public void Constructor_LevelZeroWithOtherBounds_StillThrows(double lower, double upper) =>
        Assert.Equal("confidenceLevel", Assert.Throws<ArgumentOutOfRangeException>(() => new ConfidenceInterval(lower, upper, 0)).ParamName);

    [Fact]
    public void Json_LevelZeroWithOtherBounds_IsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            System.Text.Json.JsonSerializer.Deserialize("""{"lower":0,"upper":1,"confidenceLevel":0}""", EngagementJsonContext.Default.ConfidenceInterval));

    [Theory]
    [InlineData("sv-SE")]
    [InlineData("ar-SA")]
    [InlineData("fa-IR")]
    public void ToString_IsCultureInvariant_WithNegativeBounds(string name)
    {
        var culture = CultureInfo.GetCultureInfo(name);
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;

            // The culture itself writes these numbers differently (decimal comma, or a minus sign other than '-').
            Assert.NotEqual("-12.5", (-12.5).ToString(culture));
            Assert.Equal("[-12.5, -0.25] (95%)", new ConfidenceInterval(-12.5, -0.25, 0.95).ToString());
            Assert.Equal("[-1.235E+05, -0.001235] (99.9%)", new ConfidenceInterval(-123456, -0.00123456, 0.999).ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Theory]
    [MemberData(nameof(ConfidenceLevels.Invalid), MemberType = typeof(ConfidenceLevels))]
    public void TwoSidedCriticalValue_BadLevel_ThrowsNamingConfidenceLevel(double level) =>
        Assert.Equal("confidenceLevel", Assert.Throws<ArgumentOutOfRangeException>(() => ConfidenceInterval.TwoSidedCriticalValue(level)).ParamName);

    [Fact]
    public void TwoSidedCriticalValue_95_IsTabulatedZ() => Assert.Equal(Z95, ConfidenceInterval.TwoSidedCriticalValue(0.95), 1e-15);

    [Fact]
    public void TwoSidedCriticalValue_LevelJustBelowOne_IsFinite()
    {
        // 0.9999999999999999 is 1 − 2⁻⁵³; 0.5 + level/2 rounds to 1, but the tail (1 − level)/2 = 2⁻⁵⁴ is exact.
        // z = −Φ⁻¹(2⁻⁵⁴) = 8.2923610758135955 (40-digit reference, mpmath 1.3.0: √2·erfinv(1 − 2⁻⁵³)).
        const double level = 0.9999999999999999;
        Assert.Equal(level, 1 - Math.Pow(2, -53));

        Assert.Equal(8.2923610758135955, ConfidenceInterval.TwoSidedCriticalValue(level), 1e-14);
    }

    [Fact]
    public void Normal_LevelJustBelowOne_IsWideButFinite()
    {
        var interval = ConfidenceInterval.Normal(10, 1, 0.9999999999999999, -100, 100);

        Assert.Equal(10 - 8.2923610758135955, interval.Lower, 1e-13);
        Assert.Equal(10 + 8.2923610758135955, interval.Upper, 1e-13);
    }

    [Fact]
    public void Normal_IsEstimatePlusMinusZTimesStandardError_Clamped()
    {
        var interval = ConfidenceInterval.Normal(90, 10, 0.95, -100, 100);

        Assert.Equal(90 - (Z95 * 10), interval.Lower, 1e-12);
        Assert.Equal(100, interval.Upper);
    }

    [Fact]
    public void StudentT_TwoAnswers_UsesOneDegreeOfFreedom()
    {
        // df = 2 − 1 = 1 is the Cauchy distribution, whose 0.975 quantile is tan(π(0.975 − ½)) = cot(0.025π)
        // = 12.706204736174707 (NIST/SEMATECH e-Handbook 1.3.6.7.2 tabulates 12.706). z would give 1.960.
        var t = 1 / Math.Tan(0.025 * Math.PI);
        var interval = ConfidenceInterval.StudentT(3, 0.1, 2, 0.95, 1, 5);

        Assert.Equal(3 - (t * 0.1), interval.Lower, 1e-12);
        Assert.Equal(3 + (t * 0.1), interval.Upper, 1e-12);
        Assert.Equal(0.95, interval.ConfidenceLevel);
    }

    [Fact]
    public void StudentT_SixAnswers_UsesTabulatedFiveDegreesOfFreedom()
    {
        // t(0.975, 5) = 2.571 (NIST/SEMATECH e-Handbook of Statistical Methods, 1.3.6.7.2, three decimals):
        // 4 ± 2.571 × 0.5 = [2.7145, 5.2855], the upper bound clamped to the scale's 5.
        var interval = ConfidenceInterval.StudentT(4, 0.5, 6, 0.95, 1, 5);

        Assert.Equal(4 - (2.571 * 0.5), interval.Lower, 0.0005 * 0.5);
        Assert.Equal(5, interval.Upper);
    }

    [Fact]
    public void StudentT_ManyAnswers_ApproachesNormal()
    {
        var t = ConfidenceInterval.StudentT(0, 1, 100_000_001, 0.95, -10, 10);

        // t(0.975, ν) = z + (z³ + z)/(4ν) + O(ν⁻²) (Abramowitz & Stegun 26.7.5); with ν = 10⁸ the first term is 1.2e-8.
        Assert.Equal(Z95 + (((Z95 * Z95 * Z95) + Z95) / 4e8), t.Upper, 1e-15);
        Assert.Equal(-t.Upper, t.Lower);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    [InlineData(-5)]
    public void StudentT_FewerThanTwoAnswers_ThrowsNamingCount(long count) =>
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => ConfidenceInterval.StudentT(3, 0.1, count, 0.95, 1, 5)).ParamName);

    [Theory]
    [MemberData(nameof(ConfidenceLevels.Invalid), MemberType = typeof(ConfidenceLevels))]
    public void StudentT_BadLevel_ThrowsNamingConfidenceLevel(double level) =>
        Assert.Equal("confidenceLevel", Assert.Throws<ArgumentOutOfRangeException>(() => ConfidenceInterval.StudentT(3, 0.1, 10, level, 1, 5)).ParamName);

    [Fact]
    public void StudentT_LevelJustBelowOne_IsFinite()
    {
        // With df = 1 the two-sided critical value is cot(πP/2) for P = 1 − level = 2⁻⁵³, about 2⁵⁴/π.
        var interval = ConfidenceInterval.StudentT(0, 1, 2, 0.9999999999999999, double.MinValue, double.MaxValue);

        Assert.Equal(1 / Math.Tan(Math.PI * Math.Pow(2, -54)), interval.Upper, interval.Upper * 1e-14);
        Assert.Equal(Math.Pow(2, 54) / Math.PI, interval.Upper, interval.Upper * 1e-14);
    }
}
