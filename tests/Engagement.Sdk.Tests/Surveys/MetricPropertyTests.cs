using Engagement.Sdk.Social;
using Engagement.Sdk.Statistics;
using Engagement.Sdk.Surveys;
using Engagement.Sdk.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Engagement.Sdk.Tests.Surveys;

/// <summary>
/// The bounds of each metric and the vectorised span paths against naive references. The laws every accumulator shares
/// (merge associative and commutative, split-and-merge equals whole, order independence, state round-trips) are in
/// <see cref="Support.AccumulatorLawTests{TAccumulator, TResult, TState, TObservation}"/> and its subclasses.
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
        var adjusted = result.Interval!.Value;
        return result.Score is >= -100 and <= 100 && Math.Abs(shareSum - 1) < 1e-12
            && result.GetInterval(0.95, NpsIntervalMethod.Wald)!.Value.Contains(result.Score.Value)
            && adjusted.Lower >= -100 && adjusted.Upper <= 100 && adjusted.Width > 0;
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
                var definition = MetricDefinition.Csat(scale.Min, scale.Max, threshold);
                var accumulator = new CsatAccumulator(definition);
                accumulator.AddRange(scores);
                var naive = new CsatAccumulator(definition);
                foreach (var score in scores)
                {
                    naive.Add(score);
                }

                return accumulator.GetState().Equals(naive.GetState())
                    && accumulator.Sum == scores.Sum(s => (long)s)
                    && accumulator.SumOfSquares == scores.Sum(s => (long)s * s)
                    && accumulator.Favourable == scores.Count(s => s >= threshold);
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
    public void ShareOfVoice_SharesSumToOne() =>
        Prop.ForAll(Generators.Scores(0, 1000, maxLength: 12), counts =>
        {
            var voice = new ShareOfVoiceAccumulator();
            for (var i = 0; i < counts.Length; i++)
            {
                voice.Add($"brand{i}", counts[i]);
            }

            var result = voice.ToResult();
            var total = result.Shares.Sum(s => s.Value.Value ?? 0);
            return result.Total == 0 ? total == 0 : Math.Abs(total - 1) < 1e-9;
        }).Check(Many);
}
