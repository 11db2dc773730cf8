namespace Engagement.Sdk.Tests.Value.Reference;

/// <summary>
/// Brute-force maximum likelihood for the reference: a hand-written Nelder–Mead simplex (Nelder &amp; Mead 1965, with
/// the usual coefficients 1, 2, ½, ½) over the logs of the parameters, restarted from its own optimum until a restart
/// no longer improves, on the naive likelihoods. Slow and plain; it exists to show that the naive likelihoods and the
/// published estimates agree, independently of the optimised fitting core.
/// </summary>
internal static class NaiveFit
{
    /// <summary>The maximising parameters (natural scale) and the maximum log-likelihood.</summary>
    internal sealed record Fit(double[] Parameters, double LogLikelihood, int Evaluations);

    /// <summary>BG/NBD (r, α, a, b) on CDNOW-style summaries, from (1, 1, 1, 1).</summary>
    public static Fit BgNbd(IReadOnlyList<CdnowCustomer> customers) =>
        Maximise(p => NaiveLikelihoods.BgNbdLogLikelihood(p[0], p[1], p[2], p[3], customers), [1, 1, 1, 1]);

    /// <summary>Gamma-Gamma (p, q, γ) on the repeat buyers, from (1, 1, 1).</summary>
    public static Fit GammaGamma(IReadOnlyList<CdnowCustomer> customers) =>
        Maximise(p => NaiveLikelihoods.GammaGammaLogLikelihood(p[0], p[1], p[2], customers), [1, 1, 1]);

    /// <summary>BG/BB (α, β, γ, δ) on donation histories, from (1, 1, 1, 1).</summary>
    public static Fit BgBb(IReadOnlyList<DonationHistory> rows) =>
        Maximise(p => NaiveLikelihoods.BgBbLogLikelihood(p[0], p[1], p[2], p[3], rows), [1, 1, 1, 1]);

    /// <summary>sBG (α, β) on a cohort's survivors, from (1, 1).</summary>
    public static Fit ShiftedBetaGeometric(IReadOnlyList<long> survivors) =>
        Maximise(p => NaiveLikelihoods.ShiftedBetaGeometricLogLikelihood(p[0], p[1], survivors), [1, 1]);

    /// <summary>Maximises <paramref name="logLikelihood"/> over positive parameters, searching their logs.</summary>
    public static Fit Maximise(Func<double[], double> logLikelihood, double[] start)
    {
        var evaluations = 0;
        double Objective(double[] logs)
        {
            evaluations++;
            var value = logLikelihood(logs.Select(v => Math.Exp(v)).ToArray());
            return double.IsNaN(value) ? double.PositiveInfinity : -value;
        }

        var best = start.Select(v => Math.Log(v)).ToArray();
        var bestValue = Objective(best);
        for (var restart = 0; restart < 10; restart++)
        {
            var (point, value) = NelderMead(Objective, best, step: 0.5);
            var improved = bestValue - value > 1e-9;
            if (value < bestValue)
            {
                (best, bestValue) = (point, value);
            }
            if (!improved && restart > 0)
            {
                break;
            }
        }

        return new Fit(best.Select(v => Math.Exp(v)).ToArray(), -bestValue, evaluations);
    }

    private static (double[] Point, double Value) NelderMead(Func<double[], double> f, double[] start, double step)
    {
        var n = start.Length;
        var simplex = new List<(double[] Point, double Value)> { (start, f(start)) };
        for (var i = 0; i < n; i++)
        {
            var vertex = (double[])start.Clone();
            vertex[i] += step;
            simplex.Add((vertex, f(vertex)));
        }

        for (var iteration = 0; iteration < 20_000; iteration++)
        {
            simplex.Sort((p, q) => p.Value.CompareTo(q.Value));
            var (bestPoint, bestValue) = simplex[0];
            var worst = simplex[n];
            var size = simplex.Skip(1).Max(v => v.Point.Zip(bestPoint).Max(c => Math.Abs(c.First - c.Second)));
            if (worst.Value - bestValue < 1e-11 * (1 + Math.Abs(bestValue)) && size < 1e-9)
            {
                break;
            }

            var centroid = new double[n];
            for (var i = 0; i < n; i++)
            {
                centroid[i] = simplex.Take(n).Average(v => v.Point[i]);
            }

            double[] Towards(double[] from, double factor) => centroid.Select((c, i) => c + (factor * (from[i] - c))).ToArray();

            var reflected = Towards(worst.Point, -1);
            var reflectedValue = f(reflected);
            if (reflectedValue < bestValue)
            {
                var expanded = Towards(worst.Point, -2);
                var expandedValue = f(expanded);
                simplex[n] = expandedValue < reflectedValue ? (expanded, expandedValue) : (reflected, reflectedValue);
            }
            else if (reflectedValue < simplex[n - 1].Value)
            {
                simplex[n] = (reflected, reflectedValue);
            }
            else
            {
                var contracted = reflectedValue < worst.Value ? Towards(worst.Point, -0.5) : Towards(worst.Point, 0.5);
                var contractedValue = f(contracted);
                if (contractedValue < Math.Min(reflectedValue, worst.Value))
                {
                    simplex[n] = (contracted, contractedValue);
                }
                else
                {
                    for (var v = 1; v <= n; v++)
                    {
                        var shrunk = bestPoint.Select((b, i) => b + (0.5 * (simplex[v].Point[i] - b))).ToArray();
                        simplex[v] = (shrunk, f(shrunk));
                    }
                }
            }
        }

        simplex.Sort((p, q) => p.Value.CompareTo(q.Value));
        return simplex[0];
    }
}
