using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Sdk.Statistics;
using MathNet.Numerics;

namespace Engagement.Sdk.Value;

/// <summary>
/// The beta-geometric/beta-Bernoulli (BG/BB) model of repeat transactions at discrete opportunities (an annual
/// fund-raiser, a yearly event, a weekly newsletter's issues): while alive, a customer transacts at each opportunity
/// with probability p and dies before each opportunity with probability θ; p ~ Beta(<see cref="Alpha"/>,
/// <see cref="Beta"/>) and θ ~ Beta(<see cref="Gamma"/>, <see cref="Delta"/>) across customers.
/// </summary>
/// <remarks>
/// <para>
/// Fader, P. S., Hardie, B. G. S. &amp; Shang, J. (2010), "Customer-Base Analysis in a Discrete-Time Noncontractual
/// Setting", Marketing Science 29(6), 1086–1108. For a customer with x transactions at n opportunities, the last at
/// t<sub>x</sub>, the likelihood (their eq. 5) is
/// L = B(α+x, β+n−x)/B(α,β) · B(γ, δ+n)/B(γ,δ) + Σ<sub>i=0</sub><sup>n−t<sub>x</sub>−1</sup> B(α+x, β+t<sub>x</sub>−x+i)/B(α,β) · B(γ+1, δ+t<sub>x</sub>+i)/B(γ,δ);
/// the probability of being alive at opportunity n+1 is B(α+x, β+n−x)/B(α,β) · B(γ, δ+n+1)/B(γ,δ) / L; and the
/// expected number of transactions at opportunities n+1 … n+n* is
/// B(α+x+1, β+n−x)/B(α,β) / L · Σ<sub>t=n+1</sub><sup>n+n*</sup> B(γ, δ+t)/B(γ,δ), whose closed form is their eq. 13.
/// </para>
/// <para>
/// Opportunities are counts, not times: the model has no <see cref="TimeUnit"/>; the host knows how far apart its
/// opportunities are. Equal when the parameters are equal. Immutable and thread-safe.
/// </para>
/// </remarks>
public sealed class BgBbModel : IEquatable<BgBbModel>
{
    /// <summary>The parameter names, in the order of <see cref="FitDiagnostics.Parameters"/>.</summary>
    internal static readonly string[] ParameterNames = ["alpha", "beta", "gamma", "delta"];

    // Up to this many future opportunities the expected transactions are summed term by term; beyond it, eq. 13's
    // closed form, unless γ is within NearOne of 1, where the closed form's δ/(γ−1) · (A(a) − A(b)) loses to
    // cancellation what summing keeps.
    private const int SummedOpportunities = 1000;
    private const double NearOne = 0.01;

    /// <summary>The most opportunities a history's n (<c>periods</c>) or <see cref="ProbabilityOfTransactions"/> takes, whose
    /// terms are summed one opportunity at a time: 10⁶. The expected transactions have a closed form and take any count.</summary>
    public const int MaxOpportunities = 1_000_000;

    /// <summary>Creates a model from its parameters.</summary>
    /// <param name="alpha">α of the Beta distribution of the transaction probability p; finite, above 0.</param>
    /// <param name="beta">β of the Beta distribution of p; finite, above 0.</param>
    /// <param name="gamma">γ of the Beta distribution of the dropout probability θ; finite, above 0.</param>
    /// <param name="delta">δ of the Beta distribution of θ; finite, above 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is not finite or not above 0.</exception>
    [JsonConstructor]
    public BgBbModel(double alpha, double beta, double gamma, double delta)
    {
        Alpha = RepeatPurchase.Parameter(alpha, nameof(alpha));
        Beta = RepeatPurchase.Parameter(beta, nameof(beta));
        Gamma = RepeatPurchase.Parameter(gamma, nameof(gamma));
        Delta = RepeatPurchase.Parameter(delta, nameof(delta));
    }

    /// <summary>Gets α of the Beta distribution of the transaction probability.</summary>
    public double Alpha { get; }

    /// <summary>Gets β of the Beta distribution of the transaction probability.</summary>
    public double Beta { get; }

