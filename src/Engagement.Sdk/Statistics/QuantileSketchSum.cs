using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Engagement.Sdk.Statistics;

/// <summary>
/// The exact sum of the values a <see cref="QuantileSketch"/> has seen, so that merging the sketches of any split
/// gives the sum of the whole to the last bit (a double sum depends on the order of its terms).
/// </summary>
/// <remarks>
/// <para>
/// Every finite double is ±m·2^(e − 1074) with an integer m &lt; 2^53 and e = max(biased exponent, 1) − 1 in
/// [0, 2045]. The value goes to chunk e / 8 as ±(m &lt;&lt; (e mod 8)), an integer below 2^60, added to that chunk's
/// <see cref="Int128"/>. The sum is then Σ chunk[k]·2^(8k − 1074) exactly. A chunk holds at most count·2^60 in
/// magnitude, and the count is a <see cref="long"/>, so a chunk never exceeds 2^123: no overflow is possible.
/// </para>
/// <para>
/// The chunks are integers added in any order, so the total is the same for any order and any split. Saved as the
/// canonical text <c>N·2^E</c> (<see cref="Format"/>): N odd, or <c>0p0</c>.
/// </para>
/// </remarks>
internal sealed class QuantileSketchSum
{
    private const int ChunkBits = 8;
    private const int ChunkCount = 2048 >> 3;
    private const int ScaleExponent = -1074;

    // A sum of at most 2^63 doubles stays below 2^1087.
    private const int MaxExponent = 1087;

    private Int128[]? _chunks;

    /// <summary>Adds a finite value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(double value)
    {
        var term = Term(value, out var chunk);
        if (term != 0)
        {
            (_chunks ??= new Int128[ChunkCount])[chunk] += term;
        }
    }

    /// <summary>Adds a finite value <paramref name="count"/> times.</summary>
    public void Add(double value, long count)
    {
        var term = Term(value, out var chunk);
        if (term != 0)
        {
            (_chunks ??= new Int128[ChunkCount])[chunk] += Math.BigMul(term, count);
        }
    }

    public void Add(QuantileSketchSum other)
    {
        if (other._chunks is not { } theirs)
        {
            return;
        }

        var mine = _chunks ??= new Int128[ChunkCount];
        for (var k = 0; k < ChunkCount; k++)
        {
            mine[k] += theirs[k];
        }
    }

    public void Clear()
    {
        if (_chunks is not null)
        {
            Array.Clear(_chunks);
        }
    }

    /// <summary>Sets the sum to N·2^-1074, spreading N over the chunks in base 2^8 (the top chunk takes the rest).</summary>
    public void Set(BigInteger scaled)
    {
        Clear();
        if (scaled.IsZero)
        {
            return;
        }

        var chunks = _chunks ??= new Int128[ChunkCount];
        var sign = scaled.Sign;
        var magnitude = BigInteger.Abs(scaled);
        for (var k = 0; k < ChunkCount - 1 && !magnitude.IsZero; k++)
        {
            chunks[k] = sign * (Int128)(int)(magnitude & 0xFF);
            magnitude >>= ChunkBits;
        }

        chunks[ChunkCount - 1] = sign * (Int128)magnitude;
    }

    /// <summary>Gets the sum as N with sum = N·2^-1074.</summary>
    public BigInteger Scaled()
    {
        if (_chunks is not { } chunks)
        {
            return BigInteger.Zero;
        }

        var total = BigInteger.Zero;
        for (var k = ChunkCount - 1; k >= 0; k--)
        {
            total = (total << ChunkBits) + (BigInteger)chunks[k];
        }

        return total;
    }

    /// <summary>Returns a finite double as N with value = N·2^-1074, exactly.</summary>
    public static BigInteger Scale(double value) => new BigInteger(Term(value, out var chunk)) << (chunk * ChunkBits);

    /// <summary>Returns N·2^-1074 / divisor rounded to the nearest double (ties to even); ±∞ beyond the range.</summary>
    public static double ToDouble(BigInteger scaled, long divisor)
    {
        if (scaled.IsZero)
        {
            return 0;
        }

        var negative = scaled.Sign < 0;
        var numerator = BigInteger.Abs(scaled);
        var denominator = new BigInteger(divisor);

        // Scale so that the quotient has at least 55 bits: 53 to keep, one to round on, and a remainder as sticky bit.
        var shift = 55 - (int)(numerator.GetBitLength() - denominator.GetBitLength());
        var quotient = BigInteger.DivRem(shift >= 0 ? numerator << shift : numerator >> -shift, denominator, out var remainder);
        var sticky = !remainder.IsZero || (shift < 0 && !(numerator & ((BigInteger.One << -shift) - 1)).IsZero);
        var exponent = ScaleExponent - shift;

        // quotient·2^exponent, with the top bit at 2^(bits − 1 + exponent); keep 53 bits, fewer for a subnormal.
        var length = (int)quotient.GetBitLength();
        var top = length - 1 + exponent;
        var keep = top >= -1022 ? 53 : 53 - (-1022 - top);
        var drop = length - keep;
        if (drop <= 0)
        {
            return Signed(Math.ScaleB((double)quotient, exponent), negative);
        }

        var kept = quotient >> drop;
        var rest = quotient - (kept << drop);
        var half = BigInteger.One << (drop - 1);
        var comparison = rest.CompareTo(half);
        if (comparison > 0 || (comparison == 0 && (sticky || !kept.IsEven)))
        {
            kept += 1;
        }

        return Signed(Math.ScaleB((double)kept, exponent + drop), negative);
    }

    /// <summary>Formats N·2^-1074 canonically as <c>N'pE</c> with N' odd (or <c>0p0</c>).</summary>
    public static string Format(BigInteger scaled)
    {
        if (scaled.IsZero)
        {
            return "0p0";
        }

        var zeros = (int)BigInteger.TrailingZeroCount(BigInteger.Abs(scaled));
        return string.Create(CultureInfo.InvariantCulture, $"{scaled >> zeros}p{ScaleExponent + zeros}");
    }

    /// <summary>Parses the canonical text of <see cref="Format"/> into N; <see langword="null"/> when it is not
    /// canonical (an even significand, a sign or zeros in front) or not a multiple of 2^-1074.</summary>
    public static BigInteger? Parse(string text)
    {
        var p = text.IndexOf('p', StringComparison.Ordinal);
        if (p <= 0 || text.Length > 1000
            || !BigInteger.TryParse(text.AsSpan(0, p), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var significand)
            || !int.TryParse(text.AsSpan(p + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exponent)
            || exponent < ScaleExponent
            || exponent > MaxExponent)
        {
            return null;
        }

        var scaled = significand << (exponent - ScaleExponent);
        return string.Equals(text, Format(scaled), StringComparison.Ordinal) ? scaled : null;
    }

    /// <summary>Splits a finite value into ±(m &lt;&lt; (e mod 8)) and its chunk e / 8 (0 for a zero).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long Term(double value, out int chunk)
    {
        var bits = BitConverter.DoubleToInt64Bits(value);
        var biased = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xF_FFFF_FFFF_FFFFL;
        if (biased != 0)
        {
            mantissa |= 1L << 52;
        }

        var e = Math.Max(biased, 1) - 1;
        chunk = e >> 3;
        var shifted = mantissa << (e & (ChunkBits - 1));
        return bits < 0 ? -shifted : shifted;
    }

    private static double Signed(double magnitude, bool negative) => negative ? -magnitude : magnitude;
}
