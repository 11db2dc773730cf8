using Engagement.Sdk.Value;

namespace Engagement.Sdk.Tests.Value;

public class BgNbdModelTests
{
    [Fact]
    public void Fit_Cdnow_ReproducesThePublishedEstimates()
    {
        // Fader, Hardie & Lee (2005), "Counting Your Customers the Easy Way", Marketing Science 24(2), section 4: on the
        // 2,357 CDNOW customers (39 weeks) r = 0.243, α = 4.414, a = 0.793, b = 2.426, LL = −9582.4.
        var fit = BgNbdModel.Fit(CdnowSummaries.Sample);

        Assert.Equal(FitStatus.Converged, fit.Diagnostics.Status);
        Assert.Equal(0.243, fit.Model.R, 3);
        Assert.Equal(4.414, fit.Model.Alpha, 3);
        Assert.Equal(0.793, fit.Model.A, 3);
        Assert.Equal(2.426, fit.Model.B, 3);
        Assert.Equal(-9582.4, fit.Diagnostics.LogLikelihood, 1);
        Assert.Equal(TimeUnit.Week, fit.Model.Unit);
        Assert.Equal(2357, fit.Diagnostics.Observations);
    }

    [Fact]
    public void Fit_L2Penalty_DependsOnTheTimeUnit_AsDocumented()
    {
        // The same customers in days: every time × 7. Unpenalised, α scales with the unit (α in days = 7 × α in weeks) and
        // r, a, b do not; with the same λ the penalty on α is 49 times larger in days, so the fits differ (ModelFitOptions).
        var weeks = CdnowSummaries.Sample;
        var days = CustomerSummaries.FromColumns(
            TimeUnit.Day, weeks.Frequency.ToArray(), Times7(weeks.Recency), Times7(weeks.T));
        var penalty = new ModelFitOptions(l2Penalty: 1);

        var plainWeeks = BgNbdModel.Fit(weeks).Model;
        var plainDays = BgNbdModel.Fit(days).Model;
        var penalisedWeeks = BgNbdModel.Fit(weeks, penalty).Model;
        var penalisedDays = BgNbdModel.Fit(days, penalty).Model;

        Assert.Equal(7 * plainWeeks.Alpha, plainDays.Alpha, 1e-4 * plainDays.Alpha);
        Assert.Equal(plainWeeks.R, plainDays.R, 1e-4);
        Assert.True(Math.Abs(penalisedDays.R - penalisedWeeks.R) > 0.01, $"r: {penalisedDays.R} in days, {penalisedWeeks.R} in weeks");

        static double[] Times7(ReadOnlySpan<double> times)
        {
            var result = new double[times.Length];
            for (var i = 0; i < times.Length; i++)
            {
                result[i] = 7 * times[i];
            }

            return result;
        }
    }

    [Theory]
    [InlineData(0.7929)] // the usual branch
    [InlineData(1.0)] // a = 1: the mean at a ± 10⁻⁵
    public void Predictions_AllocateNothing(double a)
    {
        // Each scalar prediction (E[X(t)] and E[Y(t) | x, t_x, T], x from 0 to 4) must allocate nothing — no closure —
        // on the usual branch and on the a ≈ 1 branch alike.
        var model = new BgNbdModel(0.2426, 4.414, a, 2.426, TimeUnit.Week);
        var sum = model.ConditionalExpectedPurchases(10, 2, 30, 38) + model.ExpectedPurchases(10); // JIT first

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            sum += model.ConditionalExpectedPurchases(10, i % 5, i % 5 == 0 ? 0 : 30, 38) + model.ExpectedPurchases(i % 50);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(double.IsFinite(sum));
        Assert.Equal(0, allocated);
    }
}

public class ParetoNbdModelTests
{
    [Fact]
    public void Fit_Cdnow_ReproducesThePublishedEstimates()
    {
        // Fader, Hardie & Lee (2005), section 4 (and Fader & Hardie's Pareto/NBD note): on the same CDNOW customers
        // r = 0.553, α = 10.578, s = 0.606, β = 11.669, LL = −9595.0.
        var fit = ParetoNbdModel.Fit(CdnowSummaries.Sample);

        Assert.Equal(FitStatus.Converged, fit.Diagnostics.Status);
        Assert.Equal(0.553, fit.Model.R, 3);
        Assert.Equal(10.578, fit.Model.Alpha, 2);
        Assert.Equal(0.606, fit.Model.S, 3);
        Assert.Equal(11.669, fit.Model.Beta, 2);
        Assert.Equal(-9595.0, fit.Diagnostics.LogLikelihood, 1);
    }
}
