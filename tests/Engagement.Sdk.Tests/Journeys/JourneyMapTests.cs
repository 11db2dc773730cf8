using System.Text.Json;
using Engagement.Sdk.IO;
using Engagement.Sdk.Journeys;
using Engagement.Sdk.Tests.Support;
using Engagement.Sdk.Touchpoints;
using static Engagement.Sdk.Tests.Journeys.JourneyRows;

namespace Engagement.Sdk.Tests.Journeys;

public class JourneyMapTests
{
    private static readonly JourneyMap Map = new(
        "first-time buyer",
        StageModel.Default,
        [
            new Touchpoint(Channels.Website, JourneyStage.Awareness),
            new Touchpoint(Channels.Email, JourneyStage.Awareness, "newsletter"),
            new Touchpoint(Channels.Website, JourneyStage.Consideration),
            new Touchpoint(Channels.Website, JourneyStage.Decision),
            new Touchpoint(Channels.LiveChat, JourneyStage.Decision, "checkout help"),
            new Touchpoint(Channels.Email, JourneyStage.PostPurchase, "receipt"),
        ],
        [
            new JourneyMapPainPoint(JourneyStage.Decision, "payment fails", "payment_error"),
            new JourneyMapPainPoint(JourneyStage.Consideration, "hard to compare"),
        ]);

    // a: home, product_view, add_to_cart, payment_error on the website, then purchase by email.
    // b: home by email, catalog from a paid search ad, account_page (no stage) on the website.
    // c: product_view on a channel named WEBSITE with another media type: the same channel by name.
    private static readonly JourneyRow[] Rows =
    [
        At("a", 0, "home"), At("a", 1, "product_view"), At("a", 2, "add_to_cart"), At("a", 3, "payment_error"), At("a", 4, "purchase", Channels.Email),
        At("b", 0, "home", Channels.Email), At("b", 1, "catalog", Channels.PaidSearch), At("b", 2, "account_page"),
        At("c", 0, "product_view", new Channel("WEBSITE", MediaType.Unspecified, ChannelKind.Other)),
    ];

    [Fact]
    public void Compare_HandWorkedLog_CountsUsedMissingAndUnexpectedTouchpoints()
    {
        var comparison = Map.Compare(Log(Rows), StageRules.Default);

        Assert.Equal(3, comparison.Customers);
        // website@Awareness: a's home. newsletter: b's home. website@Consideration: a and c. website@Decision: a's
        // add_to_cart and payment_error (one customer, two events). Live chat: nobody. Receipt: a's purchase by email.
        Assert.Equal(
            [(1L, 1L), (1, 1), (2, 2), (1, 2), (0, 0), (1, 1)],
            comparison.Expected.Select(u => (u.Customers, u.Events)));
        Assert.Equal(new Engagement.Sdk.Statistics.Proportion(2, 3), comparison.Expected[2].Share);
        Assert.Equal([new Touchpoint(Channels.LiveChat, JourneyStage.Decision, "checkout help")], comparison.Missing);
        // b's catalog from paid search is at Awareness, where the map expects no paid search.
        var unexpected = Assert.Single(comparison.Unexpected);
        Assert.Equal((Channels.PaidSearch, JourneyStage.Awareness, 1L, 1L), (unexpected.Touchpoint.Channel, unexpected.Touchpoint.Stage, unexpected.Customers, unexpected.Events));
        // b's account_page has no stage.
        Assert.Equal(1, comparison.UnstagedEvents);
        // a hit the payment error; the other pain point names no event.
        Assert.Equal([1L, null], comparison.PainPoints.Select(p => p.Customers));
        Assert.Null(comparison.PainPoints[1].Share);
    }

