using Engagement.Sdk.Statistics;

namespace Engagement.Sdk.Value;

/// <summary>
/// The Pareto/NBD log-likelihood of a set of customers, over the distinct histories (x, t<sub>x</sub>, T) weighted by how
/// many customers share each, summed in parallel over fixed blocks (<see cref="BlockSum"/>).
/// </summary>
/// <remarks>
/// <para>Per customer (Fader &amp; Hardie 2005, "A Note on Deriving the Pareto/NBD Model and Related Expressions", eq. 22–23):</para>
/// <code>
/// L = Γ(r+x) α^r β^s / Γ(r) · [ (α+T)^−(r+x) (β+T)^−s + s/(r+s+x) · A₀ ]
/// A₀ = ₂F₁(r+s+x, s+1; r+s+x+1; (α−β)/(α+t_x)) / (α+t_x)^(r+s+x) − ₂F₁(…; (α−β)/(α+T)) / (α+T)^(r+s+x)   for α ≥ β
/// A₀ = ₂F₁(r+s+x, r+x; r+s+x+1; (β−α)/(β+t_x)) / (β+t_x)^(r+s+x) − ₂F₁(…; (β−α)/(β+T)) / (β+T)^(r+s+x)   for α &lt; β
/// </code>
/// <para>
/// At α = β the arguments are 0 and ₂F₁ is 1, which is the limit. Everything is kept in logs: A₀ = e^ℓ₁ (1 − e^(ℓ₂−ℓ₁))
/// and the bracket is a log-sum-exp. The gradient is left to central differences (its parameter derivatives of ₂F₁
/// have no cheap closed form).
/// </para>
/// </remarks>
internal sealed class ParetoNbdLikelihood
{
    private readonly int[] _frequency;
    private readonly double[] _recency;
    private readonly double[] _age;
    private readonly long[] _weight;
    private readonly BlockSum _sum;
    private readonly double[] _total = new double[1];
    private double _r;
    private double _alpha;
    private double _s;
    private double _beta;

    public ParetoNbdLikelihood(CustomerSummaries data, int threads)
    {
        // Customers who share a history share a likelihood: CDNOW's 2,357 customers have far fewer distinct histories.
        var frequency = data.Frequency;
        var recency = data.Recency;
        var age = data.T;
        var index = new Dictionary<(int, double, double), int>();
        var weights = new List<long>();
        for (var i = 0; i < data.Count; i++)
        {
            var key = (frequency[i], recency[i], age[i]);
            if (index.TryGetValue(key, out var slot))
            {
                weights[slot]++;
            }
            else
            {
                index.Add(key, weights.Count);
                weights.Add(1);
            }
        }

        _frequency = new int[weights.Count];
        _recency = new double[weights.Count];
        _age = new double[weights.Count];
        foreach (var ((x, tx, t), slot) in index)
        {
            _frequency[slot] = x;
            _recency[slot] = tx;
            _age[slot] = t;
        }

        _weight = weights.ToArray();
        _sum = new BlockSum(_weight.Length, 1, threads, Terms);
    }

    /// <summary>The total log-likelihood at θ = (r, α, s, β).</summary>
    public double Evaluate(double[] theta)
    {
        (_r, _alpha, _s, _beta) = (theta[0], theta[1], theta[2], theta[3]);
        foreach (var value in theta)
        {
            // exp(φ) of an optimiser's step can underflow to 0 or overflow to ∞: no model has such a parameter, so the
            // likelihood is undefined there (the optimiser treats it as a step to avoid) and no estimate can become 0.
            if (!(double.IsFinite(value) && value > 0))
            {
                return double.NaN;
            }
        }

        _sum.Sum(_total);
        return _total[0];
    }

    /// <summary>ln L of one history, and ln of the share of its first term (the log of P(alive)).</summary>
    /// <remarks>
    /// The factor α^r β^s is taken into both terms of the bracket before any logarithm, so that r and s multiply only
    /// ln(1 + t/α)-like quantities computed with <see cref="PreciseMath.LogOnePlus"/>: with s = β = 10¹⁷,
    /// s·ln(β + T) − s·ln β is 0 in doubles while s·ln(1 + T/β) is T·s/β. Likewise the second ₂F₁ term is taken
    /// relative to the first through (r+s+x)·ln(1 + (T − t_x)/(m + t_x)).
    /// </remarks>
    internal static double LogLikelihood(double r, double alpha, double s, double beta, int x, double recency, double age, out double logAlive)
    {
        var rsx = r + s + x;

        // α^r β^s (α+T)^−(r+x) (β+T)^−s.
        var logFirst = -(r * PreciseMath.LogOnePlus(age / alpha)) - (s * PreciseMath.LogOnePlus(age / beta)) - (x * Math.Log(alpha + age));
        double m, b;
        if (alpha >= beta)
        {
            (m, b) = (alpha, s + 1);
        }
        else
        {
            (m, b) = (beta, r + x);
        }

        // α^r β^s ₂F₁(…; (α−β)/(m+t_x)) / (m+t_x)^(r+s+x), with ln(α/m) and ln(β/m) one 0 and the other ln(1 − |α−β|/m).
        var difference = Math.Abs(alpha - beta);
        var logMin = LogRatio(Math.Min(alpha, beta), m);
        var logF1 = Math.Log(Hypergeometric2F1.Evaluate(rsx, b, rsx + 1, difference / (m + recency)));
        var l1 = logF1 + (alpha >= beta ? s * logMin : r * logMin)
            - ((r + s) * PreciseMath.LogOnePlus(recency / m)) - (x * Math.Log(m + recency));

        // The same at T, less the one at t_x: ln F(T) − ln F(t_x) − (r+s+x) ln((m+T)/(m+t_x)).
        var l2MinusL1 = Math.Log(Hypergeometric2F1.Evaluate(rsx, b, rsx + 1, difference / (m + age)))
            - logF1
            - (rsx * PreciseMath.LogOnePlus((age - recency) / (m + recency)));
        var bracket = logFirst;
        if (l2MinusL1 < 0)
        {
            var logA0 = l1 + Math.Log(-PreciseMath.ExpMinusOne(l2MinusL1));
            bracket = RepeatPurchase.LogSumExp(logFirst, Math.Log(s / rsx) + logA0);
        }

        logAlive = logFirst - bracket;
        return PreciseMath.LogRising(r, x) + bracket;
    }

    /// <summary>ln(small/large) for 0 &lt; small ≤ large: as ln(1 − (large − small)/large) near 1, where the difference is
    /// exact and the quotient's rounding would be magnified by a large shape parameter, and as the plain logarithm below
    /// 1/2, where 1 − small/large could round to 1.</summary>
    internal static double LogRatio(double small, double large)
    {
        var ratio = small / large;
        return ratio > 0.5 ? PreciseMath.LogOnePlus(-(large - small) / large) : Math.Log(ratio);
    }

    private void Terms(int first, int end, Span<double> sums)
    {
        var ll = 0.0;
        for (var i = first; i < end; i++)
        {
            ll += _weight[i] * LogLikelihood(_r, _alpha, _s, _beta, _frequency[i], _recency[i], _age[i], out _);
        }

        sums[0] = ll;
    }
}
