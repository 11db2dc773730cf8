using System.Globalization;
using System.Runtime.InteropServices;

namespace Engagement.Sdk.Value;

/// <summary>What every reader of transactions shares: a sequence as a span, and the refusal of a default transaction.</summary>
internal static class TransactionInput
{
    /// <summary>Gets the transactions as a span: an array or list without a copy, any other sequence copied once.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="transactions"/> is <see langword="null"/>.</exception>
    public static ReadOnlySpan<Transaction> AsSpan(IEnumerable<Transaction> transactions, string paramName)
    {
        ArgumentNullException.ThrowIfNull(transactions, paramName);
        return transactions switch
        {
            Transaction[] array => array,
            List<Transaction> list => CollectionsMarshal.AsSpan(list),
            _ => CollectionsMarshal.AsSpan(new List<Transaction>(transactions)),
        };
    }

    /// <summary>Gets the customer of the transaction at <paramref name="index"/>, refusing <c>default(Transaction)</c>.</summary>
    /// <exception cref="ArgumentException">The transaction is <c>default(Transaction)</c>; the message gives its index.</exception>
    public static string CustomerOf(in Transaction transaction, int index, string paramName) =>
        transaction.CustomerId ?? throw new ArgumentException(
            string.Create(CultureInfo.InvariantCulture, $"The transaction at index {index} is default(Transaction), which has no customer."),
            paramName);
}
