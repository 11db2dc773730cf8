using System.Runtime.InteropServices;

namespace Engagement.Sdk.Attribution;

/// <summary>
/// Collects paths into <see cref="ConversionPaths"/>: interns channel names, merges equal paths (equal channels, and
/// equal ages when there are ages), sums costs, and puts channels in ordinal and paths in canonical order.
/// </summary>
internal sealed class PathTable
{
    private readonly Dictionary<string, int> _channelIds = new(StringComparer.Ordinal);
    private readonly List<string> _channels = [];
    private readonly List<double> _costs = [];
    private readonly List<(int Channel, double Cost)> _touchCosts = [];
    private readonly List<int> _offsets = [0];
    private readonly List<int> _steps = [];
    private readonly List<double>? _ages;
    private readonly List<Contribution> _contributions = [];
    private readonly Dictionary<int, int> _rows;
    private bool _anyCost;

    public PathTable(bool withAges)
    {
        _ages = withAges ? [] : null;
        _rows = new Dictionary<int, int>(new RowComparer(this));
    }

    /// <summary>Gets the number of an interned channel, adding it if new.</summary>
    public int Intern(string channel)
    {
        ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(_channelIds, channel, out var exists);
        if (!exists)
        {
            id = _channels.Count;
            _channels.Add(channel);
            _costs.Add(0);
        }

        return id;
    }

    /// <summary>Adds a cost to an interned channel.</summary>
    public void AddCost(int channel, double cost)
    {
        if (cost > 0)
        {
            // Summed in ToPaths, in a canonical order, so that the costs do not depend on the order of the input.
            _touchCosts.Add((channel, cost));
            _anyCost = true;
        }
    }

    /// <summary>Adds a path (steps as interned numbers), merging it into an equal one.</summary>
    public void Add(ReadOnlySpan<int> steps, ReadOnlySpan<double> ages, double conversions, double value, double nulls)
    {
        // Append the path as a tentative row; if an equal row exists, count there and take the tentative one back.
        var row = _offsets.Count - 1;
        var start = _steps.Count;
        _steps.AddRange(steps);
        _ages?.AddRange(ages);
        _offsets.Add(checked(start + steps.Length));
        if (_rows.TryGetValue(row, out var existing))
        {
            _steps.RemoveRange(start, steps.Length);
            _ages?.RemoveRange(start, steps.Length);
            _offsets.RemoveAt(_offsets.Count - 1);
            row = existing;
        }
        else
        {
            _rows.Add(row, row);
        }

        _contributions.Add(new Contribution(row, conversions, value, nulls));
    }

    /// <summary>Returns the paths in canonical order, with the extra costs added.</summary>
    public ConversionPaths ToPaths(IReadOnlyDictionary<string, double>? extraCosts, string costsParamName)
    {
        var touchCosts = CollectionsMarshal.AsSpan(_touchCosts);
        touchCosts.Sort();
        foreach (var (channel, cost) in touchCosts)
        {
            _costs[channel] += cost;
        }

        if (extraCosts is not null)
        {
            foreach (var (name, cost) in extraCosts)
            {
                var channel = Intern(AttributionChecks.ChannelName(name, costsParamName));
                _costs[channel] += AttributionChecks.Amount(cost, costsParamName);
            }
        }

        // Channels in ordinal order: old number → new number.
        var names = _channels.ToArray();
        var byName = new int[names.Length];
        for (var i = 0; i < byName.Length; i++)
        {
            byName[i] = i;
        }

        Array.Sort(names, byName, StringComparer.Ordinal);
        var renumber = new int[names.Length];
        for (var i = 0; i < byName.Length; i++)
        {
            renumber[byName[i]] = i;
        }

        var steps = CollectionsMarshal.AsSpan(_steps);
        foreach (ref var step in steps)
        {
            step = renumber[step];
        }

        // Paths in canonical order: by steps, then ages, compared element by element.
        var rows = _offsets.Count - 1;
        var order = new int[rows];
        for (var i = 0; i < rows; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, Compare);
        var offsets = new int[rows + 1];
        var stepColumn = new int[_steps.Count];
        var ageColumn = _ages is null ? null : new double[_ages.Count];
        var place = new int[rows];
        for (var i = 0; i < rows; i++)
        {
            var row = order[i];
            place[row] = i;
            var (start, length) = (_offsets[row], _offsets[row + 1] - _offsets[row]);
            _steps.CopyTo(start, stepColumn, offsets[i], length);
            _ages?.CopyTo(start, ageColumn!, offsets[i], length);
            offsets[i + 1] = offsets[i] + length;
        }

        // Floating-point sums depend on their order: add each path's journeys in a canonical order too.
        var contributions = CollectionsMarshal.AsSpan(_contributions);
        contributions.Sort();
        var conversions = new double[rows];
        var values = new double[rows];
        var nulls = new double[rows];
        foreach (ref readonly var c in contributions)
        {
            var i = place[c.Row];
            conversions[i] += c.Conversions;
            values[i] += c.Value;
            nulls[i] += c.Nulls;
        }

        double[]? costs = null;
        if (_anyCost || extraCosts is not null)
        {
            costs = new double[names.Length];
            for (var i = 0; i < costs.Length; i++)
            {
                costs[i] = _costs[byName[i]];
            }
        }

        return ConversionPaths.FromColumns(names, new ConversionPaths.PathColumns(offsets, stepColumn, ageColumn, conversions, values, nulls), costs);
    }

    private ReadOnlySpan<int> StepsOf(int row) => CollectionsMarshal.AsSpan(_steps)[_offsets[row].._offsets[row + 1]];

    private ReadOnlySpan<double> AgesOf(int row) =>
        _ages is null ? default : CollectionsMarshal.AsSpan(_ages)[_offsets[row].._offsets[row + 1]];

    /// <summary>The canonical order of paths: by steps, then ages, compared element by element.</summary>
    internal static int Compare(ReadOnlySpan<int> xSteps, ReadOnlySpan<double> xAges, ReadOnlySpan<int> ySteps, ReadOnlySpan<double> yAges)
    {
        var order = xSteps.SequenceCompareTo(ySteps);
        return order != 0 ? order : xAges.SequenceCompareTo(yAges);
    }

    private int Compare(int x, int y) => Compare(StepsOf(x), AgesOf(x), StepsOf(y), AgesOf(y));

    /// <summary>One journey's (or aggregated line's) counts for a row, ordered by row and then by the counts.</summary>
    private readonly record struct Contribution(int Row, double Conversions, double Value, double Nulls) : IComparable<Contribution>
    {
        public int CompareTo(Contribution other)
        {
            var order = Row.CompareTo(other.Row);
            order = order != 0 ? order : Value.CompareTo(other.Value);
            order = order != 0 ? order : Conversions.CompareTo(other.Conversions);
            return order != 0 ? order : Nulls.CompareTo(other.Nulls);
        }
    }

    /// <summary>Compares rows by content: equal steps and (bitwise) equal ages.</summary>
    private sealed class RowComparer(PathTable table) : IEqualityComparer<int>
    {
        public bool Equals(int x, int y) =>
            table.StepsOf(x).SequenceEqual(table.StepsOf(y)) && table.AgesOf(x).SequenceEqual(table.AgesOf(y));

        public int GetHashCode(int row)
        {
            var hash = default(HashCode);
            hash.AddBytes(MemoryMarshal.AsBytes(table.StepsOf(row)));
            hash.AddBytes(MemoryMarshal.AsBytes(table.AgesOf(row)));
            return hash.ToHashCode();
        }
    }
}
