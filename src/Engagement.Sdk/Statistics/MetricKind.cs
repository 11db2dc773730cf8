namespace Engagement.Sdk.Statistics;

/// <summary>What a <see cref="MetricDefinition"/> measures.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(Engagement.Sdk.IO.StrictEnumConverter<MetricKind>))]
public enum MetricKind
{
    /// <summary>Net Promoter Score: answers on 0–10, promoters 9–10, detractors 0–6.</summary>
    Nps = 0,

    /// <summary>Customer satisfaction: ratings on a scale, satisfied at or above a threshold.</summary>
    Csat = 1,

    /// <summary>Customer effort: agreement on a scale, low effort at or above a threshold.</summary>
    Ces = 2,

    /// <summary>A rate: successes out of trials (conversion, retention, churn …), optionally named.</summary>
    Rate = 3,

    /// <summary>Social mentions by sentiment.</summary>
    Mentions = 4,

    /// <summary>Share of voice: mentions by brand.</summary>
    ShareOfVoice = 5,
}
