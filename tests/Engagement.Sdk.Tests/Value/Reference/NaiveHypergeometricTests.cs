using FsCheck;
using FsCheck.Fluent;

namespace Engagement.Sdk.Tests.Value.Reference;

/// <summary>The series reference against closed forms of ₂F₁ (A&amp;S 15.1) and its own transformation identities.</summary>
public class NaiveHypergeometricTests
{
    private static void Close(double expected, double actual, double relative = 1e-14) =>
        Assert.True(
            Math.Abs(expected - actual) <= relative * Math.Abs(expected),
            $"expected {expected:R}, got {actual:R} (relative error {Math.Abs(expected - actual) / Math.Abs(expected):E2})");

    [Theory]
    [InlineData(0.5)]
    [InlineData(-0.9)]
    [InlineData(0.9)]
    [InlineData(1e-3)]
    public void Logarithm(double z) =>
        // A&S 15.1.3: ₂F₁(1, 1; 2; z) = −ln(1 − z)/z.
        Close(-Math.Log(1 - z) / z, NaiveHypergeometric.Evaluate(1, 1, 2, z));

    [Theory]
    [InlineData(0.243, 2.426, 0.7)]
    [InlineData(3.5, 1.25, -0.9)]
    [InlineData(20, 5, -0.9)] // alternating terms up to ~10⁴ cancelling to 2.6·10⁻⁶: the case double sums get wrong
    [InlineData(-3.5, 0.5, 0.9)]
    public void BinomialSeries(double a, double b, double z) =>
        // A&S 15.1.8: ₂F₁(a, b; b; z) = (1 − z)^(−a).
        Close(Math.Pow(1 - z, -a), NaiveHypergeometric.Evaluate(a, b, b, z));

    [Theory]
    [InlineData(0.3)]
    [InlineData(-0.9)]
    [InlineData(0.94)]
    public void Arcsine(double x) =>
        // A&S 15.1.6: ₂F₁(½, ½; 3/2; x²) = arcsin(x)/x.
        Close(Math.Asin(x) / x, NaiveHypergeometric.Evaluate(0.5, 0.5, 1.5, x * x));

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.94)]
    public void Arctangent(double x) =>
        // A&S 15.1.5: ₂F₁(½, 1; 3/2; −x²) = arctan(x)/x.
        Close(Math.Atan(x) / x, NaiveHypergeometric.Evaluate(0.5, 1, 1.5, -x * x));

    [Fact]
    public void NegativeIntegerA_IsAPolynomial()
    {
        // ₂F₁(−2, b; c; z) = 1 − 2bz/c + b(b + 1)z²/(c(c + 1)): with b = 3, c = 4, z = 0.5: 1 − 0.75 + 12·0.25/20 = 0.4.
        Close(0.4, NaiveHypergeometric.Evaluate(-2, 3, 4, 0.5));
        Close(1, NaiveHypergeometric.Evaluate(0, 3, 4, 0.5));
    }

    [Fact]
    public void AtZero_IsOne() => Assert.Equal(1.0, NaiveHypergeometric.Evaluate(7.5, -2.25, 0.125, 0));

    [Fact]
    public void BgNbdSizedArguments_MatchTheEulerTransform()
    {
        // The BG/NBD conditional expectation needs ₂F₁(r + x, b + x; a + b + x − 1; t/(α + T + t)) — here x = 20 at the
        // published estimates, t = 39, T = 38.86 — which Euler's transform (A&S 15.3.3) rewrites with other arguments:
        // ₂F₁(a, b; c; z) = (1 − z)^(c − a − b) ₂F₁(c − a, c − b; c; z).
        double a = 0.243 + 20, b = 2.426 + 20, c = 0.793 + 2.426 + 20 - 1, z = 39 / (4.414 + 38.86 + 39);
        Close(Math.Pow(1 - z, c - a - b) * NaiveHypergeometric.Evaluate(c - a, c - b, c, z), NaiveHypergeometric.Evaluate(a, b, c, z), 1e-13);
    }

    [Theory]
    [InlineData(1, 1, 0, 0.5, "c")]
    [InlineData(1, 1, -3, 0.5, "c")]
    [InlineData(1, 1, 2, 0.95, "z")]
    [InlineData(1, 1, 2, -1, "z")]
    [InlineData(double.NaN, 1, 2, 0.5, "a")]
    [InlineData(1, double.PositiveInfinity, 2, 0.5, "b")]
    public void OutsideItsDomain_Throws(double a, double b, double c, double z, string paramName)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => NaiveHypergeometric.Evaluate(a, b, c, z));
        Assert.Equal(paramName, e.ParamName);
    }

    /// <summary>a, b in (−5, 30), c in (0.1, 40), z in [−0.9, 0.45]; shrinks towards small parameters and z = 0.</summary>
    private static Arbitrary<(double A, double B, double C, double Z)> Arguments() =>
        Arb.From(
            from a in Gen.Choose(-500, 3000)
            from b in Gen.Choose(-500, 3000)
            from c in Gen.Choose(10, 4000)
            from z in Gen.Choose(-900, 450)
            select (A: (a / 100.0) + 0.005, B: (b / 100.0) + 0.005, C: c / 100.0, Z: z / 1000.0),
            args => new[] { (A: 1.0, B: 1.0, C: 2.0, args.Z), (args.A, args.B, args.C, Z: 0.0), (A: args.A / 2, B: args.B / 2, args.C, Z: args.Z / 2) }
                .Where(smaller => smaller != args));

    [Fact]
    public void EulerAndPfaffTransforms_Hold() =>
        // A&S 15.3.3: ₂F₁(a, b; c; z) = (1 − z)^(c − a − b) ₂F₁(c − a, c − b; c; z), and
        // A&S 15.3.4: ₂F₁(a, b; c; z) = (1 − z)^(−a) ₂F₁(a, c − b; c; z/(z − 1)); for z ∈ [−0.9, 0.45], z/(z − 1) ∈ [−0.82, 0.47].
        // Relative 1e-9: the identities multiply by (1 − z)^p with |p| up to ~70, whose double rounding is ~10⁻¹⁴·|p ln(1 − z)|,
        // and values that cancel to near zero lose relative accuracy in the product.
        Prop.ForAll(Arguments(), args =>
        {
            var (a, b, c, z) = args;
            var direct = NaiveHypergeometric.Evaluate(a, b, c, z);
            var euler = Math.Pow(1 - z, c - a - b) * NaiveHypergeometric.Evaluate(c - a, c - b, c, z);
            var pfaff = Math.Pow(1 - z, -a) * NaiveHypergeometric.Evaluate(a, c - b, c, z / (z - 1));
            var scale = Math.Max(Math.Abs(direct), 1e-3);
            return (Math.Abs(direct - euler) <= 1e-9 * scale && Math.Abs(direct - pfaff) <= 1e-9 * scale)
                .Label($"direct {direct:R}, Euler {euler:R}, Pfaff {pfaff:R}");
        }).QuickCheckThrowOnFailure();
}
