using Engagement.Sdk.IO;
using Engagement.Sdk.Tests.Support;
using Engagement.Sdk.Tests.Value.Reference;
using Engagement.Sdk.Value;
using FsCheck;
using FsCheck.Fluent;

namespace Engagement.Sdk.Tests.Value;

public class GammaGammaModelTests
{
    [Fact]
    public void Fit_CdnowRepeatBuyers_ReproducesFaderHardie2013()
    {
        // Fader & Hardie (2013), "The Gamma-Gamma Model of Monetary Value" (brucehardie.com/notes/025), fit to the 946
        // CDNOW sample customers with repeat purchases: p = 6.25, q = 3.74, γ = 15.44. Its log-likelihood, −4055.9177,
        // is the figure CLVTools' correctness test (tests/testthat/test_correctness_gg.R) checks against the note. The
        // file's z̄ are rounded to cents, which moves the optimum to p = 6.2488, q = 3.7446, γ = 15.448 (a flat ridge:
        // SE(γ) ≈ 4): equal to 3 significant figures, as lifetimes finds to 2 decimals.
        var fit = GammaGammaModel.Fit(SpendTestData.Cdnow);

        Assert.Equal(FitStatus.Converged, fit.Diagnostics.Status);
        Assert.Equal(946, fit.Diagnostics.Observations);
        Assert.Equal(SignificantFigures(PublishedEstimates.GammaGamma.P), SignificantFigures(fit.Model.P));
        Assert.Equal(SignificantFigures(PublishedEstimates.GammaGamma.Q), SignificantFigures(fit.Model.Q));
        Assert.Equal(SignificantFigures(PublishedEstimates.GammaGamma.Gamma), SignificantFigures(fit.Model.Gamma));
        Assert.Equal(-4055.9177, fit.Diagnostics.LogLikelihood, 0.05);
        Assert.Equal(fit.Diagnostics.LogLikelihood, fit.Model.LogLikelihood(SpendTestData.Cdnow), 1e-9);
        Assert.All(fit.Diagnostics.Parameters, estimate => Assert.NotNull(estimate.StandardError));
    }

    [Fact]
    public void ConditionalExpectedAverageValue_Cdnow_ReproducesHardiesSpreadsheet()
    {
        // E[Z | x, z̄] of the first ten CDNOW customers from the note-025 spreadsheet (±0.1, as lifetimes checks them).
        var model = GammaGammaModel.Fit(SpendTestData.Cdnow).Model;
        var customers = SpendTestData.Cdnow.Customers;

        for (var i = 0; i < PublishedEstimates.GammaGamma.ConditionalExpectedAverageValues.Length; i++)
        {
            var expected = model.ConditionalExpectedAverageValue(customers[i].Frequency, customers[i].MonetaryValue ?? 0);
            Assert.Equal(PublishedEstimates.GammaGamma.ConditionalExpectedAverageValues[i], expected, 0.1);
        }
    }

    [Fact]
    public void LogLikelihood_HandWorked()
    {
        // x = 1, p = 1: one transaction Z | ν ~ Exponential(ν); ν ~ Gamma(q = 2, rate γ = 1), so
        // f(z) = ∫ ν e^(−νz) · ν e^(−ν) dν = Γ(3)/(1 + z)³ = 2/(1 + z)³, and f(1) = 2/8 = 1/4.
        var model = new GammaGammaModel(1, 2, 1);

        Assert.Equal(Math.Log(0.25), model.LogLikelihood(1, 1), 1e-12);

        // x = 2, p = 1: z̄ = (z₁ + z₂)/2 with z₁ + z₂ | ν ~ Gamma(2, ν), so z̄ | ν ~ Gamma(2, 2ν) with density
        // (2ν)² z̄ e^(−2νz̄); against ν ~ Gamma(2, 1): ∫ 4ν² z̄ e^(−2νz̄) ν e^(−ν) dν = 4 z̄ Γ(4)/(1 + 2z̄)⁴ = 24 z̄/(1 + 2z̄)⁴.
        // At z̄ = 1: 24/81.
        Assert.Equal(Math.Log(24.0 / 81), model.LogLikelihood(2, 1), 1e-12);
    }

