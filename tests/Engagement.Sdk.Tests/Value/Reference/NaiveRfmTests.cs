using FsCheck;
using FsCheck.Fluent;

namespace Engagement.Sdk.Tests.Value.Reference;

public class NaiveRfmTests
{
    [Fact]
    public void HandWorked_FiveDistinctValues()
    {
        // Ranks 0..4 (values worse than each), scores 1 + ⌊5·rank/5⌋ = rank + 1; reversed when lower is better.
        Assert.Equal([3, 1, 5, 2, 4], NaiveRfm.Quintiles([30, 10, 50, 20, 40], higherIsBetter: true));
        Assert.Equal([3, 5, 1, 4, 2], NaiveRfm.Quintiles([30, 10, 50, 20, 40], higherIsBetter: false));
    }

    [Fact]
    public void HandWorked_SevenValues_AndTies()
    {
        // n = 7, ranks 0..6: 1 + ⌊5r/7⌋ = 1, 1, 2, 3, 3, 4, 5 (counts 2, 1, 2, 1, 1: within one of 7/5).
        Assert.Equal([1, 1, 2, 3, 3, 4, 5], NaiveRfm.Quintiles([1, 2, 3, 4, 5, 6, 7], higherIsBetter: true));
        // Ties share the rank of the first of them: [5, 5, 5, 1, 9] sorted 1, 5, 5, 5, 9 → ranks 1, 1, 1, 0, 4 → scores 2, 2, 2, 1, 5.
        Assert.Equal([1, 1, 1, 0, 4], NaiveRfm.Ranks([5, 5, 5, 1, 9], higherIsBetter: true));
        Assert.Equal([2, 2, 2, 1, 5], NaiveRfm.Quintiles([5, 5, 5, 1, 9], higherIsBetter: true));
        Assert.Equal([1, 1, 1, 1], NaiveRfm.Quintiles([3, 3, 3, 3], higherIsBetter: false));
        Assert.Empty(NaiveRfm.Quintiles([], higherIsBetter: true));
    }

    [Fact]
    public void NaN_Throws() =>
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => NaiveRfm.Quintiles([1, double.NaN], true)).ParamName);

    [Fact]
    public void DistinctValues_AreBalancedWithinOne_AndTiesNeverSplit() =>
        Prop.ForAll(
            Gen.Choose(-50, 50).Select(v => (double)v).ArrayOf().ToArbitrary(),
            Gen.Elements(true, false).ToArbitrary(),
            (values, higherIsBetter) =>
            {
                var scores = NaiveRfm.Quintiles(values, higherIsBetter);
                var distinct = values.Distinct().ToArray();
                var distinctScores = NaiveRfm.Quintiles(distinct, higherIsBetter);
                var counts = Enumerable.Range(1, 5).Select(k => distinctScores.Count(s => s == k)).ToArray();
                var n = distinct.Length;
                return scores.All(s => s is >= 1 and <= 5)
                    && values.Zip(scores).GroupBy(p => p.First).All(g => g.Select(p => p.Second).Distinct().Count() == 1)
                    && counts.All(c => c == n / 5 || c == (n + 4) / 5)
                    && values.Zip(scores).All(a => values.Zip(scores).All(b =>
                        (higherIsBetter ? a.First < b.First : a.First > b.First) ? a.Second <= b.Second : true));
            }).QuickCheckThrowOnFailure();
}
