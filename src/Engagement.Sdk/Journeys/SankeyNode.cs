using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Sdk.Journeys;

/// <summary>A node of a Sankey diagram of paths: a path node at one step, so that the graph has no cycles.</summary>
/// <remarks>Immutable and thread-safe; equal when every member is equal.</remarks>
public sealed class SankeyNode : IEquatable<SankeyNode>
{
    /// <summary>Creates a node.</summary>
    /// <param name="id">The id links refer to: <c>step_label</c>, as PostHog writes it (<c>1_home</c>).</param>
    /// <param name="label">The path node, to show.</param>
    /// <param name="step">The 1-based step of the path.</param>
    /// <param name="customers">How many of the diagram's customers' paths have this node at this step.</param>
    /// <exception cref="ArgumentNullException">A string is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> or <paramref name="customers"/> is not
    /// positive.</exception>
    [JsonConstructor]
    public SankeyNode(string id, string label, int step, long customers)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(label);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(step);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(customers);
        Id = id;
        Label = label;
        Step = step;
        Customers = customers;
    }

    /// <summary>Gets the id links refer to.</summary>
    public string Id { get; }

    /// <summary>Gets the path node.</summary>
    public string Label { get; }

    /// <summary>Gets the 1-based step.</summary>
    public int Step { get; }

    /// <summary>Gets how many customers' paths pass here.</summary>
    public long Customers { get; }

    /// <inheritdoc />
    public bool Equals(SankeyNode? other) =>
        other is not null && string.Equals(Id, other.Id, StringComparison.Ordinal) && string.Equals(Label, other.Label, StringComparison.Ordinal)
        && Step == other.Step && Customers == other.Customers;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SankeyNode);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(StringComparer.Ordinal.GetHashCode(Id), Customers);

    /// <summary>Returns the node as <c>1_home (120)</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Id} ({Customers})");
}
