namespace Engagement.Sdk.Tests.Responses.Reference;

/// <summary>Counting for rates: one plain loop that every reference rate shares.</summary>
internal static class NaiveCount
{
    /// <summary>(how many of the items counted in the denominator also count in the numerator, how many count in the denominator).</summary>
    public static (long Numerator, long Denominator) Ratio<T>(IEnumerable<T> items, Func<T, bool> inDenominator, Func<T, bool> inNumerator)
    {
        long numerator = 0;
        long denominator = 0;
        foreach (var item in items)
        {
            if (inDenominator(item))
            {
                denominator++;
                if (inNumerator(item))
                {
                    numerator++;
                }
            }
        }

        return (numerator, denominator);
    }
}
