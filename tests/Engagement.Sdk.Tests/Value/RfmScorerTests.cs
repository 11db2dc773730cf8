using Engagement.Sdk.Value;

namespace Engagement.Sdk.Tests.Value;

public class RfmScorerTests
{
    // Ten customers A–J. Recency (days since the last purchase) and monetary value are distinct; frequency has ties.
    private static readonly string[] Names = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J"];
    private static readonly double[] Recency = [3, 40, 12, 0.5, 90, 7, 25, 60, 1, 18];
    private static readonly double[] Frequency = [1, 1, 1, 1, 2, 2, 3, 5, 8, 1];
    private static readonly double[] Monetary = [20, 35, 50, 10, 80, 15, 120, 200, 60, 25];

    [Fact]
    public void Score_TenCustomers_GivesTheHandWorkedScoresCutsAndSegments()
    {
        // Score = 1 + ⌊5·p⌋, p = (worse + equal/2) / n, n = 10.
        // Recency, worst (longest ago) first: E 90 (worse 0), H 60 (1), B 40 (2), G 25 (3), J 18 (4), C 12 (5), F 7 (6),
        //   A 3 (7), I 1 (8), D 0.5 (9); p = (w + 0.5)/10 → ⌊5p⌋ = ⌊(w + 0.5)/2⌋: E, H → 1; B, G → 2; J, C → 3; F, A → 4;
        //   I, D → 5. Cut k = the highest recency scoring above k: 40, 18, 7, 1.
        // Frequency: five customers bought once (worse 0, equal 5: p = 2.5/10, 5p = 1.25 → 2); E, F twice (worse 5,
        //   equal 2: p = 6/10, 5p = 3 exactly → 4, the tie at the cut goes up); G 3 (worse 7: p = 0.75 → 4); H 5
        //   (p = 0.85 → 5); I 8 (p = 0.95 → 5). Nobody scores 1 or 3. Cut k = the lowest frequency scoring above k:
        //   1 (scores ≥ 2), 2 (≥ 3: nobody scores 3, so the first value above), 2 (≥ 4), 5 (≥ 5).
        // Monetary, lowest first: D 10, F 15 → 1; A 20, J 25 → 2; B 35, C 50 → 3; I 60, E 80 → 4; G 120, H 200 → 5.
        //   Cuts 20, 35, 60, 120.
        var result = RfmScorer.Score(Recency, Frequency, Monetary);

        int[][] expected =
        [
            [4, 2, 2], [2, 2, 3], [3, 2, 3], [5, 2, 1], [1, 4, 4], [4, 4, 1], [2, 4, 5], [1, 5, 5], [5, 5, 4], [3, 2, 2],
        ];

        // Segments from the published table: 422 New, 223 Hibernating, 323 Potential Loyalist, 521 Promising,
        // 144 Can't Lose, 441 Potential Loyalist, 245 At Risk, 155 Can't Lose, 554 Champions, 322 Hibernating.
        RfmSegment[] segments =
        [
            RfmSegment.New, RfmSegment.Hibernating, RfmSegment.PotentialLoyalist, RfmSegment.Promising, RfmSegment.CantLose,
            RfmSegment.PotentialLoyalist, RfmSegment.AtRisk, RfmSegment.CantLose, RfmSegment.Champions, RfmSegment.Hibernating,
        ];
        Assert.Equal(10, result.Count);
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(new RfmScore(expected[i][0], expected[i][1], expected[i][2], segments[i]), result[i]);
        }

