using static MathNet.Numerics.SpecialFunctions;

namespace Engagement.Sdk.Tests.Value.Reference;

/// <summary>
/// Per-customer log-likelihoods and predictions of the "buy till you die" models, written straight from the papers'
/// formulas and, where the optimised code needs ₂F₁, by another route (a sum over counts, an integral over time), so
/// that a property test comparing the two compares two derivations, not one formula typed twice.
/// </summary>
/// <remarks>
/// <para>Parameters come first, in each paper's order; then the customer's data; every time is in the data's unit.</para>
/// <para>
/// Routes taken (and why they are independent of the closed forms):
/// <list type="bullet">
/// <item>BG/NBD LL and P(alive): FHL (2005) eq. 6 and the ratio of its "still alive" term to the whole (eq. A2 mixed).</item>
/// <item>BG/NBD E[X(t)]: Σₙ n·P(X(t) = n) with P(X(t) = n) of FHL eq. 8, the NBD tail summed backwards — not eq. 9's ₂F₁.</item>
/// <item>BG/NBD E[Y(t) | x, t_x, T]: P(alive) × the new-customer E[X(t)] at the posterior (r + x, α + T, a, b + x) — an alive
/// customer's future is a fresh BG/NBD process (Poisson memoryless, dropout only after purchases) — not eq. 10's ₂F₁.</item>
/// <item>Pareto/NBD LL: λ integrated out analytically (a gamma mixture of Poissons), the dropout time τ ~ Lomax(s, β)
/// (exponential with a gamma rate) integrated numerically: L = N(T)S(T) + ∫ from t_x to T of N(τ)f(τ) dτ, with
/// N(u) = Γ(r + x)αʳ/(Γ(r)(α + u)^(r+x)) — not Schmittlein et al.'s (1987) ₂F₁ closed form.</item>
/// <item>Pareto/NBD E[X(t)] = E[λ]·∫₀ᵗ E[e^(−μu)] du, numerically; conditional: P(alive) × the same at (r + x, α + T, s, β + T).</item>
/// <item>Gamma-Gamma: Fader &amp; Hardie (2013) eqs. 4–5 (the marginal density of z̄ and the posterior mean).</item>
/// <item>BG/BB: Fader, Hardie &amp; Shang (2010) eq. 5 (the sum over i), eq. 7, P(alive at n + 1), and the conditional
/// expectation as a sum over future opportunities of P(alive there and buys) — not eq. 13's gamma-ratio form.</item>
/// <item>sBG: Fader &amp; Hardie (2007) eqs. 4–5 and the survivors' LL of their Section 4.</item>
/// </list>
/// </para>
/// </remarks>
internal static class NaiveLikelihoods
{
    // ----- BG/NBD (Fader, Hardie & Lee 2005) -----

    /// <summary>ln L(r, α, a, b | x, t_x, T), FHL eq. 6.</summary>
    public static double BgNbdLogLikelihood(double r, double alpha, double a, double b, int x, double tx, double T) =>
        Total(BgNbdTerms(r, alpha, a, b, x, tx, T));

    /// <summary>Σ over the customers of <see cref="BgNbdLogLikelihood(double, double, double, double, int, double, double)"/>.</summary>
    public static double BgNbdLogLikelihood(double r, double alpha, double a, double b, IEnumerable<CdnowCustomer> customers) =>
        SumOverDistinct(customers, (x, tx, T) => BgNbdLogLikelihood(r, alpha, a, b, x, tx, T));

    /// <summary>P(alive at T | x, t_x, T): the "no dropout yet" term of eq. 6 over the whole; 1 when x = 0.</summary>
    public static double BgNbdProbabilityAlive(double r, double alpha, double a, double b, int x, double tx, double T) =>
        AliveShare(BgNbdTerms(r, alpha, a, b, x, tx, T));

    /// <summary>P(X(t) = n) for a new customer, FHL eq. 8.</summary>
    public static double BgNbdProbabilityOfPurchases(double r, double alpha, double a, double b, double t, int n)
    {
        var (pmf, tail) = NbdProbabilitiesAndTails(r, alpha, t, n);
        return BgNbdProbability(a, b, n, pmf[n], tail[n]);
    }

