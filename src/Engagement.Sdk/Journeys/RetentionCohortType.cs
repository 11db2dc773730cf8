using System.Text.Json.Serialization;
using Engagement.Sdk.IO;

namespace Engagement.Sdk.Journeys;

/// <summary>How customers join retention cohorts (PostHog's definitions).</summary>
[JsonConverter(typeof(StrictEnumConverter<RetentionCohortType>))]
public enum RetentionCohortType
{
    /// <summary>A customer joins one cohort: the period of its first-ever start event. A customer whose first start
    /// event lies before the analysed range is in no cohort of the range.</summary>
    FirstTime = 0,

    /// <summary>A customer joins the cohort of every period in the range in which it did the start event.</summary>
    Recurring = 1,
}
