using Engagement.Sdk.Attribution;

namespace Engagement.Sdk.Tests.Attribution;

/// <summary>The Markov snippet of docs/attribution.md, as written there.</summary>
public class MarkovDocsExamples
{
    [Fact]
    public void Snippet_GivesTheNumbersTheDocsQuote()
    {
        var paths = ConversionPaths.Create(new[]
        {
            AggregatedPath.Parse("A > B", conversions: 1, value: 10, nulls: 1),
            AggregatedPath.Parse("B > C", conversions: 1, value: 20, nulls: 0),
            AggregatedPath.Parse("C > A", conversions: 0, value: 0, nulls: 1),
            AggregatedPath.Parse("A", conversions: 1, value: 30, nulls: 0),
        });
        var chain = new MarkovModel().Analyse(paths);

        Assert.Equal(3.0 / 5, chain.ConversionProbability, 1e-12);
        Assert.Equal([2.0 / 3, 13.0 / 24, 17.0 / 36], chain.RemovalEffects.Select(e => e.Effect), (x, y) => Math.Abs(x - y) < 1e-12);
        Assert.Equal(3 * 48.0 / 121, chain.Attribution["A"].Conversions, 1e-12);
    }
}
