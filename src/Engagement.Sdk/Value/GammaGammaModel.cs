using System.Globalization;
using System.Text.Json.Serialization;
using MathNet.Numerics;

namespace Engagement.Sdk.Value;

/// <summary>
/// The Gamma-Gamma model of the value of a customer's transactions: the amount of each transaction is
/// Gamma(<see cref="P"/>, ν) distributed around the customer's own mean p/ν, and ν varies across customers as
/// Gamma(<see cref="Q"/>, <see cref="Gamma"/>). Money only: it has no time unit.
/// </summary>
/// <remarks>
/// <para>
/// Colombo, R. &amp; Jiang, W. (1999), "A stochastic RFM model", Journal of Interactive Marketing 13(3); Fader, P. S.
/// &amp; Hardie, B. G. S. (2013), "The Gamma-Gamma Model of Monetary Value", http://brucehardie.com/notes/025/. For a
/// customer with x repeat transactions of mean z̄ the likelihood is the density of z̄,
/// f(z̄ | p, q, γ, x) = Γ(px + q) / (Γ(px) Γ(q)) · γ^q · x^(px) · z̄^(px − 1) / (γ + x z̄)^(px + q), and the
/// conditional expectation of the customer's mean transaction value is
/// E[Z | x, z̄] = p (γ + x z̄) / (px + q − 1) = (q − 1)/(px + q − 1) · pγ/(q − 1) + px/(px + q − 1) · z̄,
/// a weighted mean of the population mean pγ/(q − 1) and the customer's own mean.
/// </para>
/// <para>
/// The model assumes that the values of a customer's transactions do not depend on how many the customer makes; check
/// that x and z̄ are roughly uncorrelated before combining it with a purchase model. Equal when the parameters are
/// equal. Immutable and thread-safe.
/// </para>
/// </remarks>
public sealed class GammaGammaModel : IEquatable<GammaGammaModel>
{
    /// <summary>The parameter names, in the order of <see cref="FitDiagnostics.Parameters"/>.</summary>
    internal static readonly string[] ParameterNames = ["p", "q", "gamma"];

    /// <summary>Creates a model from its parameters.</summary>
    /// <param name="p">The shape of the distribution of a transaction's value; finite, above 0.</param>
    /// <param name="q">The shape of the distribution of ν across customers; finite, above 0.</param>
    /// <param name="gamma">The scale of the distribution of ν across customers; finite, above 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is not finite or not above 0.</exception>
    [JsonConstructor]
    public GammaGammaModel(double p, double q, double gamma)
    {
        RepeatPurchase.Parameters(ParameterNames, [p, q, gamma]);
        (P, Q, Gamma) = (p, q, gamma);
    }

    /// <summary>Gets p, the shape of the distribution of a transaction's value.</summary>
    public double P { get; }

    /// <summary>Gets q, the shape of the distribution of ν across customers.</summary>
    public double Q { get; }

    /// <summary>Gets γ, the scale of the distribution of ν across customers.</summary>
    public double Gamma { get; }

    /// <summary>
    /// Gets the mean value of a transaction across the population, E[Z] = pγ / (q − 1);
    /// <see cref="double.PositiveInfinity"/> when q ≤ 1, where the mean does not exist.
    /// </summary>
    /// <remarks>Evaluated without overflowing p·γ: finite whenever the mean itself is.</remarks>
    [JsonIgnore]
    public double MeanTransactionValue => Q > 1 ? ProductRatio(P, Gamma, Q - 1) : double.PositiveInfinity;

