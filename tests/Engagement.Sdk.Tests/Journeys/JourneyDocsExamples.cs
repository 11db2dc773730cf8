using System.Text.Json;
using Engagement.Sdk.IO;
using Engagement.Sdk.Journeys;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.Tests.Journeys;

/// <summary>The stage, map and path examples of docs/journeys.md, run on the e-commerce file: they print what the docs show.</summary>
public class JourneyDocsExamples
{
    private static readonly EventLog Log = EventLogTestData.ToBuilder(EventLogTestData.ReadEcommerce()).Build();

    [Fact]
    public void StageRulesExample_FirstRuleWins()
    {
        var model = new StageModel([new("Discover"), new("Try"), new("Buy")]);
        var rules = new StageRules(
            model,
            [
                StageRule.ForChannels(model.Stages[0], Channels.PaidSearch, Channels.PaidSocial),
                StageRule.ForEvents(model.Stages[2], "purchase", "payment_done"),
                new StageRule(model.Stages[1], eventNames: [], channels: [], mediaType: MediaType.Owned),
            ]);

        Assert.Equal(new JourneyStage("Discover"), rules.Classify("purchase", Channels.PaidSearch));
        Assert.Equal(new JourneyStage("Try"), rules.Classify("open", Channels.Email));
    }

    [Fact]
    public void StagesExample_PrintsWhatTheDocsShow()
    {
        var definition = new StageDefinition(
            StageRules.Default,
            from: new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero),
            to: new DateTimeOffset(2024, 7, 1, 0, 0, 0, TimeSpan.Zero),
            period: CalendarPeriod.Month);

        var stages = StageAccumulator.Compute(Log, definition);

        Assert.Equal(
            [
                "Awareness: furthest 0, current 178, 6174 visits, median 00:02:28",
                "Consideration: furthest 78, current 262, 6706 visits, median 00:03:53",
                "Decision: furthest 194, current 127, 2419 visits, median 00:03:16",
                "PostPurchase: furthest 328, current 33, 437 visits, median 00:03:57",
                "Loyalty: furthest 0, current 0, 0 visits, median no value",
            ],
            stages.Stages.Select(s => s.ToString()));
        Assert.Equal("87.00% (522/600)", stages.Reached(JourneyStage.Decision).ToString());
        Assert.Equal("2024-01-01: 20, 29, 11, 3, 0", stages.Distribution[0].ToString());
        Assert.Equal("2024-02-01: 68, 86, 26, 7, 0", stages.Distribution[1].ToString());
        Assert.Equal("2024-06-01: 178, 262, 127, 33, 0", stages.Distribution[^1].ToString());
    }

    [Fact]
    public void MapExample_PrintsWhatTheDocsShow()
    {
        static Channel Named(string name) => new(name, MediaType.Unspecified, ChannelKind.Other);
        var map = new JourneyMap(
            "first-time buyer",
            StageModel.Default,
            [
                new Touchpoint(Named("paid-search"), JourneyStage.Awareness, "search ad"),
                new Touchpoint(Named("organic"), JourneyStage.Consideration),
                new Touchpoint(Named("email"), JourneyStage.Decision, "cart reminder"),
                new Touchpoint(Named("email"), JourneyStage.PostPurchase, "receipt"),
            ],
            [new JourneyMapPainPoint(JourneyStage.Decision, "payment fails", "payment_error")]);

        var comparison = map.Compare(Log, StageRules.Default);

        Assert.Equal("600 customers: 4 of 4 expected touchpoints used, 16 unexpected", comparison.ToString());
        Assert.Equal("cart reminder: email @ Decision: 85 customers, 734 events", comparison.Expected[2].ToString());
        Assert.Equal("Decision: payment fails (payment_error): 87 customers", comparison.PainPoints[0].ToString());
        Assert.Equal(
            """
            journey
                title first-time buyer
                section Awareness
                  search ad: 2: first-time buyer
                section Consideration
                  organic: 2: first-time buyer
                section Decision
                  cart reminder: 2: first-time buyer
                  ⚠ payment fails: 1: first-time buyer
                section PostPurchase
                  receipt: 1: first-time buyer

            """.ReplaceLineEndings("\n"),
            map.ToMermaid(comparison));
        Assert.Equal(map, JsonSerializer.Deserialize(JsonSerializer.Serialize(map, EngagementJson.GetTypeInfo<JourneyMap>()), EngagementJson.GetTypeInfo<JourneyMap>()));
    }

    [Fact]
    public void PathsExample_PrintsWhatTheDocsShow()
    {
        var paths = PathAccumulator.Compute(Log, new PathDefinition(endNode: "purchase", maxLength: 4, collapseRepeats: true));

        Assert.Equal(
            [
                "cart → shipping_details → payment_details → purchase: 12",
                "add_to_cart → cart → shipping_details → purchase: 8",
                "cart → payment_details → shipping_details → purchase: 7",
            ],
            paths.TopPaths(3).Select(p => p.ToString()));
        var sankey = paths.ToSankey(3);
        Assert.Contains("1_cart → 2_shipping_details: 12", sankey.Links.Select(l => l.ToString()));
        Assert.Contains("3_shipping_details → 4_purchase: 15", sankey.Links.Select(l => l.ToString()));

        var everything = PathAccumulator.Compute(Log, new PathDefinition());
        Assert.Equal("600 customers, 30506 transitions, 561 distinct paths", everything.ToString());
        Assert.Equal(31106 - 600, everything.TotalTransitions);
        Assert.Equal("catalog → product_view: 1751", everything.Transitions.MaxBy(t => t.Count)!.ToString());
    }
}
