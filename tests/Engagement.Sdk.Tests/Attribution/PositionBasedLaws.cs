using Engagement.Sdk.Attribution;

namespace Engagement.Sdk.Tests.Attribution;

public class PositionBasedLaws : AttributionLawTests
{
    protected override IAttributionModel Model { get; } = new PositionBasedModel(0.3, 0.5);
}
