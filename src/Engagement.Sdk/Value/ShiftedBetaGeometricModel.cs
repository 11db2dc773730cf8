using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Sdk.Statistics;

namespace Engagement.Sdk.Value;

/// <summary>
/// The shifted-beta-geometric (sBG) model of contract duration: at the end of each period (one <see cref="Unit"/>)
/// a customer cancels with probability θ, fixed for the customer, and θ ~ Beta(<see cref="Alpha"/>, <see cref="Beta"/>)
/// across customers. It projects how a cohort of subscribers will shrink.
/// </summary>
/// <remarks>
/// <para>
/// Fader, P. S. &amp; Hardie, B. G. S. (2007), "How to Project Customer Retention", Journal of Interactive Marketing
/// 21(1), 76–90. The duration T (the period at whose end the customer leaves) has
/// P(T = t) = B(α+1, β+t−1)/B(α,β), survival S(t) = P(T &gt; t) = B(α, β+t)/B(α,β), and retention rate
/// r(t) = S(t)/S(t−1) = (β+t−1)/(α+β+t−1), which rises with t as the customers most likely to leave leave first.
/// The discounted expected residual lifetime follows Fader, P. S. &amp; Hardie, B. G. S. (2010), "Customer-Base
/// Valuation in a Contractual Setting: The Perils of Ignoring Heterogeneity", Marketing Science 29(1), 85–93.
/// </para>
/// <para>Equal when the parameters and unit are equal. Immutable and thread-safe.</para>
/// </remarks>
public sealed class ShiftedBetaGeometricModel : IEquatable<ShiftedBetaGeometricModel>
{
    /// <summary>The parameter names, in the order of <see cref="FitDiagnostics.Parameters"/>.</summary>
    internal static readonly string[] ParameterNames = ["alpha", "beta"];

    /// <summary>Creates a model from its parameters.</summary>
    /// <param name="alpha">α of the Beta distribution of the cancellation probability θ; finite, above 0.</param>
    /// <param name="beta">β of the Beta distribution of θ; finite, above 0.</param>
    /// <param name="unit">The length of one period (a monthly contract: <see cref="TimeUnit.Month"/>).</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is not finite or not above 0, or <paramref name="unit"/> is
    /// not defined.</exception>
    [JsonConstructor]
    public ShiftedBetaGeometricModel(double alpha, double beta, TimeUnit unit)
    {
        RepeatPurchase.Parameters(ParameterNames, [alpha, beta]);
        (Alpha, Beta, Unit) = (alpha, beta, Validation.Defined(unit, nameof(unit)));
    }

    /// <summary>Gets α of the Beta distribution of the cancellation probability.</summary>
    public double Alpha { get; }

    /// <summary>Gets β of the Beta distribution of the cancellation probability.</summary>
    public double Beta { get; }

    /// <summary>Gets the length of one period.</summary>
    public TimeUnit Unit { get; }

    /// <summary>Gets the mean cancellation probability across the cohort, α/(α+β): the churn of the first period.</summary>
    [JsonIgnore]
    public double MeanChurnProbability => Alpha / (Alpha + Beta);

