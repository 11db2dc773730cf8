using System.Diagnostics.CodeAnalysis;
using Engagement.Sdk.Attribution;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Engagement.Sdk;

/// <summary>Registers a host's attribution models, which join the built-in ones in the <see cref="AttributionModelCatalog"/>
/// that <c>AddEngagement</c> registers.</summary>
public static class AttributionEngagementBuilderExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TModel"/> as a singleton <see cref="IAttributionModel"/>, created by the container: the
    /// catalogue holds it in place of the built-in model of the same name, or after the built-in ones. Registering the
    /// same type twice registers it once.
    /// </summary>
    /// <typeparam name="TModel">The model's type.</typeparam>
    /// <param name="builder">The builder that <c>AddEngagement</c> returned.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static IEngagementBuilder AddAttributionModel<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TModel>(this IEngagementBuilder builder)
        where TModel : class, IAttributionModel
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IAttributionModel, TModel>());
        return builder;
    }

    /// <summary>
    /// Registers a model instance as an <see cref="IAttributionModel"/>, for a configuration of a built-in model
    /// (<c>new TimeDecayModel(TimeSpan.FromDays(3), "time-decay-3d")</c>): the catalogue holds it in place of the built-in
    /// model of the same name, or after the built-in ones. Two host models of one name fail at start-up.
    /// </summary>
    /// <param name="builder">The builder that <c>AddEngagement</c> returned.</param>
    /// <param name="model">The model.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="model"/> is <see langword="null"/>.</exception>
    public static IEngagementBuilder AddAttributionModel(this IEngagementBuilder builder, IAttributionModel model)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(model);
        builder.Services.AddSingleton(model);
        return builder;
    }
}
