namespace Engagement.Sdk.Journeys;

/// <summary>How a funnel matches a customer's events to its steps (see docs/journeys.md, "Funnels").</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(Engagement.Sdk.IO.StrictEnumConverter<FunnelMode>))]
public enum FunnelMode
{
    /// <summary>
    /// Steps in order, other events allowed in between: every step-1 event anchors an attempt, and each next step is the
    /// earliest not-yet-used matching event at or after the previous step and at or before anchor + window.
    /// </summary>
    Ordered = 0,

    /// <summary>
    /// Steps in order with nothing in between: after the step-1 event each later event must advance to the next step
    /// (within the window) or repeat the current one; any other event ends the attempt.
    /// </summary>
    Strict = 1,

    /// <summary>Steps in any order: the depth is the largest number of distinct steps inside any closed window.</summary>
    AnyOrder = 2,
}
