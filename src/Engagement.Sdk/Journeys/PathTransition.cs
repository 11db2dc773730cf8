using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Sdk.Journeys;

/// <summary>How many times customers went from one node straight to another: consecutive nodes of their sequences.</summary>
/// <remarks>Immutable and thread-safe; equal when the nodes (ordinal) and the count are equal.</remarks>
public sealed class PathTransition : IEquatable<PathTransition>
{
    /// <summary>Creates a transition count.</summary>
    /// <param name="from">The earlier node; not empty.</param>
    /// <param name="to">The next node; not empty.</param>
    /// <param name="count">How many times; positive.</param>
    /// <exception cref="ArgumentNullException">A node is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A node is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is not positive.</exception>
    [JsonConstructor]
    public PathTransition(string from, string to, long count)
    {
        From = PathCount.CheckNode(from, nameof(from));
        To = PathCount.CheckNode(to, nameof(to));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        Count = count;
    }

    /// <summary>Gets the earlier node.</summary>
    public string From { get; }

    /// <summary>Gets the next node.</summary>
    public string To { get; }

    /// <summary>Gets how many times customers went from <see cref="From"/> straight to <see cref="To"/>.</summary>
    public long Count { get; }

    /// <inheritdoc />
    public bool Equals(PathTransition? other) =>
        other is not null && string.Equals(From, other.From, StringComparison.Ordinal) && string.Equals(To, other.To, StringComparison.Ordinal) && Count == other.Count;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as PathTransition);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(StringComparer.Ordinal.GetHashCode(From), StringComparer.Ordinal.GetHashCode(To), Count);

    /// <summary>Returns the transition as <c>home → catalog: 120</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{From} → {To}: {Count}");
}
