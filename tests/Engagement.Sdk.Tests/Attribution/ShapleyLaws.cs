using Engagement.Sdk.Attribution;

namespace Engagement.Sdk.Tests.Attribution;

/// <summary>The shared attribution laws for exact Shapley values (the random journeys have at most six channels).</summary>
public class ShapleyLaws : AttributionLawTests
{
    protected override IAttributionModel Model => new ShapleyModel();
}
