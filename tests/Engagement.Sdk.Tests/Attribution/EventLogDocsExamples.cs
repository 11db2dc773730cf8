using System.Globalization;
using System.Text.Json;
using Engagement.Sdk.Attribution;
using Engagement.Sdk.IO;
using Engagement.Sdk.Journeys;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.Tests.Attribution;

/// <summary>The snippet and the JSON of docs/attribution.md's "Paths from an event log", run as written.</summary>
public class EventLogDocsExamples
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Snippet_GivesOnePath_NewsletterThenPaidSearch_AndLinearSplitsIt()
    {
        var builder = new EventLogBuilder(["utm_source"]);
        builder.Add(null, "c1", Start, "ad_click", Channel.Unspecified, null, ["newsletter"]);
        builder.Add(null, "c1", Start.AddHours(2), "ad_click", Channels.PaidSearch, null, [null]);
        builder.Add(null, "c1", Start.AddDays(1), "purchase", Channels.Website, 40, [null]);
        var definition = new ConversionPathDefinition(["purchase"], TimeSpan.FromDays(30), channelProperty: "utm_source");
        var paths = ConversionPaths.FromEventLog(builder.Build(), definition);
        var result = AttributionModelCatalog.Default.Get("linear").Attribute(paths);

        // The comment's figures: newsletter 1 day before the purchase, paid search 22 hours (22/24 = 0.917 days).
        Assert.Equal(["newsletter > paid-search: 1 conversions, value 40, 0 nulls, ages 1 " + (22.0 / 24).ToString(CultureInfo.InvariantCulture)], EventLogPathRows.Describe(paths));
        // Linear per touch: each of the two touches earns half of the conversion and of its value.
        Assert.Equal(0.5, result["newsletter"].Conversions);
        Assert.Equal(20, result["paid-search"].Value);
    }

    [Fact]
    public void Json_IsWhatTheDocsShow()
    {
        var definition = new ConversionPathDefinition(["purchase"], TimeSpan.FromDays(30), "utm_source", collapseRepeats: true);

        Assert.Equal(
            """{"conversionEvents":["purchase"],"lookback":"30.00:00:00","channelProperty":"utm_source","touchEvents":null,"collapseRepeats":true}""",
            JsonSerializer.Serialize(definition, EngagementJson.GetTypeInfo<ConversionPathDefinition>()));
    }
}
