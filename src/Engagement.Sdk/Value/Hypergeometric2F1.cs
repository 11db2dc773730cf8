using MathNet.Numerics;

namespace Engagement.Sdk.Value;

/// <summary>
/// The Gauss hypergeometric function ₂F₁(a, b; c; z) for real arguments and z &lt; 1, which MathNet.Numerics lacks and
/// the Pareto/NBD and BG/NBD expressions need.
/// </summary>
/// <remarks>
/// <para>Regions (Abramowitz &amp; Stegun 15.1.1, 15.3.5, 15.3.6; DLMF 15.8):</para>
/// <list type="bullet">
/// <item>z = 0: 1. 0 &lt; z ≤ 0.75, and 0 &lt; z ≤ 0.95 when a, b, c &gt; 0 (all terms positive, so no cancellation): the
/// Gauss series Σ (a)ₙ(b)ₙ/((c)ₙ n!) zⁿ, summed until the terms no longer change the sum.</item>
/// <item>z &lt; 0: Pfaff's transformation ₂F₁(a, b; c; z) = (1 − z)^−a ₂F₁(a, c − b; c; z/(z − 1)), which maps z into (0, 1).</item>
/// <item>Above those limits: the 1 − z connection formula (A&amp;S 15.3.6), whose two series in 1 − z &lt; 0.25 converge fast. It
/// divides by Γ(c − a − b) and Γ(a + b − c), so when c − a − b lies within 10⁻³ of an integer (where those
/// poles make the two terms cancel) the Gauss series in z is summed instead, slowly but without cancellation.</item>
/// </list>
/// <para>
/// Gamma functions of any real sign go through <see cref="LogGammaSigned"/>, so large parameters do not overflow. The
/// result is NaN where the series would need more than 10⁷ terms (z within about 10⁻⁶ of 1 near an integer
/// c − a − b) or when c is 0 or a negative integer. Relative accuracy is about 10⁻¹³ where the function is well
/// conditioned.
/// </para>
/// </remarks>
internal static class Hypergeometric2F1
{
    private const double SeriesLimit = 0.75;
    private const double PositiveSeriesLimit = 0.95;
    private const int MaxTerms = 10_000_000;

    /// <summary>Evaluates ₂F₁(a, b; c; z) for z &lt; 1.</summary>
    public static double Evaluate(double a, double b, double c, double z)
    {
        if (z == 0)
        {
            return 1;
        }

        if (!(z < 1) || double.IsNaN(a + b + c) || (c <= 0 && c == Math.Floor(c)))
        {
            return double.NaN;
        }

        if (z < 0)
        {
            // Pfaff: the new argument z/(z − 1) lies in (0, 1); −a is raised on 1 − z > 1.
            var w = z / (z - 1);
            return Math.Pow(1 - z, -a) * Positive(a, c - b, c, w);
        }

        return Positive(a, b, c, z);
    }

    /// <summary>The natural logarithm of |Γ(x)| and the sign of Γ(x), for any real x that is not 0 or a negative integer
    /// (for which the sign is 0: 1/Γ vanishes there).</summary>
    internal static (double LogAbs, int Sign) LogGammaSigned(double x)
    {
        if (x > 0)
        {
            return (SpecialFunctions.GammaLn(x), 1);
        }

        if (x == Math.Floor(x))
        {
            return (double.PositiveInfinity, 0);
        }

        // Reflection: Γ(x) Γ(1 − x) = π / sin(πx), with Γ(1 − x) > 0 for x < 0.
        var sine = Math.Sin(Math.PI * x);
        return (Math.Log(Math.PI / Math.Abs(sine)) - SpecialFunctions.GammaLn(1 - x), Math.Sign(sine));
    }

    private static double Positive(double a, double b, double c, double z)
    {
        // With a, b, c > 0 every term is positive, so the series cannot cancel: it is the most accurate route as long as
        // it converges in a few hundred terms.
        if (z <= SeriesLimit || (a > 0 && b > 0 && c > 0 && z <= PositiveSeriesLimit))
        {
            return Series(a, b, c, z);
        }

        var excess = c - a - b;
        if (Math.Abs(excess - Math.Round(excess)) < 1e-3)
        {
            return Series(a, b, c, z);
        }

        // A&S 15.3.6: ₂F₁(a,b;c;z) = Γ(c)Γ(c−a−b)/(Γ(c−a)Γ(c−b)) ₂F₁(a,b;a+b−c+1;1−z)
        //                         + (1−z)^(c−a−b) Γ(c)Γ(a+b−c)/(Γ(a)Γ(b)) ₂F₁(c−a,c−b;c−a−b+1;1−z).
        var y = 1 - z;
        var first = GammaRatio(c, excess, c - a, c - b) * Series(a, b, 1 - excess, y);
        var second = GammaRatio(c, -excess, a, b) * Series(c - a, c - b, excess + 1, y);
        return first + (Math.Pow(y, excess) * second);
    }

    /// <summary>Γ(p)Γ(q)/(Γ(r)Γ(s)) in log space with signs; 0 when r or s is a pole.</summary>
    private static double GammaRatio(double p, double q, double r, double s)
    {
        var (lp, sp) = LogGammaSigned(p);
        var (lq, sq) = LogGammaSigned(q);
        var (lr, sr) = LogGammaSigned(r);
        var (ls, ss) = LogGammaSigned(s);
        if (sr == 0 || ss == 0)
        {
            return 0;
        }

        return sp * sq * sr * ss * Math.Exp(lp + lq - lr - ls);
    }

    /// <summary>The Gauss series, summed until the terms stop changing the sum (twice in a row, so that a term that
    /// happens to be tiny does not end it early).</summary>
    private static double Series(double a, double b, double c, double z)
    {
        var sum = 1.0;
        var term = 1.0;
        var quiet = 0;
        for (var n = 0; n < MaxTerms; n++)
        {
            term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
            var next = sum + term;
            if (term == 0 || next == sum)
            {
                if (term == 0 || ++quiet == 2)
                {
                    return next;
                }
            }
            else
            {
                quiet = 0;
            }

            sum = next;
            if (!double.IsFinite(sum))
            {
                return double.NaN;
            }
        }

        return double.NaN;
    }
}
