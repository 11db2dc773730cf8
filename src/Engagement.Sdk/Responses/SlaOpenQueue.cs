namespace Engagement.Sdk.Responses;

/// <summary>
/// The K most urgent open targets seen: a binary max-heap of at most <see cref="Limit"/> items whose root is the least
/// urgent kept, so an item is kept by replacing the root. As the order is total, the items kept are exactly the K
/// smallest of everything offered, whatever the order of offers; so two queues merge to the K smallest of their union.
/// </summary>
internal sealed class SlaOpenQueue
{
    private SlaQueueItem[] _heap = [];

    public SlaOpenQueue(int limit) => Limit = limit;

    public int Limit { get; }

    public int Count { get; private set; }

    /// <summary>Whether an item that orders as (due time, inquiry id, metric) might be kept; lets the caller skip
    /// building one that would not.</summary>
    public bool MightKeep(DateTimeOffset dueAt, string inquiryId, SlaMetric metric)
    {
        if (Count < Limit)
        {
            return true;
        }

        if (Limit == 0)
        {
            return false;
        }

        ref readonly var root = ref _heap[0];
        var c = dueAt.UtcDateTime.CompareTo(root.DueAt.UtcDateTime);
        if (c == 0)
        {
            c = string.CompareOrdinal(inquiryId, root.InquiryId);
        }

        if (c == 0)
        {
            c = metric.CompareTo(root.Metric);
        }

        return c <= 0;
    }

    public void Offer(in SlaQueueItem item)
    {
        if (Count < Limit)
        {
            if (Count == _heap.Length)
            {
                Array.Resize(ref _heap, Math.Min(Limit, Math.Max(16, Count * 2)));
            }

            _heap[Count] = item;
            SiftUp(Count++);
        }
        else if (Limit > 0 && item.CompareTo(_heap[0]) < 0)
        {
            _heap[0] = item;
            SiftDown(0);
        }
    }

    /// <summary>Offers every item of another queue (which may be this one).</summary>
    public void OfferAll(SlaOpenQueue other)
    {
        var items = other._heap.AsSpan(0, other.Count).ToArray();
        foreach (var item in items)
        {
            Offer(item);
        }
    }

    /// <summary>The items kept, most urgent first.</summary>
    public SlaQueueItem[] Sorted()
    {
        var items = _heap.AsSpan(0, Count).ToArray();
        Array.Sort(items);
        return items;
    }

    private void SiftUp(int i)
    {
        var item = _heap[i];
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (_heap[parent].CompareTo(item) >= 0)
            {
                break;
            }

            _heap[i] = _heap[parent];
            i = parent;
        }

        _heap[i] = item;
    }

    private void SiftDown(int i)
    {
        var item = _heap[i];
        while (true)
        {
            var child = (2 * i) + 1;
            if (child >= Count)
            {
                break;
            }

            if (child + 1 < Count && _heap[child + 1].CompareTo(_heap[child]) > 0)
            {
                child++;
            }

            if (_heap[child].CompareTo(item) <= 0)
            {
                break;
            }

            _heap[i] = _heap[child];
            i = child;
        }

        _heap[i] = item;
    }
}
