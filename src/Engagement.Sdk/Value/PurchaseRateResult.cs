using System.Globalization;
using System.Text.Json.Serialization;

using Engagement.Sdk.Rates;
using Engagement.Sdk.Statistics;

namespace Engagement.Sdk.Value;

/// <summary>
/// Purchase rates over a period (<see cref="PurchaseRateDefinition"/>): retention, churn and repeat-purchase rates as
/// <see cref="Proportion"/>s with Wilson intervals, purchase frequency, and average order value with a Student-t
/// interval — with the counts they come from.
/// </summary>
/// <remarks>
/// <para>
/// Every transaction is one order. The buyers are the customers with an order in the period; the repeat buyers those
/// with two or more. Empty-input policy: a rate with a zero denominator has no value (<see cref="Proportion.HasValue"/>
/// is <see langword="false"/>), and the frequency and average order value are <see langword="null"/> without orders.
/// </para>
/// <para>Serialises its counts and, for readers, the rates and intervals derived from them. Immutable and thread-safe.</para>
/// </remarks>
public sealed class PurchaseRateResult : IEquatable<PurchaseRateResult>
{
    /// <summary>Creates a result from its counts; <see cref="PurchaseRates.Compute(ReadOnlySpan{Transaction}, PurchaseRateDefinition, CancellationToken)"/> makes them.</summary>
    /// <param name="definition">The period and the active window.</param>
    /// <param name="customersAtStart">S: customers active at the period start.</param>
    /// <param name="customersAtEnd">E: customers active at the period end.</param>
    /// <param name="newCustomers">N: customers active at the end but not at the start; at most E, and E − N at most S.</param>
    /// <param name="buyers">Customers with an order in the period; at least E (a customer active at the end bought in
    /// the period), and exactly E when the active window is as long as the period.</param>
    /// <param name="repeatBuyers">Buyers with two or more orders in the period; at most <paramref name="buyers"/>.</param>
    /// <param name="orders">Orders in the period; 0 exactly when there are no buyers, at least
    /// <paramref name="buyers"/> + <paramref name="repeatBuyers"/>, and exactly <paramref name="buyers"/> without repeat
    /// buyers.</param>
    /// <param name="revenue">The orders' total value; 0 or more, and 0 without orders.</param>
    /// <param name="orderValueStandardDeviation">The sample standard deviation of the order values; finite and 0 or
    /// more with two or more orders, at most <paramref name="revenue"/> / √<paramref name="orders"/> (one order holding
    /// all the revenue; so 0 when the revenue is 0), otherwise <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count or value is out of its range; the exception names it.</exception>
    [JsonConstructor]
    public PurchaseRateResult(
        PurchaseRateDefinition definition,
        long customersAtStart,
        long customersAtEnd,
        long newCustomers,
        long buyers,
        long repeatBuyers,
        long orders,
        decimal revenue,
        double? orderValueStandardDeviation)
    {
        ArgumentNullException.ThrowIfNull(definition);
        Retention = Rate.Retention(customersAtStart, customersAtEnd, newCustomers);
        ArgumentOutOfRangeException.ThrowIfNegative(buyers);
        ArgumentOutOfRangeException.ThrowIfNegative(repeatBuyers);
        if (repeatBuyers > buyers)
        {
            throw new ArgumentOutOfRangeException(
                nameof(repeatBuyers), repeatBuyers, string.Create(CultureInfo.InvariantCulture, $"Repeat buyers ({repeatBuyers}) must not exceed buyers ({buyers})."));
        }

        RepeatPurchase = Rate.RepeatPurchase(repeatBuyers, buyers);
        ArgumentOutOfRangeException.ThrowIfNegative(orders);
        // Each buyer has one order and each repeat buyer at least one more; without repeat buyers that is exactly one each.
        if ((orders == 0) != (buyers == 0) || orders < buyers + repeatBuyers || (repeatBuyers == 0 && orders != buyers))
        {
            throw new ArgumentOutOfRangeException(
                nameof(orders), orders, string.Create(
                    CultureInfo.InvariantCulture,
                    $"{buyers} buyers of whom {repeatBuyers} bought twice or more need at least {buyers + repeatBuyers} orders (exactly {buyers} when none bought twice), and orders need buyers; got {orders}."));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(revenue);
        if (orders == 0 && revenue != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(revenue), revenue, string.Create(CultureInfo.InvariantCulture, $"No orders have no revenue; got {revenue}."));
        }

        if (orderValueStandardDeviation.HasValue != (orders >= 2)
            || (orderValueStandardDeviation is { } sd && !(double.IsFinite(sd) && sd >= 0)))
        {
            throw new ArgumentOutOfRangeException(
                nameof(orderValueStandardDeviation), orderValueStandardDeviation, string.Create(
                    CultureInfo.InvariantCulture, $"The standard deviation of {orders} order values must be finite and 0 or more with two or more orders, and null otherwise; got {orderValueStandardDeviation}."));
        }

        // n values of at least 0 summing to R spread most when one is R and the others 0: s² = R² / n. The bound is
        // relaxed by the rounding of the running (Welford) computation, so a real result is never refused; it is 0
        // when the revenue is 0 (every order worth 0).
        if (orderValueStandardDeviation is { } spread && spread > MaximumStandardDeviation(revenue, orders))
        {
            throw new ArgumentOutOfRangeException(
                nameof(orderValueStandardDeviation), orderValueStandardDeviation, string.Create(
                    CultureInfo.InvariantCulture,
                    $"{orders} order values of 0 or more totalling {revenue} have a standard deviation of at most revenue / √orders = {(double)revenue / Math.Sqrt(orders)}; got {spread}."));
        }

        // A customer active at the end bought in [end − window, end), inside the period, so is a buyer; with a window
        // as long as the period every buyer is also active at the end.
        var windowIsPeriod = definition.ActiveWindow == definition.PeriodEnd - definition.PeriodStart;
        if (buyers < customersAtEnd || (windowIsPeriod && buyers != customersAtEnd))
        {
            throw new ArgumentOutOfRangeException(
                nameof(buyers), buyers, string.Create(
                    CultureInfo.InvariantCulture,
                    $"Every customer active at the end bought in the period, so buyers must be at least customersAtEnd ({customersAtEnd}){(windowIsPeriod ? $", and equal to it with an active window as long as the period ({definition.ActiveWindow})" : string.Empty)}; got {buyers}."));
        }

        Definition = definition;
        CustomersAtStart = customersAtStart;
        CustomersAtEnd = customersAtEnd;
        NewCustomers = newCustomers;
        Buyers = buyers;
        RepeatBuyers = repeatBuyers;
        Orders = orders;
        Revenue = revenue;
        OrderValueStandardDeviation = orderValueStandardDeviation;
    }

