using Engagement.Sdk.Statistics;

namespace Engagement.Sdk.Tests.Statistics;

public class NormalDistributionTests
{
    // Reference values of the standard normal distribution, as tabulated (e.g. Abramowitz & Stegun 26.2, or any
    // statistics package) to 16 significant digits.
    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(-1.0, 0.15865525393145707)]
    [InlineData(1.959963984540054, 0.975)]
    [InlineData(-3.0, 0.0013498980316301035)]
    [InlineData(-6.0, 9.865876450376946e-10)]
    [InlineData(6.0, 1 - 9.865876450376946e-10)]
    [InlineData(-10.0, 7.619853024160527e-24)]
    public void Cdf_MatchesTabulatedValues(double x, double expected) =>
        Assert.Equal(expected, NormalDistribution.Cdf(x), expected * 1e-12 + 1e-16);

    // The lower tail must be right relative to its own size, not only to within 1e-16 of 0: the Halley step of
    // Quantile divides by φ(x), so an absolute error there becomes a relative error of the quantile. Reference values
    // to 17 significant digits from an independent 40-digit evaluation (mpmath 1.3.0, ncdf).
    [Theory]
    [InlineData(-2.0, 0.022750131948179207)]
    [InlineData(-2.5, 0.0062096653257761352)]
    [InlineData(-3.5, 0.00023262907903552504)]
    [InlineData(-4.5, 3.3976731247300604e-6)]
    public void Cdf_LowerTail_IsAccurateRelativeToItsSize(double x, double expected) =>
        Assert.Equal(expected, NormalDistribution.Cdf(x), expected * 1e-14);

    [Fact]
    public void Cdf_NaN_IsNaN() => Assert.True(double.IsNaN(NormalDistribution.Cdf(double.NaN)));

    [Theory]
    [InlineData(0.5, 0.0)]
    [InlineData(0.975, 1.959963984540054)]
    [InlineData(0.025, -1.959963984540054)]
    [InlineData(0.95, 1.6448536269514722)]
    [InlineData(0.995, 2.5758293035489004)]
    [InlineData(0.01, -2.3263478740408408)]
    [InlineData(1e-10, -6.361340902404056)]
    public void Quantile_MatchesTabulatedValues(double p, double expected) =>
        Assert.Equal(expected, NormalDistribution.Quantile(p), 1e-12);

    // Same 40-digit reference (mpmath 1.3.0: −√2·erfinv(1 − 2p)); 2⁻⁵⁴ is the tail of a 1 − 2⁻⁵³ two-sided level.
    [Theory]
    [InlineData(5e-5, -3.890591886413094)]
    [InlineData(1e-6, -4.753424308822899)]
    [InlineData(5.551115123125783e-17, -8.2923610758135955)]
    public void Quantile_LowerTail_IsAccurateToTheLastDigits(double p, double expected) =>
        Assert.Equal(expected, NormalDistribution.Quantile(p), Math.Abs(expected) * 1e-15);

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void Quantile_OutsideOpenUnitInterval_Throws(double p) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => NormalDistribution.Quantile(p));
}
