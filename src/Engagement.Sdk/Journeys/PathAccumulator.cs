using System.Globalization;
using Engagement.Sdk.Statistics;

namespace Engagement.Sdk.Journeys;

/// <summary>
/// A mergeable accumulator of paths over the customers of event logs: transition counts between consecutive nodes
/// (event names, channels or stages) and the count of each customer's path after a start node and/or before an end
/// node. <see cref="ToResult"/> gives the <see cref="PathResult"/>, with the top paths and a Sankey diagram.
/// </summary>
/// <remarks>
/// <para>
/// The rules are those of <see cref="PathDefinition"/>. Each customer has at most one path. Nodes are kept as labels
/// (names), so accumulators of logs with different vocabularies merge.
/// </para>
/// <para>
/// Accumulators of disjoint sets of customers merge to the accumulator of their union; the same customer added to two
/// accumulators that are merged counts twice (and its two halves make two shorter sequences). Merging is associative and
/// commutative; updates are checked and all-or-nothing; the state round-trips through JSON (see
/// <see cref="PathState"/>). Not thread-safe.
/// </para>
/// </remarks>
public sealed class PathAccumulator : IMetricAccumulator<PathAccumulator, PathResult, PathState>
{
    private Store _store = new();

    /// <summary>Creates an empty accumulator of event-name paths of at most 5 nodes, without start or end.</summary>
    public PathAccumulator()
        : this(new PathDefinition())
    {
    }

    /// <summary>Creates an empty accumulator.</summary>
    /// <param name="definition">What a node and a path are.</param>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is <see langword="null"/>.</exception>
    public PathAccumulator(PathDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        PathDefinition = definition;
    }

    /// <summary>Gets the definition: <see cref="MetricDefinition.Paths"/>.</summary>
    public MetricDefinition Definition => MetricDefinition.Paths;

    /// <summary>Gets what a node and a path are.</summary>
    public PathDefinition PathDefinition { get; }

    /// <summary>Gets the customers seen so far.</summary>
    public long Count => _store.Customers;

    /// <summary>Computes the paths of every customer of a log in one call.</summary>
    /// <param name="log">The log.</param>
    /// <param name="definition">What a node and a path are.</param>
    /// <param name="cancellationToken">Cancels the scan.</param>
    /// <returns>The result; with no customers it has no value.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static PathResult Compute(EventLog log, PathDefinition definition, CancellationToken cancellationToken = default)
    {
        var accumulator = new PathAccumulator(definition);
        accumulator.Add(log, cancellationToken);
        return accumulator.ToResult();
    }

    /// <inheritdoc />
    public static PathAccumulator FromState(PathState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var accumulator = new PathAccumulator(state.PathDefinition);
        accumulator._store.Customers = state.Customers;
        foreach (var t in state.Transitions)
        {
            accumulator._store.Transitions.Add((t.From, t.To), t.Count);
        }

        foreach (var path in state.Paths)
        {
            accumulator._store.Paths.Add([.. path.Nodes], path.Customers);
        }

        return accumulator;
    }

    /// <summary>Adds every customer of a log; on both cores when the log is large.</summary>
    /// <param name="log">The log; its customers must not have been added before (they would count twice).</param>
    /// <param name="cancellationToken">Cancels the scan; nothing is added then.</param>
    /// <exception cref="ArgumentNullException"><paramref name="log"/> is <see langword="null"/>.</exception>
    /// <exception cref="OverflowException">A count would exceed <see cref="long.MaxValue"/>; nothing is changed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; nothing is changed.</exception>
    public void Add(EventLog log, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        var nodes = new LogNodes(log, PathDefinition);
        var partial = CustomerScan.Run(log, (first, end) => Scan(log, nodes, first, end), (into, later) => into.MergeFrom(later), cancellationToken);

        // Turn the log's node ids into labels, into a copy, so that an overflow changes nothing.
        var added = new Store { Customers = partial.Customers };
        partial.FoldDense();
        foreach (var (key, count) in partial.Transitions)
        {
            added.Transitions.Add((nodes.Labels[(int)(key >> 32)], nodes.Labels[(int)(uint)key]), count);
        }

        foreach (var (key, count) in partial.Paths)
        {
            var labels = new string[key.Length / 2];
            for (var k = 0; k < labels.Length; k++)
            {
                labels[k] = nodes.Labels[(key[2 * k] << 16) | key[(2 * k) + 1]];
            }

            added.Paths.Add(labels, count);
        }

        _store = _store.Plus(added);
    }

