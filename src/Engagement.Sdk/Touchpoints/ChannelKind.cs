using System.Text.Json.Serialization;

namespace Engagement.Sdk.Touchpoints;

/// <summary>
/// The mode of contact a channel offers, independent of who pays for it (see <see cref="MediaType"/>).
/// </summary>
[JsonConverter(typeof(Engagement.Sdk.IO.StrictEnumConverter<ChannelKind>))]
public enum ChannelKind
{
    /// <summary>Any other mode of contact. The value of <c>default(ChannelKind)</c>.</summary>
    Other = 0,

    /// <summary>Search engines, paid or organic.</summary>
    Search,

    /// <summary>Social networks, paid or organic.</summary>
    Social,

    /// <summary>Display and banner advertising.</summary>
    Display,

    /// <summary>The brand's website or blog.</summary>
    Web,

    /// <summary>Email.</summary>
    Email,

    /// <summary>Text messages.</summary>
    Sms,

    /// <summary>Push notifications.</summary>
    Push,

    /// <summary>Written conversation in real time: chatbots and live chat.</summary>
    Chat,

    /// <summary>Voice calls.</summary>
    Voice,

    /// <summary>Customer service desks and ticketing.</summary>
    Service,

    /// <summary>Review sites and ratings.</summary>
    Review,

    /// <summary>Press and editorial coverage.</summary>
    Press,

    /// <summary>Brand or user communities and forums.</summary>
    Community,

    /// <summary>Referral and word-of-mouth programmes.</summary>
    Referral,

    /// <summary>Loyalty programmes.</summary>
    Loyalty,

    /// <summary>Physical stores.</summary>
    Store,

    /// <summary>The brand's mobile app.</summary>
    App,
}
