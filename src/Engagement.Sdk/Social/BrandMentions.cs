using System.Collections.ObjectModel;

namespace Engagement.Sdk.Social;

/// <summary>The one validation of a brand-to-mentions map, shared by <see cref="ShareOfVoiceState"/> and
/// <see cref="ShareOfVoiceResult"/>: valid brand names, unique ignoring case, counts of 0 or more, a total within
/// <see cref="long"/>.</summary>
internal static class BrandMentions
{
    public static (ReadOnlyDictionary<string, long> Mentions, long Total) Copy(IReadOnlyDictionary<string, long> mentions, string paramName)
    {
        ArgumentNullException.ThrowIfNull(mentions, paramName);
        var copy = new Dictionary<string, long>(mentions.Count, StringComparer.OrdinalIgnoreCase);
        long total = 0;
        foreach (var (brand, count) in mentions)
        {
            Validation.Name(brand, paramName, "brand name");
            ArgumentOutOfRangeException.ThrowIfNegative(count, paramName);
            if (!copy.TryAdd(brand, count))
            {
                throw new ArgumentException($"The brand '{Validation.Echo(brand)}' appears twice (brands compare ignoring case).", paramName);
            }

            total = checked(total + count);
        }

        return (copy.AsReadOnly(), total);
    }

    /// <summary>Whether two maps (both ignoring case, as <see cref="Copy"/> makes them) hold the same brands and counts.</summary>
    public static bool Equal(IReadOnlyDictionary<string, long> left, IReadOnlyDictionary<string, long> right) =>
        left.Count == right.Count && left.All(pair => right.TryGetValue(pair.Key, out var count) && count == pair.Value);
}
