using Engagement.Sdk.Metrics;

namespace Engagement.Sdk.Tests.Metrics;

/// <summary>The span paths allocate nothing: counted with the runtime's per-thread allocation counter, not timed.</summary>
public class AllocationTests
{
    private static readonly int[] NpsScores = [.. Enumerable.Range(0, 10_000).Select(i => i % 11)];
    private static readonly int[] CsatScores = [.. Enumerable.Range(0, 10_000).Select(i => 1 + (i % 5))];

    [Fact]
    public void NpsCompute_OverASpan_AllocatesNothing()
    {
        var calculator = NpsCalculator.Default;
        _ = calculator.Compute(NpsScores.AsSpan());

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = calculator.Compute(NpsScores.AsSpan());
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(10_000, result.Count);
    }

    [Fact]
    public void RatingCompute_OverASpan_AllocatesNothing()
    {
        var calculator = new CsatCalculator();
        _ = calculator.Compute(CsatScores.AsSpan());

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = calculator.Compute(CsatScores.AsSpan());
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(10_000, result.Count);
    }
}
