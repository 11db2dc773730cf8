using System.Text.Json.Serialization;
using Engagement.Sdk.Statistics;
using MathNet.Numerics;

namespace Engagement.Sdk.Value;

/// <summary>
/// The Pareto/NBD model of repeat purchasing (Schmittlein, Morrison &amp; Colombo 1987): while alive, a customer buys as
/// a Poisson process with rate λ ~ Gamma(r, α) and leaves after an exponential lifetime with rate μ ~ Gamma(s, β).
/// </summary>
/// <remarks>
/// <para>
/// Fit it with <see cref="Fit"/>; the model keeps the data's <see cref="Unit"/>. Expressions from Fader &amp; Hardie
/// (2005), "A Note on Deriving the Pareto/NBD Model and Related Expressions":
/// </para>
/// <list type="bullet">
/// <item>E[X(t)] = rβ/(α(s−1)) · [1 − (β/(β+t))^(s−1)], and (rβ/α) ln(1 + t/β) at s = 1 (eq. 17).</item>
/// <item>P(alive | x, t<sub>x</sub>, T) = Γ(r+x)α^rβ^s/Γ(r) · (α+T)^−(r+x) (β+T)^−s / L(r, α, s, β | x, t<sub>x</sub>, T), with
/// the likelihood L of eq. 22–23, which needs ₂F₁ (eq. 18).</item>
/// <item>E[Y(t) | x, t<sub>x</sub>, T] = (r+x)(β+T)/((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^(s−1)] · P(alive), and the
/// logarithmic limit at s = 1 (eq. 21).</item>
/// </list>
/// <para>
/// The s − 1 divisions are evaluated as −expm1(−(s−1)L)/(s−1), exact at and near s = 1, with L = ln(1 + t/β) (not
/// ln((β+t)/β), which rounds to 0 once β passes 2⁵³ t). The likelihood and P(alive) take α^r β^s into the bracket, so
/// that r and s multiply only such ln(1 + ·). P(X(t) = x) follows Fader &amp;
/// Hardie, "Deriving an Expression for P(X(t) = x) Under the Pareto/NBD Model" (2006, rev. 2020), eq. 13, with
/// m = max(α, β) factored out of every power so that nothing overflows:
/// P(X(t) = x) = Γ(r+x)/(Γ(r) x!) (α/(α+t))^r (t/(α+t))^x (β/(β+t))^s + α^r β^s B(r+x, s+1)/B(r, s) · [B₁ − Σⱼ₌₀ˣ
/// Γ(r+s+j)/(Γ(r+s) j!) tʲ B₂ⱼ], where for α ≥ β B₁ = ₂F₁(r+s, s+1; r+s+x+1; (α−β)/α)/α^(r+s) and
/// B₂ⱼ = ₂F₁(r+s+j, s+1; r+s+x+1; (α−β)/(α+t))/(α+t)^(r+s+j), and for α &lt; β the same with the second argument r+x
/// and β for α. Each ₂F₁ there goes through Euler's transformation (1 − z)^(c−a−b) ₂F₁(c−a, c−b; c; z) with the power
/// kept in logarithms, since the plain one grows like (max/min)^s or (1 − z)^−j past the largest double; x is at most
/// 1,000,000. Equal when every parameter and the unit are
/// equal. Immutable and thread-safe.
/// </para>
/// </remarks>
public sealed class ParetoNbdModel : IRepeatPurchaseModel, IHistoryModel, IEquatable<ParetoNbdModel>
{
    private static readonly string[] Names = ["r", "alpha", "s", "beta"];

    /// <summary>The largest purchase count <see cref="ProbabilityOfPurchases"/> accepts: its sum has one ₂F₁ per
    /// count from 0 to x.</summary>
    internal const int MaxPurchases = 1_000_000;

    /// <summary>Creates a Pareto/NBD model from its parameters.</summary>
    /// <param name="r">The shape of the gamma distribution of purchase rates; finite, above 0.</param>
    /// <param name="alpha">The scale (in <paramref name="unit"/>s) of the gamma distribution of purchase rates; finite, above 0.</param>
    /// <param name="s">The shape of the gamma distribution of drop-out rates; finite, above 0.</param>
    /// <param name="beta">The scale (in <paramref name="unit"/>s) of the gamma distribution of drop-out rates; finite, above 0.</param>
    /// <param name="unit">The unit of time of the model.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is not finite and above 0, or <paramref name="unit"/> is
    /// not defined.</exception>
    [JsonConstructor]
    public ParetoNbdModel(double r, double alpha, double s, double beta, TimeUnit unit)
    {
        RepeatPurchase.Parameters(Names, [r, alpha, s, beta]);
        (R, Alpha, S, Beta, Unit) = (r, alpha, s, beta, Validation.Defined(unit, nameof(unit)));
    }

    /// <summary>Gets r, the shape of the gamma distribution of purchase rates.</summary>
    public double R { get; }

    /// <summary>Gets α, the scale of the gamma distribution of purchase rates, in <see cref="Unit"/>s.</summary>
    public double Alpha { get; }

    /// <summary>Gets s, the shape of the gamma distribution of drop-out rates.</summary>
    public double S { get; }

