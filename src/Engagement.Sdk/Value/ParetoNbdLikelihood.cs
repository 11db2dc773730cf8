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
        _sum.Sum(_total);
        return _total[0];
    }

    /// <summary>ln L of one history, and ln of the share of its first term (the log of P(alive)).</summary>
    internal static double LogLikelihood(double r, double alpha, double s, double beta, int x, double recency, double age, out double logAlive)
    {
        var rsx = r + s + x;
        var logFirst = (-(r + x) * Math.Log(alpha + age)) - (s * Math.Log(beta + age));
        double m, b;
        if (alpha >= beta)
        {
            (m, b) = (alpha, s + 1);
        }
        else
        {
            (m, b) = (beta, r + x);
        }

        var difference = Math.Abs(alpha - beta);
        var l1 = Math.Log(Hypergeometric2F1.Evaluate(rsx, b, rsx + 1, difference / (m + recency))) - (rsx * Math.Log(m + recency));
        var l2 = Math.Log(Hypergeometric2F1.Evaluate(rsx, b, rsx + 1, difference / (m + age))) - (rsx * Math.Log(m + age));
        var bracket = logFirst;
        if (l2 < l1)
        {
            var logA0 = l1 + Math.Log(-MathNet.Numerics.SpecialFunctions.Expm1(l2 - l1));
            bracket = RepeatPurchase.LogSumExp(logFirst, Math.Log(s / rsx) + logA0);
        }

        logAlive = logFirst - bracket;
        return MathNet.Numerics.SpecialFunctions.GammaLn(r + x) - MathNet.Numerics.SpecialFunctions.GammaLn(r)
            + (r * Math.Log(alpha)) + (s * Math.Log(beta)) + bracket;
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