    /// <summary>Fits the model by maximum likelihood to the customers with repeat purchases and a mean repeat value.</summary>
    /// <param name="data">The summaries; customers without repeat purchases, without a <see cref="CustomerSummary.MonetaryValue"/>
    /// or with a mean value of 0 (which a Gamma distribution cannot produce) are left out. Their time unit plays no part.</param>
    /// <param name="options">The fitting options, or <see langword="null"/> for <see cref="ModelFitOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the fit.</param>
    /// <returns>The fitted model and its diagnostics; <see cref="FitDiagnostics.Observations"/> counts the customers used and
    /// <see cref="GammaGammaFit.ZeroValueBuyers"/> the repeat buyers left out for a mean value of 0.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">No customer has repeat purchases with a mean value above 0.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <remarks>A repeat buyer whose repeat purchases were all free (z̄ = 0) has no Gamma density: the fit leaves the customer
    /// out and reports how many it left out in <see cref="GammaGammaFit.ZeroValueBuyers"/>, never silently.</remarks>
    public static GammaGammaFit Fit(CustomerSummaries data, ModelFitOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var buyers = RepeatBuyers.From(data);
        if (buyers.Count == 0)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The Gamma-Gamma model needs customers with repeat purchases and a mean value above 0; none of the {data.Count} has one."),
                nameof(data));
        }

        // Start where the method of moments would put a customer base of one: p = 1, q = 2, γ = the mean spend.
        var start = new[] { 1.0, 2.0, Math.Max(buyers.MeanValue, 1e-6) };
        var result = MaximumLikelihood.Fit(
            ParameterNames,
            start,
            theta => buyers.LogLikelihood(theta[0], theta[1], theta[2], default),
            (theta, gradient) => buyers.LogLikelihood(theta[0], theta[1], theta[2], gradient),
            options ?? ModelFitOptions.Default,
            buyers.Count,
            cancellationToken);
        var estimate = result.Estimates;
        return new GammaGammaFit(new GammaGammaModel(estimate[0], estimate[1], estimate[2]), result.Diagnostics, buyers.ZeroValue);
    }

    /// <summary>Gets the log-likelihood of the model on the customers <see cref="Fit"/> would use.</summary>
    /// <param name="data">The summaries.</param>
    /// <returns>Σ ln f(z̄ | p, q, γ, x) over the customers with repeat purchases and a mean value above 0; 0 when there are none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is <see langword="null"/>.</exception>
    /// <remarks>Like <see cref="Fit"/>, it leaves out the repeat buyers with a mean value of 0, whose density is 0; count them
    /// with <see cref="GammaGammaFit.ZeroValueBuyers"/> of a fit on the same data.</remarks>
    public double LogLikelihood(CustomerSummaries data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return RepeatBuyers.From(data).LogLikelihood(P, Q, Gamma, default);
    }

    /// <summary>Gets the log-likelihood of one customer's mean repeat value.</summary>
    /// <param name="frequency">The number of repeat transactions x; above 0.</param>
    /// <param name="monetaryValue">Their mean value z̄; finite, above 0.</param>
    /// <returns>ln f(z̄ | p, q, γ, x).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="frequency"/> is not above 0, or <paramref name="monetaryValue"/>
    /// is not finite or not above 0.</exception>
    public double LogLikelihood(int frequency, double monetaryValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(frequency);
        SpendChecks.Positive(monetaryValue, nameof(monetaryValue));
        return CustomerLogLikelihood(P, Q, Gamma, frequency, monetaryValue);
    }

    /// <summary>
    /// Gets the expected mean value of a customer's transactions given what the customer spent,
    /// E[Z | x, z̄] = p (γ + x z̄) / (px + q − 1).
    /// </summary>
    /// <param name="frequency">The number of repeat transactions x; 0 or more. With 0 the result is
    /// <see cref="MeanTransactionValue"/>, whatever <paramref name="monetaryValue"/>.</param>
    /// <param name="monetaryValue">The mean value z̄ of those transactions; finite, 0 or more.</param>
    /// <returns>The expected mean transaction value; <see cref="double.PositiveInfinity"/> when px + q ≤ 1, where the
    /// posterior mean of the customer's mean value does not exist (only possible when q &lt; 1, or x = 0 and q ≤ 1).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="frequency"/> is negative, or <paramref name="monetaryValue"/>
    /// is negative or not finite.</exception>
    public double ConditionalExpectedAverageValue(int frequency, double monetaryValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(frequency);
        SpendChecks.NonNegative(monetaryValue, nameof(monetaryValue));
        return ExpectedAverageValue(frequency, monetaryValue);
    }

    /// <summary>Returns whether two models are equal.</summary>
    /// <param name="left">The first model.</param>
    /// <param name="right">The second model.</param>
    /// <returns><see langword="true"/> when the parameters are equal.</returns>
    public static bool operator ==(GammaGammaModel? left, GammaGammaModel? right) => Equals(left, right);

    /// <summary>Returns whether two models differ.</summary>
    /// <param name="left">The first model.</param>
    /// <param name="right">The second model.</param>
    /// <returns><see langword="true"/> when a parameter differs.</returns>
    public static bool operator !=(GammaGammaModel? left, GammaGammaModel? right) => !Equals(left, right);

    /// <inheritdoc />
    public bool Equals(GammaGammaModel? other) =>
        other is not null && P.Equals(other.P) && Q.Equals(other.Q) && Gamma.Equals(other.Gamma);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as GammaGammaModel);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(P, Q, Gamma);

    /// <summary>Returns the model as <c>Gamma-Gamma(p = …, q = …, γ = …)</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Gamma-Gamma(p = {P:G4}, q = {Q:G4}, γ = {Gamma:G4})");

    /// <summary>E[Z | x, z̄] without argument checks; x = 0 gives the population mean.</summary>
    /// <remarks>
    /// Evaluated as the weighted mean w · pγ/(q − 1) + (1 − w) · z̄, w = (q − 1)/(px + q − 1) (Fader &amp; Hardie 2013),
    /// that is γ · p/D + z̄ · px/D with D = px + q − 1, so that neither pγ nor x z̄ overflows where the answer is finite.
    /// When px itself overflows, numerator and denominator are divided by p first: D/p = x + (q − 1)/p.
    /// </remarks>
    internal double ExpectedAverageValue(int frequency, double monetaryValue)
    {
        var denominator = P * frequency + Q - 1;
        if (!(denominator > 0))
        {
            return double.PositiveInfinity;
        }

        if (double.IsFinite(denominator))
        {
            var population = ProductRatio(P, Gamma, denominator);
            return frequency == 0 || monetaryValue == 0 ? population : population + ProductRatio(P * frequency, monetaryValue, denominator);
        }

        // px + q − 1 overflowed, so p is above double.MaxValue / int.MaxValue and (q − 1)/p is small and finite.
        var perP = frequency + (Q - 1) / P;
        return Gamma / perP + frequency / perP * monetaryValue;
    }

    /// <summary>a · b / c for a, b, c &gt; 0 (b ≥ 0), without overflowing or underflowing a · b where the ratio is representable.</summary>
    private static double ProductRatio(double a, double b, double c)
    {
        var product = a * b;
        if (b == 0 || (double.IsFinite(product) && product >= 1e-290))
        {
            return product / c;
        }

        return Math.Exp(Math.Log(a) + Math.Log(b) - Math.Log(c));
    }

    /// <summary>ln f(z̄ | p, q, γ, x) for x &gt; 0, z̄ &gt; 0.</summary>
    internal static double CustomerLogLikelihood(double p, double q, double gamma, int x, double zbar)
    {
        var px = p * x;
        return SpecialFunctions.GammaLn(px + q) - SpecialFunctions.GammaLn(px) - SpecialFunctions.GammaLn(q)
            + q * Math.Log(gamma) + px * Math.Log(x) + (px - 1) * Math.Log(zbar) - (px + q) * Math.Log(gamma + x * zbar);
    }

    /// <summary>The repeat buyers of a set of summaries, as columns the likelihood reads: x, ln x z̄, ln z̄ and x z̄.</summary>
    private sealed class RepeatBuyers
    {
        private readonly double[] _x;
        private readonly double[] _logTotal;
        private readonly double[] _logMean;
        private readonly double[] _total;

        private RepeatBuyers(double[] x, double[] logTotal, double[] logMean, double[] total, double meanValue, long zeroValue)
        {
            ZeroValue = zeroValue;
            _x = x;
            _logTotal = logTotal;
            _logMean = logMean;
            _total = total;
            MeanValue = meanValue;
        }

        public int Count => _x.Length;

        public double MeanValue { get; }

        /// <summary>The repeat buyers left out because their mean value is 0.</summary>
        public long ZeroValue { get; }

        public static RepeatBuyers From(CustomerSummaries data)
        {
            var frequency = data.Frequency;
            var monetary = data.MonetaryValue;
            var count = 0;
            long zeroValue = 0;
            for (var i = 0; i < monetary.Length; i++)
            {
                if (frequency[i] > 0 && monetary[i] > 0)
                {
                    count++;
                }
                else if (frequency[i] > 0 && monetary[i] == 0)
                {
                    zeroValue++;
                }
            }

            var x = new double[count];
            var logTotal = new double[count];
            var logMean = new double[count];
            var total = new double[count];
            var sum = 0.0;
            for (int i = 0, j = 0; i < monetary.Length; i++)
            {
                if (frequency[i] > 0 && monetary[i] > 0)
                {
                    x[j] = frequency[i];
                    total[j] = frequency[i] * monetary[i];
                    logTotal[j] = Math.Log(total[j]);
                    logMean[j] = Math.Log(monetary[i]);
                    sum += monetary[i];
                    j++;
                }
            }

            return new RepeatBuyers(x, logTotal, logMean, total, count == 0 ? 0 : sum / count, zeroValue);
        }

        /// <summary>The log-likelihood and, when <paramref name="gradient"/> is not empty, its gradient in (p, q, γ).</summary>
        public double LogLikelihood(double p, double q, double gamma, Span<double> gradient)
        {
            var logGamma = Math.Log(gamma);
            var gammaLnQ = SpecialFunctions.GammaLn(q);
            var withGradient = !gradient.IsEmpty;
            var digammaQ = withGradient ? SpecialFunctions.DiGamma(q) : 0;
            double sum = 0, dp = 0, dq = 0, dg = 0;
            for (var i = 0; i < _x.Length; i++)
            {
                var px = p * _x[i];
                var logSpend = Math.Log(gamma + _total[i]);

                // ln f = lnΓ(px + q) − lnΓ(px) − lnΓ(q) + q ln γ + px ln(x z̄) − ln z̄ − (px + q) ln(γ + x z̄).
                sum += SpecialFunctions.GammaLn(px + q) - SpecialFunctions.GammaLn(px) - gammaLnQ
                    + q * logGamma + px * _logTotal[i] - _logMean[i] - (px + q) * logSpend;
                if (withGradient)
                {
                    var digammaSum = SpecialFunctions.DiGamma(px + q);
                    dp += _x[i] * (digammaSum - SpecialFunctions.DiGamma(px) + _logTotal[i] - logSpend);
                    dq += digammaSum - digammaQ + logGamma - logSpend;
                    dg += q / gamma - (px + q) / (gamma + _total[i]);
                }
            }

            if (withGradient)
            {
                gradient[0] = dp;
                gradient[1] = dq;
                gradient[2] = dg;
            }

            return sum;
        }
    }
}