    [Fact]
    public void LogLikelihood_OfSummaries_SumsTheRepeatBuyersWithAValue()
    {
        var model = new GammaGammaModel(1, 2, 1);
        var data = new CustomerSummaries(TimeUnit.Week, [
            new("a", 1, 1, 5, 1),      // ln(1/4)
            new("b", 2, 3, 5, 1),      // ln(24/81)
            new("c", 0, 0, 5),         // no repeat purchase: left out
            new("d", 3, 4, 5),         // no value known: left out
            new("e", 1, 2, 5, 0)]);    // a mean of 0, which no Gamma distribution gives: left out

        Assert.Equal(Math.Log(0.25) + Math.Log(24.0 / 81), model.LogLikelihood(data), 1e-12);
    }

    [Fact]
    public void ConditionalExpectedAverageValue_HandWorked()
    {
        // p = 1, q = 2, γ = 3: population mean pγ/(q − 1) = 3. The posterior of ν after x transactions of mean z̄ is
        // Gamma(q + px, γ + x z̄), and E[Z | ν] = p/ν, so E[Z | x, z̄] = p (γ + x z̄)/(q + px − 1).
        var model = new GammaGammaModel(1, 2, 3);

        Assert.Equal(3, model.MeanTransactionValue, 1e-12);
        Assert.Equal(3, model.ConditionalExpectedAverageValue(0, 0), 1e-12);                // no purchases: the population mean
        Assert.Equal(3, model.ConditionalExpectedAverageValue(0, 100), 1e-12);              // ... whatever z̄ says
        Assert.Equal((3 + 1) / 2.0, model.ConditionalExpectedAverageValue(1, 1), 1e-12);    // ½·3 + ½·1 = 2
        Assert.Equal((3 + 40) / 5.0, model.ConditionalExpectedAverageValue(4, 10), 1e-12);  // ⅕·3 + ⅘·10 = 8.6
    }

    [Fact]
    public void MeanTransactionValue_WithoutAFiniteMean_IsInfinite()
    {
        Assert.Equal(double.PositiveInfinity, new GammaGammaModel(1, 1, 3).MeanTransactionValue);
        Assert.Equal(double.PositiveInfinity, new GammaGammaModel(1, 0.5, 3).ConditionalExpectedAverageValue(0, 0));
        Assert.Equal(2 * (3 + 1) / (2 + 0.5 - 1), new GammaGammaModel(2, 0.5, 3).ConditionalExpectedAverageValue(1, 1), 1e-12);
    }

