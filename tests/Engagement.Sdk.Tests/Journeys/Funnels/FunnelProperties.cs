using Engagement.Sdk.Journeys;
using Engagement.Sdk.Tests.Journeys.Reference;
using FsCheck;
using FsCheck.Fluent;
using static Engagement.Sdk.Tests.Journeys.Funnels.FunnelLogs;

namespace Engagement.Sdk.Tests.Journeys.Funnels;

/// <summary>A random funnel over a random small log: what the properties draw.</summary>
internal sealed record FunnelCase(FunnelEvent[] Events, string[] Steps, int WindowSeconds, FunnelMode Mode, (string Event, int From, int To)[] Exclusions)
{
    internal FunnelDefinition Definition(int? windowSeconds = null, FunnelMode? mode = null) => new(
        [.. Steps.Select(FunnelStep.Event)],
        TimeSpan.FromSeconds(windowSeconds ?? WindowSeconds),
        mode ?? Mode,
        (mode ?? Mode) == FunnelMode.Ordered ? [.. Exclusions.Select(x => new FunnelExclusion(x.Event, x.From, x.To))] : []);

    internal RefEvent[] RefEvents => [.. Events.Select(e => new RefEvent(e.Customer, T0.AddSeconds(e.Seconds), e.Name, e.Channel))];

    /// <inheritdoc />
    public override string ToString() =>
        $"{Mode} [{string.Join(" ", Steps)}] within {WindowSeconds}s, exclusions [{string.Join(", ", Exclusions)}], events [{string.Join(", ", Events.Select(e => $"{e.Customer}:{e.Name}@{e.Seconds}/{e.Channel}"))}]";
}

/// <summary>FsCheck properties of funnels, and the optimised funnel against the naive reference of issue 6.</summary>
public class FunnelProperties
{
    private static readonly Config Many = Config.QuickThrowOnFailure.WithMaxTest(500);

    /// <summary>Up to 40 events over 5 customers, names a, b, c and the noise x, z, within 40 s; up to 4 steps drawn
    /// from a, b, c (so names repeat), windows 1–30 s, every mode, exclusions of x or b in ordered funnels.</summary>
    internal static Arbitrary<FunnelCase> Cases(bool exclusions = true, int maxEvents = 40, int customers = 5, int seconds = 40) =>
        Arb.From(
            from length in Gen.Choose(0, maxEvents)
            from events in (
                from customer in Gen.Choose(0, customers - 1)
                from second in Gen.Choose(0, seconds)
                from name in Gen.Elements("a", "a", "b", "b", "c", "x", "z")
                from channel in Gen.Elements("web", "email")
                select new FunnelEvent($"u{customer}", second, name, channel)).ArrayOf(length)
            from stepCount in Gen.Choose(1, 4)
            from steps in Gen.Elements("a", "b", "c").ArrayOf(stepCount)
            from window in Gen.Choose(1, 30)
            from mode in Gen.Elements(FunnelMode.Ordered, FunnelMode.Strict, FunnelMode.AnyOrder)
            from exclusionCount in Gen.Choose(0, exclusions && mode == FunnelMode.Ordered && stepCount > 1 ? 2 : 0)
            from excluded in (
                from name in Gen.Elements("x", "b")
                from first in Gen.Choose(0, stepCount - 2)
                from last in Gen.Choose(first + 1, stepCount - 1)
                select (name, first, last)).ArrayOf(exclusionCount)
            select new FunnelCase(events, steps, window, mode, excluded),
            Shrink);

    [Fact]
    public void Optimised_EqualsTheNaiveReference_DepthsExclusionsAndTimes() =>
        Prop.ForAll(Cases(), MatchesReference).Check(Many);

    [Fact]
    public void Optimised_EqualsTheNaiveReference_OnJourneysOfMoreThan64MatchingEvents() =>
        Prop.ForAll(Cases(maxEvents: 400, customers: 2, seconds: 300), MatchesReference).Check(Config.QuickThrowOnFailure.WithMaxTest(60));

