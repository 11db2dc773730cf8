using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Sdk.Statistics;

namespace Engagement.Sdk.Journeys;

/// <summary>
/// Lifecycle: per period of the range, how many customers were new, returning, resurrecting and dormant (PostHog's
/// definitions, see <see cref="LifecycleDefinition"/>).
/// </summary>
/// <remarks>
/// Empty input: with no customer in any status <see cref="HasValue"/> is <see langword="false"/> (the periods are
/// listed all the same, with zero counts). Each customer's status per period comes from
/// <see cref="LifecycleAccumulator.GetStatuses"/>. Immutable and thread-safe.
/// </remarks>
public sealed class LifecycleResult : IEquatable<LifecycleResult>
{
    private static readonly string[] Names = ["periods", "periods", "periods", "periods"];

    private readonly LifecyclePeriod[] _periods;

    /// <summary>Creates a result; the analysis creates it, the constructor exists for JSON and checks every part.</summary>
    /// <param name="lifecycle">The definition.</param>
    /// <param name="customers">The customers seen.</param>
    /// <param name="periods">One row per period of the definition, in order, starting at each period's start.</param>
    /// <exception cref="ArgumentNullException">An argument or a row is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The rows do not match the definition's periods.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is one that no data could produce (see
    /// <see cref="LifecycleState"/>).</exception>
    [JsonConstructor]
    public LifecycleResult(LifecycleDefinition lifecycle, long customers, IReadOnlyList<LifecyclePeriod> periods)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        ArgumentOutOfRangeException.ThrowIfNegative(customers);
        ArgumentNullException.ThrowIfNull(periods);
        var count = lifecycle.PeriodCount;
        if (periods.Count != count)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The definition has {count} periods; got {periods.Count} rows."), nameof(periods));
        }

        _periods = [.. periods];
        var counts = new long[LifecycleCounts.Statuses * count];
        for (var p = 0; p < count; p++)
        {
            var row = _periods[p] ?? throw new ArgumentNullException(nameof(periods), string.Create(CultureInfo.InvariantCulture, $"Row {p} is null."));
            if (row.Start != lifecycle.GetPeriodStart(p))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Row {p} starts at {row.Start:o}; its period starts at {lifecycle.GetPeriodStart(p):o}."),
                    nameof(periods));
            }

            counts[p] = row.New;
            counts[count + p] = row.Returning;
            counts[(2 * count) + p] = row.Resurrecting;
            counts[(3 * count) + p] = row.Dormant;
        }

        LifecycleCounts.Check(counts, count, customers, Names);
        Lifecycle = lifecycle;
        Customers = customers;
        Periods = Array.AsReadOnly(_periods);
    }

    internal LifecycleResult(LifecycleDefinition lifecycle, long customers, long[] counts)
    {
        var count = lifecycle.PeriodCount;
        _periods = new LifecyclePeriod[count];
        for (var p = 0; p < count; p++)
        {
            _periods[p] = new LifecyclePeriod(lifecycle.GetPeriodStart(p), counts[p], counts[count + p], counts[(2 * count) + p], counts[(3 * count) + p]);
        }

        Lifecycle = lifecycle;
        Customers = customers;
        Periods = Array.AsReadOnly(_periods);
    }

    /// <summary>Gets the metric definition: <see cref="MetricDefinition.Lifecycle"/>.</summary>
    [JsonIgnore]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Every result carries its definition as an instance member.")]
    public MetricDefinition Definition => MetricDefinition.Lifecycle;

    /// <summary>Gets the lifecycle definition: activity event, periods, range.</summary>
    public LifecycleDefinition Lifecycle { get; }

    /// <summary>Gets the customers seen.</summary>
    public long Customers { get; }

    /// <summary>Gets one row per period of the range, in order.</summary>
    public IReadOnlyList<LifecyclePeriod> Periods { get; }

    /// <summary>Gets whether some customer has a status in some period.</summary>
    [JsonIgnore]
    public bool HasValue => Array.Exists(_periods, p => p.Active > 0 || p.Dormant > 0);

    /// <inheritdoc />
    public bool Equals(LifecycleResult? other) =>
        other is not null && Lifecycle == other.Lifecycle && Customers == other.Customers && _periods.AsSpan().SequenceEqual(other._periods);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as LifecycleResult);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Lifecycle, Customers, _periods.Length);

    /// <summary>Returns one line per period after the definition.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Lifecycle}; {Customers} customers{Environment.NewLine}{string.Join(Environment.NewLine, _periods.Select(p => p.ToString()))}");
}
