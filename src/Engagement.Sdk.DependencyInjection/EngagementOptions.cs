using Engagement.Sdk.Journeys;
using Engagement.Sdk.Responses;
using Engagement.Sdk.Surveys;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk;

/// <summary>
/// The settings <see cref="EngagementServiceCollectionExtensions.AddEngagement"/> registers: metric scales and
/// thresholds, the journey stage model and the channel catalogue. Validated when the host starts.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Csat"/> and <see cref="Ces"/> hold plain numbers and bind from configuration
/// (<see cref="EngagementBuilderExtensions.Bind(IEngagementBuilder, Microsoft.Extensions.Configuration.IConfiguration)"/>):
/// <c>"Engagement": { "Csat": { "MaxScore": 10 }, "Ces": { "LowEffortThreshold": 6 } }</c>.
/// <see cref="StageModel"/> and <see cref="Channels"/> are immutable, validated types set in code only; a configuration
/// that mentions them fails at start-up rather than being ignored, and one that does not leaves them as they are.
/// </para>
/// <para>Options for later features (journeys, attribution, ...) are not added here: each feature registers its own
/// options class through its <c>AddXxx</c> extension on <see cref="IEngagementBuilder"/>.</para>
/// <para>Not thread-safe while being configured; the calculators and models that <c>AddEngagement</c> registers are
/// built from it once, at first use.</para>
/// </remarks>
public sealed class EngagementOptions
{
    private StageModel _stageModel = StageModel.Default;
    private ChannelCatalog _channels = ChannelCatalog.Default;

    /// <summary>Gets the CSAT scale and satisfied threshold; the configuration section <c>Csat</c> binds into it.</summary>
    /// <value>The default is 1–5, satisfied from 4 (top-two-box).</value>
    public CsatOptions Csat { get; } = new();

    /// <summary>Gets the CES scale and low-effort threshold; the configuration section <c>Ces</c> binds into it.</summary>
    /// <value>The default is 1–7, low effort from 5.</value>
    public CesOptions Ces { get; } = new();

    /// <summary>Gets the response rules, templates and business calendar from which the <see cref="ResponsePolicy"/> and
    /// <see cref="ResponsePlanner"/>s are built. Set in code only: a <c>Responses</c> configuration key fails at start-up.</summary>
    /// <value>The default has no rules, no templates and the 24/7 calendar.</value>
    public ResponseOptions Responses { get; } = new();

    /// <summary>Gets the customer-value settings: RFM segment map, model-fitting options, value-tier shares and lifecycle
    /// rules. Set in code only: a <c>Value</c> configuration key fails at start-up.</summary>
    /// <value>The default holds each type's <c>Default</c>.</value>
    public ValueOptions Value { get; } = new();

    /// <summary>Gets or sets the journey stage model. Set in code only: a <c>StageModel</c> configuration key fails at
    /// start-up.</summary>
    /// <value>The default value is <see cref="StageModel.Default"/>.</value>
    /// <exception cref="ArgumentNullException">The value is <see langword="null"/>.</exception>
    public StageModel StageModel
    {
        get => _stageModel;
        set => _stageModel = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Gets or sets the channel catalogue; add host channels with <see cref="ChannelCatalog.With(Channel)"/>. Set
    /// in code only: a <c>Channels</c> configuration key fails at start-up.</summary>
    /// <value>The default value is <see cref="ChannelCatalog.Default"/>.</value>
    /// <exception cref="ArgumentNullException">The value is <see langword="null"/>.</exception>
    public ChannelCatalog Channels
    {
        get => _channels;
        set => _channels = value ?? throw new ArgumentNullException(nameof(value));
    }
}
