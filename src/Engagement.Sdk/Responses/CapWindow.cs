namespace Engagement.Sdk.Responses;

/// <summary>
/// The due times (UTC ticks, ascending) of one customer's planned responses in one cap group, kept only as long as they
/// can share a rolling period with a response still to come.
/// </summary>
internal sealed class CapWindow
{
    private long[] _dues = new long[4];
    private int _count;

    /// <summary>
    /// Admits a response due at <paramref name="due"/> if no half-open window of <paramref name="period"/> ticks would
    /// then hold more than <paramref name="maxCount"/> responses, and records it; otherwise records nothing.
    /// </summary>
    /// <param name="due">The new response's due time; at or after <paramref name="now"/>.</param>
    /// <param name="now">The trigger time: no later response is due before it, so older dues a period away are dropped.</param>
    /// <param name="period">The cap's period in ticks.</param>
    /// <param name="maxCount">The cap's count.</param>
    /// <returns>Whether the response was admitted.</returns>
    public bool TryAdmit(long due, long now, long period, int maxCount)
    {
        Prune(now - period);
        var insert = _count;
        while (insert > 0 && _dues[insert - 1] > due)
        {
            insert--;
        }

        // With the new due at index `insert` of n + 1 entries, every run of maxCount + 1 consecutive entries that holds
        // it must span at least a period: two responses less than a period apart share a window.
        var total = _count + 1;
        var first = Math.Max(0, insert - maxCount);
        var last = Math.Min(insert, total - (maxCount + 1));
        for (var j = first; j <= last; j++)
        {
            if (At(j + maxCount, insert, due) - At(j, insert, due) < period)
            {
                return false;
            }
        }

        if (_count == _dues.Length)
        {
            Array.Resize(ref _dues, _dues.Length * 2);
        }

        Array.Copy(_dues, insert, _dues, insert + 1, _count - insert);
        _dues[insert] = due;
        _count++;
        return true;
    }

    private long At(int index, int insert, long due) => index < insert ? _dues[index] : index == insert ? due : _dues[index - 1];

    private void Prune(long boundary)
    {
        var drop = 0;
        while (drop < _count && _dues[drop] <= boundary)
        {
            drop++;
        }

        if (drop > 0)
        {
            Array.Copy(_dues, drop, _dues, 0, _count - drop);
            _count -= drop;
        }
    }
}
