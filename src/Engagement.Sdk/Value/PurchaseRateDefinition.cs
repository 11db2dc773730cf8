using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Sdk.Value;

/// <summary>
/// The period [<see cref="PeriodStart"/>, <see cref="PeriodEnd"/>) over which <see cref="PurchaseRates"/> measures
/// retention, churn, repeat purchase, purchase frequency and average order value, and the window that makes a
/// customer active.
/// </summary>
/// <remarks>
/// <para>
/// A customer is <b>active at an instant</b> τ when they made a purchase in [τ − <see cref="ActiveWindow"/>, τ): with a
/// window of 90 days, active at the start means "bought in the 90 days before the period". The customers at the start
/// (S) are those active at <see cref="PeriodStart"/>; the customers at the end (E) those active at
/// <see cref="PeriodEnd"/>; the new customers (N) those active at the end but not at the start (first-time buyers and
/// lapsed customers who came back alike). Retention is (E − N) / S, churn (S − (E − N)) / S (see
/// <see cref="Rates.Rate.Retention"/>). With a window as long as the period, "active at the end" is "bought during the
/// period".
/// </para>
/// <para>
/// The window is at most the period: a longer one would make the two windows overlap, and a customer whose only
/// purchase fell in the overlap (before the period) would count as active at both ends — retained without buying in
/// the period. To measure retention of customers active over 90 days, measure over a period of 90 days or more.
/// </para>
/// <para>Equal when the three members are equal (the instants as instants). Immutable and thread-safe.</para>
/// </remarks>
public sealed class PurchaseRateDefinition : IEquatable<PurchaseRateDefinition>
{
    /// <summary>Creates a purchase-rate definition.</summary>
    /// <param name="periodStart">The start of the period, included.</param>
    /// <param name="periodEnd">The end of the period, excluded; after <paramref name="periodStart"/>.</param>
    /// <param name="activeWindow">How recent a purchase makes a customer active; above zero and at most the period's
    /// length, so that the windows before the start and before the end do not overlap.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="periodEnd"/> is not after
    /// <paramref name="periodStart"/>, <paramref name="activeWindow"/> is not above zero or is longer than the period, or
    /// the window reaches before the earliest <see cref="DateTimeOffset"/>.</exception>
    [JsonConstructor]
    public PurchaseRateDefinition(DateTimeOffset periodStart, DateTimeOffset periodEnd, TimeSpan activeWindow)
    {
        if (periodEnd <= periodStart)
        {
            throw new ArgumentOutOfRangeException(
                nameof(periodEnd), periodEnd, string.Create(
                    CultureInfo.InvariantCulture, $"The period must end after it starts; got end {periodEnd:O} with start {periodStart:O}."));
        }

        if (activeWindow <= TimeSpan.Zero || periodStart.UtcTicks - DateTimeOffset.MinValue.UtcTicks < activeWindow.Ticks)
        {
            throw new ArgumentOutOfRangeException(
                nameof(activeWindow), activeWindow, string.Create(
                    CultureInfo.InvariantCulture, $"The active window must be above zero and start after the earliest representable time; got {activeWindow} before {periodStart:O}."));
        }

        if (activeWindow > periodEnd - periodStart)
        {
            throw new ArgumentOutOfRangeException(
                nameof(activeWindow), activeWindow, string.Create(
                    CultureInfo.InvariantCulture, $"The active window must not exceed the period, or a purchase before the period would count as activity at both ends; got window {activeWindow} with period {periodEnd - periodStart}."));
        }

        PeriodStart = periodStart;
        PeriodEnd = periodEnd;
        ActiveWindow = activeWindow;
    }

    /// <summary>Gets the start of the period, included.</summary>
    public DateTimeOffset PeriodStart { get; }

    /// <summary>Gets the end of the period, excluded.</summary>
    public DateTimeOffset PeriodEnd { get; }

    /// <summary>Gets how recent a purchase makes a customer active: active at τ means a purchase in [τ − window, τ).</summary>
    public TimeSpan ActiveWindow { get; }

    /// <summary>Returns whether two definitions are equal.</summary>
    /// <param name="left">The first definition.</param>
    /// <param name="right">The second definition.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public static bool operator ==(PurchaseRateDefinition? left, PurchaseRateDefinition? right) => Equals(left, right);

    /// <summary>Returns whether two definitions differ.</summary>
    /// <param name="left">The first definition.</param>
    /// <param name="right">The second definition.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(PurchaseRateDefinition? left, PurchaseRateDefinition? right) => !Equals(left, right);

    /// <inheritdoc />
    public bool Equals(PurchaseRateDefinition? other) =>
        other is not null && PeriodStart.Equals(other.PeriodStart) && PeriodEnd.Equals(other.PeriodEnd) && ActiveWindow == other.ActiveWindow;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as PurchaseRateDefinition);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(PeriodStart, PeriodEnd, ActiveWindow);

    /// <summary>Returns the definition as <c>purchase rates over [start, end), active within window</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"purchase rates over [{PeriodStart:O}, {PeriodEnd:O}), active within {ActiveWindow}");
}
