using System.Text.Json.Serialization;
using Engagement.Sdk.Statistics;
using MathNet.Numerics;

namespace Engagement.Sdk.Value;

/// <summary>
/// The beta-geometric/NBD model of repeat purchasing (Fader, Hardie &amp; Lee 2005): while alive, a customer buys as a
/// Poisson process with rate λ ~ Gamma(r, α); after each purchase the customer leaves with probability p ~ Beta(a, b).
/// </summary>
/// <remarks>
/// <para>
/// Fit it with <see cref="Fit"/> on <see cref="CustomerSummaries"/>; the model keeps the data's <see cref="Unit"/> and
/// predicts in it. Expressions (FHL 2005 and Fader &amp; Hardie's notes "Implementing the BG/NBD model" and "Computing
/// P(alive) using the BG/NBD model"), with ₂F₁ the Gauss hypergeometric function:
/// </para>
/// <list type="bullet">
/// <item>E[X(t)] = (a+b−1)/(a−1) · [1 − (α/(α+t))^r ₂F₁(r, b; a+b−1; t/(α+t))] (eq. 9).</item>
/// <item>P(X(t) = x) = B(a, b+x)/B(a, b) · Γ(r+x)/(Γ(r) x!) · (α/(α+t))^r (t/(α+t))^x
/// + 1{x&gt;0} B(a+1, b+x−1)/B(a, b) · [1 − Σⱼ₌₀ˣ⁻¹ Γ(r+j)/(Γ(r) j!) (α/(α+t))^r (t/(α+t))^j] (eq. 8).</item>
/// <item>E[Y(t) | x, t<sub>x</sub>, T] = (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))]
/// / [1 + 1{x&gt;0} a/(b+x−1) ((α+T)/(α+t<sub>x</sub>))^(r+x)] (eq. 10).</item>
/// <item>P(alive | x, t<sub>x</sub>, T) = 1 / [1 + 1{x&gt;0} a/(b+x−1) ((α+T)/(α+t<sub>x</sub>))^(r+x)]; 1 for x = 0, as the
/// model lets customers leave only right after a purchase.</item>
/// </list>
/// <para>
/// The expectations divide by a − 1; within 10⁻⁵ of a = 1, where the expression is 0/0 but the limit is finite,
/// they are the mean of the values at a ± 10⁻⁵ (relative error about 10⁻¹⁰); likewise at b ± 10⁻⁵ where the third
/// argument of ₂F₁, a + b + x − 1, is within 10⁻⁵ of its pole at 0. The bracket is E[(1 − (1 + k p)^−(r+x))/p] over
/// p ~ Beta(a, b + x) with k = t/(α + T), which lies between 1 − (1 + k)^−(r+x) and (r + x) k: for short horizons
/// (where the closed form is 1 minus a number close to 1) it is summed as a power series in k, and where the closed
/// form overflows or leaves those bounds (extreme parameters, thousands of purchases) it is integrated numerically,
/// so predictions are finite and at least 0 for every valid model and history. Equal when every parameter and the unit
/// are equal. Immutable and thread-safe.
/// </para>
/// </remarks>
public sealed class BgNbdModel : IRepeatPurchaseModel, IHistoryModel, IEquatable<BgNbdModel>
{
    private static readonly string[] Names = ["r", "alpha", "a", "b"];

    /// <summary>Creates a BG/NBD model from its parameters.</summary>
    /// <param name="r">The shape of the gamma distribution of purchase rates; finite, above 0.</param>
    /// <param name="alpha">The scale (in <paramref name="unit"/>s) of the gamma distribution of purchase rates; finite, above 0.</param>
    /// <param name="a">The first shape of the beta distribution of drop-out probabilities; finite, above 0.</param>
    /// <param name="b">The second shape of the beta distribution of drop-out probabilities; finite, above 0.</param>
    /// <param name="unit">The unit of time of the model.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is not finite and above 0, or <paramref name="unit"/> is
    /// not defined.</exception>
    [JsonConstructor]
    public BgNbdModel(double r, double alpha, double a, double b, TimeUnit unit)
    {
        RepeatPurchase.Parameters(Names, [r, alpha, a, b]);
        (R, Alpha, A, B, Unit) = (r, alpha, a, b, Validation.Defined(unit, nameof(unit)));
    }

    /// <summary>Gets r, the shape of the gamma distribution of purchase rates.</summary>
    public double R { get; }

    /// <summary>Gets α, the scale of the gamma distribution of purchase rates, in <see cref="Unit"/>s.</summary>
    public double Alpha { get; }

