using Engagement.Sdk.Surveys;

namespace Engagement.Sdk.Tests.Surveys;

/// <summary>The span paths allocate nothing: counted with the runtime's per-thread allocation counter, not timed.</summary>
public class AllocationTests
{
    private static readonly int[] NpsScores = [.. Enumerable.Range(0, 10_000).Select(i => i % 11)];
    private static readonly int[] CsatScores = [.. Enumerable.Range(0, 10_000).Select(i => 1 + (i % 5))];

    [Fact]
    public void NpsCompute_OverASpan_AllocatesNothing() =>
        Assert.Equal(0, BytesAllocatedBy(() => NpsCalculator.Default.Compute(NpsScores.AsSpan()).Count));

    [Fact]
    public void RatingCompute_OverASpan_AllocatesNothing()
    {
        var calculator = new CsatCalculator();

        Assert.Equal(0, BytesAllocatedBy(() => calculator.Compute(CsatScores.AsSpan()).Count));
    }

    /// <summary>Bytes the current thread allocates in a second call of <paramref name="call"/> (the first warms it up).</summary>
    private static long BytesAllocatedBy(Func<long> call)
    {
        Assert.Equal(10_000, call());
        var before = GC.GetAllocatedBytesForCurrentThread();
        var count = call();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(10_000, count);
        return allocated;
    }
}
