using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Engagement.Sdk.Surveys;

// The compare path: 256-bit compares, for any scale and any hardware with 256-bit vectors.
internal static partial class ScoreScan
{
    /// <summary>Vectors per block of the compare path: with |score| ≤ 1000 a lane's sum of squares stays below 1024 · 10⁶ &lt; 2³¹.</summary>
    private const int CompareBlockVectors = 1024;

    internal static (long AtOrBelow, long AtOrAbove) CountBandsByCompare(
        ReadOnlySpan<int> scores, int min, int max, int lowMax, int highMin, string scaleName, string paramName)
    {
        long below = 0, above = 0;
        var i = 0;
        if (Vector256.IsHardwareAccelerated && scores.Length >= 2 * Vector256<int>.Count)
        {
            ref var start = ref MemoryMarshal.GetReference(scores);
            var low = Vector256.Create(lowMax + 1);
            var high = Vector256.Create(highMin - 1);
            var minimum = Vector256.Create(min);
            Vector256<int> belowA = default, belowB = default, aboveA = default, aboveB = default;
            var largestOffset = Vector256<uint>.Zero;
            var end = scores.Length - (2 * Vector256<int>.Count);
            for (; i <= end; i += 2 * Vector256<int>.Count)
            {
                // Compares give −1 in matching lanes, so subtracting counts them; two chains hide the latency.
                // One unsigned max of (score − min) catches scores below min (they wrap) and above max alike.
                var a = Vector256.LoadUnsafe(ref start, (nuint)i);
                var b = Vector256.LoadUnsafe(ref start, (nuint)(i + Vector256<int>.Count));
                belowA -= Vector256.LessThan(a, low);
                belowB -= Vector256.LessThan(b, low);
                aboveA -= Vector256.GreaterThan(a, high);
                aboveB -= Vector256.GreaterThan(b, high);
                largestOffset = Vector256.Max(largestOffset, Vector256.Max((a - minimum).AsUInt32(), (b - minimum).AsUInt32()));
            }

            // A lane counts at most one score in sixteen, so lane totals fit an int. Reducing before the range check
            // keeps the accumulators out of the throwing call, which would otherwise make the JIT spill them.
            below = Vector256.Sum(belowA + belowB);
            above = Vector256.Sum(aboveA + aboveB);
            if (Vector256.GreaterThanAny(largestOffset, Vector256.Create((uint)(max - min))))
            {
                ThrowFirstOffScale(scores[..i], min, max, scaleName, paramName);
            }
        }

        var (tailBelow, tailAbove) = CountBandsFrom(scores, i, min, max, lowMax, highMin, scaleName, paramName);
        return (below + tailBelow, above + tailAbove);
    }

    internal static (long AtOrAbove, long Sum, long SumOfSquares) MomentsByCompare(
        ReadOnlySpan<int> scores, int min, int max, int threshold, string scaleName, string paramName)
    {
        long above = 0, sum = 0, sumOfSquares = 0;
        var i = 0;
        if (Vector256.IsHardwareAccelerated && scores.Length >= Vector256<int>.Count)
        {
            ref var start = ref MemoryMarshal.GetReference(scores);
            var high = Vector256.Create(threshold - 1);
            var minimum = Vector256.Create(min);
            var span = Vector256.Create((uint)(max - min));
            Vector256<long> aboveLanes = default, sumLanes = default, squareLanes = default;
            var largestOffset = Vector256<uint>.Zero;
            var end = scores.Length - Vector256<int>.Count;
            while (i <= end)
            {
                // Written so that nothing overflows when the span holds nearly int.MaxValue scores.
                var blockEnd = i + Math.Min(end - i, (CompareBlockVectors - 1) * Vector256<int>.Count);
                Vector256<int> aboveBlock = default, sumBlock = default, squareBlock = default;
                for (; i <= blockEnd; i += Vector256<int>.Count)
                {
                    var v = Vector256.LoadUnsafe(ref start, (nuint)i);
                    aboveBlock -= Vector256.GreaterThan(v, high);
                    sumBlock += v;
                    squareBlock += v * v;
                    largestOffset = Vector256.Max(largestOffset, (v - minimum).AsUInt32());
                }

                aboveLanes += Widen(aboveBlock);
                sumLanes += Widen(sumBlock);
                squareLanes += Widen(squareBlock);
            }

            above = Vector256.Sum(aboveLanes);
            sum = Vector256.Sum(sumLanes);
            sumOfSquares = Vector256.Sum(squareLanes);
            if (Vector256.GreaterThanAny(largestOffset, span))
            {
                ThrowFirstOffScale(scores[..i], min, max, scaleName, paramName);
            }
        }

        var tail = MomentsFrom(scores, i, min, max, threshold, scaleName, paramName);
        return (above + tail.AtOrAbove, sum + tail.Sum, sumOfSquares + tail.SumOfSquares);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<long> Widen(Vector256<int> lanes) => Vector256.WidenLower(lanes) + Vector256.WidenUpper(lanes);
}
