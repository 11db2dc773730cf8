using Engagement.Sdk.Attribution;
using Engagement.Sdk.IO;
using Engagement.Sdk.Tests.Support;

namespace Engagement.Sdk.Tests.Attribution;

public class BootstrapTests
{
    private static readonly ShapleyModel Model = new();

    [Fact]
    public void Run_SameSeed_SameBits_WhateverTheThreads()
    {
        var paths = ShapleyModelTests.ThreeChannels(scale: 10);

        var first = AttributionBootstrap.Run(Model, paths, resamples: 60, seed: 5);
        var again = AttributionBootstrap.Run(Model, paths, resamples: 60, seed: 5);
        var oneThread = AttributionBootstrap.RunOnThreads(Model, paths, 60, 0.95, 5, 1, default);
        var other = AttributionBootstrap.Run(Model, paths, resamples: 60, seed: 6);

        Assert.Equal(first.Channels, again.Channels);
        Assert.Equal(first.Channels, oneThread.Channels);
        Assert.NotEqual(first.Channels, other.Channels);
        Assert.Equal(("shapley", 60, 0.95, 5), (first.Model, first.Resamples, first.Confidence, first.Seed));
    }

    [Fact]
    public void Run_IntervalsContainThePointCredits()
    {
        var paths = ShapleyModelTests.ThreeChannels(scale: 20);
        var point = Model.Attribute(paths);

        var intervals = AttributionBootstrap.Run(Model, paths, resamples: 200, seed: 1);

        Assert.Equal(point.Channels.Select(c => c.Channel), intervals.Channels.Select(c => c.Channel));
        for (var c = 0; c < point.Channels.Count; c++)
        {
            var (credit, interval) = (point.Channels[c], intervals.Channels[c]);
            Assert.InRange(credit.Conversions, interval.ConversionsLower, interval.ConversionsUpper);
            Assert.InRange(credit.Value, interval.ValueLower, interval.ValueUpper);
        }

        // A and B share 12 × 20 conversions with noise: their intervals have width.
        Assert.True(intervals.Channels[0].ConversionsUpper > intervals.Channels[0].ConversionsLower);
    }

    [Fact]
    public void Run_HundredTimesTheData_NarrowsTheIntervalsAboutTenfold()
    {
        // Poisson counts: relative noise ∝ 1/√counts, so 100× the journeys makes each interval, relative to the total
        // conversions, about 10 times narrower.
        var small = ShapleyModelTests.TwoChannels(scale: 10);
        var large = ShapleyModelTests.TwoChannels(scale: 1000);

        var narrow = AttributionBootstrap.Run(Model, large, resamples: 200, seed: 2);
        var wide = AttributionBootstrap.Run(Model, small, resamples: 200, seed: 2);

        for (var c = 0; c < 2; c++)
        {
            var before = (wide.Channels[c].ConversionsUpper - wide.Channels[c].ConversionsLower) / small.Conversions;
            var after = (narrow.Channels[c].ConversionsUpper - narrow.Channels[c].ConversionsLower) / large.Conversions;
            Assert.InRange(after / before, 0.05, 0.2);
        }
    }

    [Fact]
    public void Run_WithoutConversions_GivesZeroIntervals()
    {
        var intervals = AttributionBootstrap.Run(Model, ShapleyPaths.Of(1, ("A > B", 0, 0, 4)), resamples: 10);

        Assert.All(intervals.Channels, c => Assert.Equal((0.0, 0.0, 0.0, 0.0), (c.ConversionsLower, c.ConversionsUpper, c.ValueLower, c.ValueUpper)));
    }

    [Fact]
    public void Resample_KeepsThePaths_DrawsPoissonCounts_AndScalesTheValue()
    {
        var paths = ShapleyModelTests.TwoChannels(scale: 3);

        var resample = AttributionBootstrap.Resample(paths, seed: 4, resample: 0);

        Assert.Equal(paths.Channels, resample.Channels);
        Assert.Equal(paths.Count, resample.Count);
        for (var i = 0; i < paths.Count; i++)
        {
            Assert.Equal(Math.Floor(resample.PathConversions[i]), resample.PathConversions[i]);
            Assert.Equal(Math.Floor(resample.PathNulls[i]), resample.PathNulls[i]);
            // Each path's value per conversion is 100 in the example, and stays 100.
            Assert.Equal(100 * resample.PathConversions[i], resample.PathValues[i], 1e-9);
        }
    }

    [Fact]
    public void Run_AModelsException_ComesThroughUnwrapped()
    {
        var e = Assert.Throws<InvalidOperationException>(
            () => AttributionBootstrap.Run(new FailingModel(), ShapleyModelTests.TwoChannels(), resamples: 4));

        Assert.Equal("no times", e.Message);
    }

