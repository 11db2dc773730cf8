using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Engagement.Sdk;

/// <summary>
/// Binds the core <see cref="EngagementOptions"/> from configuration through an <see cref="IEngagementBuilder"/>, as
/// <c>OptionsBuilder&lt;T&gt;.Bind</c> and <c>BindConfiguration</c> do for plain options.
/// </summary>
/// <remarks>
/// <para>
/// The section's children are <c>Csat</c> and <c>Ces</c>; keys it does not mention keep their defaults (or the values
/// set by earlier configuration steps). Binding is one more configuration step: it composes in order with the
/// <c>AddEngagement(o => ...)</c> steps, so a later <c>AddEngagement(o => ...)</c> overrides bound values in code. It
/// runs when the options are first created, which <c>ValidateOnStart</c> makes the host's start.
/// </para>
/// <para>
/// Binding goes through code generated at compile time (the configuration-binding source generator), not reflection,
/// so it is trim- and AOT-safe. It is strict: a value that does not convert (<c>"MaxScore": "ten"</c>), an unknown key
/// inside <c>Csat</c> or <c>Ces</c> (<c>"SatisfedThreshold"</c>), or a <c>StageModel</c> or <c>Channels</c> key —
/// immutable, validated types that are set in code only — fails with an <see cref="OptionsValidationException"/>
/// whose failures name each key by its full path. Other top-level keys are left alone: feature packages bind their
/// own sub-sections (<c>Engagement:Journeys</c>) in their <c>AddXxx</c> methods.
/// </para>
/// <para>
/// <see cref="IOptionsMonitor{TOptions}"/> follows reloads of the configuration; the calculators that
/// <c>AddEngagement</c> registers are singletons built once, from the options at first use.
/// </para>
/// </remarks>
public static class EngagementBuilderExtensions
{
    /// <summary>Binds <see cref="EngagementOptions"/> from a configuration section.</summary>
    /// <param name="builder">The builder that <c>AddEngagement</c> returned.</param>
    /// <param name="configuration">The section whose children are <c>Csat</c> and <c>Ces</c>, for example
    /// <c>builder.Configuration.GetSection("Engagement")</c>.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configuration"/> is
    /// <see langword="null"/>.</exception>
    /// <remarks>See <see cref="EngagementBuilderExtensions"/> for the binding rules. A value that fails to bind surfaces
    /// as an <see cref="OptionsValidationException"/> when the options are created, not from this method. The options
    /// are read once, at start-up: the calculators built from them are singletons, so no change token is registered,
    /// and a configuration reload (even one with a bad value) neither changes them nor throws to the code that
    /// reloads.</remarks>
    public static IEngagementBuilder Bind(this IEngagementBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);

        builder.Services.AddOptions<EngagementOptions>().Configure(o => EngagementConfiguration.Bind(configuration, o));
        return builder;
    }

    /// <summary>
    /// Binds <see cref="EngagementOptions"/> from a section of the host's <see cref="IConfiguration"/>, resolved from
    /// the service provider when the options are first created.
    /// </summary>
    /// <param name="builder">The builder that <c>AddEngagement</c> returned.</param>
    /// <param name="sectionPath">The path of the section whose children are <c>Csat</c> and <c>Ces</c>, for example
    /// <c>"Engagement"</c>; an empty string binds the configuration's root.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="sectionPath"/> is
    /// <see langword="null"/>.</exception>
    /// <remarks>
    /// Use this where the configuration is not at hand while registering; otherwise
    /// <see cref="Bind(IEngagementBuilder, IConfiguration)"/> takes the section directly. See
    /// <see cref="EngagementBuilderExtensions"/> for the binding rules. The service provider must hold an
    /// <see cref="IConfiguration"/>, as a generic or web host's does; without one, creating the options fails with an
    /// <see cref="InvalidOperationException"/>.
    /// </remarks>
    public static IEngagementBuilder BindConfiguration(this IEngagementBuilder builder, string sectionPath)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(sectionPath);

        builder.Services.AddOptions<EngagementOptions>()
            .Configure<IConfiguration>((o, configuration) => EngagementConfiguration.Bind(EngagementConfiguration.Section(configuration, sectionPath), o));
        return builder;
    }
}
