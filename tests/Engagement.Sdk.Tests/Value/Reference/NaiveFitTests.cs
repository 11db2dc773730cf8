using System.Globalization;
using Xunit.Abstractions;

namespace Engagement.Sdk.Tests.Value.Reference;

/// <summary>The brute-force fits of the naive likelihoods land on the published estimates: the reference and the papers agree.</summary>
public class NaiveFitTests(ITestOutputHelper output)
{
    private void Report(string model, NaiveFit.Fit fit) => output.WriteLine(
        $"{model}: {string.Join(", ", fit.Parameters.Select(p => p.ToString("0.#####", CultureInfo.InvariantCulture)))}; " +
        $"LL {fit.LogLikelihood.ToString("0.###", CultureInfo.InvariantCulture)}; {fit.Evaluations} evaluations");

    /// <summary>Each fitted parameter is within 1% of the published one.</summary>
    private static void LandsOn(NaiveFit.Fit fit, params (string Name, double Published)[] parameters)
    {
        for (var i = 0; i < parameters.Length; i++)
        {
            var (name, published) = parameters[i];
            var fitted = fit.Parameters[i];
            Assert.True(
                Math.Abs(fitted - published) <= 0.01 * Math.Abs(published),
                $"{name}: fitted {fitted:R}, published {published} (off by {Math.Abs(fitted - published) / Math.Abs(published):P3})");
        }
    }

    [Fact]
    public void NelderMead_FindsAKnownMaximum()
    {
        // −(ln p₀ − ln 2)² − (ln p₁ − ln 3)²·4 peaks at (2, 3) with value 0.
        var fit = NaiveFit.Maximise(p => -Math.Pow(Math.Log(p[0] / 2), 2) - (4 * Math.Pow(Math.Log(p[1] / 3), 2)), [1, 1]);

        Assert.Equal(2, fit.Parameters[0], 1e-6);
        Assert.Equal(3, fit.Parameters[1], 1e-6);
        Assert.Equal(0, fit.LogLikelihood, 1e-12);
    }

    [Fact]
    public void BgNbd_OnTheCdnowSummary_LandsOnFhl2005()
    {
        var fit = NaiveFit.BgNbd(CdnowData.ReadSummary());
        Report("BG/NBD", fit);

        LandsOn(fit, ("r", PublishedEstimates.BgNbd.R), ("α", PublishedEstimates.BgNbd.Alpha), ("a", PublishedEstimates.BgNbd.A), ("b", PublishedEstimates.BgNbd.B));
        Assert.Equal(PublishedEstimates.BgNbd.LogLikelihood, fit.LogLikelihood, 0.1);
    }

    [Fact]
    public void GammaGamma_OnTheRepeatBuyers_LandsOnFaderHardie2013()
    {
        var fit = NaiveFit.GammaGamma(CdnowData.ReadSummaryWithValues().Where(c => c.X > 0).ToList());
        Report("Gamma-Gamma", fit);

        LandsOn(fit, ("p", PublishedEstimates.GammaGamma.P), ("q", PublishedEstimates.GammaGamma.Q), ("γ", PublishedEstimates.GammaGamma.Gamma));
    }

    [Fact]
    public void BgBb_OnTheDonations_LandsOnFhs2010()
    {
        var fit = NaiveFit.BgBb(CdnowData.ReadDonations());
        Report("BG/BB", fit);

        LandsOn(fit, ("α", PublishedEstimates.BgBb.Alpha), ("β", PublishedEstimates.BgBb.Beta), ("γ", PublishedEstimates.BgBb.Gamma), ("δ", PublishedEstimates.BgBb.Delta));
        Assert.Equal(PublishedEstimates.BgBb.LogLikelihood, fit.LogLikelihood, 0.1);
    }

    [Fact]
    public void ShiftedBetaGeometric_OnYearsZeroToSeven_LandsOnFaderHardie2007()
    {
        const int years = PublishedEstimates.ShiftedBetaGeometric.CalibrationYears + 1;
        var regular = NaiveFit.ShiftedBetaGeometric(PublishedEstimates.ShiftedBetaGeometric.Regular[..years]);
        var highEnd = NaiveFit.ShiftedBetaGeometric(PublishedEstimates.ShiftedBetaGeometric.HighEnd[..years]);
        Report("sBG regular", regular);
        Report("sBG high end", highEnd);

        LandsOn(regular, ("regular α", PublishedEstimates.ShiftedBetaGeometric.RegularAlpha), ("regular β", PublishedEstimates.ShiftedBetaGeometric.RegularBeta));
        LandsOn(highEnd, ("high-end α", PublishedEstimates.ShiftedBetaGeometric.HighEndAlpha), ("high-end β", PublishedEstimates.ShiftedBetaGeometric.HighEndBeta));
        Assert.Equal(PublishedEstimates.ShiftedBetaGeometric.RegularLogLikelihood, regular.LogLikelihood, 0.01);
        Assert.Equal(PublishedEstimates.ShiftedBetaGeometric.HighEndLogLikelihood, highEnd.LogLikelihood, 0.01);
    }
}
