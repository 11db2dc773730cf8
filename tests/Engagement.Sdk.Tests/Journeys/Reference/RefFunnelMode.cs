namespace Engagement.Sdk.Tests.Journeys.Reference;

/// <summary>The funnel modes of issue 6, for the naive reference.</summary>
internal enum RefFunnelMode
{
    /// <summary>Steps in order, other events allowed in between.</summary>
    Ordered,

    /// <summary>Steps in order, nothing but repeats of the current step in between.</summary>
    Strict,

    /// <summary>Steps in any order inside one window.</summary>
    AnyOrder,
}
