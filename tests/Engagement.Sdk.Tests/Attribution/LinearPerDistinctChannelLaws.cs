using Engagement.Sdk.Attribution;

namespace Engagement.Sdk.Tests.Attribution;

public class LinearPerDistinctChannelLaws : AttributionLawTests
{
    protected override IAttributionModel Model { get; } = new LinearModel(LinearCredit.PerDistinctChannel);
}
