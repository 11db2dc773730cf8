using System.Text.Json.Serialization;

namespace Engagement.Sdk.Journeys;

/// <summary>The calendar period a journey analysis counts by, in its time zone: a day, a week or a month.</summary>
[JsonConverter(typeof(Engagement.Sdk.IO.StrictEnumConverter<CalendarPeriod>))]
public enum CalendarPeriod
{
    /// <summary>A calendar day, from local midnight. The value of <c>default(CalendarPeriod)</c>.</summary>
    Day = 0,

    /// <summary>A calendar week, from local midnight of its first day (Monday unless configured).</summary>
    Week = 1,

    /// <summary>A calendar month, from local midnight of its 1st.</summary>
    Month = 2,
}
