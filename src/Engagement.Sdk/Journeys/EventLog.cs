using System.Collections.ObjectModel;
using System.Globalization;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.Journeys;

/// <summary>
/// Events in columns, interned and sorted by customer then time, so that every journey analysis is a linear scan per
/// customer over contiguous arrays.
/// </summary>
/// <remarks>
/// <para>
/// Row <c>i</c> of the log is the event at index <c>i</c> of each column: <see cref="CustomerIndexes"/> (an index into
/// <see cref="Customers"/>), <see cref="Timestamps"/> (UTC ticks), <see cref="EventNameIds"/> (an index into
/// <see cref="EventNames"/>), <see cref="ChannelIds"/> (an index into <see cref="Channels"/>) and <see cref="Values"/>.
/// Rows are sorted by customer index, then by timestamp; the sort is stable, so one customer's events with equal
/// timestamps keep the order they were given in. <see cref="GetCustomerRange"/> gives the rows of one customer.
/// </para>
/// <para>
/// Customers are numbered in ordinal order of their ids, so the layout does not depend on input order (except for ties,
/// as above). Event names (compared ordinally) and channels (compared as <see cref="Channel"/> compares them, names
/// ignoring case; the first spelling seen is kept) are numbered in order of first sight.
/// </para>
/// <para>
/// Values are <see cref="double"/>s, with <see cref="double.NaN"/> for an event without a value: a dense column that a
/// scan can read without a second column of flags. <see cref="EngagementEvent.Value"/>, a <see cref="decimal"/>, is
/// converted to the nearest <see cref="double"/>.
/// </para>
/// <para>
/// Build a log with <see cref="Create(IEnumerable{EngagementEvent})"/>, <see cref="CreateAsync(IAsyncEnumerable{EngagementEvent}, CancellationToken)"/> or an <see cref="EventLogBuilder"/>; split it by
/// customer with <see cref="Partition"/>. Instances are immutable and thread-safe.
/// </para>
/// </remarks>
public sealed class EventLog
{
    private readonly string[] _customers;
    private readonly int[] _customerOffsets;
    private int[]? _customerColumn;
    private readonly long[] _ticks;
    private readonly int[] _eventNameColumn;
    private readonly int[] _channelColumn;
    private double[]? _values;
    private readonly EventLogVocabulary _vocabulary;
    private readonly EventLogProperty[] _properties;

    internal EventLog(
        string[] customers,
        int[] customerOffsets,
        int[]? customerColumn,
        long[] ticks,
        int[] eventNameColumn,
        int[] channelColumn,
        double[]? values,
        EventLogVocabulary vocabulary,
        EventLogProperty[] properties,
        EventLogBuildReport buildReport)
    {
        _customers = customers;
        _customerOffsets = customerOffsets;
        _customerColumn = customerColumn;
        _ticks = ticks;
        _eventNameColumn = eventNameColumn;
        _channelColumn = channelColumn;
        _values = values;
        _vocabulary = vocabulary;
        _properties = properties;
        BuildReport = buildReport;
        PropertyKeys = Array.AsReadOnly(Array.ConvertAll(properties, p => p.Key));
        Customers = Array.AsReadOnly(customers);
    }

    /// <summary>The most partitions <see cref="Partition"/> makes: far more than any machine has cores, and few enough
    /// that the list of (mostly empty) logs it returns stays small.</summary>
    public const int MaxPartitions = 1 << 16;

    /// <summary>Gets how many events the log holds.</summary>
    public int Count => _ticks.Length;

    /// <summary>Gets how many customers the log holds; each has at least one event.</summary>
    public int CustomerCount => _customers.Length;

    /// <summary>Gets the customers' ids, in ordinal order; a customer index is a position in this list.</summary>
    public IReadOnlyList<string> Customers { get; }

    /// <summary>Gets the interned event names, in order of first sight; an event-name id is a position in this list.</summary>
    /// <remarks>The partitions of a log share its event names, so an id means the same name in each of them.</remarks>
    public IReadOnlyList<string> EventNames => _vocabulary.EventNames;

    /// <summary>Gets the interned channels, in order of first sight; a channel id is a position in this list.</summary>
    /// <remarks>The partitions of a log share its channels, so an id means the same channel in each of them.</remarks>
    public IReadOnlyList<Channel> Channels => _vocabulary.Channels;

    /// <summary>Gets the keys of the properties the log keeps (see <see cref="GetProperty"/>), in the order they were
    /// given to <see cref="EventLogBuilder(IReadOnlyList{string}, int)"/>.</summary>
    public IReadOnlyList<string> PropertyKeys { get; }

