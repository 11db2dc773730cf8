using Engagement.Sdk.Surveys;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Engagement.Sdk.DependencyInjection.Tests;

public class StartupValidationTests
{
    private static ServiceProvider BoundTo(params (string Key, string? Value)[] values)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build();
        return new ServiceCollection().AddEngagement().Bind(configuration.GetSection("Engagement")).Services.BuildServiceProvider();
    }

    private static OptionsValidationException StartFails(ServiceProvider provider) =>
        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

    [Fact]
    public void ConfiguredThresholdOffScale_FailsNamingCsatAndTheValue()
    {
        using var provider = BoundTo(("Engagement:Csat:SatisfiedThreshold", "9"));

        var e = StartFails(provider);

        var failure = Assert.Single(e.Failures);
        Assert.Contains("EngagementOptions.Csat", failure, StringComparison.Ordinal);
        Assert.Contains("SatisfiedThreshold = 9", failure, StringComparison.Ordinal);
        Assert.Contains("outside the scale 1–5", failure, StringComparison.Ordinal);
        Assert.Equal(typeof(EngagementOptions), e.OptionsType);
        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<CsatCalculator>());
    }

    [Fact]
    public void ConfiguredScaleUpsideDown_FailsNamingCesAndBothBounds()
    {
        using var provider = BoundTo(("Engagement:Ces:MinScore", "7"), ("Engagement:Ces:MaxScore", "1"));

        var failure = Assert.Single(StartFails(provider).Failures);

        Assert.Contains("EngagementOptions.Ces (MinScore = 7, MaxScore = 1", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfiguredValueNotANumber_FailsNamingThePathAndTheValue()
    {
        using var provider = BoundTo(("Engagement:Csat:MaxScore", "ten"));

        var failure = Assert.Single(StartFails(provider).Failures);

        Assert.Contains("Engagement:Csat:MaxScore", failure, StringComparison.Ordinal);
        Assert.Contains("'ten'", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfiguredUnknownKey_FailsNamingTheKey()
    {
        using var provider = BoundTo(("Engagement:Csat:SatisfedThreshold", "4"));

        var failure = Assert.Single(StartFails(provider).Failures);

        Assert.Contains("Engagement:Csat", failure, StringComparison.Ordinal);
        Assert.Contains("'SatisfedThreshold'", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Engagement:StageModel:Stages:0", "Trial", "Engagement:StageModel")]
    [InlineData("Engagement:StageModel", "Default", "Engagement:StageModel")]
    [InlineData("Engagement:Channels:0:Name", "kiosk", "Engagement:Channels")]
    public void ConfiguredCodeOnlyOption_FailsInsteadOfBeingIgnored(string key, string value, string path)
    {
        using var provider = BoundTo((key, value));

        var failure = Assert.Single(StartFails(provider).Failures);

        Assert.StartsWith(path + ": ", failure, StringComparison.Ordinal);
        Assert.Contains("set it in code", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void SeveralBindingFailures_AreReportedTogether()
    {
        using var provider = BoundTo(
            ("Engagement:Csat:MaxScore", "ten"),
            ("Engagement:Ces:LowEffortThreshold", "high"),
            ("Engagement:Channels:0:Name", "kiosk"));

        var e = StartFails(provider);

        Assert.Equal(3, e.Failures.Count());
        Assert.Contains(e.Failures, f => f.Contains("'high'", StringComparison.Ordinal));
    }

    [Fact]
    public void CodeThresholdOffScale_FailsNamingTheOption()
    {
        using var provider = new ServiceCollection()
            .AddEngagement(o => o.Csat.SatisfiedThreshold = 9)
            .Services.BuildServiceProvider();

        var e = StartFails(provider);

        Assert.Contains("EngagementOptions.Csat", e.Message, StringComparison.Ordinal);
        Assert.Contains("9", e.Message, StringComparison.Ordinal);
        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<CsatCalculator>());
    }

    [Fact]
    public void ValidOptions_Pass()
    {
        using var provider = new ServiceCollection().AddEngagement(o => o.Ces.MaxScore = 5).Services.BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.Equal(4, provider.GetRequiredService<CesCalculator>().Threshold);
    }
}
