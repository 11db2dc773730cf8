using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Engagement.Sdk.Surveys;

// The table path: AVX-512 permutes over scales of at most 16 values.
internal static partial class ScoreScan
{
    /// <summary>
    /// Steps (of eight vectors, two into each of four accumulators) between unpackings of the table path: an
    /// accumulator then holds at most 64 increments, and 64 · 1 &lt; 2⁷, 64 · 15 &lt; 2¹⁰, 64 · 225 &lt; 2¹⁵.
    /// </summary>
    private const int SubBlockSteps = 32;

    /// <summary>Where the second and third packed counters start in a table entry.</summary>
    private const int SecondField = 7, ThirdField = 17;

    /// <summary>The most values a scale may have for the table path: one 512-bit permute holds 16 entries.</summary>
    private const int TableEntries = 16;

    /// <summary>Bytes in a cache line, and in a 512-bit vector.</summary>
    private const int CacheLine = 64;

    internal static (long AtOrBelow, long AtOrAbove) CountBandsByTable(
        ReadOnlySpan<int> scores, int min, int max, int lowMax, int highMin, string scaleName, string paramName)
    {
        Span<int> entries = stackalloc int[TableEntries];
        for (var v = min; v <= max; v++)
        {
            entries[v & (TableEntries - 1)] = Pack(v >= highMin ? 1 : 0, v <= lowMax ? 1 : 0, 0);
        }

        var table = Vector512.Create<int>(entries);
        var (done, above, below, _) = ScanByTable(scores, min, max, table, scaleName, paramName);
        var (tailBelow, tailAbove) = CountBandsFrom(scores, done, min, max, lowMax, highMin, scaleName, paramName);
        return (below + tailBelow, above + tailAbove);
    }

    internal static (long AtOrAbove, long Sum, long SumOfSquares) MomentsByTable(
        ReadOnlySpan<int> scores, int min, int max, int threshold, string scaleName, string paramName)
    {
        // Counters hold offsets from min (0–15) so they stay small: Σx = Σd + n·min, Σx² = Σd² + 2·min·Σd + n·min².
        Span<int> entries = stackalloc int[TableEntries];
        for (var v = min; v <= max; v++)
        {
            entries[v & (TableEntries - 1)] = Pack(v >= threshold ? 1 : 0, v - min, (v - min) * (v - min));
        }

        var table = Vector512.Create<int>(entries);
        var (done, above, offsets, offsetSquares) = ScanByTable(scores, min, max, table, scaleName, paramName);
        var sum = offsets + ((long)done * min);
        var sumOfSquares = offsetSquares + (2L * min * offsets) + ((long)done * min * min);
        var tail = MomentsFrom(scores, done, min, max, threshold, scaleName, paramName);
        return (above + tail.AtOrAbove, sum + tail.Sum, sumOfSquares + tail.SumOfSquares);
    }

    /// <summary>Runs the table scan, without the range check's subtraction when the scale starts at 0.</summary>
    private static (int Done, long First, long Second, long Third) ScanByTable(
        ReadOnlySpan<int> scores, int min, int max, Vector512<int> table, string scaleName, string paramName) =>
        min == 0
            ? ScanByTable<FromZero>(scores, min, max, table, scaleName, paramName)
            : ScanByTable<FromMin>(scores, min, max, table, scaleName, paramName);