    [Fact]
    public void Run_AModelThatLeavesAChannelOut_IsRefused()
    {
        var e = Assert.Throws<InvalidOperationException>(
            () => AttributionBootstrap.Run(new ForgetfulModel(), ShapleyModelTests.TwoChannels(), resamples: 2));

        Assert.Contains("'forgetful'", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 0.95, "resamples", "0")]
    [InlineData(-3, 0.95, "resamples", "-3")]
    [InlineData(10, 0, "confidence", "0")]
    [InlineData(10, 1, "confidence", "1")]
    [InlineData(10, 1.5, "confidence", "1.5")]
    [InlineData(10, double.NaN, "confidence", "NaN")]
    public void Run_BadNumbers_Throw(int resamples, double confidence, string param, string echoed)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(
            () => AttributionBootstrap.Run(Model, ShapleyModelTests.TwoChannels(), resamples, confidence));

        Assert.Equal(param, e.ParamName);
        Assert.Contains(echoed, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_NullModelOrPaths_Throws()
    {
        Assert.Equal("model", Assert.Throws<ArgumentNullException>(() => AttributionBootstrap.Run(null!, ShapleyModelTests.TwoChannels())).ParamName);
        Assert.Equal("paths", Assert.Throws<ArgumentNullException>(() => AttributionBootstrap.Run(Model, null!)).ParamName);
    }

    [Fact]
    public void Run_Cancelled_Throws()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(
            () => AttributionBootstrap.Run(Model, ShapleyModelTests.TwoChannels(), cancellationToken: cancellation.Token));
    }

    [Fact]
    public void Json_IntervalsRoundTrip_AndTheTypesValidate()
    {
        var intervals = AttributionBootstrap.Run(Model, ShapleyModelTests.ThreeChannels(5), resamples: 20, confidence: 0.9, seed: 3);

        var read = Json.RoundTrip(intervals, EngagementJson.GetTypeInfo<AttributionIntervals>()).Value;

        Assert.Equal(intervals.Channels, read.Channels);
        Assert.Equal((intervals.Model, intervals.Resamples, intervals.Confidence, intervals.Seed), (read.Model, read.Resamples, read.Confidence, read.Seed));
        var upper = Assert.Throws<ArgumentOutOfRangeException>(() => new ChannelInterval("A", 2, 1, 0, 0));
        Assert.Equal("conversionsUpper", upper.ParamName);
        Assert.Equal("valueLower", Assert.Throws<ArgumentOutOfRangeException>(() => new ChannelInterval("A", 0, 1, -1, 0)).ParamName);
        var twice = Assert.Throws<ArgumentException>(
            () => new AttributionIntervals("m", 1, 0.9, 0, [new ChannelInterval("A", 0, 0, 0, 0), new ChannelInterval("A", 0, 0, 0, 0)]));
        Assert.Equal("channels", twice.ParamName);
    }

    private sealed class FailingModel : IAttributionModel
    {
        public string Name => "failing";

        public AttributionResult Attribute(ConversionPaths paths, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("no times");
    }

    private sealed class ForgetfulModel : IAttributionModel
    {
        public string Name => "forgetful";

        public AttributionResult Attribute(ConversionPaths paths, CancellationToken cancellationToken = default) =>
            new(Name, [new ChannelCredit(paths.Channels[0], paths.Conversions, paths.Value, 1, null)], paths.Conversions, paths.Value);
    }
}

public class BootstrapRandomTests
{
    [Theory]
    [InlineData(0.3)]
    [InlineData(3.7)] // multiplying uniforms
    [InlineData(250)] // transformed rejection
    [InlineData(1e6)]
    public void Poisson_HasTheMeanAndVarianceOfItsMean(double mean)
    {
        // Poisson(λ): mean λ and variance λ. Over 40,000 draws the sample mean's standard error is √(λ/40000); the
        // sample variance's is about λ√(2/40000) for large λ (with the excess kurtosis 1/λ, a little more for small).
        const int draws = 40_000;
        var random = new BootstrapRandom(11, 0);
        double sum = 0, squares = 0;
        for (var i = 0; i < draws; i++)
        {
            var x = random.Poisson(mean);
            Assert.Equal(Math.Floor(x), x);
            sum += x;
            squares += x * x;
        }

        var sampleMean = sum / draws;
        var variance = (squares - (sum * sum / draws)) / (draws - 1);
        Assert.InRange(sampleMean, mean - (5 * Math.Sqrt(mean / draws)), mean + (5 * Math.Sqrt(mean / draws)));
        var spread = 5 * Math.Sqrt((2 * mean * mean) + mean) / Math.Sqrt(draws);
        Assert.InRange(variance, mean - spread, mean + spread);
    }

    [Fact]
    public void NextInt_IsUniform_AndStreamsDiffer()
    {
        var random = new BootstrapRandom(0, 0);
        var counts = new int[7];
        for (var i = 0; i < 70_000; i++)
        {
            counts[random.NextInt(7)]++;
        }

        // Each count ~ Binomial(70000, 1/7): mean 10000, sd ≈ 92.6.
        Assert.All(counts, c => Assert.InRange(c, 10_000 - 500, 10_000 + 500));
        Assert.NotEqual(new BootstrapRandom(0, 0).NextUInt64(), new BootstrapRandom(0, 1).NextUInt64());
        Assert.Equal(new BootstrapRandom(9, 3).NextUInt64(), new BootstrapRandom(9, 3).NextUInt64());
    }
}
