using System.Text.Json;
using Engagement.Sdk.IO;
using Engagement.Sdk.Tests.Support;
using Engagement.Sdk.Value;

namespace Engagement.Sdk.Tests.Value;

public class RfmSegmentMapTests
{
    // The widely published 125-cell RFM segment table, verbatim (Maestra's and Squeezely's help pages list it; see
    // docs/value.md). The default map writes it as 41 rules; this test holds the table itself.
    private static readonly Dictionary<RfmSegment, string> Published = new()
    {
        [RfmSegment.Champions] = "555, 554, 544, 545, 454, 455, 445",
        [RfmSegment.Loyal] = "543, 444, 435, 355, 354, 345, 344, 335",
        [RfmSegment.PotentialLoyalist] = "553, 551, 552, 541, 542, 533, 532, 531, 452, 451, 442, 441, 431, 453, 433, 432, 423, 353, 352, 351, 342, 341, 333, 323",
        [RfmSegment.New] = "512, 511, 422, 421, 412, 411, 311",
        [RfmSegment.Promising] = "525, 524, 523, 522, 521, 515, 514, 513, 425, 424, 413, 414, 415, 315, 314, 313",
        [RfmSegment.NeedsAttention] = "535, 534, 443, 434, 343, 334, 325, 324",
        [RfmSegment.AboutToSleep] = "331, 321, 312, 221, 213, 231, 241, 251",
        [RfmSegment.AtRisk] = "255, 254, 245, 244, 253, 252, 243, 242, 235, 234, 225, 224, 153, 152, 145, 143, 142, 135, 134, 133, 125, 124",
        [RfmSegment.CantLose] = "155, 154, 144, 214, 215, 115, 114, 113",
        [RfmSegment.Hibernating] = "332, 322, 233, 232, 223, 222, 132, 123, 122, 212, 211",
        [RfmSegment.Lost] = "111, 112, 121, 131, 141, 151",
    };

    [Fact]
    public void Default_IsThePublishedTable_CellByCell()
    {
        var cells = 0;
        foreach (var (segment, codes) in Published)
        {
            foreach (var code in codes.Split(", ").Select(int.Parse))
            {
                Assert.Equal(segment, RfmSegmentMap.Default.Segment(code / 100, code / 10 % 10, code % 10));
                cells++;
            }
        }

        Assert.Equal(RfmSegmentMap.CellCount, cells);
        Assert.Equal(41, RfmSegmentMap.Default.Rules.Count);

        // The rules do not overlap: each cell matches exactly one, so their order does not matter.
        for (var r = 1; r <= 5; r++)
        {
            for (var f = 1; f <= 5; f++)
            {
                for (var m = 1; m <= 5; m++)
                {
                    Assert.Single(RfmSegmentMap.Default.Rules, rule => rule.Matches(r, f, m));
                }
            }
        }
    }

    [Fact]
    public void CustomMap_FirstMatchWins_AndReplacesTheDefaultForTheSameScores()
    {
        // A grid on recency alone: recent (4–5) customers are Loyal unless they bought once (F 1), who are New; the
        // rest are Lost. The catch-all last rule decides only what the first two leave.
        var map = new RfmSegmentMap(
        [
            new RfmSegmentRule(RfmSegment.New, minRecency: 4, maxFrequency: 1),
            new RfmSegmentRule(RfmSegment.Loyal, minRecency: 4),
            new RfmSegmentRule(RfmSegment.Lost),
        ]);
        Assert.Equal(RfmSegment.New, map.Segment(5, 1, 5));
        Assert.Equal(RfmSegment.Loyal, map.Segment(4, 2, 1));
        Assert.Equal(RfmSegment.Lost, map.Segment(3, 5, 5));

        var scores = RfmScorer.Score([1, 2, 30], [1, 3, 8], [5, 5, 5]);
        var custom = scores.WithSegmentMap(map);

        // Recency, worst first: 30, 2, 1 → p = (w + 0.5)/3 = 1/6, 1/2, 5/6 → 1, 3, 5. Frequency 1, 3, 8 → 1, 3, 5. So the
        // first customer is R 5, F 1 (New) and the others have R 3 and R 1 (Lost).
        Assert.Equal([RfmSegment.New, RfmSegment.Lost, RfmSegment.Lost], custom.Scores.Select(s => s.Segment));
        Assert.Equal(scores.Scores.Select(s => s.Code), custom.Scores.Select(s => s.Code));
        Assert.Equal(2, custom.CountOf(RfmSegment.Lost));
        Assert.Same(map, custom.SegmentMap);
        Assert.Equal(RfmSegment.Loyal, custom.Score(0, 4, 1).Segment);
        Assert.Equal(RfmSegment.Loyal, scores.Cuts.Score(0, 4, 1, map).Segment);
    }

