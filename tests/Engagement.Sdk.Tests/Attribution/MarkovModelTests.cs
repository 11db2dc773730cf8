using Engagement.Sdk.Attribution;
using Engagement.Sdk.IO;
using Engagement.Sdk.Tests.Support;

namespace Engagement.Sdk.Tests.Attribution;

/// <summary>The Markov model on chains solved by hand, repeats, empty input, bad input and JSON.</summary>
public class MarkovModelTests
{
    private const double Exact = 1e-12;

    /// <summary>
    /// Four paths over A, B, C, first order. Counts (each path adds conversions + nulls to each of its transitions):
    ///   A > B (1 conversion, value 10, 1 null), B > C (1 conversion, value 20), C > A (1 null), A (1 conversion, value 30).
    ///   start → A 2 + 1 = 3, start → B 1, start → C 1 (out 5);
    ///   A → B 2, A → conversion 1 (path A), A → null 1 (path C > A) (out 4);
    ///   B → conversion 1, B → null 1 (path A > B), B → C 1 (out 3);
    ///   C → A 1, C → conversion 1 (path B > C) (out 2).
    /// P(conversion) from each state, x:
    ///   xA = 2/4 xB + 1/4;  xB = 1/3 + 1/3 xC;  xC = 1/2 xA + 1/2;  xS = 3/5 xA + 1/5 xB + 1/5 xC.
    ///   Substituting xC into xB: xB = 1/2 + xA/6; into xA: xA = 1/4 + xA/12 + 1/4, so xA = 6/11, xB = 13/22, xC = 17/22,
    ///   xS = 18/55 + 13/110 + 17/110 = 3/5 (= 3 conversions of 5 journeys).
    /// Removing A (transitions into A go to null): xC = 1/2, xB = 1/3 + 1/6 = 1/2, xS = 1/10 + 1/10 = 1/5: effect 1 − (1/5)/(3/5) = 2/3.
    /// Removing B: xA = 1/4, xC = 1/8 + 1/2 = 5/8, xS = 3/20 + 1/8 = 11/40: effect 1 − 11/24 = 13/24.
    /// Removing C: xB = 1/3, xA = 1/6 + 1/4 = 5/12, xS = 1/4 + 1/15 = 19/60: effect 1 − 19/36 = 17/36.
    /// Sum 48/72 + 39/72 + 34/72 = 121/72, so the shares are 48/121, 39/121, 34/121 of 3 conversions and value 60.
    /// </summary>
    [Fact]
    public void FirstOrder_ThreeChannels_SolvedByHand()
    {
        var result = new MarkovModel().Analyse(Paths(("A > B", 1, 10, 1), ("B > C", 1, 20, 0), ("C > A", 0, 0, 1), ("A", 1, 30, 0)));

        Assert.Equal(3.0 / 5, result.ConversionProbability, Exact);
        Assert.Equal(["A", "B", "C"], result.RemovalEffects.Select(e => e.Channel));
        Assert.Equal(2.0 / 3, result.RemovalEffects[0].Effect, Exact);
        Assert.Equal(13.0 / 24, result.RemovalEffects[1].Effect, Exact);
        Assert.Equal(17.0 / 36, result.RemovalEffects[2].Effect, Exact);
        var attribution = result.Attribution;
        Assert.Equal("markov", attribution.Model);
        Assert.Equal(3 * 48.0 / 121, attribution["A"].Conversions, Exact);
        Assert.Equal(3 * 39.0 / 121, attribution["B"].Conversions, Exact);
        Assert.Equal(3 * 34.0 / 121, attribution["C"].Conversions, Exact);
        Assert.Equal(60 * 48.0 / 121, attribution["A"].Value, 1e-11);
        Assert.Equal(60 * 39.0 / 121, attribution["B"].Value, 1e-11);
        Assert.Equal(60 * 34.0 / 121, attribution["C"].Value, 1e-11);

        Assert.Equal(1, result.Order);
        Assert.Equal(["(start)", "A", "B", "C", "(conversion)", "(null)"], result.States);
        Assert.Equal(
            [
                "(start)→A 3 3/5", "(start)→B 1 1/5", "(start)→C 1 1/5",
                "A→B 2 2/4", "A→(conversion) 1 1/4", "A→(null) 1 1/4",
                "B→C 1 1/3", "B→(conversion) 1 1/3", "B→(null) 1 1/3",
                "C→A 1 1/2", "C→(conversion) 1 1/2",
            ],
            result.Transitions.Select(Describe));
        Assert.Equal([3.0 / 5, 1.0 / 5, 1.0 / 5, 2.0 / 4, 1.0 / 4, 1.0 / 4, 1.0 / 3, 1.0 / 3, 1.0 / 3, 1.0 / 2, 1.0 / 2], result.Transitions.Select(t => t.Probability));
    }

