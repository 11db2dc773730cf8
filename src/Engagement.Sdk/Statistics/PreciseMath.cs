using MathNet.Numerics;

namespace Engagement.Sdk.Statistics;

/// <summary>
/// ln(1 + x), eˣ − 1 and ln B(a, b) to full precision where the plain expressions lose it: the BCL's <c>double.LogP1</c>
/// and <c>double.ExpM1</c> compute ln(1 + x) and eˣ − 1 as written, MathNet's allocate, and ln B from three ln Γ cancels
/// catastrophically when one argument is large (ln Γ(2³¹) ≈ 4·10¹⁰ carries an absolute error near 10⁻⁵).
/// </summary>
internal static class PreciseMath
{
    /// <summary>ln(1 + x) for x ≥ −1, to full precision for small x.</summary>
    /// <remarks>Goldberg (1991), "What every computer scientist should know about floating-point arithmetic", Theorem 4.</remarks>
    public static double LogOnePlus(double x)
    {
        if (x > 9007199254740992.0)
        {
            // Above 2⁵³, ln(1 + x) = ln x + 1/x to within rounding; ln(u)·x would overflow from about 2.5e305.
            return Math.Log(x);
        }

        var u = 1 + x;
        if (u == 1)
        {
            return x;
        }

        return Math.Log(u) * x / (u - 1);
    }

    /// <summary>eˣ − 1, to full precision for small x (Kahan's method).</summary>
    public static double ExpMinusOne(double x)
    {
        if (Math.Abs(x) > 0.5)
        {
            return Math.Exp(x) - 1; // the result is at least 0.39 in magnitude: no cancellation to speak of
        }

        var u = Math.Exp(x);
        return u == 1 ? x : (u - 1) * x / Math.Log(u);
    }

    /// <summary>ln B(a, b) for a, b &gt; 0, without the cancellation of two large ln Γ when one argument is large.</summary>
    /// <remarks>
    /// With s the smaller and l the larger argument, from l = 10 on Stirling's series ln Γ(x) = (x−½)ln x − x + ½ln 2π
    /// + ω(x) (Abramowitz &amp; Stegun 6.1.41) for ln Γ(l) − ln Γ(s + l) gives
    /// ln B = ln Γ(s) − s·ln l + s − (s + l − ½)·ln(1 + s/l) + ω(l) − ω(s + l), whose terms are of the size of s.
    /// </remarks>
    public static double LogBeta(double a, double b)
    {
        var (small, large) = a < b ? (a, b) : (b, a);
        if (large < 10)
        {
            return SpecialFunctions.BetaLn(a, b);
        }

        return SpecialFunctions.GammaLn(small) - (small * Math.Log(large)) + small - ((small + large - 0.5) * LogOnePlus(small / large))
            + StirlingRemainder(large) - StirlingRemainder(small + large);
    }

    /// <summary>ln Γ(r + n) − ln Γ(r) = ln[r(r+1)…(r+n−1)] for r &gt; 0 and n ≥ 0, without the cancellation of two
    /// large ln Γ when r is large (ln Γ(10³⁰⁰ + 3) − ln Γ(10³⁰⁰) is 0 in doubles; the answer is 3·ln 10³⁰⁰).</summary>
    /// <remarks>From r = 10 on, Stirling's series for both: (r − ½)·ln(1 + n/r) + n·ln(r + n) − n + ω(r + n) − ω(r).
    /// Below, the product's logarithms for n ≤ 16, otherwise the two ln Γ (ln Γ(r) is then small).</remarks>
    public static double LogRising(double r, double n)
    {
        if (n == 0)
        {
            return 0;
        }

        if (r >= 10)
        {
            return ((r - 0.5) * LogOnePlus(n / r)) + (n * Math.Log(r + n)) - n + StirlingRemainder(r + n) - StirlingRemainder(r);
        }

        if (n <= 16 && n == Math.Floor(n))
        {
            var sum = 0.0;
            for (var k = 0; k < n; k++)
            {
                sum += Math.Log(r + k);
            }

            return sum;
        }

        return SpecialFunctions.GammaLn(r + n) - SpecialFunctions.GammaLn(r);
    }

    /// <summary>
    /// ln[B(a, b + t)/B(a, b)] = Σ<sub>i=0</sub><sup>t−1</sup> ln((b + i)/(a + b + i)) for a, b &gt; 0 and a whole t ≥ 0: never
    /// above 0, non-increasing in t, and accurate however large or small a and b are (a difference of two ln B loses
    /// all its digits when b is near 10¹⁷ or a and b are both large, and b + t − 1 rounds to 0 when b is tiny).
    /// </summary>
    /// <remarks>
    /// Up to 16 terms, and until b + i reaches 10, term by term as −ln(1 + a/(b + i)). Beyond, Stirling's series for the four
    /// ln Γ (as in <see cref="LogBeta"/>), rearranged so that no two large terms cancel:
    /// (b−½)·ln(1 + (t/b)·a/(a+b+t)) − a·ln(1 + t/(a+b)) − t·ln(1 + a/(b+t)) + ω(b+t) − ω(a+b+t) − ω(b) + ω(a+b).
    /// </remarks>
    public static double LogBetaRatio(double a, double b, long t)
    {
        double sum = 0;
        long i = 0;
        for (; i < t && (i < 16 || b + i < 10); i++)
        {
            // a/(b+i) overflows when a is near 10³⁰⁰ and b near 10⁻³⁰⁰; then the quotient's logarithm is the difference.
            var ratio = a / (b + i);
            sum -= double.IsPositiveInfinity(ratio) ? Math.Log(a + b + i) - Math.Log(b + i) : LogOnePlus(ratio);
        }

        if (i == t)
        {
            return sum;
        }

        var start = b + i;
        double rest = t - i;
        // (t/b)·a/(a+b+t) underflows when a ≪ b near 10³⁰⁰ while (b−½) times it does not; then ln(1 + q) = q.
        var share = a / (a + start + rest);
        var q = rest / start * share;
        var first = q < 1e-20 ? (1 - (0.5 / start)) * (rest * share) : (start - 0.5) * LogOnePlus(q);
        var closed = first
            - (a * LogOnePlus(rest / (a + start)))
            - (rest * LogOnePlus(a / (start + rest)))
            + (StirlingRemainder(start + rest) - StirlingRemainder(start))
            - (StirlingRemainder(a + start + rest) - StirlingRemainder(a + start));
        return sum + closed;
    }

    /// <summary>ω(x) = Σ B₂ₖ / (2k(2k−1)x^(2k−1)), seven terms: below 3e-17 from x = 10 on.</summary>
    public static double StirlingRemainder(double x)
    {
        var r = 1 / (x * x);
        var series = (1.0 / 156 * r) - (691.0 / 360360);
        series = (series * r) + (1.0 / 1188);
        series = (series * r) - (1.0 / 1680);
        series = (series * r) + (1.0 / 1260);
        series = (series * r) - (1.0 / 360);
        series = (series * r) + (1.0 / 12);
        return series / x;
    }
}
