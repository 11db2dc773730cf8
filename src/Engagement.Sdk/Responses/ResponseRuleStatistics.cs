using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Sdk.Responses;

/// <summary>
/// What one rule of a <see cref="ResponsePlanner"/> did so far: how often it fired and planned a response, fired but was
/// capped away, or fired and declined (a host rule returning no action).
/// </summary>
/// <remarks>Every firing is counted once: <c>Fired = Planned + Capped + Declined</c>. Equal when every part is equal.
/// Immutable and thread-safe.</remarks>
public sealed class ResponseRuleStatistics : IEquatable<ResponseRuleStatistics>
{
    /// <summary>Creates the statistics of a rule.</summary>
    /// <param name="ruleName">The rule's name; not blank.</param>
    /// <param name="planned">The responses planned; zero or more.</param>
    /// <param name="capped">The firings dropped by the rule's frequency cap; zero or more.</param>
    /// <param name="declined">The firings for which the rule planned nothing; zero or more.</param>
    /// <exception cref="ArgumentNullException"><paramref name="ruleName"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="ruleName"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, or the counts add up beyond <see cref="long"/>.</exception>
    [JsonConstructor]
    public ResponseRuleStatistics(string ruleName, long planned, long capped, long declined)
    {
        RuleName = Validation.NotBlank(ruleName, nameof(ruleName));
        Validation.Tally(planned, nameof(planned), capped, nameof(capped), declined, nameof(declined));
        Planned = planned;
        Capped = capped;
        Declined = declined;
    }

    /// <summary>Gets the rule's name.</summary>
    public string RuleName { get; }

    /// <summary>Gets the responses planned.</summary>
    public long Planned { get; }

    /// <summary>Gets the firings dropped because the rule's frequency cap was reached.</summary>
    public long Capped { get; }

    /// <summary>Gets the firings for which the rule planned nothing.</summary>
    public long Declined { get; }

    /// <summary>Gets every firing: <see cref="Planned"/> + <see cref="Capped"/> + <see cref="Declined"/>.</summary>
    [JsonIgnore]
    public long Fired => Planned + Capped + Declined;

    /// <summary>Returns whether two statistics are equal.</summary>
    /// <param name="left">The first statistics.</param>
    /// <param name="right">The second statistics.</param>
    /// <returns><see langword="true"/> when every part is equal.</returns>
    public static bool operator ==(ResponseRuleStatistics? left, ResponseRuleStatistics? right) => Equals(left, right);

    /// <summary>Returns whether two statistics differ.</summary>
    /// <param name="left">The first statistics.</param>
    /// <param name="right">The second statistics.</param>
    /// <returns><see langword="true"/> when a part differs.</returns>
    public static bool operator !=(ResponseRuleStatistics? left, ResponseRuleStatistics? right) => !Equals(left, right);

    /// <inheritdoc />
    public bool Equals(ResponseRuleStatistics? other) =>
        other is not null && string.Equals(RuleName, other.RuleName, StringComparison.Ordinal)
        && Planned == other.Planned && Capped == other.Capped && Declined == other.Declined;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ResponseRuleStatistics);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(StringComparer.Ordinal.GetHashCode(RuleName), Planned, Capped, Declined);

    /// <summary>Returns the statistics as <c>welcome: 10 planned, 2 capped, 0 declined</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{RuleName}: {Planned} planned, {Capped} capped, {Declined} declined");
}
