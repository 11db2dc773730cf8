using System.Runtime.InteropServices;
using Engagement.Sdk.Journeys;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.Attribution;

/// <summary>
/// The scan behind <see cref="ConversionPaths.FromEventLog"/>: walks one customer's rows at a time, keeps the touches
/// since the last conversion, and hands each closed path to a <see cref="PathTable"/>.
/// </summary>
/// <remarks>
/// Channels get a local number per distinct name the first time a touch uses them, and a number in the table only when
/// a path keeps them, so a channel whose touches all fell outside every lookback is no channel of the paths.
/// </remarks>
internal sealed class EventLogPathScan
{
    private const byte ConversionFlag = 1;
    private const byte TouchFlag = 2;
    private const int Unknown = -2;
    private const int NoChannel = -1;

    private readonly EventLog _log;
    private readonly string _logParamName;
    private readonly long _lookbackTicks;
    private readonly bool _collapseRepeats;
    private readonly byte[] _kinds;
    private readonly int[] _logChannels;
    private readonly EventLogProperty? _property;
    private readonly int[] _propertyChannels;
    private readonly Dictionary<string, int> _localIds = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];
    private readonly List<int> _tableIds = [];
    private readonly PathTable _table = new(withAges: true);
    private readonly List<long> _touchTicks = [];
    private readonly List<int> _touchChannels = [];
    private readonly List<int> _steps = [];
    private readonly List<double> _ages = [];

    /// <summary>Prepares a scan of a log.</summary>
    /// <param name="log">The log.</param>
    /// <param name="logParamName">The public parameter that received the log, for errors in its data.</param>
    /// <param name="definition">The definition.</param>
    public EventLogPathScan(EventLog log, string logParamName, ConversionPathDefinition definition)
    {
        _log = log;
        _logParamName = logParamName;
        _lookbackTicks = definition.Lookback.Ticks;
        _collapseRepeats = definition.CollapseRepeats;
        _kinds = new byte[log.EventNames.Count];
        if (definition.TouchEvents is null)
        {
            _kinds.AsSpan().Fill(TouchFlag);
        }
        else
        {
            EventNameSet.Mark(_kinds, log, definition.TouchEvents, TouchFlag);
        }

        foreach (var name in definition.ConversionEvents)
        {
            if (log.TryGetEventNameId(name, out var id))
            {
                _kinds[id] = ConversionFlag;
            }
        }

        _logChannels = new int[log.Channels.Count];
        _logChannels.AsSpan().Fill(Unknown);
        if (definition.ChannelProperty is { } key)
        {
            if (!log.TryGetProperty(key, out _property))
            {
                throw new ArgumentException(
                    AttributionChecks.Text(
                        $"The definition takes channels from the property '{Validation.Echo(key)}', which the log does not keep; it keeps {(log.PropertyKeys.Count == 0 ? "none" : Validation.Echo(string.Join(", ", log.PropertyKeys)))}. Name it when building the log."),
                    nameof(definition));
            }

            _propertyChannels = new int[_property.Values.Count];
            _propertyChannels.AsSpan().Fill(Unknown);
        }
        else
        {
            _propertyChannels = [];
        }
    }

    /// <summary>Cuts one customer's rows into paths.</summary>
    public void Customer(int customer)
    {
        var offsets = _log.CustomerOffsets;
        var (start, end) = (offsets[customer], offsets[customer + 1]);
        var ticks = _log.Timestamps;
        var names = _log.EventNameIds;
        for (var i = start; i < end;)
        {
            // One instant at a time: its touches first, so that they count as before a conversion at that instant
            // whatever order the log keeps ties in.
            var time = ticks[i];
            var next = i + 1;
            while (next < end && ticks[next] == time)
            {
                next++;
            }

            for (var row = i; row < next; row++)
            {
                if (_kinds[names[row]] == TouchFlag && ChannelOf(row, customer) is var channel and >= 0)
                {
                    AddTouch(time, channel);
                }
            }

            // The conversions of one instant share its path, so that no order among them is needed.
            var conversions = 0;
            double value = 0;
            for (var row = i; row < next; row++)
            {
                if (_kinds[names[row]] == ConversionFlag)
                {
                    conversions++;
                    value += ConversionValue(row, customer);
                }
            }

            if (conversions > 0)
            {
                ClosePath(time, conversions, value);
            }

            i = next;
        }

        if (_touchTicks.Count > 0)
        {
            ClosePath(_touchTicks[^1], 0, 0);
        }
    }

    /// <summary>Returns the paths collected so far.</summary>
    public ConversionPaths ToPaths() => _table.ToPaths(null, "channelCosts");

    // Appends a touch, keeping touches of one instant in ordinal order of their channel names.
    private void AddTouch(long time, int channel)
    {
        var at = _touchTicks.Count;
        while (at > 0 && _touchTicks[at - 1] == time && string.CompareOrdinal(_names[_touchChannels[at - 1]], _names[channel]) > 0)
        {
            at--;
        }

        _touchTicks.Insert(at, time);
        _touchChannels.Insert(at, channel);
    }

    // Makes a path of the waiting touches (for conversions: those within the lookback) and starts afresh.
    private void ClosePath(long end, int conversions, double value)
    {
        var converted = conversions > 0;
        var ticks = CollectionsMarshal.AsSpan(_touchTicks);
        var channels = CollectionsMarshal.AsSpan(_touchChannels);
        var first = 0;
        while (converted && first < ticks.Length && end - ticks[first] > _lookbackTicks)
        {
            first++;
        }

        _steps.Clear();
        _ages.Clear();
        var last = NoChannel;
        for (var i = first; i < ticks.Length; i++)
        {
            var age = (double)(end - ticks[i]) / TimeSpan.TicksPerDay;
            if (_collapseRepeats && channels[i] == last)
            {
                _ages[^1] = age;
                continue;
            }

            last = channels[i];
            _steps.Add(TableId(last));
            _ages.Add(age);
        }

        if (_steps.Count > 0)
        {
            _table.Add(CollectionsMarshal.AsSpan(_steps), CollectionsMarshal.AsSpan(_ages), conversions, value, converted ? 0 : 1);
        }

        _touchTicks.Clear();
        _touchChannels.Clear();
    }

    // The local channel number of a row: its property value when it has a non-blank one, else its own channel unless
    // that is unspecified; NoChannel when it has neither.
    private int ChannelOf(int row, int customer)
    {
        if (_property is not null && _property.ValueIds[row] is var valueId and >= 0)
        {
            ref var fromProperty = ref _propertyChannels[valueId];
            if (fromProperty == Unknown)
            {
                fromProperty = PropertyChannel(_property.Values[valueId], customer);
            }

            if (fromProperty >= 0)
            {
                return fromProperty;
            }
        }

        ref var fromLog = ref _logChannels[_log.ChannelIds[row]];
        if (fromLog == Unknown)
        {
            var channel = _log.Channels[_log.ChannelIds[row]];
            fromLog = channel == Channel.Unspecified ? NoChannel : LocalId(channel.Name);
        }

        return fromLog;
    }

    private int PropertyChannel(string value, int customer)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return NoChannel;
        }

        try
        {
            return LocalId(AttributionChecks.ChannelName(value, _logParamName));
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException(
                AttributionChecks.Text(
                    $"Customer '{Validation.Echo(_log.Customers[customer])}' has an event whose property '{Validation.Echo(_property!.Key)}' is not a channel name: {InnerMessage(e)}"),
                _logParamName,
                e);
        }
    }

    /// <summary>An inner exception's message without the " (Parameter '…')" its parameter name appends.</summary>
    private static string InnerMessage(ArgumentException e) =>
        e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", string.Empty, StringComparison.Ordinal);

    private double ConversionValue(int row, int customer)
    {
        var value = _log.Values[row];
        if (double.IsNaN(value))
        {
            return 0;
        }

        if (value < 0)
        {
            throw new ArgumentException(
                AttributionChecks.Text(
                    $"Customer '{Validation.Echo(_log.Customers[customer])}' has a conversion '{Validation.Echo(_log.EventNames[_log.EventNameIds[row]])}' at {new DateTimeOffset(_log.Timestamps[row], TimeSpan.Zero):O} with the value {value}; a conversion's value must be 0 or more."),
                _logParamName);
        }

        return value;
    }

    private int LocalId(string name)
    {
        ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(_localIds, name, out var exists);
        if (!exists)
        {
            id = _names.Count;
            _names.Add(name);
            _tableIds.Add(Unknown);
        }

        return id;
    }

    private int TableId(int local)
    {
        var id = _tableIds[local];
        if (id == Unknown)
        {
            id = _table.Intern(_names[local]);
            _tableIds[local] = id;
        }

        return id;
    }
}
