using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Sdk.Statistics;

namespace Engagement.Sdk.Journeys;

/// <summary>
/// One pain point in numbers: how many candidate events were examined (add-to-cart events, error events), how many of
/// them were occurrences of the pain point (carts abandoned, errors before exit), their rate, and the ids of the
/// customers affected, so that a host can respond to them.
/// </summary>
/// <remarks>
/// Empty input: with no candidate events <see cref="Rate"/> has no value (<see cref="HasValue"/> is
/// <see langword="false"/>). Customers are listed once each, sorted ordinally. Immutable and thread-safe; in JSON the
/// rate and the customer count are written for readers and recomputed when read.
/// </remarks>
public sealed class PainPointResult : IEquatable<PainPointResult>
{
    /// <summary>Creates a result.</summary>
    /// <param name="name">What the pain point is, such as <c>cart abandonment</c>; a valid name.</param>
    /// <param name="candidates">The candidate events examined; 0 or more.</param>
    /// <param name="occurrences">The occurrences among them; from 0 to <paramref name="candidates"/>.</param>
    /// <param name="customers">The ids of the customers affected: distinct, none blank, at most one per occurrence and at
    /// least one when there is an occurrence; copied and sorted.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="customers"/> is
    /// <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The name is invalid, or the customers are inconsistent.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, or occurrences exceed candidates.</exception>
    [JsonConstructor]
    public PainPointResult(string name, long candidates, long occurrences, IReadOnlyList<string> customers)
    {
        Name = Validation.Name(name, nameof(name), "pain point name");
        Customers = PainPointTally.Check(candidates, occurrences, customers);
        Candidates = candidates;
        Occurrences = occurrences;
    }

    /// <summary>Gets the definition: <see cref="MetricDefinition.PainPoints"/>.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Every result carries its definition as an instance member.")]
    public MetricDefinition Definition => MetricDefinition.PainPoints;

    /// <summary>Gets what the pain point is: <c>cart abandonment</c>, <c>error before exit</c>.</summary>
    public string Name { get; }

    /// <summary>Gets the candidate events examined.</summary>
    public long Candidates { get; }

    /// <summary>Gets the occurrences of the pain point among the candidates.</summary>
    public long Occurrences { get; }

    /// <summary>Gets the ids of the customers affected, sorted ordinally.</summary>
    public IReadOnlyList<string> Customers { get; }

    /// <summary>Gets how many customers are affected.</summary>
    public int CustomerCount => Customers.Count;

    /// <summary>Gets whether there is a value, that is whether any candidate event was examined.</summary>
    [JsonIgnore]
    public bool HasValue => Candidates > 0;

    /// <summary>Gets the rate: occurrences / candidates.</summary>
    public Proportion Rate => new(Occurrences, Candidates);

    /// <inheritdoc />
    public bool Equals(PainPointResult? other) =>
        other is not null
        && string.Equals(Name, other.Name, StringComparison.Ordinal)
        && Candidates == other.Candidates
        && Occurrences == other.Occurrences
        && Customers.SequenceEqual(other.Customers, StringComparer.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as PainPointResult);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Candidates, Occurrences, Customers.Count);

    /// <summary>Returns the result as <c>cart abandonment: 25.00% (3/12), 2 customers</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Name}: {Rate}, {CustomerCount} customers");
}
