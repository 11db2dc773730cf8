using System.Text.Json;
using Engagement.Sdk.Attribution;
using Engagement.Sdk.IO;
using Engagement.Sdk.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace Engagement.Sdk.Tests.Attribution;

/// <summary>Strict JSON of the paths and the heuristic models: round trips, and missing, unknown and bad fields refused.</summary>
public class AttributionJsonTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    public static TheoryData<IAttributionModel> Models() =>
    [
        new FirstTouchModel(), new LastTouchModel("last"), new LastNonDirectModel("typed", "lnd"),
        new LinearModel(LinearCredit.PerDistinctChannel), new TimeDecayModel(TimeSpan.FromHours(36), "decay"),
        new PositionBasedModel(0.3, 0.5, "u"),
    ];

    [Theory]
    [MemberData(nameof(Models))]
    public void Models_RoundTripToEqualModels(IAttributionModel model)
    {
        var info = EngagementJson.Options.GetTypeInfo(model.GetType());

        var text = JsonSerializer.Serialize(model, info);
        var read = JsonSerializer.Deserialize(text, info);

        Assert.Equal(model, read);
        Assert.Equal(text, JsonSerializer.Serialize(read, info));
    }

    [Fact]
    public void Models_WriteTheirParameters()
    {
        Assert.Equal("""{"name":"first-touch"}""", Write(new FirstTouchModel()));
        Assert.Equal("""{"directChannel":"direct","name":"last-non-direct"}""", Write(new LastNonDirectModel()));
        Assert.Equal("""{"credit":"PerDistinctChannel","name":"linear"}""", Write(new LinearModel(LinearCredit.PerDistinctChannel)));
        Assert.Equal("""{"halfLife":"7.00:00:00","name":"time-decay"}""", Write(new TimeDecayModel(TimeSpan.FromDays(7))));
        Assert.Equal("""{"firstShare":0.4,"lastShare":0.4,"name":"position-based"}""", Write(new PositionBasedModel()));
    }

    [Theory]
    [InlineData("""{"name":"first-touch","extra":1}""")] // unknown field
    [InlineData("""{"name":" padded"}""")]
    [InlineData("""{"name":1}""")]
    public void FirstTouch_BadJson_Throws(string json) => Assert.Throws<JsonException>(() => Read<FirstTouchModel>(json));

    [Fact]
    public void Models_ParametersWithDefaults_MayBeLeftOut()
    {
        // As for every type of the library, a constructor parameter with a default is optional in JSON (and null for the
        // name means the default name); a parameter without one is required.
        Assert.Equal(new FirstTouchModel(), Read<FirstTouchModel>("""{}"""));
        Assert.Equal(new FirstTouchModel(), Read<FirstTouchModel>("""{"name":null}"""));
        Assert.Equal(new PositionBasedModel(0.3, 0.4), Read<PositionBasedModel>("""{"firstShare":0.3}"""));
        Assert.Equal(new LinearModel(), Read<LinearModel>("""{"name":"linear"}"""));
        Assert.Equal(new LastNonDirectModel(), Read<LastNonDirectModel>("""{}"""));
        Assert.Throws<JsonException>(() => Read<TimeDecayModel>("""{"name":"time-decay"}"""));
    }

    [Theory]
    [InlineData("""{"firstShare":0.4,"lastShare":0.4,"name":"position-based","middle":0.2}""")] // unknown field
    [InlineData("""{"firstShare":0.6,"lastShare":0.5,"name":"position-based"}""")] // sum above 1
    [InlineData("""{"firstShare":-0.1,"lastShare":0.5,"name":"position-based"}""")]
    public void PositionBased_BadJson_Throws(string json) => Assert.Throws<JsonException>(() => Read<PositionBasedModel>(json));

    [Theory]
    [InlineData("""{"credit":"PerOccurrence","name":"linear","x":1}""")] // unknown field
    [InlineData("""{"credit":1,"name":"linear"}""")] // a number
    [InlineData("""{"credit":"perOccurrence","name":"linear"}""")] // not the name as written
    public void Linear_BadJson_Throws(string json) => Assert.Throws<JsonException>(() => Read<LinearModel>(json));

    [Theory]
    [InlineData("""{"halfLife":"00:00:00","name":"time-decay"}""")]
    [InlineData("""{"halfLife":"-1.00:00:00","name":"time-decay"}""")]
    [InlineData("""{"name":"time-decay"}""")]
    public void TimeDecay_BadJson_Throws(string json)
    {
        var e = Assert.Throws<JsonException>(() => Read<TimeDecayModel>(json));
        Assert.True(json == """{"name":"time-decay"}""" || e.InnerException is ArgumentOutOfRangeException { ParamName: "halfLife" }, e.ToString());
    }

    [Fact]
    public void AggregatedPath_RoundTrips_AndRefusesBadJson()
    {
        var path = AggregatedPath.Parse("email > search", 2, 30, 1);

        var (read, text) = Json.RoundTrip(path, EngagementJson.GetTypeInfo<AggregatedPath>());

        Assert.Equal("""{"channels":["email","search"],"conversions":2,"value":30,"nulls":1}""", text);
        Assert.Equal(path.Channels, read.Channels);
        Assert.Equal((2.0, 30.0, 1.0), (read.Conversions, read.Value, read.Nulls));
        Assert.Throws<JsonException>(() => Read<AggregatedPath>("""{"channels":["a"],"conversions":2,"value":30}"""));
        Assert.Throws<JsonException>(() => Read<AggregatedPath>("""{"channels":["a"],"conversions":2,"value":30,"nulls":1,"x":0}"""));
        var empty = Assert.Throws<JsonException>(() => Read<AggregatedPath>("""{"channels":[],"conversions":2,"value":30,"nulls":1}"""));
        Assert.Equal("channels", Assert.IsType<ArgumentException>(empty.InnerException).ParamName);
        var negative = Assert.Throws<JsonException>(() => Read<AggregatedPath>("""{"channels":["a"],"conversions":-2,"value":0,"nulls":1}"""));
        Assert.Equal("conversions", Assert.IsType<ArgumentOutOfRangeException>(negative.InnerException).ParamName);
    }

    [Fact]
    public void ConversionPath_RoundTrips_AndRefusesBadJson()
    {
        var path = new ConversionPath([new("email", T0, 0.5), new("search", T0.AddHours(3))], converted: true, value: 12, end: T0.AddDays(1));

        var (read, text) = Json.RoundTrip(path, EngagementJson.GetTypeInfo<ConversionPath>());

        Assert.Equal(path.Touches, read.Touches);
        Assert.Equal((true, 12.0, T0.AddDays(1)), (read.Converted, read.Value, read.End));
        var node = System.Text.Json.Nodes.JsonNode.Parse(text)!.AsObject();
        node.Remove("end");
        Assert.Equal(T0.AddHours(3), Read<ConversionPath>(node.ToJsonString()).End); // optional: the last touch's time
        node.Remove("converted");
        Assert.Throws<JsonException>(() => Read<ConversionPath>(node.ToJsonString())); // required
        Assert.Throws<JsonException>(() => Read<ConversionPath>(text.Replace("{\"touches\"", "{\"other\":1,\"touches\"", StringComparison.Ordinal)));
        node = System.Text.Json.Nodes.JsonNode.Parse(text)!.AsObject();
        node["end"] = node["touches"]![0]!["time"]!.DeepClone(); // before the last touch
        var early = Assert.Throws<JsonException>(() => Read<ConversionPath>(node.ToJsonString()));
        Assert.Equal("end", Assert.IsType<ArgumentOutOfRangeException>(early.InnerException).ParamName);
    }

    [Fact]
    public void ConversionPaths_RoundTripToTheSameColumns() =>
        Prop.ForAll(ConversionPathsTests.AggregatedPaths.ListOf().ToArbitrary(), Gen.Elements(true, false).ToArbitrary(), (list, costs) =>
        {
            var paths = ConversionPaths.Create(list, costs ? new Dictionary<string, double> { ["a"] = 3, ["z"] = 1.5 } : null);

            var (read, text) = Json.RoundTrip(paths, EngagementJson.GetTypeInfo<ConversionPaths>());

            ConversionPathsTests.AssertSameColumns(paths, read);
            Assert.Equal(text, JsonSerializer.Serialize(read, EngagementJson.GetTypeInfo<ConversionPaths>()));
            return true;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void ConversionPaths_WithAges_RoundTrip()
    {
        var paths = ConversionPaths.Create(
        [
            new ConversionPath([new("email", T0, 1), new("search", T0.AddDays(2))], converted: true, value: 5, end: T0.AddDays(2.5)),
            new ConversionPath([new("email", T0)], converted: false),
        ]);

        var (read, text) = Json.RoundTrip(paths, EngagementJson.GetTypeInfo<ConversionPaths>());

        Assert.Equal(
            """{"channels":["email","search"],"count":2,"conversions":1,"value":5,"nulls":1,"hasTimes":true,"hasCosts":true,"offsets":[0,1,3],"steps":[0,0,1],"ages":[0,2.5,0.5],"pathConversions":[0,1],"pathValues":[0,5],"pathNulls":[1,0],"channelCosts":[1,0]}""",
            text);
        ConversionPathsTests.AssertSameColumns(paths, read);
        Assert.Equal(
            new TimeDecayModel(TimeSpan.FromDays(1)).Attribute(paths)["email"].Conversions,
            new TimeDecayModel(TimeSpan.FromDays(1)).Attribute(read)["email"].Conversions);
    }

    [Theory]
    [InlineData("channels", """["search","email"]""")] // not in ordinal order
    [InlineData("channels", """["email","email"]""")] // twice
    [InlineData("channels", """["email"," search"]""")] // bad name
    [InlineData("offsets", """[0,1]""")] // one short
    [InlineData("offsets", """[0,1,1]""")] // an empty path
    [InlineData("offsets", """[1,1,3]""")] // not from 0
    [InlineData("steps", """[0,0,2]""")] // no channel 2
    [InlineData("steps", """[0,0,-1]""")]
    [InlineData("steps", """[0,1,0]""")] // paths out of order (offsets and ages set below)
    [InlineData("ages", """[0,2.5]""")] // one short
    [InlineData("ages", """[0,-2.5,0.5]""")]
    [InlineData("pathConversions", """[0,-1]""")]
    [InlineData("pathValues", """[3,5]""")] // value on a path without conversions
    [InlineData("pathValues", """[0]""")] // one short
    [InlineData("pathNulls", """[1,-1]""")]
    [InlineData("channelCosts", """[1]""")] // one short
    [InlineData("channelCosts", """[1,-1]""")]
    public void ConversionPaths_BadColumn_ThrowsNamingIt(string field, string column)
    {
        var json = """{"channels":["email","search"],"conversions":1,"value":5,"nulls":1,"offsets":[0,1,3],"steps":[0,0,1],"ages":[0,2.5,0.5],"pathConversions":[0,1],"pathValues":[0,5],"pathNulls":[1,0],"channelCosts":[1,0]}""";
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!;
        node[field] = System.Text.Json.Nodes.JsonNode.Parse(column);
        if (field == "steps" && column == "[0,1,0]")
        {
            // "email" then "search > email": in canonical order (0 < 1), so swap the paths to make them descend.
            node["steps"] = System.Text.Json.Nodes.JsonNode.Parse("[0,1,0]");
            node["offsets"] = System.Text.Json.Nodes.JsonNode.Parse("[0,2,3]");
            node["ages"] = System.Text.Json.Nodes.JsonNode.Parse("[1,0,0]");
        }

        var e = Assert.Throws<JsonException>(() => Read<ConversionPaths>(node.ToJsonString()));

        Assert.Equal(field, Assert.IsAssignableFrom<ArgumentException>(e.InnerException).ParamName);
    }

    [Theory]
    [InlineData("offsets")]
    [InlineData("ages")]
    [InlineData("channelCosts")]
    [InlineData("pathNulls")]
    public void ConversionPaths_MissingField_Throws(string field)
    {
        var json = """{"channels":["email"],"conversions":1,"value":5,"nulls":0,"offsets":[0,1],"steps":[0],"ages":null,"pathConversions":[1],"pathValues":[5],"pathNulls":[0],"channelCosts":null}""";
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        Read<ConversionPaths>(json);
        node.Remove(field);

        Assert.Throws<JsonException>(() => Read<ConversionPaths>(node.ToJsonString()));
    }

    [Theory]
    [InlineData(""","extra":1}""")] // unknown field
    [InlineData(""","count":2}""")] // a derived member that disagrees (one path)
    [InlineData(""","hasTimes":true}""")] // no ages
    [InlineData(""","hasCosts":true}""")] // no costs
    public void ConversionPaths_UnknownFieldOrWrongDerivedMember_Throws(string tail)
    {
        var json = """{"channels":["email"],"conversions":1,"value":5,"nulls":0,"offsets":[0,1],"steps":[0],"ages":null,"pathConversions":[1],"pathValues":[5],"pathNulls":[0],"channelCosts":null}""";

        Assert.Throws<JsonException>(() => Read<ConversionPaths>(json[..^1] + tail));
    }

    [Fact]
    public void ConversionPaths_WrongTotal_Throws()
    {
        // The totals are derived: a reader that edits a path must not leave them stale. (Derived members may be left out.)
        Read<ConversionPaths>("""{"channels":["email"],"offsets":[0,1],"steps":[0],"ages":null,"pathConversions":[1],"pathValues":[5],"pathNulls":[0],"channelCosts":null}""");
        var json = """{"channels":["email"],"conversions":2,"value":5,"nulls":0,"offsets":[0,1],"steps":[0],"ages":null,"pathConversions":[1],"pathValues":[5],"pathNulls":[0],"channelCosts":null}""";

        Assert.Throws<JsonException>(() => Read<ConversionPaths>(json));
    }

    private static string Write<T>(T value) => JsonSerializer.Serialize(value, EngagementJson.GetTypeInfo<T>());

    private static T Read<T>(string json) => JsonSerializer.Deserialize(json, EngagementJson.GetTypeInfo<T>())!;
}