    /// <summary>Gets what building the log did with its input: events read, duplicates dropped, events kept.</summary>
    /// <remarks>A partition reports its own events as read and kept, with no duplicates.</remarks>
    public EventLogBuildReport BuildReport { get; }

    /// <summary>Gets the customer index of each row; non-decreasing.</summary>
    /// <remarks>The column follows from the customers' ranges, so a log makes it on first read.</remarks>
    public ReadOnlySpan<int> CustomerIndexes => _customerColumn ?? CreateCustomerColumn();

    /// <summary>Gets the timestamp of each row as UTC ticks (<see cref="DateTimeOffset.UtcTicks"/>); non-decreasing
    /// within each customer.</summary>
    public ReadOnlySpan<long> Timestamps => _ticks;

    /// <summary>Gets the event-name id of each row, an index into <see cref="EventNames"/>.</summary>
    public ReadOnlySpan<int> EventNameIds => _eventNameColumn;

    /// <summary>Gets the channel id of each row, an index into <see cref="Channels"/>.</summary>
    public ReadOnlySpan<int> ChannelIds => _channelColumn;

    /// <summary>Gets the value of each row, or <see cref="double.NaN"/> when the event has none; never infinite.</summary>
    /// <remarks>A log built from events none of which has a value holds no column until this is first read.</remarks>
    public ReadOnlySpan<double> Values => _values ?? CreateValuesWithout();

    /// <summary>Gets where each customer's rows start: customer <c>c</c> holds rows <c>[offsets[c], offsets[c + 1])</c>.</summary>
    internal ReadOnlySpan<int> CustomerOffsets => _customerOffsets;

    /// <summary>Builds a log from events, dropping those whose event id was seen before.</summary>
    /// <param name="events">The events, in any order.</param>
    /// <returns>The log; <see cref="BuildReport"/> says how many events were read, dropped and kept.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="events"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An element of <paramref name="events"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An event's timestamp is <c>default(DateTimeOffset)</c>.</exception>
    /// <exception cref="InvalidOperationException">There are more than <see cref="Array.MaxLength"/> distinct events.</exception>
    public static EventLog Create(IEnumerable<EngagementEvent> events) => Create(events, []);

    /// <summary>Builds a log from events, keeping the given properties, and dropping events whose id was seen before.</summary>
    /// <param name="events">The events, in any order.</param>
    /// <param name="propertyKeys">The keys of the properties (<see cref="EngagementEvent.Properties"/>) to keep; distinct,
    /// none blank. An event without a key has no value for it.</param>
    /// <returns>The log; <see cref="BuildReport"/> says how many events were read, dropped and kept.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="events"/> or <paramref name="propertyKeys"/> is
    /// <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An element of <paramref name="events"/> is <see langword="null"/>, or a key is
    /// blank or repeated.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An event's timestamp is <c>default(DateTimeOffset)</c>.</exception>
    /// <exception cref="InvalidOperationException">There are more than <see cref="Array.MaxLength"/> distinct events.</exception>
    public static EventLog Create(IEnumerable<EngagementEvent> events, IReadOnlyList<string> propertyKeys)
    {
        ArgumentNullException.ThrowIfNull(events);
        var builder = new EventLogBuilder(propertyKeys);
        var values = new string?[builder.PropertyKeys.Count];
        long index = 0;
        foreach (var e in events)
        {
            Add(builder, e, values, index++, nameof(events));
        }

        return builder.Build();
    }

