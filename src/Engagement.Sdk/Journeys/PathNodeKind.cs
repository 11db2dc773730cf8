using System.Text.Json.Serialization;

namespace Engagement.Sdk.Journeys;

/// <summary>What the nodes of a path are: each event's name, its channel, or its journey stage.</summary>
[JsonConverter(typeof(Engagement.Sdk.IO.StrictEnumConverter<PathNodeKind>))]
public enum PathNodeKind
{
    /// <summary>The event's name. The value of <c>default(PathNodeKind)</c>.</summary>
    EventName = 0,

    /// <summary>The name of the event's channel (channels of the same name, ignoring case, are one node).</summary>
    Channel = 1,

    /// <summary>The event's journey stage under the definition's stage rules; events without a stage are skipped.</summary>
    Stage = 2,
}
