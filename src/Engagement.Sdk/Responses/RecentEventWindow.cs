using System.Collections;

namespace Engagement.Sdk.Responses;

/// <summary>A customer's latest events, oldest first, in a ring of fixed capacity.</summary>
internal sealed class RecentEventWindow(int capacity) : IReadOnlyList<RecentEvent>
{
    private readonly RecentEvent[] _ring = new RecentEvent[capacity];
    private int _start;

    public int Count { get; private set; }

    public RecentEvent this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            return _ring[(_start + index) % _ring.Length];
        }
    }

    public void Add(RecentEvent recent)
    {
        if (Count < _ring.Length)
        {
            _ring[(_start + Count) % _ring.Length] = recent;
            Count++;
        }
        else
        {
            _ring[_start] = recent;
            _start = (_start + 1) % _ring.Length;
        }
    }

    public IEnumerator<RecentEvent> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
