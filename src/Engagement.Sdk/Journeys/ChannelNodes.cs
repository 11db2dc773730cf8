namespace Engagement.Sdk.Journeys;

/// <summary>
/// The channels of a log by name: channels whose names are equal ignoring case (whatever their media type or kind) are
/// one, labelled with the first spelling seen. Paths of channels and journey-map touchpoints match channels so.
/// </summary>
internal static class ChannelNodes
{
    /// <summary>Returns each channel id's node and the nodes' labels.</summary>
    public static (int[] Ids, string[] Labels) Of(EventLog log)
    {
        var byName = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var labels = new List<string>();
        var ids = new int[log.Channels.Count];
        for (var c = 0; c < ids.Length; c++)
        {
            var name = log.Channels[c].Name;
            if (!byName.TryGetValue(name, out var id))
            {
                byName.Add(name, id = labels.Count);
                labels.Add(name);
            }

            ids[c] = id;
        }

        return (ids, [.. labels]);
    }
}
