using System.Text.Json.Serialization;
using Engagement.Sdk.IO;

namespace Engagement.Sdk.Journeys;

/// <summary>The calendar period that cohort retention, lifecycle and stage distributions count in.</summary>
/// <remarks>Periods are calendar periods in a time zone, not rolling windows: a day starts at local midnight, a week at
/// local midnight of its first day, a month at local midnight of its 1st (see docs/journeys.md).</remarks>
[JsonConverter(typeof(StrictEnumConverter<CalendarPeriod>))]
public enum CalendarPeriod
{
    /// <summary>A calendar day, from local midnight to the next.</summary>
    Day = 0,

    /// <summary>A calendar week of seven days, starting at local midnight of the configured first day of the week.</summary>
    Week = 1,

    /// <summary>A calendar month, from local midnight of its 1st to that of the next month's.</summary>
    Month = 2,
}
