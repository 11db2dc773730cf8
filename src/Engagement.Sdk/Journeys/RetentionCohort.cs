using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Sdk.Statistics;

namespace Engagement.Sdk.Journeys;

/// <summary>
/// One cohort of a <see cref="RetentionResult"/>: the customers who joined in one period, and how many of them returned
/// k periods later.
/// </summary>
/// <remarks><see cref="Counts"/>[0] is the cohort's size and <see cref="Counts"/>[k] the members retained at k, for k up
/// to the last period of the range. Immutable and thread-safe.</remarks>
public sealed class RetentionCohort : IEquatable<RetentionCohort>
{
    private readonly long[] _counts;

    /// <summary>Creates a cohort row.</summary>
    /// <param name="start">The start of the cohort's period.</param>
    /// <param name="counts">The size, then the members retained at k = 1, 2, …; none negative, none above the size.</param>
    /// <exception cref="ArgumentNullException"><paramref name="counts"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="counts"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative or above the size.</exception>
    [JsonConstructor]
    public RetentionCohort(DateTimeOffset start, IReadOnlyList<long> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.Count == 0)
        {
            throw new ArgumentException("A cohort has at least its size, at k = 0; got no counts.", nameof(counts));
        }

        _counts = [.. counts];
        RetentionCounts.CheckRow(_counts, 0, nameof(counts));
        Start = start;
        Counts = Array.AsReadOnly(_counts);
        Rates = Array.AsReadOnly(Array.ConvertAll(_counts, count => new Proportion(count, _counts[0])));
    }

    /// <summary>Gets the start of the cohort's period: local midnight in the definition's time zone, with its offset.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>Gets the size, then the members retained at k = 1, 2, … (bounded or unbounded as defined).</summary>
    public IReadOnlyList<long> Counts { get; }

    /// <summary>Gets the cohort's size: the customers who joined it.</summary>
    [JsonIgnore]
    public long Size => _counts[0];

    /// <summary>Gets the retention at each k: members retained out of the size. Index 0 is the size out of itself; with
    /// an empty cohort every rate has no value.</summary>
    public IReadOnlyList<Proportion> Rates { get; }

    /// <inheritdoc />
    public bool Equals(RetentionCohort? other) =>
        other is not null && Start == other.Start && _counts.AsSpan().SequenceEqual(other._counts);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as RetentionCohort);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Start, _counts.Length, _counts[0]);

    /// <summary>Returns the row as <c>2024-01-01: 120 | 40 | 25</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Start:yyyy-MM-dd}: {string.Join(" | ", _counts)}");
}
