namespace Engagement.Sdk.Value;

/// <summary>
/// A fitted model of repeat purchasing in a non-contractual, continuous-time setting — customers buy whenever they
/// like and leave unannounced — such as <see cref="BgNbdModel"/> and <see cref="ParetoNbdModel"/>.
/// </summary>
/// <remarks>
/// Times are in <see cref="Unit"/>, the unit of the data the model was fitted on: a model fitted in weeks predicts in
/// weeks. Histories follow <see cref="CustomerSummary"/>: frequency x (repeat purchases), recency t<sub>x</sub> and age T,
/// measured from the customer's first purchase. Implementations are immutable and thread-safe.
/// </remarks>
public interface IRepeatPurchaseModel
{
    /// <summary>Gets the unit of every time the model takes and gives.</summary>
    TimeUnit Unit { get; }

    /// <summary>Returns E[X(t)], the expected repeat purchases of a new customer in the first <paramref name="t"/>
    /// units after the first purchase.</summary>
    /// <param name="t">The horizon in <see cref="Unit"/>s; finite, 0 or more.</param>
    /// <returns>The expected number of purchases, 0 or more.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="t"/> is negative or not finite.</exception>
    double ExpectedPurchases(double t);

    /// <summary>Returns P(X(t) = x), the probability that a new customer makes exactly <paramref name="purchases"/>
    /// repeat purchases in the first <paramref name="t"/> units after the first purchase.</summary>
    /// <param name="purchases">The number of repeat purchases x; 0 or more.</param>
    /// <param name="t">The horizon in <see cref="Unit"/>s; finite, 0 or more.</param>
    /// <returns>The probability, in [0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="purchases"/> is negative, or <paramref name="t"/> is
    /// negative or not finite.</exception>
    double ProbabilityOfPurchases(int purchases, double t);

    /// <summary>Returns E[Y(t) | x, t<sub>x</sub>, T], the expected purchases in the next <paramref name="t"/> units of a
    /// customer with the given history.</summary>
    /// <param name="t">The horizon in <see cref="Unit"/>s; finite, 0 or more.</param>
    /// <param name="frequency">The repeat purchases x; 0 or more.</param>
    /// <param name="recency">The time of the last repeat purchase t<sub>x</sub>; 0 when x is 0, otherwise in (0, T].</param>
    /// <param name="age">The customer's age T: the time from the first purchase to the end of observation; finite, 0 or more.</param>
    /// <returns>The expected number of purchases, 0 or more.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of its range (e.g. t &lt; 0, recency &gt; T).</exception>
    double ConditionalExpectedPurchases(double t, int frequency, double recency, double age);

    /// <summary>Returns the probability that a customer with the given history is still alive (has not left) at T.</summary>
    /// <param name="frequency">The repeat purchases x; 0 or more.</param>
    /// <param name="recency">The time of the last repeat purchase t<sub>x</sub>; 0 when x is 0, otherwise in (0, T].</param>
    /// <param name="age">The customer's age T: the time from the first purchase to the end of observation; finite, 0 or more.</param>
    /// <returns>The probability, in [0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of its range.</exception>
    double ProbabilityAlive(int frequency, double recency, double age);

    /// <summary>Returns E[Y(t) | x, t<sub>x</sub>, T] for every customer of <paramref name="data"/>, in order.</summary>
    /// <param name="data">The customers; in <see cref="Unit"/>.</param>
    /// <param name="t">The horizon in <see cref="Unit"/>s; finite, 0 or more.</param>
    /// <returns>One expectation per customer.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="data"/> is in another unit.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="t"/> is negative or not finite.</exception>
    double[] ConditionalExpectedPurchases(CustomerSummaries data, double t);

    /// <summary>Returns P(alive | x, t<sub>x</sub>, T) for every customer of <paramref name="data"/>, in order.</summary>
    /// <param name="data">The customers; in <see cref="Unit"/>.</param>
    /// <returns>One probability per customer.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="data"/> is in another unit.</exception>
    double[] ProbabilityAlive(CustomerSummaries data);
}
