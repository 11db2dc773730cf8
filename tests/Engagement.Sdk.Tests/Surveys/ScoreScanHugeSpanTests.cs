using System.Runtime.InteropServices;
using Engagement.Sdk.Surveys;

namespace Engagement.Sdk.Tests.Surveys;

/// <summary>
/// Spans of nearly <see cref="int.MaxValue"/> scores: the loop bounds once overflowed there, and the table path spun
/// for ever. The scores are zeroed memory the test only reads, which the operating system maps to one shared zero page,
/// so the 8 GiB cost little real memory.
/// </summary>
public unsafe class ScoreScanHugeSpanTests
{
    private const int Length = int.MaxValue;

    [Fact]
    public void Nps_NearlyIntMaxValueZeros_AreAllDetractors() => WithZeros(scores =>
    {
        var result = NpsCalculator.Default.Compute(scores);

        Assert.Equal(Length, result.Detractors);
        Assert.Equal(-100, result.Score);
    });

    [Fact]
    public void Moments_NearlyIntMaxValueZeros_SumToZero() => WithZeros(scores =>
    {
        // NPS-like 0–10 scale with a threshold of 1: no zero is favourable, and every sum is 0.
        Assert.Equal((0L, 0L, 0L), ScoreScan.Moments(scores, 0, 10, 1, "test", nameof(scores)));
        Assert.Equal((0L, 0L, 0L), ScoreScan.Moments(scores, 0, 100, 1, "test", nameof(scores)));
    });

    private static void WithZeros(Action<ReadOnlySpan<int>> check)
    {
        void* memory;
        try
        {
            memory = NativeMemory.AllocZeroed((nuint)Length, sizeof(int));
        }
        catch (OutOfMemoryException)
        {
            // A machine without 8 GiB of address space to spare cannot run this check; there is nothing to assert.
            return;
        }

        try
        {
            check(new ReadOnlySpan<int>(memory, Length));
        }
        finally
        {
            NativeMemory.Free(memory);
        }
    }
}
