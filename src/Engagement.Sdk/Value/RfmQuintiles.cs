namespace Engagement.Sdk.Value;

/// <summary>
/// The quintile rule of the RFM scores, over one column of values. A customer's score is 1 + ⌊5·p⌋ where p is its
/// mid-rank from worst to best, p = (worse + equal / 2) / n: the customers with a worse value, plus half of those with
/// an equal value (itself included), over all. Equal values share one score; distinct values fill each quintile with
/// ⌊n/5⌋ or ⌈n/5⌉ customers.
/// </summary>
/// <remarks>
/// Cut k (1 to 4) is the worst value whose score is above k: score ≥ k + 1 ⇔ 5·(2·worse + equal) ≥ 2·k·n. The value at
/// sorted position i* = ⌈(2kn − 5) / 10⌉ (counting from the worst) either meets that or the next distinct value does,
/// since every worse value fails it, so each cut costs one selection (quickselect, O(n)) and one counting pass, not a
/// sort. Values are compared as "better" keys: the frequency and monetary values themselves, and the negated recency.
/// </remarks>
internal static class RfmQuintiles
{
    /// <summary>Scores one column: <paramref name="scores"/>[i] = 1 + the cuts at or below key i.</summary>
    /// <param name="values">The values, validated finite and 0 or more.</param>
    /// <param name="lowerIsBetter">Whether a lower value is better (recency).</param>
    /// <param name="scores">One score per value, written.</param>
    /// <param name="scratch">Room for a copy of the values (at least as long).</param>
    /// <returns>The four cuts in value space, <see langword="null"/> where no customer reaches the score above.</returns>
    public static double?[] Score(ReadOnlySpan<double> values, bool lowerIsBetter, Span<byte> scores, Span<double> scratch)
    {
        var n = values.Length;
        var keys = scratch[..n];
        if (lowerIsBetter)
        {
            for (var i = 0; i < n; i++)
            {
                keys[i] = -values[i];
            }
        }
        else
        {
            values.CopyTo(keys);
        }

        // Thresholds on the keys: a key scores above k when it is at least threshold k; +∞ when nobody does.
        Span<double> thresholds = stackalloc double[4];
        var cuts = new double?[4];
        var from = 0;
        for (var k = 1; k <= 4; k++)
        {
            var position = (int)Math.Max(0, CeilingDivide((2L * k * n) - 5, 10));
            thresholds[k - 1] = double.PositiveInfinity;
            if (position >= n)
            {
                continue;
            }

            Select(keys[from..], position - from);
            from = position;
            var candidate = keys[position];
            var threshold = Reaches(values, lowerIsBetter, candidate, k) ? candidate : NextAbove(keys[position..], candidate);
            thresholds[k - 1] = threshold;
            if (!double.IsPositiveInfinity(threshold))
            {
                // Adding 0 turns −0 into 0, so that a cut of zero reads "0", not "-0".
                cuts[k - 1] = (lowerIsBetter ? -threshold : threshold) + 0.0;
            }
        }

        double t1 = thresholds[0], t2 = thresholds[1], t3 = thresholds[2], t4 = thresholds[3];
        if (lowerIsBetter)
        {
            for (var i = 0; i < n; i++)
            {
                var key = -values[i];
                scores[i] = (byte)(1 + (key >= t1 ? 1 : 0) + (key >= t2 ? 1 : 0) + (key >= t3 ? 1 : 0) + (key >= t4 ? 1 : 0));
            }
        }
        else
        {
            for (var i = 0; i < n; i++)
            {
                var key = values[i];
                scores[i] = (byte)(1 + (key >= t1 ? 1 : 0) + (key >= t2 ? 1 : 0) + (key >= t3 ? 1 : 0) + (key >= t4 ? 1 : 0));
            }
        }

        return cuts;
    }

    // Whether the key reaches a score above k: 5·(2·worse + equal) ≥ 2·k·n.
    private static bool Reaches(ReadOnlySpan<double> values, bool lowerIsBetter, double key, int k)
    {
        long worse = 0, equal = 0;
        var value = lowerIsBetter ? -key : key;
        foreach (var v in values)
        {
            if (v == value)
            {
                equal++;
            }
            else if (lowerIsBetter ? v > value : v < value)
            {
                worse++;
            }
        }

        return 5 * ((2 * worse) + equal) >= 2L * k * values.Length;
    }

    // The least key above the given one, among keys that are all at least it; +∞ when there is none.
    private static double NextAbove(ReadOnlySpan<double> keys, double key)
    {
        var next = double.PositiveInfinity;
        foreach (var k in keys)
        {
            if (k > key && k < next)
            {
                next = k;
            }
        }

        return next;
    }

    private static long CeilingDivide(long numerator, long denominator) =>
        numerator >= 0 ? (numerator + denominator - 1) / denominator : -(-numerator / denominator);

    /// <summary>
    /// Puts the element of rank <paramref name="k"/> at index k, with no greater element before it and no smaller one
    /// after it (Hoare's quickselect with a median-of-three pivot; a sort of what is left when the partitions stop
    /// shrinking, so that the worst case stays O(n log n)).
    /// </summary>
    internal static void Select(Span<double> a, int k)
    {
        int lo = 0, hi = a.Length - 1;
        var budget = 2 * (64 - ulong.LeadingZeroCount((ulong)a.Length));
        while (hi > lo)
        {
            if (hi - lo < 16 || budget-- == 0)
            {
                a[lo..(hi + 1)].Sort();
                return;
            }

            var mid = lo + ((hi - lo) / 2);
            double x = a[lo], y = a[mid], z = a[hi];
            var pivot = x < y ? (y < z ? y : Math.Max(x, z)) : (x < z ? x : Math.Max(y, z));
            int i = lo, j = hi;
            while (i <= j)
            {
                while (a[i] < pivot)
                {
                    i++;
                }

                while (a[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (a[i], a[j]) = (a[j], a[i]);
                    i++;
                    j--;
                }
            }

            if (k <= j)
            {
                hi = j;
            }
            else if (k >= i)
            {
                lo = i;
            }
            else
            {
                return;
            }
        }
    }
}
