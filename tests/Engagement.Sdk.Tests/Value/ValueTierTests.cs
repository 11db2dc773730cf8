using System.Text.Json;
using Engagement.Sdk.IO;
using Engagement.Sdk.Tests.Support;
using Engagement.Sdk.Value;

namespace Engagement.Sdk.Tests.Value;

public class ValueTierTests
{
    [Fact]
    public void Assign_TenCustomers_GivesTheHandWorkedTiers()
    {
        double[] value = [100, 80, 60, 40, 20, 10, 5, 50, 30, 0];
        double[] cost = [10, 10, 10, 10, 10, 20, 0, 70, 0, 0];
        double[] potential = [120, 90, 150, 45, 100, double.NaN, 6, 60, 30, double.NaN];

        // Net value: 90, 70, 50, 30, 10, −10, 5, −20, 30, 0 → customers 5 and 7 are below zero; n = 8 remain.
        // Most valuable: ⌈0.2 · 8⌉ = 2 → net 90 (none ahead) and 70 (one ahead); 50 has two ahead.
        // Growth gaps of the rest with a potential: #2 90, #3 5, #4 80, #6 1, #8 0 (#9 unknown). ⌈0.2 · 8⌉ = 2 → #2 (none
        // ahead) and #4 (one ahead). Everyone else is low maintenance.
        var result = ValueTiers.Assign(value, potential, cost);

        Assert.Equal(
            [
                ValueTier.MostValuable, ValueTier.MostValuable, ValueTier.MostGrowable, ValueTier.LowMaintenance, ValueTier.MostGrowable,
                ValueTier.BelowZero, ValueTier.LowMaintenance, ValueTier.BelowZero, ValueTier.LowMaintenance, ValueTier.LowMaintenance,
            ],
            result.Tiers);
        Assert.Equal([2L, 2, 4, 2], result.Counts);
        Assert.Equal(0.2, result.ShareOf(ValueTier.BelowZero).Value);
        Assert.Equal("10 customers: 2 most valuable, 2 most growable, 4 low maintenance, 2 below zero", result.ToString());

        // A larger most valuable share (0.5 → ⌈4⌉ = 4: nets 90, 70, 50 and the two 30s tie at the edge, both in) and no
        // growable share.
        var wide = ValueTiers.Assign(value, potential, cost, new ValueTierDefinition(0.5, 0));
        Assert.Equal(5, wide.CountOf(ValueTier.MostValuable));
        Assert.Equal(0, wide.CountOf(ValueTier.MostGrowable));
    }

    [Fact]
    public void Assign_TiesAreNeverSplit_AndZeroNetValueIsNeverMostValuable()
    {
        // Five customers, 20% → ⌈1⌉ = 1, but the three tied at 10 all have nobody ahead.
        var ties = ValueTiers.Assign([10, 10, 10, 1, 1], [], []);
        Assert.Equal([ValueTier.MostValuable, ValueTier.MostValuable, ValueTier.MostValuable, ValueTier.LowMaintenance, ValueTier.LowMaintenance], ties.Tiers);

        // Net value 0 (value equal to its cost) is not below zero and not most valuable.
        var zero = ValueTiers.Assign([5, 0], [], [5, 0]);
        Assert.All(zero.Tiers, t => Assert.Equal(ValueTier.LowMaintenance, t));

        // Without potential values nobody is most growable; negative values with no cost are below zero.
        Assert.Equal([ValueTier.MostValuable, ValueTier.BelowZero], ValueTiers.Assign([3, -1], [], []).Tiers);
    }

    [Fact]
    public void Assign_Empty_HasNoValue()
    {
        var result = ValueTiers.Assign([], [], []);
        Assert.False(result.HasValue);
        Assert.All(result.Counts, c => Assert.Equal(0, c));
        Assert.False(result.ShareOf(ValueTier.MostValuable).HasValue);
    }

    [Fact]
    public void Assign_BadInput_ThrowsNamingTheArgumentIndexAndValue()
    {
        var nan = Assert.Throws<ArgumentOutOfRangeException>("value", () => ValueTiers.Assign([1, double.NaN], [], []));
        Assert.Contains("index 1", nan.Message, StringComparison.Ordinal);
        Assert.Equal(-2.0, Assert.Throws<ArgumentOutOfRangeException>("costToServe", () => ValueTiers.Assign([1, 1], [], [0, -2])).ActualValue);
        Assert.Throws<ArgumentOutOfRangeException>("potentialValue", () => ValueTiers.Assign([1], [double.PositiveInfinity], []));
        Assert.Throws<ArgumentException>("potentialValue", () => ValueTiers.Assign([1, 2], [1], []));
        Assert.Throws<ArgumentException>("costToServe", () => ValueTiers.Assign([1, 2], [], [1, 2, 3]));

        Assert.Equal(0.0, Assert.Throws<ArgumentOutOfRangeException>("mostValuableShare", () => new ValueTierDefinition(0)).ActualValue);
        Assert.Throws<ArgumentOutOfRangeException>("mostValuableShare", () => new ValueTierDefinition(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>("mostGrowableShare", () => new ValueTierDefinition(0.6, 0.5));
        Assert.Throws<ArgumentOutOfRangeException>("mostGrowableShare", () => new ValueTierDefinition(0.2, -0.1));
        Assert.Throws<ArgumentOutOfRangeException>("tiers", () => new ValueTierResult(ValueTierDefinition.Default, [(ValueTier)4]));
        Assert.Throws<ArgumentOutOfRangeException>("tier", () => ValueTiers.Assign([1], [], []).CountOf((ValueTier)9));
    }

    [Fact]
    public void DefinitionAndResult_RoundTripThroughStrictJson()
    {
        var definition = new ValueTierDefinition(0.1, 0.3);
        var (read, text) = Json.RoundTrip(definition, EngagementJson.GetTypeInfo<ValueTierDefinition>());
        Assert.Equal(definition, read);
        Assert.Equal("{\"mostValuableShare\":0.1,\"mostGrowableShare\":0.3}", text);

        var result = ValueTiers.Assign([5, 4, -1], [6, 9, 0], [], definition);
        var (readResult, resultText) = Json.RoundTrip(result, EngagementJson.GetTypeInfo<ValueTierResult>());
        Assert.Equal(result, readResult);
        Assert.Equal(result.Counts, readResult.Counts);
        Assert.Contains("\"tiers\":[\"MostValuable\",\"MostGrowable\",\"BelowZero\"]", resultText, StringComparison.Ordinal);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("{\"mostValuableShare\":0.9,\"mostGrowableShare\":0.3}", EngagementJson.GetTypeInfo<ValueTierDefinition>()));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(resultText.Replace("BelowZero", "Whales", StringComparison.Ordinal), EngagementJson.GetTypeInfo<ValueTierResult>()));
    }
}
