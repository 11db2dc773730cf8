using Engagement.Sdk.Value;

namespace Engagement.Sdk;

/// <summary>
/// The customer-value settings <see cref="EngagementServiceCollectionExtensions.AddEngagement"/> registers as singletons:
/// the RFM segment map, the model-fitting options, the value-tier shares and the lifecycle-stage rules;
/// <see cref="EngagementOptions.Value"/> holds it. Set in code only.
/// </summary>
/// <remarks>
/// <para>
/// Each is an immutable, validated type, so a host injects the one it configured:
/// <c>services.AddEngagement(o => o.Value.FitOptions = new ModelFitOptions(l2Penalty: 0.01))</c> and then
/// <c>BgNbdModel.Fit(data, fitOptions)</c> with the injected <see cref="ModelFitOptions"/>.
/// </para>
/// <para>Not thread-safe while being configured.</para>
/// </remarks>
public sealed class ValueOptions
{
    private RfmSegmentMap _segmentMap = RfmSegmentMap.Default;
    private ModelFitOptions _fitOptions = ModelFitOptions.Default;
    private ValueTierDefinition _tiers = ValueTierDefinition.Default;
    private LifecycleStageRules _lifecycle = LifecycleStageRules.Default;

    /// <summary>Gets or sets the map from RFM scores to named segments.</summary>
    /// <value>The default value is <see cref="RfmSegmentMap.Default"/>.</value>
    /// <exception cref="ArgumentNullException">The value is <see langword="null"/>.</exception>
    public RfmSegmentMap SegmentMap
    {
        get => _segmentMap;
        set => _segmentMap = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Gets or sets the options of the value models' maximum-likelihood fits.</summary>
    /// <value>The default value is <see cref="ModelFitOptions.Default"/>.</value>
    /// <exception cref="ArgumentNullException">The value is <see langword="null"/>.</exception>
    public ModelFitOptions FitOptions
    {
        get => _fitOptions;
        set => _fitOptions = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Gets or sets the shares of the value tiers.</summary>
    /// <value>The default value is <see cref="ValueTierDefinition.Default"/>.</value>
    /// <exception cref="ArgumentNullException">The value is <see langword="null"/>.</exception>
    public ValueTierDefinition Tiers
    {
        get => _tiers;
        set => _tiers = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Gets or sets the rules that place a customer in a lifecycle stage.</summary>
    /// <value>The default value is <see cref="LifecycleStageRules.Default"/>.</value>
    /// <exception cref="ArgumentNullException">The value is <see langword="null"/>.</exception>
    public LifecycleStageRules Lifecycle
    {
        get => _lifecycle;
        set => _lifecycle = value ?? throw new ArgumentNullException(nameof(value));
    }
}
