using Engagement.Sdk.Value;

namespace Engagement.Sdk.Tests.Value;

/// <summary>P(X(t) = x) under BG/NBD at huge r, α, a: the limits the definition gives, not NaN or a clamped 1.</summary>
public class BgNbdProbabilityTests
{
    [Theory]
    [InlineData(1e12)]
    [InlineData(1e300)]
    public void HugeRAndAlpha_GiveAPoissonRateOfOne_MixedOverAUniformDropout(double scale)
    {
        // r = α → ∞ fixes λ = r/α = 1; a = b = 1 makes p uniform. Over t = 1, with N ~ Poisson(1) purchases:
        // P(X = 0) = e^−1; P(X = x > 0) = E[(1−p)^x]·P(N = x) + E[p(1−p)^(x−1)]·P(N ≥ x), where E[(1−p)^x] = 1/(x+1)
        // and E[p(1−p)^(x−1)] = B(2, x)/B(1, 1) = 1/(x(x+1)).
        // x = 1: ½·e^−1 + ½·(1 − e^−1) = ½.  x = 3: ¼·e^−1/6 + (1/12)·(1 − e^−1·(1 + 1 + ½)).
        var model = new BgNbdModel(scale, scale, 1, 1, TimeUnit.Week);
        var e = Math.Exp(-1);

        Assert.Equal(e, model.ProbabilityOfPurchases(0, 1), 1e-9);
        Assert.Equal(0.5, model.ProbabilityOfPurchases(1, 1), 1e-9);
        Assert.Equal((e / 24) + ((1 - (2.5 * e)) / 12), model.ProbabilityOfPurchases(3, 1), 1e-9);
    }

    [Fact]
    public void HugeRAndA_AlmostSurelyDropOutAfterTheFirstPurchase()
    {
        // r = 10^100, α = 1: λ = 10^100, so the first purchase comes at once. a = 10^100, b = 1: p ≈ 1 − 1/a, so the
        // customer almost surely drops out after it. P(X(1) = 1) → 1 and P(X(1) = 3) = E[p(1−p)²]·P(N ≥ 3) + E[(1−p)³]·P(N = 3)
        // ≈ B(a+1, 3)/B(a, 1) = a·Γ(3)·Γ(a+1)/Γ(a+4) ≈ 2/a² = 2·10^−200 (the second term is 6/a³·0).
        var model = new BgNbdModel(1e100, 1, 1e100, 1, TimeUnit.Week);

        Assert.Equal(1, model.ProbabilityOfPurchases(1, 1), 1e-12);
        Assert.Equal(1, model.ProbabilityOfPurchases(3, 1) / 2e-200, 1e-6);
        Assert.Equal(0, new BgNbdModel(1e300, 1, 1e300, 1, TimeUnit.Week).ProbabilityOfPurchases(3, 1));
    }

    [Theory]
    [InlineData(1e300, 1, 1e300, 1)]
    [InlineData(1e300, 1e-300, 1e300, 1)]
    [InlineData(1e300, 1e300, 1, 1)]
    [InlineData(1e9, 1e9, 0.5, 3)]
    [InlineData(0.243, 4.414, 0.793, 2.426)]
    public void Probabilities_AreFinite_AndSumToOne(double r, double alpha, double a, double b)
    {
        // Over 39 weeks the probabilities of 0 … 400 purchases hold all the mass of these models (λ·39 is at most 39
        // where it is not infinite, and an infinite rate ends after the first purchase up to a 1/a chance).
        var model = new BgNbdModel(r, alpha, a, b, TimeUnit.Week);
        var sum = 0.0;
        for (var x = 0; x <= 400; x++)
        {
            var probability = model.ProbabilityOfPurchases(x, 39);
            Assert.InRange(probability, 0, 1);
            sum += probability;
        }

        Assert.Equal(1, sum, 1e-9);
        Assert.Equal(0, model.ProbabilityOfPurchases(int.MaxValue, 39));
    }
}
