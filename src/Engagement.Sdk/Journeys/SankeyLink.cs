using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Sdk.Journeys;

/// <summary>A link of a Sankey diagram of paths: customers whose paths go from one step's node to the next step's.</summary>
/// <remarks>Immutable and thread-safe; equal when every member is equal.</remarks>
public sealed class SankeyLink : IEquatable<SankeyLink>
{
    /// <summary>Creates a link.</summary>
    /// <param name="source">The id of the node at step k.</param>
    /// <param name="target">The id of the node at step k + 1.</param>
    /// <param name="value">How many customers; positive.</param>
    /// <exception cref="ArgumentNullException">An id is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is not positive.</exception>
    [JsonConstructor]
    public SankeyLink(string source, string target, long value)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
        Source = source;
        Target = target;
        Value = value;
    }

    /// <summary>Gets the id of the node the link leaves.</summary>
    public string Source { get; }

    /// <summary>Gets the id of the node the link reaches.</summary>
    public string Target { get; }

    /// <summary>Gets how many customers go this way.</summary>
    public long Value { get; }

    /// <inheritdoc />
    public bool Equals(SankeyLink? other) =>
        other is not null && string.Equals(Source, other.Source, StringComparison.Ordinal) && string.Equals(Target, other.Target, StringComparison.Ordinal) && Value == other.Value;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SankeyLink);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(StringComparer.Ordinal.GetHashCode(Source), StringComparer.Ordinal.GetHashCode(Target), Value);

    /// <summary>Returns the link as <c>1_home → 2_catalog: 80</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Source} → {Target}: {Value}");
}
