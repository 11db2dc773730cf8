using Engagement.Sdk.IO;
using Engagement.Sdk.Tests.Support;
using Engagement.Sdk.Tests.Value.Reference;
using Engagement.Sdk.Value;
using FsCheck;
using FsCheck.Fluent;

namespace Engagement.Sdk.Tests.Value;

public class ShiftedBetaGeometricModelTests
{
    private static readonly ShiftedBetaGeometricModel Uniform = new(1, 1, TimeUnit.Year);

    [Theory]
    [InlineData(true, 0.704, 1.182)]
    [InlineData(false, 0.668, 3.806)]
    public void Fit_PublishedCohorts_ReproduceFaderHardie2007(bool regular, double alpha, double beta)
    {
        // Fader & Hardie (2007), "How to Project Customer Retention", J. Interactive Marketing 21(1): fitted to years 0–7
        // of Table 1, "regular" α = 0.704, β = 1.182 and "high end" α = 0.668, β = 3.806.
        var fit = ShiftedBetaGeometricModel.Fit(regular ? SpendTestData.Regular : SpendTestData.HighEnd, TimeUnit.Year);

        Assert.Equal(FitStatus.Converged, fit.Diagnostics.Status);
        Assert.Equal(1000, fit.Diagnostics.Observations);
        Assert.Equal(TimeUnit.Year, fit.Model.Unit);
        Assert.Equal(alpha, fit.Model.Alpha, 0.0005);
        Assert.Equal(beta, fit.Model.Beta, 0.0005);

        // The peers' recomputed log-likelihoods: regular −1,680.27, high end −1,611.16.
        Assert.Equal(regular ? -1680.27 : -1611.16, fit.Diagnostics.LogLikelihood, 0.005);
    }

    [Fact]
    public void LogLikelihood_HighEndAtOne_MatchesThePeer()
    {
        // jdmaturen's log_likelihood(1, 1, high end as fractions) = −2.115 per customer.
        Assert.Equal(
            PublishedEstimates.ShiftedBetaGeometric.HighEndLogLikelihoodPerCustomerAtOne, Uniform.LogLikelihood(SpendTestData.HighEnd) / 1000, 0.001);   // −2.11555: the peer prints 3 decimals
    }

    [Fact]
    public void Functions_HandWorked()
    {
        // α = β = 1: θ uniform. S(t) = E[(1 − θ)^t] = 1/(t + 1); P(T = t) = E[θ(1 − θ)^(t−1)] = 1/(t(t + 1));
        // r(t) = S(t)/S(t − 1) = t/(t + 1).
        Assert.Equal(1, Uniform.Survival(0));
        Assert.Equal(0.5, Uniform.Survival(1), 1e-12);
        Assert.Equal(1.0 / 3, Uniform.Survival(2), 1e-12);
        Assert.Equal(0.5, Uniform.CancellationProbability(1), 1e-12);
        Assert.Equal(1.0 / 6, Uniform.CancellationProbability(2), 1e-12);
        Assert.Equal(0.5, Uniform.RetentionRate(1), 1e-12);
        Assert.Equal(2.0 / 3, Uniform.RetentionRate(2), 1e-12);
        Assert.Equal(0.5, Uniform.MeanChurnProbability);
        Assert.Equal([1000, 500, 333.333333, 250], Uniform.ProjectSurvivors(1000, 3).Select(s => Math.Round(s, 6)));
    }

    [Fact]
    public void ChurnRate_IsConditional_CancellationProbabilityIsNot()
    {
        // θ uniform: of the customers active at the start of period 2 (S(1) = ½), those leaving at its end are
        // P(T = 2) = 1/6 of the cohort, so the churn rate is (1/6)/(1/2) = ⅓ = 1 − r(2) = 1 − ⅔, while the unconditional
        // cancellation probability stays 1/6. In period 1 both are ½ = α/(α+β).
        Assert.Equal(0.5, Uniform.ChurnRate(1), 1e-12);
        Assert.Equal(1.0 / 3, Uniform.ChurnRate(2), 1e-12);
        Assert.Equal(1.0 / 6, Uniform.CancellationProbability(2), 1e-12);

        // α = 2, β = 3: 1 − r(t) = 2/(4 + t); t = 3: 2/7.
        var model = new ShiftedBetaGeometricModel(2, 3, TimeUnit.Month);
        Assert.Equal(2.0 / 7, model.ChurnRate(3), 1e-12);
        Assert.Equal(1 - model.RetentionRate(3), model.ChurnRate(3), 1e-12);
        Assert.Equal(model.CancellationProbability(3) / model.Survival(2), model.ChurnRate(3), 1e-12);
    }

