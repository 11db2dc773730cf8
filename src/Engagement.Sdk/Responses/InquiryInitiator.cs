using System.Text.Json.Serialization;

namespace Engagement.Sdk.Responses;

/// <summary>Who started a conversation.</summary>
[JsonConverter(typeof(Engagement.Sdk.IO.StrictEnumConverter<InquiryInitiator>))]
public enum InquiryInitiator
{
    /// <summary>The customer asked; the brand responds.</summary>
    Customer = 0,

    /// <summary>The brand reached out first: a proactive conversation (a delay notice, help for a customer who seems stuck).</summary>
    Brand = 1,
}
