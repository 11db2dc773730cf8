using System.Text.Json;
using Engagement.Sdk.IO;
using Engagement.Sdk.Journeys;
using Engagement.Sdk.Tests.Support;
using Engagement.Sdk.Touchpoints;
using static Engagement.Sdk.Tests.Journeys.JourneyRows;

namespace Engagement.Sdk.Tests.Journeys;

public class PathAccumulatorTests
{
    // a: home, catalog, catalog, product_view, cart, purchase; b: home, home, search; c: catalog. 10 events, 3 customers.
    private static readonly JourneyRow[] Journeys =
    [
        At("a", 0, "home"), At("a", 1, "catalog"), At("a", 2, "catalog"), At("a", 3, "product_view"), At("a", 4, "cart"), At("a", 5, "purchase"),
        At("b", 0, "home"), At("b", 1, "home"), At("b", 2, "search"),
        At("c", 0, "catalog"),
    ];

    [Fact]
    public void Compute_ByEventName_CountsEveryConsecutivePairAndTheFirstNodes()
    {
        var result = PathAccumulator.Compute(Log(Journeys), new PathDefinition());

        // a gives 5 pairs, b 2, c none: 10 events − 3 customers = 7.
        Assert.Equal(
            [("cart", "purchase", 1L), ("catalog", "catalog", 1), ("catalog", "product_view", 1), ("home", "catalog", 1), ("home", "home", 1), ("home", "search", 1), ("product_view", "cart", 1)],
            result.Transitions.Select(t => (t.From, t.To, t.Count)));
        Assert.Equal(7, result.TotalTransitions);
        // Paths are the first 5 nodes: a's purchase is cut; c's path is its one event.
        Assert.Equal(
            [["catalog"], ["home", "catalog", "catalog", "product_view", "cart"], ["home", "home", "search"]],
            result.Paths.Select(p => p.Nodes.ToArray()));
        Assert.Equal(3, result.CustomersWithPath);
    }

    [Fact]
    public void Compute_CollapsingRepeats_CountsARunOnce()
    {
        var result = PathAccumulator.Compute(Log(Journeys), new PathDefinition(collapseRepeats: true));

        // a: home, catalog, product_view, cart, purchase (4 pairs); b: home, search (1 pair).
        Assert.Equal(5, result.TotalTransitions);
        Assert.DoesNotContain(result.Transitions, t => t.From == t.To);
        Assert.Equal(
            [["catalog"], ["home", "catalog", "product_view", "cart", "purchase"], ["home", "search"]],
            result.Paths.Select(p => p.Nodes.ToArray()));
    }

    [Theory]
    // After the first catalog, 3 nodes: c's lone catalog, a's catalog, catalog, product_view (in node order, a prefix first); b has none.
    [InlineData("catalog", null, 3, "catalog|catalog,catalog,product_view")]
    // The last 3 nodes up to the first purchase: only a has one.
    [InlineData(null, "purchase", 3, "product_view,cart,purchase")]
    // From home to product_view in at most 4 nodes: a's run takes exactly 4.
    [InlineData("home", "product_view", 4, "home,catalog,catalog,product_view")]
    // In at most 3 it is too long: nobody has a path.
    [InlineData("home", "product_view", 3, "")]
    // The end must come after the start: b's second home ends its path; a has no second home.
    [InlineData("home", "home", 5, "home,home")]
    // A start node the log never saw.
    [InlineData("checkout", null, 5, "")]
    public void Compute_WithStartAndEnd_TakesThePartBetween(string? start, string? end, int maxLength, string expected)
    {
        var result = PathAccumulator.Compute(Log(Journeys), new PathDefinition(startNode: start, endNode: end, maxLength: maxLength));

        Assert.Equal(expected, string.Join("|", result.Paths.Select(p => string.Join(",", p.Nodes))));
        // Start and end choose paths; transitions still cover every pair.
        Assert.Equal(7, result.TotalTransitions);
    }

    [Fact]
    public void Compute_ByStageOrChannel_MapsEventsToThoseNodes()
    {
        var mixed = new Channel("WEBSITE", MediaType.Owned, ChannelKind.Other);
        var log = Log(At("a", 0, "home"), At("a", 1, "account_page", Channels.Email), At("a", 2, "catalog"), At("a", 3, "product_view", mixed), At("a", 4, "purchase", Channels.Email));

        // Stages: Awareness, (none), Awareness, Consideration, PostPurchase.
        var stages = PathAccumulator.Compute(log, new PathDefinition(PathNodeKind.Stage, StageRules.Default));
        Assert.Equal([("Awareness", "Awareness", 1L), ("Awareness", "Consideration", 1), ("Consideration", "PostPurchase", 1)], stages.Transitions.Select(t => (t.From, t.To, t.Count)));
        // Channels: website, email, website, WEBSITE (the same node: one name ignoring case), email.
        var channels = PathAccumulator.Compute(log, new PathDefinition(PathNodeKind.Channel, collapseRepeats: true));
        Assert.Equal(["website", "email", "website", "email"], channels.Paths.Single().Nodes);
    }

