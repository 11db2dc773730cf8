using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Sdk.Journeys;

/// <summary>One distinct path and how many customers took it.</summary>
/// <remarks>Immutable and thread-safe; equal when the nodes (ordinal, in order) and the count are equal.</remarks>
public sealed class PathCount : IEquatable<PathCount>
{
    /// <summary>Creates a path count.</summary>
    /// <param name="nodes">The path's nodes, in order: at least one, none empty.</param>
    /// <param name="customers">How many customers took it; positive.</param>
    /// <exception cref="ArgumentNullException"><paramref name="nodes"/> or a node is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="nodes"/> is empty or holds an empty node.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="customers"/> is not positive.</exception>
    [JsonConstructor]
    public PathCount(IReadOnlyList<string> nodes, long customers)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        if (nodes.Count == 0)
        {
            throw new ArgumentException("A path has at least one node; got none.", nameof(nodes));
        }

        var copy = new string[nodes.Count];
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = CheckNode(nodes[i], nameof(nodes));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(customers);
        Nodes = Array.AsReadOnly(copy);
        Customers = customers;
    }

    /// <summary>Gets the path's nodes, in order.</summary>
    public IReadOnlyList<string> Nodes { get; }

    /// <summary>Gets how many customers took the path.</summary>
    public long Customers { get; }

    /// <inheritdoc />
    public bool Equals(PathCount? other) =>
        other is not null && Customers == other.Customers && Nodes.SequenceEqual(other.Nodes, StringComparer.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Nodes.Count, StringComparer.Ordinal.GetHashCode(Nodes[0]), Customers);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as PathCount);

    /// <summary>Returns the path as <c>home → catalog → product_view: 42</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{string.Join(" → ", Nodes)}: {Customers}");

    internal static string CheckNode(string node, string paramName)
    {
        ArgumentNullException.ThrowIfNull(node, paramName);
        return node.Length > 0 ? node : throw new ArgumentException("A node must not be empty.", paramName);
    }
}
