using FsCheck;
using FsCheck.Fluent;

namespace Engagement.Sdk.Tests.Value;

/// <summary>Random cases for the properties of the four-parameter repeat-purchase models (BG/NBD read as r, α, a, b;
/// Pareto/NBD as r, α, s, β) and of their reference: the parameters and one customer's history (x, t<sub>x</sub>, T).</summary>
internal static class HistoryCases
{
    /// <summary>
    /// Four parameters, each a whole number in [<paramref name="low"/>, <paramref name="high"/>] divided by its scale;
    /// x in [0, <paramref name="maxFrequency"/>]; T a whole number in [<paramref name="minAge"/>, <paramref name="maxAge"/>]
    /// divided by <paramref name="ageScale"/>; and t<sub>x</sub> a share in (0, 1] of T for a repeat buyer (so above 0 unless
    /// T is 0, as a summary requires), 0 otherwise.
    /// </summary>
    public static Gen<(double P1, double P2, double P3, double P4, int X, double Tx, double T)> Generate(
        int low, int high, (double P1, double P2, double P3, double P4) scale, int maxFrequency, int minAge, int maxAge, double ageScale) =>
        from p1 in Gen.Choose(low, high)
        from p2 in Gen.Choose(low, high)
        from p3 in Gen.Choose(low, high)
        from p4 in Gen.Choose(low, high)
        from x in Gen.Choose(0, maxFrequency)
        from age in Gen.Choose(minAge, maxAge)
        from share in Gen.Choose(1, 1000)
        select (p1 / scale.P1, p2 / scale.P2, p3 / scale.P3, p4 / scale.P4, x, x == 0 ? 0.0 : age / ageScale * share / 1000.0, age / ageScale);
}
