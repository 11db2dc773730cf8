using System.Text.Json.Serialization;

namespace Engagement.Sdk.Responses;

/// <summary>How urgent an inquiry is, with the priorities of Zendesk tickets.</summary>
[JsonConverter(typeof(Engagement.Sdk.IO.StrictEnumConverter<InquiryPriority>))]
public enum InquiryPriority
{
    /// <summary>Can wait.</summary>
    Low = 0,

    /// <summary>The usual priority.</summary>
    Normal = 1,

    /// <summary>Needs attention before normal inquiries.</summary>
    High = 2,

    /// <summary>Needs attention now.</summary>
    Urgent = 3,
}
