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

    /// <summary>
    /// Checks a channel name: a valid name (<see cref="Validation.Name"/>) without the path separator <c>&gt;</c> (a path's
    /// text form would not read back) and not in parentheses, which the Markov chain's own states (start), (conversion)
    /// and (null) use, so that every state label names one state.
    /// </summary>
    public static string ChannelName(string value, string paramName)
    {
        var name = Validation.Name(value, paramName, "channel name");
        if (name.Contains(AggregatedPath.Separator, StringComparison.Ordinal) || (name.StartsWith('(') && name.EndsWith(')')))
        {
            throw new ArgumentException(
                Text($"A channel name may not contain '{AggregatedPath.Separator}' (it separates the channels of a path) or be in parentheses (the Markov chain's states are); got '{Validation.Echo(name)}'."),
                paramName);
        }

        return name;
    }

    /// <summary>Formats a message in the invariant culture.</summary>
    public static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
