using Engagement.Sdk.Value;
using MathNet.Numerics;

namespace Engagement.Sdk.Tests.Value;

/// <summary>The BG/NBD log-likelihood for customers beyond its recurrence table (x above 2^16, up to int.MaxValue): the
/// x-only terms then come from ln Γ and ψ directly, and must agree with the per-customer formula and its gradient.</summary>
public class BgNbdLikelihoodTests
{
    private static readonly double[] Theta = [0.243, 4.414, 0.793, 2.426];

    private static readonly CustomerSummaries Data = new(
        TimeUnit.Week,
        [
            new CustomerSummary("none", 0, 0, 38.9),
            new CustomerSummary("few", 3, 20.5, 38.9),
            new CustomerSummary("tabled", 65_536, 30, 38.9),
            new CustomerSummary("beyond", 70_000, 30, 38.9),
            new CustomerSummary("beyond again", 70_000, 12, 30),
            new CustomerSummary("most", int.MaxValue, 1, 1),
        ]);

    [Fact]
    public void LogLikelihood_BeyondTheTable_IsTheSumOfTheFormulaPerCustomer()
    {
        // FHL 2005 eq. 6 per customer, with every Γ and B from MathNet:
        // ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x) − ln B(a, b) + ln[(α+T)^−(r+x) + 1{x>0} a/(b+x−1) (α+t_x)^−(r+x)].
        var (r, alpha, a, b) = (Theta[0], Theta[1], Theta[2], Theta[3]);
        var expected = 0.0;
        foreach (var customer in Data.Customers)
        {
            double x = customer.Frequency;
            var e1 = -(r + x) * Math.Log(alpha + customer.T);
            var lse = e1;
            if (x > 0)
            {
                var e2 = Math.Log(a / (b + x - 1)) - ((r + x) * Math.Log(alpha + customer.Recency));
                var high = Math.Max(e1, e2);
                lse = high + Math.Log(Math.Exp(e1 - high) + Math.Exp(e2 - high));
            }

            expected += SpecialFunctions.GammaLn(r + x) - SpecialFunctions.GammaLn(r) + (r * Math.Log(alpha))
                + SpecialFunctions.BetaLn(a, b + x) - SpecialFunctions.BetaLn(a, b) + lse;
        }

        var actual = new BgNbdModel(r, alpha, a, b, TimeUnit.Week).LogLikelihood(Data);

        // The terms reach ±4.4e10 (ln Γ(2^31)), so agreement is relative.
        Assert.Equal(1, actual / expected, 1e-12);
    }

    [Fact]
    public void Gradient_BeyondTheTable_MatchesCentralDifferences()
    {
        // The gradient is what the fit follows; beyond the table it comes from ψ differences. Central differences of
        // the likelihood with steps of 1e-4 relative, on data without the int.MaxValue customer (whose ±4e10 terms
        // would swamp the step): the likelihood's terms reach 7e5 (ln Γ(70,000)), so rounding of about 1e-9 over a
        // step of 2e-5 gives errors near 1e-4 absolute, while the truncation error h²/6·f‴ stays below 1e-7.
        var data = new CustomerSummaries(TimeUnit.Week, [.. Data.Customers.Take(5)]);
        var likelihood = new BgNbdLikelihood(data, 1);
        var gradient = new double[4];
        likelihood.Evaluate(Theta, gradient);
        for (var k = 0; k < 4; k++)
        {
            var h = Theta[k] * 1e-4;
            var up = (double[])Theta.Clone();
            var down = (double[])Theta.Clone();
            up[k] += h;
            down[k] -= h;
            var numeric = (likelihood.Evaluate(up) - likelihood.Evaluate(down)) / (2 * h);
            Assert.Equal(1, gradient[k] / numeric, 1e-5);
        }
    }

    [Fact]
    public void Fit_WithACustomerOfIntMaxValuePurchases_ReturnsDiagnostics()
    {
        // Before, the table was sized max x + 1 and int.MaxValue + 1 overflowed: a bare OverflowException.
        var fit = BgNbdModel.Fit(Data);

        Assert.True(double.IsFinite(fit.Diagnostics.LogLikelihood) || fit.Diagnostics.Status == FitStatus.Failed);
    }
}
