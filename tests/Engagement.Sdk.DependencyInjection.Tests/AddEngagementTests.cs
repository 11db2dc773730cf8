using Engagement.Sdk.Journeys;
using Engagement.Sdk.Surveys;
using Engagement.Sdk.Touchpoints;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Engagement.Sdk.DependencyInjection.Tests;

public class AddEngagementTests
{
    [Fact]
    public void AddEngagement_Defaults_ResolvesEveryService()
    {
        using var provider = new ServiceCollection().AddEngagement().Services.BuildServiceProvider(validateScopes: true);

        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
        Assert.Same(NpsCalculator.Default, provider.GetRequiredService<NpsCalculator>());
        Assert.Equal(4, provider.GetRequiredService<CsatCalculator>().Threshold);
        Assert.Equal(new RatingScale(1, 7), provider.GetRequiredService<CesCalculator>().Scale);
        Assert.Same(StageModel.Default, provider.GetRequiredService<StageModel>());
        Assert.Same(ChannelCatalog.Default, provider.GetRequiredService<ChannelCatalog>());
    }

    [Fact]
    public void AddEngagement_Configure_ShapesTheCalculatorsAndModels()
    {
        var kiosk = new Channel("kiosk", MediaType.Owned, ChannelKind.Store);
        var model = new StageModel([new JourneyStage("Trial"), new JourneyStage("Paid")]);

        using var provider = new ServiceCollection()
            .AddEngagement(o =>
            {
                o.Csat.MaxScore = 10;
                o.Ces.LowEffortThreshold = 6;
                o.StageModel = model;
                o.Channels = o.Channels.With(kiosk);
            })
            .Services.BuildServiceProvider();

        Assert.Equal(9, provider.GetRequiredService<CsatCalculator>().Threshold);
        Assert.Equal(6, provider.GetRequiredService<CesCalculator>().Threshold);
        Assert.Same(model, provider.GetRequiredService<StageModel>());
        Assert.Equal(kiosk, provider.GetRequiredService<ChannelCatalog>().Get("kiosk"));
    }

    [Fact]
    public void AddEngagement_CalledThrice_ComposesConfigurationAndRegistersEachServiceOnce()
    {
        var services = new ServiceCollection();
        services.AddEngagement(o => { o.Csat.MinScore = 0; o.Csat.MaxScore = 10; });
        services.AddEngagement(o => o.Csat.SatisfiedThreshold = 8);
        services.AddEngagement(o => o.Csat.MaxScore = 9);

        using var provider = services.BuildServiceProvider();

        Assert.Equal(3, services.Count(d => d.ServiceType == typeof(IConfigureOptions<EngagementOptions>)));
        Assert.All(
            services.Where(d => d.ServiceType != typeof(IConfigureOptions<EngagementOptions>)).GroupBy(d => d.ServiceType),
            group => Assert.Single(group));
        var csat = provider.GetRequiredService<CsatCalculator>();
        Assert.Equal(new RatingScale(0, 9), csat.Scale);
        Assert.Equal(8, csat.Threshold);
    }

    [Fact]
    public void AddEngagement_HostTimeProvider_Wins()
    {
        var fake = new FakeTimeProvider();

        using var provider = new ServiceCollection().AddSingleton<TimeProvider>(fake).AddEngagement().Services.BuildServiceProvider();

        Assert.Same(fake, provider.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void AddEngagement_HostCalculator_Wins()
    {
        var own = new CsatCalculator(new CsatOptions { SatisfiedThreshold = 5 });

        using var provider = new ServiceCollection().AddSingleton(own).AddEngagement().Services.BuildServiceProvider();

        Assert.Same(own, provider.GetRequiredService<CsatCalculator>());
    }

    [Fact]
    public void Options_RejectNulls()
    {
        var options = new EngagementOptions();

        Assert.Throws<ArgumentNullException>(() => options.StageModel = null!);
        Assert.Throws<ArgumentNullException>(() => options.Channels = null!);
        Assert.Throws<ArgumentNullException>(() => EngagementServiceCollectionExtensions.AddEngagement(null!));
    }
}
