using Engagement.Sdk.IO;
using Engagement.Sdk.Responses;
using Engagement.Sdk.Tests.Support;

namespace Engagement.Sdk.Tests.Responses;

/// <summary>The zone id is kept as the system spells it, so two spellings of one zone give equal calendars (found by the
/// hostile pass: "europe/amsterdam" and "Europe/Amsterdam" made accumulators refuse to merge).</summary>
public sealed class BusinessCalendarZoneIdTests
{
    [Fact]
    public void Two_spellings_of_one_zone_give_equal_calendars_that_keep_the_system_spelling()
    {
        // On Linux the zone files are found case-sensitively, but TimeZoneInfo's cache answers a zone already loaded
        // whatever the case: so once Europe/Amsterdam is loaded, "europe/amsterdam" resolves too (the hostile case).
        var proper = BusinessCalendar.Weekdays("Europe/Amsterdam", TimeSpan.FromHours(9), TimeSpan.FromHours(17));
        var lower = BusinessCalendar.Weekdays("europe/amsterdam", TimeSpan.FromHours(9), TimeSpan.FromHours(17));

        Assert.Equal("Europe/Amsterdam", lower.TimeZoneId);
        Assert.Equal(proper, lower);
        Assert.Equal(proper.GetHashCode(), lower.GetHashCode());
        Assert.Equal(new ResponseTimeDefinition(proper), new ResponseTimeDefinition(lower));

        var (back, text) = Json.RoundTrip(lower, EngagementJson.GetTypeInfo<BusinessCalendar>());
        Assert.Contains("\"timeZoneId\":\"Europe/Amsterdam\"", text, StringComparison.Ordinal);
        Assert.Equal(proper, back);
    }
}
