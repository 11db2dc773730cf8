using Engagement.Sdk.Journeys;
using Engagement.Sdk.Surveys;
using Engagement.Sdk.Touchpoints;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Engagement.Sdk.DependencyInjection.Tests;

public class ConfigurationBindingTests
{
    private static IConfigurationRoot Configuration(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build();

    private static ServiceProvider Bound(IConfiguration section) =>
        new ServiceCollection().AddEngagement().Bind(section).Services.BuildServiceProvider();

    [Fact]
    public void Bind_Section_SetsCsatAndCes()
    {
        var configuration = Configuration(
            ("Engagement:Csat:MinScore", "0"),
            ("Engagement:Csat:MaxScore", "10"),
            ("Engagement:Csat:SatisfiedThreshold", "8"),
            ("Engagement:Ces:MaxScore", "5"),
            ("Engagement:Ces:LowEffortThreshold", "4"));

        using var provider = Bound(configuration.GetSection("Engagement"));
        provider.GetRequiredService<IStartupValidator>().Validate();

        var csat = provider.GetRequiredService<CsatCalculator>();
        var ces = provider.GetRequiredService<CesCalculator>();
        Assert.Equal(new RatingScale(0, 10), csat.Scale);
        Assert.Equal(8, csat.Threshold);
        Assert.Equal(new RatingScale(1, 5), ces.Scale);
        Assert.Equal(4, ces.Threshold);
    }

    [Fact]
    public void Bind_SectionSilentOnSomeKeys_KeepsTheirDefaults()
    {
        var configuration = Configuration(("Engagement:Csat:MaxScore", "10"));

        using var provider = Bound(configuration.GetSection("Engagement"));
        var options = provider.GetRequiredService<IOptions<EngagementOptions>>().Value;

        Assert.Equal(1, options.Csat.MinScore);
        Assert.Null(options.Csat.SatisfiedThreshold);
        Assert.Equal(7, options.Ces.MaxScore);
        Assert.Null(options.Ces.LowEffortThreshold);
        Assert.Same(StageModel.Default, options.StageModel);
        Assert.Same(ChannelCatalog.Default, options.Channels);
        Assert.Same(StageModel.Default, provider.GetRequiredService<StageModel>());
        Assert.Same(ChannelCatalog.Default, provider.GetRequiredService<ChannelCatalog>());
    }

    [Fact]
    public void Bind_MissingSection_KeepsEveryDefault()
    {
        using var provider = Bound(Configuration().GetSection("Engagement"));

        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.Equal(4, provider.GetRequiredService<CsatCalculator>().Threshold);
        Assert.Equal(5, provider.GetRequiredService<CesCalculator>().Threshold);
    }

    [Fact]
    public void Bind_ComposesInOrderWithCodeConfiguration()
    {
        var section = Configuration(("Engagement:Csat:MaxScore", "10"), ("Engagement:Ces:MaxScore", "5")).GetSection("Engagement");
        var services = new ServiceCollection();

        services.AddEngagement(o => { o.Csat.MaxScore = 7; o.Ces.LowEffortThreshold = 2; });
        services.AddEngagement().Bind(section);
        services.AddEngagement(o => o.Ces.MaxScore = 6);
        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<EngagementOptions>>().Value;

        Assert.Equal(10, options.Csat.MaxScore);            // configuration after code wins
        Assert.Equal(2, options.Ces.LowEffortThreshold);    // code the configuration does not mention survives
        Assert.Equal(6, options.Ces.MaxScore);              // code after configuration wins
    }

    [Fact]
    public void Bind_CalledThrice_RegistersEachServiceOnce()
    {
        var section = Configuration(("Engagement:Csat:MaxScore", "10")).GetSection("Engagement");
        var services = new ServiceCollection();

        services.AddEngagement().Bind(section);
        services.AddEngagement().Bind(section);
        services.AddEngagement().Bind(section);

        Assert.Equal(3, services.Count(d => d.ServiceType == typeof(IConfigureOptions<EngagementOptions>)));
        Assert.All(
            services
                .Where(d => d.ServiceType != typeof(IConfigureOptions<EngagementOptions>))
                .GroupBy(d => d.ServiceType),
            group => Assert.Single(group));
    }

    [Fact]
    public void Bind_ABadValueOnReload_NeitherThrowsToTheReloaderNorChangesTheOptions()
    {
        // The review's reproduction: with a change token registered, a reload re-ran the strict binding, threw to the
        // thread that reloaded, and left IOptionsMonitor.CurrentValue throwing for ever.
        var configuration = Configuration(("Engagement:Csat:MaxScore", "10"));
        using var provider = Bound(configuration.GetSection("Engagement"));
        var monitor = provider.GetRequiredService<IOptionsMonitor<EngagementOptions>>();
        var csat = provider.GetRequiredService<CsatCalculator>();
        Assert.Equal(10, monitor.CurrentValue.Csat.MaxScore);

        configuration["Engagement:Csat:MaxScore"] = "ten";
        configuration.Reload();

        Assert.Equal(10, monitor.CurrentValue.Csat.MaxScore);
        Assert.Same(csat, provider.GetRequiredService<CsatCalculator>());
        Assert.Equal(9, csat.Threshold);
    }

    [Fact]
    public void BindConfiguration_ReadsTheHostConfiguration()
    {
        var configuration = Configuration(("Engagement:Csat:MaxScore", "10"), ("Engagement:Ces:LowEffortThreshold", "6"));

        using var provider = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddEngagement()
            .BindConfiguration("Engagement")
            .Services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.Equal(9, provider.GetRequiredService<CsatCalculator>().Threshold);
        Assert.Equal(6, provider.GetRequiredService<CesCalculator>().Threshold);
    }

    [Fact]
    public void BindConfiguration_EmptyPath_BindsTheRoot()
    {
        var configuration = Configuration(("Csat:MaxScore", "10"));

        using var provider = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddEngagement()
            .BindConfiguration("")
            .Services.BuildServiceProvider();

        Assert.Equal(9, provider.GetRequiredService<CsatCalculator>().Threshold);
    }

    [Fact]
    public void BindConfiguration_ConfigurationReloads_OptionsStayAsAtStartUp()
    {
        var configuration = Configuration(("Engagement:Csat:MaxScore", "10"));
        using var provider = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddEngagement()
            .BindConfiguration("Engagement")
            .Services.BuildServiceProvider();
        var monitor = provider.GetRequiredService<IOptionsMonitor<EngagementOptions>>();
        Assert.Equal(10, monitor.CurrentValue.Csat.MaxScore);

        configuration["Engagement:Csat:MaxScore"] = "6";
        configuration.Reload();

        Assert.Equal(10, monitor.CurrentValue.Csat.MaxScore);
    }

    [Fact]
    public void Bind_NullArguments_Throw()
    {
        var builder = new ServiceCollection().AddEngagement();

        Assert.Throws<ArgumentNullException>(() => builder.Bind(null!));
        Assert.Throws<ArgumentNullException>(() => builder.BindConfiguration(null!));
        Assert.Throws<ArgumentNullException>(() => EngagementBuilderExtensions.Bind(null!, Configuration()));
        Assert.Throws<ArgumentNullException>(() => EngagementBuilderExtensions.BindConfiguration(null!, "Engagement"));
    }
}
