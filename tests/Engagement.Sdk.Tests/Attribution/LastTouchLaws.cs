using Engagement.Sdk.Attribution;

namespace Engagement.Sdk.Tests.Attribution;

public class LastTouchLaws : AttributionLawTests
{
    protected override IAttributionModel Model { get; } = new LastTouchModel();
}