    [Fact]
    public void TopPathsAndSankey_RankByCustomersAndIndexNodesByStep()
    {
        var log = Log(
            At("a", 0, "home"), At("a", 1, "catalog"),
            At("b", 0, "home"), At("b", 1, "catalog"),
            At("c", 0, "home"), At("c", 1, "home"),
            At("d", 0, "catalog"));
        var result = PathAccumulator.Compute(log, new PathDefinition());

        // home→catalog twice; then a tie of one customer each, in node order: [catalog] before [home, home].
        Assert.Equal(["home,catalog:2", "catalog:1", "home,home:1"], result.TopPaths(5).Select(p => $"{string.Join(",", p.Nodes)}:{p.Customers}"));
        Assert.Equal(["home,catalog:2"], result.TopPaths(1).Select(p => $"{string.Join(",", p.Nodes)}:{p.Customers}"));
        Assert.Empty(result.TopPaths(0));

        var sankey = result.ToSankey(3);
        // Steps make the repeated home two nodes, so the graph has no cycle.
        Assert.Equal(["1_catalog:1", "1_home:3", "2_catalog:2", "2_home:1"], sankey.Nodes.Select(n => $"{n.Id}:{n.Customers}"));
        Assert.Equal(["1_home→2_catalog:2", "1_home→2_home:1"], sankey.Links.Select(l => $"{l.Source}→{l.Target}:{l.Value}"));
        Assert.All(sankey.Nodes, n => Assert.Equal(n.Id, $"{n.Step}_{n.Label}"));
        Assert.All(sankey.Links, l => Assert.True(int.Parse(l.Target.Split('_')[0], System.Globalization.CultureInfo.InvariantCulture) == int.Parse(l.Source.Split('_')[0], System.Globalization.CultureInfo.InvariantCulture) + 1));
        var json = JsonSerializer.Serialize(sankey, EngagementJson.GetTypeInfo<PathSankey>());
        Assert.Contains("{\"source\":\"1_home\",\"target\":\"2_catalog\",\"value\":2}", json, StringComparison.Ordinal);
        Assert.Equal(sankey.Links, Json.RoundTrip(sankey, EngagementJson.GetTypeInfo<PathSankey>()).Value.Links);
    }

    [Fact]
    public void Compute_OnTheEcommerceFile_EqualsPlainLinq()
    {
        var rows = EventLogTestData.ReadEcommerce();
        var log = EventLogTestData.ToBuilder(rows).Build();

        var result = PathAccumulator.Compute(log, new PathDefinition(maxLength: 4));

        var journeys = rows.GroupBy(r => r.UserId).Select(g => g.OrderBy(r => r.Timestamp).Select(r => r.Event).ToList()).ToList();
        var transitions = journeys.SelectMany(j => j.Zip(j.Skip(1))).GroupBy(p => p).ToDictionary(g => g.Key, g => (long)g.Count());
        Assert.Equal(transitions.Count, result.Transitions.Count);
        Assert.All(result.Transitions, t => Assert.Equal(transitions[(t.From, t.To)], t.Count));
        Assert.Equal(rows.Count - journeys.Count, result.TotalTransitions);
        var top = journeys.GroupBy(j => string.Join(",", j.Take(4))).Select(g => (Path: g.Key, Count: (long)g.Count()))
            .OrderByDescending(p => p.Count).ThenBy(p => p.Path, StringComparer.Ordinal).Take(10).ToList();
        Assert.Equal(top.Select(p => p.Count), result.TopPaths(10).Select(p => p.Customers));
        Assert.Equal(top[0].Path, string.Join(",", result.TopPaths(1)[0].Nodes));

        // Paths that reach a purchase: the 4 nodes up to each buyer's first purchase.
        var toPurchase = PathAccumulator.Compute(log, new PathDefinition(endNode: "purchase", maxLength: 4));
        Assert.Equal(journeys.Count(j => j.Contains("purchase")), toPurchase.CustomersWithPath);
    }

