using System.Runtime.InteropServices;

namespace Engagement.Sdk.Attribution;

/// <summary>
/// The transition counts of a Markov chain of order k over conversion paths: transient states (the start, then the
/// channel tuples in order of first appearance along the paths in canonical order), the counted transitions between
/// them, and each state's counts into conversion and null.
/// </summary>
/// <remarks>
/// A state is the last k channels seen (fewer at the beginning of a path). Each path adds its conversions + nulls to
/// every transition along it, its conversions to last state → conversion and its nulls to last state → null; paths
/// with neither add nothing. Built in one pass over the steps: a (state, channel) pair is looked up once in a
/// dictionary that gives its transition, so the tuple of the next state is only computed for a new pair.
/// </remarks>
internal sealed class MarkovChain
{
    /// <summary>The index of the start state.</summary>
    public const int Start = 0;

    private readonly List<int> _tupleOffsets = [0, 0]; // the start: no channels
    private readonly List<int> _tupleChannels = [];
    private readonly List<UInt128> _stateKeys = [0];
    private readonly Dictionary<UInt128, int> _stateByKey = new() { [0] = Start };
    private readonly List<double> _conversions = [0];
    private readonly List<double> _nulls = [0];
    private readonly List<double> _out = [0];
    private readonly List<int> _edgeFrom = [];
    private readonly List<int> _edgeTo = [];
    private readonly List<double> _edgeCounts = [];
    private readonly Dictionary<long, int> _edgeByStep = [];
    private readonly UInt128 _base;
    private readonly UInt128 _top;

    private MarkovChain(int order, int channels)
    {
        Order = order;
        Channels = channels;
        // A tuple is the number Σ (channel + 1) · base^i, oldest channel at i = 0: at most 4 digits of base ≤ 2³¹ + 1.
        _base = (UInt128)(uint)channels + 1;
        _top = UInt128.One;
        for (var i = 1; i < order; i++)
        {
            _top *= _base;
        }
    }

    /// <summary>Gets the order k.</summary>
    public int Order { get; }

    /// <summary>Gets the number of channels of the paths.</summary>
    public int Channels { get; }

    /// <summary>Gets the number of transient states, the start included.</summary>
    public int StateCount => _out.Count;

    /// <summary>Gets the number of counted transitions between transient states.</summary>
    public int EdgeCount => _edgeFrom.Count;

    /// <summary>Gets each transition's source state.</summary>
    public ReadOnlySpan<int> EdgeFrom => CollectionsMarshal.AsSpan(_edgeFrom);

    /// <summary>Gets each transition's target state.</summary>
    public ReadOnlySpan<int> EdgeTo => CollectionsMarshal.AsSpan(_edgeTo);

    /// <summary>Gets each transition's count.</summary>
    public ReadOnlySpan<double> EdgeCounts => CollectionsMarshal.AsSpan(_edgeCounts);

    /// <summary>Gets each state's count into conversion.</summary>
    public ReadOnlySpan<double> Conversions => CollectionsMarshal.AsSpan(_conversions);

    /// <summary>Gets each state's count into null.</summary>
    public ReadOnlySpan<double> Nulls => CollectionsMarshal.AsSpan(_nulls);

    /// <summary>Gets each state's count of transitions out (to states, conversion and null).</summary>
    public ReadOnlySpan<double> Out => CollectionsMarshal.AsSpan(_out);

    /// <summary>Gets the channels of a state, oldest first; empty for the start.</summary>
    public ReadOnlySpan<int> TupleOf(int state) =>
        CollectionsMarshal.AsSpan(_tupleChannels)[_tupleOffsets[state].._tupleOffsets[state + 1]];

    /// <summary>Counts the transitions of the paths.</summary>
    public static MarkovChain Count(ConversionPaths paths, int order, bool collapseRepeats, CancellationToken cancellationToken)
    {
        var chain = new MarkovChain(order, paths.Channels.Count);
        var conversions = paths.PathConversions;
        var nulls = paths.PathNulls;
        for (var p = 0; p < paths.Count; p++)
        {
            if ((p & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var weight = conversions[p] + nulls[p];
            if (weight == 0)
            {
                continue;
            }

            var state = Start;
            var previous = -1;
            foreach (var channel in paths.StepsOf(p))
            {
                if (collapseRepeats && channel == previous)
                {
                    continue;
                }

                previous = channel;
                chain._out[state] += weight;
                var edge = chain.Edge(state, channel);
                chain._edgeCounts[edge] += weight;
                state = chain._edgeTo[edge];
            }

            chain._out[state] += weight;
            chain._conversions[state] += conversions[p];
            chain._nulls[state] += nulls[p];
        }

        return chain;
    }

    /// <summary>Returns whether a state's tuple holds a channel.</summary>
    public bool Contains(int state, int channel) => TupleOf(state).Contains(channel);

    private int Edge(int state, int channel)
    {
        ref var edge = ref CollectionsMarshal.GetValueRefOrAddDefault(_edgeByStep, ((long)state * Channels) + channel, out var exists);
        if (!exists)
        {
            edge = _edgeFrom.Count;
            _edgeFrom.Add(state);
            _edgeTo.Add(Next(state, channel));
            _edgeCounts.Add(0);
        }

        return edge;
    }

    /// <summary>Finds or adds the state reached from <paramref name="state"/> by a touch of <paramref name="channel"/>.</summary>
    private int Next(int state, int channel)
    {
        var tuple = TupleOf(state);
        var key = _stateKeys[state];
        var digit = (UInt128)(uint)channel + 1;
        key = tuple.Length < Order ? key + (digit * Power(tuple.Length)) : (key / _base) + (digit * _top);
        ref var next = ref CollectionsMarshal.GetValueRefOrAddDefault(_stateByKey, key, out var exists);
        if (!exists)
        {
            next = _out.Count;
            Span<int> channels = stackalloc int[Order];
            var kept = tuple[(tuple.Length < Order ? 0 : 1)..];
            kept.CopyTo(channels);
            channels[kept.Length] = channel;
            _tupleChannels.AddRange(channels[..(kept.Length + 1)]);
            _tupleOffsets.Add(_tupleChannels.Count);
            _stateKeys.Add(key);
            _conversions.Add(0);
            _nulls.Add(0);
            _out.Add(0);
        }

        return next;
    }

    private UInt128 Power(int exponent)
    {
        var power = UInt128.One;
        for (var i = 0; i < exponent; i++)
        {
            power *= _base;
        }

        return power;
    }
}
