using System.Globalization;

namespace Engagement.Sdk.Attribution;

/// <summary>Argument checks the attribution types share.</summary>
internal static class AttributionChecks
{
    /// <summary>Checks an amount (conversions, value, nulls, cost): finite and 0 or more.</summary>
    public static double Amount(double value, string paramName)
    {
        if (!(double.IsFinite(value) && value >= 0))
        {
            throw new ArgumentOutOfRangeException(paramName, value, Text($"The amount must be finite and 0 or more; got {value}."));
        }

        return value;
    }

    /// <summary>Formats a message in the invariant culture.</summary>
    public static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
