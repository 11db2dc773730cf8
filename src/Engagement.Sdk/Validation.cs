using System.Globalization;
using System.Text;

namespace Engagement.Sdk;

/// <summary>Argument checks the BCL's <c>ThrowIf</c> helpers do not cover.</summary>
internal static class Validation
{
    /// <summary>The longest name <see cref="Name"/> accepts, in UTF-16 code units.</summary>
    internal const int MaxNameLength = 100;

    /// <summary>The most UTF-16 code units of an offending value that <see cref="Echo"/> repeats.</summary>
    internal const int EchoLength = 64;

    public static TEnum Defined<TEnum>(TEnum value, string paramName)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            // An undefined enum value formats its number with the current culture whatever provider is given, so
            // format the underlying number instead.
            var number = Convert.ChangeType(value, Enum.GetUnderlyingType(typeof(TEnum)), CultureInfo.InvariantCulture);
            throw new ArgumentOutOfRangeException(
                paramName, value, string.Create(CultureInfo.InvariantCulture, $"{number} is not a defined {typeof(TEnum).Name}."));
        }

        return value;
    }

    public static double Finite(double value, string paramName)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"The value must be a finite number; got {value.ToString(CultureInfo.InvariantCulture)}.");
        }

        return value;
    }

    public static double ConfidenceLevel(double level, string paramName)
    {
        if (!(level > 0 && level < 1))
        {
            throw new ArgumentOutOfRangeException(
                paramName, level, $"A confidence level must lie strictly between 0 and 1; got {level.ToString(CultureInfo.InvariantCulture)}.");
        }

        return level;
    }

    public static string NotBlank(string value, string paramName)
    {
        ArgumentNullException.ThrowIfNull(value, paramName);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"The value must not be empty or white space; got '{Echo(value)}'.", paramName);
        }

        return value;
    }

    /// <summary>
    /// Checks a name that people will read (a channel, stage or brand name): not <see langword="null"/>, 1 to
    /// <see cref="MaxNameLength"/> UTF-16 code units, no control characters, bidirectional controls, zero-width
    /// characters or lone surrogates, and no leading or trailing white space.
    /// </summary>
    /// <param name="value">The name.</param>
    /// <param name="paramName">The public parameter that received it.</param>
    /// <param name="what">What the name is, for messages: <c>channel name</c>, <c>stage name</c>, <c>brand name</c>.</param>
    /// <returns><paramref name="value"/>.</returns>
    /// <remarks>
    /// Invisible and direction-changing characters let one name pass for another in a report (<c>ev\u202Eil</c>
    /// shows as <c>evli</c>), so they are refused rather than stripped. Called for brand names too.
    /// </remarks>
    internal static string Name(string value, string paramName, string what)
    {
        ArgumentNullException.ThrowIfNull(value, paramName);
        if (value.Length is 0 or > MaxNameLength)
        {
            throw new ArgumentException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"A {what} must have 1 to {MaxNameLength} UTF-16 code units; got {value.Length}: '{Echo(value)}'."),
                paramName);
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }

            var kind = char.IsControl(c) ? "control character"
                : IsBidiControl(c) ? "bidirectional control"
                : IsZeroWidth(c) ? "zero-width character"
                : char.IsSurrogate(c) ? "lone surrogate"
                : null;
            if (kind is not null)
            {
                throw new ArgumentException(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"A {what} must not contain the {kind} U+{(int)c:X4}; found at index {i} of '{Echo(value)}'."),
                    paramName);
            }
        }

        if (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
        {
            throw new ArgumentException($"A {what} must not start or end with white space; got '{Echo(value)}'.", paramName);
        }

        return value;
    }

    /// <summary>
    /// Renders an offending value for an error message: at most <see cref="EchoLength"/> UTF-16 code units of it
    /// (never half a surrogate pair), followed by <c>…</c> when cut, with control, format, line- and
    /// paragraph-separator characters and lone surrogates written as <c>\uXXXX</c>.
    /// </summary>
    /// <param name="value">The value.</param>
    /// <returns>The text to put between quotes in a message.</returns>
    /// <remarks>
    /// Messages end up in logs and terminals: a huge value must not flood them, and an invisible or
    /// direction-changing character must show as what it is.
    /// </remarks>
    internal static string Echo(string value)
    {
        var end = Math.Min(value.Length, EchoLength);
        if (end < value.Length && char.IsHighSurrogate(value[end - 1]) && char.IsLowSurrogate(value[end]))
        {
            end--;
        }

        var text = new StringBuilder(end + 8);
        for (var i = 0; i < end; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < end && char.IsLowSurrogate(value[i + 1]))
            {
                text.Append(c).Append(value[i + 1]);
                i++;
            }
            else if (NeedsEscape(c))
            {
                text.Append(@"\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(c);
            }
        }

        return end < value.Length ? text.Append('…').ToString() : text.ToString();
    }

    /// <summary>Checks the three counts of a tally: none negative, and their total within <see cref="long"/>.</summary>
    public static void Tally(long first, string firstName, long second, string secondName, long third, string thirdName)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(first, firstName);
        ArgumentOutOfRangeException.ThrowIfNegative(second, secondName);
        ArgumentOutOfRangeException.ThrowIfNegative(third, thirdName);
        _ = checked(first + second + third);
    }

    /// <summary>Throws unless <paramref name="value"/> is 0.</summary>
    public static void Zero(long value, string paramName, string reason)
    {
        if (value != 0)
        {
            throw new ArgumentOutOfRangeException(
                paramName, value, string.Create(CultureInfo.InvariantCulture, $"{reason}: this count must be 0; got {value}."));
        }
    }

    // The Unicode bidirectional formatting characters (UAX #9): ALM, LRM, RLM, the embeddings and overrides
    // LRE..RLO, and the isolates LRI..PDI.
    private static bool IsBidiControl(char c) =>
        c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    // ZERO WIDTH SPACE, NON-JOINER, JOINER, WORD JOINER and ZERO WIDTH NO-BREAK SPACE (the byte order mark).
    private static bool IsZeroWidth(char c) => c is (>= '\u200B' and <= '\u200D') or '\u2060' or '\uFEFF';

    private static bool NeedsEscape(char c) =>
        char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate;
}
