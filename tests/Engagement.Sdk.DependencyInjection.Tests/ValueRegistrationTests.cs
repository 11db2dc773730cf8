using Engagement.Sdk.Value;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Engagement.Sdk.DependencyInjection.Tests;

public sealed class ValueRegistrationTests
{
    [Fact]
    public void AddEngagement_registers_the_value_defaults()
    {
        using var provider = new ServiceCollection().AddEngagement().Services.BuildServiceProvider();

        Assert.Same(RfmSegmentMap.Default, provider.GetRequiredService<RfmSegmentMap>());
        Assert.Same(ModelFitOptions.Default, provider.GetRequiredService<ModelFitOptions>());
        Assert.Same(ValueTierDefinition.Default, provider.GetRequiredService<ValueTierDefinition>());
        Assert.Same(LifecycleStageRules.Default, provider.GetRequiredService<LifecycleStageRules>());
    }

    [Fact]
    public void Configured_value_settings_are_the_registered_singletons()
    {
        var fit = new ModelFitOptions(l2Penalty: 0.01);
        var tiers = new ValueTierDefinition(mostValuableShare: 0.1, mostGrowableShare: 0.3);
        var lifecycle = new LifecycleStageRules(minimumRepeatPurchases: 2);
        using var provider = new ServiceCollection()
            .AddEngagement(o =>
            {
                o.Value.FitOptions = fit;
                o.Value.Tiers = tiers;
                o.Value.Lifecycle = lifecycle;
            })
            .Services.BuildServiceProvider();

        Assert.Same(fit, provider.GetRequiredService<ModelFitOptions>());
        Assert.Same(tiers, provider.GetRequiredService<ValueTierDefinition>());
        Assert.Same(lifecycle, provider.GetRequiredService<LifecycleStageRules>());
    }

    [Fact]
    public void Value_settings_refuse_null()
    {
        var options = new ValueOptions();

        Assert.Equal("value", Assert.Throws<ArgumentNullException>(() => options.SegmentMap = null!).ParamName);
        Assert.Equal("value", Assert.Throws<ArgumentNullException>(() => options.FitOptions = null!).ParamName);
        Assert.Equal("value", Assert.Throws<ArgumentNullException>(() => options.Tiers = null!).ParamName);
        Assert.Equal("value", Assert.Throws<ArgumentNullException>(() => options.Lifecycle = null!).ParamName);
    }

    [Fact]
    public void A_value_configuration_key_fails_at_start_up_rather_than_being_ignored()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Value:FitOptions:L2Penalty"] = "0.5" })
            .Build();
        using var provider = new ServiceCollection().AddEngagement().Bind(configuration).Services.BuildServiceProvider();

        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<EngagementOptions>>().Value);
        Assert.Contains("Value", e.Message, StringComparison.Ordinal);
    }
}
