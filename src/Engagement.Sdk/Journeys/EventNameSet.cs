using System.Collections.ObjectModel;
using System.Globalization;

namespace Engagement.Sdk.Journeys;

/// <summary>
/// A set of event names that an analysis's definition holds (view events, key events, add-to-cart events): checked and
/// copied once, compared as a set, and turned into a per-log lookup by event-name id so that a scan tests an event with
/// one array read.
/// </summary>
internal static class EventNameSet
{
    /// <summary>Checks and copies a list of event names: none null or blank, no name twice (ordinal).</summary>
    /// <param name="names">The names.</param>
    /// <param name="paramName">The public parameter (and JSON member) that received them.</param>
    /// <param name="allowEmpty">Whether an empty list is allowed.</param>
    /// <returns>A read-only copy, in the order given.</returns>
    public static ReadOnlyCollection<string> Copy(IReadOnlyList<string> names, string paramName, bool allowEmpty)
    {
        ArgumentNullException.ThrowIfNull(names, paramName);
        if (names.Count == 0 && !allowEmpty)
        {
            throw new ArgumentException("At least one event name is needed; got none.", paramName);
        }

        var copy = new string[names.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < copy.Length; i++)
        {
            var name = names[i] ?? throw new ArgumentNullException(
                paramName, string.Create(CultureInfo.InvariantCulture, $"The event name at index {i} is null."));
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"The event name at index {i} is empty or white space: '{Validation.Echo(name)}'."), paramName);
            }

            if (!seen.Add(name))
            {
                throw new ArgumentException($"The event name '{Validation.Echo(name)}' appears twice.", paramName);
            }

            copy[i] = name;
        }

        return Array.AsReadOnly(copy);
    }

    /// <summary>Whether two lists hold the same names, in any order.</summary>
    public static bool SetEquals(IReadOnlyList<string> left, IReadOnlyList<string> right)
    {
        if (left.Count != right.Count)
        {
            return false;
        }

        var set = new HashSet<string>(left, StringComparer.Ordinal);
        return set.SetEquals(right);
    }

    /// <summary>A hash that does not depend on the order of the names.</summary>
    public static int SetHash(IReadOnlyList<string> names)
    {
        var hash = names.Count;
        foreach (var name in names)
        {
            hash ^= StringComparer.Ordinal.GetHashCode(name);
        }

        return hash;
    }

    /// <summary>Marks, by event-name id of <paramref name="log"/>, the names of the set: <c>lookup[id] |= flag</c>.</summary>
    public static void Mark(byte[] lookup, EventLog log, IReadOnlyList<string> names, byte flag)
    {
        foreach (var name in names)
        {
            if (log.TryGetEventNameId(name, out var id))
            {
                lookup[id] |= flag;
            }
        }
    }

    /// <summary>Writes the names for messages: <c>page_view, screen_view</c>, or <c>none</c>.</summary>
    public static string Describe(IReadOnlyList<string> names) =>
        names.Count == 0 ? "none" : Validation.Echo(string.Join(", ", names));
}
