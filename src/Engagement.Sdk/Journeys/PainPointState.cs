using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Sdk.Statistics;

namespace Engagement.Sdk.Journeys;

/// <summary>
/// The saved state of a <see cref="PainPointAccumulator"/>: its definitions, the candidate events and occurrences, and
/// the customers affected, versioned. Validated when created, from code or from JSON.
/// </summary>
/// <remarks>
/// JSON: <c>{"version":1,"definition":{"kind":"PainPoints",…},"painPoint":{"cartAbandonment":{"addToCartEvents":["add_to_cart"],"purchaseEvents":["purchase"],"window":"1.00:00:00"},"errorExit":null},"candidates":12,"occurrences":3,"customers":["u1","u2"]}</c>;
/// every member is required and unknown members are rejected (see docs/state.md). Checks: counts 0 or more, occurrences
/// ≤ candidates, customer ids distinct and not blank, no more customers than occurrences, and some customer when there
/// is an occurrence. Customers are kept sorted ordinally. Immutable and thread-safe.
/// </remarks>
public sealed class PainPointState : MetricState, IEquatable<PainPointState>
{
    /// <summary>The state format version this library writes and reads: 1.</summary>
    public const int CurrentVersion = 1;

    /// <summary>Creates a state.</summary>
    /// <param name="version">The format version; must be <see cref="CurrentVersion"/>.</param>
    /// <param name="definition">The definition; must be <see cref="MetricDefinition.PainPoints"/>.</param>
    /// <param name="painPoint">Which pain point was counted, with its parameters.</param>
    /// <param name="candidates">The candidate events examined; 0 or more.</param>
    /// <param name="occurrences">The occurrences of the pain point among the candidates; from 0 to <paramref name="candidates"/>.</param>
    /// <param name="customers">The ids of the customers affected; distinct, none blank, at most one per occurrence, at
    /// least one when there is an occurrence.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The definition is not of pain points, or the customers are inconsistent.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The version is unknown, a count is negative, or occurrences exceed
    /// candidates.</exception>
    [JsonConstructor]
    public PainPointState(int version, MetricDefinition definition, PainPointDefinition painPoint, long candidates, long occurrences, IReadOnlyList<string> customers)
        : base(version, CurrentVersion, definition, MetricKind.PainPoints)
    {
        ArgumentNullException.ThrowIfNull(painPoint);
        Customers = PainPointTally.Check(candidates, occurrences, customers);
        PainPoint = painPoint;
        Candidates = candidates;
        Occurrences = occurrences;
    }

    /// <summary>Gets which pain point was counted, with its parameters.</summary>
    public PainPointDefinition PainPoint { get; }

    /// <summary>Gets the candidate events examined.</summary>
    public long Candidates { get; }

    /// <summary>Gets the occurrences of the pain point among the candidates.</summary>
    public long Occurrences { get; }

    /// <summary>Gets the ids of the customers affected, sorted ordinally.</summary>
    public IReadOnlyList<string> Customers { get; }

    /// <inheritdoc />
    public bool Equals(PainPointState? other) =>
        HeaderEquals(other)
        && PainPoint == other.PainPoint
        && Candidates == other.Candidates
        && Occurrences == other.Occurrences
        && Customers.SequenceEqual(other.Customers, StringComparer.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as PainPointState);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Version, PainPoint, Candidates, Occurrences, Customers.Count);

    /// <summary>Returns the state as <c>cart abandonment state v1: 3 of 12, 2 customers</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{PainPoint.Name} state v{Version}: {Occurrences} of {Candidates}, {Customers.Count} customers");
}
