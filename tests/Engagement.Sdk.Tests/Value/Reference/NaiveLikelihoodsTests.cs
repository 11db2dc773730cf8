using FsCheck;
using FsCheck.Fluent;
using static Engagement.Sdk.Tests.Value.Reference.NaiveLikelihoods;

namespace Engagement.Sdk.Tests.Value.Reference;

/// <summary>
/// The naive likelihoods and predictions on cases small enough to work by hand, and against the published figures of
/// <see cref="PublishedEstimates"/> (which the reference must reproduce before anything is compared with it).
/// </summary>
public class NaiveLikelihoodsTests
{
    private static readonly List<CdnowCustomer> Cdnow = CdnowData.ReadSummary();

    // ----- BG/NBD -----

    [Fact]
    public void BgNbd_HandWorked()
    {
        // r = α = a = b = 1. x = 0, T = 1: L = B(1, 1)/B(1, 1)·Γ(1)·1/(Γ(1)·2¹) = 1/2.
        Assert.Equal(Math.Log(0.5), BgNbdLogLikelihood(1, 1, 1, 1, 0, 0, 1), 1e-14);
        // x = 1, t_x = 1, T = 2: alive B(1, 2)·Γ(2)/3² = 1/2·1/9 = 1/18; dropped B(2, 1)·Γ(2)/2² = 1/2·1/4 = 1/8; L = 13/72,
        // and P(alive) = (1/18)/(13/72) = 4/13 — as the closed form 1/(1 + a/(b + x − 1)·((α + T)/(α + t_x))^(r+x)) = 1/(1 + 9/4).
        Assert.Equal(Math.Log(13.0 / 72), BgNbdLogLikelihood(1, 1, 1, 1, 1, 1, 2), 1e-14);
        Assert.Equal(4.0 / 13, BgNbdProbabilityAlive(1, 1, 1, 1, 1, 1, 2), 1e-14);
        Assert.Equal(1.0, BgNbdProbabilityAlive(0.243, 4.414, 0.793, 2.426, 0, 0, 38.86));
    }

    [Fact]
    public void BgNbd_ProbabilitiesOfPurchases_HandWorked()
    {
        // r = α = a = b = 1, t = 1: NBD(1, 1) is geometric: P(N = n) = (1/2)^(n+1), tail P(N ≥ n) = (1/2)^n.
        // P(X = 0) = B(1, 1)/B(1, 1)·1/2 = 1/2; P(X = 1) = B(1, 2)·1/4 + B(2, 1)·1/2 = 1/8 + 1/4 = 3/8;
        // P(X = 2) = B(1, 3)/B(1, 1)·1/8 + B(2, 2)·1/4 = 1/24 + 1/24 = 1/12.
        Assert.Equal(0.5, BgNbdProbabilityOfPurchases(1, 1, 1, 1, 1, 0), 1e-15);
        Assert.Equal(3.0 / 8, BgNbdProbabilityOfPurchases(1, 1, 1, 1, 1, 1), 1e-15);
        Assert.Equal(1.0 / 12, BgNbdProbabilityOfPurchases(1, 1, 1, 1, 1, 2), 1e-15);
        Assert.Equal(1.0, BgNbdProbabilityOfPurchases(1, 1, 1, 1, 0, 0));
        Assert.Equal(0.0, BgNbdExpectedPurchases(1, 1, 1, 1, 0));
    }

    [Fact]
    public void BgNbd_HardiesSpreadsheetRows()
    {
        // Hardie's BG/NBD sheet (as read out in a reading note of FHL 2005) at the published estimates: customer 0001
        // (x = 2, t_x = 30.43, T = 38.86) ln L = −0.839 − 0.491 + ln(e^−8.449 + e^−9.427) = −9.46. Customer 0003 (x = 0),
        // by hand: ln A₁ + ln A₃ = 0.243·ln 4.414 − 0.243·ln(4.414 + 38.86) = 0.243·1.484780 − 0.243·3.767553 = −0.554714
        // (the note's −0.554 adds rounded components).
        Assert.Equal(-9.46, BgNbdLogLikelihood(0.243, 4.414, 0.793, 2.426, 2, 30.43, 38.86), 0.005);
        Assert.Equal(-0.554714, BgNbdLogLikelihood(0.243, 4.414, 0.793, 2.426, 0, 0, 38.86), 0.000002);
    }