    /// <summary>E[X(t)] for a new customer, as Σₙ n·P(X(t) = n) (FHL eq. 8), the sum run until the NBD tail is below 10⁻³⁰.</summary>
    public static double BgNbdExpectedPurchases(double r, double alpha, double a, double b, double t)
    {
        var (pmf, tail) = NbdProbabilitiesAndTails(r, alpha, t, 0);
        var expected = 0.0;
        for (var n = 1; n < pmf.Length; n++)
        {
            expected += n * BgNbdProbability(a, b, n, pmf[n], tail[n]);
        }

        return expected;
    }

    /// <summary>E[Y(t) | x, t_x, T]: P(alive) × E[X(t)] of a new customer at the posterior (r + x, α + T, a, b + x).</summary>
    public static double BgNbdConditionalExpectedPurchases(double r, double alpha, double a, double b, double t, int x, double tx, double T) =>
        BgNbdProbabilityAlive(r, alpha, a, b, x, tx, T) * BgNbdExpectedPurchases(r + x, alpha + T, a, b + x, t);

    private static (double Alive, double Dead) BgNbdTerms(double r, double alpha, double a, double b, int x, double tx, double T)
    {
        // A₁ = Γ(r + x)αʳ/Γ(r); alive: B(a, b + x)/B(a, b)·A₁/(α + T)^(r+x); dropped after the x-th: B(a + 1, b + x − 1)/B(a, b)·A₁/(α + t_x)^(r+x).
        var a1 = GammaLn(r + x) - GammaLn(r) + (r * Math.Log(alpha));
        var alive = BetaLn(a, b + x) - BetaLn(a, b) + a1 - ((r + x) * Math.Log(alpha + T));
        var dead = x == 0
            ? double.NegativeInfinity
            : BetaLn(a + 1, b + x - 1) - BetaLn(a, b) + a1 - ((r + x) * Math.Log(alpha + tx));
        return (alive, dead);
    }

    /// <summary>P(X(t) = n) from the NBD probability of n and the NBD tail P(N ≥ n) (FHL eq. 8).</summary>
    private static double BgNbdProbability(double a, double b, int n, double nbd, double nbdTail)
    {
        var stillAlive = Math.Exp(BetaLn(a, b + n) - BetaLn(a, b)) * nbd;
        return n == 0 ? stillAlive : stillAlive + (Math.Exp(BetaLn(a + 1, b + n - 1) - BetaLn(a, b)) * nbdTail);
    }

    /// <summary>
    /// The NBD(r, α) probabilities of 0, 1, 2, … purchases in (0, t] — Γ(r + n)/(Γ(r) n!)·(α/(α + t))ʳ(t/(α + t))ⁿ — up to at
    /// least <paramref name="atLeast"/> and until past the mean with a probability below 10⁻³⁰; and the tails P(N ≥ n),
    /// summed from the far end so that small tails keep their digits.
    /// </summary>
    private static (double[] Pmf, double[] Tail) NbdProbabilitiesAndTails(double r, double alpha, double t, int atLeast)
    {
        var pmf = new List<double>();
        if (t == 0)
        {
            pmf.Add(1); // nothing happens in no time
        }
        else
        {
            double logQ = Math.Log(alpha / (alpha + t)), logP = Math.Log(t / (alpha + t)), mean = r * t / alpha;
            for (var n = 0; n <= atLeast || n <= mean || pmf[^1] >= 1e-30; n++)
            {
                pmf.Add(Math.Exp(GammaLn(r + n) - GammaLn(r) - GammaLn(n + 1.0) + (r * logQ) + (n * logP)));
                if (n > 10_000_000)
                {
                    throw new InvalidOperationException($"NBD({r}, {alpha}) at t = {t} needs more than 10⁷ terms.");
                }
            }
        }

        while (pmf.Count <= atLeast)
        {
            pmf.Add(0);
        }

        var tail = new double[pmf.Count];
        var sum = 0.0;
        for (var n = pmf.Count - 1; n >= 0; n--)
        {
            sum += pmf[n];
            tail[n] = sum;
        }

        return ([.. pmf], tail);
    }

    // ----- Pareto/NBD (Schmittlein, Morrison & Colombo 1987) -----

    /// <summary>ln L(r, α, s, β | x, t_x, T) by integrating over the dropout time (see the class remarks).</summary>
    public static double ParetoNbdLogLikelihood(double r, double alpha, double s, double beta, int x, double tx, double T) =>
        Total(ParetoNbdTerms(r, alpha, s, beta, x, tx, T));

