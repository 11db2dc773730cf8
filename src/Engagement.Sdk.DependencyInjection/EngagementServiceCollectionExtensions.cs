using Engagement.Sdk.Attribution;
using Engagement.Sdk.Journeys;
using Engagement.Sdk.Responses;
using Engagement.Sdk.Surveys;
using Engagement.Sdk.Touchpoints;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Engagement.Sdk;

/// <summary>Registers Engagement.Sdk in an <see cref="IServiceCollection"/>.</summary>
public static class EngagementServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="EngagementOptions"/> (validated at start-up), <see cref="TimeProvider.System"/> unless the
    /// host registered a <see cref="TimeProvider"/>, and as singletons the <see cref="NpsCalculator"/>,
    /// <see cref="CsatCalculator"/>, <see cref="CesCalculator"/>, <see cref="StageModel"/> and
    /// <see cref="ChannelCatalog"/> built from the options, the <see cref="ResponsePolicy"/> of
    /// <see cref="EngagementOptions.Responses"/> and of the <see cref="IResponseRule"/> services, the customer-value
    /// settings of <see cref="EngagementOptions.Value"/> (<see cref="Value.RfmSegmentMap"/>, <see cref="Value.ModelFitOptions"/>,
    /// <see cref="Value.ValueTierDefinition"/>, <see cref="Value.LifecycleStageRules"/>), the
    /// <see cref="AttributionModelCatalog"/> of the built-in models and the <see cref="IAttributionModel"/> services (a
    /// host model replaces the built-in model of its name), and, transient, a new
    /// <see cref="ResponsePlanner"/> (with its own stream state) per resolution.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the options; <see langword="null"/> keeps the defaults. Calling this method
    /// again adds another configuration step (they compose in order) and registers nothing twice.</param>
    /// <returns>A builder on <paramref name="services"/>: chain feature registrations on it
    /// (<c>services.AddEngagement().AddJourneys()</c>), or use <see cref="IEngagementBuilder.Services"/> to get back to
    /// the collection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    /// <remarks>
    /// Infrastructure is registered with <c>TryAdd</c>, so a host's own registration of any of these services wins.
    /// Invalid options (a threshold off its scale) fail with <see cref="OptionsValidationException"/> when the host
    /// starts, or at the first resolution of a calculator outside a host. To bind the options from configuration, chain
    /// <see cref="EngagementBuilderExtensions.Bind(IEngagementBuilder, Microsoft.Extensions.Configuration.IConfiguration)"/>
    /// or <see cref="EngagementBuilderExtensions.BindConfiguration(IEngagementBuilder, string)"/>.
    /// </remarks>
    public static IEngagementBuilder AddEngagement(this IServiceCollection services, Action<EngagementOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);

        var options = services.AddOptions<EngagementOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        var builder = new EngagementBuilder(services);
        if (services.Any(static d => d.ServiceType == typeof(EngagementMarker)))
        {
            return builder;
        }

        services.AddSingleton<EngagementMarker>();
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EngagementOptions>, EngagementOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(NpsCalculator.Default);
        services.TryAddSingleton(static sp => new CsatCalculator(Options(sp).Csat));
        services.TryAddSingleton(static sp => new CesCalculator(Options(sp).Ces));
        services.TryAddSingleton(static sp => Options(sp).StageModel);
        services.TryAddSingleton(static sp => Options(sp).Channels);
        services.TryAddSingleton(static sp => Options(sp).Value.SegmentMap);
        services.TryAddSingleton(static sp => Options(sp).Value.FitOptions);
        services.TryAddSingleton(static sp => Options(sp).Value.Tiers);
        services.TryAddSingleton(static sp => Options(sp).Value.Lifecycle);
        services.TryAddSingleton(static sp => new ResponsePolicy(Options(sp).Responses.Rules.Concat(sp.GetServices<IResponseRule>())));
        services.TryAddSingleton(static sp =>
        {
            _ = Options(sp); // validates the options, and with them the host's attribution models
            return AttributionModels.Catalog(sp.GetServices<IAttributionModel>());
        });
        services.TryAddTransient(static sp =>
        {
            var responses = Options(sp).Responses;
            return new ResponsePlanner(sp.GetRequiredService<ResponsePolicy>(), responses.Templates, responses.Calendar, responses.CustomerAttributes, responses.SlaPolicy);
        });
        return builder;
    }

    /// <summary>Marks a collection that <c>AddEngagement</c> has already set up.</summary>
    private sealed class EngagementMarker;

    private static EngagementOptions Options(IServiceProvider services) =>
        services.GetRequiredService<IOptions<EngagementOptions>>().Value;
}
