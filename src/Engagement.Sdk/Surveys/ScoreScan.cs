using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Engagement.Sdk.Surveys;

/// <summary>
/// The single-pass kernels under the span paths of the survey metrics. Each reads the scores once, checks that every
/// score lies on the scale, and allocates nothing.
/// </summary>
/// <remarks>
/// <para>
/// Short scales (at most 16 values: 0–10, 1–5, 1–7, 1–10 …) take the <em>table</em> path on AVX-512 hardware. A
/// 16-entry permute looks up, for each score, one 32-bit increment that packs three counters — bits 0–6, 7–16 and
/// 17–31 — such as (score ≥ threshold, score − min, (score − min)²) for ratings or (promoter, detractor, 0) for NPS.
/// A score then costs a permute and an add, about as much as summing it. The packed lanes are unpacked into 64-bit
/// totals every <see cref="SubBlockSteps"/> steps, before any field can overflow (<c>ScoreScan.Table.cs</c>).
/// </para>
/// <para>
/// Other scales and other hardware take the <em>compare</em> path: vector compares whose all-ones lanes are
/// subtracted to count, with per-block 32-bit sums widened into 64-bit totals (<c>ScoreScan.Compare.cs</c>).
/// Without 256-bit vectors, the scalar loops here do the whole span; they also finish the vector paths' tails.
/// </para>
/// <para>
/// Spans may start at any address: one cast from bytes need not even be 4-byte aligned. No path uses an aligned-load
/// instruction, so none can fault on such a span.
/// </para>
/// </remarks>
internal static partial class ScoreScan
{
    internal static bool TablePathAvailable => Avx512F.IsSupported && Vector512.IsHardwareAccelerated;

    /// <summary>Counts the scores at or below <paramref name="lowMax"/> and at or above <paramref name="highMin"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A score lies outside [min, max].</exception>
    public static (long AtOrBelow, long AtOrAbove) CountBands(
        ReadOnlySpan<int> scores, int min, int max, int lowMax, int highMin, string scaleName, string paramName) =>
        TablePathAvailable && max - min < TableEntries
            ? CountBandsByTable(scores, min, max, lowMax, highMin, scaleName, paramName)
            : CountBandsByCompare(scores, min, max, lowMax, highMin, scaleName, paramName);

    /// <summary>Counts the scores at or above <paramref name="threshold"/> and sums the scores and their squares.</summary>
    /// <remarks>Requires −1000 ≤ min ≤ max ≤ 1000, which <see cref="RatingScale"/> guarantees.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">A score lies outside [min, max].</exception>
    public static (long AtOrAbove, long Sum, long SumOfSquares) Moments(
        ReadOnlySpan<int> scores, int min, int max, int threshold, string scaleName, string paramName) =>
        TablePathAvailable && max - min < TableEntries
            ? MomentsByTable(scores, min, max, threshold, scaleName, paramName)
            : MomentsByCompare(scores, min, max, threshold, scaleName, paramName);

    /// <summary>The scalar path of <see cref="CountBands"/> over the whole span, whatever the hardware.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A score lies outside [min, max].</exception>
    internal static (long AtOrBelow, long AtOrAbove) CountBandsScalar(
        ReadOnlySpan<int> scores, int min, int max, int lowMax, int highMin, string scaleName, string paramName) =>
        CountBandsFrom(scores, 0, min, max, lowMax, highMin, scaleName, paramName);

    /// <summary>The scalar path of <see cref="Moments"/> over the whole span, whatever the hardware.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A score lies outside [min, max].</exception>
    internal static (long AtOrAbove, long Sum, long SumOfSquares) MomentsScalar(
        ReadOnlySpan<int> scores, int min, int max, int threshold, string scaleName, string paramName) =>
        MomentsFrom(scores, 0, min, max, threshold, scaleName, paramName);

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void ThrowOffScale(int score, long index, int min, int max, string scaleName, string paramName) =>
        throw new ArgumentOutOfRangeException(
            paramName, score,
            string.Create(CultureInfo.InvariantCulture, $"The score {score} at index {index} is outside the {scaleName} scale {min}–{max}."));

    /// <summary>Scalar <see cref="CountBands"/> over the scores from index <paramref name="from"/> on.</summary>
    private static (long AtOrBelow, long AtOrAbove) CountBandsFrom(
        ReadOnlySpan<int> scores, int from, int min, int max, int lowMax, int highMin, string scaleName, string paramName)
    {
        long below = 0, above = 0;
        for (var i = from; i < scores.Length; i++)
        {
            var score = scores[i];
            if (score < min || score > max)
            {
                ThrowOffScale(score, i, min, max, scaleName, paramName);
            }

            below += score <= lowMax ? 1 : 0;
            above += score >= highMin ? 1 : 0;
        }

        return (below, above);
    }

    /// <summary>Scalar <see cref="Moments"/> over the scores from index <paramref name="from"/> on.</summary>
    private static (long AtOrAbove, long Sum, long SumOfSquares) MomentsFrom(
        ReadOnlySpan<int> scores, int from, int min, int max, int threshold, string scaleName, string paramName)
    {
        long above = 0, sum = 0, sumOfSquares = 0;
        for (var i = from; i < scores.Length; i++)
        {
            var score = scores[i];
            if (score < min || score > max)
            {
                ThrowOffScale(score, i, min, max, scaleName, paramName);
            }

            above += score >= threshold ? 1 : 0;
            sum += score;
            sumOfSquares += (long)score * score;
        }

        return (above, sum, sumOfSquares);
    }

    /// <summary>Throws for the first score of <paramref name="scores"/> off the scale; the caller knows there is one.</summary>
    private static void ThrowFirstOffScale(ReadOnlySpan<int> scores, int min, int max, string scaleName, string paramName)
    {
        for (var i = 0; i < scores.Length; i++)
        {
            if (scores[i] < min || scores[i] > max)
            {
                ThrowOffScale(scores[i], i, min, max, scaleName, paramName);
            }
        }
    }
}
