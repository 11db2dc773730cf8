using System.Runtime.CompilerServices;

namespace Engagement.Sdk.Statistics;

/// <summary>
/// The bucket counts of one sign of a <see cref="QuantileSketch"/>, by key (the bucket index for positive values, minus
/// the index for negative ones, so that keys ascend with the values): a dense array over a window of keys that grows
/// geometrically in either direction and never spans more than the bucket limit.
/// </summary>
/// <remarks>
/// <para>
/// Collapsing: when a key would make the non-empty keys span more than the limit L, the keys below H − L + 1 (H the
/// highest key) are counted at H − L + 1. So every value ends at max(key, H − L + 1) whatever the order of insertion
/// and however the data was split: merging is exact. The lowest values are the ones collapsed: the smallest positive
/// magnitudes and the largest negative ones.
/// </para>
/// <para>
/// The window never holds more than L keys, so any key inside it can be counted at once without collapsing anything:
/// that is the allocation-free fast path. The array is kept by <see cref="Clear"/>.
/// </para>
/// </remarks>
internal sealed class QuantileSketchStore
{
    private const int InitialCapacity = 64;

    private readonly int _limit;
    private long[] _counts = [];
    private int _start;
    private int _minKey = int.MaxValue;
    private int _maxKey = int.MinValue;

    public QuantileSketchStore(int limit) => _limit = limit;

    public bool IsEmpty => _maxKey < _minKey;

    /// <summary>Gets the lowest non-empty key; meaningless when empty.</summary>
    public int MinKey => _minKey;

    /// <summary>Gets the highest non-empty key; meaningless when empty.</summary>
    public int MaxKey => _maxKey;

    /// <summary>Gets the count at a key inside [<see cref="MinKey"/>, <see cref="MaxKey"/>].</summary>
    public long this[int key] => _counts[key - _start];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(int key)
    {
        var slot = key - _start;
        if ((uint)slot < (uint)_counts.Length)
        {
            _counts[slot]++;
            if (key < _minKey)
            {
                _minKey = key;
            }

            if (key > _maxKey)
            {
                _maxKey = key;
            }
        }
        else
        {
            AddOutside(key, 1);
        }
    }

    /// <summary>Adds a count (1 or more) at a key.</summary>
    public void Add(int key, long count)
    {
        var slot = key - _start;
        if ((uint)slot < (uint)_counts.Length)
        {
            _counts[slot] += count;
            _minKey = Math.Min(_minKey, key);
            _maxKey = Math.Max(_maxKey, key);
        }
        else
        {
            AddOutside(key, count);
        }
    }

    /// <summary>Adds every count of another store with the same limit; the other store may be this one.</summary>
    public void Add(QuantileSketchStore other)
    {
        if (other.IsEmpty)
        {
            return;
        }

        if (ReferenceEquals(other, this))
        {
            for (var key = _minKey; key <= _maxKey; key++)
            {
                _counts[key - _start] *= 2;
            }

            return;
        }

        // The highest key first fixes the collapsing floor, so that the others fold in without moving the window again.
        Add(other._maxKey, other[other._maxKey]);
        for (var key = other._minKey; key < other._maxKey; key++)
        {
            if (other[key] is var count and not 0)
            {
                Add(key, count);
            }
        }
    }

    public void Clear()
    {
        if (!IsEmpty)
        {
            Array.Clear(_counts, _minKey - _start, _maxKey - _minKey + 1);
        }

        _minKey = int.MaxValue;
        _maxKey = int.MinValue;
    }

    /// <summary>Copies the counts from <see cref="MinKey"/> to <see cref="MaxKey"/>; empty when the store is.</summary>
    public long[] ToArray() => IsEmpty ? [] : _counts[(_minKey - _start)..(_maxKey - _start + 1)];

    /// <summary>Sets the counts of keys first, first + 1, … (the first and last non-zero); the store must be empty.</summary>
    public void Set(int first, ReadOnlySpan<long> counts)
    {
        for (var i = counts.Length - 1; i >= 0; i--)
        {
            if (counts[i] != 0)
            {
                Add(first + i, counts[i]);
            }
        }
    }

    private void AddOutside(int key, long count)
    {
        if (IsEmpty)
        {
            if (_counts.Length == 0)
            {
                _counts = new long[Math.Min(InitialCapacity, _limit)];
            }

            _start = key - (_counts.Length / 2);
            _counts[key - _start] = count;
            _minKey = _maxKey = key;
            return;
        }

        var newMin = Math.Min(_minKey, key);
        var newMax = Math.Max(_maxKey, key);
        if ((long)newMax - newMin + 1 > _limit)
        {
            // Collapse: the lowest keys (perhaps the new one) are counted at the floor.
            newMin = newMax - _limit + 1;
            key = Math.Max(key, newMin);
        }

        if (newMin < _start || newMax >= _start + _counts.Length)
        {
            Move(newMin, newMax, growingUp: key == newMax);
        }
        else
        {
            Fold(newMin);
        }

        _counts[key - _start] += count;
        _minKey = newMin;
        _maxKey = newMax;
    }

    /// <summary>Counts the keys from the lowest non-empty one up to below <paramref name="floor"/> at the floor.</summary>
    private void Fold(int floor)
    {
        var folded = 0L;
        for (var key = _minKey; key < floor && key <= _maxKey; key++)
        {
            folded += _counts[key - _start];
            _counts[key - _start] = 0;
        }

        _counts[floor - _start] += folded;
    }

    /// <summary>Places the window over [newMin, newMax] (at most the limit wide), growing the array geometrically and
    /// leaving room in the direction of growth; the keys below newMin fold into it.</summary>
    private void Move(int newMin, int newMax, bool growingUp)
    {
        var needed = newMax - newMin + 1;
        var capacity = _counts.Length >= needed ? _counts.Length : Math.Min(_limit, Math.Max(needed, 2 * _counts.Length));
        var start = growingUp ? newMin : newMax - capacity + 1;

        // Fold what falls below newMin, then copy what stays (an overlapping copy when the array is kept).
        var keepFrom = Math.Max(_minKey, newMin);
        var folded = 0L;
        for (var key = _minKey; key < keepFrom && key <= _maxKey; key++)
        {
            folded += _counts[key - _start];
        }

        var keepLength = Math.Max(0, _maxKey - keepFrom + 1);
        var target = capacity == _counts.Length ? _counts : new long[capacity];
        var to = keepFrom - start;
        if (keepLength > 0)
        {
            Array.Copy(_counts, keepFrom - _start, target, to, keepLength);
        }

        if (ReferenceEquals(target, _counts))
        {
            Array.Clear(target, 0, Math.Clamp(to, 0, capacity));
            var after = Math.Clamp(to + keepLength, 0, capacity);
            Array.Clear(target, after, capacity - after);
        }

        _counts = target;
        _start = start;
        _counts[newMin - _start] += folded;
    }
}
