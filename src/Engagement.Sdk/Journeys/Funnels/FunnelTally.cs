using System.Runtime.InteropServices;

namespace Engagement.Sdk.Journeys;

/// <summary>
/// The mutable counterpart of a <see cref="FunnelSegment"/>: the scan appends customers in ordinal order of their ids,
/// and merging keeps every list in that order, so that merged tallies equal the tally of the whole whatever the order
/// of the merges.
/// </summary>
internal sealed class FunnelTally
{
    public FunnelTally(int steps)
    {
        ByDepth = new List<string>[steps];
        for (var d = 0; d < steps; d++)
        {
            ByDepth[d] = [];
        }

        Times = new Dictionary<long, long>[Math.Max(steps - 1, 0)];
        for (var k = 0; k < Times.Length; k++)
        {
            Times[k] = [];
        }
    }

    /// <summary>Entry <c>d</c>: the customers whose deepest step is <c>d</c> (0-based).</summary>
    public List<string>[] ByDepth { get; }

    /// <summary>The customers the exclusions removed.</summary>
    public List<string> Excluded { get; } = [];

    /// <summary>Entry <c>k</c>: ticks from step <c>k</c> to step <c>k + 1</c> → customers.</summary>
    public Dictionary<long, long>[] Times { get; }

    public static FunnelTally From(FunnelSegment segment)
    {
        var tally = new FunnelTally(segment.CustomersByDepth.Count);
        for (var d = 0; d < tally.ByDepth.Length; d++)
        {
            tally.ByDepth[d].AddRange(segment.CustomersByDepth[d]);
        }

        tally.Excluded.AddRange(segment.Excluded);
        for (var k = 0; k < tally.Times.Length; k++)
        {
            foreach (var (ticks, count) in segment.TimeToConvert[k])
            {
                tally.Times[k].Add(ticks, count);
            }
        }

        return tally;
    }

    /// <summary>Records the time from one step to the next of a customer.</summary>
    public void AddTime(int step, long ticks) => CollectionsMarshal.GetValueRefOrAddDefault(Times[step], ticks, out _)++;

    /// <summary>Throws <see cref="OverflowException"/> when merging <paramref name="other"/> would overflow a count;
    /// checked before anything changes, so that a merge is all-or-nothing.</summary>
    public void CheckMerge(FunnelTally other)
    {
        for (var k = 0; k < Times.Length; k++)
        {
            foreach (var (ticks, count) in other.Times[k])
            {
                _ = checked(Times[k].GetValueOrDefault(ticks) + count);
            }
        }
    }

    /// <summary>Adds the customers and times of <paramref name="other"/>, which may be this tally.</summary>
    public void MergeFrom(FunnelTally other)
    {
        for (var d = 0; d < ByDepth.Length; d++)
        {
            MergeSorted(ByDepth[d], other.ByDepth[d]);
        }

        MergeSorted(Excluded, other.Excluded);
        for (var k = 0; k < Times.Length; k++)
        {
            // A snapshot, so that merging a tally with itself reads the counts as they were.
            foreach (var (ticks, count) in other.Times[k].ToArray())
            {
                CollectionsMarshal.GetValueRefOrAddDefault(Times[k], ticks, out _) += count;
            }
        }
    }

    public FunnelSegment ToSegment(string? value)
    {
        var byDepth = new IReadOnlyList<string>[ByDepth.Length];
        for (var d = 0; d < byDepth.Length; d++)
        {
            byDepth[d] = ByDepth[d].ToArray().AsReadOnly();
        }

        var times = new IReadOnlyDictionary<long, long>[Times.Length];
        for (var k = 0; k < times.Length; k++)
        {
            var sorted = new Dictionary<long, long>(Times[k].Count);
            foreach (var (ticks, count) in Times[k].OrderBy(pair => pair.Key))
            {
                sorted.Add(ticks, count);
            }

            times[k] = sorted.AsReadOnly();
        }

        return new FunnelSegment(value, byDepth, Excluded.ToArray().AsReadOnly(), times);
    }

    /// <summary>Merges two lists sorted ordinally into the first; appends when the second starts after the first ends,
    /// which is always so for the chunks of one log, scanned in customer order.</summary>
    internal static void MergeSorted(List<string> into, List<string> other)
    {
        if (other.Count == 0)
        {
            return;
        }

        if (into.Count == 0 || string.CompareOrdinal(into[^1], other[0]) <= 0)
        {
            into.AddRange(ReferenceEquals(into, other) ? other.ToArray() : other);
            return;
        }

        var merged = new string[into.Count + other.Count];
        int i = 0, j = 0, k = 0;
        while (i < into.Count && j < other.Count)
        {
            merged[k++] = string.CompareOrdinal(into[i], other[j]) <= 0 ? into[i++] : other[j++];
        }

        while (i < into.Count)
        {
            merged[k++] = into[i++];
        }

        while (j < other.Count)
        {
            merged[k++] = other[j++];
        }

        into.Clear();
        into.AddRange(merged);
    }
}