    /// <summary>Σ over the customers of <see cref="ParetoNbdLogLikelihood(double, double, double, double, int, double, double)"/>.</summary>
    public static double ParetoNbdLogLikelihood(double r, double alpha, double s, double beta, IEnumerable<CdnowCustomer> customers) =>
        SumOverDistinct(customers, (x, tx, T) => ParetoNbdLogLikelihood(r, alpha, s, beta, x, tx, T));

    /// <summary>P(alive at T | x, t_x, T): the "dropout after T" part of the likelihood over the whole.</summary>
    public static double ParetoNbdProbabilityAlive(double r, double alpha, double s, double beta, int x, double tx, double T) =>
        AliveShare(ParetoNbdTerms(r, alpha, s, beta, x, tx, T));

    /// <summary>E[X(t)] for a new customer: E[λ]·∫₀ᵗ P(τ &gt; u) du = (r/α)·∫₀ᵗ (β/(β + u))ˢ du, integrated numerically.</summary>
    public static double ParetoNbdExpectedPurchases(double r, double alpha, double s, double beta, double t) =>
        r / alpha * NaiveQuadrature.Integrate(u => Math.Pow(beta / (beta + u), s), 0, t, 1e-14 * Math.Max(t, 1e-300));

    /// <summary>
    /// P(X(t) = n) for a new customer: NBD(n; r, α, t)·P(τ &gt; t) + ∫₀ᵗ NBD(n; r, α, τ)·f(τ) dτ — the purchases of the
    /// time alive, whether the customer outlives t or drops out at τ before it — the integral taken numerically.
    /// </summary>
    public static double ParetoNbdProbabilityOfPurchases(double r, double alpha, double s, double beta, double t, int n)
    {
        double Nbd(double u) => u == 0
            ? (n == 0 ? 1 : 0)
            : Math.Exp(GammaLn(r + n) - GammaLn(r) - GammaLn(n + 1.0) + (r * Math.Log(alpha / (alpha + u))) + (n * Math.Log(u / (alpha + u))));
        double Density(double tau) => s * Math.Pow(beta, s) / Math.Pow(beta + tau, s + 1);

        var outlives = Nbd(t) * Math.Pow(beta / (beta + t), s);
        return outlives + NaiveQuadrature.Integrate(tau => Nbd(tau) * Density(tau), 0, t, 1e-15);
    }

    /// <summary>E[Y(t) | x, t_x, T]: P(alive) × E[X(t)] at the posterior (r + x, α + T, s, β + T).</summary>
    public static double ParetoNbdConditionalExpectedPurchases(double r, double alpha, double s, double beta, double t, int x, double tx, double T) =>
        ParetoNbdProbabilityAlive(r, alpha, s, beta, x, tx, T) * ParetoNbdExpectedPurchases(r + x, alpha + T, s, beta + T, t);

    private static (double Alive, double Dead) ParetoNbdTerms(double r, double alpha, double s, double beta, int x, double tx, double T)
    {
        // ln N(u): λˣe^(−λu) integrated over λ ~ gamma(r, α). Dropout time τ: P(τ > u) = (β/(β + u))ˢ, density sβˢ/(β + u)^(s+1).
        double LogN(double u) => GammaLn(r + x) - GammaLn(r) + (r * Math.Log(alpha)) - ((r + x) * Math.Log(alpha + u));
        double LogDensity(double tau) => Math.Log(s) + (s * Math.Log(beta)) - ((s + 1) * Math.Log(beta + tau));

        var alive = LogN(T) + (s * Math.Log(beta / (beta + T)));
        if (T <= tx)
        {
            return (alive, double.NegativeInfinity);
        }

        // Both factors fall with τ, so the integrand peaks at t_x; integrate it scaled to 1 there. It falls by e within
        // about 1/((r + x)/(α + t_x) + (s + 1)/(β + t_x)), which bounds the integral from below: the tolerance follows.
        var peak = LogN(tx) + LogDensity(tx);
        var width = Math.Min(T - tx, 1 / (((r + x) / (alpha + tx)) + ((s + 1) / (beta + tx))));
        var integral = NaiveQuadrature.Integrate(tau => Math.Exp(LogN(tau) + LogDensity(tau) - peak), tx, T, 1e-13 * width);
        return (alive, peak + Math.Log(integral));
    }