    [Fact]
    public void Compute_WithManyEventNames_CountsTransitionsAsWithFew()
    {
        // 300 names: more than the dense transition matrix takes, so the counts go through the dictionary.
        var rows = Enumerable.Range(0, 900).Select(i => At($"c{i % 7}", i, $"e{i * 7 % 300}")).ToArray();

        var result = PathAccumulator.Compute(Log(rows), new PathDefinition());

        var expected = JourneyRows.ByCustomer(rows).SelectMany(g => g.Zip(g.Skip(1), (a, b) => (a.Name, b.Name)))
            .GroupBy(p => p).ToDictionary(g => g.Key, g => (long)g.Count());
        Assert.Equal(expected.Count, result.Transitions.Count);
        Assert.All(result.Transitions, t => Assert.Equal(expected[(t.From, t.To)], t.Count));
        Assert.Equal(900 - 7, result.TotalTransitions);
    }

    [Fact]
    public void Compute_OnALogLargeEnoughForBothCores_TriplesWithThreeCopiesOfTheCustomers()
    {
        var rows = EventLogTestData.ReadEcommerce();
        var tripled = EventLogTestData.ToBuilder(rows.Concat(rows.Select(r => r with { UserId = r.UserId + "b" })).Concat(rows.Select(r => r with { UserId = r.UserId + "c" }))).Build();
        Assert.True(tripled.Count >= CustomerScan.ParallelThreshold);
        foreach (var definition in new[] { new PathDefinition(maxLength: 3), new PathDefinition(PathNodeKind.Channel, maxLength: 2) })
        {
            var once = PathAccumulator.Compute(EventLogTestData.ToBuilder(rows).Build(), definition);

            var thrice = PathAccumulator.Compute(tripled, definition);

            Assert.Equal(once.Transitions.Select(t => t.Count * 3), thrice.Transitions.Select(t => t.Count));
            Assert.Equal(once.Paths.Select(p => p.Customers * 3), thrice.Paths.Select(p => p.Customers));
        }
    }

    [Fact]
    public void Empty_HasNoValue()
    {
        var result = PathAccumulator.Compute(new EventLogBuilder().Build(), new PathDefinition());

        Assert.False(result.HasValue);
        Assert.Empty(result.ToSankey(10).Nodes);
        Assert.Equal("0 customers: no value", result.ToString());
    }

    [Fact]
    public void BadInput_ThrowsNamingTheArgumentAndEchoingTheValue()
    {
        Assert.Throws<ArgumentException>("stageRules", () => new PathDefinition(PathNodeKind.Stage));
        Assert.Throws<ArgumentException>("stageRules", () => new PathDefinition(PathNodeKind.EventName, StageRules.Default));
        Assert.Equal(0, Assert.Throws<ArgumentOutOfRangeException>("maxLength", () => new PathDefinition(maxLength: 0)).ActualValue);
        Assert.Contains("101", Assert.Throws<ArgumentOutOfRangeException>("maxLength", () => new PathDefinition(maxLength: 101)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>("startNode", () => new PathDefinition(startNode: " "));
        Assert.Contains("'Checkout'", Assert.Throws<ArgumentException>("endNode", () => new PathDefinition(PathNodeKind.Stage, StageRules.Default, endNode: "Checkout")).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>("nodes", () => new PathDefinition((PathNodeKind)3));
        var result = PathAccumulator.Compute(Log(Journeys), new PathDefinition());
        Assert.Throws<ArgumentOutOfRangeException>("count", () => result.TopPaths(-1));
        Assert.Throws<ArgumentOutOfRangeException>("count", () => result.ToSankey(-1));
        Assert.Throws<ArgumentNullException>("log", () => new PathAccumulator().Add(null!));
        var other = new PathAccumulator(new PathDefinition(collapseRepeats: true));
        var e = Assert.Throws<ArgumentException>("other", () => new PathAccumulator().Merge(other));
        Assert.Contains("repeats collapsed", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Definition_RoundTripsThroughStrictJson()
    {
        var definition = new PathDefinition(PathNodeKind.Stage, StageRules.Default, true, "Awareness", "PostPurchase", 7);

        var (read, text) = Json.RoundTrip(definition, EngagementJson.GetTypeInfo<PathDefinition>());

        Assert.Equal(definition, read);
        Assert.Contains("\"nodes\":\"Stage\"", text, StringComparison.Ordinal);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(text.Replace("7}", "0}", StringComparison.Ordinal), EngagementJson.GetTypeInfo<PathDefinition>()));
    }
}
