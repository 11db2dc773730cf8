using FsCheck;
using FsCheck.Fluent;

namespace Engagement.Sdk.Tests.Support;

/// <summary>Bounded FsCheck generators, each with a shrinker so that failures shrink to small cases.</summary>
internal static class Generators
{
    /// <summary>Arrays of 0–<paramref name="maxLength"/> scores in [min, max]; shrinks by dropping elements.</summary>
    public static Arbitrary<int[]> Scores(int min, int max, int maxLength = 200) =>
        Arb.From(
            Gen.Choose(0, maxLength).SelectMany(length => Gen.Choose(min, max).ArrayOf(length)),
            DropOne);

    /// <summary>Scores and a cut point inside them, for "merge of a split equals the whole".</summary>
    public static Arbitrary<(int[] Scores, int Cut1, int Cut2)> ScoresWithCuts(int min, int max) =>
        Arb.From(
            from scores in Gen.Choose(0, 200).SelectMany(length => Gen.Choose(min, max).ArrayOf(length))
            from a in Gen.Choose(0, scores.Length)
            from b in Gen.Choose(0, scores.Length)
            select (scores, Math.Min(a, b), Math.Max(a, b)));

    /// <summary>Successes and trials with 0 ≤ successes ≤ trials ≤ 10⁶.</summary>
    public static Arbitrary<(long Successes, long Trials)> Counts() =>
        Arb.From(
            from trials in Gen.Choose(0, 1_000_000)
            from successes in Gen.Choose(0, trials)
            select ((long)successes, (long)trials));

    private static IEnumerable<int[]> DropOne(int[] values)
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
