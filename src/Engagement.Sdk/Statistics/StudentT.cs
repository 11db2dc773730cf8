using System.Globalization;

namespace Engagement.Sdk.Statistics;

/// <summary>
/// Student's t distribution with ν ≥ 1 degrees of freedom: its density, its upper tail and its two-sided critical
/// values to about 1e-13 relative for levels of ½ and above, without dependencies.
/// </summary>
/// <remarks>
/// <para>
/// Critical values start from Hill (1970), "Algorithm 396: Student's t-quantiles", Communications of the ACM 13(10),
/// 617–619, and are refined by Taylor steps on the exact upper tail as Hill (1981), "Remark on Algorithm 396", ACM
/// Transactions on Mathematical Software 7(2), suggests. ν = 1 (Cauchy) and ν = 2 have closed forms; beyond
/// <see cref="LargeDegreesOfFreedom"/> the Cornish–Fisher expansion of Abramowitz &amp; Stegun (1964), 26.7.5, is exact
/// to double precision; ν = ∞ is the standard normal.
/// </para>
/// <para>
/// The upper tail is Q(t) = ½ I_{ν/(ν+t²)}(ν/2, ½) (Abramowitz &amp; Stegun 26.7.1 with 26.5.27), the regularized
/// incomplete beta function evaluated by its continued fraction (DLMF 8.17.22) with the modified Lentz method
/// (Thompson &amp; Barnett 1986, "Coulomb and Bessel functions of complex arguments and order", Journal of Computational
/// Physics 64(2)).
/// </para>
/// </remarks>
internal static class StudentT
{
    /// <summary>
    /// From here on the four terms of the Cornish–Fisher expansion, whose error falls as ν⁻⁵, are within 5e-14
    /// relative even at a level of 1 − 2⁻⁵³ (and far closer at usual levels), while the continued fraction of the
    /// tail loses digits to rounding as ν grows (1e-13 at ν = 10⁴). Both sides stay within about 5e-14.
    /// </summary>
    internal const double LargeDegreesOfFreedom = 5000;

    private const double LogPi = 1.1447298858494001741;
    private const double Tiny = 1e-300;
    private const double Epsilon = 1e-16;

    /// <summary>A cap that is never reached: the fraction needs at most about 140 terms for ν ≤ 5000.</summary>
    private const int MaxTerms = 2000;

    /// <summary>The t such that P(|T| ≤ t) = <paramref name="confidenceLevel"/> for T with the given degrees of freedom.</summary>
    /// <param name="confidenceLevel">The confidence level, strictly between 0 and 1.</param>
    /// <param name="degreesOfFreedom">ν, at least 1; <see cref="double.PositiveInfinity"/> gives the normal value.</param>
    /// <returns>The critical value, at least 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidenceLevel"/> is not strictly between 0 and 1,
    /// or <paramref name="degreesOfFreedom"/> is below 1 or NaN.</exception>
    /// <remarks>
    /// The two-tailed probability 1 − level is formed directly, never 0.5 + level/2, so that a level as close to 1 as
    /// 1 − 2⁻⁵³ still has its own, finite critical value.
    /// </remarks>
    internal static double TwoSidedCriticalValue(double confidenceLevel, double degreesOfFreedom)
    {
        Validation.ConfidenceLevel(confidenceLevel, nameof(confidenceLevel));
        if (!(degreesOfFreedom >= 1))
        {
            throw new ArgumentOutOfRangeException(
                nameof(degreesOfFreedom),
                degreesOfFreedom,
                string.Create(CultureInfo.InvariantCulture, $"Student's t needs at least 1 degree of freedom; got {degreesOfFreedom}."));
        }

        return Quantile(1 - confidenceLevel, degreesOfFreedom);
    }

    /// <summary>The density f(t) = (1 + t²/ν)^(−(ν+1)/2) / (√ν B(ν/2, ½)).</summary>
    internal static double Density(double t, double degreesOfFreedom)
    {
        var n = degreesOfFreedom;
        return Math.Exp((-(n + 1) / 2 * PreciseMath.LogOnePlus(t * t / n)) - LogBetaHalf(n / 2)) / Math.Sqrt(n);
    }

