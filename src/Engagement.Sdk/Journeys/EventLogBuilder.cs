using System.Globalization;
using System.Runtime.InteropServices;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.Journeys;

/// <summary>
/// Collects events row by row and builds an <see cref="EventLog"/>: customer ids, event names and channels are interned
/// as they arrive, so adding a row allocates nothing beyond the first sight of a string or channel (and the amortised
/// growth of the columns).
/// </summary>
/// <remarks>
/// <para>
/// Rows given with an event id are checked for duplicates: a row whose id was seen before is dropped (the first is
/// kept) and counted in <see cref="EventLogBuildReport.DuplicatesDropped"/>. Rows without an id are never dropped.
/// </para>
/// <para>
/// <see cref="Build"/> takes a snapshot: the builder stays usable and a later <see cref="Build"/> includes the rows
/// added since. This type is mutable and is not thread-safe.
/// </para>
/// </remarks>
public sealed class EventLogBuilder
{
    // Rows wait in a batch for their customer ids, which are then looked up together (see StringIdTable).
    private const int PendingRows = 256;

    // Direct-mapped caches in front of the event-name and channel tables: sizes, powers of two.
    private const int NameCacheSize = 64;

    private readonly StringIdTable _customerIds = new();
    private readonly string[] _pendingCustomers = new string[PendingRows];
    private readonly StringIdTable _eventNameIds = new();
    private readonly CachedName[] _eventNameCache = new CachedName[NameCacheSize];
    private readonly CachedChannel[] _channelCache = new CachedChannel[NameCacheSize];
    private readonly Dictionary<Channel, int> _channelIds = [];
    private readonly List<Channel> _channels = [];
    private readonly HashSet<string> _eventIds = new(StringComparer.Ordinal);
    private readonly string[] _propertyKeys;
    private readonly PropertyColumn[] _properties;

    private int[] _customerColumn = [];
    private long[] _ticks = [];
    private int[] _eventNameColumn = [];
    private int[] _channelColumn = [];
    private double[] _values = [];
    private int _count;
    private int _pending;
    private long _duplicates;

    /// <summary>Creates an empty builder that keeps no properties.</summary>
    public EventLogBuilder()
        : this([], 0)
    {
    }

    /// <summary>Creates an empty builder with room for <paramref name="capacity"/> rows, so that adding that many
    /// allocates no column twice.</summary>
    /// <param name="capacity">The number of rows expected; 0 or more.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is negative or greater than
    /// <see cref="Array.MaxLength"/>.</exception>
    public EventLogBuilder(int capacity)
        : this([], capacity)
    {
    }

    /// <summary>
    /// Creates an empty builder that keeps the given properties of each event (a session id, a platform, a campaign), for
    /// the analyses that read them: sessions by session id, breakdowns by property.
    /// </summary>
    /// <param name="propertyKeys">The keys of the properties to keep, compared ordinally; distinct, none blank. The
    /// values of a row are given in this order.</param>
    /// <param name="capacity">The number of rows expected; 0 or more.</param>
    /// <exception cref="ArgumentNullException"><paramref name="propertyKeys"/> or one of its keys is
    /// <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A key is empty or white space, or appears twice.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is negative or greater than
    /// <see cref="Array.MaxLength"/>.</exception>
    public EventLogBuilder(IReadOnlyList<string> propertyKeys, int capacity = 0)
    {
        _propertyKeys = CheckKeys(propertyKeys);
        PropertyKeys = Array.AsReadOnly(_propertyKeys);
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(capacity, Array.MaxLength);
        _properties = new PropertyColumn[_propertyKeys.Length];
        for (var i = 0; i < _properties.Length; i++)
        {
            _properties[i] = new PropertyColumn();
        }

        Resize(capacity);
    }

    /// <summary>Gets the keys of the properties kept, in the order their values are given to
    /// <see cref="Add(string?, string, DateTimeOffset, string, Channel, double?, ReadOnlySpan{string?})"/>.</summary>
    public IReadOnlyList<string> PropertyKeys { get; }

    /// <summary>Gets how many rows are held: those added minus the duplicates dropped.</summary>
    public int Count => _count;

