using System.Collections.ObjectModel;

namespace Engagement.Sdk.Journeys;

/// <summary>
/// One property kept in an <see cref="EventLog"/> (a session id, a platform, a campaign): its values interned, and a
/// column that gives each row's value id.
/// </summary>
/// <remarks>
/// Row <c>i</c> has the value <c>Values[ValueIds[i]]</c>, or none when <c>ValueIds[i]</c> is −1. Values are compared
/// ordinally and numbered in order of first sight; the partitions of a log share them, so an id means the same value in
/// each. Instances are immutable and thread-safe.
/// </remarks>
public sealed class EventLogProperty
{
    private readonly int[] _valueIds;
    private readonly PropertyVocabulary _vocabulary;

    internal EventLogProperty(string key, int[] valueIds, PropertyVocabulary vocabulary)
    {
        Key = key;
        _valueIds = valueIds;
        _vocabulary = vocabulary;
    }

    /// <summary>Gets the property's key, as given when the log was built.</summary>
    public string Key { get; }

    /// <summary>Gets the distinct values, in order of first sight; a value id is a position in this list.</summary>
    public IReadOnlyList<string> Values => _vocabulary.Values;

    /// <summary>Gets each row's value id, an index into <see cref="Values"/>, or −1 when the event has no value for the
    /// property.</summary>
    public ReadOnlySpan<int> ValueIds => _valueIds;

    /// <summary>Looks up the id of a value.</summary>
    /// <param name="value">The value, compared ordinally.</param>
    /// <param name="id">The value id when found; otherwise −1.</param>
    /// <returns><see langword="true"/> when some row has the value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public bool TryGetValueId(string value, out int id)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (_vocabulary.Ids.TryGetValue(value, out id))
        {
            return true;
        }

        id = -1;
        return false;
    }

    /// <summary>Returns the key and the number of distinct values.</summary>
    /// <returns>A short description.</returns>
    public override string ToString() => $"{Key} ({Values.Count} values)";

    internal EventLogProperty Slice(int start, int length) => new(Key, _valueIds.AsSpan(start, length).ToArray(), _vocabulary);

    /// <summary>The interned values of one property, shared by a log and its partitions.</summary>
    internal sealed class PropertyVocabulary(string[] values, Dictionary<string, int> ids)
    {
        public ReadOnlyCollection<string> Values { get; } = Array.AsReadOnly(values);

        // Read-only once built, so reads from several threads are safe.
        public Dictionary<string, int> Ids { get; } = ids;
    }
}