    /// <summary>Gets the period and the active window.</summary>
    public PurchaseRateDefinition Definition { get; }

    /// <summary>Gets S: the customers active at the period start.</summary>
    public long CustomersAtStart { get; }

    /// <summary>Gets E: the customers active at the period end.</summary>
    public long CustomersAtEnd { get; }

    /// <summary>Gets N: the customers active at the end but not at the start.</summary>
    public long NewCustomers { get; }

    /// <summary>Gets the customers with an order in the period.</summary>
    public long Buyers { get; }

    /// <summary>Gets the buyers with two or more orders in the period.</summary>
    public long RepeatBuyers { get; }

    /// <summary>Gets the orders in the period.</summary>
    public long Orders { get; }

    /// <summary>Gets the total value of the orders in the period.</summary>
    public decimal Revenue { get; }

    /// <summary>Gets the sample standard deviation of the order values; <see langword="null"/> with fewer than two orders.</summary>
    public double? OrderValueStandardDeviation { get; }

    /// <summary>Gets the retention rate (E − N) / S: the share of the customers at the start still active at the end.</summary>
    public Proportion Retention { get; }

    /// <summary>Gets the churn rate (S − (E − N)) / S: the share of the customers at the start no longer active at the end.</summary>
    public Proportion Churn => Rate.Churn(CustomersAtStart - Retention.Successes, CustomersAtStart);

    /// <summary>Gets the repeat-purchase rate: buyers with two or more orders in the period / buyers.</summary>
    public Proportion RepeatPurchase { get; }

    /// <summary>Gets the purchase frequency, orders per buyer; <see langword="null"/> without buyers.</summary>
    public double? PurchaseFrequency => Buyers > 0 ? (double)Orders / Buyers : null;

    /// <summary>Gets the average order value, revenue / orders; <see langword="null"/> without orders.</summary>
    public double? AverageOrderValue => Orders > 0 ? (double)(Revenue / Orders) : null;

    /// <summary>
    /// Gets the 95% interval of the mean order value: mean ± t<sub>0.975, n−1</sub> · s / √n (Student 1908), clamped
    /// below at 0; <see langword="null"/> with fewer than two orders.
    /// </summary>
    public ConfidenceInterval? AverageOrderValueInterval => OrderValueStandardDeviation is { } sd
        ? ConfidenceInterval.StudentT((double)(Revenue / Orders), sd / Math.Sqrt(Orders), Orders, Proportion.DefaultConfidenceLevel, 0, double.MaxValue)
        : null;

    /// <summary>The largest standard deviation of <paramref name="orders"/> values of at least 0 totalling
    /// <paramref name="revenue"/>, R / √n, with room for the rounding of doubles.</summary>
    private static double MaximumStandardDeviation(decimal revenue, long orders) => (double)revenue / Math.Sqrt(orders) * (1 + 1e-6);

    /// <summary>Returns whether two results are equal.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public static bool operator ==(PurchaseRateResult? left, PurchaseRateResult? right) => Equals(left, right);

    /// <summary>Returns whether two results differ.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(PurchaseRateResult? left, PurchaseRateResult? right) => !Equals(left, right);

    /// <inheritdoc />
    public bool Equals(PurchaseRateResult? other) =>
        other is not null
        && Definition == other.Definition
        && CustomersAtStart == other.CustomersAtStart
        && CustomersAtEnd == other.CustomersAtEnd
        && NewCustomers == other.NewCustomers
        && Buyers == other.Buyers
        && RepeatBuyers == other.RepeatBuyers
        && Orders == other.Orders
        && Revenue == other.Revenue
        && Nullable.Equals(OrderValueStandardDeviation, other.OrderValueStandardDeviation);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as PurchaseRateResult);

    /// <inheritdoc />
    public override int GetHashCode() =>
        HashCode.Combine(Definition, CustomersAtStart, CustomersAtEnd, NewCustomers, HashCode.Combine(Buyers, RepeatBuyers, Orders, Revenue, OrderValueStandardDeviation));

    /// <summary>Returns the rates as <c>retention …, churn …, repeat purchase …, frequency …, AOV …</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"retention {Retention.Value:0.###}, churn {Churn.Value:0.###}, repeat purchase {RepeatPurchase.Value:0.###}, frequency {PurchaseFrequency:0.###}, AOV {AverageOrderValue:0.##}");
}
