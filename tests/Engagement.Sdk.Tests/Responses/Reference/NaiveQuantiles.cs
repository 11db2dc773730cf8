namespace Engagement.Sdk.Tests.Responses.Reference;

/// <summary>
/// Exact quantiles by sorting, with the definition of the q-quantile that DDSketch's guarantee is stated against, and
/// the relative-error test that guarantee promises.
/// </summary>
/// <remarks>
/// Masson, Rim &amp; Lee, "DDSketch: A fast and fully-mergeable quantile sketch with relative-error guarantees",
/// PVLDB 12(12), 2019: for values x₍₁₎ ≤ … ≤ x₍ₙ₎ the q-quantile is x₍⌊1 + q(n − 1)⌋₎ (1-based order statistics),
/// i.e. 0-based index ⌊q(n − 1)⌋ of the sorted values — the lower of the two neighbours, never an interpolation.
/// DataDog's implementations compute the same rank as <c>quantile * (count - 1)</c> and return the first bin whose
/// cumulative count exceeds it. The rank is computed here in <see cref="double"/> exactly as that expression reads
/// (q * (n − 1), then floor) so that a sketch written the same way agrees on the boundaries (0.29 × 100 is
/// 28.999999999999996 in binary floating point, so index 28, not 29).
/// </remarks>
internal static class NaiveQuantiles
{
    /// <summary>The exact q-quantile of <paramref name="values"/>: sort a copy, take index ⌊q(n − 1)⌋.</summary>
    public static double Exact(IReadOnlyList<double> values, double q)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("No quantile of no values.", nameof(values));
        }

        if (double.IsNaN(q) || q < 0 || q > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(q), q, "A quantile lies in [0, 1].");
        }

        var sorted = new double[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            if (double.IsNaN(values[i]))
            {
                throw new ArgumentException($"values[{i}] is NaN.", nameof(values));
            }

            sorted[i] = values[i];
        }

        Array.Sort(sorted);
        var rank = q * (sorted.Length - 1);
        var index = (int)Math.Floor(rank);
        return sorted[index];
    }

    /// <summary>
    /// Whether <paramref name="estimate"/> is within relative error <paramref name="alpha"/> of
    /// <paramref name="exact"/>: |estimate − exact| ≤ α·|exact|, with a slack of 10⁻⁹ of α·|exact| for the rounding
    /// of a bin's representative value. An exact 0 must be estimated as 0.
    /// </summary>
    public static bool WithinRelativeError(double estimate, double exact, double alpha)
    {
        if (double.IsNaN(alpha) || alpha <= 0 || alpha >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "A relative error lies in (0, 1).");
        }

        if (double.IsNaN(estimate) || double.IsNaN(exact))
        {
            return false;
        }

        var allowed = alpha * Math.Abs(exact);
        return Math.Abs(estimate - exact) <= allowed + (allowed * 1e-9);
    }
}