    /// <summary>Gets β, the scale of the gamma distribution of drop-out rates, in <see cref="Unit"/>s.</summary>
    public double Beta { get; }

    /// <inheritdoc />
    public TimeUnit Unit { get; }

    /// <summary>Returns whether two models are equal.</summary>
    /// <param name="left">The first model.</param>
    /// <param name="right">The second model.</param>
    /// <returns><see langword="true"/> when the parameters and the unit are equal.</returns>
    public static bool operator ==(ParetoNbdModel? left, ParetoNbdModel? right) => Equals(left, right);

    /// <summary>Returns whether two models differ.</summary>
    /// <param name="left">The first model.</param>
    /// <param name="right">The second model.</param>
    /// <returns><see langword="true"/> when a parameter or the unit differs.</returns>
    public static bool operator !=(ParetoNbdModel? left, ParetoNbdModel? right) => !Equals(left, right);

    /// <summary>
    /// Fits the model to customer summaries by maximum likelihood: BFGS with a central-difference gradient on the log
    /// scale of the parameters, from r = α = s = β = 1, over the distinct histories, in parallel.
    /// </summary>
    /// <param name="data">The customers; at least one. The fitted model takes their unit.</param>
    /// <param name="options">The penalty, iteration limit, tolerance and parallelism; <see langword="null"/> for
    /// <see cref="ModelFitOptions.Default"/>.</param>
    /// <param name="cancellationToken">Checked at every evaluation of the likelihood.</param>
    /// <returns>The model and the diagnostics of the fit; check <see cref="FitDiagnostics.Status"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="data"/> has no customers.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static ParetoNbdFit Fit(CustomerSummaries data, ModelFitOptions? options = null, CancellationToken cancellationToken = default) =>
        RepeatPurchase.Fit(
            Names,
            data,
            options,
            threads =>
            {
                var likelihood = new ParetoNbdLikelihood(data, threads);
                return (likelihood.Evaluate, null);
            },
            (theta, diagnostics) => new ParetoNbdFit(new ParetoNbdModel(theta[0], theta[1], theta[2], theta[3], data.Unit), diagnostics),
            cancellationToken);

    /// <summary>Returns the log-likelihood of the model for the customers of <paramref name="data"/>.</summary>
    /// <param name="data">The customers; in <see cref="Unit"/>.</param>
    /// <returns>The sum of the customers' log-likelihoods (0 for no customers).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="data"/> is in another unit.</exception>
    public double LogLikelihood(CustomerSummaries data)
    {
        RepeatPurchase.SameUnit(data, Unit, nameof(data));
        return data.Count == 0 ? 0 : new ParetoNbdLikelihood(data, 1).Evaluate([R, Alpha, S, Beta]);
    }

    /// <inheritdoc />
    public double ExpectedPurchases(double t)
    {
        RepeatPurchase.Horizon(t, nameof(t));
        // ln(1 + t/β), not ln((β + t)/β): the quotient rounds to 1 once β passes 2⁵³·t, and s − 1 may be as large as β.
        return R * Beta / Alpha * Decay(S - 1, PreciseMath.LogOnePlus(t / Beta));
    }

