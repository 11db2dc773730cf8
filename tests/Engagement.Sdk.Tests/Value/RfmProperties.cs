using Engagement.Sdk.Tests.Value.Reference;
using Engagement.Sdk.Value;
using FsCheck;
using FsCheck.Fluent;

namespace Engagement.Sdk.Tests.Value;

public class RfmProperties
{
    private static readonly Config Many = Config.QuickThrowOnFailure.WithMaxTest(300);

    [Fact]
    public void DistinctValues_ScoresLieIn1To5_AndEachQuintileHoldsAFifthWithinOne() =>
        Prop.ForAll(DistinctColumns(), values =>
        {
            var n = values.Length;
            var result = RfmScorer.Score(values, values, values);
            var low = n / 5;
            var high = (n + 4) / 5;
            return result.Scores.All(s => s.Recency is >= 1 and <= 5 && s.Frequency is >= 1 and <= 5 && s.Monetary is >= 1 and <= 5)
                && result.RecencyCounts.All(c => c >= low && c <= high)
                && result.FrequencyCounts.All(c => c >= low && c <= high)
                && result.MonetaryCounts.All(c => c >= low && c <= high);
        }).Check(Many);

    [Fact]
    public void AnyValues_EqualTheNaiveMidRankRule_AndTiesShareAScore() =>
        Prop.ForAll(TiedColumns(), values =>
        {
            var result = RfmScorer.Score(values, values, values);
            for (var i = 0; i < values.Length; i++)
            {
                // Naive: count worse and equal values by a full scan, per customer.
                var worseUp = values.Count(v => v < values[i]);
                var worseDown = values.Count(v => v > values[i]);
                var equal = values.Count(v => v == values[i]);
                var up = 1 + (int)Math.Floor(5.0 * (worseUp + (equal / 2.0)) / values.Length);
                var down = 1 + (int)Math.Floor(5.0 * (worseDown + (equal / 2.0)) / values.Length);
                if (result[i].Frequency != up || result[i].Monetary != up || result[i].Recency != down)
                {
                    return false;
                }
            }

            return true;
        }).Check(Many);

    [Fact]
    public void AnyValues_EqualTheReferenceRanksUnderTheMidRankRule_AndDistinctValuesAFifthPerQuintileWithinOne() =>
        Prop.ForAll(TiedColumns(), values =>
        {
            // The reference ranks by sorting: rank = the values strictly worse. The library's documented rule puts a tie
            // group at its mid-rank, 1 + ⌊5·(rank + equal/2)/n⌋, where the reference's own Quintiles use 1 + ⌊5·rank/n⌋
            // (see the report), so equal values share one score.
            var n = values.Length;
            var result = RfmScorer.Score(values, values, values);
            var up = NaiveRfm.Ranks(values, higherIsBetter: true);
            var down = NaiveRfm.Ranks(values, higherIsBetter: false);

            // Balance, as the issue defines it, asserted directly rather than against the reference's own split: with
            // d distinct values, every score k = 1..5 of every dimension holds count_k with |count_k − d/5| ≤ 1.
            var distinct = values.Distinct().ToArray();
            var d = distinct.Length;
            var distinctResult = RfmScorer.Score(distinct, distinct, distinct);
            return Enumerable.Range(0, n).All(i =>
                {
                    var equal = values.Count(v => v == values[i]);
                    return result[i].Frequency == 1 + (int)Math.Floor(5 * (up[i] + (equal / 2.0)) / n)
                        && result[i].Recency == 1 + (int)Math.Floor(5 * (down[i] + (equal / 2.0)) / n);
                })
                && Enumerable.Range(0, 5).All(k =>
                    Math.Abs(distinctResult.RecencyCounts[k] - (d / 5.0)) <= 1
                    && Math.Abs(distinctResult.FrequencyCounts[k] - (d / 5.0)) <= 1
                    && Math.Abs(distinctResult.MonetaryCounts[k] - (d / 5.0)) <= 1);
        }).Check(Many);

    [Fact]
    public void ScoringAgainstTheCuts_GivesTheScoresBack_AndOrderDoesNotMatter() =>
        Prop.ForAll(TiedColumns(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (values, seed) =>
        {
            var frequency = values.Select(v => Math.Floor(v / 3)).ToArray();
            var monetary = values.Select(v => (v * 7) % 11).ToArray();
            var result = RfmScorer.Score(values, frequency, monetary);
            var rescored = Enumerable.Range(0, values.Length).All(i => result.Score(values[i], frequency[i], monetary[i]) == result[i]);

            var random = new Random(seed);
            int[] order = [.. Enumerable.Range(0, values.Length).OrderBy(_ => random.Next())];
            var shuffled = RfmScorer.Score([.. order.Select(i => values[i])], [.. order.Select(i => frequency[i])], [.. order.Select(i => monetary[i])]);
            var sameScores = Enumerable.Range(0, values.Length).All(j => shuffled[j] == result[order[j]]);
            return rescored && sameScores && shuffled.Cuts.Equals(result.Cuts);
        }).Check(Many);

    // 0–300 distinct values (shuffled multiples of 0.5), shrinking by dropping values.
    private static Arbitrary<double[]> DistinctColumns() =>
        Arb.From(
            Gen.Choose(0, 300).SelectMany(n => Gen.Shuffle(Enumerable.Range(0, n).Select(i => i * 0.5).ToArray())),
            DropOne);

    // 0–200 values from a small set, so that ties are common; shrinking by dropping values.
    private static Arbitrary<double[]> TiedColumns() =>
        Arb.From(
            Gen.Choose(0, 200).SelectMany(n => Gen.Choose(0, 12).Select(v => v * 1.5).ArrayOf(n)),
            DropOne);

    private static IEnumerable<double[]> DropOne(double[] values)
    {
        if (values.Length > 1)
        {
            yield return values[..(values.Length / 2)];
        }

        for (var i = 0; i < values.Length; i++)
        {
            yield return [.. values[..i], .. values[(i + 1)..]];
        }
    }
}
