using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Engagement.Sdk.Journeys;

/// <summary>
/// A distribution of times in ticks: distinct times in increasing order with the number of customers who took each.
/// Immutable; merging two is a linear merge of sorted runs, and a scan builds one by sorting the times it appended, so
/// that no hash table is touched per customer. Read as a dictionary from time to count, in increasing order of time.
/// </summary>
internal sealed class TimeDistribution : IReadOnlyDictionary<long, long>
{
    private readonly long[] _times;
    private readonly long[] _counts;

    private TimeDistribution(long[] times, long[] counts, int length, long total)
    {
        _times = times;
        _counts = counts;
        Count = length;
        Total = total;
    }

    public static TimeDistribution Empty { get; } = new([], [], 0, 0);

    public int Count { get; }

    /// <summary>Gets the number of customers: the sum of the counts.</summary>
    public long Total { get; }

    public IEnumerable<long> Keys => _times.Take(Count);

    public IEnumerable<long> Values => _counts.Take(Count);

    public long this[long key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key.ToString(CultureInfo.InvariantCulture));

    /// <summary>Sorts appended times (the span is reordered) and counts equal ones.</summary>
    public static TimeDistribution FromTimes(Span<long> times)
    {
        if (times.IsEmpty)
        {
            return Empty;
        }

        times.Sort();
        var distinct = 1;
        for (var i = 1; i < times.Length; i++)
        {
            distinct += times[i] != times[i - 1] ? 1 : 0;
        }

        var keys = new long[distinct];
        var counts = new long[distinct];
        var k = -1;
        for (var i = 0; i < times.Length; i++)
        {
            if (k < 0 || keys[k] != times[i])
            {
                keys[++k] = times[i];
            }

            counts[k]++;
        }

        return new TimeDistribution(keys, counts, distinct, times.Length);
    }

    /// <summary>Copies and checks a map read from JSON or given to a public constructor.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A time is negative or a count below 1.</exception>
    /// <exception cref="OverflowException">The counts add up to more than <see cref="long.MaxValue"/>.</exception>
    public static TimeDistribution From(IReadOnlyDictionary<long, long> times, string paramName)
    {
        ArgumentNullException.ThrowIfNull(times, paramName);
        if (times is TimeDistribution distribution)
        {
            return distribution;
        }

        var keys = new long[times.Count];
        var counts = new long[times.Count];
        var i = 0;
        long total = 0;
        foreach (var (ticks, count) in times.OrderBy(pair => pair.Key))
        {
            ArgumentOutOfRangeException.ThrowIfNegative(ticks, paramName);
            if (count < 1)
            {
                throw new ArgumentOutOfRangeException(
                    paramName, count, string.Create(CultureInfo.InvariantCulture, $"A time's count must be 1 or more; time {ticks} has {count}."));
            }

            keys[i] = ticks;
            counts[i++] = count;
            total = checked(total + count);
        }

        return new TimeDistribution(keys, counts, i, total);
    }

    /// <summary>Merges two distributions into a new one.</summary>
    /// <exception cref="OverflowException">A count or the total would exceed <see cref="long.MaxValue"/>.</exception>
    public static TimeDistribution Merge(TimeDistribution a, TimeDistribution b)
    {
        if (b.Count == 0)
        {
            return a;
        }

        if (a.Count == 0)
        {
            return b;
        }

        var keys = new long[a.Count + b.Count];
        var counts = new long[keys.Length];
        int i = 0, j = 0, k = 0;
        while (i < a.Count || j < b.Count)
        {
            if (j == b.Count || (i < a.Count && a._times[i] < b._times[j]))
            {
                keys[k] = a._times[i];
                counts[k++] = a._counts[i++];
            }
            else if (i == a.Count || b._times[j] < a._times[i])
            {
                keys[k] = b._times[j];
                counts[k++] = b._counts[j++];
            }
            else
            {
                keys[k] = a._times[i];
                counts[k++] = checked(a._counts[i++] + b._counts[j++]);
            }
        }

        return new TimeDistribution(keys, counts, k, checked(a.Total + b.Total));
    }

    /// <summary>Gets the time of the customer at a 0-based rank in increasing order of time.</summary>
    public long AtRank(long rank)
    {
        long seen = 0;
        for (var i = 0; i < Count; i++)
        {
            seen += _counts[i];
            if (seen > rank)
            {
                return _times[i];
            }
        }

        throw new ArgumentOutOfRangeException(nameof(rank));
    }

    public bool ContainsKey(long key) => TryGetValue(key, out _);

    public bool TryGetValue(long key, [MaybeNullWhen(false)] out long value)
    {
        var index = Array.BinarySearch(_times, 0, Count, key);
        value = index >= 0 ? _counts[index] : 0;
        return index >= 0;
    }

    public IEnumerator<KeyValuePair<long, long>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return KeyValuePair.Create(_times[i], _counts[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