    /// <summary>Returns P(X(t) = x), the probability that a new customer makes exactly <paramref name="purchases"/>
    /// repeat purchases in the first <paramref name="t"/> units after the first purchase.</summary>
    /// <param name="purchases">The number of repeat purchases x; 0 to 1,000,000 (the sum has one ₂F₁ per count up to x).</param>
    /// <param name="t">The horizon in <see cref="Unit"/>s; finite, 0 or more.</param>
    /// <returns>The probability, in [0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="purchases"/> is negative or above 1,000,000, or
    /// <paramref name="t"/> is negative or not finite.</exception>
    public double ProbabilityOfPurchases(int purchases, double t)
    {
        SpendChecks.Horizon(purchases, MaxPurchases, nameof(purchases));
        RepeatPurchase.Horizon(t, nameof(t));
        if (t == 0)
        {
            return purchases == 0 ? 1 : 0;
        }

        var (r, alpha, s, beta, x) = (R, Alpha, S, Beta, purchases);

        // Alive at t: the NBD probability of x purchases in t, times P(τ > t) = (β/(β+t))^s.
        // ln(α/(α+t)) as −ln(1 + t/α), and the same for β: r and s may be large enough to magnify the rounding of the quotient.
        var logAlive = PreciseMath.LogRising(r, x) - SpecialFunctions.GammaLn(x + 1.0)
            - (r * PreciseMath.LogOnePlus(t / alpha)) + (x * Math.Log(t / (alpha + t))) - (s * PreciseMath.LogOnePlus(t / beta));

        // Dropped out before t after x purchases: α^r β^s / m^(r+s) · B(r+x, s+1)/B(r, s) · [F₁ − Σⱼ NB_j F₂ⱼ], the powers
        // of m = max(α, β) taken out of B₁ and B₂ⱼ.
        var m = Math.Max(alpha, beta);
        var second = alpha >= beta ? s + 1 : r + x;
        var c = r + s + x + 1;
        var logMin = ParetoNbdLikelihood.LogRatio(Math.Min(alpha, beta), m);

        // For α ≥ β, ₂F₁(r+s, s+1; c; 1 − β/α) grows like (α/β)^s and overflows (s = 100, α/β = 10⁴) while the factor
        // (β/α)^s underflows: Euler's transformation, (1 − z)^(x−s) ₂F₁(x+1, r+x; c; z), takes the power into the
        // logarithm and (β/α)^s with it, leaving (β/α)^x. For α < β likewise (1 − z)^(1−r) ₂F₁(x+1, s+1; c; z) and (α/β)^r.
        var first = alpha >= beta
            ? Math.Exp(x * logMin) * Hypergeometric2F1.Evaluate(x + 1, r + x, c, Math.Abs(alpha - beta) / m)
            : Math.Exp(logMin) * Hypergeometric2F1.Evaluate(x + 1, s + 1, c, Math.Abs(alpha - beta) / m);
        var zt = Math.Abs(alpha - beta) / (m + t);
        var logShrink = -(r + s) * PreciseMath.LogOnePlus(t / m);
        var logStep = Math.Log(t / (m + t));

        // ln(1 − z_t) = ln((min(α, β) + t)/(m + t)), for Euler's transformation below.
        var logComplement = ParetoNbdLikelihood.LogRatio(Math.Min(alpha, beta) + t, m + t);
        var sum = 0.0;
        for (var j = 0; j <= x; j++)
        {
            // Γ(r+s+j)/(Γ(r+s) j!) (t/(m+t))^j (m/(m+t))^(r+s): the NBD(r+s) probability of j, times ₂F₁ at (α−β)/(m+t).
            var logWeight = PreciseMath.LogRising(r + s, j) - SpecialFunctions.GammaLn(j + 1.0)
                + (j * logStep) + logShrink;
            if (alpha >= beta)
            {
                // As for the first term, with c − a − b = x − j − s, and (β/α)^s taken in.
                sum += Math.Exp(logWeight + ((x - j - s) * logComplement) + (s * logMin)) * Hypergeometric2F1.Evaluate(x - j + 1, r + x, c, zt);
            }
            else
            {
                // For α < β, ₂F₁(r+s+j, r+x; c; z) grows like (1 − z)^−j and overflows from j ≈ 700/−ln(1 − z) on (about
                // 8,000 at CDNOW's estimates) while the weight underflows: 0·∞. Euler's transformation (A&S 15.3.3)
                // ₂F₁(a, b; c; z) = (1 − z)^(c−a−b) ₂F₁(c−a, c−b; c; z), with c − a − b = 1 − r − j, moves (1 − z)^−j into
                // the logarithm of the weight, where (t/(m+t))^j (1 − z)^−j = (t/(min+t))^j stays below 1.
                sum += Math.Exp(logWeight + ((1 - r - j) * logComplement) + (r * logMin)) * Hypergeometric2F1.Evaluate(x - j + 1, s + 1, c, zt);
            }
        }

        // ln(α/m) and ln(β/m): one is 0, the other ln(1 − |α−β|/m), exact in the difference.
        var logScale = PreciseMath.LogBeta(r + x, s + 1) - PreciseMath.LogBeta(r, s);
        var dead = Math.Exp(logScale) * Math.Max(0, first - sum);
        return Math.Clamp(Math.Exp(logAlive) + dead, 0, 1);
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
    public bool Equals(ParetoNbdModel? other) =>
        other is not null && Parameters.Equals(other.Parameters);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ParetoNbdModel);

    /// <inheritdoc />
    public override int GetHashCode() => Parameters.GetHashCode();

    /// <summary>Returns the model as <c>Pareto/NBD (Week): r = 0.5534, alpha = 10.58, s = 0.6061, beta = 11.67</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        RepeatPurchase.Text($"Pareto/NBD ({Unit}): r = {R:G4}, alpha = {Alpha:G4}, s = {S:G4}, beta = {Beta:G4}");

    /// <summary>(1 − e^(−k·L)) / k, and its limit L at k = 0, without cancellation near 0.</summary>
    private static double Decay(double k, double logRatio) =>
        k == 0 ? logRatio : -PreciseMath.ExpMinusOne(-k * logRatio) / k;

    /// <summary>Gets the parameters and the unit, which make the model's value.</summary>
    private (double, double, double, double, TimeUnit) Parameters => (R, Alpha, S, Beta, Unit);

    /// <inheritdoc />
    double IHistoryModel.Conditional(double t, int x, double recency, double age)
    {
        if (t == 0)
        {
            return 0;
        }

        var growth = PreciseMath.LogOnePlus(t / (Beta + age));
        return (R + x) * (Beta + age) / (Alpha + age) * Decay(S - 1, growth) * ((IHistoryModel)this).Alive(x, recency, age);
    }

    /// <inheritdoc />
    double IHistoryModel.Alive(int x, double recency, double age)
    {
        ParetoNbdLikelihood.LogLikelihood(R, Alpha, S, Beta, x, recency, age, out var logAlive);
        return Math.Clamp(Math.Exp(logAlive), 0, 1);
    }
}
