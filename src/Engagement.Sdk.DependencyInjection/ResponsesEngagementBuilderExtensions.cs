using System.Diagnostics.CodeAnalysis;
using Engagement.Sdk.Responses;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Engagement.Sdk;

/// <summary>Registers response rules as services, so that a host's rules can take their own dependencies.</summary>
public static class ResponsesEngagementBuilderExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TRule"/> as a singleton <see cref="IResponseRule"/>: the <see cref="ResponsePolicy"/>
    /// that <c>AddEngagement</c> registers holds it after the rules of <see cref="EngagementOptions.Responses"/>, in
    /// registration order. Registering the same type twice registers it once.
    /// </summary>
    /// <typeparam name="TRule">The rule's type, created by the container.</typeparam>
    /// <param name="builder">The builder that <c>AddEngagement</c> returned.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static IEngagementBuilder AddResponseRule<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TRule>(this IEngagementBuilder builder)
        where TRule : class, IResponseRule
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IResponseRule, TRule>());
        return builder;
    }
}
