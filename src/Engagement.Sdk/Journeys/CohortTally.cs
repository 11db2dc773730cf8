namespace Engagement.Sdk.Journeys;

/// <summary>
/// The counts of a cohort analysis (retention, lifecycle) and the customers they were counted over: the partial result
/// of a run of customers, and the accumulator's whole. Sums are checked.
/// </summary>
internal sealed class CohortTally(long[] counts, long customers)
{
    public CohortTally(int length)
        : this(new long[length], 0)
    {
    }

    public long[] Counts { get; } = counts;

    public long Customers { get; private set; } = customers;

    /// <summary>Adds a later run of customers into <paramref name="into"/>, in place.</summary>
    public static void MergeInto(CohortTally into, CohortTally later)
    {
        for (var i = 0; i < into.Counts.Length; i++)
        {
            into.Counts[i] = checked(into.Counts[i] + later.Counts[i]);
        }

        into.Customers = checked(into.Customers + later.Customers);
    }

    /// <summary>Returns the sum of two tallies as a new one, leaving both unchanged (for all-or-nothing updates).</summary>
    public CohortTally Plus(CohortTally other)
    {
        var sum = new CohortTally([.. Counts], Customers);
        MergeInto(sum, other);
        return sum;
    }

    public void AddCustomers(int customers) => Customers += customers;
}
