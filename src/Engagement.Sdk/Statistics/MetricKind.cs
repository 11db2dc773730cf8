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

    /// <summary>Sessions and the web metrics built on them: engagement and bounce rate, time on site, views per session.</summary>
    Sessions = 6,

    /// <summary>A conversion funnel: customers reaching each of an ordered list of steps.</summary>
    Funnel = 7,

    /// <summary>Cohort retention: the members of each cohort who come back in each later period.</summary>
    Retention = 8,

    /// <summary>Lifecycle: new, returning, resurrecting and dormant customers per period.</summary>
    Lifecycle = 9,

    /// <summary>Paths: transitions between events, channels or stages, and the most frequent paths.</summary>
    Paths = 10,

    /// <summary>Journey stages: where customers are, how long they stay, how far they get.</summary>
    Stages = 11,

    /// <summary>Pain points: where customers stall or fail, with the customers affected.</summary>
    PainPoints = 12,

    /// <summary>Response times of inquiries (first, next and full resolution, waits), in calendar and business time.</summary>
    ResponseTimes = 13,

    /// <summary>Response, automation, proactive, reopen and one-touch resolution rates of inquiries.</summary>
    ResponseRates = 14,

    /// <summary>Service-level agreement compliance of inquiries against a policy's targets.</summary>
    Sla = 15,

    /// <summary>A distribution summarised by a mergeable quantile sketch.</summary>
    Quantiles = 16,
}
