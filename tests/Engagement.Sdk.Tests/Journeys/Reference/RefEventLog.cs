using Engagement.Sdk.Journeys;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.Tests.Journeys.Reference;

/// <summary>
/// The bridge from the reference's input to the library's: the same events as an <see cref="EventLog"/>, so that one
/// generated list feeds both an analysis and its naive reference. The naive implementations themselves use the BCL only.
/// </summary>
internal static class RefEventLog
{
    /// <summary>
    /// Builds a log of the events in the order given (so ties keep it), without event ids (nothing is dropped), keeping
    /// the properties named by <paramref name="propertyKeys"/>.
    /// </summary>
    public static EventLog Build(IReadOnlyList<RefEvent> events, params string[] propertyKeys)
    {
        var builder = new EventLogBuilder(propertyKeys, events.Count);
        var values = new string?[propertyKeys.Length];
        foreach (var e in events)
        {
            for (var k = 0; k < propertyKeys.Length; k++)
            {
                values[k] = e.Properties is not null && e.Properties.TryGetValue(propertyKeys[k], out var value) ? value : null;
            }

            builder.Add(eventId: null, e.Customer, e.Time, e.Name, ChannelOf(e.Channel), value: null, values);
        }

        return builder.Build();
    }

    /// <summary>The channel a reference event's channel name stands for.</summary>
    public static Channel ChannelOf(string name) => new(name, MediaType.Unspecified, ChannelKind.Other);
}
