using MathNet.Numerics.LinearAlgebra;

namespace Engagement.Sdk.Benchmarks.Attribution;

/// <summary>
/// The baseline Markov removal effects as commonly written: each path's states named as strings, transitions counted
/// path by path in a <see cref="Dictionary{TKey, TValue}"/>, then a dense transition matrix over every state (conversion
/// and null included) and, per removal, a dense LU solve of the absorption probabilities.
/// </summary>
public static class NaiveMarkov
{
    private const string Start = "(start)";
    private const string Conversion = "(conversion)";
    private const string Null = "(null)";

    /// <summary>Computes P(conversion) and every channel's removal effect.</summary>
    /// <param name="paths">The paths: channels, conversions, nulls.</param>
    /// <param name="order">The order of the chain.</param>
    /// <returns>P(conversion) and the removal effects by channel.</returns>
    public static (double Probability, Dictionary<string, double> Effects) RemovalEffects(
        IReadOnlyList<(string[] Channels, double Conversions, double Nulls)> paths, int order)
    {
        var counts = new Dictionary<(string From, string To), double>();
        var tuples = new Dictionary<string, string[]> { [Start] = [] };
        foreach (var (raw, conversions, nulls) in paths)
        {
            var channels = raw.Where((c, i) => i == 0 || raw[i - 1] != c).ToArray();
            var weight = conversions + nulls;
            var previous = Start;
            for (var i = 0; i < channels.Length; i++)
            {
                var tuple = channels[Math.Max(0, i - order + 1)..(i + 1)];
                var state = string.Join(" > ", tuple);
                tuples.TryAdd(state, tuple);
                counts[(previous, state)] = counts.GetValueOrDefault((previous, state)) + weight;
                previous = state;
            }

            counts[(previous, Conversion)] = counts.GetValueOrDefault((previous, Conversion)) + conversions;
            counts[(previous, Null)] = counts.GetValueOrDefault((previous, Null)) + nulls;
        }

        var probability = Absorb(counts, tuples, removed: null);
        var effects = new Dictionary<string, double>();
        foreach (var channel in paths.SelectMany(p => p.Channels).Distinct().Order(StringComparer.Ordinal))
        {
            effects[channel] = 1 - (Absorb(counts, tuples, channel) / probability);
        }

        return (probability, effects);
    }

    private static double Absorb(Dictionary<(string From, string To), double> counts, Dictionary<string, string[]> tuples, string? removed)
    {
        var names = tuples.Keys.Append(Conversion).Append(Null).ToList();
        var index = names.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i);
        var outCounts = counts.GroupBy(c => c.Key.From).ToDictionary(g => g.Key, g => g.Sum(c => c.Value));
        var n = names.Count;

        // (I − P) x = 0 with x(conversion) = 1 and x(null) = 0 as the absorbing rows.
        var a = Matrix<double>.Build.DenseIdentity(n);
        var b = Vector<double>.Build.Dense(n);
        b[index[Conversion]] = 1;
        foreach (var ((from, to), count) in counts)
        {
            var target = removed is not null && tuples[to == Conversion || to == Null ? Start : to].Contains(removed) ? Null : to;
            if (count > 0)
            {
                a[index[from], index[target]] -= count / outCounts[from];
            }
        }

        return a.LU().Solve(b)[index[Start]];
    }
}