    /// <summary>
    /// A > X > B (1 null), B (1 conversion), first order: start → A 1, start → B 1, A → X 1, X → B 1, B → conversion 1,
    /// B → null 1. xB = 1/2 = xX = xA, xS = 1/2. Removing X: xA = 0, xS = 1/4, effect 1/2; removing A likewise 1/2;
    /// removing B: xS = 0, effect 1. X and A lead to B, so their effects are above 0, but they are on no converting
    /// path: B gets the conversion.
    /// </summary>
    [Fact]
    public void ChannelOnNoConvertingPath_HasAnEffect_ButNoCredit()
    {
        var result = new MarkovModel().Analyse(Paths(("A > X > B", 0, 0, 1), ("B", 1, 5, 0)));

        Assert.Equal(0.5, result.ConversionProbability, Exact);
        Assert.Equal([0.5, 1, 0.5], result.RemovalEffects.Select(e => e.Effect));
        Assert.Equal([0, 1, 0], result.Attribution.Channels.Select(c => c.Conversions));
        Assert.Equal(5, result.Attribution["B"].Value);
    }

    /// <summary>
    /// Second order over A, B, C: A > B > A (1 conversion), B > A (1 null), A > B (1 null), C > A (1 conversion),
    /// C (1 null). States (A), (B), (C), (A,B), (B,A), (C,A). Counts: start → (A) 2, → (B) 1, → (C) 2 (out 5);
    /// (A) → (A,B) 2; (B) → (B,A) 1; (C) → (C,A) 1, → null 1; (A,B) → (B,A) 1, → null 1; (B,A) → conversion 1, → null 1;
    /// (C,A) → conversion 1.
    /// x(C,A) = 1, x(B,A) = 1/2, x(A,B) = 1/2 · 1/2 = 1/4, x(A) = 1/4, x(B) = 1/2, x(C) = 1/2 · 1 = 1/2;
    /// xS = 2/5 · 1/4 + 1/5 · 1/2 + 2/5 · 1/2 = 2/5 (= 2 conversions of 5 journeys).
    /// Removing A leaves (B) and (C), whose transitions now go to null: xS = 0, effect 1.
    /// Removing B leaves (A) (its transition to (A,B) goes to null: 0), (C) = 1/2 and (C,A): xS = 2/5 · 1/2 = 1/5, effect 1/2.
    /// Removing C leaves (A) = 1/4 and (B) = 1/2: xS = 1/10 + 1/10 = 1/5, effect 1/2.
    /// Shares 1 : 1/2 : 1/2 of 2 conversions: A 1, B 1/2, C 1/2. (First order would give A → B, B → A transitions mixed
    /// across paths; the states here keep where A came from.)
    /// </summary>
    [Fact]
    public void SecondOrder_ThreeChannels_SolvedByHand()
    {
        var result = new MarkovModel(order: 2).Analyse(
            Paths(("A > B > A", 1, 0, 0), ("B > A", 0, 0, 1), ("A > B", 0, 0, 1), ("C > A", 1, 0, 0), ("C", 0, 0, 1)));

        Assert.Equal(2, result.Order);
        Assert.Equal(["(start)", "A", "A > B", "B > A", "B", "C", "C > A", "(conversion)", "(null)"], result.States);
        Assert.Equal(2.0 / 5, result.ConversionProbability, Exact);
        Assert.Equal(1, result.RemovalEffects[0].Effect, Exact);
        Assert.Equal(0.5, result.RemovalEffects[1].Effect, Exact);
        Assert.Equal(0.5, result.RemovalEffects[2].Effect, Exact);
        Assert.Equal(1, result.Attribution["A"].Conversions, Exact);
        Assert.Equal(0.5, result.Attribution["B"].Conversions, Exact);
        Assert.Equal(0.5, result.Attribution["C"].Conversions, Exact);
        Assert.Contains(result.Transitions, t => Describe(t) == "A > B→B > A 1 1/2");
        Assert.Contains(result.Transitions, t => Describe(t) == "C→C > A 1 1/2");
    }