    /// <summary>Adds an event that has no event id and no value; it is never dropped.</summary>
    /// <param name="customerId">The customer's id; not empty or white space.</param>
    /// <param name="timestamp">When the event happened; not <c>default(DateTimeOffset)</c>.</param>
    /// <param name="eventName">What happened; not empty or white space.</param>
    /// <param name="channel">The channel it happened on.</param>
    /// <exception cref="ArgumentNullException"><paramref name="customerId"/> or <paramref name="eventName"/> is
    /// <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="customerId"/> or <paramref name="eventName"/> is empty or
    /// white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timestamp"/> is <c>default(DateTimeOffset)</c>.</exception>
    /// <exception cref="InvalidOperationException">The builder already holds <see cref="Array.MaxLength"/> rows.</exception>
    public void Add(string customerId, DateTimeOffset timestamp, string eventName, Channel channel) =>
        Add(customerId, timestamp, eventName, channel, null);

    /// <summary>Adds an event that has no event id; it is never dropped.</summary>
    /// <param name="customerId">The customer's id; not empty or white space.</param>
    /// <param name="timestamp">When the event happened; not <c>default(DateTimeOffset)</c>.</param>
    /// <param name="eventName">What happened; not empty or white space.</param>
    /// <param name="channel">The channel it happened on.</param>
    /// <param name="value">A finite value attached to the event, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="customerId"/> or <paramref name="eventName"/> is
    /// <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="customerId"/> or <paramref name="eventName"/> is empty or
    /// white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timestamp"/> is <c>default(DateTimeOffset)</c>, or
    /// <paramref name="value"/> is NaN or infinite.</exception>
    /// <exception cref="InvalidOperationException">The builder already holds <see cref="Array.MaxLength"/> rows.</exception>
    public void Add(string customerId, DateTimeOffset timestamp, string eventName, Channel channel, double? value)
    {
        Validate(customerId, timestamp, eventName, value);
        Append(customerId, timestamp, eventName, channel, value);
    }

    /// <summary>Adds an event with an event id and no value, unless an event with that id was added before.</summary>
    /// <param name="eventId">The event's id, compared ordinally; not empty or white space.</param>
    /// <param name="customerId">The customer's id; not empty or white space.</param>
    /// <param name="timestamp">When the event happened; not <c>default(DateTimeOffset)</c>.</param>
    /// <param name="eventName">What happened; not empty or white space.</param>
    /// <param name="channel">The channel it happened on.</param>
    /// <returns><see langword="true"/> when the event was added; <see langword="false"/> when it was dropped as a duplicate.
    /// A duplicate is still validated first.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="eventId"/>, <paramref name="customerId"/> or
    /// <paramref name="eventName"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="eventId"/>, <paramref name="customerId"/> or
    /// <paramref name="eventName"/> is empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timestamp"/> is <c>default(DateTimeOffset)</c>.</exception>
    /// <exception cref="InvalidOperationException">The builder already holds <see cref="Array.MaxLength"/> rows.</exception>
    public bool Add(string eventId, string customerId, DateTimeOffset timestamp, string eventName, Channel channel) =>
        Add(eventId, customerId, timestamp, eventName, channel, null);

    /// <summary>Adds an event with an event id, unless an event with that id was added before.</summary>
    /// <param name="eventId">The event's id, compared ordinally; not empty or white space.</param>
    /// <param name="customerId">The customer's id; not empty or white space.</param>
    /// <param name="timestamp">When the event happened; not <c>default(DateTimeOffset)</c>.</param>
    /// <param name="eventName">What happened; not empty or white space.</param>
    /// <param name="channel">The channel it happened on.</param>
    /// <param name="value">A finite value attached to the event, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when the event was added; <see langword="false"/> when it was dropped as a duplicate.
    /// A duplicate is still validated first.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="eventId"/>, <paramref name="customerId"/> or
    /// <paramref name="eventName"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="eventId"/>, <paramref name="customerId"/> or
    /// <paramref name="eventName"/> is empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timestamp"/> is <c>default(DateTimeOffset)</c>, or
    /// <paramref name="value"/> is NaN or infinite.</exception>
    /// <exception cref="InvalidOperationException">The builder already holds <see cref="Array.MaxLength"/> rows.</exception>
    public bool Add(string eventId, string customerId, DateTimeOffset timestamp, string eventName, Channel channel, double? value)
    {
        Validation.NotBlank(eventId, nameof(eventId));
        Validate(customerId, timestamp, eventName, value);
        if (!_eventIds.Add(eventId))
        {
            _duplicates++;
            return false;
        }

        Append(customerId, timestamp, eventName, channel, value);
        return true;
    }

