using Engagement.Sdk.Attribution;

namespace Engagement.Sdk.Tests.Attribution;

/// <summary>
/// The laws for last non-direct with its default direct channel, which the law journeys (channels a–f) never use:
/// relabelling cannot hold for a model that singles out a channel by name, so the skipping itself is checked against the
/// naive reference in <see cref="HeuristicModelTests"/>, with "a" as the direct channel.
/// </summary>
public class LastNonDirectLaws : AttributionLawTests
{
    protected override IAttributionModel Model { get; } = new LastNonDirectModel();
}
