namespace Engagement.Sdk.Tests.Value.Reference;

/// <summary>Adaptive Simpson integration (Lyness 1969), plain, for the reference's integrals over time.</summary>
internal static class NaiveQuadrature
{
    /// <summary>∫ f over [from, to] to within about <paramref name="tolerance"/> absolute.</summary>
    public static double Integrate(Func<double, double> f, double from, double to, double tolerance)
    {
        if (to == from)
        {
            return 0;
        }

        double fa = f(from), fb = f(to), mid = (from + to) / 2, fm = f(mid);
        var whole = (to - from) / 6 * (fa + (4 * fm) + fb);
        return Refine(f, from, to, fa, fm, fb, whole, tolerance, depth: 50);
    }

    private static double Refine(Func<double, double> f, double a, double b, double fa, double fm, double fb, double whole, double tolerance, int depth)
    {
        double m = (a + b) / 2, lm = (a + m) / 2, rm = (m + b) / 2;
        double flm = f(lm), frm = f(rm);
        var left = (m - a) / 6 * (fa + (4 * flm) + fm);
        var right = (b - m) / 6 * (fm + (4 * frm) + fb);
        var delta = left + right - whole;
        // The second test stops at rounding level, where halving the tolerance further cannot be met.
        if (depth <= 0 || Math.Abs(delta) <= 15 * tolerance || Math.Abs(delta) <= 1e-15 * Math.Abs(left + right))
        {
            return left + right + (delta / 15); // Richardson: Simpson's error falls 16-fold per halving
        }

        return Refine(f, a, m, fa, flm, fm, left, tolerance / 2, depth - 1)
            + Refine(f, m, b, fm, frm, fb, right, tolerance / 2, depth - 1);
    }
}
