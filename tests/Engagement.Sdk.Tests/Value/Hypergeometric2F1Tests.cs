using Engagement.Sdk.Tests.Value.Reference;
using Engagement.Sdk.Value;
using FsCheck;
using FsCheck.Fluent;

namespace Engagement.Sdk.Tests.Value;

/// <summary>₂F₁ against closed forms (A&amp;S 15.1), Gauss's theorem, and the reference's exact series.</summary>
public class Hypergeometric2F1Tests
{
    [Theory]
    [InlineData(0.3)]
    [InlineData(0.74)]
    [InlineData(0.76)]
    [InlineData(0.99)]
    [InlineData(-0.3)]
    [InlineData(-5)]
    [InlineData(-1000)]
    public void Logarithm(double z) =>
        // A&S 15.1.3: ₂F₁(1, 1; 2; z) = −ln(1 − z)/z. Here c − a − b = 0, an integer: the near-integer path above 0.75.
        Close(-Math.Log(1 - z) / z, Hypergeometric2F1.Evaluate(1, 1, 2, z), 1e-12);

    [Theory]
    [InlineData(0.243, 2.426, 0.7)]
    [InlineData(0.243, 2.426, 0.95)]
    [InlineData(3.5, 1.25, -0.9)]
    [InlineData(20, 5, -0.9)]
    [InlineData(-3.5, 0.5, 0.9)]
    [InlineData(2.7, 0.3, 0.999)]
    public void BinomialSeries(double a, double b, double z) =>
        // A&S 15.1.8: ₂F₁(a, b; b; z) = (1 − z)^(−a).
        Close(Math.Pow(1 - z, -a), Hypergeometric2F1.Evaluate(a, b, b, z), 1e-12);

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.9)]
    [InlineData(0.999)]
    public void Arcsine(double x) =>
        // A&S 15.1.6: ₂F₁(½, ½; 3/2; x²) = arcsin(x)/x; c − a − b = ½, so the 1 − z connection formula above 0.75.
        Close(Math.Asin(x) / x, Hypergeometric2F1.Evaluate(0.5, 0.5, 1.5, x * x), 1e-12);

    [Theory]
    [InlineData(0.3)]
    [InlineData(3)]
    public void Arctangent(double x) =>
        // A&S 15.1.5: ₂F₁(½, 1; 3/2; −x²) = arctan(x)/x; x = 3 takes Pfaff's transformation from z = −9.
        Close(Math.Atan(x) / x, Hypergeometric2F1.Evaluate(0.5, 1, 1.5, -x * x), 1e-12);

    [Theory]
    [InlineData(0.5, 0.25, 2.5)]
    [InlineData(1.3, 0.7, 4.1)]
    public void GaussTheorem_NearOne(double a, double b, double c)
    {
        // Gauss: ₂F₁(a, b; c; 1) = Γ(c)Γ(c−a−b)/(Γ(c−a)Γ(c−b)) for c − a − b > 0; at z = 1 − 10⁻¹² the function is
        // within about 10⁻¹² · (derivative) of it.
        var expected = Math.Exp(
            MathNet.Numerics.SpecialFunctions.GammaLn(c) + MathNet.Numerics.SpecialFunctions.GammaLn(c - a - b)
            - MathNet.Numerics.SpecialFunctions.GammaLn(c - a) - MathNet.Numerics.SpecialFunctions.GammaLn(c - b));
        Close(expected, Hypergeometric2F1.Evaluate(a, b, c, 1 - 1e-12), 1e-9);
    }

    [Fact]
    public void AtZero_IsOne_AndOutsideTheDomainIsNaN()
    {
        Assert.Equal(1, Hypergeometric2F1.Evaluate(7.5, -2.25, 0.125, 0));
        Assert.True(double.IsNaN(Hypergeometric2F1.Evaluate(1, 1, 2, 1)));
        Assert.True(double.IsNaN(Hypergeometric2F1.Evaluate(1, 1, -2, 0.5)));
    }

    [Fact]
    public void NegativeIntegerA_IsAPolynomial() =>
        // ₂F₁(−2, 3; 4; 0.5) = 1 − 2·3·0.5/4 + 3·4·0.25/20 = 0.4.
        Close(0.4, Hypergeometric2F1.Evaluate(-2, 3, 4, 0.5), 1e-15);

    [Fact]
    public void AgreesWithTheExactSeries_AtRandomPoints() =>
        // The reference sums the series in 256-bit fixed point for |z| ≤ 0.9. Where the function is well conditioned —
        // Σ|terms| / |Σ terms| ≤ 100, so that double arithmetic can hold 1e−10 at all — ours agrees to 1e−10 relative.
        // (Large a, b against small c at z &lt; 0 make terms of 10¹⁰ cancel to O(1): no double method is accurate there,
        // and the models never call ₂F₁ at z &lt; 0.)
        Prop.ForAll(Arb.From(Points), p =>
        {
            var (a, b, c, z) = p;
            if (Condition(a, b, c, z) > 100)
            {
                return true;
            }

            var expected = NaiveHypergeometric.Evaluate(a, b, c, z);
            var actual = Hypergeometric2F1.Evaluate(a, b, c, z);
            return Math.Abs(expected - actual) <= 1e-10 * Math.Abs(expected);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void AgreesWithTheExactSeries_OnTheModelsDomain() =>
        // The models call ₂F₁ with a, b, c > 0 and 0 ≤ z &lt; 1, where every term is positive: no exclusions.
        Prop.ForAll(Arb.From(Points), p =>
        {
            var (a, b, c, z) = p;
            z = Math.Abs(z);
            var expected = NaiveHypergeometric.Evaluate(a, b, c, z);
            return Math.Abs(expected - Hypergeometric2F1.Evaluate(a, b, c, z)) <= 1e-10 * Math.Abs(expected);
        }).QuickCheckThrowOnFailure();

    /// <summary>Σ|terms| / |Σ terms| of the Gauss series: how many digits summing it in double loses.</summary>
    private static double Condition(double a, double b, double c, double z)
    {
        double sum = 1, absolute = 1, term = 1;
        for (var n = 0; n < 100_000 && Math.Abs(term) > 1e-300; n++)
        {
            term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
            sum += term;
            absolute += Math.Abs(term);
            if (Math.Abs(term) < 1e-18 * absolute && n > Math.Abs(a) + Math.Abs(b) + Math.Abs(c))
            {
                break;
            }
        }

        return absolute / Math.Abs(sum);
    }

    private static Gen<(double A, double B, double C, double Z)> Points =>
        from a in Gen.Choose(1, 3000)
        from b in Gen.Choose(1, 3000)
        from c in Gen.Choose(1, 3000)
        from z in Gen.Choose(-900, 900)
        select (a / 100.0, b / 100.0, (c / 100.0) + 0.005, z / 1000.0);

    private static void Close(double expected, double actual, double relative) =>
        Assert.True(
            Math.Abs(expected - actual) <= relative * Math.Abs(expected),
            $"expected {expected:R}, got {actual:R} (relative error {Math.Abs(expected - actual) / Math.Abs(expected):E2})");
}
