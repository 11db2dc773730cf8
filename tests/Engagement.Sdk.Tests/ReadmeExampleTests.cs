using Engagement.Sdk.Surveys;

namespace Engagement.Sdk.Tests;

/// <summary>The README's example prints what its comments say.</summary>
public class ReadmeExampleTests
{
    [Fact]
    public void ReadmeExample_PrintsTheCommentedValues()
    {
        // Promoters 10 9 9 10 9 (5), passives 8 7 (2), detractors 6 3 0 (3): NPS = 100 · (5 − 3) / 10 = 20.
        // SE = 100 · √((0.5 + 0.3 − 0.2²) / 10) = 27.57; 95% interval 20 ± 1.96 · 27.57 = [−34.03, 74.03].
        int[] answers = [10, 9, 9, 8, 7, 6, 3, 10, 9, 0];
        var nps = NpsCalculator.Default.Compute(answers);

        Assert.Equal("NPS 20.0 (SE 27.6, n = 10)", nps.ToString());
        Assert.Equal("[-34.03, 74.03] (95%)", nps.Interval.ToString());

        var csat = new CsatCalculator();
        var today = csat.CreateAccumulator();
        today.AddRange([5, 4, 2, 5]);
        var yesterday = csat.CreateAccumulator();
        yesterday.Add(3);
        today.Merge(yesterday);

        Assert.Equal("60.00% (3/5)", today.ToResult().FavourableShare.ToString());
    }
}
