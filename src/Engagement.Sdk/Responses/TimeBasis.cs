using System.Text.Json.Serialization;

namespace Engagement.Sdk.Responses;

/// <summary>How a duration is measured: as elapsed time, or as the time a business calendar is open.</summary>
[JsonConverter(typeof(Engagement.Sdk.IO.StrictEnumConverter<TimeBasis>))]
public enum TimeBasis
{
    /// <summary>Elapsed time between two instants, whatever the hours (<c>to − from</c>).</summary>
    Calendar = 0,

    /// <summary>The part of the elapsed time during which the business calendar is open.</summary>
    Business = 1,
}
