using System.Text.Json.Serialization;

namespace Engagement.Sdk.Attribution;

/// <summary>How <see cref="LinearModel"/> shares a path: among its touches, or among its distinct channels.</summary>
[JsonConverter(typeof(Engagement.Sdk.IO.StrictEnumConverter<LinearCredit>))]
public enum LinearCredit
{
    /// <summary>Each of the path's n touches earns 1/n: a channel that touched twice earns twice.</summary>
    PerOccurrence = 0,

    /// <summary>Each of the path's d distinct channels earns 1/d, however often it touched.</summary>
    PerDistinctChannel = 1,
}
