using System.Globalization;

namespace Engagement.Sdk.Value;

/// <summary>
/// Sums of transaction values in <see cref="decimal"/>, whose overflow names the input, the customer and the index of
/// the transaction at which the sum passed <see cref="decimal.MaxValue"/>, rather than leaving a bare
/// <see cref="OverflowException"/>.
/// </summary>
internal static class TransactionTotals
{
    /// <summary>Adds the value of the transaction at <paramref name="index"/> to a customer's running total.</summary>
    /// <exception cref="OverflowException">The sum exceeds <see cref="decimal.MaxValue"/>; the message names
    /// <paramref name="paramName"/>, the customer and the index.</exception>
    public static decimal AddToCustomer(decimal total, decimal value, string customer, int index, string paramName)
    {
        try
        {
            return total + value;
        }
        catch (OverflowException e)
        {
            throw CustomerOverflow(customer, index, paramName, e);
        }
    }

    /// <summary>Adds the value of the transaction at <paramref name="index"/>, of <paramref name="customer"/>, to a total
    /// over every customer.</summary>
    /// <exception cref="OverflowException">The sum exceeds <see cref="decimal.MaxValue"/>; the message names
    /// <paramref name="paramName"/>, the customer whose transaction overflowed it and the index.</exception>
    public static decimal AddToAll(decimal total, decimal value, string customer, int index, string paramName)
    {
        try
        {
            return total + value;
        }
        catch (OverflowException e)
        {
            throw new OverflowException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"The total of all values in {paramName} exceeds decimal.MaxValue at index {index} (customer '{Validation.Echo(customer)}')."),
                e);
        }
    }

    /// <summary>The overflow of a customer's total at the transaction at <paramref name="index"/>.</summary>
    public static OverflowException CustomerOverflow(string customer, int index, string paramName, OverflowException? inner) => new(
        string.Create(
            CultureInfo.InvariantCulture,
            $"The total of customer '{Validation.Echo(customer)}' in {paramName} exceeds decimal.MaxValue at index {index}."),
        inner);
}