    /// <summary>
    /// A > A > B (1 conversion) and B (1 null). Collapsed, A > A > B is A > B: start → A 1, → B 1; A → B 1; B → conversion
    /// 1, → null 1. Kept, A → A 1 and A → B 1: xA = 1/2 xA + 1/2 xB with xB = 1/2 gives xA = 1/2 either way, so
    /// P(conversion) = 1/2, removing A leaves xS = 1/4 (effect 1/2), removing B leaves 0 (effect 1): A 1/3, B 2/3 both ways;
    /// only the transitions differ. In second order, kept repeats make the state A > A.
    /// </summary>
    [Fact]
    public void CollapseRepeats_BothWays()
    {
        var paths = Paths(("A > A > B", 1, 0, 0), ("B", 0, 0, 1));
        var collapsed = new MarkovModel(collapseRepeats: true).Analyse(paths);
        var kept = new MarkovModel(collapseRepeats: false).Analyse(paths);

        foreach (var result in new[] { collapsed, kept })
        {
            Assert.Equal(0.5, result.ConversionProbability, Exact);
            Assert.Equal(1.0 / 3, result.Attribution["A"].Conversions, Exact);
            Assert.Equal(2.0 / 3, result.Attribution["B"].Conversions, Exact);
        }

        Assert.DoesNotContain(collapsed.Transitions, t => t.From == "A" && t.To == "A");
        Assert.Contains(kept.Transitions, t => Describe(t) == "A→A 1 1/2");
        Assert.Equal(Describe(collapsed.Transitions[2]), Describe(new MarkovModel().Analyse(Paths(("A > B", 1, 0, 0), ("B", 0, 0, 1))).Transitions[2]));
        Assert.Contains("A > A", new MarkovModel(order: 2, collapseRepeats: false).Analyse(paths).States);
        Assert.DoesNotContain("A > A", new MarkovModel(order: 2).Analyse(paths).States);
    }

    [Fact]
    public void NoConversions_HasNoValue_AndNoRemovalEffects()
    {
        var result = new MarkovModel().Analyse(Paths(("A > B", 0, 0, 3), ("B", 0, 0, 1)));

        Assert.False(result.Attribution.HasValue);
        Assert.Empty(result.RemovalEffects);
        Assert.Equal(0, result.ConversionProbability);
        Assert.All(result.Attribution.Channels, c => Assert.Equal(0, c.Conversions));
        Assert.Equal(4, result.Transitions.Count);
    }

    [Fact]
    public void NoPaths_HasNoValue_AndOnlyTheFixedStates()
    {
        var result = new MarkovModel(order: 4).Analyse(ConversionPaths.Create(Array.Empty<AggregatedPath>()));

        Assert.False(result.Attribution.HasValue);
        Assert.Empty(result.Attribution.Channels);
        Assert.Equal(["(start)", "(conversion)", "(null)"], result.States);
        Assert.Empty(result.Transitions);
        Assert.Empty(result.RemovalEffects);
        Assert.Equal(0, result.ConversionProbability);
    }