    /// <summary>Fits the model by maximum likelihood to a cohort's survivors, period by period.</summary>
    /// <param name="survivors">The customers still active at the start (index 0: the cohort's size, above 0) and at the end
    /// of each period 1, 2, …; never increasing, at least two entries.</param>
    /// <param name="unit">The length of one period.</param>
    /// <param name="options">The fitting options, or <see langword="null"/> for <see cref="ModelFitOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the fit.</param>
    /// <returns>The fitted model and its diagnostics; <see cref="FitDiagnostics.Observations"/> is the cohort's size.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="survivors"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="survivors"/> has fewer than two entries, or an entry exceeds the one
    /// before it.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The cohort's size is not above 0, an entry is negative, or
    /// <paramref name="unit"/> is not defined.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <remarks>The log-likelihood is Σ<sub>t=1</sub><sup>n</sup> (s<sub>t−1</sub> − s<sub>t</sub>) ln P(T = t) + s<sub>n</sub> ln S(n)
    /// (Fader &amp; Hardie 2007, eq. 6).</remarks>
    public static ShiftedBetaGeometricFit Fit(
        IReadOnlyList<long> survivors, TimeUnit unit, ModelFitOptions? options = null, CancellationToken cancellationToken = default)
    {
        Validation.Defined(unit, nameof(unit));
        var counts = CheckSurvivors(survivors);
        var result = MaximumLikelihood.Fit(
            ParameterNames,
            [1.0, 1.0],
            theta => LogLikelihood(theta[0], theta[1], counts),
            null,
            options ?? ModelFitOptions.Default,
            counts[0],
            cancellationToken);
        var estimate = result.Estimates;
        return new ShiftedBetaGeometricFit(new ShiftedBetaGeometricModel(estimate[0], estimate[1], unit), result.Diagnostics);
    }

    /// <summary>Gets the log-likelihood of a cohort's survivors under the model.</summary>
    /// <param name="survivors">The survivors, as <see cref="Fit"/> takes them.</param>
    /// <returns>Σ (s<sub>t−1</sub> − s<sub>t</sub>) ln P(T = t) + s<sub>n</sub> ln S(n).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="survivors"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The survivors are invalid, as for <see cref="Fit"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The survivors are invalid, as for <see cref="Fit"/>.</exception>
    public double LogLikelihood(IReadOnlyList<long> survivors) => LogLikelihood(Alpha, Beta, CheckSurvivors(survivors));