    /// <summary>Gets a, the first shape of the beta distribution of drop-out probabilities.</summary>
    public double A { get; }

    /// <summary>Gets b, the second shape of the beta distribution of drop-out probabilities.</summary>
    public double B { get; }

    /// <inheritdoc />
    public TimeUnit Unit { get; }

    /// <summary>Returns whether two models are equal.</summary>
    /// <param name="left">The first model.</param>
    /// <param name="right">The second model.</param>
    /// <returns><see langword="true"/> when the parameters and the unit are equal.</returns>
    public static bool operator ==(BgNbdModel? left, BgNbdModel? right) => Equals(left, right);

    /// <summary>Returns whether two models differ.</summary>
    /// <param name="left">The first model.</param>
    /// <param name="right">The second model.</param>
    /// <returns><see langword="true"/> when a parameter or the unit differs.</returns>
    public static bool operator !=(BgNbdModel? left, BgNbdModel? right) => !Equals(left, right);

    /// <summary>
    /// Fits the model to customer summaries by maximum likelihood: BFGS with the analytic gradient on the log scale
    /// of the parameters, from r = α = a = b = 1, the likelihood summed in parallel.
    /// </summary>
    /// <param name="data">The customers; at least one. The fitted model takes their unit.</param>
    /// <param name="options">The penalty, iteration limit, tolerance and parallelism; <see langword="null"/> for
    /// <see cref="ModelFitOptions.Default"/>.</param>
    /// <param name="cancellationToken">Checked at every evaluation of the likelihood.</param>
    /// <returns>The model and the diagnostics of the fit; check <see cref="FitDiagnostics.Status"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="data"/> has no customers.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static BgNbdFit Fit(CustomerSummaries data, ModelFitOptions? options = null, CancellationToken cancellationToken = default) =>
        RepeatPurchase.Fit(
            Names,
            data,
            options,
            threads =>
            {
                var likelihood = new BgNbdLikelihood(data, threads);
                return (likelihood.Evaluate, likelihood.Evaluate);
            },
            (theta, diagnostics) => new BgNbdFit(new BgNbdModel(theta[0], theta[1], theta[2], theta[3], data.Unit), diagnostics),
            cancellationToken);

    /// <summary>Returns the log-likelihood of the model for the customers of <paramref name="data"/>.</summary>
    /// <param name="data">The customers; in <see cref="Unit"/>.</param>
    /// <returns>The sum of the customers' log-likelihoods (0 for no customers).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="data"/> is in another unit.</exception>
    public double LogLikelihood(CustomerSummaries data)
    {
        RepeatPurchase.SameUnit(data, Unit, nameof(data));
        return data.Count == 0 ? 0 : new BgNbdLikelihood(data, 1).Evaluate([R, Alpha, A, B]);
    }

    /// <inheritdoc />
    public double ExpectedPurchases(double t)
    {
        RepeatPurchase.Horizon(t, nameof(t));
        if (t == 0)
        {
            return 0;
        }

        // Eq. 9 is eq. 10's bracket for a new customer: x = 0 and T = 0.
        return BgNbdExpectation.GivenAlive(A, B, 0, R, t / Alpha);
    }

    /// <inheritdoc />
    public double ProbabilityOfPurchases(int purchases, double t)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(purchases);
        RepeatPurchase.Horizon(t, nameof(t));
        var x = purchases;
        if (t == 0)
        {
            return x == 0 ? 1 : 0;
        }

        // In logs throughout: ln p = −ln(1 + t/α), ln(1 − p) = −ln(1 + α/t), and the Γ and B ratios without the
        // cancellation of large ln Γ, so huge r, a or b give the limits rather than NaN or 1.
        var (r, alpha, a, b) = (R, Alpha, A, B);
        var logP = -PreciseMath.LogOnePlus(t / alpha);
        var logQ = -PreciseMath.LogOnePlus(alpha / t);
        var logStill = PreciseMath.LogBeta(a, b + x) - PreciseMath.LogBeta(a, b)
            + PreciseMath.LogRising(r, x) - SpecialFunctions.GammaLn(x + 1.0) + (r * logP) + (x * logQ);
        var probability = Math.Exp(logStill);
        if (x > 0)
        {
            // B(a+1, b+x−1)/B(a, b) times P(NB(r, p) ≥ x) = I_{1−p}(x, r), the regularised incomplete beta.
            var left = Math.Exp(PreciseMath.LogBeta(a + 1, b + x - 1) - PreciseMath.LogBeta(a, b));
            probability += left * NegativeBinomialTail(x, r, t / (alpha + t), logP, logQ);
        }

