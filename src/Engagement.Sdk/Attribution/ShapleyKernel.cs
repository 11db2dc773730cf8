using System.Numerics;

namespace Engagement.Sdk.Attribution;

/// <summary>
/// The computations of <see cref="ShapleyModel"/>: the players (the channels on some path), the coalition values, the
/// exact Shapley values over every subset, the Monte Carlo estimate over random permutations, and the sharing out of
/// conversions and value.
/// </summary>
internal static class ShapleyKernel
{
    /// <summary>Shapley values of conversion rates within this of 0 are taken as 0 when sharing out.</summary>
    private const double ZeroBand = 1e-12;

    /// <summary>Numbers the players: the channels on at least one path, in channel order.</summary>
    /// <returns>Each channel's player number (−1 for a channel on no path), and each player's channel.</returns>
    public static (int[] PlayerOf, int[] ChannelOf) Players(ConversionPaths paths)
    {
        var playerOf = new int[paths.Channels.Count];
        foreach (var step in paths.Steps)
        {
            playerOf[step] = 1;
        }

        var channelOf = new List<int>(playerOf.Length);
        for (var c = 0; c < playerOf.Length; c++)
        {
            playerOf[c] = playerOf[c] == 1 ? channelOf.Count : -1;
            if (playerOf[c] >= 0)
            {
                channelOf.Add(c);
            }
        }

        return (playerOf, channelOf.ToArray());
    }

