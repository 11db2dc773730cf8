using System.Runtime.InteropServices;

namespace Engagement.Sdk.Value;

/// <summary>
/// Purchase rates over a period from transactions: retention, churn, repeat purchase, purchase frequency and average
/// order value (<see cref="PurchaseRateResult"/>), by the rules of <see cref="PurchaseRateDefinition"/>.
/// </summary>
/// <remarks>
/// <para>
/// One pass over the transactions, in any order: those outside [start − window, end) are skipped, the others' customers
/// interned with one dictionary look-up each. Every transaction is one order. Thread-safe.
/// </para>
/// <para>
/// Retention and churn follow the customer retention rate of practice, (E − N) / S (Kumar &amp; Reinartz 2018,
/// Customer Relationship Management, 3rd ed., ch. 6), with "active" made precise by the window; the repeat-purchase
/// rate is buyers with two or more orders over buyers; purchase frequency is orders per buyer; the average order value
/// is revenue per order, with a Student-t interval from the orders' sample standard deviation.
/// </para>
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage(
    "ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = InputShapes.OptionalTokenOnEachShape)]
public static class PurchaseRates
{
    private const byte ActiveAtStart = 1;
    private const byte ActiveAtEnd = 2;

    /// <summary>Computes the purchase rates of a period.</summary>
    /// <param name="transactions">The purchases, in any order; those outside [start − window, end) are ignored.</param>
    /// <param name="definition">The period and the active window.</param>
    /// <param name="cancellationToken">Cancels the computation.</param>
    /// <returns>The rates with their counts; without transactions in the window, rates without value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A transaction is <c>default(Transaction)</c>; the message gives its index.</exception>
    /// <exception cref="OverflowException">The revenue exceeds <see cref="decimal.MaxValue"/>; the message names the
    /// index and the customer of the transaction that took it past.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static PurchaseRateResult Compute(
        ReadOnlySpan<Transaction> transactions, PurchaseRateDefinition definition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        long start = definition.PeriodStart.UtcTicks, end = definition.PeriodEnd.UtcTicks, window = definition.ActiveWindow.Ticks;
        long startWindow = start - window, endWindow = end - window;
        var index = new Dictionary<string, int>();
        var flags = new List<byte>();
        var orders = new List<int>();
        long orderCount = 0;
        decimal revenue = 0;
        double mean = 0, squares = 0;
        for (var i = 0; i < transactions.Length; i++)
        {
            if ((i & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            ref readonly var transaction = ref transactions[i];
            var id = TransactionInput.CustomerOf(transaction, i, nameof(transactions));
            var time = transaction.Time.UtcTicks;
            if (time < startWindow || time >= end)
            {
                continue;
            }

            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(index, id, out var exists);
            if (!exists)
            {
                slot = flags.Count;
                flags.Add(0);
                orders.Add(0);
            }

            var customer = slot;
            var flag = (byte)((time < start ? ActiveAtStart : 0) | (time >= endWindow ? ActiveAtEnd : 0));
            CollectionsMarshal.AsSpan(flags)[customer] |= flag;
            if (time >= start)
            {
                CollectionsMarshal.AsSpan(orders)[customer]++;
                revenue = TransactionTotals.AddToAll(revenue, transaction.Value, id, i, nameof(transactions));
                orderCount++;

                // Welford's update of the mean and the sum of squared deviations.
                var value = (double)transaction.Value;
                var delta = value - mean;
                mean += delta / orderCount;
                squares += delta * (value - mean);
            }
        }

        long atStart = 0, atEnd = 0, newCustomers = 0, buyers = 0, repeatBuyers = 0;
        var customerFlags = CollectionsMarshal.AsSpan(flags);
        var customerOrders = CollectionsMarshal.AsSpan(orders);
        for (var c = 0; c < customerFlags.Length; c++)
        {
            var flag = customerFlags[c];
            atStart += flag & ActiveAtStart;
            atEnd += (flag & ActiveAtEnd) >> 1;
            newCustomers += flag == ActiveAtEnd ? 1 : 0;
            buyers += customerOrders[c] >= 1 ? 1 : 0;
            repeatBuyers += customerOrders[c] >= 2 ? 1 : 0;
        }

        double? sd = orderCount >= 2 ? Math.Sqrt(Math.Max(squares, 0) / (orderCount - 1)) : null;
        return new PurchaseRateResult(definition, atStart, atEnd, newCustomers, buyers, repeatBuyers, orderCount, revenue, sd);
    }

    /// <inheritdoc cref="Compute(ReadOnlySpan{Transaction}, PurchaseRateDefinition, CancellationToken)"/>
    /// <exception cref="ArgumentNullException"><paramref name="transactions"/> or <paramref name="definition"/> is <see langword="null"/>.</exception>
    public static PurchaseRateResult Compute(
        IEnumerable<Transaction> transactions, PurchaseRateDefinition definition, CancellationToken cancellationToken = default) =>
        Compute(TransactionInput.AsSpan(transactions, nameof(transactions)), definition, cancellationToken);
}
