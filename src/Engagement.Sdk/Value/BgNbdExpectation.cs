using Engagement.Sdk.Statistics;
using MathNet.Numerics;

namespace Engagement.Sdk.Value;

/// <summary>
/// The expected number of purchases of a live BG/NBD customer over a horizon, E[(1 − (1 + k p)^−m) / p] over
/// p ~ Beta(a, b), by whichever of three routes is accurate for the arguments.
/// </summary>
/// <remarks>
/// <para>
/// Given that a customer is alive, the BG/NBD posterior is λ ~ Gamma(m, α + T) and p ~ Beta(a, b) (with m = r + x
/// and b the model's b + x), and a live customer's expected purchases over t are (1 − e^−λpt)/p; integrating λ out
/// gives g(p) = (1 − (1 + k p)^−m)/p with k = t/(α + T). The closed form of FHL (2005) eq. 9–10 is this expectation,
/// but its ₂F₁ overflows, underflows or cancels at extreme parameters or histories. g falls from m k at p = 0 to
/// 1 − (1 + k)^−m at p = 1, so the expectation lies between those bounds, whichever route computes it:
/// </para>
/// <list type="number">
/// <item>When m k ≤ 1/2 and k ≤ 1/2, the power series in k, m k · Σⱼ (m+1)ⱼ (a)ⱼ / ((a+b)ⱼ (j+1)!) (−k)ʲ, whose terms
/// fall at least twofold each, so it neither cancels nor converges slowly (the closed form cancels there: it is
/// 1 minus a number close to 1).</item>
/// <item>Otherwise the closed form, when it is finite and within the bounds.</item>
/// <item>Otherwise adaptive Gauss–Kronrod quadrature in s = −ln p, split around the mean and spread of s and where
/// g turns, so that mass far below p = 10⁻³⁰⁰ (a ≪ 1) or in a narrow peak (a, b ≫ 1) is not missed.</item>
/// </list>
/// <para>The result is clamped to the bounds, which only rounding can leave.</para>
/// </remarks>
internal static class BgNbdExpectation
{
    private const double SeriesLimit = 0.5;
    private const double NearOne = 1e-5;

    /// <summary>
    /// E[(1 − (1 + k p)^−m)/p] for p ~ Beta(a, b + x) with m = r + x: the bracket of FHL eq. 9 (x = 0, k = t/α) and
    /// eq. 10 (k = t/(α + T)), finite and at least 0 for every valid model, history and horizon.
    /// </summary>
    public static double GivenAlive(double a, double b, int x, double m, double k)
    {
        if (k == 0)
        {
            return 0;
        }

        var upper = m * k;
        var lower = -PreciseMath.ExpMinusOne(-m * PreciseMath.LogOnePlus(k));
        if (upper <= SeriesLimit && k <= SeriesLimit)
        {
            return Math.Clamp(Series(a, b + x, m, k), lower, upper);
        }

        var closedForm = Smoothed(a, b, x, m, Math.Exp(-m * PreciseMath.LogOnePlus(k)), k / (1 + k));
        var value = double.IsFinite(closedForm) && closedForm >= lower * (1 - 1e-9) && closedForm <= upper * (1 + 1e-9)
            ? closedForm
            : Quadrature(a, b + x, m, k);
        return Math.Clamp(value, lower, upper);
    }

    /// <summary>
    /// The closed form (a+b+x−1)/(a−1) · [1 − shrink · ₂F₁(m, b+x; a+b+x−1; z)] of eq. 9 and 10, or the mean at a ± 10⁻⁵
    /// when a is that close to 1, and likewise at b ± 10⁻⁵ near the pole of ₂F₁ at a + b + x − 1 = 0.
    /// </summary>
    /// <remarks>Static with plain arguments, so that a prediction allocates nothing (no closures).</remarks>
    private static double Smoothed(double a, double b, int x, double m, double shrink, double z) =>
        Math.Abs(a - 1) < NearOne
            ? 0.5 * (NearPole(1 - NearOne, b, x, m, shrink, z) + NearPole(1 + NearOne, b, x, m, shrink, z))
            : NearPole(a, b, x, m, shrink, z);

    /// <summary>The bracket at b, or the mean at b ± 10⁻⁵ when c = a + b + x − 1 is that close to the pole of ₂F₁ at 0.</summary>
    private static double NearPole(double a, double b, int x, double m, double shrink, double z) =>
        Math.Abs(a + b + x - 1) < NearOne
            ? 0.5 * (Bracket(a, b - NearOne, x, m, shrink, z) + Bracket(a, b + NearOne, x, m, shrink, z))
            : Bracket(a, b, x, m, shrink, z);