    /// <summary>
    /// The exact Shapley values: v(S) for all 2ⁿ coalitions from the paths' counts, then
    /// φ_c = Σ_{S ⊆ N∖c} |S|!(n−|S|−1)!/n! (v(S∪c) − v(S)), the subsets taken in increasing bit order.
    /// </summary>
    public static double[] Exact(ConversionPaths paths, int[] playerOf, int players, CancellationToken cancellationToken)
    {
        var phi = new double[players];
        if (players == 0)
        {
            return phi;
        }

        var size = 1 << players;
        var value = new double[size];
        var nulls = new double[size];
        for (var i = 0; i < paths.Count; i++)
        {
            var set = 0;
            foreach (var step in paths.StepsOf(i))
            {
                set |= 1 << playerOf[step];
            }

            value[set] += paths.PathConversions[i];
            nulls[set] += paths.PathNulls[i];
        }

        // v(S) = conversions / journeys, in place; 0 for a coalition never observed (v(∅) among them).
        for (var set = 0; set < size; set++)
        {
            var journeys = value[set] + nulls[set];
            value[set] = journeys > 0 ? value[set] / journeys : 0;
        }

        var weights = Weights(players);
        var all = size - 1;
        for (var set = 0; set < size; set++)
        {
            if ((set & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var before = value[set];
            var weight = weights[BitOperations.PopCount((uint)set)];
            var outside = ~set & all;
            while (outside != 0)
            {
                var player = BitOperations.TrailingZeroCount(outside);
                outside &= outside - 1;
                phi[player] += weight * (value[set | (1 << player)] - before);
            }
        }

        return phi;
    }

    /// <summary>
    /// The Monte Carlo estimate: the mean of each player's marginal contribution v(P ∪ c) − v(P) over random orders of
    /// the players (P the players before c), with the standard error of that mean.
    /// </summary>
    public static (double[] Phi, double[] StandardErrors) MonteCarlo(
        ConversionPaths paths, int[] playerOf, int players, int samples, int seed, CancellationToken cancellationToken)
    {
        var coalitions = new ObservedCoalitions(paths, playerOf, players);
        var mean = new double[players];
        var squares = new double[players];
        var order = new int[players];
        var position = new int[players];
        var random = new BootstrapRandom(seed, -1);
        for (var sample = 0; sample < samples; sample++)
        {
            if ((sample & 0xFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            // A fresh uniform order (Fisher–Yates on the identity), so one sample's order does not depend on the last.
            for (var p = 0; p < players; p++)
            {
                order[p] = p;
            }

            for (var k = players - 1; k > 0; k--)
            {
                var j = random.NextInt(k + 1);
                (order[k], order[j]) = (order[j], order[k]);
            }

            for (var k = 0; k < players; k++)
            {
                position[order[k]] = k;
            }

            // Welford's running mean and sum of squared deviations of each player's marginal contribution.
            var count = sample + 1;
            ulong hash = 0;
            double previous = 0;
            for (var k = 0; k < players; k++)
            {
                var player = order[k];
                hash ^= coalitions.Key(player);
                var current = coalitions.PrefixValue(hash, k + 1, position);
                var contribution = current - previous;
                previous = current;
                var delta = contribution - mean[player];
                mean[player] += delta / count;
                squares[player] += delta * (contribution - mean[player]);
            }
        }

        var errors = new double[players];
        for (var p = 0; p < players; p++)
        {
            errors[p] = samples > 1 ? Math.Sqrt(squares[p] / (samples - 1) / samples) : 0;
        }

        return (mean, errors);
    }

    /// <summary>
    /// Shares the conversions and value out in proportion to the Shapley values clipped at 0 (a value within 10⁻¹² of 0
    /// counts as 0, so that rounding in the order of the sums — which follows the channels' names — cannot decide whether
    /// a channel whose value is 0 takes everything or the fallback applies). When none is above 0 but
    /// there are conversions (possible: the values add up to v(N), which is 0 when no journey had every channel), each
    /// converting path's conversions and value are split equally among its distinct channels instead — the Shapley
    /// value of the game that counts the conversions of the journeys within a coalition.
    /// </summary>
    public static (double[] Conversions, double[] Value) Share(ConversionPaths paths, double[] phi, int[] channelOf)
    {
        var conversions = new double[paths.Channels.Count];
        var value = new double[paths.Channels.Count];
        double positive = 0;
        foreach (var p in phi)
        {
            positive += Positive(p);
        }

        if (positive > 0)
        {
            for (var p = 0; p < phi.Length; p++)
            {
                var share = Positive(phi[p]) / positive;
                conversions[channelOf[p]] = paths.Conversions * share;
                value[channelOf[p]] = paths.Value * share;
            }

            return (conversions, value);
        }

        var seen = new int[paths.Channels.Count];
        for (var i = 0; i < paths.Count; i++)
        {
            if (paths.PathConversions[i] <= 0)
            {
                continue;
            }

            var distinct = 0;
            foreach (var step in paths.StepsOf(i))
            {
                if (seen[step] != i + 1)
                {
                    seen[step] = i + 1;
                    distinct++;
                }
            }

            foreach (var step in paths.StepsOf(i))
            {
                if (seen[step] == i + 1)
                {
                    seen[step] = -(i + 1);
                    conversions[step] += paths.PathConversions[i] / distinct;
                    value[step] += paths.PathValues[i] / distinct;
                }
            }
        }

        return (conversions, value);
    }

    private static double Positive(double phi) => phi > ZeroBand ? phi : 0;

    /// <summary>The Shapley weights w_s = s!(n−s−1)!/n! for s = 0 … n−1, by w₀ = 1/n and w_s = w_{s−1} · s/(n−s); and 0
    /// for s = n, the whole coalition, which no player can join.</summary>
    private static double[] Weights(int players)
    {
        var weights = new double[players + 1];
        weights[0] = 1.0 / players;
        for (var s = 1; s < players; s++)
        {
            weights[s] = weights[s - 1] * s / (players - s);
        }

        return weights;
    }

    /// <summary>
    /// The coalitions some journey had, found by the XOR of random 64-bit keys of their members (Zobrist hashing), so
    /// a growing prefix of an order is looked up in O(1) per player; a hit is checked member by member, so a hash
    /// collision cannot give a wrong value.
    /// </summary>
    private sealed class ObservedCoalitions
    {
        private readonly ulong[] _keys;
        private readonly Dictionary<ulong, int> _first = [];
        private readonly List<int> _next = [];
        private readonly List<int> _offsets = [0];
        private readonly List<int> _members = [];
        private readonly List<double> _conversions = [];
        private readonly List<double> _nulls = [];

        public ObservedCoalitions(ConversionPaths paths, int[] playerOf, int players)
        {
            _keys = new ulong[players];
            var random = new BootstrapRandom(0x5A4E, -2);
            for (var p = 0; p < players; p++)
            {
                _keys[p] = random.NextUInt64();
            }

            var seen = new int[players];
            var members = new List<int>();
            for (var i = 0; i < paths.Count; i++)
            {
                members.Clear();
                ulong hash = 0;
                foreach (var step in paths.StepsOf(i))
                {
                    var player = playerOf[step];
                    if (seen[player] != i + 1)
                    {
                        seen[player] = i + 1;
                        members.Add(player);
                        hash ^= _keys[player];
                    }
                }

                members.Sort();
                var set = Find(hash, members);
                if (set < 0)
                {
                    set = _conversions.Count;
                    _members.AddRange(members);
                    _offsets.Add(_members.Count);
                    _conversions.Add(0);
                    _nulls.Add(0);
                    _next.Add(_first.TryGetValue(hash, out var head) ? head : -1);
                    _first[hash] = set;
                }

                _conversions[set] += paths.PathConversions[i];
                _nulls[set] += paths.PathNulls[i];
            }
        }

        public ulong Key(int player) => _keys[player];

        /// <summary>v of the first <paramref name="size"/> players of an order, given the hash of those players and every
        /// player's position in the order; 0 when no journey had exactly those channels.</summary>
        public double PrefixValue(ulong hash, int size, int[] position)
        {
            if (!_first.TryGetValue(hash, out var set))
            {
                return 0;
            }

            for (; set >= 0; set = _next[set])
            {
                if (_offsets[set + 1] - _offsets[set] != size)
                {
                    continue;
                }

                var inside = true;
                for (var m = _offsets[set]; m < _offsets[set + 1] && inside; m++)
                {
                    inside = position[_members[m]] < size;
                }

                if (inside)
                {
                    var journeys = _conversions[set] + _nulls[set];
                    return journeys > 0 ? _conversions[set] / journeys : 0;
                }
            }

            return 0;
        }

        private int Find(ulong hash, List<int> members)
        {
            if (!_first.TryGetValue(hash, out var set))
            {
                return -1;
            }

            for (; set >= 0; set = _next[set])
            {
                var start = _offsets[set];
                if (_offsets[set + 1] - start == members.Count && _members.GetRange(start, members.Count).SequenceEqual(members))
                {
                    return set;
                }
            }

            return -1;
        }
    }
}
