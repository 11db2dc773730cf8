using System.Runtime.InteropServices;
using Engagement.Sdk.Surveys;

namespace Engagement.Sdk.Tests.Surveys;

/// <summary>
/// Every kernel path over spans cast from bytes at each offset 0–63, so that the span starts at every address modulo
/// a cache line, most of them not even 4-byte aligned (legal for <see cref="MemoryMarshal.Cast{TFrom, TTo}(Span{TFrom})"/>).
/// The table path once faulted there with a <see cref="NullReferenceException"/>: it loaded with an aligned-load
/// instruction from a boundary it had computed as if the span were 4-byte aligned.
/// </summary>
public class ScoreScanAlignmentTests
{
    /// <summary>Around the table path's 16-score vector, 128-score step and 4,096-score sub-block, and the compare path's 8,192-score block.</summary>
    private static readonly int[] Lengths = [0, 1, 15, 16, 17, 127, 128, 129, 1000, 4099, 8200];

    private delegate (long, long) CountBandsPath(ReadOnlySpan<int> scores, int min, int max, int lowMax, int highMin, string scaleName, string paramName);

    private delegate (long, long, long) MomentsPath(ReadOnlySpan<int> scores, int min, int max, int threshold, string scaleName, string paramName);

    public static TheoryData<int> Offsets => [.. Enumerable.Range(0, 64)];

    [Theory]
    [MemberData(nameof(Offsets))]
    public void EveryPath_SpanAtAnyByteOffset_MatchesReference(int offset)
    {
        foreach (var length in Lengths)
        {
            foreach (var (min, max) in new[] { (0, 10), (1, 5) })
            {
                var buffer = new byte[(4 * length) + 64];
                var random = new Random((offset * 100_003) + length + min);
                var scores = MemoryMarshal.Cast<byte, int>(buffer.AsSpan(offset, 4 * length));
                for (var i = 0; i < scores.Length; i++)
                {
                    scores[i] = random.Next(min, max + 1);
                }

                var copy = scores.ToArray();
                var (lowMax, highMin, threshold) = min == 0 ? (6, 9, 9) : (2, 4, 4);
                var bands = ((long)copy.Count(s => s <= lowMax), (long)copy.Count(s => s >= highMin));
                var moments = (copy.LongCount(s => s >= threshold), copy.Sum(s => (long)s), copy.Sum(s => (long)s * s));

                foreach (var (name, path) in CountBandsPaths())
                {
                    var actual = path(scores, min, max, lowMax, highMin, "scale", "scores");
                    Assert.True(actual == bands, $"{name} at offset {offset}, length {length}, scale {min}–{max}: {actual}, expected {bands}");
                }

                foreach (var (name, path) in MomentsPaths())
                {
                    var actual = path(scores, min, max, threshold, "scale", "scores");
                    Assert.True(actual == moments, $"{name} at offset {offset}, length {length}, scale {min}–{max}: {actual}, expected {moments}");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Offsets))]
    public void EveryPath_OffScaleScoreAtAnyByteOffset_ThrowsWithItsIndex(int offset)
    {
        foreach (var (length, at) in new[] { (1000, 0), (1000, 1), (1000, 14), (1000, 15), (1000, 16), (1000, 17), (1000, 127), (1000, 128), (1000, 500), (1000, 999), (4099, 4095), (4099, 4097) })
        {
            foreach (var (min, max) in new[] { (0, 10), (1, 5) })
            {
                var buffer = new byte[(4 * length) + 64];
                var scores = MemoryMarshal.Cast<byte, int>(buffer.AsSpan(offset, 4 * length));
                scores.Fill(max);

                // Above and below the scale in turn; a second offender later on must not be the one reported.
                var offScale = at % 2 == 0 ? max + 1 : min - 1;
                scores[at] = offScale;
                scores[^1] = at == length - 1 ? offScale : int.MinValue;

                foreach (var (name, path) in CountBandsPaths())
                {
                    AssertThrowsAt(name, offScale, at, offset, length, () => path(ToReadOnly(buffer, offset, length), min, max, min, max, "scale", "scores"));
                }

                foreach (var (name, path) in MomentsPaths())
                {
                    AssertThrowsAt(name, offScale, at, offset, length, () => path(ToReadOnly(buffer, offset, length), min, max, max, "scale", "scores"));
                }
            }
        }
    }

    private static ReadOnlySpan<int> ToReadOnly(byte[] buffer, int offset, int length) =>
        MemoryMarshal.Cast<byte, int>(buffer.AsSpan(offset, 4 * length));

    private static void AssertThrowsAt(string name, int score, int at, int offset, int length, Action call)
    {
        var context = $"{name} at offset {offset}, length {length}, off-scale score at {at}";
        var thrown = Record.Exception(call);
        Assert.True(thrown is ArgumentOutOfRangeException, $"{context}: threw {thrown?.ToString() ?? "nothing"}");
        var outOfRange = Assert.IsType<ArgumentOutOfRangeException>(thrown);
        Assert.True(Equals(score, outOfRange.ActualValue), $"{context}: reported the score {outOfRange.ActualValue}");
        Assert.True(outOfRange.Message.Contains($"index {at} ", StringComparison.Ordinal), $"{context}: {outOfRange.Message}");
    }

    private static IEnumerable<(string Name, CountBandsPath Path)> CountBandsPaths()
    {
        yield return ("CountBands", ScoreScan.CountBands);
        yield return ("CountBandsByCompare", ScoreScan.CountBandsByCompare);
        yield return ("CountBandsScalar", ScoreScan.CountBandsScalar);
        if (ScoreScan.TablePathAvailable)
        {
            yield return ("CountBandsByTable", ScoreScan.CountBandsByTable);
        }
    }

    private static IEnumerable<(string Name, MomentsPath Path)> MomentsPaths()
    {
        yield return ("Moments", ScoreScan.Moments);
        yield return ("MomentsByCompare", ScoreScan.MomentsByCompare);
        yield return ("MomentsScalar", ScoreScan.MomentsScalar);
        if (ScoreScan.TablePathAvailable)
        {
            yield return ("MomentsByTable", ScoreScan.MomentsByTable);
        }
    }
}