    private static bool MatchesReference(FunnelCase c)
    {
        {
            var result = FunnelAccumulator.Compute(c.Definition(), Log(c.Events));
            var refMode = c.Mode switch { FunnelMode.Ordered => RefFunnelMode.Ordered, FunnelMode.Strict => RefFunnelMode.Strict, _ => RefFunnelMode.AnyOrder };
            var refExclusions = c.Mode == FunnelMode.Ordered ? c.Exclusions : [];
            var window = TimeSpan.FromSeconds(c.WindowSeconds);
            var expectedDepths = NaiveFunnel.Depths(c.RefEvents, c.Steps, window, refMode, refExclusions)
                .Where(pair => pair.Value > 0)
                .OrderBy(pair => pair.Key, StringComparer.Ordinal)
                .ToList();
            var depths = Depths(result).OrderBy(pair => pair.Key, StringComparer.Ordinal).ToList();
            var excluded = NaiveFunnel.Excluded(c.RefEvents, c.Steps, window, refMode, refExclusions).Order(StringComparer.Ordinal);
            var same = expectedDepths.SequenceEqual(depths) && excluded.SequenceEqual(result.ExcludedIds);
            if (c.Mode == FunnelMode.Ordered)
            {
                var gaps = NaiveFunnel.Gaps(c.RefEvents, c.Steps, window, refExclusions);
                var times = NaiveFunnel.TimeToConvert(c.RefEvents, c.Steps, window, refExclusions);
                for (var k = 1; k < c.Steps.Length; k++)
                {
                    var expected = gaps.Values.Where(g => g.Length >= k).Select(g => g[k - 1]).GroupBy(t => t).OrderBy(g => g.Key)
                        .Select(g => KeyValuePair.Create(g.Key, (long)g.Count()));
                    same &= expected.SequenceEqual(result.Steps[k].TimeToConvert)
                        && Close(times[k].Mean, result.Steps[k].MeanTimeToConvert)
                        && Close(times[k].Median, result.Steps[k].MedianTimeToConvert);
                }
            }

            return same;
        }
    }

    [Fact]
    public void Counts_NeverIncreaseFromStepToStep() =>
        Prop.ForAll(Cases(), c =>
        {
            var counts = Counts(FunnelAccumulator.Compute(c.Definition(), Log(c.Events)));
            return counts.Zip(counts.Skip(1)).All(pair => pair.First >= pair.Second);
        }).Check(Many);

    [Fact]
    public void WiderWindow_NeverLowersAStepsCount() =>
        Prop.ForAll(Cases(exclusions: false), Gen.Choose(0, 30).ToArbitrary(), (c, more) =>
        {
            var log = Log(c.Events);
            var narrow = Counts(FunnelAccumulator.Compute(c.Definition(), log));
            var wide = Counts(FunnelAccumulator.Compute(c.Definition(c.WindowSeconds + more), log));
            return narrow.Zip(wide).All(pair => pair.First <= pair.Second);
        }).Check(Many);

    [Fact]
    public void Strict_IsWithinOrdered_IsWithinAnyOrder_PerCustomerAndStep() =>
        Prop.ForAll(Cases(exclusions: false), c =>
        {
            var log = Log(c.Events);
            var strict = Depths(FunnelAccumulator.Compute(c.Definition(mode: FunnelMode.Strict), log));
            var ordered = Depths(FunnelAccumulator.Compute(c.Definition(mode: FunnelMode.Ordered), log));
            var any = Depths(FunnelAccumulator.Compute(c.Definition(mode: FunnelMode.AnyOrder), log));
            return strict.All(pair => ordered.GetValueOrDefault(pair.Key) >= pair.Value)
                && ordered.All(pair => any.GetValueOrDefault(pair.Key) >= pair.Value);
        }).Check(Many);

