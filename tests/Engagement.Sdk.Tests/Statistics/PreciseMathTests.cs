using Engagement.Sdk.Statistics;
using MathNet.Numerics;

namespace Engagement.Sdk.Tests.Statistics;

public class PreciseMathTests
{
    [Theory]
    [InlineData(2147483648.0)] // 2³¹: ln Γ from three terms was off by about 10⁻⁵ here
    [InlineData(1e6)]
    [InlineData(10)]
    [InlineData(3.5)] // below 10: MathNet's BetaLn, good to about 10⁻¹⁴
    public void LogBeta_WithOneAsAnArgument_IsMinusTheLogOfTheOther(double b)
    {
        // B(1, b) = Γ(1)Γ(b)/Γ(1+b) = 1/b; B(2, b) = Γ(2)Γ(b)/Γ(2+b) = 1/(b(b+1)).
        Assert.Equal(-Math.Log(b), PreciseMath.LogBeta(1, b), 1e-14 * Math.Log(b));
        Assert.Equal(-Math.Log(b), PreciseMath.LogBeta(b, 1), 1e-14 * Math.Log(b));
        Assert.Equal(-Math.Log(b) - Math.Log(b + 1), PreciseMath.LogBeta(2, b), 1e-14 * Math.Log(b * (b + 1)));
    }

    [Fact]
    public void LogBeta_AtHalfAndHalf_IsTheLogOfPi() =>
        Assert.Equal(Math.Log(Math.PI), PreciseMath.LogBeta(0.5, 0.5), 1e-15); // B(½, ½) = Γ(½)²/Γ(1) = π

    [Theory]
    [InlineData(1e-20, 1e-20)] // ln(1 + x) = x − x²/2 + …: x itself below 10⁻¹⁶ relative
    [InlineData(1e-10, 9.9999999995e-11)] // x − x²/2 = 10⁻¹⁰ − 5·10⁻²¹
    [InlineData(1e300, 690.77552789821368)] // ln(1 + 10³⁰⁰) = 300 ln 10 = 690.7755278982137
    public void LogOnePlus_KeepsFullPrecision(double x, double expected) =>
        Assert.Equal(expected, PreciseMath.LogOnePlus(x), Math.Abs(expected) * 1e-15);

    [Theory]
    [InlineData(1e-20, 1e-20)] // eˣ − 1 = x + x²/2 + …
    [InlineData(1e-10, 1.00000000005e-10)] // x + x²/2 = 10⁻¹⁰ + 5·10⁻²¹
    [InlineData(-800, -1)] // e⁻⁸⁰⁰ underflows to 0
    [InlineData(1, 1.7182818284590451)] // e − 1
    public void ExpMinusOne_KeepsFullPrecision(double x, double expected) =>
        Assert.Equal(expected, PreciseMath.ExpMinusOne(x), Math.Abs(expected) * 1e-15);

    [Fact]
    public void LogRising_IsTheLogOfTheProduct()
    {
        // ln[r(r+1)…(r+n−1)]: 0.5·1.5·2.5·3.5·4.5 = 29.53125; 20·21·22 = 9,240; with r = 10^300 each factor is 10^300
        // in doubles, so three of them give 3·ln 10^300 (two ln Γ of 10^300 would cancel to 0).
        Assert.Equal(Math.Log(29.53125), PreciseMath.LogRising(0.5, 5), 1e-14);
        Assert.Equal(Math.Log(9_240), PreciseMath.LogRising(20, 3), 1e-13);
        Assert.Equal(1, PreciseMath.LogRising(1e300, 3) / (3 * Math.Log(1e300)), 1e-15);
        Assert.Equal(0, PreciseMath.LogRising(7, 0));
    }

    [Theory]
    [InlineData(0.3, 100)]
    [InlineData(12, 1e6)]
    [InlineData(1e8, 2e9)]
    public void LogRising_AgreesWithLogGammaWhereThatDoesNotCancel(double r, double n) =>
        // Where r is not much larger than n, ln Γ(r + n) − ln Γ(r) loses nothing to speak of.
        Assert.Equal(1, PreciseMath.LogRising(r, n) / (SpecialFunctions.GammaLn(r + n) - SpecialFunctions.GammaLn(r)), 1e-12);
}