        Assert.Equal([40.0, 18, 7, 1], result.Cuts.Recency.Select(c => c!.Value));
        Assert.Equal([1.0, 2, 2, 5], result.Cuts.Frequency.Select(c => c!.Value));
        Assert.Equal([20.0, 35, 60, 120], result.Cuts.Monetary.Select(c => c!.Value));
        Assert.Equal([2L, 2, 2, 2, 2], result.RecencyCounts);
        Assert.Equal([0L, 5, 0, 3, 2], result.FrequencyCounts);
        Assert.Equal([2L, 2, 2, 2, 2], result.MonetaryCounts);
        Assert.Equal(2, result.CountOf(RfmSegment.Hibernating));
        Assert.Equal(2, result.CountOf(RfmSegment.CantLose));
        Assert.Equal(1, result.CountOf(RfmSegment.Champions));
        Assert.Equal(0, result.CountOf(RfmSegment.Lost));
        Assert.Equal(10, result.SegmentCounts.Sum());
        Assert.Equal(0.2, result.ShareOf(RfmSegment.Hibernating).Value);
        Assert.Null(result.CustomerIds);
        Assert.True(result.HasValue);
        Assert.Equal(422, result[0].Code);
    }

    [Fact]
    public void Score_NewCustomerAgainstTheCuts_ScoresAsTheOriginalsWould()
    {
        var result = RfmScorer.Score(Recency, Frequency, Monetary);

        // Recency 30: a recency scores 1 + the recency cuts at or above it (40, 18, 7, 1): only 40 → 2.
        // Frequency 2: cuts at or below: 1, 2, 2 → 4. Monetary 100: 20, 35, 60 → 4. 244 is At Risk.
        Assert.Equal(new RfmScore(2, 4, 4, RfmSegment.AtRisk), result.Score(30, 2, 100));

        // Beyond every cut: the best recency, frequency and value score 5; the worst 1; no monetary value scores 1.
        Assert.Equal(new RfmScore(5, 5, 5, RfmSegment.Champions), result.Score(0, 100, 1000));
        Assert.Equal(new RfmScore(1, 1, 1, RfmSegment.Lost), result.Score(1000, 0, 0));
        Assert.Equal(1, result.Cuts.ScoreMonetary(null));
    }

    [Fact]
    public void Score_AllValuesEqual_EveryoneScoresTheMiddle()
    {
        // p = (0 + n/2)/n = 0.5 for everyone → 1 + ⌊2.5⌋ = 3. Cuts 1 and 2 are the value (it scores above 1 and 2); no
        // value scores above 3, so cuts 3 and 4 are missing.
        var result = RfmScorer.Score([7, 7, 7], [2, 2, 2], [9, 9, 9]);

        Assert.All(result.Scores, s => Assert.Equal(333, s.Code));
        Assert.Equal([7.0, 7.0, null, null], result.Cuts.Recency);
        Assert.Equal([2.0, 2.0, null, null], result.Cuts.Frequency);
        Assert.Equal([0L, 0, 3, 0, 0], result.FrequencyCounts);

        // A new customer scores against the same cuts: recency 7 is at or above the two cuts → 3; 8 is above none → 1.
        Assert.Equal(3, result.Cuts.ScoreRecency(7));
        Assert.Equal(1, result.Cuts.ScoreRecency(8));
        Assert.Equal(3, result.Cuts.ScoreFrequency(100));
    }

    [Fact]
    public void Score_OneCustomer_ScoresThreeAndTwoCustomersSplitAroundTheMiddle()
    {
        Assert.Equal(333, RfmScorer.Score([5], [1], [10])[0].Code);

        // n = 2, distinct: the worse has p = 0.25 → 2, the better p = 0.75 → 4.
        var two = RfmScorer.Score([1, 9], [1, 4], [30, 10]);
        Assert.Equal(424, two[0].Code);
        Assert.Equal(242, two[1].Code);
    }

    [Fact]
    public void Score_Ties_ShareAScoreWhateverTheInputOrder()
    {
        double[] values = [5, 1, 5, 3, 5, 5, 2, 5, 4, 1, 5];
        var forward = RfmScorer.Score(values, values, values);
        var reversed = RfmScorer.Score([.. values.Reverse()], [.. values.Reverse()], [.. values.Reverse()]);

        // The eleven customers: value 5 six times (worse 5, equal 6: p = 8/11 → 1 + ⌊3.63⌋ = 4).
        Assert.All(Enumerable.Range(0, values.Length).Where(i => values[i] == 5), i => Assert.Equal(4, forward[i].Frequency));
        Assert.Equal(forward.Scores, reversed.Scores.Reverse());
        Assert.Equal(forward.Cuts, reversed.Cuts);
    }

    [Fact]
    public void Score_Empty_HasNoValue()
    {
        var result = RfmScorer.Score([], [], []);

        Assert.False(result.HasValue);
        Assert.Equal(0, result.Count);
        Assert.All(result.Cuts.Recency.Concat(result.Cuts.Frequency).Concat(result.Cuts.Monetary), Assert.Null);
        Assert.All(result.SegmentCounts, c => Assert.Equal(0, c));
        Assert.False(result.ShareOf(RfmSegment.Champions).HasValue);
        Assert.Equal("0 customers: none", result.ToString());

        // With no cuts, a new customer scores 1 everywhere.
        Assert.Equal(111, result.Score(0, 10, 10).Code);
    }

    [Fact]
    public void Score_Summaries_UsesTimeSinceLastPurchasePurchasesAndMeanRepeatValue()
    {
        // Five customers in weeks: R = T − t_x, F = x + 1, M = z̄ (none for one-time buyers).
        // P: x 0, T 10 → R 10, F 1, no M.   Q: x 2, t_x 8, T 10 → R 2, F 3, M 30.   S: x 5, t_x 20, T 20 → R 0, F 6, M 10.
        // U: x 1, t_x 1, T 30 → R 29, F 2, M 50.   V: x 0, T 4 → R 4, F 1, no M.
        var summaries = CustomerSummaries.FromColumns(
            TimeUnit.Week, [0, 2, 5, 1, 0], [0, 8, 20, 1, 0], [10, 10, 20, 30, 4], [double.NaN, 30, 10, 50, double.NaN], ["P", "Q", "S", "U", "V"]);

        var result = RfmScorer.Score(summaries);

        // Recency, worst first: U 29 (w 0 → p 0.1 → 1), P 10 (p 0.3 → 2), V 4 (0.5 → 3), Q 2 (0.7 → 4), S 0 (0.9 → 5).
        // Frequency: P, V at 1 (w 0, e 2: p 0.2 → 2), U 2 (p 0.5 → 3), Q 3 (0.7 → 4), S 6 (0.9 → 5).
        // Monetary among the three with a value (n = 3): S 10 (p 1/6 → 1 + ⌊0.83⌋ = 1), Q 30 (p 0.5 → 3), U 50 (p 5/6 →
        // 1 + ⌊4.17⌋ = 5); P and V have none → 1. Nobody scores M = 2 or 4, so the monetary cuts pair up: the lowest
        // value scoring 2 or more (30), 3 or more (30), 4 or more (50), 5 (50).
        Assert.Equal([221, 443, 551, 135, 321], result.Scores.Select(s => s.Code));
        Assert.Equal(["P", "Q", "S", "U", "V"], result.CustomerIds);
        Assert.Equal([30.0, 30, 50, 50], result.Cuts.Monetary);

        var withoutMoney = RfmScorer.Score(CustomerSummaries.FromColumns(TimeUnit.Day, [0, 1], [0, 1], [3, 2]));
        Assert.All(withoutMoney.Scores, s => Assert.Equal(1, s.Monetary));
        Assert.All(withoutMoney.Cuts.Monetary, Assert.Null);
        Assert.Equal(["1", "2"], withoutMoney.CustomerIds);
    }

    [Fact]
    public void Score_Transactions_GroupsByCustomerAsOfATime()
    {
        var amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        var asOf = new DateTimeOffset(2026, 3, 31, 0, 0, 0, amsterdam.GetUtcOffset(new DateTime(2026, 3, 31)));
        Transaction[] transactions =
        [
            new("b", asOf.AddDays(-14), 30m),
            new("a", asOf.AddDays(-70), 10m),
            new("b", asOf.AddDays(-7), 50m),
            new("c", asOf, 100m),
            new("a", asOf.AddDays(-35), 20m),
            new("a", asOf.AddDays(-21), 30m),
        ];

        var result = RfmScorer.Score(transactions, asOf, TimeUnit.Week);

        // a: last purchase 3 weeks ago, 3 purchases, mean 20. b: 1 week, 2 purchases, mean 40. c: 0 weeks, 1, mean 100.
        // n = 3 distinct per dimension: p = 1/6, 1/2, 5/6 → 1, 3, 5. a: R 1, F 5, M 1; b: R 3, F 3, M 3; c: R 5, F 1, M 5.
        // Customers come in order of first appearance: b, a, c.
        Assert.Equal(["b", "a", "c"], result.CustomerIds);
        Assert.Equal([333, 151, 515], result.Scores.Select(s => s.Code));
        // Recency scores 1, 3, 5: the highest recency scoring 2 or more and 3 or more is b's 1 week, 4 or more c's 0.
        Assert.Equal([1.0, 1, 0, 0], result.Cuts.Recency);
    }

    [Fact]
    public void Score_TransactionSequence_EqualsTheSpan_AndRefusesADefaultTransactionByIndex()
    {
        var asOf = new DateTimeOffset(2026, 3, 31, 0, 0, 0, TimeSpan.Zero);
        Transaction[] transactions = [new("b", asOf.AddDays(-14), 30m), new("a", asOf.AddDays(-70), 10m), new("b", asOf.AddDays(-7), 50m)];

        // A lazy sequence (neither array nor list) is copied once and scored as the span is: b has 2 purchases, the last
        // 1 week ago, mean 40; a has 1 purchase 10 weeks ago, mean 10. Two distinct values per dimension: p = 1/4, 3/4
        // → scores 2 and 4, so b is 444 and a 222.
        var sequence = RfmScorer.Score(transactions.Where(_ => true), asOf, TimeUnit.Week);
        Assert.Equal(RfmScorer.Score(transactions.AsSpan(), asOf, TimeUnit.Week), sequence);
        Assert.Equal(["b", "a"], sequence.CustomerIds);
        Assert.Equal([444, 222], sequence.Scores.Select(s => s.Code));
        Assert.Equal([444, 222], RfmScorer.Score(new List<Transaction>(transactions), asOf, TimeUnit.Week).Scores.Select(s => s.Code));

        // The refusal is TransactionInput's, the same words as the summary builder's and the purchase rates'.
        IEnumerable<Transaction> withDefault = transactions.Append(default);
        var blank = Assert.Throws<ArgumentException>("transactions", () => RfmScorer.Score(withDefault, asOf, TimeUnit.Week));
        Assert.Contains("index 3", blank.Message, StringComparison.Ordinal);
        Assert.Contains("default(Transaction)", blank.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>("transactions", () => RfmScorer.Score((IEnumerable<Transaction>)null!, asOf, TimeUnit.Week));
    }

    [Fact]
    public void Score_BadInput_ThrowsNamingTheArgumentIndexAndValue()
    {
        var nan = Assert.Throws<ArgumentOutOfRangeException>("frequency", () => RfmScorer.Score([1, 2, 3], [1, 2, double.NaN], [1, 2, 3]));
        Assert.Contains("index 2", nan.Message, StringComparison.Ordinal);
        Assert.Contains("NaN", nan.Message, StringComparison.Ordinal);
        var negative = Assert.Throws<ArgumentOutOfRangeException>("recency", () => RfmScorer.Score([1, -0.5], [1, 2], [1, 2]));
        Assert.Equal(-0.5, negative.ActualValue);
        Assert.Contains("index 1", negative.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>("monetary", () => RfmScorer.Score([1], [1], [double.PositiveInfinity]));
        Assert.Throws<ArgumentException>("frequency", () => RfmScorer.Score([1, 2], [1], [1, 2]));
        Assert.Throws<ArgumentException>("monetary", () => RfmScorer.Score([1, 2], [1, 2], [1]));
        Assert.Throws<ArgumentNullException>("summaries", () => RfmScorer.Score(null!));

        var asOf = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var blank = Assert.Throws<ArgumentException>("transactions", () => RfmScorer.Score([new Transaction("a", asOf, 1), default], asOf, TimeUnit.Day));
        Assert.Contains("index 1", blank.Message, StringComparison.Ordinal);
        var late = Assert.Throws<ArgumentOutOfRangeException>("transactions", () => RfmScorer.Score([new Transaction("a", asOf.AddTicks(1), 1)], asOf, TimeUnit.Day));
        Assert.Contains("index 0", late.Message, StringComparison.Ordinal);
        Assert.Contains("2026-01-01T00:00:00.0000001+00:00", late.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>("unit", () => RfmScorer.Score([], asOf, (TimeUnit)9));
        Assert.Throws<OperationCanceledException>(() => RfmScorer.Score([new Transaction("a", asOf, 1)], asOf, TimeUnit.Day, new CancellationToken(true)));

        var result = RfmScorer.Score(Recency, Frequency, Monetary);
        Assert.Throws<ArgumentOutOfRangeException>("recency", () => result.Score(-1, 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>("frequency", () => result.Score(1, double.NaN, 1));
        Assert.Throws<ArgumentOutOfRangeException>("monetary", () => result.Score(1, 1, -2));
        Assert.Throws<ArgumentOutOfRangeException>("index", () => result[10]);
        Assert.Throws<ArgumentOutOfRangeException>("index", () => result[-1]);
        Assert.Throws<ArgumentOutOfRangeException>("segment", () => result.CountOf((RfmSegment)11));
        Assert.Throws<ArgumentNullException>("segmentMap", () => result.WithSegmentMap(null!));
    }

    [Fact]
    public void RfmScore_BadInput_ThrowsNamingTheArgument()
    {
        Assert.Equal(0, Assert.Throws<ArgumentOutOfRangeException>("recency", () => new RfmScore(0, 1, 1, RfmSegment.Lost)).ActualValue);
        Assert.Throws<ArgumentOutOfRangeException>("frequency", () => new RfmScore(1, 6, 1, RfmSegment.Lost));
        Assert.Throws<ArgumentOutOfRangeException>("monetary", () => new RfmScore(1, 1, -1, RfmSegment.Lost));
        Assert.Throws<ArgumentOutOfRangeException>("segment", () => new RfmScore(1, 1, 1, (RfmSegment)(-1)));
        Assert.True(default(RfmScore).IsDefault);
        Assert.Equal("no score", default(RfmScore).ToString());
        Assert.Equal("545 Champions", new RfmScore(5, 4, 5, RfmSegment.Champions).ToString());
    }

    [Fact]
    public void DefaultRfmScore_HasNoSegment_AndRefusesToWriteJson()
    {
        Assert.Contains("no segment", Assert.Throws<InvalidOperationException>(() => default(RfmScore).Segment).Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => System.Text.Json.JsonSerializer.Serialize(default(RfmScore), Engagement.Sdk.IO.EngagementJson.GetTypeInfo<RfmScore>()));
        Assert.NotEqual(default, new RfmScore(5, 4, 5, RfmSegment.Champions));
    }

    [Fact]
    public void RfmCuts_BadInput_ThrowsNamingTheArgument()
    {
        double?[] up = [1, 2, 3, 4];
        double?[] down = [4, 3, 2, 1];
        Assert.NotNull(new RfmCuts(down, up, [1, 1, null, null]));
        Assert.Throws<ArgumentException>("recency", () => new RfmCuts([4, 3, 2], up, up));
        Assert.Throws<ArgumentNullException>("frequency", () => new RfmCuts(down, null!, up));
        Assert.Equal(5.0, Assert.Throws<ArgumentOutOfRangeException>("recency", () => new RfmCuts([4, 3, 5, 1], up, up)).ActualValue);
        Assert.Throws<ArgumentOutOfRangeException>("frequency", () => new RfmCuts(down, down, up));
        Assert.Throws<ArgumentOutOfRangeException>("monetary", () => new RfmCuts(down, up, [1, 2, double.NaN, 4]));
        Assert.Throws<ArgumentOutOfRangeException>("monetary", () => new RfmCuts(down, up, [-1, 2, 3, 4]));
        Assert.Contains("after a missing one", Assert.Throws<ArgumentException>("monetary", () => new RfmCuts(down, up, [1, null, 3, 4])).Message, StringComparison.Ordinal);
    }
}
