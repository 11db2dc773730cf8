using System.Text.Json;
using Engagement.Sdk.IO;
using Engagement.Sdk.Journeys;
using Engagement.Sdk.Tests.Support;
using Engagement.Sdk.Value;

namespace Engagement.Sdk.Tests.Value;

public class LifecycleStageRulesTests
{
    // Weeks; a 39-week calibration is not needed here, each customer has its own T; the holdout lasts 10 weeks.
    private static readonly CustomerSummaries WithHoldout = new(
        TimeUnit.Week,
        [
            new CustomerSummary("one", 0, 0, 20, null, 0),
            new CustomerSummary("steady", 4, 18, 20, 10, 2, 10),
            new CustomerSummary("faster", 2, 15, 20, 10, 3, 8),
            new CustomerSummary("richer", 5, 19, 20, 20, 1, 25),
            new CustomerSummary("quiet", 1, 2, 20, 5, 0),
        ],
        holdoutLength: 10);

    [Fact]
    public void Classify_Summaries_FollowsTheHandWorkedRules()
    {
        // one: no repeat purchase → Acquisition.
        // steady: calibration rate x/T = 4/20 = 0.2, holdout 2/10 = 0.2 < 1.25 · 0.2; spend 10 < 1.25 · 10 → Retention.
        // faster: 2/20 = 0.1, holdout 3/10 = 0.3 ≥ 0.125 → Extension.
        // richer: 5/20 = 0.25, holdout 0.1 (no); spend 25 ≥ 1.25 · 20 = 25, equal counts → Extension.
        // quiet: 1/20 = 0.05, holdout 0; no holdout spend → Retention.
        var result = LifecycleStageRules.Default.Classify(WithHoldout);

        Assert.Equal(
            [LifecycleStage.Acquisition, LifecycleStage.Retention, LifecycleStage.Extension, LifecycleStage.Extension, LifecycleStage.Retention],
            result.Stages);
        Assert.Equal(0, result.CountOf(LifecycleStage.Selection));
        Assert.Equal(2, result.CountOf(LifecycleStage.Extension));
        Assert.Equal(0.4, result.ShareOf(LifecycleStage.Extension).Value);
        Assert.Equal("5 customers: 0 selection, 1 acquisition, 2 retention, 2 extension", result.ToString());

        // One customer at a time gives the same, and a prospect without purchase is in Selection.
        Assert.Equal(result.Stages, WithHoldout.Customers.Select(c => LifecycleStageRules.Default.Classify(c, 10)));
        Assert.Equal(LifecycleStage.Selection, LifecycleStageRules.Default.ClassifyProspect());
        Assert.Equal(LifecycleStage.Selection, new LifecycleStageRules(3, 1).ClassifyProspect());
    }

    [Fact]
    public void Classify_ReplacedThresholds_MoveTheCustomers()
    {
        // Two repeat purchases to be retained: quiet (x = 1) is back in Acquisition. Growth of 200%: faster's rate
        // triples exactly (0.3 ≥ 3 · 0.1) and stays; richer's spend grows 25% and falls back to Retention.
        var rules = new LifecycleStageRules(minimumRepeatPurchases: 2, extensionGrowth: 2);
        Assert.Equal(
            [LifecycleStage.Acquisition, LifecycleStage.Retention, LifecycleStage.Extension, LifecycleStage.Retention, LifecycleStage.Acquisition],
            rules.Classify(WithHoldout).Stages);
    }

