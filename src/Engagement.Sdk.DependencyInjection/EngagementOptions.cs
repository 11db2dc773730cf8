using Engagement.Sdk.Journeys;
using Engagement.Sdk.Surveys;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk;

/// <summary>
/// The settings <see cref="EngagementServiceCollectionExtensions.AddEngagement"/> registers: metric scales and
/// thresholds, the journey stage model and the channel catalogue. Validated when the host starts.
/// </summary>
public sealed class EngagementOptions
{
    private StageModel _stageModel = StageModel.Default;
    private ChannelCatalog _channels = ChannelCatalog.Default;

    /// <summary>Gets the CSAT scale and satisfied threshold.</summary>
    /// <value>The default is 1–5, satisfied from 4 (top-two-box).</value>
    public CsatOptions Csat { get; } = new();

    /// <summary>Gets the CES scale and low-effort threshold.</summary>
    /// <value>The default is 1–7, low effort from 5.</value>
    public CesOptions Ces { get; } = new();

    /// <summary>Gets or sets the journey stage model.</summary>
    /// <value>The default value is <see cref="StageModel.Default"/>.</value>
    /// <exception cref="ArgumentNullException">The value is <see langword="null"/>.</exception>
    public StageModel StageModel
    {
        get => _stageModel;
        set => _stageModel = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Gets or sets the channel catalogue; add host channels with <see cref="ChannelCatalog.With(Channel)"/>.</summary>
    /// <value>The default value is <see cref="ChannelCatalog.Default"/>.</value>
    /// <exception cref="ArgumentNullException">The value is <see langword="null"/>.</exception>
    public ChannelCatalog Channels
    {
        get => _channels;
        set => _channels = value ?? throw new ArgumentNullException(nameof(value));
    }
}