    [Fact]
    public void BgNbd_ReproducesThePublishedLogLikelihood()
    {
        var ll = BgNbdLogLikelihood(PublishedEstimates.BgNbd.R, PublishedEstimates.BgNbd.Alpha, PublishedEstimates.BgNbd.A, PublishedEstimates.BgNbd.B, Cdnow);

        Assert.Equal(PublishedEstimates.BgNbd.LogLikelihood, ll, 0.1);
    }

    [Fact]
    public void BgNbd_ReproducesThePublishedPredictions()
    {
        const double r = PublishedEstimates.BgNbd.R, alpha = PublishedEstimates.BgNbd.Alpha, a = PublishedEstimates.BgNbd.A, b = PublishedEstimates.BgNbd.B;
        foreach (var (t, expected) in PublishedEstimates.BgNbd.ExpectedPurchases)
        {
            // The sheet computes with its unrounded estimates; the 3-decimal ones move r/α by up to 0.3%. Published to 4 decimals.
            Assert.True(Math.Abs(expected - BgNbdExpectedPurchases(r, alpha, a, b, t)) <= (0.003 * expected) + 0.00005, $"E[X({t})]");
        }

        var (x, tx, T, horizon, conditional) = PublishedEstimates.BgNbd.ConditionalExpectation;
        Assert.Equal(conditional, BgNbdConditionalExpectedPurchases(r, alpha, a, b, horizon, x, tx, T), 0.001);

        foreach (var (t, n, probability) in PublishedEstimates.BgNbd.PurchaseProbabilities)
        {
            Assert.True(
                Math.Abs(BgNbdProbabilityOfPurchases(r, alpha, a, b, t, n) - probability) <= 1e-6 * probability,
                $"P(X({t}) = {n}): BTYD {probability}, reference {BgNbdProbabilityOfPurchases(r, alpha, a, b, t, n)}");
        }
    }

    [Theory]
    [InlineData(0.243, 4.414, 0.793, 2.426, 3)]
    [InlineData(0.243, 4.414, 0.793, 2.426, 30)]
    [InlineData(2.243, 43.274, 0.793, 4.426, 39)] // the posterior of customer 0001, for E[Y(39)]
    [InlineData(1.5, 2, 3.5, 0.8, 10)]
    public void BgNbd_ExpectationBySummation_IsFhlEquation9(double r, double alpha, double a, double b, double t)
    {
        // FHL eq. 9: E[X(t)] = (a + b − 1)/(a − 1)·[1 − (α/(α + t))ʳ ₂F₁(r, b; a + b − 1; t/(α + t))], with the series
        // series reference for ₂F₁ (so t/(α + t) ≤ 0.9 here).
        var f = NaiveHypergeometric.Evaluate(r, b, a + b - 1, t / (alpha + t));
        var closedForm = (a + b - 1) / (a - 1) * (1 - (Math.Pow(alpha / (alpha + t), r) * f));

        Assert.Equal(closedForm, BgNbdExpectedPurchases(r, alpha, a, b, t), 1e-10);
    }

    [Fact]
    public void BgNbd_ProbabilitiesSumToOne_AndTheirMeanIsTheExpectation()
    {
        const double r = 0.243, alpha = 4.414, a = 0.793, b = 2.426, t = 20;
        // NBD(0.243, 4.414) at t = 20 has P(N ≥ n) ≈ 0.82ⁿ: beyond n = 400 nothing is left at 1e-12.
        var probabilities = Enumerable.Range(0, 400).Select(n => BgNbdProbabilityOfPurchases(r, alpha, a, b, t, n)).ToList();

        Assert.Equal(1.0, probabilities.Sum(), 1e-12);
        Assert.Equal(probabilities.Select((p, n) => p * n).Sum(), BgNbdExpectedPurchases(r, alpha, a, b, t), 1e-12);
    }

