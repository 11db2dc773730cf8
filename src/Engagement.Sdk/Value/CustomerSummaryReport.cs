using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Sdk.Value;

/// <summary>
/// What <see cref="CustomerSummaryBuilder.BuildReport(ReadOnlySpan{Transaction}, CustomerSummaryDefinition, CancellationToken)"/>
/// made of its transactions: the summaries of the calibration cohort, and what was counted but left out of them.
/// </summary>
/// <remarks>
/// <para>
/// Customers whose first purchase comes after the calibration end are not in the cohort the summaries describe
/// (Fader, Hardie &amp; Lee 2005; lifetimes drops them too); <see cref="CustomersAfterCalibration"/> and
/// <see cref="TransactionsAfterCalibration"/> say how many there were, so that nothing disappears unseen.
/// </para>
/// <para>Equal when the definition, the counts and every summary are equal. Immutable and thread-safe.</para>
/// </remarks>
public sealed class CustomerSummaryReport : IEquatable<CustomerSummaryReport>
{
    /// <summary>Creates a report; the builder makes them.</summary>
    /// <param name="definition">The definition the summaries were built by.</param>
    /// <param name="summaries">The summaries of the cohort, in <paramref name="definition"/>'s unit, with a holdout
    /// length exactly when the definition has a holdout period.</param>
    /// <param name="transactions">The transactions read; 0 or more.</param>
    /// <param name="customersAfterCalibration">Customers whose first purchase came after the calibration end; 0 or
    /// more, at most the transactions not summarised.</param>
    /// <param name="transactionsAfterCalibration">The transactions of those customers; at least one each, at most
    /// <paramref name="transactions"/>.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="summaries"/> does not match <paramref name="definition"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative or inconsistent with the others.</exception>
    [JsonConstructor]
    public CustomerSummaryReport(
        CustomerSummaryDefinition definition,
        CustomerSummaries summaries,
        long transactions,
        int customersAfterCalibration,
        long transactionsAfterCalibration)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(summaries);
        if (summaries.Unit != definition.Unit || summaries.HoldoutLength.HasValue != definition.ObservationEnd.HasValue)
        {
            throw new ArgumentException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"The summaries (in {summaries.Unit}s, holdout length {summaries.HoldoutLength}) do not match the definition: {definition}."),
                nameof(summaries));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(transactions);
        ArgumentOutOfRangeException.ThrowIfNegative(customersAfterCalibration);
        ArgumentOutOfRangeException.ThrowIfNegative(transactionsAfterCalibration);
        ArgumentOutOfRangeException.ThrowIfLessThan(transactionsAfterCalibration, (long)customersAfterCalibration);

        // Every summarised customer has at least one transaction, each late customer at least one of its own.
        if (transactions < checked(summaries.Count + transactionsAfterCalibration))
        {
            throw new ArgumentOutOfRangeException(
                nameof(transactions), transactions, string.Create(
                    CultureInfo.InvariantCulture,
                    $"{summaries.Count} summarised customers and {transactionsAfterCalibration} transactions after the calibration end need at least {summaries.Count + transactionsAfterCalibration} transactions; got {transactions}."));
        }

        Definition = definition;
        Summaries = summaries;
        Transactions = transactions;
        CustomersAfterCalibration = customersAfterCalibration;
        TransactionsAfterCalibration = transactionsAfterCalibration;
    }

    /// <summary>Gets the definition the summaries were built by.</summary>
    public CustomerSummaryDefinition Definition { get; }

    /// <summary>Gets the summaries of the customers whose first purchase is at or before the calibration end, in the
    /// order of their first appearance in the input.</summary>
    public CustomerSummaries Summaries { get; }

    /// <summary>Gets the number of transactions read.</summary>
    public long Transactions { get; }

    /// <summary>Gets the number of customers whose first purchase came after the calibration end, left out of
    /// <see cref="Summaries"/>.</summary>
    public int CustomersAfterCalibration { get; }

    /// <summary>Gets the number of transactions of the customers counted in <see cref="CustomersAfterCalibration"/>.</summary>
    public long TransactionsAfterCalibration { get; }

    /// <summary>Returns whether two reports are equal.</summary>
    /// <param name="left">The first report.</param>
    /// <param name="right">The second report.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public static bool operator ==(CustomerSummaryReport? left, CustomerSummaryReport? right) => Equals(left, right);

    /// <summary>Returns whether two reports differ.</summary>
    /// <param name="left">The first report.</param>
    /// <param name="right">The second report.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(CustomerSummaryReport? left, CustomerSummaryReport? right) => !Equals(left, right);

    /// <inheritdoc />
    public bool Equals(CustomerSummaryReport? other)
    {
        if (other is null
            || Definition != other.Definition
            || Transactions != other.Transactions
            || CustomersAfterCalibration != other.CustomersAfterCalibration
            || TransactionsAfterCalibration != other.TransactionsAfterCalibration
            || Summaries.Count != other.Summaries.Count
            || !Nullable.Equals(Summaries.HoldoutLength, other.Summaries.HoldoutLength))
        {
            return false;
        }

        var mine = Summaries.Customers;
        var theirs = other.Summaries.Customers;
        for (var i = 0; i < mine.Count; i++)
        {
            if (!mine[i].Equals(theirs[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as CustomerSummaryReport);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Definition, Summaries.Count, Transactions, CustomersAfterCalibration, TransactionsAfterCalibration);

    /// <summary>Returns the report as <c>N customers from M transactions; K customers (L transactions) after calibration</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Summaries.Count} customers from {Transactions} transactions; {CustomersAfterCalibration} customers ({TransactionsAfterCalibration} transactions) after calibration");
}
