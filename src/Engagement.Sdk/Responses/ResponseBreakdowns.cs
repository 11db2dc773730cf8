using System.Globalization;

namespace Engagement.Sdk.Responses;

/// <summary>The breakdowns the response metrics share: channels keyed by name ignoring case (the spelling kept is the
/// ordinally least, so the result does not depend on the order inquiries arrive in), and the fixed lists by priority and
/// by response type.</summary>
internal static class ResponseBreakdowns
{
    /// <summary>The number of <see cref="InquiryPriority"/> values.</summary>
    public const int Priorities = 4;

    /// <summary>The number of <see cref="ResponseType"/> values.</summary>
    public const int ResponseTypes = 3;

    /// <summary>Checks and copies a by-channel map: valid names, distinct ignoring case, no null value; sorted ordinally,
    /// looked up ignoring case.</summary>
    public static IReadOnlyDictionary<string, T> Channels<T>(IReadOnlyDictionary<string, T> byChannel, string paramName)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(byChannel, paramName);
        var keys = new string[byChannel.Count];
        var i = 0;
        foreach (var pair in byChannel)
        {
            Validation.Name(pair.Key, paramName, "channel name");
            if (pair.Value is null)
            {
                throw new ArgumentException($"The channel '{Validation.Echo(pair.Key)}' has no value.", paramName);
            }

            keys[i++] = pair.Key;
        }

        Array.Sort(keys, StringComparer.Ordinal);
        var copy = new Dictionary<string, T>(keys.Length, StringComparer.OrdinalIgnoreCase);
        foreach (var key in keys)
        {
            if (!copy.TryAdd(key, byChannel[key]))
            {
                throw new ArgumentException($"The channel '{Validation.Echo(key)}' appears twice (names ignore case).", paramName);
            }
        }

        return copy;
    }

    /// <summary>Checks and copies a list with one entry per enum value.</summary>
    public static T[] Fixed<T>(IReadOnlyList<T> list, int length, string paramName)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(list, paramName);
        if (list.Count != length)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The list needs one entry per value, {length}; got {list.Count}."), paramName);
        }

        var copy = new T[length];
        for (var i = 0; i < length; i++)
        {
            copy[i] = list[i] ?? throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Entry {i} is null."), paramName);
        }

        return copy;
    }

    /// <summary>Whether two by-channel maps hold the same names, spelled alike, with equal values.</summary>
    public static bool SameChannels<T>(IReadOnlyDictionary<string, T> left, IReadOnlyDictionary<string, T> right, Func<T, T, bool> equal)
    {
        if (left.Count != right.Count)
        {
            return false;
        }

        foreach (var pair in left)
        {
            if (!right.TryGetValue(pair.Key, out var other) || !equal(pair.Value, other) || !HasSpelling(right, pair.Key))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The entry of a channel's group, added empty (with a <see langword="null"/> group for the caller to
    /// create) on first use; keeps the ordinally least spelling of the name.</summary>
    public static ref (string Name, TGroup Group) Entry<TGroup>(Dictionary<string, (string Name, TGroup Group)> groups, string name, out bool exists)
    {
        ref var entry = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(groups, name, out exists);
        if (!exists || string.CompareOrdinal(name, entry.Name) < 0)
        {
            entry.Name = name;
        }

        return ref entry;
    }

    private static bool HasSpelling<T>(IReadOnlyDictionary<string, T> map, string key)
    {
        foreach (var other in map.Keys)
        {
            if (string.Equals(other, key, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
