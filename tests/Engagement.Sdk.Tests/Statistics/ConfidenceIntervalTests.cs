using Engagement.Sdk.IO;
using Engagement.Sdk.Statistics;
using Engagement.Sdk.Tests.Support;

namespace Engagement.Sdk.Tests.Statistics;

public class ConfidenceIntervalTests
{
    [Fact]
    public void Constructor_KeepsBounds_AndDescribesThem()
    {
        var interval = new ConfidenceInterval(0.25, 0.75, 0.95);

        Assert.Equal(0.5, interval.Width);
        Assert.True(interval.Contains(0.25));
        Assert.False(interval.Contains(0.76));
        Assert.Equal("[0.25, 0.75] (95%)", interval.ToString());
        Assert.True(interval == new ConfidenceInterval(0.25, 0.75, 0.95));
        Assert.True(interval != new ConfidenceInterval(0.25, 0.75, 0.9));
        Assert.True(interval.Equals((object)new ConfidenceInterval(0.25, 0.75, 0.95)));
        Assert.Equal(interval.GetHashCode(), new ConfidenceInterval(0.25, 0.75, 0.95).GetHashCode());
    }

    [Theory]
    [InlineData(double.NaN, 1, 0.95, "lower")]
    [InlineData(0, double.PositiveInfinity, 0.95, "upper")]
    [InlineData(1, 0, 0.95, "upper")]
    [InlineData(0, 1, 1.0, "confidenceLevel")]
    [InlineData(0, 1, 0.0, "confidenceLevel")]
    public void Constructor_BadArguments_ThrowNamingThem(double lower, double upper, double level, string name) =>
        Assert.Equal(name, Assert.Throws<ArgumentOutOfRangeException>(() => new ConfidenceInterval(lower, upper, level)).ParamName);

    [Fact]
    public void Json_RoundTrips()
    {
        var (value, text) = Json.RoundTrip(new ConfidenceInterval(-1.5, 2.5, 0.9), EngagementJson.GetTypeInfo<ConfidenceInterval>());

        Assert.Equal(new ConfidenceInterval(-1.5, 2.5, 0.9), value);
        Assert.Equal("""{"lower":-1.5,"upper":2.5,"confidenceLevel":0.9}""", text);
    }
}
