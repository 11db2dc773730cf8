using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Sdk.Value;

/// <summary>
/// What a discounted customer lifetime value adds up: <see cref="Periods"/> periods of one <see cref="PeriodUnit"/> each,
/// the margin earned per unit of value, and the discount rate per period.
/// </summary>
/// <remarks>
/// The period is stated, never assumed: twelve monthly periods at 1% a month is
/// <c>new ClvOptions(12, TimeUnit.Month, 0.01, 0.3)</c>, whatever unit the purchase model was fitted in; the periods are
/// converted to the model's unit (<see cref="TimeUnits.Days"/>). Equal when every field is equal. Immutable and thread-safe.
/// </remarks>
public sealed class ClvOptions : IEquatable<ClvOptions>
{
    /// <summary>The most periods a horizon may have.</summary>
    public const int MaxPeriods = 100_000;

    /// <summary>Creates the options.</summary>
    /// <param name="periods">The horizon H in periods; 1 to <see cref="MaxPeriods"/>.</param>
    /// <param name="periodUnit">The length of one period.</param>
    /// <param name="discountRate">The discount rate d per period (0.01 for 1% a period); finite, 0 or more.</param>
    /// <param name="marginRate">The share of a transaction's value that is margin; in [0, 1]. 1 when the values are already margins.</param>
    /// <param name="maxDegreeOfParallelism">The most cores a valuation uses; 0 (the default) for all of them.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range, or <paramref name="periodUnit"/> is not defined.</exception>
    [JsonConstructor]
    public ClvOptions(int periods, TimeUnit periodUnit, double discountRate, double marginRate = 1, int maxDegreeOfParallelism = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxDegreeOfParallelism);
        if (periods is < 1 or > MaxPeriods)
        {
            throw new ArgumentOutOfRangeException(
                nameof(periods), periods, string.Create(CultureInfo.InvariantCulture, $"The horizon must have 1 to {MaxPeriods} periods; got {periods}."));
        }

        Periods = periods;
        PeriodUnit = Validation.Defined(periodUnit, nameof(periodUnit));
        DiscountRate = SpendChecks.NonNegative(discountRate, nameof(discountRate));
        MarginRate = SpendChecks.UnitInterval(marginRate, nameof(marginRate));
        MaxDegreeOfParallelism = maxDegreeOfParallelism;
    }

    /// <summary>Gets the horizon H in periods.</summary>
    public int Periods { get; }

    /// <summary>Gets the length of one period.</summary>
    public TimeUnit PeriodUnit { get; }

    /// <summary>Gets the discount rate d per period.</summary>
    public double DiscountRate { get; }

    /// <summary>Gets the share of a transaction's value that is margin.</summary>
    /// <value>The default value is 1: the values are margins.</value>
    public double MarginRate { get; }

    /// <summary>Gets the most cores <see cref="CustomerLifetimeValue.Discounted"/> uses.</summary>
    /// <value>The default value is 0: all cores.</value>
    public int MaxDegreeOfParallelism { get; }

    /// <summary>Returns whether two options are equal.</summary>
    /// <param name="left">The first options.</param>
    /// <param name="right">The second options.</param>
    /// <returns><see langword="true"/> when every field is equal.</returns>
    public static bool operator ==(ClvOptions? left, ClvOptions? right) => Equals(left, right);

    /// <summary>Returns whether two options differ.</summary>
    /// <param name="left">The first options.</param>
    /// <param name="right">The second options.</param>
    /// <returns><see langword="true"/> when a field differs.</returns>
    public static bool operator !=(ClvOptions? left, ClvOptions? right) => !Equals(left, right);

    /// <inheritdoc />
    public bool Equals(ClvOptions? other) =>
        other is not null && Periods == other.Periods && PeriodUnit == other.PeriodUnit
        && DiscountRate.Equals(other.DiscountRate) && MarginRate.Equals(other.MarginRate)
        && MaxDegreeOfParallelism == other.MaxDegreeOfParallelism;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ClvOptions);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Periods, PeriodUnit, DiscountRate, MarginRate, MaxDegreeOfParallelism);

    /// <summary>Returns the options as <c>12 Months at 1% a Month, margin 30%</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Periods} {PeriodUnit}s at {DiscountRate:0.####%} a {PeriodUnit}, margin {MarginRate:0.##%}");
}
