using System.Runtime.InteropServices;


namespace Engagement.Sdk.Surveys;

/// <summary>Routes a sequence of scores to the span kernels when it is backed by contiguous memory.</summary>
internal static class ScoreSequence
{
    public static bool TryGetSpan(IEnumerable<int> scores, out ReadOnlySpan<int> span)
    {
        switch (scores)
        {
            case int[] array:
                span = array;
                return true;
            case List<int> list:
                span = CollectionsMarshal.AsSpan(list);
                return true;
            default:
                span = default;
                return false;
        }
    }

    /// <summary>Yields the scores, throwing with the index of the first the scale rejects.</summary>
    public static IEnumerable<int> OnScale(IEnumerable<int> scores, RatingScale scale, string scaleName, string paramName)
    {
        long index = 0;
        foreach (var score in scores)
        {
            if (!scale.Contains(score))
            {
                ScoreScan.ThrowOffScale(score, index, scale.Min, scale.Max, scaleName, paramName);
            }

            yield return score;
            index++;
        }
    }
}