    [Fact]
    public void ConditionalExpectedAverageValue_IsBetweenThePopulationMeanAndTheCustomersMean() =>
        Prop.ForAll(SpendTestData.Parameters(3), Arb.From(Gen.Choose(1, 50)), Arb.From(Gen.Choose(0, 100_000)), (theta, x, cents) =>
        {
            var model = new GammaGammaModel(theta[0], theta[1] + 1, theta[2]);    // q > 1: a finite mean
            var zbar = cents / 100.0;
            var expected = model.ConditionalExpectedAverageValue(x, zbar);
            var (low, high) = (Math.Min(zbar, model.MeanTransactionValue), Math.Max(zbar, model.MeanTransactionValue));
            return expected >= low * (1 - 1e-12) && expected <= high * (1 + 1e-12)
                && model.ConditionalExpectedAverageValue(x, zbar + 1) > expected;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void LogLikelihood_IsFiniteAcrossTheParameterSpace() =>
        Prop.ForAll(SpendTestData.Parameters(3), Arb.From(Gen.Choose(1, 200)), Arb.From(Gen.Choose(1, 1_000_000)), (theta, x, cents) =>
            double.IsFinite(new GammaGammaModel(theta[0], theta[1], theta[2]).LogLikelihood(x, cents / 100.0)))
        .QuickCheckThrowOnFailure();

    [Fact]
    public void Fit_DataOfTheModel_RecoversItsParameters()
    {
        // 5,000 customers drawn from p = 4, q = 3, γ = 20 with a fixed seed: each has ν ~ Gamma(3, rate 20) and x
        // transactions ~ Gamma(4, rate ν); the estimates land within a few standard errors.
        var random = new Random(20260127);
        var frequency = new int[5000];
        var recency = new double[5000];
        var t = new double[5000];
        var monetary = new double[5000];
        for (var i = 0; i < frequency.Length; i++)
        {
            var nu = MathNet.Numerics.Distributions.Gamma.Sample(random, 3, 20);
            frequency[i] = 1 + (i % 5);
            recency[i] = t[i] = 10;
            double sum = 0;
            for (var j = 0; j < frequency[i]; j++)
            {
                sum += MathNet.Numerics.Distributions.Gamma.Sample(random, 4, nu);
            }

            monetary[i] = sum / frequency[i];
        }

        var fit = GammaGammaModel.Fit(CustomerSummaries.FromColumns(TimeUnit.Day, frequency, recency, t, monetary));

        Assert.Equal(FitStatus.Converged, fit.Diagnostics.Status);
        foreach (var (name, truth) in new[] { ("p", 4.0), ("q", 3.0), ("gamma", 20.0) })
        {
            var estimate = fit.Diagnostics[name];
            Assert.InRange(truth, estimate.Value - (4 * estimate.StandardError!.Value), estimate.Value + (4 * estimate.StandardError.Value));
        }
    }

    [Fact]
    public void Fit_WithoutRepeatBuyers_Throws()
    {
        var data = new CustomerSummaries(TimeUnit.Week, [new("a", 0, 0, 5), new("b", 2, 3, 5)]);

        var e = Assert.Throws<ArgumentException>(() => GammaGammaModel.Fit(data));

        Assert.Equal("data", e.ParamName);
        Assert.Contains("none of the 2", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 1, 1, "p", 0.0)]
    [InlineData(-1, 1, 1, "p", -1.0)]
    [InlineData(1, double.NaN, 1, "q", double.NaN)]
    [InlineData(1, 1, double.PositiveInfinity, "gamma", double.PositiveInfinity)]
    public void Constructor_BadParameter_Throws(double p, double q, double gamma, string name, double value)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new GammaGammaModel(p, q, gamma));

        Assert.Equal(name, e.ParamName);
        Assert.Equal(value, e.ActualValue);
    }