    /// <summary>Builds a log from a stream of events, dropping those whose event id was seen before.</summary>
    /// <param name="events">The events, in any order.</param>
    /// <param name="cancellationToken">Cancels reading; checked before each event.</param>
    /// <returns>The log; <see cref="BuildReport"/> says how many events were read, dropped and kept.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="events"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An element of <paramref name="events"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An event's timestamp is <c>default(DateTimeOffset)</c>.</exception>
    /// <exception cref="InvalidOperationException">There are more than <see cref="Array.MaxLength"/> distinct events.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage(
        "ApiDesign",
        "RS0026:Do not add multiple public overloads with optional parameters",
        Justification = "Both overloads end in the conventional optional token; the keys have no default, so no call is ambiguous.")]
    public static Task<EventLog> CreateAsync(IAsyncEnumerable<EngagementEvent> events, CancellationToken cancellationToken = default) =>
        CreateAsync(events, [], cancellationToken);

    /// <summary>Builds a log from a stream of events, keeping the given properties, and dropping events whose id was seen
    /// before.</summary>
    /// <param name="events">The events, in any order.</param>
    /// <param name="propertyKeys">The keys of the properties (<see cref="EngagementEvent.Properties"/>) to keep; distinct,
    /// none blank. An event without a key has no value for it.</param>
    /// <param name="cancellationToken">Cancels reading; checked before each event.</param>
    /// <returns>The log; <see cref="BuildReport"/> says how many events were read, dropped and kept.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="events"/> or <paramref name="propertyKeys"/> is
    /// <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An element of <paramref name="events"/> is <see langword="null"/>, or a key is
    /// blank or repeated.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An event's timestamp is <c>default(DateTimeOffset)</c>.</exception>
    /// <exception cref="InvalidOperationException">There are more than <see cref="Array.MaxLength"/> distinct events.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage(
        "ApiDesign",
        "RS0026:Do not add multiple public overloads with optional parameters",
        Justification = "Both overloads end in the conventional optional token; the keys have no default, so no call is ambiguous.")]
    public static async Task<EventLog> CreateAsync(
        IAsyncEnumerable<EngagementEvent> events, IReadOnlyList<string> propertyKeys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        var builder = new EventLogBuilder(propertyKeys);
        var values = new string?[builder.PropertyKeys.Count];
        cancellationToken.ThrowIfCancellationRequested();
        long index = 0;
        await foreach (var e in events.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            // A source may ignore the token, so check it here too.
            cancellationToken.ThrowIfCancellationRequested();
            Add(builder, e, values, index++, nameof(events));
        }

        return builder.Build();
    }

    /// <summary>Gets a kept property: its values and each row's value id.</summary>
    /// <param name="key">One of <see cref="PropertyKeys"/>, compared ordinally.</param>
    /// <returns>The property.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The log does not keep the property <paramref name="key"/>.</exception>
    public EventLogProperty GetProperty(string key) =>
        TryGetProperty(key, out var property)
            ? property
            : throw new ArgumentException(
                $"The log keeps no property '{Validation.Echo(key)}'; it keeps {(_properties.Length == 0 ? "none" : Validation.Echo(string.Join(", ", PropertyKeys)))}. Name it when building the log.",
                nameof(key));

    /// <summary>Looks up a kept property.</summary>
    /// <param name="key">The property's key, compared ordinally.</param>
    /// <param name="property">The property when the log keeps it; otherwise <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when the log keeps the property.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    public bool TryGetProperty(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out EventLogProperty? property)
    {
        ArgumentNullException.ThrowIfNull(key);
        property = Array.Find(_properties, p => string.Equals(p.Key, key, StringComparison.Ordinal));
        return property is not null;
    }

    /// <summary>Gets the rows of one customer's events.</summary>
    /// <param name="customer">The customer index, from 0 to <see cref="CustomerCount"/> − 1.</param>
    /// <returns>The range of rows, never empty.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="customer"/> is negative or not less than
    /// <see cref="CustomerCount"/>.</exception>
    public EventLogCustomerRange GetCustomerRange(int customer)
    {
        if ((uint)customer >= (uint)_customers.Length)
        {
            throw new ArgumentOutOfRangeException(
                nameof(customer),
                customer,
                string.Create(CultureInfo.InvariantCulture, $"A customer index must be from 0 to {_customers.Length - 1}; got {customer}."));
        }

        return new EventLogCustomerRange(_customerOffsets[customer], _customerOffsets[customer + 1] - _customerOffsets[customer]);
    }

    /// <summary>Looks up the index of a customer.</summary>
    /// <param name="customerId">The customer's id, compared ordinally.</param>
    /// <param name="customer">The customer index when found; otherwise −1.</param>
    /// <returns><see langword="true"/> when the log holds the customer.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="customerId"/> is <see langword="null"/>.</exception>
    public bool TryGetCustomerIndex(string customerId, out int customer)
    {
        ArgumentNullException.ThrowIfNull(customerId);

        // The ids are in ordinal order: a binary search needs no table beside them.
        customer = Array.BinarySearch(_customers, customerId, StringComparer.Ordinal);
        return Found(customer >= 0, ref customer);
    }

    /// <summary>Looks up the id of an event name.</summary>
    /// <param name="name">The event name, compared ordinally.</param>
    /// <param name="id">The event-name id when found; otherwise −1.</param>
    /// <returns><see langword="true"/> when the name is in <see cref="EventNames"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    public bool TryGetEventNameId(string name, out int id)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Found(_vocabulary.TryGetEventNameId(name, out id), ref id);
    }

    /// <summary>Looks up the id of a channel.</summary>
    /// <param name="channel">The channel, compared as <see cref="Channel.Equals(Channel)"/> does.</param>
    /// <param name="id">The channel id when found; otherwise −1.</param>
    /// <returns><see langword="true"/> when the channel is in <see cref="Channels"/>.</returns>
    public bool TryGetChannelId(Channel channel, out int id) => Found(_vocabulary.TryGetChannelId(channel, out id), ref id);

    /// <summary>
    /// Splits the log by customer into <paramref name="partitions"/> logs, each holding whole customers, so that journey
    /// results computed per partition can be merged.
    /// </summary>
    /// <param name="partitions">How many logs to return; from 1 to <see cref="MaxPartitions"/>.</param>
    /// <returns>Exactly <paramref name="partitions"/> logs; some are empty when there are fewer customers than partitions or
    /// one customer outweighs the rest.</returns>
    /// <remarks>
    /// Every event lands in exactly one partition and every customer wholly in one. Partition <c>p</c> holds a contiguous
    /// run of this log's customers (in ordinal order of their ids), cut so that each partition holds about
    /// <see cref="Count"/> / <paramref name="partitions"/> events; concatenating the partitions in order gives this log
    /// back. Customer indexes are local to each partition; event-name and channel ids are shared with this log. Each
    /// partition's <see cref="BuildReport"/> counts its own events as read and kept. With one partition, the result holds
    /// this log itself.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="partitions"/> is 0 or negative, or greater than
    /// <see cref="MaxPartitions"/>.</exception>
    public IReadOnlyList<EventLog> Partition(int partitions)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(partitions);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(partitions, MaxPartitions);
        if (partitions == 1)
        {
            return new ReadOnlyCollection<EventLog>([this]);
        }

        var logs = new EventLog[partitions];
        var firstCustomer = 0;
        for (var p = 0; p < partitions; p++)
        {
            var endCustomer = p == partitions - 1 ? _customers.Length : FirstCustomerAtOrAfter(_customerOffsets, (long)Count * (p + 1) / partitions);
            endCustomer = Math.Max(endCustomer, firstCustomer);
            logs[p] = Slice(firstCustomer, endCustomer);
            firstCustomer = endCustomer;
        }

        return Array.AsReadOnly(logs);
    }

    // Each row's customer index, from the offsets; a race makes two and keeps one.
    private int[] CreateCustomerColumn()
    {
        var column = new int[Count];
        for (var c = 0; c < _customers.Length; c++)
        {
            column.AsSpan(_customerOffsets[c], _customerOffsets[c + 1] - _customerOffsets[c]).Fill(c);
        }

        return Interlocked.CompareExchange(ref _customerColumn, column, null) ?? column;
    }

    // The column of a log without values: all NaN, made on first read; a race makes two and keeps one.
    private double[] CreateValuesWithout()
    {
        var values = new double[Count];
        values.AsSpan().Fill(double.NaN);
        return Interlocked.CompareExchange(ref _values, values, null) ?? values;
    }

    private static bool Found(bool found, ref int id)
    {
        if (!found)
        {
            id = -1;
        }

        return found;
    }

    private static void Add(EventLogBuilder builder, EngagementEvent? e, string?[] values, long index, string paramName)
    {
        if (e is null)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The event at index {index} is null."), paramName);
        }

        var keys = builder.PropertyKeys;
        for (var k = 0; k < values.Length; k++)
        {
            values[k] = e.Properties.GetValueOrDefault(keys[k]);
        }

        builder.Add(e.EventId, e.CustomerId, e.Timestamp, e.Name, e.Channel, e.Value is { } value ? (double)value : null, values);
    }

    // The first customer whose events start at or after the given row, by binary search over the offsets.
    internal static int FirstCustomerAtOrAfter(int[] customerOffsets, long row)
    {
        int low = 0, high = customerOffsets.Length - 1;
        while (low < high)
        {
            var mid = (int)(((uint)low + (uint)high) >> 1);
            if (customerOffsets[mid] < row)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    private EventLog Slice(int firstCustomer, int endCustomer)
    {
        var start = _customerOffsets[firstCustomer];
        var length = _customerOffsets[endCustomer] - start;
        var offsets = new int[endCustomer - firstCustomer + 1];
        for (var i = 0; i < offsets.Length; i++)
        {
            offsets[i] = _customerOffsets[firstCustomer + i] - start;
        }

        return new EventLog(
            _customers[firstCustomer..endCustomer],
            offsets,
            null,
            _ticks.AsSpan(start, length).ToArray(),
            _eventNameColumn.AsSpan(start, length).ToArray(),
            _channelColumn.AsSpan(start, length).ToArray(),
            _values?.AsSpan(start, length).ToArray(),
            _vocabulary,
            Array.ConvertAll(_properties, p => p.Slice(start, length)),
            new EventLogBuildReport(length, 0));
    }
}
