using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Sdk.Responses;

/// <summary>
/// A limit on how often one customer hears from a group of rules: at most <see cref="MaxCount"/> planned responses in
/// any rolling <see cref="Period"/>, counted across every rule whose cap names the same <see cref="Group"/>.
/// </summary>
/// <remarks>
/// <para>
/// Rolling, not fixed: the responses are counted by their due times, and no half-open window
/// <c>[t, t + Period)</c>, wherever it starts, may hold more than <see cref="MaxCount"/> responses of the group for one
/// customer. Two responses are in the same period when they are due less than <see cref="Period"/> apart. A trigger
/// whose response would break the cap is dropped, not postponed (a late welcome or cart reminder is worse than none),
/// and counted in <see cref="ResponseRuleStatistics.Capped"/>. Rules without a cap are never limited, and a group is
/// counted per customer only.
/// </para>
/// <para>Rules that share a group should give the same cap; the planner refuses a policy where they differ, as the
/// limit would otherwise depend on which rule fired. Equal when the three parts are equal. Immutable and thread-safe.</para>
/// </remarks>
public sealed class FrequencyCap : IEquatable<FrequencyCap>
{
    /// <summary>Creates a cap.</summary>
    /// <param name="maxCount">The most responses of the group per customer in any rolling period; at least 1.</param>
    /// <param name="period">The length of the rolling period; greater than zero.</param>
    /// <param name="group">The group the cap counts across; rules naming the same group share the count. Not blank.</param>
    /// <exception cref="ArgumentNullException"><paramref name="group"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="group"/> is empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxCount"/> is less than 1, or
    /// <paramref name="period"/> is not positive.</exception>
    [JsonConstructor]
    public FrequencyCap(int maxCount, TimeSpan period, string group)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        if (period <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(
                nameof(period), period, string.Create(CultureInfo.InvariantCulture, $"A cap's period must be positive; got {period:c}."));
        }

        MaxCount = maxCount;
        Period = period;
        Group = Validation.NotBlank(group, nameof(group));
    }

    /// <summary>Gets the most responses of the group per customer in any rolling period.</summary>
    public int MaxCount { get; }

    /// <summary>Gets the length of the rolling period.</summary>
    public TimeSpan Period { get; }

    /// <summary>Gets the group the cap counts across, compared ordinally.</summary>
    public string Group { get; }

    /// <summary>Returns whether two caps are equal.</summary>
    /// <param name="left">The first cap.</param>
    /// <param name="right">The second cap.</param>
    /// <returns><see langword="true"/> when the count, period and group are equal.</returns>
    public static bool operator ==(FrequencyCap? left, FrequencyCap? right) => Equals(left, right);

    /// <summary>Returns whether two caps differ.</summary>
    /// <param name="left">The first cap.</param>
    /// <param name="right">The second cap.</param>
    /// <returns><see langword="true"/> when a part differs.</returns>
    public static bool operator !=(FrequencyCap? left, FrequencyCap? right) => !Equals(left, right);

    /// <inheritdoc />
    public bool Equals(FrequencyCap? other) =>
        other is not null && MaxCount == other.MaxCount && Period == other.Period && string.Equals(Group, other.Group, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as FrequencyCap);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(MaxCount, Period, StringComparer.Ordinal.GetHashCode(Group));

    /// <summary>Returns the cap as <c>at most 2 per 1.00:00:00 in 'marketing'</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"at most {MaxCount} per {Period:c} in '{Validation.Echo(Group)}'");
}
