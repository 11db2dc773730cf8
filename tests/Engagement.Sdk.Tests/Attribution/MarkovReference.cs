namespace Engagement.Sdk.Tests.Attribution;

/// <summary>
/// An independent Markov removal-effect computation for the properties: transitions counted per path into a
/// <see cref="Dictionary{TKey, TValue}"/> keyed by state names, a dense transition matrix with absorbing conversion and
/// null states, and P(conversion) as the mass in conversion after multiplying the start distribution by the matrix
/// until no mass is left in transient states (a power iteration, nothing shared with the library's solve).
/// </summary>
internal static class MarkovReference
{
    private const string Start = "(start)";
    private const string Conversion = "(conversion)";
    private const string Null = "(null)";

    public static (double Probability, Dictionary<string, double> Effects) Solve(
        IReadOnlyList<(string[] Channels, double Conversions, double Nulls)> paths, int order, bool collapseRepeats)
    {
        var counts = new Dictionary<(string From, string To), double>();
        var tuples = new Dictionary<string, string[]> { [Start] = [] };
        foreach (var (raw, conversions, nulls) in paths)
        {
            var weight = conversions + nulls;
            if (weight == 0)
            {
                continue;
            }

            var channels = collapseRepeats ? raw.Where((c, i) => i == 0 || raw[i - 1] != c).ToArray() : raw;
            var previous = Start;
            for (var i = 0; i < channels.Length; i++)
            {
                var tuple = channels[Math.Max(0, i - order + 1)..(i + 1)];
                var state = "s:" + string.Join("|", tuple);
                tuples[state] = tuple;
                Add((previous, state), weight);
                previous = state;
            }

            Add((previous, Conversion), conversions);
            Add((previous, Null), nulls);
        }

        var probability = Absorb(counts, tuples, removed: null);
        var effects = new Dictionary<string, double>();
        foreach (var channel in paths.SelectMany(p => p.Channels).Distinct())
        {
            effects[channel] = probability > 0 ? 1 - (Absorb(counts, tuples, channel) / probability) : double.NaN;
        }

        return (probability, effects);

        void Add((string, string) key, double count)
        {
            if (count > 0)
            {
                counts[key] = counts.GetValueOrDefault(key) + count;
            }
        }
    }

    private static double Absorb(Dictionary<(string From, string To), double> counts, Dictionary<string, string[]> tuples, string? removed)
    {
        var names = tuples.Keys.Append(Conversion).Append(Null).ToList();
        var index = names.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i);
        var n = names.Count;
        var matrix = new double[n, n];
        var outCounts = counts.GroupBy(c => c.Key.From).ToDictionary(g => g.Key, g => g.Sum(c => c.Value));
        foreach (var ((from, to), count) in counts)
        {
            var target = removed is not null && tuples.TryGetValue(to, out var tuple) && tuple.Contains(removed) ? Null : to;
            matrix[index[from], index[target]] += count / outCounts[from];
        }

        matrix[index[Conversion], index[Conversion]] = 1;
        matrix[index[Null], index[Null]] = 1;
        var mass = new double[n];
        mass[index[Start]] = 1;
        for (var step = 0; step < 1_000_000; step++)
        {
            var next = new double[n];
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    next[j] += mass[i] * matrix[i, j];
                }
            }

            mass = next;
            if (1 - mass[index[Conversion]] - mass[index[Null]] < 1e-15)
            {
                break;
            }
        }

        return mass[index[Conversion]];
    }
}
