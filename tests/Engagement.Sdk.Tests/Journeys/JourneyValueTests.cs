using Engagement.Sdk.Journeys;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.Tests.Journeys;

/// <summary>Equality, hashing and text of the stage, path and map values.</summary>
public class JourneyValueTests
{
    private static readonly DateTimeOffset T0 = JourneyRows.T0;

    public static TheoryData<object, object, object> EqualEqualAndDifferent() => new()
    {
        { new PathTransition("a", "b", 2), new PathTransition("a", "b", 2), new PathTransition("a", "b", 3) },
        { new PathCount(["a", "b"], 2), new PathCount(["a", "b"], 2), new PathCount(["a", "c"], 2) },
        { new SankeyNode("1_a", "a", 1, 2), new SankeyNode("1_a", "a", 1, 2), new SankeyNode("1_a", "a", 1, 3) },
        { new SankeyLink("1_a", "2_b", 2), new SankeyLink("1_a", "2_b", 2), new SankeyLink("1_a", "2_c", 2) },
        { new StagePeriodCounts(T0, [1, 2]), new StagePeriodCounts(T0, [1, 2]), new StagePeriodCounts(T0, [2, 1]) },
        { new StageStatistics(JourneyStage.Decision, 1, 1, [5], [2]), new StageStatistics(JourneyStage.Decision, 1, 1, [5], [2]), new StageStatistics(JourneyStage.Decision, 1, 1, [5], [3]) },
        { StageRule.ForEvents(JourneyStage.Decision, "cart"), StageRule.ForEvents(JourneyStage.Decision, "cart"), StageRule.ForEvents(JourneyStage.Decision, "checkout") },
        { new StageDefinition(StageRules.Default), new StageDefinition(StageRules.Default), new StageDefinition(StageRules.Default, T0, T0.AddDays(1)) },
        { new PathDefinition(maxLength: 3), new PathDefinition(maxLength: 3), new PathDefinition(maxLength: 4) },
        { new JourneyMapPainPoint(JourneyStage.Decision, "slow"), new JourneyMapPainPoint(JourneyStage.Decision, "slow"), new JourneyMapPainPoint(JourneyStage.Decision, "slow", "lag") },
        { new JourneyMap("p", StageModel.Default, [], []), new JourneyMap("p", StageModel.Default, [], []), new JourneyMap("q", StageModel.Default, [], []) },
    };

    [Theory]
    [MemberData(nameof(EqualEqualAndDifferent))]
    public void Values_AreEqualByContent(object value, object equal, object different)
    {
        Assert.Equal(value, equal);
        Assert.Equal(value.GetHashCode(), equal.GetHashCode());
        Assert.NotEqual(value, different);
        Assert.False(value.Equals(null));
        Assert.False(string.IsNullOrWhiteSpace(value.ToString()));
    }

    [Fact]
    public void StageVisit_ComparesAndPrints()
    {
        var log = JourneyRows.Log(JourneyRows.At("a", 0, "home"), JourneyRows.At("a", 5, "cart"));
        var visits = CustomerStageTimeline.Enumerate(log, new StageDefinition(StageRules.Default)).Single().Visits;

        Assert.True(visits[0] != visits[1]);
        Assert.False(visits[0] == visits[1]);
        Assert.Equal(visits[0], (object)visits[0]);
        Assert.Equal(visits[0].GetHashCode(), visits[0].GetHashCode());
        Assert.Equal("Awareness from 2026-01-05T10:00:00Z to 2026-01-05T10:05:00Z", visits[0].ToString());
        Assert.Equal("Decision from 2026-01-05T10:05:00Z to now", visits[1].ToString());
        Assert.Null(visits[1].Duration);
        Assert.Equal(TimeSpan.FromMinutes(5), visits[0].Duration);
    }

    [Fact]
    public void Texts_ReadAsDocumented()
    {
        Assert.Equal("Decision ← name in [cart, checkout] and channel in [email] and media Owned and kind Email", new StageRule(JourneyStage.Decision, ["cart", "checkout"], ["email"], MediaType.Owned, ChannelKind.Email).ToString());
        Assert.Equal("5 rules over Awareness → Consideration → Decision → PostPurchase → Loyalty", StageRules.Default.ToString());
        Assert.Equal("paths of EventName from 'home' to 'purchase', at most 5, repeats collapsed", new PathDefinition(startNode: "home", endNode: "purchase", collapseRepeats: true).ToString());
        Assert.Equal("stages (5 rules over Awareness → Consideration → Decision → PostPurchase → Loyalty), Day periods from 2026-01-05T10:00:00.0000000+00:00 to 2026-01-06T10:00:00.0000000+00:00 in UTC", new StageDefinition(StageRules.Default, T0, T0.AddDays(1)).ToString());
        Assert.Equal("p: 5 stages, 0 touchpoints, 0 pain points", new JourneyMap("p", StageModel.Default, [], []).ToString());
        Assert.Equal("Decision: slow (lag)", new JourneyMapPainPoint(JourneyStage.Decision, "slow", "lag").ToString());
        Assert.Equal("stages: 0 customers", new StageAccumulator().ToString());
        Assert.Equal("paths: 0 customers", new PathAccumulator().ToString());
        Assert.Equal("stages state v1: 0 customers", new StageAccumulator().GetState().ToString());
        Assert.Equal("paths state v1: 0 customers, 0 transitions, 0 paths", new PathAccumulator().GetState().ToString());
        var log = JourneyRows.Log(JourneyRows.At("a", 0, "home"), JourneyRows.At("a", 5, "cart"));
        Assert.Equal("a: Awareness → Decision (now Decision, furthest Decision)", CustomerStageTimeline.Enumerate(log, new StageDefinition(StageRules.Default)).Single().ToString());
        Assert.Equal("1 customers; furthest: Awareness 0, Consideration 0, Decision 1, PostPurchase 0, Loyalty 0", StageAccumulator.Compute(log, new StageDefinition(StageRules.Default)).ToString());
        Assert.Equal("1 customers, 1 transitions, 1 distinct paths", PathAccumulator.Compute(log, new PathDefinition()).ToString());
    }
}
