using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Engagement.Sdk.Surveys;
using FsCheck;
using FsCheck.Fluent;

namespace Engagement.Sdk.Tests.Surveys;

/// <summary>
/// Each kernel path against a naive reference, called directly so that both are tested whatever hardware runs the
/// tests (the public calls pick one). Lengths reach past the 128-score step and the 65,536-score table block, and
/// spans start at every alignment.
/// </summary>
public class ScoreScanTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(150);

    public static TheoryData<int> Lengths => [0, 1, 15, 16, 17, 63, 64, 127, 128, 129, 1000, 65_535, 65_536, 65_537, 70_000, 200_001];

    [Theory]
    [MemberData(nameof(Lengths))]
    public void CountBands_EveryPath_MatchesReference_AtEveryAlignment(int length)
    {
        var random = new Random(length);
        var buffer = new int[length + 16];
        for (var i = 0; i < buffer.Length; i++)
        {
            buffer[i] = random.Next(0, 11);
        }

        for (var offset = 0; offset < 16; offset += length > 1000 ? 5 : 1)
        {
            var scores = buffer.AsSpan(offset, length);
            var expected = (AtOrBelow: (long)scores.ToArray().Count(s => s <= 6), AtOrAbove: (long)scores.ToArray().Count(s => s >= 9));

            Assert.Equal(expected, ScoreScan.CountBandsByCompare(scores, 0, 10, 6, 9, "NPS", "scores"));
            if (ScoreScan.TablePathAvailable)
            {
                Assert.Equal(expected, ScoreScan.CountBandsByTable(scores, 0, 10, 6, 9, "NPS", "scores"));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Moments_EveryPath_MatchesReference_AtEveryAlignment(int length)
    {
        var random = new Random(length + 1);
        var buffer = new int[length + 16];
        for (var i = 0; i < buffer.Length; i++)
        {
            buffer[i] = random.Next(-3, 13);
        }

        for (var offset = 0; offset < 16; offset += length > 1000 ? 5 : 1)
        {
            var scores = buffer.AsSpan(offset, length).ToArray();
            var expected = (scores.LongCount(s => s >= 4), scores.Sum(s => (long)s), scores.Sum(s => (long)s * s));

            Assert.Equal(expected, ScoreScan.MomentsByCompare(scores, -3, 12, 4, "rating", "scores"));
            if (ScoreScan.TablePathAvailable)
            {
                Assert.Equal(expected, ScoreScan.MomentsByTable(scores, -3, 12, 4, "rating", "scores"));
            }
        }
    }

    [Fact]
    public void EveryPath_OffScaleScore_ReportsItsIndex_WhereverItIs()
    {
        foreach (var (length, at) in new[] { (20, 0), (20, 19), (300, 5), (300, 290), (100_000, 70_123), (100_000, 99_999) })
        {
            var scores = new int[length];
            Array.Fill(scores, 2);
            scores[at] = 11;
            Action[] paths =
            [
                () => ScoreScan.CountBandsByCompare(scores, 0, 10, 6, 9, "NPS", "scores"),
                () => ScoreScan.MomentsByCompare(scores, 0, 10, 6, "NPS", "scores"),
                .. ScoreScan.TablePathAvailable
                    ? new Action[]
                    {
                        () => ScoreScan.CountBandsByTable(scores, 0, 10, 6, 9, "NPS", "scores"),
                        () => ScoreScan.MomentsByTable(scores, 0, 10, 6, "NPS", "scores"),
                    }
                    : [],
            ];

            foreach (var path in paths)
            {
                var e = Assert.Throws<ArgumentOutOfRangeException>(path);
                Assert.Equal(11, e.ActualValue);
                Assert.Contains($"index {at} ", e.Message, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void EveryPath_BelowMinimum_IsCaught()
    {
        var scores = Enumerable.Repeat(3, 500).ToArray();
        scores[321] = int.MinValue;

        Assert.Throws<ArgumentOutOfRangeException>(() => ScoreScan.MomentsByCompare(scores, 1, 5, 4, "CSAT", "scores"));
        Assert.Throws<ArgumentOutOfRangeException>(() => ScoreScan.CountBandsByCompare(scores, 1, 5, 2, 4, "CSAT", "scores"));
        if (ScoreScan.TablePathAvailable)
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => ScoreScan.MomentsByTable(scores, 1, 5, 4, "CSAT", "scores"));
            Assert.Throws<ArgumentOutOfRangeException>(() => ScoreScan.CountBandsByTable(scores, 1, 5, 2, 4, "CSAT", "scores"));
        }
    }

    /// <summary>
    /// <c>.ci/kernel-paths</c> reruns these tests with AVX-512 and then all hardware intrinsics switched off, so that
    /// the compare path and the scalar loops run behind the public calls. This proves the switch reached the runtime.
    /// </summary>
    [Fact]
    public void TablePathAvailable_FollowsTheRuntimeInstructionSetSwitches()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_EnableAVX512") == "0")
        {
            Assert.False(Vector512.IsHardwareAccelerated);
            Assert.False(Avx512F.IsSupported);
            Assert.False(ScoreScan.TablePathAvailable);
        }

        if (Environment.GetEnvironmentVariable("DOTNET_EnableHWIntrinsic") == "0")
        {
            Assert.False(Vector256.IsHardwareAccelerated);
            Assert.False(Vector128.IsHardwareAccelerated);
            Assert.False(ScoreScan.TablePathAvailable);
        }
    }

    [Fact]
    public void TablePath_AnyShortScale_MatchesCompare() =>
        Prop.ForAll(
            Arb.From(
                from min in Gen.Choose(-RatingScale.Limit, RatingScale.Limit - 15)
                from width in Gen.Choose(1, 15)
                from threshold in Gen.Choose(min, min + width)
                from length in Gen.Choose(0, 1500)
                from scores in Gen.Choose(min, min + width).ArrayOf(length)
                select (min, max: min + width, threshold, scores)),
            input =>
            {
                var (min, max, threshold, scores) = input;
                return !ScoreScan.TablePathAvailable
                    || (ScoreScan.MomentsByTable(scores, min, max, threshold, "x", "s") == ScoreScan.MomentsByCompare(scores, min, max, threshold, "x", "s")
                        && ScoreScan.CountBandsByTable(scores, min, max, threshold, threshold, "x", "s") == ScoreScan.CountBandsByCompare(scores, min, max, threshold, threshold, "x", "s"));
            }).Check(Runs);
}
