using Microsoft.Extensions.DependencyInjection;

namespace Engagement.Sdk;

/// <summary>The <see cref="IEngagementBuilder"/> that <see cref="EngagementServiceCollectionExtensions"/> returns.</summary>
internal sealed class EngagementBuilder(IServiceCollection services) : IEngagementBuilder
{
    public IServiceCollection Services { get; } = services;
}
