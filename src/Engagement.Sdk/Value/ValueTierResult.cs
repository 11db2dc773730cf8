using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Sdk.Value;

/// <summary>The value tier of each customer (<see cref="ValueTiers"/>) and the customers per tier.</summary>
/// <remarks>
/// Empty input: with no customers <see cref="HasValue"/> is <see langword="false"/> and every count is 0. In JSON the
/// result is its definition and the tiers in input order; the counts are recomputed when read. Equal when both are
/// equal. Immutable and thread-safe.
/// </remarks>
public sealed class ValueTierResult : IEquatable<ValueTierResult>
{
    private readonly ValueTier[] _tiers;
    private readonly long[] _counts = new long[4];

    /// <summary>Creates a result; prefer <see cref="ValueTiers.Assign"/>.</summary>
    /// <param name="definition">The shares the tiers were assigned with.</param>
    /// <param name="tiers">The customers' tiers, in input order; copied.</param>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> or <paramref name="tiers"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A tier is not a defined value.</exception>
    [JsonConstructor]
    public ValueTierResult(ValueTierDefinition definition, IReadOnlyList<ValueTier> tiers)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(tiers);
        Definition = definition;
        _tiers = new ValueTier[tiers.Count];
        for (var i = 0; i < _tiers.Length; i++)
        {
            _tiers[i] = Validation.Defined(tiers[i], nameof(tiers));
            _counts[(int)_tiers[i]]++;
        }

        Tiers = Array.AsReadOnly(_tiers);
    }

    /// <summary>Gets the shares the tiers were assigned with.</summary>
    public ValueTierDefinition Definition { get; }

    /// <summary>Gets the customers' tiers, in input order.</summary>
    public IReadOnlyList<ValueTier> Tiers { get; }

    /// <summary>Gets the number of customers.</summary>
    [JsonIgnore]
    public int Count => _tiers.Length;

    /// <summary>Gets whether there is a value, that is whether there was any customer.</summary>
    [JsonIgnore]
    public bool HasValue => Count > 0;

    /// <summary>Gets the customers per tier, indexed by the tier's value (<c>Counts[(int)ValueTier.BelowZero]</c>).</summary>
    [JsonIgnore]
    public IReadOnlyList<long> Counts => Array.AsReadOnly(_counts);

    /// <summary>Returns the number of customers in a tier.</summary>
    /// <param name="tier">The tier.</param>
    /// <returns>How many customers it holds.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tier"/> is not a defined value.</exception>
    public long CountOf(ValueTier tier) => _counts[(int)Validation.Defined(tier, nameof(tier))];

    /// <summary>Returns the share of the customers in a tier.</summary>
    /// <param name="tier">The tier.</param>
    /// <returns>The customers in the tier out of all, with its interval; no value without customers.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tier"/> is not a defined value.</exception>
    public Statistics.Proportion ShareOf(ValueTier tier) => new(CountOf(tier), Count);

    /// <inheritdoc />
    public bool Equals(ValueTierResult? other) =>
        other is not null && Definition.Equals(other.Definition) && _tiers.AsSpan().SequenceEqual(other._tiers);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ValueTierResult);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Definition, Count);

    /// <summary>Returns the counts as <c>100 customers: 20 most valuable, 20 most growable, 55 low maintenance, 5 below zero</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Count} customers: {_counts[0]} most valuable, {_counts[1]} most growable, {_counts[2]} low maintenance, {_counts[3]} below zero");
}