    private static double Bracket(double a, double b, int x, double m, double shrink, double z) =>
        (a + b + x - 1) / (a - 1) * (1 - (shrink * Hypergeometric2F1.Evaluate(m, b + x, a + b + x - 1, z)));

    /// <summary>m k Σⱼ (m+1)ⱼ (a)ⱼ / ((a+b)ⱼ (j+1)!) (−k)ʲ; each term at most half the one before when m k, k ≤ 1/2.</summary>
    private static double Series(double a, double b, double m, double k)
    {
        var sum = 1.0;
        var term = 1.0;
        for (var j = 0; j < 200; j++)
        {
            term *= -(m + 1 + j) * (a + j) / ((a + b + j) * (j + 2)) * k;
            var next = sum + term;
            if (next == sum)
            {
                break;
            }

            sum = next;
        }

        return m * k * sum;
    }

    /// <summary>∫₀^∞ g(e^−s) e^−as (1 − e^−s)^(b−1) / B(a, b) ds, in pieces, scaled by its largest value so that neither
    /// the integrand nor the quadrature's error estimates overflow.</summary>
    internal static double Quadrature(double a, double b, double m, double k)
    {
        var logBeta = PreciseMath.LogBeta(a, b);
        var logMk = Math.Log(m) + Math.Log(k);

        // log of the beta density in s, plus log g(e^−s) = s + log(1 − (1 + k e^−s)^−m).
        double LogIntegrand(double s) =>
            (-a * s) + ((b - 1) * Math.Log(-PreciseMath.ExpMinusOne(-s))) - logBeta
            + s + Math.Log(-PreciseMath.ExpMinusOne(-m * PreciseMath.LogOnePlus(k * Math.Exp(-s))));

        // E[s] = ψ(a+b) − ψ(a) and Var[s] = ψ′(a) − ψ′(a+b) for s = −ln p. g turns from m k to 1/p near s = ln(m k), beyond
        // which the integrand falls like e^−as: past the last point lies less than e^−60 of it.
        var mean = SpecialFunctions.DiGamma(a + b) - SpecialFunctions.DiGamma(a);
        var spread = Math.Sqrt(Math.Max(TriGamma(a) - TriGamma(a + b), 0));
        var points = new List<double>();
        foreach (var z in (ReadOnlySpan<double>)[-16, -8, -4, -2, -1, -0.5, 0, 0.5, 1, 2, 4, 8, 16, 32, 64])
        {
            points.Add(mean + (z * spread));
            points.Add(logMk + (Math.Abs(z) / a));
        }

        points.RemoveAll(s => !(s > 0 && double.IsFinite(s)));
        points.Add(0);
        points.Sort();
        var scale = double.NegativeInfinity;
        for (var i = 1; i < points.Count; i++)
        {
            scale = Math.Max(scale, Math.Max(LogIntegrand(points[i]), LogIntegrand(0.5 * (points[i - 1] + points[i]))));
        }

        double Integrand(double s)
        {
            var value = Math.Exp(LogIntegrand(s) - scale);
            return double.IsFinite(value) ? value : 0;
        }

        var total = 0.0;
        for (var i = 0; i + 1 < points.Count; i++)
        {
            var (from, to) = (points[i], points[i + 1]);
            if (to > from)
            {
                // Towards s = 0 the density behaves like s^(b−1), which is not smooth (for b < 1 not even bounded);
                // s = to · v^(1/b) makes the integrand smooth in v.
                total += from == 0 && b < 20
                    ? Piece(v => Integrand(to * Math.Pow(v, 1 / b)) * to / b * Math.Pow(v, (1 / b) - 1), 0, 1)
                    : Piece(Integrand, from, to);
            }
        }

        return Math.Exp(Math.Log(total) + scale);
    }

    private static double Piece(Func<double, double> f, double from, double to) =>
        Integrate.GaussKronrod(f, from, to, out _, out _, 1e-10, 6, 31);

    /// <summary>ψ′(x) for x &gt; 0, to a few digits (it only places the quadrature's break points).</summary>
    private static double TriGamma(double x)
    {
        var shift = 0.0;
        while (x < 6)
        {
            shift += 1 / (x * x);
            x += 1;
        }

        var inverse = 1 / x;
        var square = inverse * inverse;
        return shift + inverse + (square / 2) + (square * inverse / 6) - (square * square * inverse / 30);
    }
}
