using System.Text;
using System.Text.RegularExpressions;
using Engagement.Sdk.Surveys;
using Engagement.Sdk.Touchpoints;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Engagement.Sdk.DependencyInjection.Tests;

/// <summary>The package README's examples do what its text says.</summary>
public partial class ReadmeExampleTests
{
    [GeneratedRegex("```json\\n(?<json>.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();

    [Fact]
    public void CodeExample_ShapesTheCalculators()
    {
        var services = new ServiceCollection();

        services.AddEngagement(options =>
        {
            options.Csat.MaxScore = 10;
            options.Ces.LowEffortThreshold = 6;
            options.Channels = options.Channels.With(new Channel("kiosk", MediaType.Owned, ChannelKind.Store));
        });
        using var provider = services.BuildServiceProvider();

        Assert.Equal(9, provider.GetRequiredService<CsatCalculator>().Threshold);
        Assert.Equal(6, provider.GetRequiredService<CesCalculator>().Threshold);
        Assert.True(provider.GetRequiredService<ChannelCatalog>().Contains("kiosk"));
    }

    [Fact]
    public void AppSettingsExample_BindsAndValidates()
    {
        var readme = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "README.md"));
        var json = JsonBlock().Match(readme.ReplaceLineEndings("\n")).Groups["json"].Value;
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        var configuration = new ConfigurationBuilder().AddJsonStream(stream).Build();

        using var provider = new ServiceCollection()
            .AddEngagement()
            .Bind(configuration.GetSection("Engagement"))
            .Services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        var csat = provider.GetRequiredService<CsatCalculator>();
        Assert.Equal(new RatingScale(1, 10), csat.Scale);
        Assert.Equal(8, csat.Threshold);
        Assert.Equal(new RatingScale(1, 5), provider.GetRequiredService<CesCalculator>().Scale);
    }

    [Fact]
    public void ValidationMessageExample_IsTheRealMessage()
    {
        var readme = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "README.md"));
        using var provider = new ServiceCollection()
            .AddEngagement(o => o.Csat.SatisfiedThreshold = 9)
            .Services.BuildServiceProvider();

        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        var failure = Assert.Single(e.Failures);
        const string Quoted = "EngagementOptions.Csat (MinScore = 1, MaxScore = 5, SatisfiedThreshold = 9): The CSAT threshold 9 is outside the scale 1–5.";
        Assert.StartsWith(Quoted, failure, StringComparison.Ordinal);
        Assert.Contains(Quoted, readme, StringComparison.Ordinal);
    }
}
