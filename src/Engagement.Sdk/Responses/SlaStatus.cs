using System.Text.Json.Serialization;

namespace Engagement.Sdk.Responses;

/// <summary>Where an inquiry stands against one SLA target at an evaluation instant.</summary>
[JsonConverter(typeof(Engagement.Sdk.IO.StrictEnumConverter<SlaStatus>))]
public enum SlaStatus
{
    /// <summary>Measured, and the measured time is at most the target (a time equal to the target is achieved).</summary>
    Achieved = 0,

    /// <summary>Measured, and the measured time exceeds the target.</summary>
    Breached = 1,

    /// <summary>Not yet measured, and more than the target has already elapsed: whatever happens next, it is late.</summary>
    OpenBreached = 2,

    /// <summary>Not yet measured, and the target has not yet elapsed: there is time left.</summary>
    OpenWithinTarget = 3,

    /// <summary>Nothing to measure and no clock running: the first reply of an inquiry solved without a reply, the next
    /// reply of an inquiry without a reply cycle, the periodic update before any response. Neither achieved nor breached,
    /// counted apart and left out of the compliance rate.</summary>
    NotApplicable = 4,
}