    [Fact]
    public void ToMermaid_WritesAJourneyDiagram_WithScoresFromAComparison()
    {
        Assert.Equal(
            """
            journey
                title first-time buyer
                section Awareness
                  website: 3: first-time buyer
                  newsletter: 3: first-time buyer
                section Consideration
                  website: 3: first-time buyer
                  ⚠ hard to compare: 1: first-time buyer
                section Decision
                  website: 3: first-time buyer
                  checkout help: 3: first-time buyer
                  ⚠ payment fails: 1: first-time buyer
                section PostPurchase
                  receipt: 3: first-time buyer

            """.ReplaceLineEndings("\n"),
            Map.ToMermaid());

        // Scores 1 + 4 × share, rounded: 1/3 → 2.33 → 2, 2/3 → 3.67 → 4, 0 → 1.
        var scored = Map.ToMermaid(Map.Compare(Log(Rows), StageRules.Default));
        Assert.Contains("      website: 2: first-time buyer\n      newsletter: 2: first-time buyer\n    section Consideration\n      website: 4: first-time buyer\n", scored, StringComparison.Ordinal);
        Assert.Contains("      checkout help: 1: first-time buyer\n", scored, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>("comparison", () => Map.ToMermaid(new JourneyMap("other", StageModel.Default, [], []).Compare(Log(Rows), StageRules.Default)));
    }

    [Fact]
    public void ToMermaid_EscapesWhatTheJourneyGrammarCannotTake()
    {
        var map = new JourneyMap(
            "A: b; c#d %% e, f",
            StageModel.Default,
            [
                new Touchpoint(Channels.Website, JourneyStage.Awareness, "step 1: look; #tag"),
                new Touchpoint(Channels.Email, JourneyStage.Awareness, "Title screen"),
                new Touchpoint(Channels.Sms, JourneyStage.Awareness, "journeyman"),
                new Touchpoint(Channels.Push, JourneyStage.Awareness, "section 2"),
                new Touchpoint(Channels.Phone, JourneyStage.Awareness, "titles"),
            ],
            []);

        var lines = map.ToMermaid().Split('\n');

        Assert.Equal("    title A꞉ b； c＃d ％％ e, f", lines[1]);
        // Colons, semicolons and hashes in a task name become look-alikes; the actor's comma too.
        Assert.Equal("      step 1꞉ look； ＃tag: 3: A꞉ b； c＃d ％％ e‚ f", lines[3]);
        // Names Mermaid would read as a keyword start with a word joiner; "titles" is no keyword.
        Assert.StartsWith("      \u2060Title screen: 3:", lines[4], StringComparison.Ordinal);
        Assert.StartsWith("      \u2060journeyman: 3:", lines[5], StringComparison.Ordinal);
        Assert.StartsWith("      \u2060section 2: 3:", lines[6], StringComparison.Ordinal);
        Assert.StartsWith("      titles: 3:", lines[7], StringComparison.Ordinal);
        // Every task line has exactly two separating colons, and no line holds a comment or statement break.
        Assert.All(lines.Where(l => l.StartsWith("      ", StringComparison.Ordinal)), l => Assert.Equal(2, l.Count(c => c == ':')));
        Assert.All(lines, l => Assert.DoesNotContain(l, c => c is '#' or ';' or '%'));
    }

    [Fact]
    public void Map_RoundTripsThroughStrictJson()
    {
        var (read, text) = Json.RoundTrip(Map, EngagementJson.GetTypeInfo<JourneyMap>());

        Assert.Equal(Map, read);
        Assert.StartsWith("{\"persona\":\"first-time buyer\",\"stages\":{\"stages\":[\"Awareness\",", text, StringComparison.Ordinal);
        Assert.Contains("{\"stage\":\"Consideration\",\"description\":\"hard to compare\",\"eventName\":null}", text, StringComparison.Ordinal);
        var unknown = text.Insert(1, "\"owner\":\"me\",");
        Assert.Contains("owner", Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(unknown, EngagementJson.GetTypeInfo<JourneyMap>())).Message, StringComparison.Ordinal);
        var foreign = text.Replace("{\"stage\":\"Consideration\",\"description\"", "{\"stage\":\"Elsewhere\",\"description\"", StringComparison.Ordinal);
        var e = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(foreign, EngagementJson.GetTypeInfo<JourneyMap>()));
        Assert.Equal("painPoints", Assert.IsAssignableFrom<ArgumentException>(e.InnerException).ParamName);
    }

    [Fact]
    public void BadInput_ThrowsNamingTheArgumentAndEchoingTheValue()
    {
        Assert.Contains("' buyer'", Assert.Throws<ArgumentException>("persona", () => new JourneyMap(" buyer", StageModel.Default, [], [])).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>("stages", () => new JourneyMap("p", null!, [], []));
        var foreign = Assert.Throws<ArgumentException>("touchpoints", () => new JourneyMap("p", StageModel.Default, [new Touchpoint(Channels.Email, new JourneyStage("Elsewhere"))], []));
        Assert.Contains("'Elsewhere'", foreign.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>("touchpoints", () => new JourneyMap("p", StageModel.Default, [new Touchpoint(Channels.Email, JourneyStage.Awareness), new Touchpoint(Channels.Email, JourneyStage.Awareness)], []));
        Assert.Throws<ArgumentNullException>("painPoints", () => new JourneyMap("p", StageModel.Default, [], [null!]));
        Assert.Throws<ArgumentException>("stage", () => new JourneyMapPainPoint(JourneyStage.Unspecified, "x"));
        Assert.Throws<ArgumentException>("description", () => new JourneyMapPainPoint(JourneyStage.Awareness, ""));
        Assert.Throws<ArgumentException>("eventName", () => new JourneyMapPainPoint(JourneyStage.Awareness, "x", " "));
        var otherModel = new StageRules(new StageModel([new JourneyStage("Only")]), [StageRule.ForEvents(new JourneyStage("Only"), "home")]);
        Assert.Throws<ArgumentException>("rules", () => Map.Compare(Log(Rows), otherModel));
        Assert.Throws<ArgumentNullException>("log", () => Map.Compare(null!, StageRules.Default));
    }

    [Fact]
    public void Compare_OnTheEcommerceFile_EqualsPlainLinq()
    {
        var rows = EventLogTestData.ReadEcommerce();
        var log = EventLogTestData.ToBuilder(rows).Build();
        Channel Named(string name) => new(name, MediaType.Unspecified, ChannelKind.Other);
        var map = new JourneyMap(
            "shopper",
            StageModel.Default,
            [
                new Touchpoint(Named("organic"), JourneyStage.Awareness),
                new Touchpoint(Named("email"), JourneyStage.Consideration),
                new Touchpoint(Named("paid-search"), JourneyStage.Decision),
                new Touchpoint(Named("social"), JourneyStage.Loyalty),
            ],
            [new JourneyMapPainPoint(JourneyStage.Decision, "checkout bug", "checkout_bug")]);

        var comparison = map.Compare(log, StageRules.Default);

        var stageOf = EcommerceStages.ToDictionary(p => p.Key, p => StageModel.Default.Stages[p.Value]);
        var staged = rows.Where(r => stageOf.ContainsKey(r.Event)).Select(r => (r.UserId, Channel: r.Channel.Name, Stage: stageOf[r.Event])).ToList();
        foreach (var usage in comparison.Expected)
        {
            var cell = staged.Where(s => s.Channel == usage.Touchpoint.Channel.Name && s.Stage == usage.Touchpoint.Stage).ToList();
            Assert.Equal(cell.Select(s => s.UserId).Distinct().LongCount(), usage.Customers);
            Assert.Equal(cell.Count, usage.Events);
        }

        // Nobody reaches Loyalty, so social there is missing.
        Assert.Equal([map.Touchpoints[3]], comparison.Missing);
        var cells = staged.Select(s => (s.Channel, s.Stage)).Distinct().ToList();
        Assert.Equal(cells.Count - 3, comparison.Unexpected.Count);
        Assert.Equal(rows.Count - staged.Count, comparison.UnstagedEvents);
        Assert.Equal(rows.Where(r => r.Event == "checkout_bug").Select(r => r.UserId).Distinct().LongCount(), comparison.PainPoints[0].Customers);
    }

    [Fact]
    public void Compare_OnALogLargeEnoughForBothCores_TriplesWithThreeCopiesOfTheCustomers()
    {
        var rows = EventLogTestData.ReadEcommerce();
        var tripled = EventLogTestData.ToBuilder(rows.Concat(rows.Select(r => r with { UserId = r.UserId + "b" })).Concat(rows.Select(r => r with { UserId = r.UserId + "c" }))).Build();
        Assert.True(tripled.Count >= CustomerScan.ParallelThreshold);
        var map = new JourneyMap(
            "shopper",
            StageModel.Default,
            [new Touchpoint(new Channel("email", MediaType.Unspecified, ChannelKind.Other), JourneyStage.Decision)],
            [new JourneyMapPainPoint(JourneyStage.Decision, "checkout bug", "checkout_bug")]);

        var once = map.Compare(EventLogTestData.ToBuilder(rows).Build(), StageRules.Default);
        var thrice = map.Compare(tripled, StageRules.Default);

        Assert.Equal(once.Customers * 3, thrice.Customers);
        Assert.Equal((once.Expected[0].Customers * 3, once.Expected[0].Events * 3), (thrice.Expected[0].Customers, thrice.Expected[0].Events));
        Assert.Equal(once.Unexpected.Select(u => (u.Touchpoint, u.Customers * 3, u.Events * 3)), thrice.Unexpected.Select(u => (u.Touchpoint, u.Customers, u.Events)));
        Assert.Equal(once.PainPoints[0].Customers * 3, thrice.PainPoints[0].Customers);
        Assert.Equal(once.UnstagedEvents * 3, thrice.UnstagedEvents);
    }
}
