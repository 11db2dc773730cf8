using System.Text.Json.Serialization;


namespace Engagement.Sdk.Social;

/// <summary>The sentiment label of a social mention, as supplied by the host's classifier or moderators.</summary>
[JsonConverter(typeof(Engagement.Sdk.IO.StrictEnumConverter<Sentiment>))]
public enum Sentiment
{
    /// <summary>Neither positive nor negative. The value of <c>default(Sentiment)</c>.</summary>
    Neutral = 0,

    /// <summary>Favourable to the brand.</summary>
    Positive = 1,

    /// <summary>Unfavourable to the brand.</summary>
    Negative = 2,
}