    // ----- Pareto/NBD -----

    [Fact]
    public void ParetoNbd_HandWorked()
    {
        // r = α = s = β = 1, x = 0, T = 1: N(u) = 1/(1 + u), S(1) = 1/2, f(τ) = 1/(1 + τ)²;
        // L = 1/2·1/2 + ∫₀¹ (1 + τ)⁻³ dτ = 1/4 + (1/2 − 1/8) = 5/8.
        Assert.Equal(Math.Log(5.0 / 8), ParetoNbdLogLikelihood(1, 1, 1, 1, 0, 0, 1), 1e-12);
        // x = 1, t_x = T = 1: no room to drop out after the last purchase; L = N(1)S(1) = Γ(2)/2²·1/2 = 1/8, P(alive) = 1.
        Assert.Equal(Math.Log(1.0 / 8), ParetoNbdLogLikelihood(1, 1, 1, 1, 1, 1, 1), 1e-14);
        Assert.Equal(1.0, ParetoNbdProbabilityAlive(1, 1, 1, 1, 1, 1, 1), 1e-14);
        // x = 0, T = 1: P(alive) = (1/4)/(5/8) = 2/5.
        Assert.Equal(0.4, ParetoNbdProbabilityAlive(1, 1, 1, 1, 0, 0, 1), 1e-12);
        // E[X(t)] = (r/α)∫₀ᵗ β/(β + u) du = ln(1 + t) with r = α = s = β = 1.
        Assert.Equal(Math.Log(3), ParetoNbdExpectedPurchases(1, 1, 1, 1, 2), 1e-12);
    }

    [Fact]
    public void ParetoNbd_ProbabilitiesOfPurchases_HandWorked_AndSumToOne()
    {
        // r = α = s = β = 1, t = 1, n = 0: NBD(0; 1, 1, u) = 1/(1 + u); P = 1/2·1/2 + ∫₀¹ (1 + τ)⁻³ dτ = 5/8 (as the
        // likelihood of x = 0, T = 1: with no purchase the likelihood is this probability).
        Assert.Equal(5.0 / 8, ParetoNbdProbabilityOfPurchases(1, 1, 1, 1, 1, 0), 1e-12);

        var (r, alpha, s, beta) = PublishedEstimates.ParetoNbd.Btyd;
        var probabilities = Enumerable.Range(0, 200).Select(n => ParetoNbdProbabilityOfPurchases(r, alpha, s, beta, 26, n)).ToList();
        Assert.Equal(1.0, probabilities.Sum(), 1e-9);
        Assert.Equal(ParetoNbdExpectedPurchases(r, alpha, s, beta, 26), probabilities.Select((p, n) => p * n).Sum(), 1e-9);
    }

    [Fact]
    public void ParetoNbd_ReproducesThePublishedLogLikelihoods()
    {
        var btyd = PublishedEstimates.ParetoNbd.Btyd;
        Assert.Equal(PublishedEstimates.ParetoNbd.BtydLogLikelihood, ParetoNbdLogLikelihood(btyd.R, btyd.Alpha, btyd.S, btyd.Beta, Cdnow), 0.005);

        var paper = ParetoNbdLogLikelihood(PublishedEstimates.ParetoNbd.R, PublishedEstimates.ParetoNbd.Alpha, PublishedEstimates.ParetoNbd.S, PublishedEstimates.ParetoNbd.Beta, Cdnow);
        Assert.Equal(PublishedEstimates.ParetoNbd.LogLikelihood, paper, 0.1);
    }

