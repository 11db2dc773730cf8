namespace Engagement.Sdk.Journeys;

/// <summary>
/// The mutable data of a funnel accumulator, or of one chunk of a scan: the customers scanned and one
/// <see cref="FunnelTally"/> per breakdown value (customers without a value, and funnels without a breakdown, use the
/// tally of no value).
/// </summary>
internal sealed class FunnelTotals(int steps)
{
    private readonly SortedDictionary<string, FunnelTally> _byValue = new(StringComparer.Ordinal);
    private FunnelTally? _none;

    /// <summary>Every customer scanned, whether or not it entered the funnel.</summary>
    public long Customers { get; set; }

    public static FunnelTotals From(FunnelState state)
    {
        var totals = new FunnelTotals(state.Funnel.Steps.Count) { Customers = state.Customers };
        foreach (var segment in state.Segments)
        {
            var tally = FunnelTally.From(segment);
            if (segment.Value is null)
            {
                totals._none = tally;
            }
            else
            {
                totals._byValue.Add(segment.Value, tally);
            }
        }

        return totals;
    }

    public FunnelTally Get(string? value)
    {
        if (value is null)
        {
            return _none ??= new FunnelTally(steps);
        }

        if (!_byValue.TryGetValue(value, out var tally))
        {
            tally = new FunnelTally(steps);
            _byValue.Add(value, tally);
        }

        return tally;
    }

    /// <summary>Adds the totals of a scan, which nothing else holds: taken over whole when these are empty.</summary>
    /// <exception cref="OverflowException">A count would overflow; nothing is changed.</exception>
    public void Absorb(FunnelTotals scanned)
    {
        if (Customers == 0 && _none is null && _byValue.Count == 0)
        {
            _none = scanned._none;
            foreach (var (value, tally) in scanned._byValue)
            {
                _byValue.Add(value, tally);
            }

            Customers = scanned.Customers;
            return;
        }

        Merge(scanned);
    }

    /// <summary>Adds <paramref name="other"/> (which may be this one): all or nothing, checked.</summary>
    /// <exception cref="OverflowException">A count would overflow; nothing is changed.</exception>
    public void Merge(FunnelTotals other)
    {
        var customers = checked(Customers + other.Customers);
        var pairs = other.Tallies().ToArray();
        var merged = new TimeDistribution[pairs.Length][];
        for (var i = 0; i < pairs.Length; i++)
        {
            merged[i] = (Find(pairs[i].Value) ?? new FunnelTally(steps)).MergedTimes(pairs[i].Tally);
        }

        for (var i = 0; i < pairs.Length; i++)
        {
            Get(pairs[i].Value).MergeFrom(pairs[i].Tally, merged[i]);
        }

        Customers = customers;
    }

    /// <summary>Turns the times a scan appended into distributions.</summary>
    public void Seal()
    {
        foreach (var (_, tally) in Tallies())
        {
            tally.Seal();
        }
    }

    /// <summary>The segments, customers without a value first, then by value in ordinal order.</summary>
    public FunnelSegment[] ToSegments() => [.. Tallies().Select(pair => pair.Tally.ToSegment(pair.Value))];

    private FunnelTally? Find(string? value) => value is null ? _none : _byValue.GetValueOrDefault(value);

    private IEnumerable<(string? Value, FunnelTally Tally)> Tallies()
    {
        if (_none is not null)
        {
            yield return (null, _none);
        }

        foreach (var (value, tally) in _byValue)
        {
            yield return (value, tally);
        }
    }
}
