using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Sdk.Statistics;

namespace Engagement.Sdk.Journeys;

/// <summary>
/// The saved state of a <see cref="FunnelAccumulator"/>: the funnel's definition, the customers scanned and, per
/// breakdown value, the customers by depth, the excluded customers and the distributions of time to convert; versioned.
/// Validated when created, from code or from JSON.
/// </summary>
/// <remarks>
/// <para>
/// JSON: <c>{"version":1,"definition":{"kind":"Funnel",…},"funnel":{"steps":[…],"window":"14.00:00:00",…},
/// "customers":1000,"segments":[{"value":null,"customersByDepth":[["c1"],["c2"]],"excluded":[],
/// "timeToConvert":[{"6000000000":1}]}]}</c>; every member is required and unknown members are rejected (see
/// docs/state.md). Segments are kept in order of value (no value first, then ordinal).
/// </para>
/// <para>
/// Checks besides those of each <see cref="FunnelSegment"/>: one list of customers per step and one time distribution
/// per pair of consecutive steps; in an ordered funnel, each distribution counts exactly the customers that reached its
/// later step and no time exceeds the window; other modes keep no times; excluded customers only with exclusions; a
/// value only with a breakdown, and distinct; no more customers in the segments than <c>customers</c>. Immutable and
/// thread-safe.
/// </para>
/// </remarks>
public sealed class FunnelState : MetricState, IEquatable<FunnelState>
{
    /// <summary>The state format version this library writes and reads: 1.</summary>
    public const int CurrentVersion = 1;

    /// <summary>Creates a state.</summary>
    /// <param name="version">The format version; must be <see cref="CurrentVersion"/>.</param>
    /// <param name="definition">The metric definition; must be <see cref="MetricDefinition.Funnel"/>.</param>
    /// <param name="funnel">The funnel's own definition.</param>
    /// <param name="customers">Every customer scanned, whether or not it entered the funnel; 0 or more.</param>
    /// <param name="segments">The segments, one per breakdown value (one at most without a breakdown).</param>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/>, <paramref name="funnel"/> or
    /// <paramref name="segments"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The definition is not of a funnel, or the segments do not fit the funnel
    /// (see remarks).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The version is unknown, or <paramref name="customers"/> is negative
    /// or less than the customers in the segments.</exception>
    [JsonConstructor]
    public FunnelState(int version, MetricDefinition definition, FunnelDefinition funnel, long customers, IReadOnlyList<FunnelSegment> segments)
        : base(version, CurrentVersion, definition, MetricKind.Funnel)
    {
        Funnel = funnel ?? throw new ArgumentNullException(nameof(funnel));
        Segments = CheckSegments(funnel, customers, segments);
        Customers = customers;
    }

    /// <summary>Gets the funnel's own definition.</summary>
    public FunnelDefinition Funnel { get; }

    /// <summary>Gets every customer scanned, whether or not it entered the funnel.</summary>
    public long Customers { get; }

    /// <summary>Gets the segments: customers without a breakdown value first, then by value in ordinal order.</summary>
    public IReadOnlyList<FunnelSegment> Segments { get; }

    /// <inheritdoc />
    public bool Equals(FunnelState? other) =>
        HeaderEquals(other) && Funnel == other.Funnel && Customers == other.Customers && Segments.SequenceEqual(other.Segments);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as FunnelState);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Version, Definition, Funnel, Customers, Segments.Count);

    /// <summary>Returns the state as <c>funnel state v1 (Ordered funnel a → b within 14.00:00:00): 1000 customers, 2
    /// segments</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"funnel state v{Version} ({Funnel}): {Customers} customers, {Segments.Count} segments");

    /// <summary>Checks segments against a funnel and returns them in canonical order; shared with <see cref="FunnelResult"/>.</summary>
    internal static IReadOnlyList<FunnelSegment> CheckSegments(FunnelDefinition funnel, long customers, IReadOnlyList<FunnelSegment> segments)
    {
        const string Name = "segments";
        ArgumentNullException.ThrowIfNull(segments);
        ArgumentOutOfRangeException.ThrowIfNegative(customers);
        var steps = funnel.Steps.Count;
        var window = funnel.Window.Ticks;
        long inSegments = 0;
        var copy = new FunnelSegment[segments.Count];
        for (var i = 0; i < copy.Length; i++)
        {
            var segment = copy[i] = segments[i] ?? throw new ArgumentException(Invalid(i, "is null"), Name);
            if (segment.CustomersByDepth.Count != steps || segment.TimeToConvert.Count != steps - 1)
            {
                throw new ArgumentException(
                    Invalid(i, $"has {segment.CustomersByDepth.Count} depths and {segment.TimeToConvert.Count} time distributions; the funnel has {steps} steps, so {steps} and {steps - 1}"),
                    Name);
            }

            if (segment.Value is not null && funnel.Breakdown == FunnelBreakdown.None)
            {
                throw new ArgumentException(Invalid(i, $"has the value '{Validation.Echo(segment.Value)}', but the funnel has no breakdown"), Name);
            }

            if (segment.Excluded.Count > 0 && funnel.Exclusions.Count == 0)
            {
                throw new ArgumentException(Invalid(i, $"lists {segment.Excluded.Count} excluded customers, but the funnel has no exclusions"), Name);
            }

            long reachedLater = 0;
            for (var k = steps - 2; k >= 0; k--)
            {
                reachedLater += segment.CustomersByDepth[k + 1].Count;
                long timed = 0;
                foreach (var (ticks, count) in segment.TimeToConvert[k])
                {
                    if (ticks > window)
                    {
                        throw new ArgumentException(Invalid(i, $"has a time of {ticks} ticks from step {k} to {k + 1}, longer than the window ({window} ticks)"), Name);
                    }

                    timed = checked(timed + count);
                }

                var expected = funnel.Mode == FunnelMode.Ordered ? reachedLater : 0;
                if (timed != expected)
                {
                    throw new ArgumentException(
                        Invalid(i, $"times {timed} customers from step {k} to {k + 1}; {(funnel.Mode == FunnelMode.Ordered ? $"{expected} reached step {k + 1}" : $"a {funnel.Mode} funnel keeps no times")}"),
                        Name);
                }
            }

            inSegments += segment.Excluded.Count + segment.CustomersByDepth.Sum(ids => (long)ids.Count);
        }

        Array.Sort(copy, (a, b) => a.Value is null ? (b.Value is null ? 0 : -1) : b.Value is null ? 1 : string.CompareOrdinal(a.Value, b.Value));
        for (var i = 1; i < copy.Length; i++)
        {
            if (string.Equals(copy[i - 1].Value, copy[i].Value, StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"Two segments have the value {(copy[i].Value is null ? "null" : $"'{Validation.Echo(copy[i].Value!)}'")}; values are distinct.", Name);
            }
        }

        if (inSegments > customers)
        {
            throw new ArgumentOutOfRangeException(
                nameof(customers),
                customers,
                string.Create(CultureInfo.InvariantCulture, $"The segments hold {inSegments} customers, more than the {customers} scanned."));
        }

        return Array.AsReadOnly(copy);

        static string Invalid(int index, string problem) => string.Create(CultureInfo.InvariantCulture, $"The segment at index {index} {problem}.");
    }
}
