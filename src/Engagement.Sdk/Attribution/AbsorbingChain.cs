using MathNet.Numerics.LinearAlgebra;

namespace Engagement.Sdk.Attribution;

/// <summary>
/// Solves the absorbing chain of a <see cref="MarkovChain"/> exactly for the probability of reaching conversion from the
/// start, optionally with a channel removed (every transition into a state holding it goes to null).
/// </summary>
/// <remarks>
/// With Q the transitions between the kept transient states and b each state's probability of converting next, the
/// probabilities x of ever converting solve (I − Q) x = b (Kemeny &amp; Snell, Finite Markov Chains, §3.3). Up to
/// <see cref="DenseLimit"/> kept states the system is solved by dense LU with partial pivoting (MathNet), which is exact
/// to rounding. Larger chains (orders 3 and 4) are solved by Gauss–Seidel sweeps until no probability moves by more than
/// 10⁻¹⁵ in a sweep; should that take more than <see cref="MaxSweeps"/> sweeps, by eliminating the states one by one
/// in the stochastic form (Grassmann, Taksar &amp; Heyman 1985: eliminating s sends each predecessor's flow into s on
/// along s's other exits, divided by s's exit probability summed from its exits rather than computed as 1 − loop, so
/// nothing cancels), which is exact but grows as the cube of the states on well-connected chains. None samples; for
/// one input each gives the same bits every time.
/// </remarks>
internal static class AbsorbingChain
{
    /// <summary>The most kept states solved by dense LU.</summary>
    public const int DenseLimit = 500;

    /// <summary>The most Gauss–Seidel sweeps before falling back to elimination.</summary>
    public const int MaxSweeps = 10_000;

    /// <summary>How a system is solved.</summary>
    internal enum Method
    {
        /// <summary>Dense LU up to <see cref="DenseLimit"/> states, else Gauss–Seidel, else elimination.</summary>
        Auto,

        /// <summary>Dense LU.</summary>
        Dense,

        /// <summary>Gauss–Seidel sweeps (elimination when they do not settle).</summary>
        Iterate,

        /// <summary>Elimination of states.</summary>
        Eliminate,
    }

    /// <summary>Returns the probability of conversion from the start.</summary>
    /// <param name="chain">The chain.</param>
    /// <param name="removed">The channel removed, or −1 for none.</param>
    /// <param name="method">How to solve; tests force each.</param>
    public static double ConversionProbability(MarkovChain chain, int removed, Method method = Method.Auto)
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

        if (method == Method.Auto)
        {
            method = kept <= DenseLimit ? Method.Dense : Method.Iterate;
        }

        return method switch
        {
            Method.Dense => Dense(chain, index, kept),
            Method.Iterate => Iterate(chain, index, kept) ?? Eliminate(chain, index, kept),
            _ => Eliminate(chain, index, kept),
        };
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

    /// <summary>
    /// Gauss–Seidel from x = 0, later states first (they tend to lie nearer the end of paths): as Q and b are not
    /// negative the iterates rise monotonically to the solution; stops when a sweep changes no probability by more than
    /// 10⁻¹⁵, or gives up (null) after <see cref="MaxSweeps"/>.
    /// </summary>
    private static double? Iterate(MarkovChain chain, int[] index, int kept)
    {
        var outCounts = chain.Out;
        var conversions = chain.Conversions;
        var from = chain.EdgeFrom;
        var to = chain.EdgeTo;
        var counts = chain.EdgeCounts;

        // Kept transitions by source (compressed rows); a self-loop goes into the state's stay count instead.
        var rowStart = new int[kept + 1];
        var stay = new double[kept];
        for (var e = 0; e < from.Length; e++)
        {
            var (row, column) = (index[from[e]], index[to[e]]);
            if (row >= 0 && column >= 0 && row != column)
            {
                rowStart[row + 1]++;
            }
        }

        for (var i = 0; i < kept; i++)
        {
            rowStart[i + 1] += rowStart[i];
        }

        var next = rowStart[..^1];
        var columns = new int[rowStart[kept]];
        var weights = new double[columns.Length];
        var leave = new double[kept];
        var b = new double[kept];
        for (var e = 0; e < from.Length; e++)
        {
            var (row, column) = (index[from[e]], index[to[e]]);
            if (row >= 0 && column >= 0)
            {
                if (row == column)
                {
                    stay[row] += counts[e];
                }
                else
                {
                    columns[next[row]] = column;
                    weights[next[row]++] = counts[e];
                }
            }
        }

        for (var s = 0; s < index.Length; s++)
        {
            if (index[s] is var i and >= 0)
            {
                // x_i = (conversions_i + Σ count_ij x_j) / (out_i − stay_i): counts, so nothing cancels.
                leave[i] = outCounts[s] - stay[i];
                b[i] = conversions[s];
            }
        }

        var x = new double[kept];
        for (var sweep = 0; sweep < MaxSweeps; sweep++)
        {
            var change = 0.0;
            for (var i = kept - 1; i >= 0; i--)
            {
                var sum = b[i];
                for (var k = rowStart[i]; k < rowStart[i + 1]; k++)
                {
                    sum += weights[k] * x[columns[k]];
                }

                var value = sum / leave[i];
                change = Math.Max(change, Math.Abs(value - x[i]));
                x[i] = value;
            }

            if (change <= 1e-15)
            {
                return Math.Clamp(x[index[MarkovChain.Start]], 0, 1);
            }
        }

        return null;
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
