using Engagement.Sdk.Responses;

namespace Engagement.Sdk;

/// <summary>
/// The response rules, templates and business calendar that <see cref="EngagementServiceCollectionExtensions.AddEngagement"/>
/// turns into a <see cref="ResponsePolicy"/> and <see cref="ResponsePlanner"/>s; <see cref="EngagementOptions.Responses"/>
/// holds it. Set in code only.
/// </summary>
/// <remarks>
/// <para>
/// The policy holds <see cref="Rules"/> in the order added, followed by the rules registered as services
/// (<see cref="ResponsesEngagementBuilderExtensions.AddResponseRule{TRule}(IEngagementBuilder)"/>), in registration
/// order. <c>services.AddEngagement(o => o.Responses.AddRule(ResponsePresets.WelcomeEmail()).AddTemplates(ResponsePresets.Templates))</c>.
/// </para>
/// <para>Not thread-safe while being configured; the policy built from it is immutable.</para>
/// </remarks>
public sealed class ResponseOptions
{
    /// <summary>Gets or sets the business calendar for business-time delays and the hours of manual responses;
    /// <see langword="null"/> for the calendar of <see cref="SlaPolicy"/>, or <see cref="BusinessCalendar.AlwaysOpen"/> without one.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public BusinessCalendar? Calendar { get; set; }

    /// <summary>Gets or sets the SLA policy the planners evaluate inquiries with, for SLA triggers such as
    /// <see cref="ResponsePresets.SlaEscalation"/>; <see langword="null"/> when the rules have none.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public SlaPolicy? SlaPolicy { get; set; }

    /// <summary>Gets or sets the source of customer attributes for the templates' placeholders, or
    /// <see langword="null"/> to render every placeholder with its fallback.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public Func<string, IReadOnlyDictionary<string, string>?>? CustomerAttributes { get; set; }

    /// <summary>Gets the rules, in order.</summary>
    public IList<IResponseRule> Rules { get; } = [];

    /// <summary>Gets the templates the rules' actions refer to.</summary>
    public IList<ResponseTemplate> Templates { get; } = [];

    /// <summary>Adds a rule after those already added.</summary>
    /// <param name="rule">The rule.</param>
    /// <returns>These options, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rule"/> is <see langword="null"/>.</exception>
    public ResponseOptions AddRule(IResponseRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        Rules.Add(rule);
        return this;
    }

    /// <summary>Adds templates.</summary>
    /// <param name="templates">The templates, for example <see cref="ResponsePresets.Templates"/>.</param>
    /// <returns>These options, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="templates"/> or a template is <see langword="null"/>.</exception>
    public ResponseOptions AddTemplates(IEnumerable<ResponseTemplate> templates)
    {
        ArgumentNullException.ThrowIfNull(templates);
        foreach (var template in templates)
        {
            ArgumentNullException.ThrowIfNull(template, nameof(templates));
            Templates.Add(template);
        }

        return this;
    }
}
