using Engagement.Sdk.Statistics;
using Engagement.Sdk.Surveys;

namespace Engagement.Sdk.Tests.Statistics;

public class MetricDefinitionTests
{
    [Fact]
    public void Factories_FillInTheConventions()
    {
        Assert.Equal(new MetricDefinition(MetricKind.Csat, new RatingScale(1, 5), 4), MetricDefinition.Csat());
        Assert.Equal(new MetricDefinition(MetricKind.Ces, new RatingScale(1, 7), 5), MetricDefinition.Ces());

        // CES above the midpoint: 1–5 → 4, 1–10 → 6 (midpoint 5.5).
        Assert.Equal(4, MetricDefinition.Ces(1, 5).FavourableThreshold);
        Assert.Equal(6, MetricDefinition.Ces(1, 10).FavourableThreshold);
        Assert.Equal(9, MetricDefinition.Csat(1, 10).FavourableThreshold);
        Assert.Equal("conversion", MetricDefinition.Rate("conversion").Name);
    }

    [Fact]
    public void Constructor_PartsThatDoNotFitTheKind_Throw()
    {
        Assert.Equal("scale", Assert.Throws<ArgumentOutOfRangeException>(() => new MetricDefinition(MetricKind.Nps, new RatingScale(1, 10), 9, 6)).ParamName);
        Assert.Equal("unfavourableThreshold", Assert.Throws<ArgumentOutOfRangeException>(() => new MetricDefinition(MetricKind.Nps, new RatingScale(0, 10), 9, 7)).ParamName);
        Assert.Equal("scale", Assert.Throws<ArgumentOutOfRangeException>(() => new MetricDefinition(MetricKind.Csat, default, 0)).ParamName);
        Assert.Equal("unfavourableThreshold", Assert.Throws<ArgumentOutOfRangeException>(() => new MetricDefinition(MetricKind.Ces, new RatingScale(1, 7), 5, 2)).ParamName);
        Assert.Equal("scale", Assert.Throws<ArgumentOutOfRangeException>(() => new MetricDefinition(MetricKind.Rate, new RatingScale(1, 7))).ParamName);
        Assert.Equal("favourableThreshold", Assert.Throws<ArgumentOutOfRangeException>(() => new MetricDefinition(MetricKind.Mentions, favourableThreshold: 1)).ParamName);
        Assert.Equal("kind", Assert.Throws<ArgumentOutOfRangeException>(() => new MetricDefinition((MetricKind)42)).ParamName);
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => new MetricDefinition(MetricKind.Mentions, name: "x")).ParamName);
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => MetricDefinition.Rate(" ")).ParamName);
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => MetricDefinition.Rate("conv\u202Eersion")).ParamName);
        Assert.Equal("maxScore", Assert.Throws<ArgumentOutOfRangeException>(() => MetricDefinition.Csat(5, 5)).ParamName);
        Assert.Equal("minScore", Assert.Throws<ArgumentOutOfRangeException>(() => MetricDefinition.Ces(-1001, 5)).ParamName);
    }

    [Fact]
    public void Equality_IsByEveryPart()
    {
        Assert.Equal(MetricDefinition.Rate("a"), MetricDefinition.Rate("a"));
        Assert.Equal(MetricDefinition.Rate("a").GetHashCode(), MetricDefinition.Rate("a").GetHashCode());
        Assert.Equal(MetricDefinition.Rate("a"), MetricDefinition.Rate("A"));
        Assert.Equal(MetricDefinition.Rate("a").GetHashCode(), MetricDefinition.Rate("A").GetHashCode());
        Assert.NotEqual(MetricDefinition.Rate("a"), MetricDefinition.Rate("b"));
        Assert.NotEqual(MetricDefinition.Rate(), MetricDefinition.Rate("a"));
        Assert.True(MetricDefinition.Csat() != MetricDefinition.Ces(1, 5, 4));
        Assert.False(MetricDefinition.Nps.Equals(null));
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("sv-SE")]
    [InlineData("ar-SA")]
    [InlineData("fa-IR")]
    public void ToString_IsCultureInvariant_NegativeNumbersIncluded(string culture)
    {
        Cultures.Under(culture, () =>
        {
            var definition = MetricDefinition.Csat(-5, 5, -1);
            var accumulator = new CsatAccumulator(definition);
            accumulator.AddRange([-5, -4, 3]);

            Assert.Equal("CSAT on -5–5, favourable from -1", definition.ToString());
            Assert.Equal("CSAT on -5–5, favourable from -1: n = 3, 1 favourable, sum -6", accumulator.ToString());
            Assert.Equal("CSAT on -5–5, favourable from -1 state v1: n 3, favourable 1, sum -6, sum of squares 50", accumulator.GetState().ToString());
            Assert.Equal("33.33% (1/3) at or above -1 on -5–5, mean -2.00", accumulator.ToResult().ToString());
            Assert.Equal("NPS -100.0 (SE 0.0, n = 1)", NpsCalculator.Default.Compute([0]).ToString());
            Assert.Equal("rate 'conversion'", MetricDefinition.Rate("conversion").ToString());
            Assert.Equal("NPS on 0–10, promoters from 9, detractors up to 6", MetricDefinition.Nps.ToString());
        });
    }
}
