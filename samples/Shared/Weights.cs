namespace Engagement.Samples;

/// <summary>Draws for the samples' seeded data generators.</summary>
internal static class Weights
{
    /// <summary>Draws an index with probability proportional to its weight.</summary>
    public static int Draw(Random random, int[] weights)
    {
        var ticket = random.Next(weights.Sum());
        for (var i = 0; i < weights.Length; i++)
        {
            ticket -= weights[i];
            if (ticket < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }
}
