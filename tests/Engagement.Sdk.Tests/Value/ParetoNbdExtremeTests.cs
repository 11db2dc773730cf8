using System.Diagnostics;
using Engagement.Sdk.Value;

namespace Engagement.Sdk.Tests.Value;

/// <summary>
/// Pareto/NBD predictions and fits at the edges of the parameter space, where ln((β + t)/β) rounds to 0, the sum over
/// j of P(X(t) = x) runs long, and an optimiser's step can underflow a parameter to 0.
/// </summary>
public class ParetoNbdExtremeTests
{
    private static readonly double[] Values = [1e-6, 1e-2, 1, 1e2, 1e6];

    private static readonly (int X, double Recency, double Age)[] Histories =
        [(0, 0, 30), (2, 10, 30), (5, 29, 30), (1, 1e-9, 30), (1000, 1, 30)];

    // P(X(t) = x) is checked on the inner part of the grid only: where α/β or β/α passes about 10¹⁶ its ₂F₁ argument
    // |α−β|/max(α, β) rounds to 1, where the series is NaN (or needs up to 10⁷ terms just below); left open.
    private static readonly double[] ProbabilityGrid = [1e-2, 1, 1e2];

    private static readonly double[] Horizons = [1e-9, 1e-3, 10, 1e6, 1e300];

    public static TheoryData<double> Shapes() => [.. Values];

    [Theory]
    [Trait("Category", "Slow")] // tens of thousands of evaluations: minutes under coverage, so CI runs it without
    [MemberData(nameof(Shapes))]
    public void Predictions_AcrossTheGrid_AreFiniteAndWithinTheirBounds(double r)
    {
        // 7³ models per r × 5 histories × 5 increasing horizons. From the definitions: P(alive) and P(X(t) = x) are
        // probabilities, so in [0, 1], and P(X(t) = 0..5) sum to at most 1; X(t) and Y(t) count purchases, so their
        // expectations are finite, 0 or more, and cannot fall as t grows.
        var failures = new List<string>();
        foreach (var alpha in Values)
        {
            foreach (var s in Values)
            {
                foreach (var beta in Values)
                {
                    var model = new ParetoNbdModel(r, alpha, s, beta, TimeUnit.Week);
                    foreach (var (x, recency, age) in Histories)
                    {
                        Check(model.ProbabilityAlive(x, recency, age), 0, 1, $"P(alive | {x}, {recency}, {age})");
                    }

                    var previous = 0.0;
                    var previousConditional = new double[Histories.Length];
                    foreach (var t in Horizons)
                    {
                        var expected = model.ExpectedPurchases(t);
                        // An immortal customer expects r t/α purchases, more than anyone: only where that passes the largest
                        // double may the expectation overflow to +∞.
                        var ceiling = r * t / alpha >= double.MaxValue ? double.PositiveInfinity : double.MaxValue;
                        Check(expected, previous * (1 - 1e-12), ceiling, $"E[X({t})] after {previous}");
                        previous = expected;
                        if (ProbabilityGrid.Contains(alpha) && ProbabilityGrid.Contains(beta) && ProbabilityGrid.Contains(s) && ProbabilityGrid.Contains(r))
                        {
                            var total = 0.0;
                            for (var n = 0; n <= 5; n++)
                            {
                                var probability = model.ProbabilityOfPurchases(n, t);
                                Check(probability, 0, 1, $"P(X({t}) = {n})");
                                total += probability;
                            }

                            // The dead term is a difference B₁ − Σⱼ …, so each probability carries a few 1e-13 absolute.
                            Check(total, 0, 1 + 1e-11, $"Σ P(X({t}) = 0..5)");
                        }
                        for (var h = 0; h < Histories.Length; h++)
                        {
                            var (x, recency, age) = Histories[h];
                            var conditional = model.ConditionalExpectedPurchases(t, x, recency, age);
                            var most = (r + x) * t / (alpha + age) >= double.MaxValue ? double.PositiveInfinity : double.MaxValue;
                            Check(conditional, previousConditional[h] * (1 - 1e-12), most, $"E[Y({t}) | {x}, {recency}, {age}] after {previousConditional[h]}");
                            previousConditional[h] = conditional;
                        }
                    }

                    void Check(double value, double lower, double upper, string what)
                    {
                        if (!(value >= lower && value <= upper && (double.IsFinite(value) || double.IsPositiveInfinity(upper))))
                        {
                            failures.Add($"{model}: {what} = {value}, outside [{lower}, {upper}]");
                        }
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(30)) + $"{Environment.NewLine}({failures.Count} in all)");
    }

    [Fact]
    public void ProbabilityOfPurchases_AboveTheCap_ThrowsNamingPurchases()
    {
        // x = int.MaxValue wrapped the loop over j (j ≤ x never fails) and never returned; one ₂F₁ per j makes even a
        // terminating loop minutes long, so the count is capped like BG/BB's horizons.
        var model = new ParetoNbdModel(0.553, 10.578, 0.606, 11.669, TimeUnit.Week);
        var watch = Stopwatch.StartNew();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => model.ProbabilityOfPurchases(int.MaxValue, 1));

        Assert.Equal("purchases", error.ParamName);
        Assert.Equal(int.MaxValue, error.ActualValue);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"took {watch.Elapsed}");
        Assert.Throws<ArgumentOutOfRangeException>(() => model.ProbabilityOfPurchases(1_000_001, 1));
    }

