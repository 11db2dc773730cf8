using System.Text.Json.Serialization;

namespace Engagement.Sdk.Responses;

/// <summary>Who wrote a message of an inquiry: the customer, or a responder of the brand — a person or a bot.</summary>
[JsonConverter(typeof(Engagement.Sdk.IO.StrictEnumConverter<MessageAuthor>))]
public enum MessageAuthor
{
    /// <summary>The customer who asked.</summary>
    Customer = 0,

    /// <summary>A person answering for the brand: an agent on email, chat, phone or social.</summary>
    Agent = 1,

    /// <summary>A system answering for the brand: a chatbot, an auto-reply, a triggered message.</summary>
    Bot = 2,
}
