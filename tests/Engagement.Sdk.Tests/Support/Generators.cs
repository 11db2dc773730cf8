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

/// <summary>Answers on the NPS scale, for <c>[Property]</c> tests.</summary>
/// <param name="Scores">Scores from 0 to 10.</param>
public sealed record NpsAnswers(int[] Scores)
{
    /// <inheritdoc />
    public override string ToString() => $"[{string.Join(", ", Scores)}]";
}

/// <summary>Successes out of trials with 0 ≤ successes ≤ trials, for <c>[Property]</c> tests.</summary>
/// <param name="Successes">Successes.</param>
/// <param name="Trials">Trials.</param>
public sealed record Counts(long Successes, long Trials);

/// <summary>The arbitraries <c>[Property(Arbitrary = [typeof(MetricArbitraries)])]</c> draws from.</summary>
public static class MetricArbitraries
{
    /// <summary>Bounded NPS answers that shrink by dropping answers.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<NpsAnswers> NpsAnswers() =>
        Arb.From(
            Generators.Scores(0, 10).Generator.Select(scores => new NpsAnswers(scores)),
            answers => Generators.Scores(0, 10).Shrinker(answers.Scores).Select(scores => new NpsAnswers(scores)));

    /// <summary>Valid counts up to 10⁶ trials.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<Counts> Counts() =>
        Arb.From(Generators.Counts().Generator.Select(c => new Counts(c.Successes, c.Trials)));
}

