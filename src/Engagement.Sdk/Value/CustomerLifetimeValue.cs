using System.Collections.Concurrent;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Runtime.InteropServices;
using Engagement.Sdk.Statistics;

namespace Engagement.Sdk.Value;

/// <summary>
/// Customer lifetime value: what customers have been worth (historical), the textbook formulas from a retention or
/// purchase rate (simple), and what each customer is expected to be worth from fitted purchase and spend models
/// (discounted).
/// </summary>
/// <remarks>
/// <para>
/// The simple formulas assume every customer alike: a constant margin per period, a constant retention rate r (the
/// probability of staying one more period) and a constant discount rate d per period. They follow Gupta, S. &amp;
/// Lehmann, D. R. (2005), <i>Managing Customers as Investments</i>, and Gupta, S., Lehmann, D. R. &amp; Stuart, J. A.
/// (2004), "Valuing Customers", Journal of Marketing Research 41(1). Their constant retention overstates the churn of
/// loyal cohorts (see <see cref="ShiftedBetaGeometricModel"/>); prefer the models when data allow.
/// </para>
/// <para>Thread-safe: every member is a pure function of its arguments.</para>
/// </remarks>
public static class CustomerLifetimeValue
{
    /// <summary>
    /// Gets each customer's historical value: the sum of the customer's transaction values times the margin rate.
    /// </summary>
    /// <param name="transactions">The transactions, in any order.</param>
    /// <param name="marginRate">The share of a transaction's value that is margin; in [0, 1] (1 when the values are margins).</param>
    /// <returns>Each customer's margin so far, by customer id (ordinal), read-only; empty for no transactions.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="transactions"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A transaction is <c>default(Transaction)</c>; the message gives its index.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="marginRate"/> is outside [0, 1].</exception>
    /// <exception cref="OverflowException">A customer's total exceeds <see cref="decimal.MaxValue"/>; the message names the
    /// customer and the index of the transaction that overflowed, and nothing is returned.</exception>
    /// <remarks>
    /// Backward-looking and undiscounted: it ranks customers by what they brought, not by what they will bring, and
    /// favours the oldest customers. The margin is applied to the total, so rounding happens once per customer.
    /// </remarks>
    public static IReadOnlyDictionary<string, decimal> Historical(IEnumerable<Transaction> transactions, decimal marginRate) =>
        Historical(TransactionInput.AsSpan(transactions, nameof(transactions)), marginRate);

    /// <summary>
    /// Gets each customer's historical value: the sum of the customer's transaction values times the margin rate.
    /// </summary>
    /// <param name="transactions">The transactions, in any order.</param>
    /// <param name="marginRate">The share of a transaction's value that is margin; in [0, 1] (1 when the values are margins).</param>
    /// <returns>Each customer's margin so far, by customer id (ordinal), read-only; empty for no transactions.</returns>
    /// <exception cref="ArgumentException">A transaction is <c>default(Transaction)</c>; the message gives its index.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="marginRate"/> is outside [0, 1].</exception>
    /// <exception cref="OverflowException">A customer's total exceeds <see cref="decimal.MaxValue"/>; the message names the
    /// customer and the index of the transaction that overflowed, and nothing is returned.</exception>
    /// <remarks>
    /// Backward-looking and undiscounted: it ranks customers by what they brought, not by what they will bring, and
    /// favours the oldest customers. The margin is applied to the total, so rounding happens once per customer.
    /// </remarks>
    public static IReadOnlyDictionary<string, decimal> Historical(ReadOnlySpan<Transaction> transactions, decimal marginRate)
    {
        if (marginRate is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(marginRate), marginRate, string.Create(CultureInfo.InvariantCulture, $"The margin rate must lie in [0, 1]; got {marginRate}."));
        }