    /// <summary>Q(t) = P(T &gt; t) for t ≥ 0: to about 1e-15 relative for ν up to a few hundred, 1e-13 by ν = 5000.</summary>
    /// <remarks>
    /// With x = ν/(ν+t²), xᵃ(1−x)^½ / B(ν/2, ½) = t·f(t), so both forms of the incomplete beta function share the
    /// density: Q = t·f(t)/ν · K(x; ν/2, ½) in the tail, and Q = ½ − t·f(t) · K(1−x; ½, ν/2) near the centre, where
    /// K is the continued fraction and each form is used on the side where it converges
    /// (x &lt; (a+1)/(a+b+2), that is t² &gt; 3ν/(ν+2)).
    /// </remarks>
    internal static double UpperTail(double t, double degreesOfFreedom)
    {
        var n = degreesOfFreedom;
        var t2 = t * t;
        var tf = t * Density(t, n);
        return t2 * (n + 2) > 3 * n
            ? tf / n * BetaFraction(n / (n + t2), n / 2, 0.5)
            : 0.5 - (tf * BetaFraction(t2 / (n + t2), 0.5, n / 2));
    }

    /// <summary>The t whose two tails together hold probability <paramref name="twoTailed"/> (0 &lt; P &lt; 1).</summary>
    private static double Quantile(double twoTailed, double n)
    {
        var p = twoTailed;
        if (double.IsPositiveInfinity(n))
        {
            return -NormalDistribution.Quantile(p / 2);
        }

        if (n == 1)
        {
            // Cauchy: t = cot(πP/2); past the centre use tan(π(1−P)/2), whose argument is exact there.
            return p <= 0.5 ? 1 / Math.Tan(p * Math.PI / 2) : Math.Tan((1 - p) * Math.PI / 2);
        }

        if (n == 2)
        {
            // P = 1 − t/√(2+t²), so t² = 2(1−P)² / (P(2−P)).
            return (1 - p) * Math.Sqrt(2 / (p * (2 - p)));
        }

        return n > LargeDegreesOfFreedom ? CornishFisher(p, n) : Refine(Hill(p, n), p / 2, n);
    }

    /// <summary>Hill's (1970) approximation, the start of the refinement (any ν ≥ 1 other than 1 and 2).</summary>
    private static double Hill(double p, double n)
    {
        var a = 1 / (n - 0.5);
        var b = 48 / (a * a);
        var c = ((((20700 * a / b) - 98) * a) - 16) * a + 96.36;
        var d = (((94.5 / (b + c)) - 3) / b + 1) * Math.Sqrt(a * Math.PI / 2) * n;
        var y = Math.Pow(d * p, 2 / n);
        if (y > 0.05 + a)
        {
            // Asymptotic inverse expansion about the normal.
            var x = NormalDistribution.Quantile(p / 2);
            y = x * x;
            if (n < 5)
            {
                c += 0.3 * (n - 4.5) * (x + 0.6);
            }

            c = ((((((0.05 * d * x) - 5) * x) - 7) * x) - 2) * x + b + c;
            var series = (((((0.4 * y) + 6.3) * y) + 36) * y) + 94.5;
            y = ((((series / c) - y - 3) / b) + 1) * x;
            y = PreciseMath.ExpMinusOne(a * y * y);
        }
        else
        {
            // Tail series.
            y = ((((1 / ((((n + 6) / (n * y)) - (0.089 * d) - 0.822) * (n + 2) * 3)) + (0.5 / (n + 4))) * y) - 1)
                * (n + 1) / (n + 2) + (1 / y);
        }

        return Math.Sqrt(n * y);
    }

