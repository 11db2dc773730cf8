using System.Text.Json.Serialization;

namespace Engagement.Sdk.Journeys;

/// <summary>
/// Paths as a Sankey diagram, ready for a charting library (D3 <c>d3-sankey</c>, Plotly, ECharts): nodes with ids and
/// labels, links with source, target and value. Nodes are indexed by step, as PostHog does, so the graph has no cycles
/// even when a path repeats a node.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class PathSankey
{
    /// <summary>Creates a diagram.</summary>
    /// <param name="nodes">The nodes, by step then label.</param>
    /// <param name="links">The links, by source then target.</param>
    /// <exception cref="ArgumentNullException">A list is <see langword="null"/>.</exception>
    [JsonConstructor]
    public PathSankey(IReadOnlyList<SankeyNode> nodes, IReadOnlyList<SankeyLink> links)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(links);
        Nodes = Array.AsReadOnly([.. nodes]);
        Links = Array.AsReadOnly([.. links]);
    }

    /// <summary>Gets the nodes, by step then label.</summary>
    public IReadOnlyList<SankeyNode> Nodes { get; }

    /// <summary>Gets the links, by source then target.</summary>
    public IReadOnlyList<SankeyLink> Links { get; }
}