    [Fact]
    public void PathsWithoutJourneys_AddNothing()
    {
        // A > C has neither conversions nor nulls: no state C, C's effect 0 without a solve, and P as without it.
        var result = new MarkovModel().Analyse(Paths(("A", 1, 0, 1), ("A > C", 0, 0, 0)));

        Assert.Equal(["(start)", "A", "(conversion)", "(null)"], result.States);
        Assert.Equal([1, 0], result.RemovalEffects.Select(e => e.Effect));
        Assert.Equal(0.5, result.ConversionProbability);
        Assert.False(new MarkovModel().Analyse(Paths(("A", 0, 0, 0))).Attribution.HasValue);
    }

    [Fact]
    public void Share_AllEffectsZero_FollowsTheConversionsOnConvertingPaths()
    {
        // Unreachable through Analyse in exact arithmetic; the guard shares by conversions on converting paths:
        // A is on both (3 + 1), B on one (1), C on none.
        var paths = Paths(("A > B", 1, 4, 0), ("A", 3, 8, 0), ("C", 0, 0, 2));
        var conversions = new double[3];
        var value = new double[3];
        MarkovModel.Share(paths, [0, 0, 0], conversions, value);

        Assert.Equal([4 * 4.0 / 5, 4 * 1.0 / 5, 0], conversions, (x, y) => Math.Abs(x - y) < Exact);
        Assert.Equal([12 * 4.0 / 5, 12 * 1.0 / 5, 0], value, (x, y) => Math.Abs(x - y) < Exact);
    }

