using System.Text.Json.Serialization;

namespace Engagement.Sdk.Responses;

/// <summary>What an SLA target measures (Zendesk's SLA metrics).</summary>
[JsonConverter(typeof(Engagement.Sdk.IO.StrictEnumConverter<SlaMetric>))]
public enum SlaMetric
{
    /// <summary>From the opening to the first response; only for inquiries the customer started.</summary>
    FirstReply = 0,

    /// <summary>Each reply cycle after the first response: from the oldest unanswered customer message to the next response.</summary>
    NextReply = 1,

    /// <summary>The time between consecutive responses, and from the latest response until the solve or the evaluation
    /// instant; the first interval starts at the first response.</summary>
    PeriodicUpdate = 2,

    /// <summary>From the opening to the latest solve.</summary>
    Resolution = 3,
}
