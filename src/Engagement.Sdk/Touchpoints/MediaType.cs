using System.Text.Json.Serialization;

namespace Engagement.Sdk.Touchpoints;

/// <summary>
/// Who owns the exposure a channel gives: the paid / owned / earned media model of marketing practice.
/// </summary>
[JsonConverter(typeof(Engagement.Sdk.IO.StrictEnumConverter<MediaType>))]
public enum MediaType
{
    /// <summary>Not said. The value of <c>default(MediaType)</c>, used by host channels whose media type is unknown.</summary>
    Unspecified = 0,

    /// <summary>Exposure the brand pays for: search and social ads, display, sponsorships.</summary>
    Paid = 1,

    /// <summary>Channels the brand controls: its website, app, email list, chat, stores, loyalty programme.</summary>
    Owned = 2,

    /// <summary>Exposure others give freely: press, reviews, word of mouth, organic social mentions, referrals.</summary>
    Earned = 3,
}
