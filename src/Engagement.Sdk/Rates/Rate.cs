using System.Globalization;

using Engagement.Sdk.Statistics;

namespace Engagement.Sdk.Rates;

/// <summary>
/// The rates of relationship marketing, each a <see cref="Proportion"/> with its counts and a Wilson interval:
/// conversion, retention, churn, repeat purchase and engagement.
/// </summary>
/// <remarks>
/// Every method validates its counts and throws <see cref="ArgumentOutOfRangeException"/> naming the count and its
/// value when one is negative or a part exceeds its whole. With a zero denominator the proportion has no value.
/// </remarks>
public static class Rate
{
    /// <summary>Conversion rate: the share of visitors (or sessions, or leads) that converted.</summary>
    /// <param name="conversions">Visitors who converted; each counted once.</param>
    /// <param name="visitors">Visitors in all.</param>
    /// <returns><paramref name="conversions"/> / <paramref name="visitors"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, or conversions exceed visitors.</exception>
    public static Proportion Conversion(long conversions, long visitors) =>
        Part(conversions, nameof(conversions), visitors, nameof(visitors));

    /// <summary>
    /// Customer retention rate over a period: ((E − N) / S), the customers at the start who are still customers at
    /// the end.
    /// </summary>
    /// <param name="customersAtStart">S, the customers at the start of the period.</param>
    /// <param name="customersAtEnd">E, the customers at the end of the period.</param>
    /// <param name="newCustomers">N, the customers acquired during the period.</param>
    /// <returns>(E − N) / S as a proportion.</returns>
    /// <remarks>The customer retention rate formula of practice, e.g. Kumar &amp; Reinartz (2018), Customer Relationship
    /// Management, 3rd ed., ch. 6.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative; <paramref name="newCustomers"/> exceeds
    /// <paramref name="customersAtEnd"/>; or <paramref name="customersAtEnd"/> − <paramref name="newCustomers"/> exceeds
    /// <paramref name="customersAtStart"/> (the exception names <paramref name="customersAtEnd"/>).</exception>
    public static Proportion Retention(long customersAtStart, long customersAtEnd, long newCustomers)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(customersAtStart);
        ArgumentOutOfRangeException.ThrowIfNegative(customersAtEnd);
        ArgumentOutOfRangeException.ThrowIfNegative(newCustomers);
        if (newCustomers > customersAtEnd)
        {
            throw new ArgumentOutOfRangeException(
                nameof(newCustomers), newCustomers,
                string.Create(CultureInfo.InvariantCulture, $"New customers ({newCustomers}) must not exceed the customers at the end ({customersAtEnd})."));
        }

        // E − N counts the starting customers still there at the end, so it cannot exceed S; the count at the end is
        // the one to blame, as N has already been checked against it.
        var retained = customersAtEnd - newCustomers;
        if (retained > customersAtStart)
        {
            throw new ArgumentOutOfRangeException(
                nameof(customersAtEnd), customersAtEnd,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"The customers retained, customersAtEnd - newCustomers = {customersAtEnd} - {newCustomers} = {retained}, must not exceed customersAtStart ({customersAtStart})."));
        }

        return new Proportion(retained, customersAtStart);
    }

    /// <summary>Churn rate over a period: the share of the customers at the start who were lost during it.</summary>
    /// <param name="customersLost">Customers of the starting cohort who left during the period.</param>
    /// <param name="customersAtStart">Customers at the start of the period.</param>
    /// <returns><paramref name="customersLost"/> / <paramref name="customersAtStart"/>; for the same period and cohort, 1 − retention.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, or the customers lost exceed those at the start.</exception>
    public static Proportion Churn(long customersLost, long customersAtStart) =>
        Part(customersLost, nameof(customersLost), customersAtStart, nameof(customersAtStart));

    /// <summary>Repeat-purchase rate: the share of buying customers who bought more than once.</summary>
    /// <param name="repeatCustomers">Customers with two or more purchases.</param>
    /// <param name="customers">Customers with one or more purchases.</param>
    /// <returns><paramref name="repeatCustomers"/> / <paramref name="customers"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, or repeat customers exceed customers.</exception>
    public static Proportion RepeatPurchase(long repeatCustomers, long customers) =>
        Part(repeatCustomers, nameof(repeatCustomers), customers, nameof(customers));

    /// <summary>Repeat-purchase rate from each customer's number of purchases.</summary>
    /// <param name="purchasesPerCustomer">Purchases per customer, each 0 or more; customers with 0 are not buyers and
    /// are left out of the denominator.</param>
    /// <returns>Customers with ≥ 2 purchases / customers with ≥ 1.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative; the message gives its index.</exception>
    public static Proportion RepeatPurchase(ReadOnlySpan<int> purchasesPerCustomer)
    {
        long buyers = 0, repeaters = 0;
        for (var i = 0; i < purchasesPerCustomer.Length; i++)
        {
            var purchases = purchasesPerCustomer[i];
            if (purchases < 0)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(purchasesPerCustomer), purchases,
                    string.Create(CultureInfo.InvariantCulture, $"The purchase count at index {i} is negative ({purchases})."));
            }

            buyers += purchases >= 1 ? 1 : 0;
            repeaters += purchases >= 2 ? 1 : 0;
        }

        return new Proportion(repeaters, buyers);
    }

    /// <summary>
    /// Engagement rate: the share of reached customers (or followers, or recipients) who engaged at least once.
    /// </summary>
    /// <param name="engagedCustomers">Distinct customers who engaged (clicked, replied, commented, shared …).</param>
    /// <param name="reachedCustomers">Distinct customers reached.</param>
    /// <returns><paramref name="engagedCustomers"/> / <paramref name="reachedCustomers"/>.</returns>
    /// <remarks>
    /// Counting people rather than interactions keeps the rate a proportion in [0, 1]; the interaction count per
    /// follower that social platforms also call "engagement rate" can exceed 1 and is not a proportion.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, or the engaged exceed the reached.</exception>
    public static Proportion Engagement(long engagedCustomers, long reachedCustomers) =>
        Part(engagedCustomers, nameof(engagedCustomers), reachedCustomers, nameof(reachedCustomers));

    private static Proportion Part(long part, string partName, long whole, string wholeName)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(part, partName);
        ArgumentOutOfRangeException.ThrowIfNegative(whole, wholeName);
        if (part > whole)
        {
            throw new ArgumentOutOfRangeException(
                partName, part, string.Create(CultureInfo.InvariantCulture, $"{partName} ({part}) must not exceed {wholeName} ({whole})."));
        }

        return new Proportion(part, whole);
    }
}