    [Fact]
    public void Map_BadInput_ThrowsNamingTheArgumentAndTheCell()
    {
        var gap = Assert.Throws<ArgumentException>("rules", () => new RfmSegmentMap([new RfmSegmentRule(RfmSegment.Lost, maxRecency: 4)]));
        Assert.Contains("R 5, F 1, M 1 (code 511)", gap.Message, StringComparison.Ordinal);
        var dead = Assert.Throws<ArgumentException>("rules", () => new RfmSegmentMap([new RfmSegmentRule(RfmSegment.Lost), new RfmSegmentRule(RfmSegment.New, 5, 5)]));
        Assert.Contains("index 1 (New: R 5, F 1–5, M 1–5)", dead.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>("rules", () => new RfmSegmentMap([]));
        Assert.Throws<ArgumentException>("rules", () => new RfmSegmentMap([.. Enumerable.Repeat(new RfmSegmentRule(RfmSegment.Lost), 126)]));
        Assert.Throws<ArgumentNullException>("rules", () => new RfmSegmentMap(null!));
        Assert.Contains("index 0", Assert.Throws<ArgumentNullException>("rules", () => new RfmSegmentMap([null!])).Message, StringComparison.Ordinal);

        Assert.Equal(0, Assert.Throws<ArgumentOutOfRangeException>("minRecency", () => new RfmSegmentRule(RfmSegment.Lost, minRecency: 0)).ActualValue);
        Assert.Equal(2, Assert.Throws<ArgumentOutOfRangeException>("maxFrequency", () => new RfmSegmentRule(RfmSegment.Lost, minFrequency: 3, maxFrequency: 2)).ActualValue);
        Assert.Throws<ArgumentOutOfRangeException>("maxMonetary", () => new RfmSegmentRule(RfmSegment.Lost, maxMonetary: 6));
        Assert.Throws<ArgumentOutOfRangeException>("segment", () => new RfmSegmentRule((RfmSegment)42));
        Assert.Throws<ArgumentOutOfRangeException>("monetary", () => RfmSegmentMap.Default.Segment(1, 1, 0));
        Assert.Throws<ArgumentOutOfRangeException>("recency", () => RfmSegmentMap.Default.Segment(6, 1, 1));
    }

    [Fact]
    public void MapCutsScoresAndResults_RoundTripThroughStrictJson()
    {
        var (map, mapText) = Json.RoundTrip(RfmSegmentMap.Default, EngagementJson.GetTypeInfo<RfmSegmentMap>());
        Assert.Equal(RfmSegmentMap.Default, map);
        Assert.Contains("{\"segment\":\"Champions\",\"minRecency\":4,\"maxRecency\":5,\"minFrequency\":4,\"maxFrequency\":5,\"minMonetary\":5,\"maxMonetary\":5}", mapText, StringComparison.Ordinal);

        var summaries = CustomerSummaries.FromColumns(TimeUnit.Week, [0, 2, 5], [0, 8, 20], [10, 10, 20], [double.NaN, 30, 10], ["P", "Q", "S"]);
        foreach (var result in new[] { RfmScorer.Score(summaries), RfmScorer.Score([7, 7, 7], [1, 2, 3], [0, 0, 5]), RfmScorer.Score([], [], []) })
        {
            var (read, text) = Json.RoundTrip(result, EngagementJson.GetTypeInfo<RfmResult>());
            Assert.Equal(result, read);
            Assert.Equal(result.SegmentCounts, read.SegmentCounts);
            Assert.Equal(result.FrequencyCounts, read.FrequencyCounts);
            Assert.Equal(result.ToString(), read.ToString());
        }

        var cuts = new RfmCuts([4, 3, 0, null], [1, 1, 2, 2], [null, null, null, null]);
        var (readCuts, cutsText) = Json.RoundTrip(cuts, EngagementJson.GetTypeInfo<RfmCuts>());
        Assert.Equal(cuts, readCuts);
        Assert.Equal("{\"recency\":[4,3,0,null],\"frequency\":[1,1,2,2],\"monetary\":[null,null,null,null]}", cutsText);

        var score = new RfmScore(5, 4, 5, RfmSegment.Champions);
        var (readScore, scoreText) = Json.RoundTrip(score, EngagementJson.GetTypeInfo<RfmScore>());
        Assert.Equal(score, readScore);
        Assert.Equal("{\"recency\":5,\"frequency\":4,\"monetary\":5,\"segment\":\"Champions\"}", scoreText);
    }

    [Fact]
    public void Json_ImpossibleValues_AreRejected()
    {
        var text = JsonSerializer.Serialize(RfmScorer.Score([1, 2], [1, 2], [1, 2]), EngagementJson.GetTypeInfo<RfmResult>());

        // Two customers score 422 (New) and 244 (At Risk). A hand-edited segment must agree with the map.
        var edited = text.Replace("\"monetary\":4,\"segment\":\"AtRisk\"", "\"monetary\":4,\"segment\":\"Champions\"", StringComparison.Ordinal);
        Assert.NotEqual(text, edited);
        var e = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(edited, EngagementJson.GetTypeInfo<RfmResult>()));
        Assert.Equal("scores", Assert.IsAssignableFrom<ArgumentException>(e.InnerException).ParamName);

        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("{\"recency\":0,\"frequency\":4,\"monetary\":5,\"segment\":\"Champions\"}", EngagementJson.GetTypeInfo<RfmScore>()));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("{\"recency\":5,\"frequency\":4,\"monetary\":5,\"segment\":\"Best\"}", EngagementJson.GetTypeInfo<RfmScore>()));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("{\"rules\":[{\"segment\":\"Lost\",\"maxRecency\":4}]}", EngagementJson.GetTypeInfo<RfmSegmentMap>()));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("{\"recency\":[1,2,3,4],\"frequency\":[1,2,3,4],\"monetary\":[1,2,3,4]}", EngagementJson.GetTypeInfo<RfmCuts>()));
    }
}
