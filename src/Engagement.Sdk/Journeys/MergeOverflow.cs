namespace Engagement.Sdk.Journeys;

/// <summary>The one message of a journey merge that would overflow a 64-bit count: which accumulators, and that nothing
/// changed (every merge computes its sums before it stores any).</summary>
internal static class MergeOverflow
{
    public static OverflowException For(object accumulator, object other, OverflowException inner) =>
        new($"Merging would overflow a 64-bit count, so nothing was merged: this accumulator is {accumulator}; the other {other}.", inner);
}
