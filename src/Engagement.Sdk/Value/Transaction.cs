using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Sdk.Value;

/// <summary>A purchase: who bought, when, and for how much.</summary>
/// <remarks>
/// <para>
/// The input of the customer summaries (<see cref="CustomerSummary"/>) and historical value. The value is money in
/// the host's currency (revenue or margin, as the host decides and documents); zero is allowed (a free order),
/// negative is not (record a refund against the order it refunds).
/// </para>
/// <para>
/// <c>default(Transaction)</c> has no customer; everything that reads transactions rejects it, naming its index.
/// Equal when all three fields are equal. Immutable and thread-safe.
/// </para>
/// </remarks>
public readonly struct Transaction : IEquatable<Transaction>
{
    /// <summary>Creates a transaction.</summary>
    /// <param name="customerId">The customer's identifier; not empty or white space.</param>
    /// <param name="time">When the purchase was made.</param>
    /// <param name="value">The purchase's value; 0 or more.</param>
    /// <exception cref="ArgumentNullException"><paramref name="customerId"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="customerId"/> is empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is negative.</exception>
    [JsonConstructor]
    public Transaction(string customerId, DateTimeOffset time, decimal value)
    {
        CustomerId = Validation.NotBlank(customerId, nameof(customerId));
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        Time = time;
        Value = value;
    }

    /// <summary>Gets the customer's identifier; <see langword="null"/> only for <c>default(Transaction)</c>.</summary>
    public string CustomerId { get; }

    /// <summary>Gets when the purchase was made.</summary>
    public DateTimeOffset Time { get; }

    /// <summary>Gets the purchase's value.</summary>
    public decimal Value { get; }

    /// <summary>Gets whether this is <c>default(Transaction)</c>, which has no customer.</summary>
    [JsonIgnore]
    public bool IsDefault => CustomerId is null;

    /// <summary>Returns whether two transactions are equal.</summary>
    /// <param name="left">The first transaction.</param>
    /// <param name="right">The second transaction.</param>
    /// <returns><see langword="true"/> when all fields are equal.</returns>
    public static bool operator ==(Transaction left, Transaction right) => left.Equals(right);

    /// <summary>Returns whether two transactions differ.</summary>
    /// <param name="left">The first transaction.</param>
    /// <param name="right">The second transaction.</param>
    /// <returns><see langword="true"/> when any field differs.</returns>
    public static bool operator !=(Transaction left, Transaction right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(Transaction other) =>
        string.Equals(CustomerId, other.CustomerId, StringComparison.Ordinal) && Time.Equals(other.Time) && Value == other.Value;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Transaction other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(CustomerId, Time, Value);

    /// <summary>Returns the transaction as <c>customer time value</c>, or <c>default(Transaction)</c> for the default.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        IsDefault ? "default(Transaction)" : string.Create(CultureInfo.InvariantCulture, $"{CustomerId} {Time:O} {Value}");
}