    [Fact]
    public void ParetoNbd_ReproducesBtydsPredictions()
    {
        var (r, alpha, s, beta) = PublishedEstimates.ParetoNbd.Btyd;
        var (x, tx, T, alive) = PublishedEstimates.ParetoNbd.ProbabilityAlive;
        Assert.Equal(alive, ParetoNbdProbabilityAlive(r, alpha, s, beta, x, tx, T), 0.00005);

        var (cx, ctx, cT, horizon, conditional) = PublishedEstimates.ParetoNbd.ConditionalExpectation;
        Assert.Equal(conditional, ParetoNbdConditionalExpectedPurchases(r, alpha, s, beta, horizon, cx, ctx, cT), 0.01);

        var expected = PublishedEstimates.ParetoNbd.ExpectedPurchases;
        var (er, ealpha, es, ebeta) = PublishedEstimates.ParetoNbd.ExpectationParameters;
        for (var t = 0; t < expected.Length; t++)
        {
            Assert.Equal(expected[t], ParetoNbdExpectedPurchases(er, ealpha, es, ebeta, t), 1e-8); // published to 8 decimals
        }
    }

    // ----- Gamma-Gamma -----

    [Fact]
    public void GammaGamma_DensityIsTheGammaMixture()
    {
        // z̄ | ν ~ gamma(shape px, rate νx) and ν ~ gamma(q, γ): integrate ν out numerically and compare with eq. 4.
        const double p = 6.25, q = 3.74, gamma = 15.44, zbar = 22.35;
        const int x = 2;
        double Mixed(double nu) => Math.Exp(
            (p * x * Math.Log(nu * x)) + (((p * x) - 1) * Math.Log(zbar)) - (nu * x * zbar) - MathNet.Numerics.SpecialFunctions.GammaLn(p * x)
            + (q * Math.Log(gamma)) + ((q - 1) * Math.Log(nu)) - (gamma * nu) - MathNet.Numerics.SpecialFunctions.GammaLn(q));
        var numeric = NaiveQuadrature.Integrate(Mixed, 1e-12, 3, 1e-16);

        Assert.Equal(Math.Log(numeric), GammaGammaLogLikelihood(p, q, gamma, x, zbar), 1e-9);
    }

    [Fact]
    public void GammaGamma_ReproducesHardiesSpreadsheet()
    {
        var customers = CdnowData.ReadSummaryWithValues();
        var published = PublishedEstimates.GammaGamma.ConditionalExpectedAverageValues;
        for (var i = 0; i < published.Length; i++)
        {
            var c = customers[i];
            var value = GammaGammaConditionalExpectedAverageValue(
                PublishedEstimates.GammaGamma.P, PublishedEstimates.GammaGamma.Q, PublishedEstimates.GammaGamma.Gamma, c.X, c.Zbar ?? 0);
            Assert.Equal(published[i], value, 0.1);
        }
    }

    // ----- BG/BB -----

    [Fact]
    public void BgBb_HandWorked()
    {
        // α = β = γ = δ = 1, n = 1. x = 0: alive B(1, 2)·B(1, 2) = 1/4, plus gone after 0 opportunities B(1, 1)·B(2, 1) = 1/2:
        // L = 3/4. x = 1, t_x = 1: B(2, 1)·B(1, 2) = 1/4. With n = 1 they are the joint probabilities: they sum to 1.
        Assert.Equal(Math.Log(0.75), BgBbLogLikelihood(1, 1, 1, 1, 0, 0, 1), 1e-14);
        Assert.Equal(Math.Log(0.25), BgBbLogLikelihood(1, 1, 1, 1, 1, 1, 1), 1e-14);
        Assert.Equal(0.75, BgBbProbabilityOfPurchases(1, 1, 1, 1, 0, 1), 1e-14);
        // P(alive at 2 | x = 1, t_x = 1, n = 1) = B(2, 1)·B(1, 3)/L = (1/2·1/3)/(1/4) = 2/3.
        Assert.Equal(2.0 / 3, BgBbProbabilityAlive(1, 1, 1, 1, 1, 1, 1), 1e-14);
        // E[X(1, 2) | x = 1, t_x = 1, n = 1] = B(3, 1)·B(1, 3)/L = (1/3·1/3)/(1/4) = 4/9.
        Assert.Equal(4.0 / 9, BgBbConditionalExpectedPurchases(1, 1, 1, 1, 1, 1, 1, 1), 1e-14);
    }