    /// <summary>Sums the table's packed increments of every score over whole vectors, unpacking the three counters.</summary>
    /// <returns>How many scores were consumed from the start and the three counters' totals.</returns>
    private static unsafe (int Done, long First, long Second, long Third) ScanByTable<TOffset>(
        ReadOnlySpan<int> scores, int min, int max, Vector512<int> table, string scaleName, string paramName)
        where TOffset : struct, IOffset
    {
        long first = 0, second = 0, third = 0;
        var minimum = Vector512.Create(min);
        var largestOffset = Vector512<uint>.Zero;
        const int Step = 8 * 16;
        int i;
        fixed (int* start = scores)
        {
            // Start at a 64-byte boundary so that no load splits a cache line (about 5% on a span that fits in
            // cache); the scores before it are the first lanes of one vector. Only a 4-byte-aligned span has a score
            // on such a boundary: one cast from bytes may have none, and is read from its start. Pinning keeps the
            // boundary where it is for the whole loop.
            var misalignment = (nuint)start % CacheLine;
            i = misalignment % sizeof(int) == 0 ? (int)((CacheLine - misalignment) % CacheLine) / sizeof(int) : 0;
            if (i > 0 && scores.Length >= 16)
            {
                var v = Vector512.Load(start);
                var head = Vector512.GreaterThan(Vector512.Create(i), Vector512.Create(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15));
                Unpack(Avx512F.PermuteVar16x32(table, v) & head, ref first, ref second, ref third);
                largestOffset = Vector512.Max(largestOffset, TOffset.Of(v, minimum) & head.AsUInt32());
            }
            else
            {
                i = 0;
            }

            // Bounds are compared as "i ≤ end − Step" rather than "i + Step ≤ end": near int.MaxValue scores the sum
            // would overflow, ending the inner loop at once and spinning the outer one for ever.
            while (i <= scores.Length - Step)
            {
                var subBlockEnd = i + Math.Min(scores.Length - i, SubBlockSteps * Step);
                Vector512<int> a0 = default, a1 = default, a2 = default, a3 = default;
                for (; i <= subBlockEnd - Step; i += Step)
                {
                    // The permute reads the low four bits of each score, which are distinct across a scale of at
                    // most 16 values; scores off the scale alias, but the unsigned max of (score − min) catches them.
                    // Eight loads a step keep enough in flight for spans that do not fit in cache. The loads are
                    // unaligned-load instructions, as fast as aligned ones on aligned data, that cannot fault.
                    var v0 = Vector512.Load(start + i);
                    var v1 = Vector512.Load(start + i + 16);
                    var v2 = Vector512.Load(start + i + 32);
                    var v3 = Vector512.Load(start + i + 48);
                    var v4 = Vector512.Load(start + i + 64);
                    var v5 = Vector512.Load(start + i + 80);
                    var v6 = Vector512.Load(start + i + 96);
                    var v7 = Vector512.Load(start + i + 112);
                    a0 += Avx512F.PermuteVar16x32(table, v0) + Avx512F.PermuteVar16x32(table, v4);
                    a1 += Avx512F.PermuteVar16x32(table, v1) + Avx512F.PermuteVar16x32(table, v5);
                    a2 += Avx512F.PermuteVar16x32(table, v2) + Avx512F.PermuteVar16x32(table, v6);
                    a3 += Avx512F.PermuteVar16x32(table, v3) + Avx512F.PermuteVar16x32(table, v7);
                    var offsets = Vector512.Max(
                        Vector512.Max(Vector512.Max(TOffset.Of(v0, minimum), TOffset.Of(v1, minimum)), Vector512.Max(TOffset.Of(v2, minimum), TOffset.Of(v3, minimum))),
                        Vector512.Max(Vector512.Max(TOffset.Of(v4, minimum), TOffset.Of(v5, minimum)), Vector512.Max(TOffset.Of(v6, minimum), TOffset.Of(v7, minimum))));
                    largestOffset = Vector512.Max(largestOffset, offsets);
                }

                Unpack(a0, ref first, ref second, ref third);
                Unpack(a1, ref first, ref second, ref third);
                Unpack(a2, ref first, ref second, ref third);
                Unpack(a3, ref first, ref second, ref third);
            }
        }

        // Checked once at the end: a throwing call inside the loop would make the JIT spill the table register on
        // every iteration. Totals polluted by off-scale scores are never returned.
        if (Vector512.GreaterThanAny(largestOffset, Vector512.Create((uint)(max - min))))
        {
            ThrowFirstOffScale(scores[..i], min, max, scaleName, paramName);
        }

        return (i, first, second, third);
    }

    /// <summary>
    /// Packs three per-score increments (≤ 1, ≤ 15, ≤ 225) into the table entry of a score. Entry (v mod 16) serves
    /// score v: the residues are distinct across a scale of at most 16 values.
    /// </summary>
    private static int Pack(int first, int second, int third) => first | (second << SecondField) | (third << ThirdField);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Unpack(Vector512<int> packed, ref long first, ref long second, ref long third)
    {
        first += Vector512.Sum(packed & Vector512.Create((1 << SecondField) - 1));
        second += Vector512.Sum(Vector512.ShiftRightLogical(packed, SecondField) & Vector512.Create((1 << (ThirdField - SecondField)) - 1));
        third += Vector512.Sum(Vector512.ShiftRightLogical(packed, ThirdField));
    }

    /// <summary>
    /// score − min as unsigned: scores below min wrap to large values, so one unsigned max checks both ends of the
    /// scale. A type parameter rather than a branch, so that scales starting at 0 (NPS) skip the subtraction.
    /// </summary>
    private interface IOffset
    {
        static abstract Vector512<uint> Of(Vector512<int> scores, Vector512<int> minimum);
    }

    private readonly struct FromMin : IOffset
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<uint> Of(Vector512<int> scores, Vector512<int> minimum) => (scores - minimum).AsUInt32();
    }

    private readonly struct FromZero : IOffset
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<uint> Of(Vector512<int> scores, Vector512<int> minimum) => scores.AsUInt32();
    }
}