    [Fact]
    public void ProbabilityOfPurchases_AtTheCap_IsAProbability()
    {
        // At the cap itself the sum runs; with 0.553/10.578 purchases a week expected, 10⁶ in a week is all but impossible.
        var model = new ParetoNbdModel(0.553, 10.578, 0.606, 11.669, TimeUnit.Week);

        var probability = model.ProbabilityOfPurchases(1_000_000, 1);

        Assert.InRange(probability, 0, 1e-100);
    }

    [Fact]
    public void ProbabilityOfPurchases_ManyPurchasesWithAlphaBelowBeta_SumsToOneWithTheRightMean()
    {
        // r = s = 1, α = 0.1, β = 1, t = 1: z = (β−α)/(β+t) = 0.45, so ₂F₁(r+s+j, r+x; …; z) ~ 0.55^−j overflowed from
        // j ≈ 709/0.6 ≈ 1,190 on while its weight underflowed, and every P(X(1) = x) from there was NaN. λ ~ Exp(mean 10)
        // makes P(X(1) > 1,500) below e^−140, so the first 1,501 probabilities sum to 1, and their mean is E[X(1)], at
        // s = 1 (rβ/α) ln(1 + t/β) = 10 ln 2.
        var model = new ParetoNbdModel(1, 0.1, 1, 1, TimeUnit.Week);
        var (total, mean) = (0.0, 0.0);
        for (var x = 0; x <= 1500; x++)
        {
            var probability = model.ProbabilityOfPurchases(x, 1);
            total += probability;
            mean += x * probability;
        }

        Assert.Equal(1, total, 1e-9);
        Assert.Equal(10 * Math.Log(2), mean, 1e-8);
    }

    [Theory]
    [InlineData(1e17)]
    [InlineData(1e15)]
    [InlineData(1e300)]
    public void ExpectedPurchases_LargeSAndBetaAtRateOne_TendsToOneMinusExpMinusOne(double scale)
    {
        // E[X(t)] = rβ/(α(s−1)) · [1 − (1 + t/β)^−(s−1)]. With r = α = 1, s = β = n and t = 1: β/(s−1) = 1 + O(1/n) and
        // (s−1)·ln(1 + 1/β) = 1 − O(1/n), so E[X(1)] = 1 − e^−1 + O(1/n): the dropout rate is s/β = 1 almost surely and
        // E[X(1)] = ∫₀¹ e^−u du. Before: −0 at n = 10¹⁷ (ln((β+1)/β) rounded to 0) and 0.6705 at 10¹⁵.
        var model = new ParetoNbdModel(1, 1, scale, scale, TimeUnit.Week);
        var expected = 1 - Math.Exp(-1);

        Assert.Equal(expected, model.ExpectedPurchases(1), 1e-12);
    }

    [Fact]
    public void ProbabilityAlive_AllParametersLarge_MatchesTheClosedForm()
    {
        // α = β = m: both ₂F₁ arguments are 0, so F = 1 and P(alive) = 1 / (1 + s/(r+s+x) · [((m+T)/(m+t_x))^(r+s+x) − 1]).
        // With m = r = s = 10¹⁷, x = 2, t_x = 30, T = 39: s/(r+s+x) = 1/2 and (r+s+x) ln(1 + 9/(m+30)) = 18 to 1e-15, so
        // P(alive) = 2/(1 + e¹⁸) ≈ 3.05e-8. Before: 1 (ln((β+T)/β) and its kin rounded to 0).
        var model = new ParetoNbdModel(1e17, 1e17, 1e17, 1e17, TimeUnit.Week);
        var expected = 2 / (1 + Math.Exp(18));

        Assert.Equal(expected, model.ProbabilityAlive(2, 30, 39), 1e-10 * expected);
    }

    [Fact]
    public void ConditionalExpectedPurchases_LargeSAndBeta_UsesTheFullGrowth()
    {
        // E[Y(t) | x, t_x, T] = (r+x)(β+T)/((α+T)(s−1)) [1 − ((β+T)/(β+T+t))^(s−1)] · P(alive). With s = β = 10¹⁷,
        // α = 1, r = 1, t = 1 and x = 0, T = 0 (a new customer, alive surely): (β+T)/(s−1) → 1 and
        // (s−1) ln(1 + t/(β+T)) → 1, so E = (r/α)(1 − e^−1), as for E[X(1)].
        var model = new ParetoNbdModel(1, 1, 1e17, 1e17, TimeUnit.Week);

        Assert.Equal(1 - Math.Exp(-1), model.ConditionalExpectedPurchases(1, 0, 0, 0), 1e-12);
    }

    [Fact]
    public void Fit_WhereAnEstimateUnderflows_ReportsFailedInsteadOfThrowing()
    {
        // Recencies and ages of 10³⁰⁰ send the optimiser towards a boundary where exp(φ) underflows to 0; the docs
        // promise a status, not the estimate's own validation error (ParamName "value").
        var data = new CustomerSummaries(
            TimeUnit.Week, [new CustomerSummary("c0", 1, 1e300, 1e300, 10), new CustomerSummary("c1", 0, 0, 1e300)]);

        var fit = ParetoNbdModel.Fit(data);

        Assert.Equal(FitStatus.Failed, fit.Diagnostics.Status);
    }
}
