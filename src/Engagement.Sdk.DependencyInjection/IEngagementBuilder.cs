using Microsoft.Extensions.DependencyInjection;

namespace Engagement.Sdk;

/// <summary>
/// Configures Engagement.Sdk in a service collection: <see cref="EngagementServiceCollectionExtensions.AddEngagement(IServiceCollection, Action{EngagementOptions}?)"/>
/// returns one, and each feature package adds its own <c>AddXxx</c> extension method on it.
/// </summary>
/// <remarks>
/// <para>
/// A feature extends the builder rather than <see cref="EngagementOptions"/>, so the core options do not grow with every
/// metric. A feature's extension method follows the Microsoft.Extensions conventions: it registers the feature's own
/// options with <c>AddOptions&lt;T&gt;().Configure(configure)</c> (several calls compose), its infrastructure with
/// <c>TryAdd</c> (the host's own registrations win, and a second call registers nothing twice), and returns the builder
/// so that calls chain:
/// </para>
/// <code>
/// public static class JourneysEngagementBuilderExtensions
/// {
///     public static IEngagementBuilder AddJourneys(this IEngagementBuilder builder, Action&lt;JourneyOptions&gt;? configure = null)
///     {
///         ArgumentNullException.ThrowIfNull(builder);
///         var options = builder.Services.AddOptions&lt;JourneyOptions&gt;();
///         if (configure is not null)
///         {
///             options.Configure(configure);
///         }
///
///         builder.Services.TryAddSingleton&lt;JourneyAnalyzer&gt;();
///         return builder;
///     }
/// }
/// </code>
/// <para>Implementations need not be thread-safe: a service collection is configured on one thread.</para>
/// </remarks>
public interface IEngagementBuilder
{
    /// <summary>Gets the service collection that Engagement.Sdk and its features register into.</summary>
    IServiceCollection Services { get; }
}
