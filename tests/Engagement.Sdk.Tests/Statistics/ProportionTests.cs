using Engagement.Sdk.IO;
using Engagement.Sdk.Statistics;
using Engagement.Sdk.Tests.Support;
using FsCheck;
using FsCheck.Xunit;

namespace Engagement.Sdk.Tests.Statistics;

public class ProportionTests
{
    private const double Z95 = 1.959963984540054;

    [Fact]
    public void Value_IsSuccessesOverTrials()
    {
        var p = new Proportion(5, 40);

        Assert.Equal(0.125, p.Value);
        Assert.Equal(35, p.Failures);
        Assert.True(p.HasValue);
        Assert.Equal("12.50% (5/40)", p.ToString());
    }

    [Fact]
    public void Empty_HasNoValueAndNoInterval()
    {
        var p = new Proportion(0, 0);

        Assert.False(p.HasValue);
        Assert.Null(p.Value);
        Assert.Null(p.Interval);
        Assert.Null(p.GetInterval(0.9));
        Assert.Equal("no value (0/0)", p.ToString());
        Assert.Equal(default, p);
    }

    [Fact]
    public void Interval_FiveOfTen_IsWilsonScoreInterval()
    {
        // Wilson (1927): (p + z²/2n ± z√(p(1−p)/n + z²/4n²)) / (1 + z²/n) with p = 0.5, n = 10.
        double p = 0.5, n = 10, z2 = Z95 * Z95;
        var centre = (p + (z2 / (2 * n))) / (1 + (z2 / n));
        var half = Z95 / (1 + (z2 / n)) * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n)));

        var interval = new Proportion(5, 10).Interval!.Value;

        Assert.Equal(centre - half, interval.Lower, 1e-12);
        Assert.Equal(centre + half, interval.Upper, 1e-12);
        Assert.Equal(0.95, interval.ConfidenceLevel);
    }

    [Fact]
    public void Interval_ZeroOfTwenty_UpperIsZSquaredOverNPlusZSquared()
    {
        // With no successes the Wilson interval is [0, z²/(n + z²)].
        var interval = new Proportion(0, 20).Interval!.Value;

        Assert.Equal(0, interval.Lower);
        Assert.Equal(Z95 * Z95 / (20 + (Z95 * Z95)), interval.Upper, 1e-12);
    }

    [Fact]
    public void Interval_AllSuccesses_UpperIsOne() => Assert.Equal(1, new Proportion(7, 7).Interval!.Value.Upper);

    [Fact]
    public void GetInterval_HigherLevel_IsWider() =>
        Assert.True(new Proportion(30, 100).GetInterval(0.99)!.Value.Width > new Proportion(30, 100).GetInterval(0.9)!.Value.Width);

    [Theory]
    [InlineData(-1, 10, "successes")]
    [InlineData(1, -10, "trials")]
    [InlineData(11, 10, "successes")]
    public void Constructor_BadCounts_ThrowNamingArgumentAndValue(long successes, long trials, string name)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Proportion(successes, trials));
        Assert.Equal(name, e.ParamName);
        Assert.Equal(name == "trials" ? trials : successes, e.ActualValue);
    }

    [Theory]
    [MemberData(nameof(ConfidenceLevels.Invalid), MemberType = typeof(ConfidenceLevels))]
    public void GetInterval_BadLevel_Throws(double level) =>
        Assert.Equal("confidenceLevel", Assert.Throws<ArgumentOutOfRangeException>(() => new Proportion(1, 2).GetInterval(level)).ParamName);

    [Fact]
    public void GetInterval_LevelJustBelowOne_IsWilsonWithItsFiniteZ()
    {
        // 0.9999999999999999 = 1 − 2⁻⁵³ used to throw (0.5 + level/2 rounds to 1). Its z is −Φ⁻¹(2⁻⁵⁴) =
        // 8.2923610758135955 (40-digit reference, mpmath 1.3.0); Wilson with p = 0.5, n = 10 as in the test above.
        const double z = 8.2923610758135955;
        double p = 0.5, n = 10, z2 = z * z;
        var centre = (p + (z2 / (2 * n))) / (1 + (z2 / n));
        var half = z / (1 + (z2 / n)) * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n)));

        var interval = new Proportion(5, 10).GetInterval(0.9999999999999999)!.Value;

        Assert.Equal(centre - half, interval.Lower, 1e-12);
        Assert.Equal(centre + half, interval.Upper, 1e-12);
    }

    [Fact]
    public void Equality_IsByCounts()
    {
        Assert.True(new Proportion(1, 2) == new Proportion(1, 2));
        Assert.True(new Proportion(1, 2) != new Proportion(2, 4));
        Assert.True(new Proportion(1, 2).Equals((object)new Proportion(1, 2)));
        Assert.Equal(new Proportion(1, 2).GetHashCode(), new Proportion(1, 2).GetHashCode());
    }

    [Fact]
    public void Json_RoundTrips_AndWritesValueAndInterval()
    {
        var (value, text) = Json.RoundTrip(new Proportion(5, 10), EngagementJson.GetTypeInfo<Proportion>());

        Assert.Equal(new Proportion(5, 10), value);
        Assert.StartsWith("""{"successes":5,"trials":10,"value":0.5,"interval":{"lower":0.236""", text, StringComparison.Ordinal);
        Assert.Equal("""{"successes":0,"trials":0,"value":null,"interval":null}""", System.Text.Json.JsonSerializer.Serialize(new Proportion(0, 0), EngagementJson.GetTypeInfo<Proportion>()));
    }

    [Property(Arbitrary = [typeof(MetricArbitraries)], MaxTest = 500)]
    public bool Wilson_ContainsEstimate_AndLiesInUnitInterval(Counts counts)
    {
        var p = new Proportion(counts.Successes, counts.Trials);
        if (p.Value is not { } value)
        {
            return p.Interval is null;
        }

        var interval = p.Interval!.Value;
        return interval.Lower >= 0 && interval.Upper <= 1 && interval.Contains(value);
    }
}