    /// <summary>Gets the probability that a customer is still active after <paramref name="periods"/> periods,
    /// S(t) = B(α, β+t)/B(α,β).</summary>
    /// <param name="periods">The number of periods t; 0 or more.</param>
    /// <returns>S(t), 1 at t = 0 and decreasing.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="periods"/> is negative.</exception>
    public double Survival(int periods)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(periods);
        // A product of retention rates, never a difference of two ln B, which rose above 1 for α near 10⁻²⁰.
        return Math.Exp(PreciseMath.LogBetaRatio(Alpha, Beta, periods));
    }

    /// <summary>Gets the probability that a new customer cancels at the end of period <paramref name="period"/>,
    /// P(T = t) = B(α+1, β+t−1)/B(α,β): unconditional, a share of the whole cohort (for the share of the customers still
    /// active, see <see cref="ChurnRate"/>).</summary>
    /// <param name="period">The period t; 1 or more.</param>
    /// <returns>P(T = t); the values sum to 1 over t.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is not above 0.</exception>
    public double CancellationProbability(int period)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(period);
        // B(α+1, β+t−1)/B(α,β) = α/(α+β) · B(α+1, β+t−1)/B(α+1, β); the count t − 1 meets β only as a whole number.
        var share = Beta / Alpha;
        var logChurn = double.IsPositiveInfinity(share) ? Math.Log(Alpha) - Math.Log(Alpha + Beta) : -PreciseMath.LogOnePlus(share);
        return Math.Exp(logChurn + PreciseMath.LogBetaRatio(Alpha + 1, Beta, period - 1));
    }

    /// <summary>Gets the share of the customers active at the start of period <paramref name="period"/> who renew at its end,
    /// r(t) = (β+t−1)/(α+β+t−1).</summary>
    /// <param name="period">The period t; 1 or more.</param>
    /// <returns>r(t), in (0, 1), increasing in t.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is not above 0.</exception>
    public double RetentionRate(int period)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(period);
        // t − 1 as a whole number first: β + t − 1 rounded to 0 for β below 10⁻¹⁶, and r(1) was 0/0 for α, β that small.
        return (Beta + (period - 1)) / (Alpha + Beta + (period - 1));
    }

    /// <summary>Gets the share of the customers active at the start of period <paramref name="period"/> who cancel at its end,
    /// 1 − r(t) = α/(α+β+t−1): conditional on surviving to t, unlike <see cref="CancellationProbability"/>.</summary>
    /// <param name="period">The period t; 1 or more.</param>
    /// <returns>1 − <see cref="RetentionRate"/>(t), in (0, 1), decreasing in t.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is not above 0.</exception>
    public double ChurnRate(int period)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(period);
        return Alpha / (Alpha + Beta + (period - 1));
    }

    /// <summary>Projects a cohort's survivors: the expected number active after each of the first <paramref name="periods"/> periods.</summary>
    /// <param name="cohortSize">The cohort's size at period 0; 0 or more.</param>
    /// <param name="periods">The number of periods to project; 0 to <see cref="MaxProjectedPeriods"/>.</param>
    /// <returns><paramref name="periods"/> + 1 entries, entry t being <paramref name="cohortSize"/> · S(t).</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is negative, or <paramref name="periods"/> is above
    /// <see cref="MaxProjectedPeriods"/>.</exception>
    public double[] ProjectSurvivors(long cohortSize, int periods)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cohortSize);
        SpendChecks.Horizon(periods, MaxProjectedPeriods, nameof(periods));
        var projected = new double[periods + 1];
        double survival = 1;
        for (var t = 0; t <= periods; t++)
        {
            projected[t] = cohortSize * survival;
            survival *= (Beta + t) / (Alpha + Beta + t);   // S(t+1) = S(t) · r(t+1)
        }

        return projected;
    }

    /// <summary>
    /// Gets the discounted expected residual lifetime of a customer who has just renewed <paramref name="renewals"/> times:
    /// the expected number of further payments, one per period with the first due at the end of the current period,
    /// each discounted by (1 + d) per period after the first.
    /// </summary>
    /// <param name="discountRate">The discount rate d per period; finite, above 0.</param>
    /// <param name="renewals">The renewals so far, n − 1 (0 for a customer in the first period); 0 or more.</param>
    /// <returns>DERL(d | α, β, n − 1) = Σ<sub>t≥n</sub> S(t)/S(n−1) · (1+d)<sup>−(t−n)</sup>
    /// = (β+n−1)/(α+β+n−1) · ₂F₁(1, β+n; α+β+n; 1/(1+d)) (Fader &amp; Hardie 2010, eq. 6); multiply by the margin per
    /// period for the residual value.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="discountRate"/> is not finite, not above 0, or so small
    /// that the series would need more than <see cref="MaxResidualLifetimeTerms"/> terms (below about 5·10⁻⁶); or
    /// <paramref name="renewals"/> is negative.</exception>
    /// <remarks>
    /// Summed as its series, whose terms fall by at least 1/(1 + d) each, until the tail, at most the next term × (1 + d)/d,
    /// is below 10⁻¹⁵ of the sum: about 35/d terms for d small. At d = 0 the series is the expected residual lifetime,
    /// which is infinite when α ≤ 1 (S(t) falls like t<sup>−α</sup>), so d must be above 0; as d → 0 the terms grow without
    /// bound, so the sum stops at <see cref="MaxResidualLifetimeTerms"/> terms and refuses d rather than return a truncated sum.
    /// </remarks>
    public double DiscountedExpectedResidualLifetime(double discountRate, int renewals)
    {
        SpendChecks.Positive(discountRate, nameof(discountRate));
        ArgumentOutOfRangeException.ThrowIfNegative(renewals);
        var z = 1 / (1 + discountRate);
        var tailFactor = (1 + discountRate) / discountRate;
        // n − 1 = renewals enters as it is: renewals + 1 in int overflowed at int.MaxValue (a first term above 1), and
        // β + n − 1 rounded to 0 for β below 10⁻¹⁶ (r = 0/0, and the series never stopped).
        var n = renewals + 1.0;
        var term = (Beta + renewals) / (Alpha + Beta + renewals);
        double sum = 0;
        for (var k = 0; k < MaxResidualLifetimeTerms; k++)
        {
            sum += term;
            term *= z * (Beta + n + k) / (Alpha + Beta + n + k);
            if (term * tailFactor <= sum * 1e-15)
            {
                return sum;
            }
        }

        throw new ArgumentOutOfRangeException(
            nameof(discountRate), discountRate,
            string.Create(CultureInfo.InvariantCulture, $"A discount rate of {discountRate} needs more than {MaxResidualLifetimeTerms} terms of the residual lifetime's series; give a rate of at least 1e-5 per period."));
    }

    /// <summary>The most periods <see cref="ProjectSurvivors"/> projects (one entry each): 10⁶.</summary>
    public const int MaxProjectedPeriods = 1_000_000;

    /// <summary>The most terms <see cref="DiscountedExpectedResidualLifetime"/> sums before refusing the discount rate.</summary>
    public const int MaxResidualLifetimeTerms = 10_000_000;

    /// <summary>Returns whether two models are equal.</summary>
    /// <param name="left">The first model.</param>
    /// <param name="right">The second model.</param>
    /// <returns><see langword="true"/> when the parameters and unit are equal.</returns>
    public static bool operator ==(ShiftedBetaGeometricModel? left, ShiftedBetaGeometricModel? right) => Equals(left, right);

    /// <summary>Returns whether two models differ.</summary>
    /// <param name="left">The first model.</param>
    /// <param name="right">The second model.</param>
    /// <returns><see langword="true"/> when a parameter or the unit differs.</returns>
    public static bool operator !=(ShiftedBetaGeometricModel? left, ShiftedBetaGeometricModel? right) => !Equals(left, right);

    /// <inheritdoc />
    public bool Equals(ShiftedBetaGeometricModel? other) =>
        other is not null && Alpha.Equals(other.Alpha) && Beta.Equals(other.Beta) && Unit == other.Unit;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ShiftedBetaGeometricModel);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Alpha, Beta, Unit);

    /// <summary>Returns the model as <c>sBG(α = …, β = …) per Month</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"sBG(α = {Alpha:G4}, β = {Beta:G4}) per {Unit}");

    private static long[] CheckSurvivors(IReadOnlyList<long> survivors)
    {
        ArgumentNullException.ThrowIfNull(survivors);
        if (survivors.Count < 2)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The survivors need the cohort's size and at least one period; got {survivors.Count} entries."),
                nameof(survivors));
        }

        var counts = new long[survivors.Count];
        for (var t = 0; t < counts.Length; t++)
        {
            counts[t] = survivors[t];
            if (t == 0 ? counts[t] <= 0 : counts[t] < 0)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(survivors), counts[t],
                    string.Create(CultureInfo.InvariantCulture, $"Survivors at index {t} must be {(t == 0 ? "above 0 (the cohort's size)" : "0 or more")}; got {counts[t]}."));
            }

            if (t > 0 && counts[t] > counts[t - 1])
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Survivors never increase; got {counts[t]} at index {t} after {counts[t - 1]}."),
                    nameof(survivors));
            }
        }

        return counts;
    }

    private static double LogLikelihood(double alpha, double beta, long[] survivors)
    {
        // P(T = 1) = α/(α+β), P(T = t) = P(T = t−1) · (β+t−2)/(α+β+t−1); S(t) = S(t−1) − P(T = t), kept as the
        // product of retention rates to avoid cancellation.
        var churn = alpha / (alpha + beta);
        double survival = 1, sum = 0;
        for (var t = 1; t < survivors.Length; t++)
        {
            if (t > 1)
            {
                churn *= (beta + (t - 2)) / (alpha + beta + (t - 1));   // β + t − 2 rounded to 0 for β below 10⁻¹⁶
            }

            survival *= (beta + (t - 1)) / (alpha + beta + (t - 1));
            var lost = survivors[t - 1] - survivors[t];
            if (lost > 0)
            {
                sum += lost * Math.Log(churn);
            }
        }

        var remaining = survivors[^1];
        return remaining > 0 ? sum + remaining * Math.Log(survival) : sum;
    }
}
