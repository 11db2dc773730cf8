namespace Engagement.Sdk.Benchmarks;

/// <summary>Seeded survey scores, the same on every run.</summary>
internal static class ScoreData
{
    public static int[] Uniform(int count, int min, int max, int seed = 42)
    {
        var random = new Random(seed);
        var scores = new int[count];
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = random.Next(min, max + 1);
        }

        return scores;
    }
}
