using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Sdk.Journeys;

/// <summary>One period of a <see cref="LifecycleResult"/>: how many customers were new, returning, resurrecting and
/// dormant in it.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class LifecyclePeriod : IEquatable<LifecyclePeriod>
{
    /// <summary>Creates a period row.</summary>
    /// <param name="start">The start of the period.</param>
    /// <param name="new">Customers active and created in the period.</param>
    /// <param name="returning">Customers active in the period and the previous one.</param>
    /// <param name="resurrecting">Customers active in the period, not in the previous one, and not new.</param>
    /// <param name="dormant">Customers active in the previous period and not in this one.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    /// <exception cref="OverflowException">The active customers add up to more than <see cref="long.MaxValue"/>.</exception>
    [JsonConstructor]
    public LifecyclePeriod(DateTimeOffset start, long @new, long returning, long resurrecting, long dormant)
    {
        Validation.Tally(@new, nameof(@new), returning, nameof(returning), resurrecting, nameof(resurrecting));
        ArgumentOutOfRangeException.ThrowIfNegative(dormant);
        Start = start;
        New = @new;
        Returning = returning;
        Resurrecting = resurrecting;
        Dormant = dormant;
    }

    /// <summary>Gets the start of the period: local midnight in the definition's time zone, with its offset.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>Gets the customers active and created in the period.</summary>
    public long New { get; }

    /// <summary>Gets the customers active in the period and the previous one.</summary>
    public long Returning { get; }

    /// <summary>Gets the customers active in the period, not in the previous one, and not new.</summary>
    public long Resurrecting { get; }

    /// <summary>Gets the customers active in the previous period and not in this one (PostHog shows them negated).</summary>
    public long Dormant { get; }

    /// <summary>Gets the customers active in the period: new, returning and resurrecting.</summary>
    [JsonIgnore]
    public long Active => New + Returning + Resurrecting;

    /// <inheritdoc />
    public bool Equals(LifecyclePeriod? other) =>
        other is not null && Start == other.Start && New == other.New && Returning == other.Returning
        && Resurrecting == other.Resurrecting && Dormant == other.Dormant;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as LifecyclePeriod);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Start, New, Returning, Resurrecting, Dormant);

    /// <summary>Returns the row as <c>2024-01-01: new 12, returning 30, resurrecting 4, dormant 9</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Start:yyyy-MM-dd}: new {New}, returning {Returning}, resurrecting {Resurrecting}, dormant {Dormant}");
}
