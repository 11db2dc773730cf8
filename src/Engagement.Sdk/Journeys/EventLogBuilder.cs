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
    // Made at the first row with a value, so that a log of events without values never holds a column of NaNs.
    private double[]? _values;
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

    /// <summary>Gets or sets from how many rows on <see cref="Build"/> uses a second core; smaller builds run on the
    /// calling thread, where starting another costs more than it saves. Tests lower it to reach the parallel path.</summary>
    internal int ParallelThreshold { get; set; } = CustomerScan.ParallelThreshold;

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
    /// From 65,536 rows on, it runs on two cores (thread-pool threads, joined before it returns).
    /// </remarks>
    public EventLog Build()
    {
        ResolveCustomers();
        var n = _count;
        var customerCount = _customerIds.Count;
        var parallel = n >= ParallelThreshold && Environment.ProcessorCount > 1;

        // Customers in ordinal order of their ids, so that the layout does not depend on the order of the input: each core
        // sorts half of them, and the halves are merged. Meanwhile, each core counts each customer's rows (by id in order
        // of first sight) in one half of the input: the two halves are scattered at once below, the first half's rows of
        // a customer before the second's, which keeps input order.
        var customers = _customerIds.Keys.ToArray();
        var firstSeen = new int[customerCount];
        for (var i = 0; i < firstSeen.Length; i++)
        {
            firstSeen[i] = i;
        }

        var half = parallel ? n / 2 : n;
        var sortedHalf = parallel ? customerCount / 2 : customerCount;
        var early = new int[customerCount];
        var late = parallel ? new int[customerCount] : [];
        Run(
            parallel,
            () =>
            {
                Array.Sort(customers, firstSeen, 0, sortedHalf, StringComparer.Ordinal);
                CountRows(_customerColumn.AsSpan(0, half), early);
            },
            () =>
            {
                Array.Sort(customers, firstSeen, sortedHalf, customerCount - sortedHalf, StringComparer.Ordinal);
                CountRows(_customerColumn.AsSpan(half, n - half), late);
            });
        if (parallel)
        {
            (customers, firstSeen) = Merge(customers, firstSeen, sortedHalf);
        }

        // Where each customer's rows start, in ordinal order; the counts become each half's write cursors, by id.
        var offsets = new int[customerCount + 1];
        for (var r = 0; r < customerCount; r++)
        {
            var id = firstSeen[r];
            var start = offsets[r];
            offsets[r + 1] = start + early[id] + (parallel ? late[id] : 0);
            if (parallel)
            {
                late[id] = start + early[id];
            }

            early[id] = start;
        }

        // A counting sort by customer, reading the input in order and writing each row to its customer's next slot. Where
        // each row came from is kept only for the property columns, which follow it.
        var order = _properties.Length == 0 ? null : new int[n];
        var ticks = new long[n];
        var eventNames = new int[n];
        var channels = new int[n];
        var values = _values is null ? null : new double[n];
        var columns = new Columns(order, ticks, eventNames, channels, values);
        Run(parallel, () => Scatter(0, half, early, columns), () => Scatter(half, n, late, columns));

        // Then each customer's rows by time, which most input already is.
        var middle = parallel ? EventLog.FirstCustomerAtOrAfter(offsets, n / 2) : customerCount;
        Run(
            parallel,
            () => SortCustomers(0, middle, offsets, columns),
            () => SortCustomers(middle, customerCount, offsets, columns));

        var vocabulary = new EventLogVocabulary(
            [.. _eventNameIds.Keys],
            ToDictionary(_eventNameIds.Keys),
            [.. _channels],
            new Dictionary<Channel, int>(_channelIds));
        var properties = new EventLogProperty[_properties.Length];
        for (var k = 0; k < properties.Length; k++)
        {
            properties[k] = _properties[k].Build(_propertyKeys[k], order!);
        }

        return new EventLog(
            customers,
            offsets,
            null,
            ticks,
            eventNames,
            channels,
            values,
            vocabulary,
            properties,
            new EventLogBuildReport(n + _duplicates, _duplicates));
    }

    private static void Run(bool parallel, Action first, Action second)
    {
        if (parallel)
        {
            Parallel.Invoke(first, second);
        }
        else
        {
            first();
            second();
        }
    }

    // Merges two sorted runs of distinct ids, [0, middle) and [middle, end), with their first-sight numbers.
    private static (string[] Customers, int[] FirstSeen) Merge(string[] customers, int[] firstSeen, int middle)
    {
        var mergedCustomers = new string[customers.Length];
        var mergedFirstSeen = new int[customers.Length];
        int a = 0, b = middle;
        for (var k = 0; k < customers.Length; k++)
        {
            var takeFirst = b == customers.Length || (a < middle && string.CompareOrdinal(customers[a], customers[b]) < 0);
            var from = takeFirst ? a++ : b++;
            mergedCustomers[k] = customers[from];
            mergedFirstSeen[k] = firstSeen[from];
        }

        return (mergedCustomers, mergedFirstSeen);
    }

    private static void CountRows(ReadOnlySpan<int> customerColumn, Span<int> counts)
    {
        foreach (var customer in customerColumn)
        {
            counts[customer]++;
        }
    }

    // Moves input rows [start, end) to their places: cursor[id] is where the next row of customer id goes.
    private void Scatter(int start, int end, int[] cursor, Columns to)
    {
        var customerColumn = _customerColumn;
        var values = _values;
        for (var i = start; i < end; i++)
        {
            var j = cursor[customerColumn[i]]++;
            if (to.Order is not null)
            {
                to.Order[j] = i;
            }

            to.Ticks[j] = _ticks[i];
            to.EventNames[j] = _eventNameColumn[i];
            to.Channels[j] = _channelColumn[i];
            if (values is not null)
            {
                to.Values![j] = values[i];
            }
        }
    }

    // Sorts the rows of customers [first, end) (in ordinal order) by time. A customer's rows were scattered in input
    // order, so most real data (logged in time order) is already sorted and costs one pass; the others are sorted by
    // (ticks, position), which keeps input order for equal ticks, and every column follows.
    private static void SortCustomers(int first, int end, int[] offsets, Columns columns)
    {
        int[] positions = [], scratch = [];
        double[] valueScratch = [];
        for (var r = first; r < end; r++)
        {
            var start = offsets[r];
            var length = offsets[r + 1] - start;
            var ticks = columns.Ticks.AsSpan(start, length);
            if (IsInTimeOrder(ticks))
            {
                continue;
            }

            if (positions.Length < length)
            {
                positions = new int[Math.Max(length, 2 * positions.Length)];
                scratch = new int[positions.Length];
            }

            var moves = positions.AsSpan(0, length);
            SortByTimeThenPosition(ticks, moves);
            Permute(columns.EventNames.AsSpan(start, length), moves, scratch);
            Permute(columns.Channels.AsSpan(start, length), moves, scratch);
            if (columns.Order is not null)
            {
                Permute(columns.Order.AsSpan(start, length), moves, scratch);
            }

            if (columns.Values is not null)
            {
                if (valueScratch.Length < length)
                {
                    valueScratch = new double[positions.Length];
                }

                Permute(columns.Values.AsSpan(start, length), moves, valueScratch);
            }
        }
    }

    private static bool IsInTimeOrder(ReadOnlySpan<long> ticks)
    {
        for (var i = 1; i < ticks.Length; i++)
        {
            if (ticks[i] < ticks[i - 1])
            {
                return false;
            }
        }

        return true;
    }

    // Sorts ticks and fills positions with where each sorted row was: an unstable sort by ticks, then each run of equal
    // ticks sorted by position, which restores stability.
    private static void SortByTimeThenPosition(Span<long> ticks, Span<int> positions)
    {
        for (var j = 0; j < positions.Length; j++)
        {
            positions[j] = j;
        }

        ticks.Sort(positions);
        var start = 0;
        for (var i = 1; i <= ticks.Length; i++)
        {
            if (i == ticks.Length || ticks[i] != ticks[start])
            {
                if (i - start > 1)
                {
                    positions[start..i].Sort();
                }

                start = i;
            }
        }
    }

    // Row j of the column becomes the row that was at positions[j].
    private static void Permute<T>(Span<T> column, ReadOnlySpan<int> positions, T[] scratch)
    {
        var before = scratch.AsSpan(0, column.Length);
        column.CopyTo(before);
        for (var j = 0; j < column.Length; j++)
        {
            column[j] = before[positions[j]];
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
        if (value is { } number)
        {
            if (_values is null)
            {
                _values = new double[_ticks.Length];
                _values.AsSpan(0, row).Fill(double.NaN);
            }

            _values[row] = number;
        }
        else if (_values is not null)
        {
            _values[row] = double.NaN;
        }
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
        if (_values is not null)
        {
            Array.Resize(ref _values, capacity);
        }
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

    // The columns of the log being built, in their final order.
    private readonly record struct Columns(int[]? Order, long[] Ticks, int[] EventNames, int[] Channels, double[]? Values);
}
