using System.Globalization;

namespace Engagement.Sdk.Value;

/// <summary>
/// Puts customers in the value tiers of Peppers &amp; Rogers (<see cref="ValueTier"/>) from their actual value, their
/// potential value and their cost to serve.
/// </summary>
/// <remarks>
/// <para>The rules, in order (n = the customers whose net value is 0 or more):</para>
/// <list type="number">
/// <item><b>Below zero</b>: net value = value − cost to serve below 0.</item>
/// <item><b>Most valuable</b>: net value above 0, and fewer than ⌈s<sub>v</sub>·n⌉ of the n customers have a higher net
/// value (s<sub>v</sub> = <see cref="ValueTierDefinition.MostValuableShare"/>).</item>
/// <item><b>Most growable</b>, among the rest: a known potential value, a growth gap = potential − value above 0, and
/// fewer than ⌈s<sub>g</sub>·n⌉ of the rest have a larger gap (s<sub>g</sub> =
/// <see cref="ValueTierDefinition.MostGrowableShare"/>).</item>
/// <item><b>Low maintenance</b>: everyone else.</item>
/// </list>
/// <para>
/// Counting the customers strictly ahead means ties are never split by input order: equal values share a tier, so a tier
/// can hold more than its share when values tie at its edge. With distinct values the most valuable tier holds exactly
/// ⌈s<sub>v</sub>·n⌉ customers (fewer only when fewer have a positive net value). Value, potential and cost are in one
/// currency, over one horizon the host chooses (a year's margin, a CLV). Thread-safe.
/// </para>
/// </remarks>
public static class ValueTiers
{
    /// <summary>Assigns the value tiers.</summary>
    /// <param name="value">Each customer's actual value (margin or CLV); finite, any sign.</param>
    /// <param name="potentialValue">Each customer's potential value (share of wallet, predicted CLV); finite, or NaN when
    /// unknown; or empty when unknown for everyone (then nobody is most growable).</param>
    /// <param name="costToServe">Each customer's cost to serve; finite, 0 or more; or empty for none.</param>
    /// <param name="definition">The shares, or <see langword="null"/> for <see cref="ValueTierDefinition.Default"/>.</param>
    /// <returns>The tiers, in input order.</returns>
    /// <exception cref="ArgumentException">A non-empty column differs in length from <paramref name="value"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is not finite, a potential value is infinite, or a cost is
    /// negative or not finite; the message names its index.</exception>
    public static ValueTierResult Assign(
        ReadOnlySpan<double> value, ReadOnlySpan<double> potentialValue, ReadOnlySpan<double> costToServe, ValueTierDefinition? definition = null)
    {
        definition ??= ValueTierDefinition.Default;
        var n = value.Length;
        CheckColumn(potentialValue, n, nameof(potentialValue));
        CheckColumn(costToServe, n, nameof(costToServe));
        var net = new double[n];
        for (var i = 0; i < n; i++)
        {
            Check(value[i], i, nameof(value), allowNaN: false, allowNegative: true);
            var cost = costToServe.IsEmpty ? 0 : Check(costToServe[i], i, nameof(costToServe), allowNaN: false, allowNegative: false);
            if (!potentialValue.IsEmpty)
            {
                Check(potentialValue[i], i, nameof(potentialValue), allowNaN: true, allowNegative: true);
            }

            net[i] = value[i] - cost;
        }

        var tiers = new ValueTier[n];
        var eligible = new List<double>(n);
        for (var i = 0; i < n; i++)
        {
            if (net[i] < 0)
            {
                tiers[i] = ValueTier.BelowZero;
            }
            else
            {
                eligible.Add(net[i]);
            }
        }

        var sortedNet = eligible.ToArray();
        Array.Sort(sortedNet);
        var mostValuable = Limit(definition.MostValuableShare, sortedNet.Length);
        var gaps = new List<double>(n);
        for (var i = 0; i < n; i++)
        {
            if (tiers[i] == ValueTier.BelowZero)
            {
                continue;
            }

            if (net[i] > 0 && Ahead(sortedNet, net[i]) < mostValuable)
            {
                tiers[i] = ValueTier.MostValuable;
                continue;
            }

            tiers[i] = ValueTier.LowMaintenance;
            if (!potentialValue.IsEmpty && !double.IsNaN(potentialValue[i]))
            {
                gaps.Add(potentialValue[i] - value[i]);
            }
        }

        var sortedGaps = gaps.ToArray();
        Array.Sort(sortedGaps);
        var mostGrowable = Limit(definition.MostGrowableShare, sortedNet.Length);
        for (var i = 0; i < n && !potentialValue.IsEmpty; i++)
        {
            if (tiers[i] == ValueTier.LowMaintenance && !double.IsNaN(potentialValue[i]))
            {
                var gap = potentialValue[i] - value[i];
                if (gap > 0 && Ahead(sortedGaps, gap) < mostGrowable)
                {
                    tiers[i] = ValueTier.MostGrowable;
                }
            }
        }

        return new ValueTierResult(definition, tiers);
    }

    // ⌈share · n⌉, the share read as the decimal it was written as (0.3 · 10 is 3, not 3.0000000000000004).
    private static long Limit(double share, int n) => (long)Math.Ceiling((decimal)share * n);

    // How many of the sorted values are strictly greater than the given one.
    private static int Ahead(double[] sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return sorted.Length - lo;
    }

    private static void CheckColumn(ReadOnlySpan<double> column, int count, string paramName)
    {
        if (!column.IsEmpty && column.Length != count)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The column must be empty or have one entry per customer ({count}); got {column.Length}."), paramName);
        }
    }

    private static double Check(double value, int index, string paramName, bool allowNaN, bool allowNegative)
    {
        if ((double.IsNaN(value) && !allowNaN) || double.IsInfinity(value) || (!allowNegative && value < 0))
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                value,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"The value at index {index} must be {(allowNegative ? "finite" : "finite and 0 or more")}{(allowNaN ? " or NaN" : "")}; got {value}."));
        }

        return value;
    }
}
