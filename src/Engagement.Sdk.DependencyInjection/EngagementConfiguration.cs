using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Engagement.Sdk;

/// <summary>
/// Binds <see cref="EngagementOptions"/> from a configuration section whose children are <c>Csat</c>, <c>Ces</c>, ...; the
/// rules are documented on <see cref="EngagementBuilderExtensions"/>.
/// </summary>
/// <remarks>
/// Each sub-options object is bound on its own, through the configuration-binding source generator (the project sets
/// <c>EnableConfigurationBindingGenerator</c>), so binding needs no reflection and is trim- and AOT-safe. Binding is
/// strict: an unknown key inside a bound section (a typo such as <c>SatisfedThreshold</c>) or a value that does not
/// convert fails, and so does a <c>StageModel</c> or <c>Channels</c> key, which are validated immutable types set in
/// code only. All failures of one section are reported together as an <see cref="OptionsValidationException"/>, which
/// surfaces when the host starts (<c>ValidateOnStart</c>). Keys this package does not know at the top level are left
/// to features, which bind their own sub-sections.
/// </remarks>
internal static class EngagementConfiguration
{
    private static readonly Action<BinderOptions> Strict = static binder => binder.ErrorOnUnknownConfiguration = true;

    /// <summary>Returns <paramref name="sectionPath"/> of <paramref name="configuration"/>, or the configuration itself
    /// for an empty path (as <c>OptionsBuilder.BindConfiguration</c> does).</summary>
    public static IConfiguration Section(IConfiguration configuration, string sectionPath) =>
        sectionPath.Length == 0 ? configuration : configuration.GetSection(sectionPath);

    /// <summary>Binds the options from <paramref name="configuration"/>.</summary>
    /// <exception cref="OptionsValidationException">A value does not convert, a key is unknown, or a code-only option is
    /// present; the message names each failing key by its full path.</exception>
    public static void Bind(IConfiguration configuration, EngagementOptions options)
    {
        var failures = new List<string>();

        // One call per sub-options type, with its concrete static type, so that the generator intercepts it.
        var csat = configuration.GetSection(nameof(EngagementOptions.Csat));
        try
        {
            csat.Bind(options.Csat, Strict);
        }
        catch (InvalidOperationException e)
        {
            failures.Add(Describe(csat, e));
        }

        var ces = configuration.GetSection(nameof(EngagementOptions.Ces));
        try
        {
            ces.Bind(options.Ces, Strict);
        }
        catch (InvalidOperationException e)
        {
            failures.Add(Describe(ces, e));
        }

        RejectCodeOnly(configuration, nameof(EngagementOptions.StageModel), "new StageModel([...])", failures);
        RejectCodeOnly(configuration, nameof(EngagementOptions.Channels), "o.Channels.With(new Channel(...))", failures);
        RejectCodeOnly(configuration, nameof(EngagementOptions.Responses), "o.Responses.AddRule(...)", failures);
        RejectCodeOnly(configuration, nameof(EngagementOptions.Value), "o.Value.FitOptions = new ModelFitOptions(...)", failures);

        if (failures.Count > 0)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(EngagementOptions), failures);
        }
    }

    private static string Describe(IConfigurationSection section, InvalidOperationException e) =>
        $"{section.Path}: {e.Message}";

    private static void RejectCodeOnly(IConfiguration configuration, string key, string example, List<string> failures)
    {
        var section = configuration.GetSection(key);
        if (section.Exists())
        {
            failures.Add(
                $"{section.Path}: EngagementOptions.{key} cannot be bound from configuration; set it in code instead, " +
                $"for example services.AddEngagement(o => o.{key} = {example}).");
        }
    }
}
