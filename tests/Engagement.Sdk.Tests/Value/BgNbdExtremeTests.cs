using Engagement.Sdk.Tests.Value.Reference;
using Engagement.Sdk.Value;
using Engagement.Sdk.Statistics;

namespace Engagement.Sdk.Tests.Value;

/// <summary>
/// BG/NBD predictions at the edges of the parameter space, where FHL's closed form overflows, underflows or cancels:
/// the expectation of a live customer lies between 1 − (1 + k)^−(r+x) and (r + x) k (k = t/(α + T)), since
/// (1 − (1 + k p)^−m)/p falls from m k at p = 0 to 1 − (1 + k)^−m at p = 1.
/// </summary>
public class BgNbdExtremeTests
{
    private static readonly double[] Values = [1e-3, 0.1, 1, 10, 1e3, 1e6];

    private static readonly (int X, double Recency, double Age)[] Histories =
        [(0, 0, 30), (2, 10, 30), (5, 29, 30), (1, 1e-9, 30), (1000, 1, 30)];

    private static readonly double[] Horizons = [1e-9, 1e-3, 10, 1e6, 1e300];

    public static TheoryData<double> Shapes() => [.. Values];

    [Theory]
    [Trait("Category", "Slow")] // tens of thousands of evaluations: minutes under coverage, so CI runs it without
    [MemberData(nameof(Shapes))]
    public void Predictions_AcrossTheGrid_AreFiniteAndWithinTheirBounds(double r) =>
        AssertWithinBounds(r, Values, Histories);

    [Fact]
    [Trait("Category", "Slow")] // tens of thousands of evaluations: minutes under coverage, so CI runs it without
    public void Predictions_WithBillionsOfPurchases_AreFiniteAndWithinTheirBounds()
    {
        // x = int.MaxValue overflowed ₂F₁ (NaN at every model); only the quadrature serves, so a smaller grid of rates.
        AssertWithinBounds(1e-3, [1e-3, 1e6], [(int.MaxValue, 30, 30), (int.MaxValue, 1, 30)]);
        AssertWithinBounds(1e6, [1e-3, 1e6], [(int.MaxValue, 30, 30), (int.MaxValue, 1, 30)]);
    }

    private static void AssertWithinBounds(double r, double[] alphas, (int X, double Recency, double Age)[] histories)
    {
        // 6³ models (r fixed per case) × histories × 5 horizons. Before the bounded evaluation, e.g. r = 10⁶,
        // α = a = b = 10⁻³ gave NaN for a new customer over 10 weeks, and α = 10⁻³⁰⁰, b = 10³⁰⁰ gave −2.5e283.
        var failures = new List<string>();
        foreach (var alpha in alphas)
        {
            foreach (var a in Values)
            {
                foreach (var b in Values)
                {
                    var model = new BgNbdModel(r, alpha, a, b, TimeUnit.Week);
                    foreach (var t in Horizons)
                    {
                        var expected = model.ExpectedPurchases(t);
                        Check(expected, Lower(r, t / alpha), r * (t / alpha), $"E[X({t})]");
                        var probability = model.ProbabilityOfPurchases(3, t);
                        Check(probability, 0, 1, $"P(X({t}) = 3)");
                        foreach (var (x, recency, age) in histories)
                        {
                            var alive = model.ProbabilityAlive(x, recency, age);
                            Check(alive, 0, 1, $"P(alive | {x}, {recency}, {age})");
                            var k = t / (alpha + age);
                            var conditional = model.ConditionalExpectedPurchases(t, x, recency, age);
                            Check(conditional, alive * Lower(r + x, k), alive * (r + (double)x) * k, $"E[Y({t}) | {x}, {recency}, {age}]");
                        }

                        void Check(double value, double lower, double upper, string what)
                        {
                            if (!(double.IsFinite(value) && value >= lower * (1 - 1e-12) && value <= upper * (1 + 1e-12)))
                            {
                                failures.Add($"{model}: {what} = {value}, outside [{lower}, {upper}]");
                            }
                        }
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(20)) + $"{Environment.NewLine}({failures.Count} in all)");
    }

    [Theory]
    [InlineData(0.2426, 4.414, 0.7929, 2.426, 1e-3)]
    [InlineData(0.2426, 4.414, 0.7929, 2.426, 1e-7)] // the closed form keeps about 7 digits here: 1 − (1 − 5.5e-9)
    [InlineData(2, 1, 3, 0.5, 0.2)]
    [InlineData(0.5, 10, 1, 1, 1)] // a = 1
    public void ShortHorizons_TheSeries_EqualsTheReference(double r, double alpha, double a, double b, double t)
    {
        // The series route (m k ≤ 1/2): against Σ n P(X(t) = n) of FHL eq. 8, summed independently.
        var model = new BgNbdModel(r, alpha, a, b, TimeUnit.Week);
        var reference = NaiveLikelihoods.BgNbdExpectedPurchases(r, alpha, a, b, t);

        Assert.Equal(reference, model.ExpectedPurchases(t), 1e-9 * reference);
    }

    [Theory]
    [InlineData(0.2426, 4.414, 0.7929, 2.426, 39)]
    [InlineData(0.2426, 4.414, 0.7929, 2.426, 2)]
    [InlineData(2, 1, 3, 0.5, 20)]
    [InlineData(0.5, 10, 1.2, 7, 100)]
    [InlineData(5, 0.1, 0.3, 0.3, 1)]
    [InlineData(0.05, 2, 50, 400, 1000)]
    public void Quadrature_EqualsTheClosedForm_WhereThatIsAccurate(double m, double alphaPlusT, double a, double b, double t)
    {
        // The quadrature route, forced, against eq. 9's closed form (which the CDNOW tests pin to Hardie's spreadsheet)
        // at ordinary parameters: E[(1 − (1 + k p)^−m)/p] with p ~ Beta(a, b), k = t/(α + T).
        var model = new BgNbdModel(m, alphaPlusT, a, b, TimeUnit.Week);
        var closedForm = model.ExpectedPurchases(t);

        var quadrature = BgNbdExpectation.Quadrature(a, b, m, t / alphaPlusT);

        Assert.Equal(closedForm, quadrature, 1e-8 * closedForm);
    }

    [Fact]
    public void ManyPurchases_ComeFromTheQuadrature_AndAgreeWithTheLiveRate()
    {
        // x = int.MaxValue purchases in 30 weeks at T = t_x: alive almost surely (P(dead)/P(alive) = a/(b+x−1) = 1/x). Given
        // alive, m = r + x = 1 + x, k = t/(α + T) = 1/30.001 and p ~ Beta(1, 1 + x), so q = m p is Exp(1) to O(1/x) and
        // (1 + k p)^−m = e^(−k q) to O(1/x): E ≈ m E[(1 − e^(−k q))/q] = m ln(1 + k) (Frullani's integral).
        var model = new BgNbdModel(1, 1e-3, 1, 1, TimeUnit.Week);
        const double M = 1.0 + int.MaxValue;
        var approximate = M * Math.Log(1 + (1 / 30.001));

        var expected = model.ConditionalExpectedPurchases(1, int.MaxValue, 30, 30);

        Assert.Equal(approximate, expected, 1e-6 * approximate);
    }

    private static double Lower(double m, double k) => -PreciseMath.ExpMinusOne(-m * PreciseMath.LogOnePlus(k));
}
