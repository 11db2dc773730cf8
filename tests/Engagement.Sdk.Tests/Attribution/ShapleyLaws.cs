using Engagement.Sdk.Attribution;

namespace Engagement.Sdk.Tests.Attribution;

/// <summary>The shared attribution laws for exact Shapley values (the random journeys have at most six channels).</summary>
public class ShapleyLaws : AttributionLawTests
{
    protected override IAttributionModel Model => new ShapleyModel();
}

/// <summary>
/// The shared laws for Monte Carlo Shapley values: with the exact limit at 2, journeys over three to six channels are
/// sampled (500 seeded orders); relabelling moves the credits within their standard errors, which
/// <see cref="ShapleyProperties"/> checks, so that law is skipped here.
/// </summary>
public class ShapleyMonteCarloLaws : AttributionLawTests
{
    protected override IAttributionModel Model => new ShapleyModel(exactChannelLimit: 2, samples: 500, seed: 7);

    protected override bool PermutesCreditsExactly => false;
}
