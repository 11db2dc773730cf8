using System.Globalization;

namespace Engagement.Sdk;

/// <summary>Argument checks the BCL's <c>ThrowIf</c> helpers do not cover.</summary>
internal static class Validation
{
    public static TEnum Defined<TEnum>(TEnum value, string paramName)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{value} is not a defined {typeof(TEnum).Name}.");
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
            throw new ArgumentException($"The value must not be empty or white space; got '{value}'.", paramName);
        }

        return value;
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

    /// <summary>Returns at most 64 characters of a value for an error message, with control and format characters escaped.</summary>
    public static string Echo(string value)
    {
        const int Limit = 64;
        var text = new System.Text.StringBuilder(Math.Min(value.Length, Limit) + 8);
        foreach (var c in value.Length > Limit ? value.AsSpan(0, Limit) : value.AsSpan())
        {
            if (char.IsControl(c) || char.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.Surrogate)
            {
                text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                text.Append(c);
            }
        }

        return value.Length > Limit ? text.Append('…').ToString() : text.ToString();
    }
}