        var totals = new Dictionary<string, decimal>(StringComparer.Ordinal);
        for (var index = 0; index < transactions.Length; index++)
        {
            var customer = TransactionInput.CustomerOf(transactions[index], index, nameof(transactions));
            ref var total = ref CollectionsMarshal.GetValueRefOrAddDefault(totals, customer, out _);
            total = TransactionTotals.AddToCustomer(total, transactions[index].Value, customer, index, nameof(transactions));
        }

        if (marginRate != 1)
        {
            foreach (var customer in totals.Keys.ToArray())
            {
                totals[customer] *= marginRate;
            }
        }

        return new ReadOnlyDictionary<string, decimal>(totals);
    }

    /// <summary>
    /// Gets the retention-based lifetime value of a customer just acquired, with the first margin at the end of the first
    /// period: CLV = Σ<sub>t≥1</sub> m r<sup>t</sup> / (1 + d)<sup>t</sup> = m r / (1 + d − r) (Gupta &amp; Lehmann 2005).
    /// </summary>
    /// <param name="margin">The margin m per period of a retained customer; finite.</param>
    /// <param name="retentionRate">The retention rate r per period; in [0, 1].</param>
    /// <param name="discountRate">The discount rate d per period; finite, 0 or more, above 0 when r is 1.</param>
    /// <returns>The lifetime value.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range, or r = 1 with d = 0 (an infinite value).</exception>
    /// <remarks>Assumes an infinite horizon and constant m, r and d; a customer must survive the period to pay its margin.</remarks>
    public static double Simple(double margin, double retentionRate, double discountRate)
    {
        CheckSimple(margin, retentionRate, discountRate, infinite: true);
        return margin * retentionRate / (1 + discountRate - retentionRate);
    }

    /// <summary>
    /// Gets the retention-based lifetime value of a customer counting the margin of the current period, paid now:
    /// CLV = Σ<sub>t≥0</sub> m r<sup>t</sup> / (1 + d)<sup>t</sup> = m (1 + d) / (1 + d − r).
    /// </summary>
    /// <param name="margin">The margin m per period; finite.</param>
    /// <param name="retentionRate">The retention rate r per period; in [0, 1].</param>
    /// <param name="discountRate">The discount rate d per period; finite, 0 or more, above 0 when r is 1.</param>
    /// <returns>The lifetime value; <see cref="Simple"/> plus the margin m received now.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range, or r = 1 with d = 0 (an infinite value).</exception>
    /// <remarks>The start-of-period variant: for a customer who pays at the start of each period, as subscriptions do.</remarks>
    public static double SimpleFromNow(double margin, double retentionRate, double discountRate)
    {
        CheckSimple(margin, retentionRate, discountRate, infinite: true);
        return margin * (1 + discountRate) / (1 + discountRate - retentionRate);
    }

    /// <summary>
    /// Gets the retention-based lifetime value over a finite horizon of <paramref name="periods"/> periods, margins at the end
    /// of each: CLV = Σ<sub>t=1</sub><sup>H</sup> m r<sup>t</sup> / (1 + d)<sup>t</sup> = m q (1 − q<sup>H</sup>) / (1 − q), q = r / (1 + d).
    /// </summary>
    /// <param name="margin">The margin m per period; finite.</param>
    /// <param name="retentionRate">The retention rate r per period; in [0, 1].</param>
    /// <param name="discountRate">The discount rate d per period; finite, 0 or more.</param>
    /// <param name="periods">The horizon H; 0 or more.</param>
    /// <returns>The lifetime value over the horizon; it tends to <see cref="Simple"/> as H grows.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static double SimpleOverHorizon(double margin, double retentionRate, double discountRate, int periods)
    {
        CheckSimple(margin, retentionRate, discountRate, infinite: false);
        ArgumentOutOfRangeException.ThrowIfNegative(periods);
        var q = retentionRate / (1 + discountRate);
        return q == 1 ? margin * periods : margin * q * -PreciseMath.ExpMinusOne(periods * Math.Log(q)) / (1 - q);
    }

    /// <summary>
    /// Gets the "industry" lifetime value: average order value × purchase frequency × customer lifespan × margin rate,
    /// with the frequency and the lifespan each in a stated time unit.
    /// </summary>
    /// <param name="averageOrderValue">The mean value of an order; finite, 0 or more.</param>
    /// <param name="purchasesPerPeriod">Orders per customer per <paramref name="purchasePeriod"/>; finite, 0 or more.</param>
    /// <param name="purchasePeriod">The period the purchase frequency counts in (4 a <see cref="TimeUnit.Year"/>).</param>
    /// <param name="lifespan">The expected customer lifespan in <paramref name="lifespanUnit"/>s (often 1 / churn rate); finite, 0 or more.</param>
    /// <param name="lifespanUnit">The unit of <paramref name="lifespan"/> (3 <see cref="TimeUnit.Year"/>s).</param>
    /// <param name="marginRate">The share of an order's value that is margin; in [0, 1].</param>
    /// <returns>The lifetime value: AOV × f × L × Days(lifespan unit) / Days(purchase period) × margin rate.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range, or a unit is not defined.</exception>
    /// <remarks>
    /// Undiscounted, and blind to who buys: it multiplies averages, so it suits a rough budget for acquisition, not a
    /// ranking of customers. The lifespan is converted to the purchase period with <see cref="TimeUnits.Days"/> (months and
    /// years are average Gregorian lengths), so 2 orders a month for 1 year is 2 × 365.2425 / 30.436875 = 24 orders.
    /// </remarks>
    public static double FromAverageOrderValue(
        double averageOrderValue, double purchasesPerPeriod, TimeUnit purchasePeriod, double lifespan, TimeUnit lifespanUnit, double marginRate)
    {
        SpendChecks.NonNegative(averageOrderValue, nameof(averageOrderValue));
        SpendChecks.NonNegative(purchasesPerPeriod, nameof(purchasesPerPeriod));
        Validation.Defined(purchasePeriod, nameof(purchasePeriod));
        SpendChecks.NonNegative(lifespan, nameof(lifespan));
        Validation.Defined(lifespanUnit, nameof(lifespanUnit));
        SpendChecks.UnitInterval(marginRate, nameof(marginRate));
        var periods = lifespan * (TimeUnits.Days(lifespanUnit) / TimeUnits.Days(purchasePeriod));
        return averageOrderValue * purchasesPerPeriod * periods * marginRate;
    }

    /// <summary>
    /// Gets each customer's discounted expected lifetime value over a horizon, from a purchase model and a spend model:
    /// CLV = Σ<sub>k=1</sub><sup>H</sup> (E[X(kΔ) | x, t<sub>x</sub>, T] − E[X((k−1)Δ) | x, t<sub>x</sub>, T]) · E[Z | x, z̄] · margin / (1 + d)<sup>k</sup>.
    /// </summary>
    /// <param name="purchases">The fitted purchase model (BG/NBD, Pareto/NBD).</param>
    /// <param name="spend">The fitted spend model.</param>
    /// <param name="data">The customers, in the purchase model's time unit.</param>
    /// <param name="options">The horizon H, the period Δ (converted to the model's unit), the discount rate d per period and
    /// the margin rate.</param>
    /// <param name="cancellationToken">Cancels the computation.</param>
    /// <returns>The value of each customer, in the order of <paramref name="data"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="data"/> is in another time unit than <paramref name="purchases"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="spend"/> has q ≤ 1, where the population's mean
    /// transaction value <see cref="GammaGammaModel.MeanTransactionValue"/> does not exist (names <paramref name="spend"/>, echoes q).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <remarks>
    /// <para>
    /// Purchases in period k are the growth of the conditional expected purchases over it; each is worth the customer's
    /// expected mean value E[Z | x, z̄] (<see cref="GammaGammaModel.ConditionalExpectedAverageValue"/>), discounted to the
    /// end of the calibration period. A customer without repeat purchases, or without a known mean value, is valued at the
    /// population mean <see cref="GammaGammaModel.MeanTransactionValue"/>. Purchases and values are assumed independent,
    /// as the Gamma-Gamma model requires. Customers are valued in parallel blocks on
    /// <see cref="ClvOptions.MaxDegreeOfParallelism"/> cores (all by default), H evaluations of the conditional expectation
    /// each; each evaluation recomputes the customer's probability of being alive, as <see cref="IRepeatPurchaseModel"/>
    /// offers no curve.
    /// </para>
    /// <para>Fader, P. S., Hardie, B. G. S. &amp; Lee, K. L. (2005), "RFM and CLV: Using Iso-Value Curves for Customer Base
    /// Analysis", Journal of Marketing Research 42(4), 415–430, value the same quantity in continuous time (DERT).</para>
    /// </remarks>
    public static double[] Discounted(
        IRepeatPurchaseModel purchases, GammaGammaModel spend, CustomerSummaries data, ClvOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(purchases);
        ArgumentNullException.ThrowIfNull(spend);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        if (data.Unit != purchases.Unit)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The customers are summarised in {data.Unit}s but the purchase model was fitted in {purchases.Unit}s; summarise them in {purchases.Unit}s."),
                nameof(data));
        }

        if (!(spend.Q > 1))
        {
            throw new ArgumentOutOfRangeException(
                nameof(spend), spend.Q,
                string.Create(CultureInfo.InvariantCulture, $"The spend model has q = {spend.Q}; with q ≤ 1 the mean transaction value pγ/(q − 1) does not exist and every value would be infinite. Refit, or check the monetary values."));
        }

        var period = TimeUnits.Days(options.PeriodUnit) / TimeUnits.Days(purchases.Unit);
        var discount = new double[options.Periods + 1];
        for (var k = 1; k < discount.Length; k++)
        {
            discount[k] = Math.Pow(1 + options.DiscountRate, -k);
        }

        var values = new double[data.Count];
        if (values.Length == 0)
        {
            return values;
        }

        // Σ_k (E_k − E_{k−1}) / (1 + d)^k per customer, customers in parallel blocks.
        var populationMean = spend.ExpectedAverageValue(0, 0);
        var blocks = Partitioner.Create(0, values.Length, Math.Max(256, (values.Length / (8 * Environment.ProcessorCount)) + 1));
        Parallel.ForEach(blocks, new ParallelOptions
        {
            CancellationToken = cancellationToken,
            MaxDegreeOfParallelism = options.MaxDegreeOfParallelism == 0 ? -1 : options.MaxDegreeOfParallelism,
        }, range =>
        {
            var frequency = data.Frequency;
            var recency = data.Recency;
            var t = data.T;
            var monetary = data.MonetaryValue;
            for (var i = range.Item1; i < range.Item2; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var x = frequency[i];
                var value = x == 0 || monetary.IsEmpty || double.IsNaN(monetary[i]) ? populationMean : spend.ExpectedAverageValue(x, monetary[i]);
                double previous = 0, sum = 0;
                for (var k = 1; k < discount.Length; k++)
                {
                    var expected = purchases.ConditionalExpectedPurchases(k * period, x, recency[i], t[i]);
                    sum += (expected - previous) * discount[k];
                    previous = expected;
                }

                values[i] = sum * value * options.MarginRate;
            }
        });
        return values;
    }

    private static void CheckSimple(double margin, double retentionRate, double discountRate, bool infinite)
    {
        Validation.Finite(margin, nameof(margin));
        SpendChecks.UnitInterval(retentionRate, nameof(retentionRate));
        SpendChecks.NonNegative(discountRate, nameof(discountRate));
        if (infinite && retentionRate == 1 && discountRate == 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(discountRate), discountRate, "A customer retained for ever with no discounting is worth an infinite amount; give a discount rate above 0.");
        }
    }
}
