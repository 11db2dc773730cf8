using Engagement.Sdk.Attribution;

namespace Engagement.Sdk.Tests.Attribution;

/// <summary>The shared laws for the first-order Markov model. It credits only channels of converting paths (see
/// <see cref="MarkovModel"/>), so the strong law holds too.</summary>
public class MarkovFirstOrderLaws : AttributionLawTests
{
    protected override IAttributionModel Model { get; } = new MarkovModel();
}

/// <summary>The shared laws for the second-order Markov model, repeats kept.</summary>
public class MarkovSecondOrderLaws : AttributionLawTests
{
    protected override IAttributionModel Model { get; } = new MarkovModel(order: 2, collapseRepeats: false);
}
