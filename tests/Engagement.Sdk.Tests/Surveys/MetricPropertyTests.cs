using Engagement.Sdk.Social;
using Engagement.Sdk.Surveys;
using Engagement.Sdk.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Engagement.Sdk.Tests.Surveys;

/// <summary>
/// The invariants every accumulator shares (merge is associative and commutative; merging a split equals the whole;
/// order does not matter), the bounds of each metric, and the vectorised span paths against naive references.
/// </summary>
public class MetricPropertyTests
{
    private static readonly Config Many = Config.QuickThrowOnFailure.WithMaxTest(300);

    [Property(Arbitrary = [typeof(MetricArbitraries)], MaxTest = 300)]
    public bool Nps_LiesInRange_AndSharesSumToOne(NpsAnswers answers)
    {
        var result = NpsCalculator.Default.Compute(answers.Scores);
        if (answers.Scores.Length == 0)
        {
            return result.Score is null;
        }

        var shareSum = result.PromoterShare!.Value + result.PassiveShare!.Value + result.DetractorShare!.Value;
        return result.Score is >= -100 and <= 100 && Math.Abs(shareSum - 1) < 1e-12 && result.Interval!.Value.Contains(result.Score.Value);
    }

    [Fact]
    public void Nps_SpanPath_EqualsNaiveReference() =>
        Prop.ForAll(Generators.Scores(0, 10, maxLength: 2000), scores =>
        {
            var result = NpsCalculator.Default.Compute(scores);
            return result.Promoters == scores.Count(s => s >= 9)
                && result.Passives == scores.Count(s => s is 7 or 8)
                && result.Detractors == scores.Count(s => s <= 6);
        }).Check(Many);

    [Fact]
    public void Nps_MergeOfAnySplit_EqualsWhole() =>
        Prop.ForAll(Generators.ScoresWithCuts(0, 10), input =>
        {
            var (scores, cut1, cut2) = input;
            var parts = new[] { scores[..cut1], scores[cut1..cut2], scores[cut2..] }
                .Select(part => { var a = default(NpsAccumulator); a.AddRange(part); return a; })
                .ToArray();

            var leftFirst = parts[0];
            leftFirst.Merge(parts[1]);
            leftFirst.Merge(parts[2]);
            var rightFirst = parts[1];
            rightFirst.Merge(parts[2]);
            var rightThenLeft = rightFirst;
            rightThenLeft.Merge(parts[0]);
            var associated = parts[0];
            associated.Merge(rightFirst);

            var whole = NpsCalculator.Default.Compute(scores);
            return leftFirst.ToResult().Equals(whole) && associated == leftFirst && rightThenLeft == leftFirst;
        }).Check(Many);

    [Fact]
    public void Nps_DoesNotDependOnOrder() =>
        Prop.ForAll(Generators.Scores(0, 10), scores =>
            NpsCalculator.Default.Compute(scores).Equals(NpsCalculator.Default.Compute(scores.Reverse().ToArray()))
            && NpsCalculator.Default.Compute(scores).Equals(NpsCalculator.Default.Compute(scores.OrderBy(s => s).ToArray()))).Check(Many);

    [Fact]
    public void Rating_SpanPath_EqualsNaiveReference_OnAnyScale() =>
        Prop.ForAll(
            Arb.From(
                from min in Gen.Choose(-RatingScale.Limit, RatingScale.Limit - 1)
                from max in Gen.Choose(min + 1, RatingScale.Limit)
                from threshold in Gen.Choose(min, max)
                from length in Gen.Choose(0, 3000)
                from scores in Gen.Choose(min, max).ArrayOf(length)
                select (new RatingScale(min, max), threshold, scores)),
            input =>
            {
                var (scale, threshold, scores) = input;
                var accumulator = new RatingAccumulator(scale, threshold);
                accumulator.AddRange(scores);
                var naive = new RatingAccumulator(scale, threshold);
                foreach (var score in scores)
                {
                    naive.Add(score);
                }

                return accumulator == naive
                    && accumulator.Sum == scores.Sum(s => (long)s)
                    && accumulator.SumOfSquares == scores.Sum(s => (long)s * s)
                    && accumulator.Favourable == scores.Count(s => s >= threshold);
            }).Check(Many);

    [Fact]
    public void Rating_MergeOfAnySplit_EqualsWhole_InAnyOrder() =>
        Prop.ForAll(Generators.ScoresWithCuts(1, 5), input =>
        {
            var (scores, cut1, cut2) = input;
            var csat = new CsatCalculator();
            var parts = new[] { scores[..cut1], scores[cut1..cut2], scores[cut2..] }
                .Select(part => { var a = csat.CreateAccumulator(); a.AddRange(part); return a; })
                .ToArray();

            var forward = parts[0];
            forward.Merge(parts[1]);
            forward.Merge(parts[2]);
            var backward = parts[2];
            backward.Merge(parts[1]);
            backward.Merge(parts[0]);

            return forward == backward && forward.ToResult().Equals(csat.Compute(scores));
        }).Check(Many);

    [Fact]
    public void Rating_MeanAndShare_StayOnTheScale() =>
        Prop.ForAll(Generators.Scores(1, 7), scores =>
        {
            var result = new CesCalculator().Compute(scores);
            return scores.Length == 0
                ? result.Mean is null
                : result.Mean is >= 1 and <= 7
                    && result.FavourableShare.Value is >= 0 and <= 1
                    && (result.StandardDeviation is null || result.StandardDeviation >= 0)
                    && Math.Abs(result.Mean.Value - scores.Average()) < 1e-12;
        }).Check(Many);

    [Fact]
    public void Mentions_MergeIsAssociativeAndCommutative() =>
        Prop.ForAll(Generators.Scores(0, 2), Generators.Scores(0, 2), Generators.Scores(0, 2), (a, b, c) =>
        {
            var x = Accumulate(a);
            var y = Accumulate(b);
            var z = Accumulate(c);
            var xy = x;
            xy.Merge(y);
            var yx = y;
            yx.Merge(x);
            var xyThenZ = xy;
            xyThenZ.Merge(z);
            var yz = y;
            yz.Merge(z);
            var xThenYz = x;
            xThenYz.Merge(yz);
            var net = xyThenZ.ToResult().NetSentiment;
            return xy == yx && xyThenZ == xThenYz && (net is null || net is >= -1 and <= 1);
        }).Check(Many);

    [Fact]
    public void ShareOfVoice_SharesSumToOne() =>
        Prop.ForAll(Generators.Scores(0, 1000, maxLength: 12), counts =>
        {
            var voice = new ShareOfVoice();
            for (var i = 0; i < counts.Length; i++)
            {
                voice.Add($"brand{i}", counts[i]);
            }

            var total = voice.GetShares().Sum(s => s.Value.Value ?? 0);
            return voice.Total == 0 ? total == 0 : Math.Abs(total - 1) < 1e-9;
        }).Check(Many);

    private static MentionAccumulator Accumulate(int[] labels)
    {
        var accumulator = default(MentionAccumulator);
        foreach (var label in labels)
        {
            accumulator.Add((Sentiment)label);
        }

        return accumulator;
    }
}
