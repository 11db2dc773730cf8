using Engagement.Sdk.Benchmarks.Value;
using Engagement.Sdk.Value;

namespace Engagement.Sdk.Tests.Value;

public class BgNbdRecoveryTests
{
    [Fact]
    public void Fit_On100kDrawnCustomers_RecoversTheParametersWithin5Percent()
    {
        // Drawn from the model at the CDNOW estimates with a fixed seed; the fit must land within 5% of each.
        var data = BgNbdSimulation.Draw(100_000, 0.243, 4.414, 0.793, 2.426, seed: 8);

        var fit = BgNbdModel.Fit(data);

        Assert.Equal(FitStatus.Converged, fit.Diagnostics.Status);
        Assert.InRange(fit.Model.R / 0.243, 0.95, 1.05);
        Assert.InRange(fit.Model.Alpha / 4.414, 0.95, 1.05);
        Assert.InRange(fit.Model.A / 0.793, 0.95, 1.05);
        Assert.InRange(fit.Model.B / 2.426, 0.95, 1.05);
    }
}
