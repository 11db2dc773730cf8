using System.Globalization;

namespace Engagement.Sdk.Tests;

/// <summary>Runs code under another current culture, restoring the previous one afterwards.</summary>
internal static class Cultures
{
    /// <summary>The cultures whose number formatting differs most from the invariant one: a Unicode minus (sv-SE),
    /// Arabic digits and marks (ar-SA), Persian marks (fa-IR).</summary>
    public static readonly string[] Awkward = ["sv-SE", "ar-SA", "fa-IR"];

    public static T Under<T>(string culture, Func<T> action)
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            return action();
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    public static void Under(string culture, Action action) => Under(culture, () =>
    {
        action();
        return 0;
    });
}