    /// <summary>Adds an event with the values of the kept properties; an event whose id was seen before is dropped.</summary>
    /// <param name="eventId">The event's id, or <see langword="null"/> for an event without one (never dropped).</param>
    /// <param name="customerId">The customer's id; not empty or white space.</param>
    /// <param name="timestamp">When the event happened; not <c>default(DateTimeOffset)</c>.</param>
    /// <param name="eventName">What happened; not empty or white space.</param>
    /// <param name="channel">The channel it happened on.</param>
    /// <param name="value">The event's value, or <see langword="null"/>; finite.</param>
    /// <param name="properties">One value per key of <see cref="PropertyKeys"/>, in that order; <see langword="null"/>
    /// where the event has no value for the key. A collection expression such as <c>[sessionId, platform]</c> passes
    /// them without allocating.</param>
    /// <returns><see langword="false"/> when the event was dropped as a duplicate.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="customerId"/> or <paramref name="eventName"/> is
    /// <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="eventId"/>, <paramref name="customerId"/> or
    /// <paramref name="eventName"/> is empty or white space, or <paramref name="properties"/> does not hold one value per
    /// key.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timestamp"/> is <c>default(DateTimeOffset)</c>, or
    /// <paramref name="value"/> is not finite.</exception>
    /// <exception cref="InvalidOperationException">The builder already holds <see cref="Array.MaxLength"/> rows.</exception>
    public bool Add(
        string? eventId, string customerId, DateTimeOffset timestamp, string eventName, Channel channel, double? value, ReadOnlySpan<string?> properties)
    {
        if (eventId is not null)
        {
            Validation.NotBlank(eventId, nameof(eventId));
        }

        Validate(customerId, timestamp, eventName, value);
        if (properties.Length != _propertyKeys.Length)
        {
            throw new ArgumentException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"The builder keeps {_propertyKeys.Length} properties ({Validation.Echo(string.Join(", ", _propertyKeys))}); got {properties.Length} values."),
                nameof(properties));
        }

        if (eventId is not null && !_eventIds.Add(eventId))
        {
            _duplicates++;
            return false;
        }

        var row = Append(customerId, timestamp, eventName, channel, value);
        for (var k = 0; k < _properties.Length; k++)
        {
            _properties[k].Set(row, properties[k]);
        }

        return true;
    }

    /// <summary>Builds the log of the rows added so far, sorted by customer then time.</summary>
    /// <returns>The log; its <see cref="EventLog.BuildReport"/> says how many rows were read, dropped and kept.</returns>
    /// <remarks>
    /// Customers are numbered in ordinal order of their ids; event names and channels in order of first sight. The sort
    /// is stable: events of one customer with equal timestamps keep the order they were added in. It takes
    /// O(n + c log c) for n rows and c customers when each customer's rows arrive in time order, and O(n log n) at worst.
    /// </remarks>
    public EventLog Build()
    {
        ResolveCustomers();
        var n = _count;
        var customerCount = _customerIds.Count;

        // Customers in ordinal order of their ids, so that the layout does not depend on the order of the input.
        var customers = _customerIds.Keys.ToArray();
        var firstSeen = new int[customerCount];
        for (var i = 0; i < firstSeen.Length; i++)
        {
            firstSeen[i] = i;
        }

        Array.Sort(customers, firstSeen, StringComparer.Ordinal);
        var rank = new int[customerCount];
        for (var r = 0; r < customerCount; r++)
        {
            rank[firstSeen[r]] = r;
        }

        // A counting sort by customer keeps input order within each customer.
        var offsets = new int[customerCount + 1];
        for (var i = 0; i < n; i++)
        {
            offsets[rank[_customerColumn[i]] + 1]++;
        }

        for (var r = 0; r < customerCount; r++)
        {
            offsets[r + 1] += offsets[r];
        }

        var next = offsets[..^1];
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[next[rank[_customerColumn[i]]]++] = i;
        }

        var ticks = new long[n];
        for (var j = 0; j < n; j++)
        {
            ticks[j] = _ticks[order[j]];
        }

        for (var r = 0; r < customerCount; r++)
        {
            SortByTimeThenInput(ticks.AsSpan(offsets[r], offsets[r + 1] - offsets[r]), order.AsSpan(offsets[r], offsets[r + 1] - offsets[r]));
        }

        var customerColumn = new int[n];
        var eventNames = new int[n];
        var channels = new int[n];
        var values = new double[n];
        for (var r = 0; r < customerCount; r++)
        {
            customerColumn.AsSpan(offsets[r], offsets[r + 1] - offsets[r]).Fill(r);
        }

        for (var j = 0; j < n; j++)
        {
            var row = order[j];
            eventNames[j] = _eventNameColumn[row];
            channels[j] = _channelColumn[row];
            values[j] = _values[row];
        }

        var vocabulary = new EventLogVocabulary(
            [.. _eventNameIds.Keys],
            ToDictionary(_eventNameIds.Keys),
            [.. _channels],
            new Dictionary<Channel, int>(_channelIds));
        var properties = new EventLogProperty[_properties.Length];
        for (var k = 0; k < properties.Length; k++)
        {
            properties[k] = _properties[k].Build(_propertyKeys[k], order);
        }

        return new EventLog(
            customers,
            offsets,
            customerColumn,
            ticks,
            eventNames,
            channels,
            values,
            vocabulary,
            properties,
            new EventLogBuildReport(n + _duplicates, _duplicates));
    }

    // Sorts one customer's rows by (ticks, input position). The rows arrive in input order, so most real data (logged in
    // time order) is already sorted and costs one pass; otherwise an unstable sort by ticks is followed by sorting each
    // run of equal ticks by input position, which restores stability.
    private static void SortByTimeThenInput(Span<long> ticks, Span<int> order)
    {
        var sorted = true;
        for (var i = 1; i < ticks.Length; i++)
        {
            if (ticks[i] < ticks[i - 1])
            {
                sorted = false;
                break;
            }
        }

        if (sorted)
        {
            return;
        }

        ticks.Sort(order);
        var start = 0;
        for (var i = 1; i <= ticks.Length; i++)
        {
            if (i == ticks.Length || ticks[i] != ticks[start])
            {
                if (i - start > 1)
                {
                    order[start..i].Sort();
                }

                start = i;
            }
        }
    }

    private static void Validate(string customerId, DateTimeOffset timestamp, string eventName, double? value)
    {
        Validation.NotBlank(customerId, nameof(customerId));
        if (timestamp == default)
        {
            throw new ArgumentOutOfRangeException(
                nameof(timestamp), timestamp, "The timestamp must be set; got default(DateTimeOffset) (0001-01-01T00:00:00Z).");
        }

        Validation.NotBlank(eventName, nameof(eventName));
        if (value is { } number)
        {
            Validation.Finite(number, nameof(value));
        }
    }

    private static int Intern<T>(Dictionary<T, int> ids, List<T> values, T value)
        where T : notnull
    {
        ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(ids, value, out var exists);
        if (!exists)
        {
            id = values.Count;
            values.Add(value);
        }

        return id;
    }

    private int Append(string customerId, DateTimeOffset timestamp, string eventName, Channel channel, double? value)
    {
        if (_count == _ticks.Length)
        {
            Grow();
        }

        var row = _count++;
        _pendingCustomers[_pending++] = customerId;
        if (_pending == PendingRows)
        {
            ResolveCustomers();
        }

        _ticks[row] = timestamp.UtcTicks;
        _eventNameColumn[row] = EventNameId(eventName);
        _channelColumn[row] = ChannelId(channel);
        _values[row] = value ?? double.NaN;
        return row;
    }

    // Writes the customer ids of the rows waiting for them.
    private void ResolveCustomers()
    {
        _customerIds.GetOrAddRange(_pendingCustomers.AsSpan(0, _pending), _customerColumn.AsSpan(_count - _pending, _pending));
        _pending = 0;
    }

    // A slot of a direct-mapped cache, chosen from the length and two characters of a name: few names, read every row,
    // so a reference check mostly replaces hashing the whole name.
    private static int CacheSlot(string name) =>
        (int)((((uint)name.Length * 0x9E3779B1u) ^ (name[0] * 0x85EBCA6Bu) ^ (name[^1] * 0xC2B2AE35u)) >> 26);

    private int EventNameId(string eventName)
    {
        ref var cached = ref _eventNameCache[CacheSlot(eventName)];
        if (!ReferenceEquals(cached.Name, eventName))
        {
            cached = new CachedName(eventName, _eventNameIds.GetOrAdd(eventName));
        }

        return cached.Id;
    }

    // The same name string, media type and kind make equal channels; anything else takes the dictionary.
    private int ChannelId(Channel channel)
    {
        var name = channel.Name;
        ref var cached = ref _channelCache[(CacheSlot(name) ^ ((int)channel.MediaType * 7) ^ (int)channel.Kind) & (NameCacheSize - 1)];
        if (!ReferenceEquals(cached.Name, name) || cached.MediaType != channel.MediaType || cached.Kind != channel.Kind)
        {
            cached = new CachedChannel(name, channel.MediaType, channel.Kind, Intern(_channelIds, _channels, channel));
        }

        return cached.Id;
    }

    private static Dictionary<string, int> ToDictionary(List<string> keys)
    {
        var ids = new Dictionary<string, int>(keys.Count, StringComparer.Ordinal);
        for (var id = 0; id < keys.Count; id++)
        {
            ids.Add(keys[id], id);
        }

        return ids;
    }

    private void Grow()
    {
        if (_count == Array.MaxLength)
        {
            throw new InvalidOperationException($"An event log holds at most {Array.MaxLength} events.");
        }

        Resize((int)Math.Min(Math.Max(16L, 2L * _count), Array.MaxLength));
    }

    private void Resize(int capacity)
    {
        Array.Resize(ref _customerColumn, capacity);
        Array.Resize(ref _ticks, capacity);
        Array.Resize(ref _eventNameColumn, capacity);
        Array.Resize(ref _channelColumn, capacity);
        Array.Resize(ref _values, capacity);
        foreach (var property in _properties)
        {
            property.Resize(capacity);
        }
    }

    private static string[] CheckKeys(IReadOnlyList<string> propertyKeys)
    {
        ArgumentNullException.ThrowIfNull(propertyKeys);
        var keys = new string[propertyKeys.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < keys.Length; i++)
        {
            var key = propertyKeys[i] ?? throw new ArgumentNullException(
                nameof(propertyKeys), string.Create(CultureInfo.InvariantCulture, $"The property key at index {i} is null."));
            if (string.IsNullOrWhiteSpace(key) || !seen.Add(key))
            {
                throw new ArgumentException(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"Property keys must be distinct and not blank; the key at index {i} is '{Validation.Echo(key)}'."),
                    nameof(propertyKeys));
            }

            keys[i] = key;
        }

        return keys;
    }

    // One kept property while building: its interned values and its column of value ids (−1 for none).
    private sealed class PropertyColumn
    {
        private readonly StringIdTable _ids = new();
        private int[] _column = [];
        private string? _last;
        private int _lastId;

        public void Resize(int capacity)
        {
            var old = _column.Length;
            Array.Resize(ref _column, capacity);
            _column.AsSpan(Math.Min(old, capacity)).Fill(-1);
        }

        public void Set(int row, string? value)
        {
            if (value is null)
            {
                _column[row] = -1;
                return;
            }

            if (!ReferenceEquals(value, _last))
            {
                _lastId = _ids.GetOrAdd(value);
                _last = value;
            }

            _column[row] = _lastId;
        }

        public EventLogProperty Build(string key, ReadOnlySpan<int> order)
        {
            var column = new int[order.Length];
            for (var j = 0; j < column.Length; j++)
            {
                column[j] = _column[order[j]];
            }

            return new EventLogProperty(
                key, column, new EventLogProperty.PropertyVocabulary([.. _ids.Keys], ToDictionary(_ids.Keys)));
        }
    }

    private readonly struct CachedName(string name, int id)
    {
        public readonly string? Name = name;
        public readonly int Id = id;
    }

    private readonly struct CachedChannel(string name, MediaType mediaType, ChannelKind kind, int id)
    {
        public readonly string? Name = name;
        public readonly MediaType MediaType = mediaType;
        public readonly ChannelKind Kind = kind;
        public readonly int Id = id;
    }
}
