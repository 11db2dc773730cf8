using System.Text.Json.Serialization;

namespace Engagement.Sdk.Responses;

/// <summary>How a brand responds to a customer.</summary>
[JsonConverter(typeof(Engagement.Sdk.IO.StrictEnumConverter<ResponseType>))]
public enum ResponseType
{
    /// <summary>Sent by a system without a person deciding each case: auto-replies, chatbot answers, triggered email.</summary>
    Automated = 0,

    /// <summary>Written or spoken by a person in answer to the customer: an agent's reply, a call-back.</summary>
    Manual = 1,

    /// <summary>Started by the brand before the customer asks: a delivery-delay notice, a renewal reminder, an offer.</summary>
    Proactive = 2,
}