    [Fact]
    public void Result_DoesNotDependOnInputOrder() =>
        Prop.ForAll(Cases(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (c, seed) =>
        {
            // Strict mode follows the log's order, in which ties keep their input order: give it distinct instants.
            var events = c.Mode == FunnelMode.Strict ? [.. c.Events.Select((e, i) => e with { Seconds = (e.Seconds * 100) + i })] : c.Events;
            var shuffled = events.ToArray();
            new Random(seed).Shuffle(shuffled);
            var forward = new FunnelAccumulator(c.Definition());
            forward.Add(Log(events));
            var other = new FunnelAccumulator(c.Definition());
            other.Add(Log(shuffled));
            return forward.GetState().Equals(other.GetState());
        }).Check(Many);

    [Fact]
    public void PartitionsMerged_EqualTheWhole() =>
        Prop.ForAll(Cases(), Gen.Choose(1, 6).ToArbitrary(), (c, partitions) =>
        {
            var log = Log(c.Events);
            var whole = new FunnelAccumulator(c.Definition());
            whole.Add(log);
            var merged = new FunnelAccumulator(c.Definition());
            foreach (var part in log.Partition(partitions))
            {
                var accumulator = new FunnelAccumulator(c.Definition());
                accumulator.Add(part);
                merged.Merge(accumulator);
            }

            return merged.GetState().Equals(whole.GetState()) && merged.ToResult().Equals(whole.ToResult());
        }).Check(Many);

    [Fact]
    public void LargeLog_ScannedOnAllCores_EqualsItsPartitionsScannedOneByOne()
    {
        // 70,000 events: above the parallel threshold, so the whole log is scanned in chunks on both cores; each of its
        // four partitions is below it and scanned on the calling thread.
        var random = new Random(7);
        var events = new FunnelEvent[70_000];
        for (var i = 0; i < events.Length; i++)
        {
            events[i] = new FunnelEvent($"u{random.Next(5_000):D5}", random.Next(3_600), random.Next(4) switch { 0 => "a", 1 => "b", 2 => "c", _ => "x" }, random.Next(2) == 0 ? "web" : "email");
        }

        var log = Log(events);
        var funnel = new FunnelDefinition(
            [FunnelStep.Event("a"), FunnelStep.Event("b"), FunnelStep.Event("c")],
            TimeSpan.FromMinutes(10),
            exclusions: [new FunnelExclusion("x", 1, 2)],
            breakdown: FunnelBreakdown.Channel);
        var merged = new FunnelAccumulator(funnel);
        foreach (var part in log.Partition(4))
        {
            Assert.True(part.Count < CustomerScan.ParallelThreshold);
            var accumulator = new FunnelAccumulator(funnel);
            accumulator.Add(part);
            merged.Merge(accumulator);
        }

        var whole = FunnelAccumulator.Compute(funnel, log);

        Assert.True(log.Count >= CustomerScan.ParallelThreshold);
        Assert.Equal(merged.ToResult(), whole);
        Assert.Equal(5_000, whole.Customers);
        Assert.True(whole.Steps[2].Customers > 0 && whole.ExcludedIds.Count > 0);
    }

    /// <summary>Each customer in the funnel → its depth (1-based: the number of steps reached).</summary>
    internal static Dictionary<string, int> Depths(FunnelResult result)
    {
        var depths = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var segment in result.Segments)
        {
            for (var d = 0; d < segment.CustomersByDepth.Count; d++)
            {
                foreach (var id in segment.CustomersByDepth[d])
                {
                    depths.Add(id, d + 1);
                }
            }
        }

        return depths;
    }

    // Ours is rounded to the nearest tick; the reference's is exact.
    private static bool Close(double? expected, TimeSpan? actual) =>
        expected is null ? actual is null : actual is { } value && Math.Abs(value.Ticks - expected.Value) <= 0.5;

    private static IEnumerable<FunnelCase> Shrink(FunnelCase c)
    {
        for (var i = 0; i < c.Events.Length; i++)
        {
            yield return c with { Events = [.. c.Events[..i], .. c.Events[(i + 1)..]] };
        }

        for (var i = 0; i < c.Exclusions.Length; i++)
        {
            yield return c with { Exclusions = [.. c.Exclusions[..i], .. c.Exclusions[(i + 1)..]] };
        }
    }
}