    /// <inheritdoc />
    public void Merge(PathAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!PathDefinition.Equals(other.PathDefinition))
        {
            throw new ArgumentException(
                $"Only accumulators of the same definition merge: this one is {PathDefinition}, the other {other.PathDefinition}.", nameof(other));
        }

        try
        {
            _store = _store.Plus(other._store);
        }
        catch (OverflowException e)
        {
            throw MergeOverflow.For(this, other, e);
        }
    }

    /// <summary>Returns the paths of the customers so far.</summary>
    /// <returns>The result; with no customers it has no value.</returns>
    public PathResult ToResult()
    {
        var (transitions, paths) = Build();
        return new PathResult(PathDefinition, _store.Customers, transitions, paths);
    }

    /// <inheritdoc />
    public PathState GetState()
    {
        var (transitions, paths) = Build();
        return new PathState(PathState.CurrentVersion, Definition, PathDefinition, _store.Customers, transitions, paths);
    }

    /// <summary>Returns the accumulator as <c>paths: 120 customers</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"paths: {Count} customers");

    private Partial Scan(EventLog log, LogNodes nodes, int firstCustomer, int endCustomer)
    {
        var partial = new Partial(nodes.Labels.Count);
        var sequence = new List<int>();
        var definition = PathDefinition;
        for (var customer = firstCustomer; customer < endCustomer; customer++)
        {
            partial.Customers++;
            var range = log.GetCustomerRange(customer);
            sequence.Clear();
            for (var row = range.Start; row < range.End; row++)
            {
                var node = nodes.NodeOf(row);
                if (node >= 0 && !(definition.CollapseRepeats && sequence.Count > 0 && sequence[^1] == node))
                {
                    sequence.Add(node);
                }
            }

            partial.AddTransitions(sequence);

            if (PathOf(sequence, nodes.Start, nodes.End, definition) is var (first, length) && length > 0)
            {
                var key = string.Create(length * 2, (sequence, first), static (chars, state) =>
                {
                    for (var k = 0; k < chars.Length / 2; k++)
                    {
                        var node = state.sequence[state.first + k];
                        chars[2 * k] = (char)(node >> 16);
                        chars[(2 * k) + 1] = (char)(node & 0xFFFF);
                    }
                });
                partial.Paths[key] = partial.Paths.GetValueOrDefault(key) + 1;
            }
        }

        return partial;
    }

    /// <summary>The part of a sequence that is the path, as (first index, length); length 0 when there is none. A start
    /// or end node absent from the log has id −2, which no node has.</summary>
    private static (int First, int Length) PathOf(List<int> sequence, int start, int end, PathDefinition definition)
    {
        var first = definition.StartNode is null ? 0 : sequence.IndexOf(start);
        if (first < 0 || sequence.Count == 0)
        {
            return (0, 0);
        }

        if (definition.EndNode is null)
        {
            return (first, Math.Min(definition.MaxLength, sequence.Count - first));
        }

        // The end must come after the start event when there is one.
        var from = definition.StartNode is null ? 0 : first + 1;
        var last = from < sequence.Count ? sequence.IndexOf(end, from) : -1;
        if (last < 0)
        {
            return (0, 0);
        }

        if (definition.StartNode is null)
        {
            var length = Math.Min(definition.MaxLength, last + 1);
            return (last + 1 - length, length);
        }

        return last - first + 1 <= definition.MaxLength ? (first, last - first + 1) : (0, 0);
    }

    private (PathTransition[] Transitions, PathCount[] Paths) Build()
    {
        var transitions = _store.Transitions.Select(t => new PathTransition(t.Key.From, t.Key.To, t.Value)).ToArray();
        Array.Sort(transitions, PathData.Compare);
        var paths = _store.Paths.Select(p => new PathCount(p.Key, p.Value)).ToArray();
        Array.Sort(paths, (x, y) => PathData.Compare(x.Nodes, y.Nodes));
        return (transitions, paths);
    }

    /// <summary>The node of each row of one log: ids into <see cref="Labels"/>, or −1 for a row without a node.</summary>
    private sealed class LogNodes
    {
        private readonly PathNodeKind _kind;
        private readonly int[] _channelNodes = [];
        private readonly StageClassifier? _classifier;
        private readonly EventLog _log;

        public LogNodes(EventLog log, PathDefinition definition)
        {
            _log = log;
            _kind = definition.Nodes;
            switch (_kind)
            {
                case PathNodeKind.EventName:
                    Labels = log.EventNames;
                    break;
                case PathNodeKind.Channel:
                    (_channelNodes, var labels) = ChannelNodes.Of(log);
                    Labels = labels;
                    break;
                default:
                    _classifier = new StageClassifier(log, definition.StageRules!);
                    Labels = [.. definition.StageRules!.Model.Stages.Select(s => s.Name)];
                    break;
            }

            Start = IdOf(definition.StartNode);
            End = IdOf(definition.EndNode);
        }

        public IReadOnlyList<string> Labels { get; }

        public int Start { get; }

        public int End { get; }

        public int NodeOf(int row) => _kind switch
        {
            PathNodeKind.EventName => _log.EventNameIds[row],
            PathNodeKind.Channel => _channelNodes[_log.ChannelIds[row]],
            _ => _classifier!.StageOf(_log.EventNameIds[row], _log.ChannelIds[row]),
        };

        private int IdOf(string? label)
        {
            if (label is null)
            {
                return -2;
            }

            for (var i = 0; i < Labels.Count; i++)
            {
                if (string.Equals(Labels[i], label, _kind == PathNodeKind.Channel ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))
                {
                    return i;
                }
            }

            return -2;
        }
    }

    /// <summary>Counts of a run of customers of one log, keyed by the log's node ids. Transitions go to a dense matrix when
    /// the log has few nodes (an array increment per event instead of a hash lookup), else to a dictionary.</summary>
    private sealed class Partial(int nodes)
    {
        private const int MaxDenseNodes = 256;

        private readonly long[]? _dense = nodes <= MaxDenseNodes ? new long[nodes * nodes] : null;

        public long Customers { get; set; }

        // (from << 32) | to.
        public Dictionary<long, long> Transitions { get; } = [];

        // Two chars per node id.
        public Dictionary<string, long> Paths { get; } = new(StringComparer.Ordinal);

        public void AddTransitions(List<int> sequence)
        {
            for (var k = 1; k < sequence.Count; k++)
            {
                if (_dense is not null)
                {
                    _dense[(sequence[k - 1] * nodes) + sequence[k]]++;
                }
                else
                {
                    var key = ((long)sequence[k - 1] << 32) | (uint)sequence[k];
                    Transitions[key] = Transitions.GetValueOrDefault(key) + 1;
                }
            }
        }

        public void MergeFrom(Partial other)
        {
            Customers += other.Customers;
            if (_dense is not null)
            {
                for (var i = 0; i < _dense.Length; i++)
                {
                    _dense[i] += other._dense![i];
                }
            }

            foreach (var (key, count) in other.Transitions)
            {
                Transitions[key] = Transitions.GetValueOrDefault(key) + count;
            }

            foreach (var (key, count) in other.Paths)
            {
                Paths[key] = Paths.GetValueOrDefault(key) + count;
            }
        }

        /// <summary>Moves the dense counts into <see cref="Transitions"/>.</summary>
        public void FoldDense()
        {
            if (_dense is null)
            {
                return;
            }

            for (var i = 0; i < _dense.Length; i++)
            {
                if (_dense[i] > 0)
                {
                    Transitions[((long)(i / nodes) << 32) | (uint)(i % nodes)] = _dense[i];
                }
            }
        }
    }

    /// <summary>The accumulated counts, keyed by labels; <see cref="Plus"/> makes a new store, so a merge that overflows
    /// changes nothing.</summary>
    private sealed class Store
    {
        public long Customers { get; set; }

        public Dictionary<(string From, string To), long> Transitions { get; } = [];

        public Dictionary<string[], long> Paths { get; } = new(NodesComparer.Instance);

        public Store Plus(Store other)
        {
            var sum = new Store { Customers = checked(Customers + other.Customers) };
            foreach (var store in (ReadOnlySpan<Store>)[this, other])
            {
                foreach (var (key, count) in store.Transitions)
                {
                    sum.Transitions[key] = checked(sum.Transitions.GetValueOrDefault(key) + count);
                }

                foreach (var (key, count) in store.Paths)
                {
                    sum.Paths[key] = checked(sum.Paths.GetValueOrDefault(key) + count);
                }
            }

            return sum;
        }
    }

    private sealed class NodesComparer : IEqualityComparer<string[]>
    {
        public static NodesComparer Instance { get; } = new();

        public bool Equals(string[]? x, string[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(string[] obj)
        {
            var hash = default(HashCode);
            foreach (var node in obj)
            {
                hash.Add(node, StringComparer.Ordinal);
            }

            return hash.ToHashCode();
        }
    }
}
