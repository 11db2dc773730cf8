using System.Text.Json;
using Engagement.Sdk.IO;
using Engagement.Sdk.Statistics;
using Engagement.Sdk.Surveys;

namespace Engagement.Sdk.Tests;

/// <summary>The README's example prints what its comments say.</summary>
public class ReadmeExampleTests
{
    [Fact]
    public void ReadmeExample_PrintsTheCommentedValues()
    {
        // Promoters 10 9 9 10 9 (5), passives 8 7 (2), detractors 6 3 0 (3): NPS = 100 · (5 − 3) / 10 = 20.
        // SE = 100 · √((0.5 + 0.3 − 0.2²) / 10) = 27.57. The adjusted Wald interval (Rocks 2016) adds ¾, 3/2 and ¾
        // pseudo-answers: 5.75, 3.5 and 3.75 of 13, centre 100 · 2/13 = 15.38, SE 100 · √((9.5/13 − (2/13)²) / 13) = 23.32,
        // so 15.38 ± 1.96 · 23.32 = [−30.33, 61.10].
        int[] answers = [10, 9, 9, 8, 7, 6, 3, 10, 9, 0];
        var nps = NpsCalculator.Default.Compute(answers);

        Assert.Equal("NPS 20.0 (SE 27.6, n = 10)", nps.ToString());
        Assert.Equal("[-30.33, 61.1] (95%)", nps.Interval.ToString());

        var csat = new CsatCalculator();
        var today = csat.CreateAccumulator();
        today.AddRange([5, 4, 2, 5]);
        var yesterday = csat.CreateAccumulator();
        yesterday.Add(3);
        today.Merge(yesterday);

        Assert.Equal("60.00% (3/5)", today.ToResult().FavourableShare.ToString());

        var byChannel = MetricGroups.Create(csat.CreateAccumulator(), StringComparer.Ordinal);
        byChannel["email"].Add(5);
        Assert.Equal(1, byChannel["email"].Count);

        var saved = JsonSerializer.Serialize(today.GetState(), EngagementJson.GetTypeInfo<RatingState>());
        var resumed = CsatAccumulator.FromState(JsonSerializer.Deserialize(saved, EngagementJson.GetTypeInfo<RatingState>())!);
        Assert.Equal(today.GetState(), resumed.GetState());
    }
}