        return Math.Clamp(probability, 0, 1);
    }

    /// <summary>P(NB(r, p) ≥ x) = I_{1−p}(x, r) with 1 − p = <paramref name="q"/>. Up to r = 10⁷ MathNet's incomplete
    /// beta (within 10⁻⁸ of the Poisson limit there; beyond it drifts, 0.3926 for 0.3935 at r = 10¹², and is NaN from
    /// about 10¹⁵⁰). Beyond, the probabilities themselves, each exact in logs, summed from x upwards when x is above
    /// the mean (the tail, however small), otherwise from x − 1 downwards and taken from 1; both sums stop where the
    /// terms fall below what can still count.</summary>
    private static double NegativeBinomialTail(int x, double r, double q, double logP, double logQ)
    {
        if (r <= 1e7)
        {
            return SpecialFunctions.BetaRegularized(x, r, q);
        }

        double LogProbability(int j) => PreciseMath.LogRising(r, j) - SpecialFunctions.GammaLn(j + 1.0) + (r * logP) + (j * logQ);

        double sum = 0;
        if (x > r * Math.Exp(logQ - logP))
        {
            // Above the mean the ratio of successive terms, (r + j)q/(j + 1), is below 1 and falling.
            var logTerm = LogProbability(x);
            for (var j = x; logTerm > -800 && (sum == 0 || logTerm > Math.Log(sum) - 40); j++)
            {
                sum += Math.Exp(logTerm);
                logTerm += Math.Log(r + j) - Math.Log(j + 1.0) + logQ;
            }

            return Math.Min(sum, 1);
        }

        // At or below the mean the terms only fall going down.
        var down = LogProbability(x - 1);
        for (var j = x - 1; j >= 0 && down > -800; j--)
        {
            sum += Math.Exp(down);
            down += Math.Log(j) - Math.Log(r + j - 1) - logQ;
        }

        return Math.Clamp(1 - sum, 0, 1);
    }

    /// <inheritdoc />
    public double ConditionalExpectedPurchases(double t, int frequency, double recency, double age) =>
        RepeatPurchase.ConditionalExpectedPurchases(this, t, frequency, recency, age);

    /// <inheritdoc />
    public double ProbabilityAlive(int frequency, double recency, double age) => RepeatPurchase.ProbabilityAlive(this, frequency, recency, age);

    /// <inheritdoc />
    public double[] ConditionalExpectedPurchases(CustomerSummaries data, double t) => RepeatPurchase.ConditionalExpectedPurchases(this, data, t);

    /// <inheritdoc />
    public double[] ProbabilityAlive(CustomerSummaries data) => RepeatPurchase.ProbabilityAlive(this, data);

    /// <inheritdoc />
    public bool Equals(BgNbdModel? other) =>
        other is not null && Parameters.Equals(other.Parameters);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as BgNbdModel);

    /// <inheritdoc />
    public override int GetHashCode() => Parameters.GetHashCode();

    /// <summary>Returns the model as <c>BG/NBD (Week): r = 0.2426, alpha = 4.414, a = 0.7929, b = 2.426</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        RepeatPurchase.Text($"BG/NBD ({Unit}): r = {R:G4}, alpha = {Alpha:G4}, a = {A:G4}, b = {B:G4}");

    /// <summary>Gets the parameters and the unit, which make the model's value.</summary>
    private (double, double, double, double, TimeUnit) Parameters => (R, Alpha, A, B, Unit);

    /// <inheritdoc />
    double IHistoryModel.Conditional(double t, int x, double recency, double age)
    {
        if (t == 0)
        {
            return 0;
        }

        return ((IHistoryModel)this).Alive(x, recency, age) * BgNbdExpectation.GivenAlive(A, B, x, R + x, t / (Alpha + age));
    }

    /// <inheritdoc />
    double IHistoryModel.Alive(int x, double recency, double age)
    {
        if (x == 0)
        {
            return 1;
        }

        // 1 / (1 + e^u) with u = ln a − ln(b+x−1) + (r+x) ln((α+T)/(α+t_x)); the ratio can overflow, the log cannot.
        var u = Math.Log(A) - Math.Log(B + x - 1) + ((R + x) * (Math.Log(Alpha + age) - Math.Log(Alpha + recency)));
        return u > 0 ? Math.Exp(-u) / (1 + Math.Exp(-u)) : 1 / (1 + Math.Exp(u));
    }
}
