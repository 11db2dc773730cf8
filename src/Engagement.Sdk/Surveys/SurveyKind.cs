using System.Text.Json.Serialization;


namespace Engagement.Sdk.Surveys;

/// <summary>The survey question a <see cref="SurveyResponse"/> answers.</summary>
[JsonConverter(typeof(Engagement.Sdk.IO.StrictEnumConverter<SurveyKind>))]
public enum SurveyKind
{
    /// <summary>"How likely are you to recommend us to a friend or colleague?" on 0–10: the Net Promoter Score question.</summary>
    Nps = 0,

    /// <summary>"How satisfied were you with …?" on a rating scale (1–5 by default): customer satisfaction.</summary>
    Csat = 1,

    /// <summary>"The company made it easy for me to handle my issue" on an agreement scale (1–7 by default): customer effort.</summary>
    Ces = 2,
}
