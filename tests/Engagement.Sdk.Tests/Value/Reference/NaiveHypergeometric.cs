using System.Globalization;
using System.Numerics;

namespace Engagement.Sdk.Tests.Value.Reference;

/// <summary>
/// The Gaussian hypergeometric function ₂F₁(a, b; c; z) by its defining series, summed in 256-bit fixed point, for the
/// optimised <c>Hypergeometric2F1</c> to be compared with. Slow and plain on purpose.
/// </summary>
/// <remarks>
/// <para>
/// ₂F₁(a, b; c; z) = Σₖ (a)ₖ(b)ₖ/((c)ₖ k!) zᵏ (Abramowitz &amp; Stegun 15.1.1; DLMF 15.2.1), each term got from the one
/// before by the factor (a + k)(b + k)z/((c + k)(k + 1)). The series converges for |z| &lt; 1; the reference accepts
/// only |z| ≤ 0.9, where it converges at least geometrically, so that a plain sum is trustworthy.
/// </para>
/// <para>
/// Arithmetic: every double argument is converted <em>exactly</em> to a fixed-point BigInteger with 256 fractional
/// bits (a double is m·2ᵉ), and every product and quotient is truncated to 2⁻²⁵⁶ ≈ 10⁻⁷⁷. Magnitudes are unbounded, so
/// large alternating terms (z &lt; 0) cancel without the loss double arithmetic suffers; only the final sum is rounded
/// to a double. The sum stops when the term is below 2⁻²⁰⁰ of the sum, the term ratio is at most 0.95, and k is past
/// |a| + |b| + |c| (from there the ratio only moves towards |z| ≤ 0.9, so the tail is below 20 terms' worth).
/// </para>
/// </remarks>
internal static class NaiveHypergeometric
{
    private const int Bits = 256;
    private const int MaxTerms = 1_000_000;
    private static readonly BigInteger One = BigInteger.One << Bits;

    /// <summary>₂F₁(a, b; c; z) for finite a, b, c with c not 0, −1, −2, …, and |z| ≤ 0.9.</summary>
    public static double Evaluate(double a, double b, double c, double z)
    {
        foreach (var (value, name) in new[] { (a, nameof(a)), (b, nameof(b)), (c, nameof(c)), (z, nameof(z)) })
        {
            if (!double.IsFinite(value))
            {
                throw new ArgumentOutOfRangeException(name, value, "Must be finite.");
            }
        }

        if (c <= 0 && c == Math.Floor(c))
        {
            throw new ArgumentOutOfRangeException(nameof(c), c, "₂F₁ is undefined for c = 0, −1, −2, ….");
        }

        if (Math.Abs(z) > 0.9)
        {
            throw new ArgumentOutOfRangeException(nameof(z), z, "The reference sums the series only for |z| ≤ 0.9.");
        }

        BigInteger fa = ToFixed(a), fb = ToFixed(b), fc = ToFixed(c), fz = ToFixed(z);
        var term = One;
        var sum = One;
        var past = Math.Abs(a) + Math.Abs(b) + Math.Abs(c);
        for (var k = 0; k < MaxTerms; k++)
        {
            var kFixed = new BigInteger(k) << Bits;
            var numerator = Multiply(Multiply(fa + kFixed, fb + kFixed), fz);
            var denominator = Multiply(fc + kFixed, kFixed + One);
            term = Divide(Multiply(term, numerator), denominator);
            if (term.IsZero)
            {
                return ToDouble(sum); // a or b is a non-positive integer: the series is a polynomial
            }

            sum += term;
            var ratio = Math.Abs(ToDouble(numerator) / ToDouble(denominator));
            if (k > past && ratio <= 0.95 && BigInteger.Abs(term) <= BigInteger.Abs(sum) >> 200)
            {
                return ToDouble(sum);
            }
        }

        throw new InvalidOperationException(string.Create(
            CultureInfo.InvariantCulture, $"₂F₁({a}, {b}; {c}; {z}) did not converge in {MaxTerms} terms."));
    }

    /// <summary>The exact fixed-point value of a finite double (values below 2⁻²⁵⁶ in magnitude truncate towards zero).</summary>
    private static BigInteger ToFixed(double value)
    {
        if (value == 0)
        {
            return BigInteger.Zero;
        }

        // value = mantissa · 2^exponent with an integer mantissa of at most 53 bits: exact.
        var exponent = Math.ILogB(value) - 52;
        var mantissa = new BigInteger(Math.ScaleB(value, -exponent));
        var shift = Bits + exponent;
        return shift >= 0 ? mantissa << shift : mantissa / (BigInteger.One << -shift);
    }

    private static BigInteger Multiply(BigInteger x, BigInteger y) => x * y / One;

    private static BigInteger Divide(BigInteger x, BigInteger y) => x * One / y;

    private static double ToDouble(BigInteger value)
    {
        // Keep 64 significant bits before converting, so the double conversion sees a small integer and a scale.
        var length = (long)value.GetBitLength();
        var drop = (int)Math.Max(0, length - 64);
        return Math.ScaleB((double)(value >> drop), drop - Bits);
    }
}