    [Fact]
    public void DiscountedExpectedResidualLifetime_TinyDiscountRate_IsRefusedInsteadOfLoopingForEver()
    {
        // θ uniform (α = 1): at d = 0 the series Σ S(t)/S(n−1) = Σ 1/(t+1) diverges, and as d → 0 it needs ever more
        // terms (about 35/d); 1e-12 would need some 10¹³ terms, so the cap of 10⁷ refuses it and echoes d.
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Uniform.DiscountedExpectedResidualLifetime(1e-12, 0));
        Assert.Equal(("discountRate", (object)1e-12), (e.ParamName, e.ActualValue));
        Assert.Contains("10000000", e.Message, StringComparison.Ordinal);

        // 1e-4 needs some 3.5·10⁵ terms: still summed. With α = 1, β = 1, n = 1 the value is
        // Σ_{t≥1} 1/(t+1) · z^(t−1) = (−ln(1 − z) − z)/z², z = 1/(1 + d) (as in the hand-worked case above).
        var z = 1 / 1.0001;
        Assert.Equal((-Math.Log(1 - z) - z) / (z * z), Uniform.DiscountedExpectedResidualLifetime(1e-4, 0), 1e-9);
    }

    [Fact]
    public void LogLikelihood_HandWorked()
    {
        // Survivors 10, 6, 4 under θ uniform: 4 leave at t = 1 (½ each), 2 at t = 2 (1/6 each), 4 remain (S(2) = ⅓).
        var expected = (4 * Math.Log(0.5)) + (2 * Math.Log(1.0 / 6)) + (4 * Math.Log(1.0 / 3));

        Assert.Equal(expected, Uniform.LogLikelihood([10, 6, 4]), 1e-12);
        Assert.Equal(10 * Math.Log(0.5), Uniform.LogLikelihood([10, 0]), 1e-12);
    }

    [Fact]
    public void DiscountedExpectedResidualLifetime_HandWorked()
    {
        // θ uniform, a customer in the first period (0 renewals), d = 1 (z = ½): Σ_{t≥1} S(t) z^(t−1) = Σ z^(t−1)/(t + 1)
        // = (−ln(1 − z) − z)/z² = 4(ln 2 − ½) = 4 ln 2 − 2.
        Assert.Equal((4 * Math.Log(2)) - 2, Uniform.DiscountedExpectedResidualLifetime(1, 0), 1e-12);

        // A customer with 2 renewals (n = 3): Σ_{t≥3} S(t)/S(2) z^(t−3) = Σ_{k≥0} 3/(k + 4) z^k
        // = 3 z^(−4) (−ln(1 − z) − z − z²/2 − z³/3) = 48 (ln 2 − ½ − ⅛ − 1/24) = 48 ln 2 − 32.
        Assert.Equal((48 * Math.Log(2)) - 32, Uniform.DiscountedExpectedResidualLifetime(1, 2), 1e-10);
    }

    [Fact]
    public void Functions_AreConsistent() =>
        Prop.ForAll(SpendTestData.Parameters(2), Arb.From(Gen.Choose(1, 200)), (theta, t) =>
        {
            var model = new ShiftedBetaGeometricModel(theta[0], theta[1], TimeUnit.Month);
            double churned = 0;
            for (var k = 1; k <= t; k++)
            {
                churned += model.CancellationProbability(k);
            }

            return Math.Abs(churned + model.Survival(t) - 1) < 1e-9
                && model.Survival(t) < model.Survival(t - 1)
                && Math.Abs((model.Survival(t) / model.Survival(t - 1)) - model.RetentionRate(t)) < 1e-9
                && model.RetentionRate(t + 1) > model.RetentionRate(t)
                && model.DiscountedExpectedResidualLifetime(0.1, t) > model.DiscountedExpectedResidualLifetime(0.1, t - 1)
                && model.DiscountedExpectedResidualLifetime(0.1, t) > model.DiscountedExpectedResidualLifetime(0.2, t)
                && double.IsFinite(model.LogLikelihood([1000, 800, 700, 650]));
        }).QuickCheckThrowOnFailure();

    [Theory]
    [InlineData(new long[] { 1000 }, "survivors")]
    [InlineData(new long[] { 1000, 1001 }, "survivors")]
    [InlineData(new long[] { 100, 50, 60 }, "survivors")]
    public void Fit_ImpossibleSurvivors_Throws(long[] survivors, string name)
    {
        var e = Assert.Throws<ArgumentException>(() => ShiftedBetaGeometricModel.Fit(survivors, TimeUnit.Year));

        Assert.Equal(name, e.ParamName);
    }

    [Fact]
    public void BadInput_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ShiftedBetaGeometricModel.Fit([0, 0], TimeUnit.Year));
        Assert.Equal(("survivors", (object)0L), (e.ParamName, e.ActualValue));
        e = Assert.Throws<ArgumentOutOfRangeException>(() => ShiftedBetaGeometricModel.Fit([10, -1], TimeUnit.Year));
        Assert.Contains("index 1", e.Message, StringComparison.Ordinal);
        Assert.Equal("unit", Assert.Throws<ArgumentOutOfRangeException>(() => ShiftedBetaGeometricModel.Fit([10, 5], (TimeUnit)9)).ParamName);
        Assert.Equal("periods", Assert.Throws<ArgumentOutOfRangeException>(() => Uniform.Survival(-1)).ParamName);
        Assert.Equal("period", Assert.Throws<ArgumentOutOfRangeException>(() => Uniform.RetentionRate(0)).ParamName);
        Assert.Equal("period", Assert.Throws<ArgumentOutOfRangeException>(() => Uniform.CancellationProbability(0)).ParamName);
        Assert.Equal("period", Assert.Throws<ArgumentOutOfRangeException>(() => Uniform.ChurnRate(0)).ParamName);
        var zero = Assert.Throws<ArgumentOutOfRangeException>(() => Uniform.DiscountedExpectedResidualLifetime(0, 1));
        Assert.Equal(("discountRate", (object)0.0), (zero.ParamName, zero.ActualValue));
        Assert.Equal("renewals", Assert.Throws<ArgumentOutOfRangeException>(() => Uniform.DiscountedExpectedResidualLifetime(0.1, -1)).ParamName);
        Assert.Equal("cohortSize", Assert.Throws<ArgumentOutOfRangeException>(() => Uniform.ProjectSurvivors(-1, 2)).ParamName);
        Assert.Equal("alpha", Assert.Throws<ArgumentOutOfRangeException>(() => new ShiftedBetaGeometricModel(0, 1, TimeUnit.Day)).ParamName);
    }

    [Fact]
    public void Json_RoundTrips()
    {
        var (model, text) = Json.RoundTrip(new ShiftedBetaGeometricModel(0.704, 1.182, TimeUnit.Year), EngagementJson.GetTypeInfo<ShiftedBetaGeometricModel>());

        Assert.Equal(new ShiftedBetaGeometricModel(0.704, 1.182, TimeUnit.Year), model);
        Assert.Equal("""{"alpha":0.704,"beta":1.182,"unit":"Year"}""", text);
        Assert.Equal("sBG(α = 0.704, β = 1.182) per Year", model.ToString());
        Assert.NotEqual(model, new ShiftedBetaGeometricModel(0.704, 1.182, TimeUnit.Month));

        var fit = ShiftedBetaGeometricModel.Fit(SpendTestData.Regular, TimeUnit.Year);
        var (fitBack, _) = Json.RoundTrip(fit, EngagementJson.GetTypeInfo<ShiftedBetaGeometricFit>());
        Assert.Equal(fit, fitBack);
        Assert.True(fit == fitBack && !(fit != fitBack));
        Assert.Equal(fit.GetHashCode(), fitBack.GetHashCode());
        Assert.Equal($"{fit.Model}; {fit.Diagnostics}", fit.ToString());
    }

    [Fact]
    public void Fit_DiagnosticsOfAnotherModel_AreRefused()
    {
        var fit = ShiftedBetaGeometricModel.Fit(SpendTestData.Regular, TimeUnit.Year);
        var other = new ShiftedBetaGeometricModel(fit.Model.Alpha * 2, fit.Model.Beta, TimeUnit.Year);

        SpendTestData.AssertMismatchRefused((model, diagnostics) => new ShiftedBetaGeometricFit(model, diagnostics), other, fit.Diagnostics, "alpha = ");
    }
}
