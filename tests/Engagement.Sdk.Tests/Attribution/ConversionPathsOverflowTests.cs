using Engagement.Sdk.Attribution;

namespace Engagement.Sdk.Tests.Attribution;

public class ConversionPathsOverflowTests
{
    [Fact]
    public void TotalsBeyondTheRangeOfADouble_AreRefused_NotCarriedAsInfinity()
    {
        // Each value is finite, but two of 1e308 add up to +∞, which no result could share out.
        var paths = new[]
        {
            new AggregatedPath(["a"], 1, 1e308, 0),
            new AggregatedPath(["b"], 1, 1e308, 0),
        };

        var error = Assert.Throws<ArgumentException>(() => ConversionPaths.Create(paths));

        Assert.Equal("paths", error.ParamName);
        Assert.Contains("value Infinity", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CostsBeyondTheRangeOfADouble_AreRefused() =>
        Assert.Throws<ArgumentException>(() => ConversionPaths.Create(
            [new AggregatedPath(["a"], 1, 1, 0)], new Dictionary<string, double> { ["a"] = 1e308, ["b"] = 1e308 }));
}
