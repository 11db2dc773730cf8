using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Sdk.Statistics;

namespace Engagement.Sdk.Journeys;

/// <summary>
/// The saved state of a <see cref="RetentionAccumulator"/>: its definitions, the customers seen, and the retention
/// triangle, versioned. Validated when created, from code or from JSON.
/// </summary>
/// <remarks>
/// <para>
/// JSON: <c>{"version":1,"definition":{"kind":"Retention",…},"retention":{"startEvent":"signup",…},"customers":500,
/// "counts":[[120,40,25],[90,30],[100]]}</c>: <c>counts[c]</c> holds cohort c's size then its members retained at
/// k = 1, 2, …, one row per period of the range with one count fewer each.
/// </para>
/// <para>
/// Checks (states no real data could produce are refused, naming <c>counts</c>): one row per period, each of the
/// right length; no count negative or above its cohort's size; no cohort larger than the customers seen; first-time
/// cohorts together no larger than the customers seen (each customer joins at most one); unbounded retention
/// non-increasing in k. Immutable and thread-safe.
/// </para>
/// </remarks>
public sealed class RetentionState : MetricState, IEquatable<RetentionState>
{
    /// <summary>The state format version this library writes and reads: 1.</summary>
    public const int CurrentVersion = 1;

    private readonly long[] _counts;

    /// <summary>Creates a state.</summary>
    /// <param name="version">The format version; must be <see cref="CurrentVersion"/>.</param>
    /// <param name="definition">The metric definition; must be <see cref="MetricDefinition.Retention"/>.</param>
    /// <param name="retention">The retention definition.</param>
    /// <param name="customers">The customers seen; 0 or more.</param>
    /// <param name="counts">One row per period: the cohort's size, then its members retained at k = 1, 2, ….</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The definition is not of retention, or the rows do not fit the periods.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The version is unknown, or a count is one no data could produce.</exception>
    /// <exception cref="OverflowException">The cohort sizes add up to more than <see cref="long.MaxValue"/>.</exception>
    [JsonConstructor]
    public RetentionState(int version, MetricDefinition definition, RetentionDefinition retention, long customers, IReadOnlyList<IReadOnlyList<long>> counts)
        : base(version, CurrentVersion, definition, MetricKind.Retention)
    {
        ArgumentNullException.ThrowIfNull(retention);
        ArgumentOutOfRangeException.ThrowIfNegative(customers);
        ArgumentNullException.ThrowIfNull(counts);
        _counts = RetentionCounts.Flatten(retention, customers, counts, nameof(counts));
        Retention = retention;
        Customers = customers;
        Counts = RetentionCounts.Rows(_counts, retention.PeriodCount);
    }

    internal RetentionState(RetentionDefinition retention, long customers, long[] counts)
        : base(CurrentVersion, CurrentVersion, MetricDefinition.Retention, MetricKind.Retention)
    {
        _counts = counts;
        Retention = retention;
        Customers = customers;
        Counts = RetentionCounts.Rows(counts, retention.PeriodCount);
    }

    /// <summary>Gets the retention definition.</summary>
    public RetentionDefinition Retention { get; }

    /// <summary>Gets the customers seen, in a cohort or not.</summary>
    public long Customers { get; }

    /// <summary>Gets one row per period: the cohort's size, then its members retained at k = 1, 2, ….</summary>
    public IReadOnlyList<IReadOnlyList<long>> Counts { get; }

    /// <summary>The flattened triangle; never changed.</summary>
    internal long[] FlatCounts => _counts;

    /// <inheritdoc />
    public bool Equals(RetentionState? other) =>
        HeaderEquals(other) && Retention == other.Retention && Customers == other.Customers && _counts.AsSpan().SequenceEqual(other._counts);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as RetentionState);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Version, Retention, Customers, _counts.Length);

    /// <summary>Returns the state as <c>retention state v1: 500 customers, 310 cohort members over 26 periods</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString()
    {
        long members = 0;
        for (var c = 0; c < Retention.PeriodCount; c++)
        {
            members += _counts[RetentionCounts.RowStart(c, Retention.PeriodCount)];
        }

        return string.Create(CultureInfo.InvariantCulture, $"retention state v{Version}: {Customers} customers, {members} cohort members over {Retention.PeriodCount} periods");
    }
}
