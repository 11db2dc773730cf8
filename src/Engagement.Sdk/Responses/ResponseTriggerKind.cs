using System.Text.Json.Serialization;

namespace Engagement.Sdk.Responses;

/// <summary>What makes a <see cref="ResponseTrigger"/> fire.</summary>
[JsonConverter(typeof(Engagement.Sdk.IO.StrictEnumConverter<ResponseTriggerKind>))]
public enum ResponseTriggerKind
{
    /// <summary>An event with one of the given names, optionally on one channel.</summary>
    Event = 0,

    /// <summary>No event of the customer for a duration, optionally only for customers who did a given event.</summary>
    Inactivity = 1,

    /// <summary>An event that moves the customer into a journey stage, as stage rules classify it.</summary>
    StageEntry = 2,

    /// <summary>The customer dropped out at a funnel step (the Journeys funnel's dropped ids).</summary>
    FunnelDropOut = 3,

    /// <summary>An add-to-cart event that no purchase follows within a wait.</summary>
    CartAbandonment = 4,

    /// <summary>An NPS answer of a detractor (0 to 6).</summary>
    NpsDetractor = 5,

    /// <summary>A CSAT answer at or below a threshold.</summary>
    LowCsat = 6,

    /// <summary>An open SLA target of an inquiry with little time left, or already past its due time.</summary>
    SlaAboutToBreach = 7,

    /// <summary>A host predicate over the event and the customer's recent events; cannot be serialised.</summary>
    Predicate = 8,
}
