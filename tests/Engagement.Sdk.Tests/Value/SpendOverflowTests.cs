using System.Globalization;
using Engagement.Sdk.Value;

namespace Engagement.Sdk.Tests.Value;

/// <summary>The hostile pass on the spend, BG/BB, sBG and CLV types: huge arguments give the finite answer or a typed refusal.</summary>
public class SpendOverflowTests
{
    [Fact]
    public void ConditionalExpectedAverageValue_HugeFrequencyAndMean_IsFinite()
    {
        // D = px + q − 1 = 6.25 · 2147483647 + 2.74 = 13421772796.49; E = pγ/D + (px/D) z̄ = 96.5/D + (1 − 2.74/D) · 10³⁰⁰:
        // the customer's own mean, shrunk by 2.74/D ≈ 2·10⁻¹⁰. x z̄ alone overflows.
        var model = new GammaGammaModel(6.25, 3.74, 15.44);
        var d = 6.25 * int.MaxValue + 2.74;

        var value = model.ConditionalExpectedAverageValue(int.MaxValue, 1e300);

        Assert.True(double.IsFinite(value));
        Assert.Equal(1, value / (1e300 * (1 - 2.74 / d)), 1e-13);
    }

    [Fact]
    public void ConditionalExpectedAverageValue_HugeParameters_IsFinite()
    {
        // p = q = γ = 10³⁰⁰, x = 2, z̄ = 10: D = 2·10³⁰⁰ + 10³⁰⁰ − 1 = 3·10³⁰⁰; E = pγ/D + (px/D) z̄ = 10³⁰⁰/3 + 20/3.
        // pγ alone overflows.
        var model = new GammaGammaModel(1e300, 1e300, 1e300);

        Assert.Equal(1, model.ConditionalExpectedAverageValue(2, 10) / (1e300 / 3), 1e-13);

        // x = 0: the population mean pγ/(q − 1) = 10⁶⁰⁰/(10³⁰⁰ − 1) = 10³⁰⁰.
        Assert.Equal(1, model.MeanTransactionValue / 1e300, 1e-13);
        Assert.Equal(1, model.ConditionalExpectedAverageValue(0, 10) / 1e300, 1e-13);
    }

    [Fact]
    public void ConditionalExpectedAverageValue_PxOverflows_IsFinite()
    {
        // p = 10³⁰⁰, x = 2147483647: px overflows. Divided by p, D/p = x + (q − 1)/p = x + 2·10⁻³⁰⁰ ≈ x, so
        // E = γ/(D/p) + x/(D/p) · z̄ = 1/x + 5 ≈ 5 + 4.66·10⁻¹⁰.
        var model = new GammaGammaModel(1e300, 3, 1);

        Assert.Equal(5 + 1.0 / int.MaxValue, model.ConditionalExpectedAverageValue(int.MaxValue, 5), 1e-12);
    }

    [Fact]
    public void ProjectSurvivors_HugeHorizon_IsRefused()
    {
        var model = new ShiftedBetaGeometricModel(1, 1, TimeUnit.Year);

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => model.ProjectSurvivors(10, int.MaxValue));

        Assert.Equal("periods", e.ParamName);
        Assert.Equal(int.MaxValue, e.ActualValue);
        Assert.Contains("2147483647", e.Message, StringComparison.Ordinal);
        Assert.Contains(ShiftedBetaGeometricModel.MaxProjectedPeriods.ToString(CultureInfo.InvariantCulture), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ProjectSurvivors_AtTheMaximum_Projects()
    {
        // α = β = 1: S(t) = B(1, 1 + t)/B(1, 1) = 1/(t + 1); at t = 10⁶, 10 · S(t) = 10/1000001.
        var projected = new ShiftedBetaGeometricModel(1, 1, TimeUnit.Year).ProjectSurvivors(10, ShiftedBetaGeometricModel.MaxProjectedPeriods);

        Assert.Equal(ShiftedBetaGeometricModel.MaxProjectedPeriods + 1, projected.Length);
        Assert.Equal(10.0 / 1_000_001, projected[^1], 1e-12);
    }

    [Fact]
    public void BgBb_HugeHorizons_AreRefused()
    {
        var model = new BgBbModel(1.2, 0.75, 0.66, 2.78);
        const int Huge = int.MaxValue;

        AssertRefused("opportunities", () => model.ProbabilityOfTransactions(0, Huge));
        AssertRefused("periods", () => model.ConditionalExpectedTransactions(5, 1, 1, Huge));
        AssertRefused("periods", () => model.LogLikelihood(1, 1, Huge));
        AssertRefused("periods", () => model.ProbabilityAlive(1, 1, Huge));

        // The maximum itself is accepted: 10⁶ opportunities without a transaction has a probability in (0, 1).
        var none = model.ProbabilityOfTransactions(0, BgBbModel.MaxOpportunities);
        Assert.InRange(none, double.Epsilon, 1);

        // The expected transactions have a closed form (γ is not near 1): any horizon, and more opportunities, more transactions.
        Assert.True(model.ExpectedTransactions(Huge) > model.ExpectedTransactions(BgBbModel.MaxOpportunities));
        Assert.True(double.IsFinite(model.ConditionalExpectedTransactions(Huge, 1, 1, 5)));

        static void AssertRefused(string paramName, Action call)
        {
            var e = Assert.Throws<ArgumentOutOfRangeException>(call);
            Assert.Equal(paramName, e.ParamName);
            Assert.Equal(Huge, e.ActualValue);
            Assert.Contains("2147483647", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Historical_DecimalOverflow_NamesTheCustomerAndIndex()
    {
        // "c"'s running total is decimal.MaxValue after index 1 ("a" at index 0 is another customer); index 2 overflows it.
        var t0 = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
        Transaction[] transactions =
        [
            new("a", t0, 1m),
            new("c", t0, decimal.MaxValue),
            new("c", t0.AddDays(1), decimal.MaxValue),
            new("c", t0.AddDays(2), decimal.MaxValue),
        ];

        var e = Assert.Throws<OverflowException>(() => CustomerLifetimeValue.Historical(transactions, 1));

        Assert.Contains("transactions", e.Message, StringComparison.Ordinal);
        Assert.Contains("'c'", e.Message, StringComparison.Ordinal);
        Assert.Contains("index 2", e.Message, StringComparison.Ordinal);
        Assert.IsType<OverflowException>(e.InnerException);
    }
}
