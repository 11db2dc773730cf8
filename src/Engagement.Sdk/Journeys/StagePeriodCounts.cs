using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Sdk.Journeys;

/// <summary>
/// The customers in each stage at the end of one period of a stage distribution (or at the range's end, for the last).
/// </summary>
/// <remarks>Immutable and thread-safe; equal when start and counts are equal.</remarks>
public sealed class StagePeriodCounts : IEquatable<StagePeriodCounts>
{
    /// <summary>Creates the counts of a period.</summary>
    /// <param name="start">The local start of the period.</param>
    /// <param name="counts">Customers in each stage, in model order; 0 or more.</param>
    /// <exception cref="ArgumentNullException"><paramref name="counts"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    [JsonConstructor]
    public StagePeriodCounts(DateTimeOffset start, IReadOnlyList<long> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        foreach (var count in counts)
        {
            if (count < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(counts), count, string.Create(CultureInfo.InvariantCulture, $"A count must be 0 or more; got {count}."));
            }
        }

        Start = start;
        Counts = Array.AsReadOnly([.. counts]);
    }

    /// <summary>Gets the local start of the period.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>Gets the customers in each stage at the period's end, in model order.</summary>
    public IReadOnlyList<long> Counts { get; }

    /// <inheritdoc />
    public bool Equals(StagePeriodCounts? other) =>
        other is not null && Start.Equals(other.Start) && Start.Offset == other.Start.Offset && Counts.SequenceEqual(other.Counts);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as StagePeriodCounts);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Start, Counts.Count);

    /// <summary>Returns the counts as <c>2026-01-05: 3, 1, 0, 0, 0</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Start:yyyy-MM-dd}: {string.Join(", ", Counts)}");
}
