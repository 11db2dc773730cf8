using Engagement.Sdk.Attribution;

namespace Engagement.Sdk.Tests.Attribution;

public class TimeDecayLaws : AttributionLawTests
{
    protected override IAttributionModel Model { get; } = new TimeDecayModel(TimeSpan.FromDays(2));
}