    /// <summary>Gets γ of the Beta distribution of the dropout probability.</summary>
    public double Gamma { get; }

    /// <summary>Gets δ of the Beta distribution of the dropout probability.</summary>
    public double Delta { get; }

    /// <summary>Fits the model by maximum likelihood.</summary>
    /// <param name="histories">The customers' histories, each with its number of customers; not empty.</param>
    /// <param name="options">The fitting options, or <see langword="null"/> for <see cref="ModelFitOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the fit.</param>
    /// <returns>The fitted model and its diagnostics; <see cref="FitDiagnostics.Observations"/> is the number of customers.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="histories"/> or one of its items is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="histories"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A history's <see cref="DiscreteHistory.Periods"/> is above
    /// <see cref="MaxOpportunities"/> (names <paramref name="histories"/>; the message gives the index).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static BgBbFit Fit(IReadOnlyList<DiscreteHistory> histories, ModelFitOptions? options = null, CancellationToken cancellationToken = default)
    {
        var rows = Rows(histories);
        if (rows.Length == 0)
        {
            throw new ArgumentException("The BG/BB model needs at least one history; got none.", nameof(histories));
        }

        double customers = 0;
        foreach (var row in rows)
        {
            customers += row.Count;
        }

        var result = MaximumLikelihood.Fit(
            ParameterNames,
            [1.0, 1.0, 1.0, 1.0],
            theta => TotalLogLikelihood(theta[0], theta[1], theta[2], theta[3], rows),
            null,
            options ?? ModelFitOptions.Default,
            customers,
            cancellationToken);
        var estimate = result.Estimates;
        return new BgBbFit(new BgBbModel(estimate[0], estimate[1], estimate[2], estimate[3]), result.Diagnostics);
    }

    /// <summary>Gets the log-likelihood of the model on a set of histories.</summary>
    /// <param name="histories">The histories; each counts <see cref="DiscreteHistory.Count"/> times.</param>
    /// <returns>Σ count · ln L(α, β, γ, δ | x, t<sub>x</sub>, n); 0 when there are none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="histories"/> or one of its items is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A history's <see cref="DiscreteHistory.Periods"/> is above
    /// <see cref="MaxOpportunities"/> (names <paramref name="histories"/>; the message gives the index).</exception>
    public double LogLikelihood(IReadOnlyList<DiscreteHistory> histories) => TotalLogLikelihood(Alpha, Beta, Gamma, Delta, Rows(histories));

    /// <summary>Gets the log-likelihood of one customer's history.</summary>
    /// <param name="frequency">The number of transactions, x.</param>
    /// <param name="recency">The opportunity of the last transaction, t<sub>x</sub>.</param>
    /// <param name="periods">The number of opportunities, n; at most <see cref="MaxOpportunities"/>.</param>
    /// <returns>ln L(α, β, γ, δ | x, t<sub>x</sub>, n).</returns>
    /// <exception cref="ArgumentOutOfRangeException">The history is impossible (see <see cref="DiscreteHistory"/>), or
    /// <paramref name="periods"/> is above <see cref="MaxOpportunities"/>.</exception>
    public double LogLikelihood(int frequency, int recency, int periods)
    {
        SpendChecks.Horizon(periods, MaxOpportunities, nameof(periods));
        _ = new DiscreteHistory(frequency, recency, periods);
        return new Kernel(Alpha, Beta, Gamma, Delta).LogLikelihood(frequency, recency, periods);
    }

    /// <summary>Gets the probability that a customer with this history is alive at the next opportunity, n + 1.</summary>
    /// <param name="frequency">The number of transactions, x.</param>
    /// <param name="recency">The opportunity of the last transaction, t<sub>x</sub>.</param>
    /// <param name="periods">The number of opportunities, n; at most <see cref="MaxOpportunities"/>.</param>
    /// <returns>P(alive at n + 1 | x, t<sub>x</sub>, n), in [0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException">The history is impossible (see <see cref="DiscreteHistory"/>), or
    /// <paramref name="periods"/> is above <see cref="MaxOpportunities"/>.</exception>
    public double ProbabilityAlive(int frequency, int recency, int periods)
    {
        SpendChecks.Horizon(periods, MaxOpportunities, nameof(periods));
        _ = new DiscreteHistory(frequency, recency, periods);
        var kernel = new Kernel(Alpha, Beta, Gamma, Delta);

        // The likelihood's first term is the alive-through term itself, so the quotient cannot exceed B(γ, δ+n+1)/B(γ, δ+n) < 1.
        var alive = kernel.LogAliveThrough(frequency, periods) + PreciseMath.LogBetaRatio(Gamma, Delta + periods, 1);
        return Math.Exp(alive - kernel.LogLikelihood(frequency, recency, periods));
    }

