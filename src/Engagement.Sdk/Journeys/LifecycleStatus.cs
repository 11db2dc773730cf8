using System.Text.Json.Serialization;
using Engagement.Sdk.IO;

namespace Engagement.Sdk.Journeys;

/// <summary>A customer's lifecycle status in one period (PostHog's definitions).</summary>
[JsonConverter(typeof(StrictEnumConverter<LifecycleStatus>))]
public enum LifecycleStatus
{
    /// <summary>Active neither in this period nor in the previous one.</summary>
    None = 0,

    /// <summary>Active in this period, and created (first event of any kind) in it.</summary>
    New = 1,

    /// <summary>Active in this period and in the previous one.</summary>
    Returning = 2,

    /// <summary>Active in this period, not in the previous one, and not new.</summary>
    Resurrecting = 3,

    /// <summary>Active in the previous period, not in this one.</summary>
    Dormant = 4,
}
