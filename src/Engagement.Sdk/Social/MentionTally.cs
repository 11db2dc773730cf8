namespace Engagement.Sdk.Social;

/// <summary>The kernel of <see cref="MentionAccumulator"/> and <see cref="MentionResult.Compute"/>: three counts,
/// updated by <see langword="ref"/>, every update checked and all-or-nothing.</summary>
internal struct MentionTally
{
    public long Positive;
    public long Neutral;
    public long Negative;

    public readonly long Total => Positive + Neutral + Negative;

    public void Add(Sentiment sentiment, long count, string paramName)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Validation.Defined(sentiment, paramName);
        _ = checked(Total + count);
        switch (sentiment)
        {
            case Sentiment.Positive: Positive += count; break;
            case Sentiment.Negative: Negative += count; break;
            default: Neutral += count; break;
        }
    }

    public void Merge(in MentionTally other)
    {
        // Read everything before writing: `other` may alias this tally.
        long positive = other.Positive, neutral = other.Neutral, negative = other.Negative;
        _ = checked(Total + positive + neutral + negative);
        Positive += positive;
        Neutral += neutral;
        Negative += negative;
    }

    public readonly MentionResult ToResult() => new(Positive, Neutral, Negative);
}