    [Fact]
    public void Predictions_BadInput_Throw()
    {
        var model = new GammaGammaModel(1, 2, 3);

        Assert.Equal("frequency", Assert.Throws<ArgumentOutOfRangeException>(() => model.ConditionalExpectedAverageValue(-1, 1)).ParamName);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => model.ConditionalExpectedAverageValue(1, -2.5));
        Assert.Equal(("monetaryValue", (object)(-2.5)), (e.ParamName, e.ActualValue));
        Assert.Contains("-2.5", e.Message, StringComparison.Ordinal);
        Assert.Equal("frequency", Assert.Throws<ArgumentOutOfRangeException>(() => model.LogLikelihood(0, 1)).ParamName);
        Assert.Equal("monetaryValue", Assert.Throws<ArgumentOutOfRangeException>(() => model.LogLikelihood(1, 0)).ParamName);
        Assert.Throws<ArgumentNullException>(() => model.LogLikelihood(null!));
        Assert.Throws<ArgumentNullException>(() => GammaGammaModel.Fit(null!));
    }

    [Fact]
    public void Fit_Cancelled_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => GammaGammaModel.Fit(SpendTestData.Cdnow, cancellationToken: cancelled.Token));
    }

    [Fact]
    public void Json_RoundTrips()
    {
        var model = new GammaGammaModel(6.25, 3.74, 15.44);
        var (back, text) = Json.RoundTrip(model, EngagementJson.GetTypeInfo<GammaGammaModel>());

        Assert.Equal(model, back);
        Assert.Equal("""{"p":6.25,"q":3.74,"gamma":15.44}""", text);

        var fit = GammaGammaModel.Fit(SpendTestData.Cdnow);
        var (fitBack, fitText) = Json.RoundTrip(fit, EngagementJson.GetTypeInfo<GammaGammaFit>());
        Assert.Equal(fit, fitBack);
        Assert.True(fit == fitBack && !(fit != fitBack));
        Assert.Equal(fit.GetHashCode(), fitBack.GetHashCode());
        Assert.EndsWith(""","zeroValueBuyers":0}""", fitText, StringComparison.Ordinal);
        Assert.Equal($"{fit.Model}; {fit.Diagnostics}", fit.ToString());
        Assert.NotEqual(fit, new GammaGammaFit(fit.Model, fit.Diagnostics, 1));
    }

    [Fact]
    public void Fit_DiagnosticsOfAnotherModel_AreRefused()
    {
        var fit = GammaGammaModel.Fit(SpendTestData.Cdnow);
        var other = new GammaGammaModel(fit.Model.P, fit.Model.Q + 1, fit.Model.Gamma);

        SpendTestData.AssertMismatchRefused((model, diagnostics) => new GammaGammaFit(model, diagnostics), other, fit.Diagnostics, "q = ");

        var negative = Assert.Throws<ArgumentOutOfRangeException>(() => new GammaGammaFit(fit.Model, fit.Diagnostics, -1));
        Assert.Equal(("zeroValueBuyers", (object)(-1L)), (negative.ParamName, negative.ActualValue));
    }

    [Fact]
    public void Fit_RepeatBuyersWithMeanValueZero_AreLeftOutAndCounted()
    {
        // Eight repeat buyers, two of whom spent nothing on their repeat purchases (z̄ = 0), and one customer without
        // repeat purchases: the fit uses the six who spent, and says it left two out.
        int[] frequency = [2, 1, 3, 4, 1, 2, 5, 3, 0];
        double[] recency = [5, 3, 8, 9, 2, 6, 9, 7, 0];
        double[] t = [10, 10, 10, 10, 10, 10, 10, 10, 10];
        double[] monetary = [12.5, 0, 20, 0, 8, 31, 17.5, 22, double.NaN];
        var data = CustomerSummaries.FromColumns(TimeUnit.Day, frequency, recency, t, monetary);

        var fit = GammaGammaModel.Fit(data);

        Assert.Equal(6, fit.Diagnostics.Observations);
        Assert.Equal(2, fit.ZeroValueBuyers);
        Assert.EndsWith("; 2 repeat buyers with mean value 0 left out", fit.ToString(), StringComparison.Ordinal);

        // The log-likelihood leaves them out too: the sum over the six who spent.
        var model = new GammaGammaModel(1, 2, 3);
        var expected = model.LogLikelihood(2, 12.5) + model.LogLikelihood(3, 20) + model.LogLikelihood(1, 8)
            + model.LogLikelihood(2, 31) + model.LogLikelihood(5, 17.5) + model.LogLikelihood(3, 22);
        Assert.Equal(expected, model.LogLikelihood(data), 1e-9);
    }

    [Fact]
    public void Json_BadParameter_IsRejected()
    {
        var e = Assert.Throws<System.Text.Json.JsonException>(() =>
            System.Text.Json.JsonSerializer.Deserialize("""{"p":-1,"q":3.74,"gamma":15.44}""", EngagementJson.GetTypeInfo<GammaGammaModel>()));

        Assert.Equal("p", Assert.IsType<ArgumentOutOfRangeException>(e.InnerException).ParamName);
    }

    [Fact]
    public void Equality_IsByParameters()
    {
        var model = new GammaGammaModel(1, 2, 3);

        Assert.Equal(model, new GammaGammaModel(1, 2, 3));
        Assert.True(model == new GammaGammaModel(1, 2, 3));
        Assert.True(model != new GammaGammaModel(1, 2, 3.5));
        Assert.Equal(model.GetHashCode(), new GammaGammaModel(1, 2, 3).GetHashCode());
        Assert.Equal("Gamma-Gamma(p = 1, q = 2, γ = 3)", model.ToString());
    }

    /// <summary>Rounds to 3 significant figures, as the published estimates are compared.</summary>
    internal static double SignificantFigures(double value)
    {
        var scale = Math.Pow(10, 2 - Math.Floor(Math.Log10(Math.Abs(value))));
        return Math.Round(value * scale) / scale;
    }
}
