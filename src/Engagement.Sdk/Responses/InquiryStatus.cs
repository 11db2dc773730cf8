using System.Text.Json.Serialization;

namespace Engagement.Sdk.Responses;

/// <summary>Where an inquiry stands, with the statuses of Zendesk tickets.</summary>
[JsonConverter(typeof(Engagement.Sdk.IO.StrictEnumConverter<InquiryStatus>))]
public enum InquiryStatus
{
    /// <summary>Received and not yet picked up; every inquiry starts here.</summary>
    New = 0,

    /// <summary>Picked up and waiting for the brand.</summary>
    Open = 1,

    /// <summary>Waiting for the customer to answer.</summary>
    Pending = 2,

    /// <summary>Waiting for a third party (a supplier, another team) on the brand's side.</summary>
    OnHold = 3,

    /// <summary>Solved; the customer may still reopen it.</summary>
    Solved = 4,

    /// <summary>Closed for good after being solved; nothing happens after it.</summary>
    Closed = 5,
}
