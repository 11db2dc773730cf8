using System.Text.Json.Nodes;
using Engagement.Sdk.Statistics;
using Engagement.Sdk.Tests.Support;
using FsCheck;

namespace Engagement.Sdk.Tests.Statistics;

public class QuantileSketchLaws : DefinedAccumulatorLawTests<QuantileSketch, QuantileSummary, QuantileSketchState, double>
{
    // Zeros and small integers (duplicates), values over the whole double range of both signs, and the extremes, so
    // that the exact sum, the zero bucket and bucket indexes far apart are all exercised.
    protected override Gen<double> Observation => QuantileSketchValues.Any;

    protected override IEnumerable<(string Json, string Field)> ImpossibleStates
    {
        get
        {
            // A fixed state, {−20, −10, 0, 5} at α = 1%, broken one member at a time.
            static string With(string member, JsonNode? value)
            {
                var node = QuantileSketchValues.StateOf(-20, -10, 0, 5);
                node[member] = value;
                return node.ToJsonString();
            }

            return
            [
                (With("relativeAccuracy", 0), "relativeAccuracy"),
                (With("relativeAccuracy", 1), "relativeAccuracy"),
                (With("relativeAccuracy", 1e-7), "relativeAccuracy"),
                (With("maxBucketCount", 15), "maxBucketCount"),
                (With("count", -1), "count"),
                (With("count", 5), "count"),
                (With("zeroCount", -1), "zeroCount"),
                (With("zeroCount", 2), "count"),
                (With("sum", "-24p0"), "sum"),
                (With("sum", "-50p-1"), "sum"),
                (With("sum", "+25p0"), "sum"),
                (With("sum", "25"), "sum"),
                (With("sum", "21p0"), "sum"),
                (With("sum", "-81p0"), "sum"),
                (With("min", null), "min"),
                (With("min", 6), "min"),
                (With("min", -30), "min"),
                (With("min", -19), "min"),
                (With("max", 7), "max"),
                (With("max", double.MaxValue), "max"),
                (With("positiveCounts", new JsonArray(1, 0)), "positiveCounts"),
                (With("positiveCounts", new JsonArray(-1)), "positiveCounts"),
                (With("positiveCounts", new JsonArray(2)), "count"),
                (With("positiveOffset", 100_000), "positiveOffset"),
                (With("positiveOffset", -100_000), "positiveOffset"),
                (With("negativeCounts", new JsonArray([.. Enumerable.Range(0, 4097).Select(_ => (JsonNode?)1)])), "negativeCounts"),
                (With("negativeCounts", new JsonArray(0, 1)), "negativeCounts"),
                (With("positiveOffset", 82), "max"),
            ];
        }
    }

    protected override QuantileSketch CreateEmpty() => new();

    protected override QuantileSketch CreateOfAnotherDefinition() => new(0.02);

    protected override void Add(QuantileSketch accumulator, double observation) => accumulator.Add(observation);

    protected override bool HasValue(QuantileSummary result) => result.HasValue;

    [Fact]
    public void Merge_OfAnotherBucketLimit_ThrowsNamingBothAndChangesNothing()
    {
        var sketch = new QuantileSketch(0.01, 100);
        sketch.Add(3);
        var before = sketch.GetState();
        var other = new QuantileSketch(0.01, 200);

        var error = Assert.Throws<ArgumentException>(() => sketch.Merge(other));

        Assert.Equal("other", error.ParamName);
        Assert.Contains("at most 100 buckets", error.Message, StringComparison.Ordinal);
        Assert.Contains("at most 200 buckets", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, sketch.GetState());
    }

    [Fact]
    public void State_OfOneValue_RequiresMinEqualToMaxAndToTheSum()
    {
        static QuantileSketchState Read(JsonObject node) =>
            System.Text.Json.JsonSerializer.Deserialize(node.ToJsonString(), Engagement.Sdk.IO.EngagementJson.GetTypeInfo<QuantileSketchState>())!;

        static string RejectedField(JsonObject node) =>
            Assert.IsAssignableFrom<ArgumentException>(Assert.Throws<System.Text.Json.JsonException>(() => Read(node)).InnerException).ParamName!;

        // One value 1.0015 in bucket ⌈ln 1.0015 / ln(1.01 / 0.99)⌉ = ⌈0.075⌉ = 1. A minimum of 1.001 (⌈0.050⌉ = 1) and a
        // maximum of 1.002 (⌈0.100⌉ = 1) lie in that bucket and around the sum, but one value cannot be both.
        var spread = QuantileSketchValues.StateOf(1.0015);
        spread["min"] = 1.001;
        spread["max"] = 1.002;
        Assert.Equal("max", RejectedField(spread));

        // One zero-bucket value: 0 as the minimum and the subnormal 1e-310 (also the zero bucket) as the maximum, with
        // the sum 0 between them, is as impossible.
        var zeroBucket = QuantileSketchValues.StateOf(0);
        zeroBucket["max"] = 1e-310;
        Assert.Equal("max", RejectedField(zeroBucket));

        // −0 and 0 are the same value to the sketch, so a −0 minimum with a 0 maximum is one value, and accepted.
        var signedZero = QuantileSketchValues.StateOf(0);
        signedZero["min"] = -0.0;
        Assert.Equal(1, Read(signedZero).Count);
    }
}
