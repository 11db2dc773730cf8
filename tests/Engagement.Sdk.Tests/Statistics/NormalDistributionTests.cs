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

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void Quantile_OutsideOpenUnitInterval_Throws(double p) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => NormalDistribution.Quantile(p));
}