    /// <summary>
    /// Gets the expected number of transactions of a new customer at the first <paramref name="opportunities"/> opportunities,
    /// E[X(n)] = α/(α+β) · Σ<sub>t=1</sub><sup>n</sup> B(γ, δ+t)/B(γ,δ) (Fader, Hardie &amp; Shang 2010, eq. 7).
    /// </summary>
    /// <param name="opportunities">The number of opportunities n; 0 or more.</param>
    /// <returns>The expected number of transactions; 0 for no opportunity.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="opportunities"/> is negative.</exception>
    public double ExpectedTransactions(int opportunities)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(opportunities);
        if (opportunities == 0)
        {
            return 0;
        }

        var (logFirst, relative) = SurvivalSum(0, opportunities);
        return Alpha / (Alpha + Beta) * Math.Exp(logFirst) * relative;
    }

    /// <summary>
    /// Gets the probability that a new customer transacts at exactly <paramref name="transactions"/> of the first
    /// <paramref name="opportunities"/> opportunities (Fader, Hardie &amp; Shang 2010, eq. 8):
    /// P(X(n) = x) = C(n, x) B(α+x, β+n−x)/B(α,β) · B(γ, δ+n)/B(γ,δ) + Σ<sub>i=x</sub><sup>n−1</sup> C(i, x) B(α+x, β+i−x)/B(α,β) · B(γ+1, δ+i)/B(γ,δ).
    /// </summary>
    /// <param name="transactions">The number of transactions x; 0 or more.</param>
    /// <param name="opportunities">The number of opportunities n; 0 to <see cref="MaxOpportunities"/>.</param>
    /// <returns>P(X(n) = x); 0 when x exceeds n.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is negative, or <paramref name="opportunities"/> is above
    /// <see cref="MaxOpportunities"/>.</exception>
    public double ProbabilityOfTransactions(int transactions, int opportunities)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(transactions);
        SpendChecks.Horizon(opportunities, MaxOpportunities, nameof(opportunities));
        if (transactions > opportunities)
        {
            return 0;
        }

        var kernel = new Kernel(Alpha, Beta, Gamma, Delta);
        var log = SpecialFunctions.BinomialLn(opportunities, transactions) + kernel.LogAliveThrough(transactions, opportunities);
        for (var i = transactions; i < opportunities; i++)
        {
            // Alive for exactly i opportunities, x transactions among them.
            log = RepeatPurchase.LogSumExp(log, SpecialFunctions.BinomialLn(i, transactions) + kernel.LogDeadAfter(transactions, i));
        }

        return Math.Exp(log);
    }

    /// <summary>
    /// Gets the expected number of transactions of a customer with this history at the next
    /// <paramref name="futureOpportunities"/> opportunities, n + 1 … n + n* (Fader, Hardie &amp; Shang 2010, eq. 13).
    /// </summary>
    /// <param name="futureOpportunities">The number of future opportunities n*; 0 or more.</param>
    /// <param name="frequency">The number of transactions, x.</param>
    /// <param name="recency">The opportunity of the last transaction, t<sub>x</sub>.</param>
    /// <param name="periods">The number of opportunities observed, n; at most <see cref="MaxOpportunities"/>.</param>
    /// <returns>E[X(n, n + n*) | x, t<sub>x</sub>, n]; 0 for no future opportunity.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="futureOpportunities"/> is negative,
    /// <paramref name="periods"/> is above <see cref="MaxOpportunities"/>, or the history is impossible (see <see cref="DiscreteHistory"/>).</exception>
    public double ConditionalExpectedTransactions(int futureOpportunities, int frequency, int recency, int periods)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(futureOpportunities);
        SpendChecks.Horizon(periods, MaxOpportunities, nameof(periods));
        _ = new DiscreteHistory(frequency, recency, periods);
        var kernel = new Kernel(Alpha, Beta, Gamma, Delta);
        // B(α+x+1, β+n−x)/B(α,β) = B(α+x, β+n−x)/B(α,β) · (α+x)/(α+β+n).
        var weight = kernel.LogTransactions(frequency, periods - frequency) + LogShare(Alpha + frequency, Beta + (periods - frequency))
            - kernel.LogLikelihood(frequency, recency, periods);
        if (futureOpportunities == 0)
        {
            return 0;
        }

        // Weight and first term multiplied in logs: for γ large and δ tiny the weight alone overflows (e^2000) while the
        // first survival term underflows, which gave ∞ · 0 = NaN.
        var (logFirst, relative) = SurvivalSum(periods, futureOpportunities);
        return Math.Exp(weight + logFirst) * relative;
    }

    /// <summary>Returns whether two models are equal.</summary>
    /// <param name="left">The first model.</param>
    /// <param name="right">The second model.</param>
    /// <returns><see langword="true"/> when the parameters are equal.</returns>
    public static bool operator ==(BgBbModel? left, BgBbModel? right) => Equals(left, right);

    /// <summary>Returns whether two models differ.</summary>
    /// <param name="left">The first model.</param>
    /// <param name="right">The second model.</param>
    /// <returns><see langword="true"/> when a parameter differs.</returns>
    public static bool operator !=(BgBbModel? left, BgBbModel? right) => !Equals(left, right);

    /// <inheritdoc />
    public bool Equals(BgBbModel? other) =>
        other is not null && Alpha.Equals(other.Alpha) && Beta.Equals(other.Beta) && Gamma.Equals(other.Gamma) && Delta.Equals(other.Delta);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as BgBbModel);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Alpha, Beta, Gamma, Delta);

    /// <summary>Returns the model as <c>BG/BB(α = …, β = …, γ = …, δ = …)</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"BG/BB(α = {Alpha:G4}, β = {Beta:G4}, γ = {Gamma:G4}, δ = {Delta:G4})");

    private static DiscreteHistory[] Rows(IReadOnlyList<DiscreteHistory> histories)
    {
        ArgumentNullException.ThrowIfNull(histories);
        var rows = new DiscreteHistory[histories.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = histories[i] ?? throw new ArgumentNullException(
                nameof(histories), string.Create(CultureInfo.InvariantCulture, $"The history at index {i} is null."));
            if (rows[i].Periods > MaxOpportunities)
            {
                // The likelihood sums one term per opportunity: n = int.MaxValue took minutes per evaluation.
                throw new ArgumentOutOfRangeException(
                    nameof(histories), rows[i].Periods,
                    string.Create(CultureInfo.InvariantCulture, $"The history at index {i} has {rows[i].Periods} opportunities (periods); at most {MaxOpportunities} are allowed."));
            }
        }

        return rows;
    }

    private static double TotalLogLikelihood(double alpha, double beta, double gamma, double delta, DiscreteHistory[] rows)
    {
        var kernel = new Kernel(alpha, beta, gamma, delta);
        double sum = 0;
        foreach (var row in rows)
        {
            sum += row.Count * kernel.LogLikelihood(row.Frequency, row.Recency, row.Periods);
        }

        return sum;
    }

    /// <summary>
    /// Σ<sub>t=from+1</sub><sup>from+count</sup> S(t), S(t) = B(γ, δ+t)/B(γ,δ), the expected opportunities alive, as
    /// ln S(from+1) and the sum relative to S(from+1), in [1, count]; count is above 0.
    /// </summary>
    /// <remarks>
    /// ln S(from+1) comes from <see cref="PreciseMath.LogBetaRatio"/>; the terms relative to it are B(γ, δ′+u)/B(γ, δ′) with
    /// δ′ = δ + from + 1 ≥ 1, whose sum over u = 1 … m is δ′/(γ−1) · (1 − A(m)), A(m) = B(γ, δ′+m)/B(γ, δ′) · (δ′+m)/δ′
    /// (eq. 13), written as −expm1(ln A(m)) so that it keeps its digits when A(m) is near 1 (δ′ large) and ln A(m) never
    /// overflows (δ′ ≥ 1).
    /// </remarks>
    private (double LogFirst, double Relative) SurvivalSum(int from, int count)
    {
        var logFirst = PreciseMath.LogBetaRatio(Gamma, Delta, from + 1L);
        if (count <= SummedOpportunities || Math.Abs(Gamma - 1) < NearOne)
        {
            // B(γ, δ+t+1)/B(γ, δ+t) = (δ+t)/(γ+δ+t).
            double term = 1, sum = 0;
            for (var t = from + 1L; ; t++)
            {
                sum += term;
                if (t == from + (long)count)
                {
                    return (logFirst, sum);
                }

                term *= (Delta + t) / (Gamma + Delta + t);
            }
        }

        var shifted = Delta + (from + 1.0);
        long rest = count - 1;
        var logA = PreciseMath.LogBetaRatio(Gamma, shifted, rest) + PreciseMath.LogOnePlus(rest / shifted);
        return (logFirst, 1 + (shifted / (Gamma - 1) * -PreciseMath.ExpMinusOne(logA)));
    }

    /// <summary>ln(a/(a+b)) for a, b &gt; 0, also when b/a overflows.</summary>
    private static double LogShare(double a, double b)
    {
        var ratio = b / a;
        return double.IsPositiveInfinity(ratio) ? Math.Log(a) - Math.Log(a + b) : -PreciseMath.LogOnePlus(ratio);
    }

    /// <summary>The per-customer likelihood with the parameters' constants worked out once.</summary>
    /// <remarks>
    /// Every ratio of Beta functions is a <see cref="PreciseMath.LogBetaRatio"/> (a product of (b+i)/(a+b+i)), never a
    /// difference of two ln B: that difference lost every digit for β or δ near 10¹⁷ (P(X(6) = 3) = 3.28), and β + i − x
    /// rounded to 0 for β = 10⁻²⁰ (MathNet threw). Counts are subtracted as integers before they meet a parameter.
    /// </remarks>
    private readonly struct Kernel(double alpha, double beta, double gamma, double delta)
    {
        // ln[γ/(γ+δ)]: B(γ+1, δ)/B(γ, δ).
        private double LogDeathShare { get; } = LogShare(gamma, delta);

        /// <summary>ln of B(α+x, β+k)/B(α,β) = B(β, α+x)/B(β, α) · B(α+x, β+k)/B(α+x, β): x transactions, k opportunities without.</summary>
        public double LogTransactions(int x, int k) =>
            PreciseMath.LogBetaRatio(beta, alpha, x) + PreciseMath.LogBetaRatio(alpha + x, beta, k);

        /// <summary>ln of B(α+x, β+n−x)/B(α,β) · B(γ, δ+n)/B(γ,δ): transact at exactly x of n opportunities, alive throughout.</summary>
        public double LogAliveThrough(int x, int n) => LogTransactions(x, n - x) + PreciseMath.LogBetaRatio(gamma, delta, n);

        /// <summary>ln of B(α+x, β+i−x)/B(α,β) · B(γ+1, δ+i)/B(γ,δ): x transactions at i opportunities alive, then gone.</summary>
        public double LogDeadAfter(int x, int i) =>
            LogTransactions(x, i - x) + LogDeathShare + PreciseMath.LogBetaRatio(gamma + 1, delta, i);

        public double LogLikelihood(int x, int tx, int n)
        {
            var log = LogAliveThrough(x, n);
            for (var i = 0; i < n - tx; i++)
            {
                // Alive at opportunities 1 … t_x + i, dead from t_x + i + 1, with no transaction after t_x.
                log = RepeatPurchase.LogSumExp(log, LogDeadAfter(x, tx + i));
            }

            return log;
        }
    }
}
