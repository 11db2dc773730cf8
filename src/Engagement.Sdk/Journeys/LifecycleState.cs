using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Sdk.Statistics;

namespace Engagement.Sdk.Journeys;

/// <summary>
/// The saved state of a <see cref="LifecycleAccumulator"/>: its definitions, the customers seen, and per period the
/// counts of new, returning, resurrecting and dormant customers, versioned. Validated when created, from code or from
/// JSON.
/// </summary>
/// <remarks>
/// <para>JSON: <c>{"version":1,"definition":{"kind":"Lifecycle",…},"lifecycle":{"activityEvent":"login",…},
/// "customers":500,"new":[…],"returning":[…],"resurrecting":[…],"dormant":[…]}</c>, one count per period in each list.</para>
/// <para>
/// Checks (states no real data could produce are refused, naming the list): one count per period, none negative; no
/// period with more active customers than customers seen, nor more created so far; and in every period after the first,
/// returning + dormant equals the active customers of the period before (each of them either stays or goes dormant).
/// Immutable and thread-safe.
/// </para>
/// </remarks>
public sealed class LifecycleState : MetricState, IEquatable<LifecycleState>
{
    /// <summary>The state format version this library writes and reads: 1.</summary>
    public const int CurrentVersion = 1;

    private static readonly string[] Names = ["new", "returning", "resurrecting", "dormant"];

    private readonly long[] _counts;

    /// <summary>Creates a state.</summary>
    /// <param name="version">The format version; must be <see cref="CurrentVersion"/>.</param>
    /// <param name="definition">The metric definition; must be <see cref="MetricDefinition.Lifecycle"/>.</param>
    /// <param name="lifecycle">The lifecycle definition.</param>
    /// <param name="customers">The customers seen; 0 or more.</param>
    /// <param name="new">New customers per period.</param>
    /// <param name="returning">Returning customers per period.</param>
    /// <param name="resurrecting">Resurrecting customers per period.</param>
    /// <param name="dormant">Dormant customers per period.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The definition is not of lifecycle, or a list does not hold one count per period.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The version is unknown, or a count is one no data could produce.</exception>
    /// <exception cref="OverflowException">Counts add up to more than <see cref="long.MaxValue"/>.</exception>
    [JsonConstructor]
    public LifecycleState(
        int version,
        MetricDefinition definition,
        LifecycleDefinition lifecycle,
        long customers,
        IReadOnlyList<long> @new,
        IReadOnlyList<long> returning,
        IReadOnlyList<long> resurrecting,
        IReadOnlyList<long> dormant)
        : base(version, CurrentVersion, definition, MetricKind.Lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        ArgumentOutOfRangeException.ThrowIfNegative(customers);
        var periods = lifecycle.PeriodCount;
        _counts = new long[LifecycleCounts.Statuses * periods];
        Copy(@new, nameof(@new), 0);
        Copy(returning, nameof(returning), 1);
        Copy(resurrecting, nameof(resurrecting), 2);
        Copy(dormant, nameof(dormant), 3);
        LifecycleCounts.Check(_counts, periods, customers, Names);
        Lifecycle = lifecycle;
        Customers = customers;

        void Copy(IReadOnlyList<long> counts, string name, int status)
        {
            ArgumentNullException.ThrowIfNull(counts, name);
            if (counts.Count != periods)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"The definition has {periods} periods, so {periods} counts; got {counts.Count}."), name);
            }

            for (var p = 0; p < periods; p++)
            {
                _counts[(status * periods) + p] = counts[p];
            }
        }
    }

    internal LifecycleState(LifecycleDefinition lifecycle, long customers, long[] counts)
        : base(CurrentVersion, CurrentVersion, MetricDefinition.Lifecycle, MetricKind.Lifecycle)
    {
        Lifecycle = lifecycle;
        Customers = customers;
        _counts = counts;
    }

    /// <summary>Gets the lifecycle definition.</summary>
    public LifecycleDefinition Lifecycle { get; }

    /// <summary>Gets the customers seen.</summary>
    public long Customers { get; }

    /// <summary>Gets the new customers per period.</summary>
    public IReadOnlyList<long> New => Slice(LifecycleStatus.New);

    /// <summary>Gets the returning customers per period.</summary>
    public IReadOnlyList<long> Returning => Slice(LifecycleStatus.Returning);

    /// <summary>Gets the resurrecting customers per period.</summary>
    public IReadOnlyList<long> Resurrecting => Slice(LifecycleStatus.Resurrecting);

    /// <summary>Gets the dormant customers per period.</summary>
    public IReadOnlyList<long> Dormant => Slice(LifecycleStatus.Dormant);

    /// <summary>The flattened counts; never changed.</summary>
    internal long[] FlatCounts => _counts;

    /// <inheritdoc />
    public bool Equals(LifecycleState? other) =>
        HeaderEquals(other) && Lifecycle == other.Lifecycle && Customers == other.Customers && _counts.AsSpan().SequenceEqual(other._counts);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as LifecycleState);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Version, Lifecycle, Customers, _counts.Length);

    /// <summary>Returns the state as <c>lifecycle state v1: 500 customers over 26 periods</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"lifecycle state v{Version}: {Customers} customers over {Lifecycle.PeriodCount} periods");

    private System.Collections.ObjectModel.ReadOnlyCollection<long> Slice(LifecycleStatus status) =>
        Array.AsReadOnly(_counts.AsSpan(LifecycleCounts.Index(status, 0, Lifecycle.PeriodCount), Lifecycle.PeriodCount).ToArray());
}
