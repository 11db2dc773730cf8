using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Sdk.Statistics;

namespace Engagement.Sdk.Journeys;

/// <summary>
/// The saved state of a <see cref="PathAccumulator"/>: its definitions, the customers seen, the transition counts and
/// the count of each distinct path, versioned. Validated when created, from code or from JSON.
/// </summary>
/// <remarks>
/// JSON: <c>{"version":1,"definition":{"kind":"Paths",…},"pathDefinition":{…},"customers":…,"transitions":[…],
/// "paths":[…]}</c>; every member is required and unknown members are rejected. Immutable and thread-safe.
/// </remarks>
public sealed class PathState : MetricState, IEquatable<PathState>
{
    /// <summary>The state format version this library writes and reads: 1.</summary>
    public const int CurrentVersion = 1;

    /// <summary>Creates a state.</summary>
    /// <param name="version">The format version; must be <see cref="CurrentVersion"/>.</param>
    /// <param name="definition">The metric definition; must be <see cref="MetricDefinition.Paths"/>.</param>
    /// <param name="pathDefinition">What a node and a path are.</param>
    /// <param name="customers">The customers seen; 0 or more.</param>
    /// <param name="transitions">The transition counts, ordered by nodes.</param>
    /// <param name="paths">The path counts, ordered by nodes.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The definition is not of paths, or the numbers are impossible; the parameter
    /// name says which member.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The version is unknown or a count is negative.</exception>
    /// <exception cref="OverflowException">Counts add up to more than <see cref="long.MaxValue"/>.</exception>
    [JsonConstructor]
    public PathState(
        int version,
        MetricDefinition definition,
        PathDefinition pathDefinition,
        long customers,
        IReadOnlyList<PathTransition> transitions,
        IReadOnlyList<PathCount> paths)
        : base(version, CurrentVersion, definition, MetricKind.Paths)
    {
        (Transitions, Paths) = PathData.Check(pathDefinition, customers, transitions, paths);
        PathDefinition = pathDefinition;
        Customers = customers;
    }

    /// <summary>Gets what a node and a path are.</summary>
    public PathDefinition PathDefinition { get; }

    /// <summary>Gets the customers seen.</summary>
    public long Customers { get; }

    /// <summary>Gets the transition counts, ordered by nodes.</summary>
    public IReadOnlyList<PathTransition> Transitions { get; }

    /// <summary>Gets the path counts, ordered by nodes.</summary>
    public IReadOnlyList<PathCount> Paths { get; }

    /// <inheritdoc />
    public bool Equals(PathState? other) =>
        HeaderEquals(other)
        && PathDefinition.Equals(other.PathDefinition)
        && Customers == other.Customers
        && Transitions.SequenceEqual(other.Transitions)
        && Paths.SequenceEqual(other.Paths);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as PathState);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Version, Definition, PathDefinition, Customers, Transitions.Count, Paths.Count);

    /// <summary>Returns the state as <c>paths state v1: 120 customers, 40 transitions, 75 paths</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"paths state v{Version}: {Customers} customers, {Transitions.Count} transitions, {Paths.Count} paths");
}