    [Fact]
    public void BgBb_ProbabilitiesOfPurchasesSumToOne()
    {
        var total = Enumerable.Range(0, 7).Sum(x => BgBbProbabilityOfPurchases(1.204, 0.750, 0.657, 2.783, x, 6));

        Assert.Equal(1.0, total, 1e-12);
    }

    [Fact]
    public void BgBb_ReproducesThePublishedFigures()
    {
        const double alpha = PublishedEstimates.BgBb.Alpha, beta = PublishedEstimates.BgBb.Beta, gamma = PublishedEstimates.BgBb.Gamma, delta = PublishedEstimates.BgBb.Delta;
        var donations = CdnowData.ReadDonations();

        Assert.Equal(PublishedEstimates.BgBb.LogLikelihood, BgBbLogLikelihood(alpha, beta, gamma, delta, donations), 0.5);
        foreach (var (x, tx, alive) in PublishedEstimates.BgBb.ProbabilityAlive)
        {
            Assert.Equal(alive, BgBbProbabilityAlive(alpha, beta, gamma, delta, x, tx, 6), 0.005);
        }

        // The sheet's counts come from its unrounded estimates; the 3-decimal ones move them by about 0.03%.
        Assert.Equal(PublishedEstimates.BgBb.ExpectedWithNone, PublishedEstimates.BgBb.Donors * BgBbProbabilityOfPurchases(alpha, beta, gamma, delta, 0, 6), 2.0);
        Assert.Equal(PublishedEstimates.BgBb.ExpectedWithSix, PublishedEstimates.BgBb.Donors * BgBbProbabilityOfPurchases(alpha, beta, gamma, delta, 6, 6), 2.0);
        var holdout = donations.Sum(h => h.Count * BgBbConditionalExpectedPurchases(alpha, beta, gamma, delta, 5, h.X, h.Tx, h.N));
        Assert.Equal(PublishedEstimates.BgBb.ExpectedHoldoutDonations, holdout, 10.0);
    }

    // ----- sBG -----

    [Fact]
    public void ShiftedBetaGeometric_HandWorked()
    {
        // α = β = 1: P(T = t) = 1/(t(t + 1)), S(t) = 1/(t + 1). Cohort 10 → 5 → 3: ln L = 5 ln ½ + 2 ln ⅙ + 3 ln ⅓.
        Assert.Equal(0.5, ShiftedBetaGeometricChurn(1, 1, 1), 1e-13); // MathNet's BetaLn is good to a few 1e-15
        Assert.Equal(1.0 / 3, ShiftedBetaGeometricSurvival(1, 1, 2), 1e-13);
        Assert.Equal((5 * Math.Log(0.5)) + (2 * Math.Log(1.0 / 6)) + (3 * Math.Log(1.0 / 3)), ShiftedBetaGeometricLogLikelihood(1, 1, [10, 5, 3]), 1e-13);
    }

    [Fact]
    public void ShiftedBetaGeometric_HighEndAtOne_IsJdmaturensFigure()
    {
        var calibration = PublishedEstimates.ShiftedBetaGeometric.HighEnd[..(PublishedEstimates.ShiftedBetaGeometric.CalibrationYears + 1)];

        Assert.Equal(PublishedEstimates.ShiftedBetaGeometric.HighEndLogLikelihoodPerCustomerAtOne, ShiftedBetaGeometricLogLikelihood(1, 1, calibration) / 1000, 0.001);
    }

    [Fact]
    public void ShiftedBetaGeometric_ReproducesThePublishedLogLikelihoods()
    {
        const int years = PublishedEstimates.ShiftedBetaGeometric.CalibrationYears + 1;
        var regular = PublishedEstimates.ShiftedBetaGeometric.Regular[..years];
        var highEnd = PublishedEstimates.ShiftedBetaGeometric.HighEnd[..years];

        Assert.Equal(
            PublishedEstimates.ShiftedBetaGeometric.RegularLogLikelihood,
            ShiftedBetaGeometricLogLikelihood(PublishedEstimates.ShiftedBetaGeometric.RegularAlpha, PublishedEstimates.ShiftedBetaGeometric.RegularBeta, regular),
            0.01);
        Assert.Equal(
            PublishedEstimates.ShiftedBetaGeometric.HighEndLogLikelihood,
            ShiftedBetaGeometricLogLikelihood(PublishedEstimates.ShiftedBetaGeometric.HighEndAlpha, PublishedEstimates.ShiftedBetaGeometric.HighEndBeta, highEnd),
            0.01);
    }

