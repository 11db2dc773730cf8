using Engagement.Sdk.Value;

namespace Engagement.Sdk.Tests.Value;

/// <summary>Data whose likelihood has no interior maximum: the fit must say Failed, naming why, not Converged.</summary>
public class BoundaryFitTests
{
    [Fact]
    public void BgNbd_OneCustomer_IsFailedOnTheBoundary()
    {
        var fit = BgNbdModel.Fit(CustomerSummaries.FromColumns(TimeUnit.Week, new[] { 2 }, new[] { 10.0 }, new[] { 30.0 }));

        AssertBoundary(fit.Diagnostics);
    }

    [Fact]
    public void BgNbd_AllZeroFrequencies_IsFailedOnTheBoundary()
    {
        var fit = BgNbdModel.Fit(CustomerSummaries.FromColumns(TimeUnit.Week, new[] { 0, 0, 0 }, new[] { 0.0, 0.0, 0.0 }, new[] { 30.0, 20.0, 10.0 }));

        AssertBoundary(fit.Diagnostics);
    }

    [Fact]
    public void ShiftedBetaGeometric_NoChurn_IsFailedOnTheBoundary()
    {
        var fit = ShiftedBetaGeometricModel.Fit(new long[] { 1000, 1000, 1000 }, TimeUnit.Year);

        AssertBoundary(fit.Diagnostics);
    }

    [Fact]
    public void BgBb_OneNeverBuyer_IsFailedOnTheBoundary()
    {
        var fit = BgBbModel.Fit(new[] { new DiscreteHistory(0, 0, 5, 100) });

        AssertBoundary(fit.Diagnostics);
    }

    private static void AssertBoundary(FitDiagnostics diagnostics)
    {
        Assert.Equal(FitStatus.Failed, diagnostics.Status);
        Assert.Contains("does not exist", diagnostics.Message, StringComparison.Ordinal);
    }
}
