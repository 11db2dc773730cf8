using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Sdk.Value;

/// <summary>
/// The thresholds of the value tiers: the share of customers that are most valuable and the share that are most
/// growable.
/// </summary>
/// <remarks>
/// Both shares are of the customers whose net value (value − cost to serve) is 0 or more, the below-zero customers
/// being set apart first. The defaults, 20% and 20%, follow the Pareto intuition Peppers &amp; Rogers start from (a top
/// fifth of customers bringing most of the value). Equal when both shares are equal. Immutable and thread-safe.
/// </remarks>
public sealed class ValueTierDefinition : IEquatable<ValueTierDefinition>
{
    /// <summary>Creates a definition.</summary>
    /// <param name="mostValuableShare">The share of customers (with net value 0 or more) who are most valuable: above 0,
    /// at most 1.</param>
    /// <param name="mostGrowableShare">The share of those customers who are most growable: 0 to 1, and at most
    /// 1 − <paramref name="mostValuableShare"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A share is outside its range or not a number.</exception>
    [JsonConstructor]
    public ValueTierDefinition(double mostValuableShare = 0.2, double mostGrowableShare = 0.2)
    {
        if (!(mostValuableShare > 0 && mostValuableShare <= 1))
        {
            throw new ArgumentOutOfRangeException(
                nameof(mostValuableShare), mostValuableShare, Message($"The most valuable share lies in (0, 1]; got {mostValuableShare}."));
        }

        if (!(mostGrowableShare >= 0 && mostGrowableShare <= 1 - mostValuableShare))
        {
            throw new ArgumentOutOfRangeException(
                nameof(mostGrowableShare),
                mostGrowableShare,
                Message($"The most growable share lies in [0, 1 − most valuable share = {1 - mostValuableShare}]; got {mostGrowableShare}."));
        }

        MostValuableShare = mostValuableShare;
        MostGrowableShare = mostGrowableShare;
    }

    /// <summary>Gets the default definition: 20% most valuable, 20% most growable.</summary>
    public static ValueTierDefinition Default { get; } = new();

    /// <summary>Gets the share of customers (with net value 0 or more) who are most valuable.</summary>
    /// <value>The default value is 0.2.</value>
    public double MostValuableShare { get; }

    /// <summary>Gets the share of customers (with net value 0 or more) who are most growable.</summary>
    /// <value>The default value is 0.2.</value>
    public double MostGrowableShare { get; }

    /// <summary>Returns whether two definitions are equal.</summary>
    /// <param name="left">The first definition.</param>
    /// <param name="right">The second definition.</param>
    /// <returns><see langword="true"/> when both shares are equal.</returns>
    public static bool operator ==(ValueTierDefinition? left, ValueTierDefinition? right) => Equals(left, right);

    /// <summary>Returns whether two definitions differ.</summary>
    /// <param name="left">The first definition.</param>
    /// <param name="right">The second definition.</param>
    /// <returns><see langword="true"/> when a share differs.</returns>
    public static bool operator !=(ValueTierDefinition? left, ValueTierDefinition? right) => !Equals(left, right);

    /// <inheritdoc />
    public bool Equals(ValueTierDefinition? other) =>
        other is not null && MostValuableShare.Equals(other.MostValuableShare) && MostGrowableShare.Equals(other.MostGrowableShare);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ValueTierDefinition);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(MostValuableShare, MostGrowableShare);

    /// <summary>Returns the definition as <c>value tiers: 20% most valuable, 20% most growable</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        Message($"value tiers: {MostValuableShare * 100:0.##}% most valuable, {MostGrowableShare * 100:0.##}% most growable");

    private static string Message(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