    [Fact]
    public void Attribute_IsTheAttributionOfAnalyse()
    {
        var paths = Paths(("A > B", 1, 10, 1), ("B > C", 1, 20, 0));
        var model = new MarkovModel(name: "markov-1");

        Assert.Equal(
            model.Analyse(paths).Attribution.Channels,
            model.Attribute(paths).Channels);
        Assert.Equal("markov-1", model.Attribute(paths).Model);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(5)]
    public void Order_OutOfRange_IsRejected(int order)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new MarkovModel(order));

        Assert.Equal("order", e.ParamName);
        Assert.Equal(order, e.ActualValue);
        Assert.Contains(order.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadNameAndNullPaths_AreRejected()
    {
        var name = Assert.Throws<ArgumentException>(() => new MarkovModel(name: " markov"));
        Assert.Equal("name", name.ParamName);
        Assert.Contains("' markov'", name.Message, StringComparison.Ordinal);
        Assert.Equal("paths", Assert.Throws<ArgumentNullException>(() => new MarkovModel().Analyse(null!)).ParamName);
        Assert.Equal("paths", Assert.Throws<ArgumentNullException>(() => new MarkovModel().Attribute(null!)).ParamName);
    }

    [Fact]
    public void Analyse_Cancelled_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() => new MarkovModel().Analyse(Paths(("A", 1, 0, 0)), cancelled.Token));
    }

    [Fact]
    public void Equality_IsOverOrderRepeatsAndName()
    {
        Assert.Equal(new MarkovModel(), new MarkovModel(1, true, "markov"));
        Assert.True(new MarkovModel(2) == new MarkovModel(order: 2));
        Assert.True(new MarkovModel(2) != new MarkovModel(3));
        Assert.NotEqual(new MarkovModel(collapseRepeats: false), new MarkovModel());
        Assert.NotEqual(new MarkovModel(name: "other"), new MarkovModel());
        Assert.Equal(new MarkovModel(2).GetHashCode(), new MarkovModel(order: 2).GetHashCode());
    }

    [Fact]
    public void Json_RoundTripsModelAndResult()
    {
        var model = new MarkovModel(3, false, "markov-3");
        Assert.Equal(model, Json.RoundTrip(model, EngagementJsonContext.Default.MarkovModel).Value);

        var result = new MarkovModel(2).Analyse(Paths(("A > B > A", 1, 7, 0), ("B > A", 0, 0, 1), ("C", 2, 3, 1)));
        var (copy, text) = Json.RoundTrip(result, EngagementJsonContext.Default.MarkovChainResult);

        Assert.Contains("\"removalEffects\":[{\"channel\":\"A\"", text, StringComparison.Ordinal);
        Assert.Equal(result.Order, copy.Order);
        Assert.Equal(result.States, copy.States);
        Assert.Equal(result.Transitions, copy.Transitions);
        Assert.Equal(result.RemovalEffects, copy.RemovalEffects);
        Assert.Equal(result.ConversionProbability, copy.ConversionProbability);
        Assert.Equal(result.Attribution.Channels, copy.Attribution.Channels);
    }

    [Theory]
    [InlineData("{\"order\":5,\"collapseRepeats\":true,\"name\":\"markov\"}", "order")]
    [InlineData("{\"order\":1,\"collapseRepeats\":true,\"name\":\"\"}", "name")]
    public void Json_InvalidModel_IsRejected(string json, string field)
    {
        var e = Assert.Throws<System.Text.Json.JsonException>(() => System.Text.Json.JsonSerializer.Deserialize(json, EngagementJson.GetTypeInfo<MarkovModel>()));
        Assert.Equal(field, Assert.IsAssignableFrom<ArgumentException>(e.InnerException).ParamName);
    }

    [Fact]
    public void Result_WithAnUnknownStateOrChannel_IsRejected()
    {
        var attribution = new MarkovModel().Attribute(Paths(("A", 1, 0, 0)));
        string[] states = ["(start)", "A", "(conversion)", "(null)"];

        Assert.Equal("transitions", Assert.Throws<ArgumentException>(() => new MarkovChainResult(
            attribution, 1, states, [new MarkovTransition("(start)", "B", 1, 1)], 1, [])).ParamName);
        Assert.Equal("removalEffects", Assert.Throws<ArgumentException>(() => new MarkovChainResult(
            attribution, 1, states, [], 1, [new RemovalEffect("B", 1)])).ParamName);
        Assert.Equal("removalEffects", Assert.Throws<ArgumentException>(() => new MarkovChainResult(
            attribution, 1, states, [], 1, [new RemovalEffect("A", 1), new RemovalEffect("A", 1)])).ParamName);
        Assert.Equal("states", Assert.Throws<ArgumentException>(() => new MarkovChainResult(
            attribution, 1, ["A", "(conversion)", "(null)"], [], 1, [])).ParamName);
        Assert.Equal("conversionProbability", Assert.Throws<ArgumentOutOfRangeException>(() => new MarkovChainResult(
            attribution, 1, states, [], 1.5, [])).ParamName);
        Assert.Equal("effect", Assert.Throws<ArgumentOutOfRangeException>(() => new RemovalEffect("A", double.NaN)).ParamName);
        Assert.Equal("probability", Assert.Throws<ArgumentOutOfRangeException>(() => new MarkovTransition("A", "B", 1, -0.1)).ParamName);
    }

    internal static ConversionPaths Paths(params (string Path, double Conversions, double Value, double Nulls)[] paths) =>
        ConversionPaths.Create(paths.Select(p => AggregatedPath.Parse(p.Path, p.Conversions, p.Value, p.Nulls)));

    /// <summary>Writes a transition as <c>A→B count probability-as-count/out</c> for readable expectations.</summary>
    private static string Describe(MarkovTransition t) =>
        FormattableString.Invariant($"{t.From}→{t.To} {t.Count} {t.Count}/{Math.Round(t.Count / t.Probability)}");
}