    // ----- properties the issue lists, on the reference itself -----

    /// <summary>BG/NBD parameters in [0.05, 20] (a ≠ 1 nearby is fine here), a customer with x ≤ 60, t_x ≤ T ≤ 100.</summary>
    private static Arbitrary<(double R, double Alpha, double A, double B, int X, double Tx, double T)> BgNbdCases() =>
        Arb.From(
            HistoryCases.Generate(5, 2000, (100, 100, 100, 100), maxFrequency: 60, minAge: 0, maxAge: 10_000, ageScale: 100)
                .Select(h => (R: h.P1, Alpha: h.P2, A: h.P3, B: h.P4, h.X, h.Tx, h.T)),
            c => new[] { c with { X = 0, Tx = 0 }, c with { R = 1, Alpha = 1, A = 1, B = 1 } }.Where(s => s != c));

    [Fact]
    public void ParetoNbd_LogLikelihoodFinite_ProbabilityAliveInUnitInterval_ExpectationIncreasing() =>
        // The same ranges, read as (r, α, s, β); the integrals are slow, so fewer cases.
        LikelihoodAndPredictionsAreSane(
            c => ParetoNbdLogLikelihood(c.R, c.Alpha, c.A, c.B, c.X, c.Tx, c.T),
            c => ParetoNbdProbabilityAlive(c.R, c.Alpha, c.A, c.B, c.X, c.Tx, c.T),
            (c, t) => ParetoNbdExpectedPurchases(c.R, c.Alpha, c.A, c.B, t),
            aliveWithoutRepeats: false).Check(Config.QuickThrowOnFailure.WithMaxTest(50));

    [Fact]
    public void BgNbd_LogLikelihoodFinite_ProbabilityAliveInUnitInterval_ExpectationIncreasing() =>
        LikelihoodAndPredictionsAreSane(
            c => BgNbdLogLikelihood(c.R, c.Alpha, c.A, c.B, c.X, c.Tx, c.T),
            c => BgNbdProbabilityAlive(c.R, c.Alpha, c.A, c.B, c.X, c.Tx, c.T),
            (c, t) => BgNbdExpectedPurchases(c.R, c.Alpha, c.A, c.B, t),
            aliveWithoutRepeats: true).QuickCheckThrowOnFailure();

    /// <summary>
    /// The properties: LL finite, P(alive) in [0, 1] (and 1 without repeat purchases under BG/NBD), E[X(t)]
    /// increasing — allowing rounding where it saturates (fast purchases and fast dropout leave nothing to add).
    /// </summary>
    private static Property LikelihoodAndPredictionsAreSane(
        Func<(double R, double Alpha, double A, double B, int X, double Tx, double T), double> logLikelihood,
        Func<(double R, double Alpha, double A, double B, int X, double Tx, double T), double> probabilityAlive,
        Func<(double R, double Alpha, double A, double B, int X, double Tx, double T), double, double> expected,
        bool aliveWithoutRepeats) =>
        Prop.ForAll(BgNbdCases(), c =>
        {
            var ll = logLikelihood(c);
            var alive = probabilityAlive(c);
            var early = expected(c, c.T / 2);
            var late = expected(c, (c.T / 2) + 1);
            return (double.IsFinite(ll) && alive is >= 0 and <= 1 && (c.X > 0 || !aliveWithoutRepeats || alive == 1)
                    && late >= early * (1 - 1e-9) && (early > 0 || c.T == 0))
                .Label($"ll {ll}, P(alive) {alive}, E[X] {early} → {late}");
        });
}
