using System.Collections.ObjectModel;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.Journeys;

/// <summary>
/// The interned event names and channels of an <see cref="EventLog"/>, shared by the partitions of a log so that an
/// event-name or channel id means the same thing in each of them. Immutable once built.
/// </summary>
internal sealed class EventLogVocabulary
{
    private readonly Dictionary<string, int> _eventNameIds;
    private readonly Dictionary<Channel, int> _channelIds;

    public EventLogVocabulary(string[] eventNames, Dictionary<string, int> eventNameIds, Channel[] channels, Dictionary<Channel, int> channelIds)
    {
        EventNames = Array.AsReadOnly(eventNames);
        Channels = Array.AsReadOnly(channels);
        _eventNameIds = eventNameIds;
        _channelIds = channelIds;
    }

    public ReadOnlyCollection<string> EventNames { get; }

    public ReadOnlyCollection<Channel> Channels { get; }

    // Dictionary reads are thread-safe while nothing writes, and nothing writes once the vocabulary is built.
    public bool TryGetEventNameId(string name, out int id) => _eventNameIds.TryGetValue(name, out id);

    public bool TryGetChannelId(Channel channel, out int id) => _channelIds.TryGetValue(channel, out id);
}
