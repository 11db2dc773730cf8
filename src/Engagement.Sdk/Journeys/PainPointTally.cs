using System.Collections.ObjectModel;
using System.Globalization;

namespace Engagement.Sdk.Journeys;

/// <summary>
/// What every pain point counts: the candidate events examined, the occurrences of the pain point among them, and the
/// ids of the customers affected. The kernel of the pain-point accumulators and the partial result of their scans.
/// </summary>
internal sealed class PainPointTally
{
    public long Candidates { get; private set; }

    public long Occurrences { get; private set; }

    public HashSet<string> Customers { get; } = new(StringComparer.Ordinal);

    public static PainPointTally From(long candidates, long occurrences, IEnumerable<string> customers)
    {
        var tally = new PainPointTally { Candidates = candidates, Occurrences = occurrences };
        tally.Customers.UnionWith(customers);
        return tally;
    }

    /// <summary>Counts one customer's candidates and occurrences (a scan never overflows a long).</summary>
    public void AddCustomer(string customer, int candidates, int occurrences)
    {
        Candidates += candidates;
        Occurrences += occurrences;
        if (occurrences > 0)
        {
            Customers.Add(customer);
        }
    }

    /// <summary>Adds another tally; checked and all-or-nothing. Customer ids are a set: one in both counts once.</summary>
    /// <exception cref="OverflowException">A total would exceed <see cref="long.MaxValue"/>.</exception>
    public void Merge(PainPointTally other)
    {
        var candidates = checked(Candidates + other.Candidates);
        var occurrences = checked(Occurrences + other.Occurrences);
        if (!ReferenceEquals(other, this))
        {
            Customers.UnionWith(other.Customers);
        }

        Candidates = candidates;
        Occurrences = occurrences;
    }

    /// <summary>The customers, sorted ordinally: the order states and results keep.</summary>
    public string[] SortedCustomers()
    {
        var customers = Customers.ToArray();
        Array.Sort(customers, StringComparer.Ordinal);
        return customers;
    }

    /// <summary>
    /// Checks the counts and customers of a state or result: counts 0 or more, occurrences ≤ candidates, customer ids
    /// valid and distinct, no more customers than occurrences, and some customer when there is an
    /// occurrence. Returns the customers sorted ordinally.
    /// </summary>
    public static ReadOnlyCollection<string> Check(long candidates, long occurrences, IReadOnlyList<string> customers)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(candidates);
        ArgumentOutOfRangeException.ThrowIfNegative(occurrences);
        if (occurrences > candidates)
        {
            throw new ArgumentOutOfRangeException(
                nameof(occurrences), occurrences, string.Create(CultureInfo.InvariantCulture, $"Occurrences ({occurrences}) cannot exceed the candidate events ({candidates})."));
        }

        ArgumentNullException.ThrowIfNull(customers);
        var sorted = new string[customers.Count];
        for (var i = 0; i < sorted.Length; i++)
        {
            sorted[i] = Validation.NotBlank(customers[i], nameof(customers));
        }

        Array.Sort(sorted, StringComparer.Ordinal);
        for (var i = 1; i < sorted.Length; i++)
        {
            if (string.Equals(sorted[i - 1], sorted[i], StringComparison.Ordinal))
            {
                throw new ArgumentException($"The customer '{Validation.Echo(sorted[i])}' is listed twice.", nameof(customers));
            }
        }

        if (sorted.Length > occurrences || (occurrences > 0 && sorted.Length == 0))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{sorted.Length} customers cannot account for {occurrences} occurrences: each affected customer has at least one, and each occurrence one customer."),
                nameof(customers));
        }

        return Array.AsReadOnly(sorted);
    }
}