    [Theory]
    [InlineData(2_147_483_647, LifecycleStage.Retention)]
    [InlineData(1, LifecycleStage.Retention)]
    public void Classify_HugeHistories_CompareRatesWithoutOverflow(int holdoutFrequency, LifecycleStage expected)
    {
        // x = x* = int.MaxValue over T = L = 10^300: the rate is unchanged, so not 25% growth (both sides of
        // x*·T ≥ 1.25·x·L are ∞ in doubles); x* = 1 is a fall. Spend is unchanged (3 against 3).
        var customer = new CustomerSummary("a", int.MaxValue, 1e300, 1e300, 3, holdoutFrequency, 3);
        Assert.Equal(expected, LifecycleStageRules.Default.Classify(customer, 1e300));

        // Doubling the rate is growth: x* = 2^31 − 2 against x = 2^30, both over 10^300 (the sides are ∞ again).
        var grown = new CustomerSummary("b", 1 << 30, 1e300, 1e300, 3, int.MaxValue - 1, 3);
        Assert.Equal(LifecycleStage.Extension, LifecycleStageRules.Default.Classify(grown, 1e300));
    }

    [Fact]
    public void Classify_WithoutHoldout_NobodyIsExtended()
    {
        var summaries = CustomerSummaries.FromColumns(TimeUnit.Day, [0, 3, 50], [0, 10, 99], [5, 20, 100]);
        Assert.Equal([LifecycleStage.Acquisition, LifecycleStage.Retention, LifecycleStage.Retention], LifecycleStageRules.Default.Classify(summaries).Stages);
        Assert.False(LifecycleStageRules.Default.Classify(CustomerSummaries.FromColumns(TimeUnit.Day, [], [], [])).HasValue);
    }

    [Fact]
    public void BadInput_ThrowsNamingTheArgument()
    {
        Assert.Equal(0, Assert.Throws<ArgumentOutOfRangeException>("minimumRepeatPurchases", () => new LifecycleStageRules(0)).ActualValue);
        Assert.Throws<ArgumentOutOfRangeException>("extensionGrowth", () => new LifecycleStageRules(1, 0));
        Assert.Throws<ArgumentOutOfRangeException>("extensionGrowth", () => new LifecycleStageRules(1, double.PositiveInfinity));
        Assert.Throws<ArgumentNullException>("summaries", () => LifecycleStageRules.Default.Classify(null!));
        Assert.Throws<ArgumentNullException>("customer", () => LifecycleStageRules.Default.Classify((CustomerSummary)null!));
        Assert.Throws<ArgumentNullException>("customer", () => LifecycleStageRules.Default.Classify((CustomerSummary)null!, 10));
        var withHoldout = WithHoldout.Customers[1];
        Assert.Throws<ArgumentException>("holdoutLength", () => LifecycleStageRules.Default.Classify(withHoldout));
        Assert.Throws<ArgumentException>("holdoutLength", () => LifecycleStageRules.Default.Classify(new CustomerSummary("x", 1, 1, 2), 10));
        Assert.Equal(-1.0, Assert.Throws<ArgumentOutOfRangeException>("holdoutLength", () => LifecycleStageRules.Default.Classify(withHoldout, -1)).ActualValue);
        Assert.Throws<ArgumentOutOfRangeException>("stages", () => new LifecycleStageResult(LifecycleStageRules.Default, [(LifecycleStage)7]));
    }

    [Fact]
    public void RulesAndResult_RoundTripThroughStrictJson()
    {
        var rules = new LifecycleStageRules(3, 0.5);
        var (read, text) = Json.RoundTrip(rules, EngagementJson.GetTypeInfo<LifecycleStageRules>());
        Assert.Equal(rules, read);
        Assert.Equal("{\"minimumRepeatPurchases\":3,\"extensionGrowth\":0.5}", text);

        var result = LifecycleStageRules.Default.Classify(WithHoldout);
        var (readResult, resultText) = Json.RoundTrip(result, EngagementJson.GetTypeInfo<LifecycleStageResult>());
        Assert.Equal(result, readResult);
        Assert.Equal(result.ToString(), readResult.ToString());
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(resultText.Replace("\"Retention\"", "\"retention\"", StringComparison.Ordinal), EngagementJson.GetTypeInfo<LifecycleStageResult>()));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("{\"minimumRepeatPurchases\":0,\"extensionGrowth\":0.5}", EngagementJson.GetTypeInfo<LifecycleStageRules>()));
    }
}
