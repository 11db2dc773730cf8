namespace Engagement.Sdk.Journeys;

/// <summary>
/// The mutable counterpart of a <see cref="FunnelSegment"/>: the scan appends customers in ordinal order of their ids,
/// and merging keeps every list in that order, so that merged tallies equal the tally of the whole whatever the order
/// of the merges.
/// </summary>
internal sealed class FunnelTally
{
    // Times appended by a scan, per step, turned into distributions by Seal: appending touches no hash table.
    private long[][]? _pending;
    private int[]? _pendingCount;

    public FunnelTally(int steps)
    {
        ByDepth = new List<string>[steps];
        for (var d = 0; d < steps; d++)
        {
            ByDepth[d] = [];
        }

        Times = new TimeDistribution[Math.Max(steps - 1, 0)];
        Array.Fill(Times, TimeDistribution.Empty);
    }

    /// <summary>Entry <c>d</c>: the customers whose deepest step is <c>d</c> (0-based).</summary>
    public List<string>[] ByDepth { get; }

    /// <summary>The customers the exclusions removed.</summary>
    public List<string> Excluded { get; } = [];

    /// <summary>Entry <c>k</c>: ticks from step <c>k</c> to step <c>k + 1</c> → customers.</summary>
    public TimeDistribution[] Times { get; }

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
            tally.Times[k] = TimeDistribution.From(segment.TimeToConvert[k], nameof(segment));
        }

        return tally;
    }

    /// <summary>Records the time from step <paramref name="step"/> to the next of a customer, until <see cref="Seal"/>.</summary>
    public void AddTime(int step, long ticks)
    {
        _pending ??= new long[Times.Length][];
        _pendingCount ??= new int[Times.Length];
        var buffer = _pending[step] ??= new long[64];
        if (_pendingCount[step] == buffer.Length)
        {
            Array.Resize(ref _pending[step], buffer.Length * 2);
            buffer = _pending[step];
        }

        buffer[_pendingCount[step]++] = ticks;
    }

    /// <summary>Turns the times appended since the last call into the distributions.</summary>
    public void Seal()
    {
        if (_pending is null)
        {
            return;
        }

        for (var k = 0; k < Times.Length; k++)
        {
            if (_pendingCount![k] > 0)
            {
                Times[k] = TimeDistribution.Merge(Times[k], TimeDistribution.FromTimes(_pending[k].AsSpan(0, _pendingCount[k])));
            }
        }

        _pending = null;
        _pendingCount = null;
    }

    /// <summary>The distributions merged with those of <paramref name="other"/>, computed without changing either, so
    /// that a merge can fail (<see cref="OverflowException"/>) before anything changes.</summary>
    public TimeDistribution[] MergedTimes(FunnelTally other)
    {
        var merged = new TimeDistribution[Times.Length];
        for (var k = 0; k < merged.Length; k++)
        {
            merged[k] = TimeDistribution.Merge(Times[k], other.Times[k]);
        }

        return merged;
    }

    /// <summary>Adds the customers of <paramref name="other"/> (which may be this tally) and takes the merged times.</summary>
    public void MergeFrom(FunnelTally other, TimeDistribution[] mergedTimes)
    {
        for (var d = 0; d < ByDepth.Length; d++)
        {
            MergeSorted(ByDepth[d], other.ByDepth[d]);
        }

        MergeSorted(Excluded, other.Excluded);
        mergedTimes.CopyTo(Times, 0);
    }

    public FunnelSegment ToSegment(string? value)
    {
        var byDepth = new IReadOnlyList<string>[ByDepth.Length];
        for (var d = 0; d < byDepth.Length; d++)
        {
            byDepth[d] = ByDepth[d].ToArray().AsReadOnly();
        }

        return new FunnelSegment(value, byDepth, Excluded.ToArray().AsReadOnly(), (TimeDistribution[])Times.Clone());
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