    // ----- Gamma-Gamma (Fader & Hardie 2013, "The Gamma-Gamma Model of Monetary Value") -----

    /// <summary>ln f(z̄ | p, q, γ; x), eq. 4: Γ(px + q)/(Γ(px)Γ(q))·γ^q·z̄^(px−1)·x^(px)/(γ + x z̄)^(px+q); x ≥ 1, z̄ &gt; 0.</summary>
    public static double GammaGammaLogLikelihood(double p, double q, double gamma, int x, double zbar) =>
        GammaLn((p * x) + q) - GammaLn(p * x) - GammaLn(q) + (q * Math.Log(gamma)) + (((p * x) - 1) * Math.Log(zbar))
        + (p * x * Math.Log(x)) - (((p * x) + q) * Math.Log(gamma + (x * zbar)));

    /// <summary>Σ over the repeat buyers (x &gt; 0) of <see cref="GammaGammaLogLikelihood(double, double, double, int, double)"/>.</summary>
    public static double GammaGammaLogLikelihood(double p, double q, double gamma, IEnumerable<CdnowCustomer> customers) =>
        customers.Where(c => c.X > 0).Sum(c => GammaGammaLogLikelihood(p, q, gamma, c.X, c.Zbar!.Value));

    /// <summary>E[M | p, q, γ, z̄, x], eq. 5: p(γ + x z̄)/(px + q − 1); with x = 0 the population mean pγ/(q − 1).</summary>
    public static double GammaGammaConditionalExpectedAverageValue(double p, double q, double gamma, int x, double zbar) =>
        p * (gamma + (x * zbar)) / ((p * x) + q - 1);

    // ----- BG/BB (Fader, Hardie & Shang 2010) -----

    /// <summary>ln L(α, β, γ, δ | x, t_x, n), FHS eq. 5 (without normalising constants, as published).</summary>
    public static double BgBbLogLikelihood(double alpha, double beta, double gamma, double delta, int x, int tx, int n)
    {
        var terms = new List<double> { BgBbAliveTerm(alpha, beta, gamma, delta, x, n, n) };
        for (var i = 0; i <= n - tx - 1; i++)
        {
            // alive through t_x + i, gone at t_x + i + 1: p^x(1 − p)^(t_x − x + i)·θ(1 − θ)^(t_x + i)
            terms.Add(BetaLn(alpha + x, beta + tx - x + i) - BetaLn(alpha, beta) + BetaLn(gamma + 1, delta + tx + i) - BetaLn(gamma, delta));
        }

        return LogSumExp([.. terms]);
    }

    /// <summary>Σ over the rows (each counted <see cref="DonationHistory.Count"/> times) of the BG/BB LL.</summary>
    public static double BgBbLogLikelihood(double alpha, double beta, double gamma, double delta, IEnumerable<DonationHistory> rows) =>
        rows.Sum(h => h.Count * BgBbLogLikelihood(alpha, beta, gamma, delta, h.X, h.Tx, h.N));

    /// <summary>P(alive at opportunity n + 1 | x, t_x, n) (FHS eq. 11): p^x(1 − p)^(n−x)(1 − θ)^(n+1) integrated, over L.</summary>
    public static double BgBbProbabilityAlive(double alpha, double beta, double gamma, double delta, int x, int tx, int n) =>
        Math.Exp(BgBbAliveTerm(alpha, beta, gamma, delta, x, n, n + 1) - BgBbLogLikelihood(alpha, beta, gamma, delta, x, tx, n));

    /// <summary>
    /// E[X(n, n + n*) | x, t_x, n], transactions in opportunities n + 1 … n + n*: Σⱼ P(alive at n + j and buys there) =
    /// (1/L)·Σⱼ₌₁ⁿ* B(α + x + 1, β + n − x)/B(α, β)·B(γ, δ + n + j)/B(γ, δ).
    /// </summary>
    public static double BgBbConditionalExpectedPurchases(double alpha, double beta, double gamma, double delta, int nStar, int x, int tx, int n)
    {
        var logL = BgBbLogLikelihood(alpha, beta, gamma, delta, x, tx, n);
        var expected = 0.0;
        for (var j = 1; j <= nStar; j++)
        {
            expected += Math.Exp(BetaLn(alpha + x + 1, beta + n - x) - BetaLn(alpha, beta) + BetaLn(gamma, delta + n + j) - BetaLn(gamma, delta) - logL);
        }

        return expected;
    }

