using System.Globalization;
using Xunit.Abstractions;

namespace Engagement.Sdk.Tests.Value.Reference;

/// <summary>The brute-force fits of the naive likelihoods land on the published estimates: the reference and the papers agree.</summary>
public class NaiveFitTests(ITestOutputHelper output)
{
    private void Report(string model, NaiveFit.Fit fit) => output.WriteLine(
        $"{model}: {string.Join(", ", fit.Parameters.Select(p => p.ToString("0.#####", CultureInfo.InvariantCulture)))}; " +
        $"LL {fit.LogLikelihood.ToString("0.###", CultureInfo.InvariantCulture)}; {fit.Evaluations} evaluations");

    private static void Within(double published, double fitted, double relative, string name) =>
        Assert.True(
            Math.Abs(fitted - published) <= relative * Math.Abs(published),
            $"{name}: fitted {fitted:R}, published {published} (off by {Math.Abs(fitted - published) / Math.Abs(published):P3})");

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

        Within(PublishedEstimates.BgNbd.R, fit.Parameters[0], 0.01, "r");
        Within(PublishedEstimates.BgNbd.Alpha, fit.Parameters[1], 0.01, "α");
        Within(PublishedEstimates.BgNbd.A, fit.Parameters[2], 0.01, "a");
        Within(PublishedEstimates.BgNbd.B, fit.Parameters[3], 0.01, "b");
        Assert.Equal(PublishedEstimates.BgNbd.LogLikelihood, fit.LogLikelihood, 0.1);
    }

    [Fact]
    public void GammaGamma_OnTheRepeatBuyers_LandsOnFaderHardie2013()
    {
        var fit = NaiveFit.GammaGamma(CdnowData.ReadSummaryWithValues().Where(c => c.X > 0).ToList());
        Report("Gamma-Gamma", fit);

        Within(PublishedEstimates.GammaGamma.P, fit.Parameters[0], 0.01, "p");
        Within(PublishedEstimates.GammaGamma.Q, fit.Parameters[1], 0.01, "q");
        Within(PublishedEstimates.GammaGamma.Gamma, fit.Parameters[2], 0.01, "γ");
    }

    [Fact]
    public void BgBb_OnTheDonations_LandsOnFhs2010()
    {
        var fit = NaiveFit.BgBb(CdnowData.ReadDonations());
        Report("BG/BB", fit);

        Within(PublishedEstimates.BgBb.Alpha, fit.Parameters[0], 0.01, "α");
        Within(PublishedEstimates.BgBb.Beta, fit.Parameters[1], 0.01, "β");
        Within(PublishedEstimates.BgBb.Gamma, fit.Parameters[2], 0.01, "γ");
        Within(PublishedEstimates.BgBb.Delta, fit.Parameters[3], 0.01, "δ");
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

        Within(PublishedEstimates.ShiftedBetaGeometric.RegularAlpha, regular.Parameters[0], 0.01, "regular α");
        Within(PublishedEstimates.ShiftedBetaGeometric.RegularBeta, regular.Parameters[1], 0.01, "regular β");
        Within(PublishedEstimates.ShiftedBetaGeometric.HighEndAlpha, highEnd.Parameters[0], 0.01, "high-end α");
        Within(PublishedEstimates.ShiftedBetaGeometric.HighEndBeta, highEnd.Parameters[1], 0.01, "high-end β");
        Assert.Equal(PublishedEstimates.ShiftedBetaGeometric.RegularLogLikelihood, regular.LogLikelihood, 0.01);
        Assert.Equal(PublishedEstimates.ShiftedBetaGeometric.HighEndLogLikelihood, highEnd.LogLikelihood, 0.01);
    }
}
