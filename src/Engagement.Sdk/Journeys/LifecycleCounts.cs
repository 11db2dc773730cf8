using System.Globalization;

namespace Engagement.Sdk.Journeys;

/// <summary>
/// Lifecycle counts, flattened: status <c>s</c> (new, returning, resurrecting, dormant) of period <c>p</c> at
/// <c>s · P + p</c>. Checks what real data could produce, for states and results alike.
/// </summary>
internal static class LifecycleCounts
{
    public const int Statuses = 4;

    public static int Index(LifecycleStatus status, int period, int periods) => (((int)status - 1) * periods) + period;

    /// <summary>Checks the counts of every period against the customers seen.</summary>
    /// <param name="counts">The flattened counts.</param>
    /// <param name="periods">The number of periods.</param>
    /// <param name="customers">The customers seen.</param>
    /// <param name="names">The parameter to name for each status's counts, in status order.</param>
    public static void Check(ReadOnlySpan<long> counts, int periods, long customers, ReadOnlySpan<string> names)
    {
        for (var i = 0; i < counts.Length; i++)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(counts[i], names[i / periods]);
        }

        long created = 0, previousActive = 0;
        for (var p = 0; p < periods; p++)
        {
            long @new = counts[p], returning = counts[periods + p], resurrecting = counts[(2 * periods) + p], dormant = counts[(3 * periods) + p];
            var active = checked(@new + returning + resurrecting);
            created = checked(created + @new);
            if (active > customers || created > customers)
            {
                throw new ArgumentOutOfRangeException(
                    names[0],
                    @new,
                    string.Create(CultureInfo.InvariantCulture, $"Period {p} has {active} active customers and {created} created so far, more than the {customers} customers seen."));
            }

            // Every customer active in the previous period is returning or dormant now; before period 0 that is
            // whoever was active just before the range, of the customers seen.
            var wasActive = checked(returning + dormant);
            if (p == 0 ? wasActive > customers : wasActive != previousActive)
            {
                throw new ArgumentOutOfRangeException(
                    names[3],
                    dormant,
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"Period {p} has {returning} returning and {dormant} dormant customers; they must add up to the {(p == 0 ? "at most " + customers.ToString(CultureInfo.InvariantCulture) + " customers seen" : previousActive.ToString(CultureInfo.InvariantCulture) + " active in the previous period")}."));
            }

            previousActive = active;
        }
    }
}