    /// <summary>P(X(n) = x) for a new customer, FHS eq. 7: alive throughout, or gone after opportunity i = x … n − 1.</summary>
    public static double BgBbProbabilityOfPurchases(double alpha, double beta, double gamma, double delta, int x, int n)
    {
        var probability = BinomialCoefficient(n, x) * Math.Exp(BgBbAliveTerm(alpha, beta, gamma, delta, x, n, n));
        for (var i = x; i <= n - 1; i++)
        {
            probability += BinomialCoefficient(i, x)
                * Math.Exp(BetaLn(alpha + x, beta + i - x) - BetaLn(alpha, beta) + BetaLn(gamma + 1, delta + i) - BetaLn(gamma, delta));
        }

        return probability;
    }

    /// <summary>ln of p^x(1 − p)^(n−x)·(1 − θ)^alive integrated over p ~ beta(α, β), θ ~ beta(γ, δ).</summary>
    private static double BgBbAliveTerm(double alpha, double beta, double gamma, double delta, int x, int n, int alive) =>
        BetaLn(alpha + x, beta + n - x) - BetaLn(alpha, beta) + BetaLn(gamma, delta + alive) - BetaLn(gamma, delta);

    // ----- sBG (Fader & Hardie 2007) -----

    /// <summary>P(T = t) = B(α + 1, β + t − 1)/B(α, β): the probability of leaving at the end of period t = 1, 2, … (eq. 4).</summary>
    public static double ShiftedBetaGeometricChurn(double alpha, double beta, int t) =>
        Math.Exp(BetaLn(alpha + 1, beta + t - 1) - BetaLn(alpha, beta));

    /// <summary>S(t) = B(α, β + t)/B(α, β): the probability of still being a customer after t periods (eq. 5).</summary>
    public static double ShiftedBetaGeometricSurvival(double alpha, double beta, int t) =>
        Math.Exp(BetaLn(alpha, beta + t) - BetaLn(alpha, beta));

    /// <summary>
    /// The LL of a cohort observed for <c>survivors.Count − 1</c> periods (FH 2007 Sec. 4): Σₜ (sₜ₋₁ − sₜ)·ln P(T = t) + s_last·ln S(last),
    /// where <c>survivors[0]</c> is the cohort's size and <c>survivors[t]</c> those still there after t periods.
    /// </summary>
    public static double ShiftedBetaGeometricLogLikelihood(double alpha, double beta, IReadOnlyList<long> survivors)
    {
        var last = survivors.Count - 1;
        var ll = 0.0;
        for (var t = 1; t <= last; t++)
        {
            ll += (survivors[t - 1] - survivors[t]) * Math.Log(ShiftedBetaGeometricChurn(alpha, beta, t));
        }

        return ll + (survivors[last] * Math.Log(ShiftedBetaGeometricSurvival(alpha, beta, last)));
    }

    // ----- shared -----

    /// <summary>Σ over customers of a per-customer LL, computed once per distinct (x, t_x, T) and weighted by its count.</summary>
    private static double SumOverDistinct(IEnumerable<CdnowCustomer> customers, Func<int, double, double, double> logLikelihood) =>
        customers.GroupBy(c => (c.X, c.Tx, c.T)).Sum(g => g.Count() * logLikelihood(g.Key.X, g.Key.Tx, g.Key.T));

    /// <summary>ln L from the logs of its two parts: still alive at T, and gone before T.</summary>
    private static double Total((double Alive, double Dead) terms) => LogSumExp(terms.Alive, terms.Dead);

    /// <summary>P(alive at T): the still-alive part's share of the likelihood.</summary>
    private static double AliveShare((double Alive, double Dead) terms) => Math.Exp(terms.Alive - Total(terms));

    private static double BinomialCoefficient(int n, int k) => Math.Round(Math.Exp(GammaLn(n + 1.0) - GammaLn(k + 1.0) - GammaLn(n - k + 1.0)));

    private static double LogSumExp(params double[] logs)
    {
        var max = logs.Max();
        return double.IsNegativeInfinity(max) ? max : max + Math.Log(logs.Sum(l => Math.Exp(l - max)));
    }
}
