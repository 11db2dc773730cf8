using Engagement.Sdk.Attribution;

namespace Engagement.Sdk.Tests.Attribution;

public class FirstTouchLaws : AttributionLawTests
{
    protected override IAttributionModel Model { get; } = new FirstTouchModel();
}
