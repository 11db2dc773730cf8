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
    private readonly List<int> _offsets = [0];
    private readonly List<int> _steps = [];
    private readonly List<double>? _ages;
    private readonly List<double> _conversions = [];
    private readonly List<double> _values = [];
    private readonly List<double> _nulls = [];
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
            _costs[channel] += cost;
            _anyCost = true;
        }
    }

    /// <summary>Adds a path (steps as interned numbers), merging it into an equal one.</summary>
    public void Add(ReadOnlySpan<int> steps, ReadOnlySpan<double> ages, double conversions, double value, double nulls)
    {
        // Append the path as a tentative row; if an equal row exists, fold it in and take the tentative one back.
        var row = _conversions.Count;
        var start = _steps.Count;
        _steps.AddRange(steps);
        _ages?.AddRange(ages);
        _offsets.Add(checked(start + steps.Length));
        if (_rows.TryGetValue(row, out var existing))
        {
            _conversions[existing] += conversions;
            _values[existing] += value;
            _nulls[existing] += nulls;
            _steps.RemoveRange(start, steps.Length);
            _ages?.RemoveRange(start, steps.Length);
            _offsets.RemoveAt(_offsets.Count - 1);
            return;
        }

        _conversions.Add(conversions);
        _values.Add(value);
        _nulls.Add(nulls);
        _rows.Add(row, row);
    }

    /// <summary>Returns the paths in canonical order, with the extra costs added.</summary>
    public ConversionPaths ToPaths(IReadOnlyDictionary<string, double>? extraCosts, string costsParamName)
    {
        if (extraCosts is not null)
        {
            foreach (var (name, cost) in extraCosts)
            {
                var channel = Intern(Validation.Name(name, costsParamName, "channel name"));
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
        var rows = _conversions.Count;
        var order = new int[rows];
        for (var i = 0; i < rows; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, Compare);
        var offsets = new int[rows + 1];
        var stepColumn = new int[_steps.Count];
        var ageColumn = _ages is null ? null : new double[_ages.Count];
        var conversions = new double[rows];
        var values = new double[rows];
        var nulls = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            var row = order[i];
            var (start, length) = (_offsets[row], _offsets[row + 1] - _offsets[row]);
            _steps.CopyTo(start, stepColumn, offsets[i], length);
            _ages?.CopyTo(start, ageColumn!, offsets[i], length);
            offsets[i + 1] = offsets[i] + length;
            conversions[i] = _conversions[row];
            values[i] = _values[row];
            nulls[i] = _nulls[row];
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

    private int Compare(int x, int y)
    {
        var order = StepsOf(x).SequenceCompareTo(StepsOf(y));
        return order != 0 ? order : AgesOf(x).SequenceCompareTo(AgesOf(y));
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
