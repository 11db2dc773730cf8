using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Sdk.Value;

/// <summary>
/// One customer's purchase history as the "buy till you die" models read it: repeat purchases (frequency), when the
/// last of them came (recency), how long the customer has been observed (T), their mean value, and optionally what
/// the customer did in a holdout period after the calibration period.
/// </summary>
/// <remarks>
/// <para>
/// Times are in the <see cref="TimeUnit"/> of the <see cref="CustomerSummaries"/> that holds the summary, measured
/// from the customer's first purchase: <see cref="Recency"/> is the time of the last repeat purchase (0 without
/// one) and <see cref="T"/> the time to the end of the calibration period, following Fader, Hardie &amp; Lee (2005),
/// "Counting Your Customers the Easy Way", Marketing Science 24(2). Note that this recency grows with loyalty; the RFM
/// recency (time since the last purchase) is <c>T − Recency</c>.
/// </para>
/// <para>Equal when every field is equal. Immutable and thread-safe.</para>
/// </remarks>
public sealed class CustomerSummary : IEquatable<CustomerSummary>
{
    /// <summary>Creates a customer summary.</summary>
    /// <param name="customerId">The customer's identifier; not empty or white space.</param>
    /// <param name="frequency">The number of repeat purchases in the calibration period (purchases after the first,
    /// purchases in the same period merged); 0 or more.</param>
    /// <param name="recency">The time from the first purchase to the last repeat purchase; 0 when
    /// <paramref name="frequency"/> is 0, otherwise finite, above 0 and at most <paramref name="t"/>.</param>
    /// <param name="t">The time from the first purchase to the end of the calibration period; finite, 0 or more.</param>
    /// <param name="monetaryValue">The mean value of the repeat purchases; <see langword="null"/> when unknown, and
    /// always when <paramref name="frequency"/> is 0; otherwise finite, 0 or more.</param>
    /// <param name="holdoutFrequency">The number of purchases in the holdout period; <see langword="null"/> without a
    /// holdout period, otherwise 0 or more.</param>
    /// <param name="holdoutValue">The mean value of the holdout purchases; <see langword="null"/> when unknown, and
    /// always when <paramref name="holdoutFrequency"/> is null or 0; otherwise finite, 0 or more.</param>
    /// <exception cref="ArgumentNullException"><paramref name="customerId"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="customerId"/> is empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, a time or value is negative or not finite,
    /// <paramref name="recency"/> is not 0 without repeat purchases or is 0 with them, <paramref name="recency"/> exceeds
    /// <paramref name="t"/>, or a value is given where the matching count is 0.</exception>
    [JsonConstructor]
    public CustomerSummary(
        string customerId,
        int frequency,
        double recency,
        double t,
        double? monetaryValue = null,
        int? holdoutFrequency = null,
        double? holdoutValue = null)
    {
        CustomerId = Validation.NotBlank(customerId, nameof(customerId));
        Check(frequency, recency, t, monetaryValue, holdoutFrequency, holdoutValue);
        Frequency = frequency;
        Recency = recency;
        T = t;
        MonetaryValue = monetaryValue;
        HoldoutFrequency = holdoutFrequency;
        HoldoutValue = holdoutValue;
    }

    /// <summary>Gets the customer's identifier.</summary>
    public string CustomerId { get; }

    /// <summary>Gets the number of repeat purchases in the calibration period (x in the literature).</summary>
    public int Frequency { get; }

    /// <summary>Gets the time from the first purchase to the last repeat purchase (t<sub>x</sub>); 0 without one.</summary>
    public double Recency { get; }

    /// <summary>Gets the time from the first purchase to the end of the calibration period (T).</summary>
    public double T { get; }

    /// <summary>Gets the mean value of the repeat purchases (z̄); <see langword="null"/> without one or when unknown.</summary>
    public double? MonetaryValue { get; }

    /// <summary>Gets the number of purchases in the holdout period; <see langword="null"/> without a holdout period.</summary>
    public int? HoldoutFrequency { get; }

    /// <summary>Gets the mean value of the holdout purchases; <see langword="null"/> without one or when unknown.</summary>
    public double? HoldoutValue { get; }

    /// <inheritdoc />
    public bool Equals(CustomerSummary? other) =>
        other is not null
        && string.Equals(CustomerId, other.CustomerId, StringComparison.Ordinal)
        && Frequency == other.Frequency
        && Recency.Equals(other.Recency)
        && T.Equals(other.T)
        && Nullable.Equals(MonetaryValue, other.MonetaryValue)
        && HoldoutFrequency == other.HoldoutFrequency
        && Nullable.Equals(HoldoutValue, other.HoldoutValue);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as CustomerSummary);

    /// <inheritdoc />
    public override int GetHashCode() =>
        HashCode.Combine(CustomerId, Frequency, Recency, T, MonetaryValue, HoldoutFrequency, HoldoutValue);

    /// <summary>Returns the summary as <c>id: x = …, t_x = …, T = …</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture, $"{CustomerId}: x = {Frequency}, t_x = {Recency:0.###}, T = {T:0.###}, z̄ = {MonetaryValue:0.##}");

    /// <summary>Checks the fields of a summary (shared with the columnar <see cref="CustomerSummaries"/>).</summary>
    internal static void Check(int frequency, double recency, double t, double? monetaryValue, int? holdoutFrequency, double? holdoutValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(frequency);
        SpendChecks.NonNegative(t, nameof(t));
        SpendChecks.NonNegative(recency, nameof(recency));
        if (frequency == 0 && recency != 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(recency), recency, Message($"A customer without repeat purchases has recency 0; got {recency} with frequency 0."));
        }

        if (frequency > 0 && recency == 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(recency), recency, Message($"A repeat purchase comes after the first, whose period it is merged into otherwise: recency must be above 0 with frequency {frequency}; got 0."));
        }

        if (recency > t)
        {
            throw new ArgumentOutOfRangeException(
                nameof(recency), recency, Message($"The last repeat purchase cannot come after the end of observation: recency {recency} > T {t}."));
        }

        if (monetaryValue is { } value)
        {
            SpendChecks.NonNegative(value, nameof(monetaryValue));
            if (frequency == 0)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(monetaryValue), value, Message($"A customer without repeat purchases has no mean repeat value; got {value}."));
            }
        }

        if (holdoutFrequency is { } holdout)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(holdout, nameof(holdoutFrequency));
        }

        if (holdoutValue is { } mean)
        {
            SpendChecks.NonNegative(mean, nameof(holdoutValue));
            if (holdoutFrequency is null or 0)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(holdoutValue), mean, Message($"A customer without holdout purchases has no mean holdout value; got {mean}."));
            }
        }
    }

    private static string Message(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
