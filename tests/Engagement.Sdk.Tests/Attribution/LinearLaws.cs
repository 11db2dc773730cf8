using Engagement.Sdk.Attribution;

namespace Engagement.Sdk.Tests.Attribution;

public class LinearLaws : AttributionLawTests
{
    protected override IAttributionModel Model { get; } = new LinearModel();
}
