using System.Text.Json.Serialization;

namespace Engagement.Sdk.Responses;

/// <summary>The response-time metrics of an inquiry, each measured in calendar and in business time (see
/// <see cref="InquiryTimes"/> for the definitions).</summary>
[JsonConverter(typeof(Engagement.Sdk.IO.StrictEnumConverter<ResponseTimeMetric>))]
public enum ResponseTimeMetric
{
    /// <summary>First response time: opened → the first response; customer-started inquiries only.</summary>
    FirstResponse = 0,

    /// <summary>Next response time: each reply cycle after the first response, from the oldest unanswered customer
    /// message to the next response.</summary>
    NextResponse = 1,

    /// <summary>Full resolution time: opened → the latest solve, for inquiries now solved or closed.</summary>
    FullResolution = 2,

    /// <summary>Requester wait time: the time in New, Open and OnHold up to the latest solve.</summary>
    RequesterWait = 3,

    /// <summary>Agent wait time: the time in Pending up to the latest solve.</summary>
    AgentWait = 4,

    /// <summary>On-hold time: the time in OnHold up to the latest solve.</summary>
    OnHold = 5,
}
