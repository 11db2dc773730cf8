using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Sdk.Statistics;

namespace Engagement.Sdk.Journeys;

/// <summary>
/// Where customers go: how often each node follows another, and how many customers took each distinct path, with the
/// most frequent paths and a Sankey diagram of them.
/// </summary>
/// <remarks>
/// Empty input: with no customers <see cref="HasValue"/> is <see langword="false"/> and every list is empty. Immutable and
/// thread-safe; equal when every member is equal.
/// </remarks>
public sealed class PathResult : IEquatable<PathResult>
{
    /// <summary>Creates a result; validated like <see cref="PathState"/>.</summary>
    /// <param name="pathDefinition">What a node and a path are.</param>
    /// <param name="customers">The customers seen.</param>
    /// <param name="transitions">The transition counts, ordered by nodes.</param>
    /// <param name="paths">The path counts, ordered by nodes.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The numbers are impossible; the parameter name says which member.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    [JsonConstructor]
    public PathResult(PathDefinition pathDefinition, long customers, IReadOnlyList<PathTransition> transitions, IReadOnlyList<PathCount> paths)
    {
        (Transitions, Paths) = PathData.Check(pathDefinition, customers, transitions, paths);
        PathDefinition = pathDefinition;
        Customers = customers;
    }

    /// <summary>Gets what a node and a path are.</summary>
    public PathDefinition PathDefinition { get; }

    /// <summary>Gets the definition: <see cref="MetricDefinition.Paths"/>.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Every result carries its definition as an instance member.")]
    public MetricDefinition Definition => MetricDefinition.Paths;

    /// <summary>Gets the customers seen.</summary>
    public long Customers { get; }

    /// <summary>Gets the transition counts, ordered by nodes (ordinal).</summary>
    public IReadOnlyList<PathTransition> Transitions { get; }

    /// <summary>Gets the count of every distinct path, ordered by nodes (ordinal); see <see cref="TopPaths"/>.</summary>
    public IReadOnlyList<PathCount> Paths { get; }

    /// <summary>Gets whether any customer was seen.</summary>
    [JsonIgnore]
    public bool HasValue => Customers > 0;

    /// <summary>Gets the number of transitions: with event names and no collapsing, events − customers.</summary>
    public long TotalTransitions
    {
        get
        {
            long total = 0;
            foreach (var transition in Transitions)
            {
                total += transition.Count;
            }

            return total;
        }
    }

    /// <summary>Gets the customers that have a path (see <see cref="Journeys.PathDefinition"/>).</summary>
    public long CustomersWithPath
    {
        get
        {
            long total = 0;
            foreach (var path in Paths)
            {
                total += path.Customers;
            }

            return total;
        }
    }

    /// <summary>Returns the most frequent paths.</summary>
    /// <param name="count">How many at most; 0 or more.</param>
    /// <returns>The paths by customers, most first; ties in node order (ordinal).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public IReadOnlyList<PathCount> TopPaths(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var sorted = Paths.ToArray();
        Array.Sort(sorted, (x, y) => x.Customers != y.Customers ? y.Customers.CompareTo(x.Customers) : PathData.Compare(x.Nodes, y.Nodes));
        return Array.AsReadOnly(sorted[..Math.Min(count, sorted.Length)]);
    }

    /// <summary>Returns the most frequent paths as a Sankey diagram: a node per path node and 1-based step (id
    /// <c>step_label</c>), and a link per consecutive pair, valued by the customers whose paths take it.</summary>
    /// <param name="topPaths">How many of the most frequent paths to draw (see <see cref="TopPaths"/>); 0 or more.</param>
    /// <returns>The diagram; empty without paths.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="topPaths"/> is negative.</exception>
    public PathSankey ToSankey(int topPaths)
    {
        var nodes = new Dictionary<(int Step, string Label), long>();
        var links = new Dictionary<(string Source, string Target), long>();
        foreach (var path in TopPaths(topPaths))
        {
            for (var k = 0; k < path.Nodes.Count; k++)
            {
                nodes[(k + 1, path.Nodes[k])] = nodes.GetValueOrDefault((k + 1, path.Nodes[k])) + path.Customers;
                if (k > 0)
                {
                    var link = (Id(k, path.Nodes[k - 1]), Id(k + 1, path.Nodes[k]));
                    links[link] = links.GetValueOrDefault(link) + path.Customers;
                }
            }
        }

        return new PathSankey(
            [.. nodes.OrderBy(n => n.Key.Step).ThenBy(n => n.Key.Label, StringComparer.Ordinal).Select(n => new SankeyNode(Id(n.Key.Step, n.Key.Label), n.Key.Label, n.Key.Step, n.Value))],
            [.. links.OrderBy(l => l.Key.Source, StringComparer.Ordinal).ThenBy(l => l.Key.Target, StringComparer.Ordinal).Select(l => new SankeyLink(l.Key.Source, l.Key.Target, l.Value))]);
    }

    /// <inheritdoc />
    public bool Equals(PathResult? other) =>
        other is not null
        && PathDefinition.Equals(other.PathDefinition)
        && Customers == other.Customers
        && Transitions.SequenceEqual(other.Transitions)
        && Paths.SequenceEqual(other.Paths);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as PathResult);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(PathDefinition, Customers, Transitions.Count, Paths.Count);

    /// <summary>Returns the result as <c>120 customers, 300 transitions, 75 distinct paths</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        HasValue
            ? string.Create(CultureInfo.InvariantCulture, $"{Customers} customers, {TotalTransitions} transitions, {Paths.Count} distinct paths")
            : "0 customers: no value";

    private static string Id(int step, string label) => string.Create(CultureInfo.InvariantCulture, $"{step}_{label}");
}