    /// <summary>Solves Q(t) = <paramref name="tail"/> by two-term Taylor steps from <paramref name="t"/>.</summary>
    /// <remarks>
    /// With δ = (Q(t) − q)/f(t) and f′/f = −(ν+1)t/(ν+t²), the step is δ·(1 + δ·t(ν+1) / (2(ν+t²))): Newton's step
    /// plus the curvature term, which converges cubically from Hill's start.
    /// </remarks>
    private static double Refine(double t, double tail, double n)
    {
        for (var i = 0; i < 8; i++)
        {
            var delta = (UpperTail(t, n) - tail) / Density(t, n);
            t += delta * (1 + (delta * t * (n + 1) / (2 * ((t * t) + n))));
            if (Math.Abs(delta) <= Epsilon * t)
            {
                break;
            }
        }

        return t;
    }

    /// <summary>Abramowitz &amp; Stegun 26.7.5: t = x + g₁/ν + g₂/ν² + g₃/ν³ + g₄/ν⁴ with x the normal quantile.</summary>
    private static double CornishFisher(double p, double n)
    {
        var x = -NormalDistribution.Quantile(p / 2);
        var x2 = x * x;
        var g1 = (x2 + 1) * x / 4;
        var g2 = (((5 * x2) + 16) * x2 + 3) * x / 96;
        var g3 = ((((3 * x2) + 19) * x2 + 17) * x2 - 15) * x / 384;
        var g4 = ((((((79 * x2) + 776) * x2) + 1482) * x2 - 1920) * x2 - 945) * x / 92160;
        return x + ((g1 + ((g2 + ((g3 + (g4 / n)) / n)) / n)) / n);
    }

    /// <summary>
    /// The continued fraction K with I_x(a, b) = xᵃ(1−x)ᵇ / (a·B(a, b)) · K (DLMF 8.17.22), by the modified Lentz
    /// method: K = 1 / (1 + d₁/(1 + d₂/(1 + …))) with d₂ₘ₊₁ = −(a+m)(a+b+m)x / ((a+2m)(a+2m+1)) and
    /// d₂ₘ = m(b−m)x / ((a+2m−1)(a+2m)).
    /// </summary>
    private static double BetaFraction(double x, double a, double b)
    {
        double f = 1, c = 1, d = 0;
        for (var j = 1; j < MaxTerms; j++)
        {
            var m = j / 2;
            var coefficient = j % 2 == 1
                ? -(a + m) * (a + b + m) * x / ((a + (2 * m)) * (a + (2 * m) + 1))
                : m * (b - m) * x / ((a + (2 * m) - 1) * (a + (2 * m)));

            // Lentz's guard against a zero denominator, without a branch: |C|, |D| ≥ Tiny keeping their signs.
            d = 1 + (coefficient * d);
            d = 1 / Math.CopySign(Math.Max(Math.Abs(d), Tiny), d);
            c = 1 + (coefficient / c);
            c = Math.CopySign(Math.Max(Math.Abs(c), Tiny), c);
            var delta = c * d;
            f *= delta;
            if (Math.Abs(delta - 1) <= Epsilon)
            {
                break;
            }
        }

        return 1 / f;
    }

    /// <summary>ln B(a, ½) = ln Γ(a) + ln Γ(½) − ln Γ(a + ½), without the cancellation of two large ln Γ.</summary>
    /// <remarks>
    /// Below 10, B(a, ½) = B(a+1, ½)·(a+½)/a raises a. From 10 on, Stirling's series ln Γ(x) = (x−½)ln x − x + ½ln 2π
    /// + ω(x) (Abramowitz &amp; Stegun 6.1.41) gives ln B(a, ½) = ½ln π + ½ − ½ln a − a·ln(1 + 1/(2a)) + ω(a) − ω(a+½).
    /// </remarks>
    private static double LogBetaHalf(double a)
    {
        var factor = 1.0;
        for (; a < 10; a++)
        {
            factor *= (a + 0.5) / a;
        }

        return (0.5 * LogPi) + 0.5 - (0.5 * Math.Log(a)) - (a * PreciseMath.LogOnePlus(0.5 / a))
            + PreciseMath.StirlingRemainder(a) - PreciseMath.StirlingRemainder(a + 0.5) + Math.Log(factor);
    }
}
