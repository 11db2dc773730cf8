using Engagement.Sdk.Journeys;
using Engagement.Sdk.Surveys;
using Engagement.Sdk.Touchpoints;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Engagement.Sdk.DependencyInjection.Tests;

public class EngagementBuilderTests
{
    [Fact]
    public void AddEngagement_ReturnsABuilderOnTheSameCollection()
    {
        var services = new ServiceCollection();

        var builder = services.AddEngagement();
        var again = services.AddEngagement();

        Assert.Same(services, builder.Services);
        Assert.Same(services, again.Services);
    }

    [Fact]
    public void FeatureExtension_ChainsOnTheBuilderAndSeesEngagementServices()
    {
        var fake = new FakeTimeProvider();
        var services = new ServiceCollection().AddSingleton<TimeProvider>(fake);

        var builder = services
            .AddEngagement(o => o.Csat.MaxScore = 10)
            .AddSampleFeature(o => o.WindowDays = 7)
            .AddSampleFeature(o => o.WindowDays *= 2);
        using var provider = builder.Services.BuildServiceProvider();

        var feature = provider.GetRequiredService<SampleFeatureService>();
        Assert.Equal(14, feature.WindowDays);
        Assert.Same(fake, feature.Time);
        Assert.Equal(9, provider.GetRequiredService<CsatCalculator>().Threshold);
        Assert.Single(services, d => d.ServiceType == typeof(SampleFeatureService));
    }

    [Fact]
    public void AddEngagement_HostStageModelAndCatalogue_Win()
    {
        var model = new StageModel([new JourneyStage("Lead"), new JourneyStage("Customer")]);
        var catalogue = ChannelCatalog.Create([Channels.Email]);

        using var provider = new ServiceCollection()
            .AddSingleton(model)
            .AddSingleton(catalogue)
            .AddEngagement(o => o.StageModel = StageModel.Default)
            .Services.BuildServiceProvider();

        Assert.Same(model, provider.GetRequiredService<StageModel>());
        Assert.Same(catalogue, provider.GetRequiredService<ChannelCatalog>());
    }

    [Fact]
    public void AddEngagement_HostRegistersAfterwards_LastRegistrationWins()
    {
        var own = new CesCalculator(new CesOptions { MaxScore = 5 });
        var services = new ServiceCollection();
        services.AddEngagement();
        services.AddSingleton(own);

        using var provider = services.BuildServiceProvider();

        Assert.Same(own, provider.GetRequiredService<CesCalculator>());
    }
}
