using System.Globalization;

namespace Engagement.Sdk.Value;

/// <summary>Argument checks shared by the spend, BG/BB, sBG and CLV types.</summary>
internal static class SpendChecks
{
    /// <summary>Throws unless <paramref name="value"/> is finite and above 0 (a model parameter, a length).</summary>
    public static double Positive(double value, string paramName) => Finite(value, paramName, zeroAllowed: false, "The value");

    /// <summary>Throws unless <paramref name="value"/> is finite and 0 or more (a money amount, a rate).</summary>
    public static double NonNegative(double value, string paramName) => Finite(value, paramName, zeroAllowed: true, "The value");

    /// <summary>Throws unless <paramref name="value"/> is finite and above 0, or 0 or more when
    /// <paramref name="zeroAllowed"/>; the message calls the value <paramref name="subject"/>.</summary>
    public static double Finite(double value, string paramName, bool zeroAllowed, string subject)
    {
        if (!(double.IsFinite(value) && (zeroAllowed ? value >= 0 : value > 0)))
        {
            throw new ArgumentOutOfRangeException(
                paramName, value, string.Create(
                    CultureInfo.InvariantCulture, $"{subject} must be finite and {(zeroAllowed ? "0 or more" : "above 0")}; got {value}."));
        }

        return value;
    }

    /// <summary>Throws unless <paramref name="value"/> lies in [0, 1] (a probability, a margin rate).</summary>
    public static double UnitInterval(double value, string paramName)
    {
        if (!(value >= 0 && value <= 1))
        {
            throw new ArgumentOutOfRangeException(
                paramName, value, string.Create(CultureInfo.InvariantCulture, $"The value must lie in [0, 1]; got {value}."));
        }

        return value;
    }

    /// <summary>Throws unless <paramref name="value"/> lies in [0, <paramref name="max"/>] (a horizon that is looped over or allocated per period).</summary>
    public static int Horizon(int value, int max, string paramName)
    {
        if (value < 0 || value > max)
        {
            throw new ArgumentOutOfRangeException(
                paramName, value, string.Create(CultureInfo.InvariantCulture, $"The value must lie in [0, {max}]; got {value}."));
        }

        return value;
    }
}
