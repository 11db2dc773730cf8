using MathNet.Numerics.LinearAlgebra;

namespace Engagement.Sdk.Attribution;

/// <summary>
/// Solves the absorbing chain of a <see cref="MarkovChain"/> exactly for the probability of reaching conversion from the
/// start, optionally with a channel removed (every transition into a state holding it goes to null).
/// </summary>
/// <remarks>
/// With Q the transitions between the kept transient states and b each state's probability of converting next, the
/// probabilities x of ever converting solve (I − Q) x = b (Kemeny &amp; Snell, Finite Markov Chains, §3.3). Up to
/// <see cref="DenseLimit"/> kept states the system is solved by dense LU with partial pivoting (MathNet); above it by
/// eliminating the states one by one in the stochastic form (Grassmann, Taksar &amp; Heyman 1985): eliminating s
/// sends each predecessor's flow into s on along s's other exits, divided by s's exit probability summed from its exits
/// rather than computed as 1 − loop, so nothing cancels. Both are direct (no iteration, no sampling) and, for one
/// input, give the same bits every time.
/// </remarks>
internal static class AbsorbingChain
{
    /// <summary>The most kept states solved by dense LU.</summary>
    public const int DenseLimit = 1500;

    /// <summary>Returns the probability of conversion from the start.</summary>
    /// <param name="chain">The chain.</param>
    /// <param name="removed">The channel removed, or −1 for none.</param>
    /// <param name="denseLimit">The most kept states solved by dense LU.</param>
    public static double ConversionProbability(MarkovChain chain, int removed, int denseLimit = DenseLimit)
    {
        var outCounts = chain.Out;
        if (outCounts[MarkovChain.Start] == 0)
        {
            return 0;
        }

        // Number the kept states: the start is always kept (it holds no channel).
        var index = new int[chain.StateCount];
        var kept = 0;
        for (var s = 0; s < index.Length; s++)
        {
            index[s] = removed >= 0 && chain.Contains(s, removed) ? -1 : kept++;
        }

        return kept <= denseLimit ? Dense(chain, index, kept) : Eliminate(chain, index, kept);
    }

    private static double Dense(MarkovChain chain, int[] index, int kept)
    {
        var outCounts = chain.Out;
        var conversions = chain.Conversions;
        var a = new double[kept * kept]; // column-major
        var b = new double[kept];
        for (var s = 0; s < index.Length; s++)
        {
            if (index[s] >= 0)
            {
                a[(index[s] * kept) + index[s]] = 1;
                b[index[s]] = conversions[s] / outCounts[s];
            }
        }

        var from = chain.EdgeFrom;
        var to = chain.EdgeTo;
        var counts = chain.EdgeCounts;
        for (var e = 0; e < from.Length; e++)
        {
            var (row, column) = (index[from[e]], index[to[e]]);
            if (row >= 0 && column >= 0)
            {
                a[(column * kept) + row] -= counts[e] / outCounts[from[e]];
            }
        }

        var x = Matrix<double>.Build.Dense(kept, kept, a).LU().Solve(Vector<double>.Build.Dense(b));
        return Math.Clamp(x[index[MarkovChain.Start]], 0, 1);
    }

    private static double Eliminate(MarkovChain chain, int[] index, int kept)
    {
        var outCounts = chain.Out;
        var conversions = chain.Conversions;
        var nulls = chain.Nulls;

        // Each kept state's exits: to kept states (a row), to conversion, and to null (removed states included).
        var rows = new Dictionary<int, double>[kept];
        var predecessors = new HashSet<int>[kept];
        var convert = new double[kept];
        var lose = new double[kept];
        for (var s = 0; s < index.Length; s++)
        {
            if (index[s] is var i and >= 0)
            {
                rows[i] = [];
                predecessors[i] = [];
                convert[i] = conversions[s] / outCounts[s];
                lose[i] = nulls[s] / outCounts[s];
            }
        }

        var from = chain.EdgeFrom;
        var to = chain.EdgeTo;
        var counts = chain.EdgeCounts;
        for (var e = 0; e < from.Length; e++)
        {
            var row = index[from[e]];
            if (row < 0)
            {
                continue;
            }

            var probability = counts[e] / outCounts[from[e]];
            if (index[to[e]] is var column and >= 0)
            {
                rows[row][column] = probability;
                predecessors[column].Add(row);
            }
            else
            {
                lose[row] += probability;
            }
        }

        // Eliminate every state but the start, fewest in × out first (ties by number), re-queued when that changes.
        var start = index[MarkovChain.Start];
        var queue = new PriorityQueue<int, (long Cost, int State)>();
        var done = new bool[kept];
        for (var s = 0; s < kept; s++)
        {
            if (s != start)
            {
                queue.Enqueue(s, (Cost(s), s));
            }
        }

        var targets = new List<KeyValuePair<int, double>>();
        while (queue.TryDequeue(out var s, out var priority))
        {
            if (done[s] || priority.Cost != Cost(s))
            {
                continue;
            }

            done[s] = true;
            var row = rows[s];
            row.Remove(s);
            predecessors[s].Remove(s);
            var exit = convert[s] + lose[s];
            targets.Clear();
            foreach (var target in row)
            {
                exit += target.Value;
                targets.Add(target);
                predecessors[target.Key].Remove(s);
            }

            foreach (var p in predecessors[s])
            {
                rows[p].Remove(s, out var flow);
                var share = flow / exit;
                convert[p] += share * convert[s];
                lose[p] += share * lose[s];
                foreach (var (target, probability) in targets)
                {
                    rows[p][target] = rows[p].GetValueOrDefault(target) + (share * probability);
                    predecessors[target].Add(p);
                }

                if (p != start)
                {
                    queue.Enqueue(p, (Cost(p), p));
                }
            }

            foreach (var (target, _) in targets)
            {
                if (target != start && !done[target])
                {
                    queue.Enqueue(target, (Cost(target), target));
                }
            }

            rows[s] = [];
            predecessors[s] = [];
        }

        // Only the start is left: its exits are conversion and null.
        return Math.Clamp(convert[start] / (convert[start] + lose[start]), 0, 1);

        long Cost(int state) => (long)predecessors[state].Count * rows[state].Count;
    }
}
