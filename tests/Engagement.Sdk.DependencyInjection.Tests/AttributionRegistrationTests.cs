using Engagement.Sdk.Attribution;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Engagement.Sdk.DependencyInjection.Tests;

public class AttributionRegistrationTests
{
    [Fact]
    public void AddEngagement_RegistersTheDefaultCatalog()
    {
        using var provider = new ServiceCollection().AddEngagement().Services.BuildServiceProvider(validateScopes: true);

        var catalog = provider.GetRequiredService<AttributionModelCatalog>();

        Assert.Equal(AttributionModelCatalog.Default.Names, catalog.Names);
        Assert.Same(catalog, provider.GetRequiredService<AttributionModelCatalog>());
    }

    [Fact]
    public void AddAttributionModel_AHostModelReplacesTheDefaultOfItsName_OthersComeAfter()
    {
        var decay = new TimeDecayModel(TimeSpan.FromDays(3));
        using var provider = new ServiceCollection().AddEngagement()
            .AddAttributionModel(decay)
            .AddAttributionModel(new LinearModel(LinearCredit.PerDistinctChannel, "linear-distinct"))
            .AddAttributionModel<EverythingToTheFirstChannel>()
            .AddAttributionModel<EverythingToTheFirstChannel>()
            .Services.BuildServiceProvider();

        var catalog = provider.GetRequiredService<AttributionModelCatalog>();

        Assert.Equal([.. AttributionModelCatalog.Default.Names, "linear-distinct", "everything-to-first"], catalog.Names);
        Assert.Same(decay, catalog.Get("time-decay"));
        Assert.IsType<EverythingToTheFirstChannel>(catalog.Get("everything-to-first"));
    }

    [Fact]
    public void TwoHostModelsOfOneName_FailAtStartNamingIt()
    {
        using var provider = new ServiceCollection().AddEngagement()
            .AddAttributionModel(new LinearModel(name: "mine"))
            .AddAttributionModel(new LastTouchModel("mine"))
            .Services.BuildServiceProvider();

        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<AttributionModelCatalog>());

        Assert.Contains("'mine'", e.Message, StringComparison.Ordinal);
        Assert.Contains("Attribution models", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddAttributionModel_NullArguments_Throw()
    {
        var builder = new ServiceCollection().AddEngagement();

        Assert.Equal("model", Assert.Throws<ArgumentNullException>(() => builder.AddAttributionModel(null!)).ParamName);
        Assert.Equal("builder", Assert.Throws<ArgumentNullException>(() => AttributionEngagementBuilderExtensions.AddAttributionModel(null!, new FirstTouchModel())).ParamName);
        Assert.Equal("builder", Assert.Throws<ArgumentNullException>(() => AttributionEngagementBuilderExtensions.AddAttributionModel<EverythingToTheFirstChannel>(null!)).ParamName);
    }

    /// <summary>A host's own model, created by the container: delegates to first touch under its own name.</summary>
    private sealed class EverythingToTheFirstChannel : IAttributionModel
    {
        private readonly FirstTouchModel _inner = new("everything-to-first");

        public string Name => _inner.Name;

        public AttributionResult Attribute(ConversionPaths paths, CancellationToken cancellationToken = default) => _inner.Attribute(paths, cancellationToken);
    }
}
