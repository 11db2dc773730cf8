namespace Engagement.Sdk.Journeys;

/// <summary>What a funnel's results are broken down by: a value of the anchor event of each customer's chosen attempt.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(Engagement.Sdk.IO.StrictEnumConverter<FunnelBreakdown>))]
public enum FunnelBreakdown
{
    /// <summary>No breakdown: one result for all customers.</summary>
    None = 0,

    /// <summary>By the channel of the anchor event (its name).</summary>
    Channel = 1,

    /// <summary>By the value of a property of the anchor event (<see cref="FunnelDefinition.BreakdownProperty"/>), kept
    /// in the log; customers whose anchor has no value are grouped under no value.</summary>
    Property = 2,
}
