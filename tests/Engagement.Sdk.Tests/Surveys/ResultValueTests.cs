using Engagement.Sdk.Social;
using Engagement.Sdk.Surveys;

namespace Engagement.Sdk.Tests.Surveys;

/// <summary>Results are small values: their defaults are the empty results, and they compare by state.</summary>
public class ResultValueTests
{
    [Fact]
    public void Defaults_AreEmptyResults_WithoutValues()
    {
        Assert.Equal(new NpsResult(0, 0, 0), default);
        Assert.Null(default(NpsResult).Score);
        Assert.Null(default(RatingResult).Mean);
        Assert.False(default(RatingResult).HasValue);
        Assert.Null(default(MentionResult).NetSentiment);
        Assert.Equal(new MentionResult(0, 0, 0), default);
    }

    [Fact]
    public void Operators_CompareState()
    {
        Assert.True(new NpsResult(1, 2, 3) == new NpsResult(1, 2, 3));
        Assert.True(new NpsResult(1, 2, 3) != new NpsResult(3, 2, 1));
        Assert.True(new NpsResult(1, 2, 3).Equals((object)new NpsResult(1, 2, 3)));
        Assert.Equal(new NpsResult(1, 2, 3).GetHashCode(), new NpsResult(1, 2, 3).GetHashCode());

        var csat = new CsatCalculator();
        Assert.True(csat.Compute([5, 4]) == csat.Compute([4, 5]));
        Assert.True(csat.Compute([5, 4]) != csat.Compute([4, 4]));
        Assert.False(csat.Compute([5]).Equals((object)"5"));

        Assert.True(new MentionResult(1, 0, 2) == new MentionResult(1, 0, 2));
        Assert.True(new MentionResult(1, 0, 2) != new MentionResult(2, 0, 1));
        Assert.Equal(new MentionResult(1, 0, 2).GetHashCode(), new MentionResult(1, 0, 2).GetHashCode());
    }
}
