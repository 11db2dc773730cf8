namespace Engagement.Sdk.Statistics;

/// <summary>The standard normal distribution: its cumulative distribution function and its quantile function.</summary>
internal static class NormalDistribution
{
    private const double LogSqrtTwoPi = 0.91893853320467274178;

    /// <summary>Φ(x), accurate to about 1e-15 relative (in the lower tail, relative to the tail itself).</summary>
    /// <remarks>
    /// For |x| &lt; 2 the Taylor series of Marsaglia (2004), "Evaluating the Normal Distribution", Journal of Statistical
    /// Software 11(4): Φ(x) = ½ + φ(x)(x + x³/3 + x⁵/(3·5) + …), whose terms are all positive. Beyond, the tail
    /// from the Laplace continued fraction Q(x) = φ(x) / (x + 1/(x + 2/(x + 3/(x + …)))), evaluated by Lentz's method
    /// (about 100 terms at |x| = 2, fewer further out). The series alone would lose the lower tail to cancellation
    /// (½ − 0.49999… at x = −4.5 keeps only 11 digits), and <see cref="Quantile"/> needs that tail to full precision.
    /// </remarks>
    public static double Cdf(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        if (Math.Abs(x) < 2)
        {
            double sum = x, previous = 0, term = x, square = x * x;
            for (var i = 1.0; sum != previous;)
            {
                previous = sum;
                i += 2;
                term *= square / i;
                sum = previous + term;
            }

            return 0.5 + (sum * Math.Exp((-0.5 * square) - LogSqrtTwoPi));
        }

        var tail = UpperTail(Math.Abs(x));
        return x > 0 ? 1 - tail : tail;
    }

    /// <summary>Φ⁻¹(p) for 0 &lt; p &lt; 1, accurate to about 1e-15 relative.</summary>
    /// <remarks>
    /// Acklam's rational approximation (relative error below 1.15e-9), refined by one step of Halley's method on
    /// <see cref="Cdf"/>, which brings it to full double precision.
    /// </remarks>
    public static double Quantile(double p)
    {
        if (!(p > 0 && p < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "A probability strictly between 0 and 1 is required.");
        }

        const double Low = 0.02425, High = 1 - Low;
        double x;
        if (p < Low)
        {
            var q = Math.Sqrt(-2 * Math.Log(p));
            x = TailApproximation(q);
        }
        else if (p <= High)
        {
            var q = p - 0.5;
            var r = q * q;
            x = (((((-3.969683028665376e+01 * r + 2.209460984245205e+02) * r - 2.759285104469687e+02) * r + 1.383577518672690e+02) * r - 3.066479806614716e+01) * r + 2.506628277459239e+00) * q
                / (((((-5.447609879822406e+01 * r + 1.615858368580409e+02) * r - 1.556989798598866e+02) * r + 6.680131188771972e+01) * r - 1.328068155288572e+01) * r + 1);
        }
        else
        {
            var q = Math.Sqrt(-2 * Math.Log(1 - p));
            x = -TailApproximation(q);
        }

        // One Halley step: e = Φ(x) − p, u = e·√(2π)·exp(x²/2), x ← x − u / (1 + x·u/2).
        var e = Cdf(x) - p;
        var u = e * Math.Exp((0.5 * x * x) + LogSqrtTwoPi);
        return x - (u / (1 + (x * u / 2)));
    }

    private static double TailApproximation(double q) =>
        (((((-7.784894002430293e-03 * q - 3.223964580411365e-01) * q - 2.400758277161838e+00) * q - 2.549732539343734e+00) * q + 4.374664141464968e+00) * q + 2.938163982698783e+00)
        / ((((7.784695709041462e-03 * q + 3.224671290700398e-01) * q + 2.445134137142996e+00) * q + 3.754408661907416e+00) * q + 1);

    /// <summary>Q(x) = 1 − Φ(x) for x ≥ 2 by the Laplace continued fraction (modified Lentz).</summary>
    private static double UpperTail(double x)
    {
        // With x ≥ 2 every partial numerator k and denominator x is positive, so C and the denominator of D
        // stay above x: Lentz's guard against a vanishing denominator is not needed.
        var f = x;
        var c = x;
        var d = 0.0;
        for (var k = 1; k < 500; k++)
        {
            d = 1 / (x + (k * d));
            c = x + (k / c);
            var delta = c * d;
            f *= delta;
            if (Math.Abs(delta - 1) < 1e-16)
            {
                break;
            }
        }

        return Math.Exp((-0.5 * x * x) - LogSqrtTwoPi) / f;
    }
}
