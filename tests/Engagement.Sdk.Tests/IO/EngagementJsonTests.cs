using System.Text.Json;
using Engagement.Sdk.IO;
using Engagement.Sdk.Rates;
using Engagement.Sdk.Social;
using Engagement.Sdk.Statistics;
using Engagement.Sdk.Surveys;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.Tests.IO;

public class EngagementJsonTests
{
    private const string Answer = """{"customerId":"c1","timestamp":"2026-01-05T08:08:00+00:00","kind":"Nps","score":9,"channel":null}""";

    [Fact]
    public void SurveyResponse_WithOnlyACustomer_IsRejectedNamingTheMissingMembers()
    {
        // The review's reproduction: {"customerId":"c"} read as an NPS 0 answer dated 0001-01-01.
        var e = Assert.Throws<JsonException>(() => Read<SurveyResponse>("""{"customerId":"c"}"""));

        Assert.Contains("timestamp", e.Message, StringComparison.Ordinal);
        Assert.Contains("kind", e.Message, StringComparison.Ordinal);
        Assert.Contains("score", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"Nps, Csat\"")]
    [InlineData("\"Nps,Csat\"")]
    [InlineData("0")]
    [InlineData("7")]
    [InlineData("\"7\"")]
    [InlineData("\"Promoter\"")]
    [InlineData("null")]
    [InlineData("true")]
    public void Enum_NotTheNameOfOneDefinedValue_IsRejected(string kind)
    {
        // The review's reproduction: "Nps, Csat" read as Csat, as a flags-style enum would.
        var json = Answer.Replace("\"Nps\"", kind, StringComparison.Ordinal);

        Assert.Throws<JsonException>(() => Read<SurveyResponse>(json));
    }

    [Fact]
    public void Enum_FlagsStyleChannelKind_IsRejected() =>
        Assert.Throws<JsonException>(() => Read<Channel>("""{"name":"ads","mediaType":"Paid","kind":"Search, Social"}"""));

    [Fact]
    public void Enum_NameInAnotherCase_IsRejected() =>
        Assert.Throws<JsonException>(() => Read<SurveyResponse>(Answer.Replace("\"Nps\"", "\"csat\"", StringComparison.Ordinal)));

    [Fact]
    public void TopLevelNull_IsRejected()
    {
        Assert.Throws<JsonException>(() => Read<NpsState>("null"));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<NpsState[]>("[null]", EngagementJson.Options));
    }

    [Theory]
    [InlineData("score", "\"garbage\"")]
    [InlineData("score", "99")]
    [InlineData("count", "999")]
    [InlineData("interval", "7")]
    [InlineData("definition", "{\"kind\":\"Rate\"}")]
    public void DerivedMember_ThatDisagreesWithTheCounts_IsRejected(string member, string value)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(JsonSerializer.Serialize(new NpsResult(5, 3, 2), EngagementJson.GetTypeInfo<NpsResult>()))!;
        node[member] = System.Text.Json.Nodes.JsonNode.Parse(value);

        Assert.Throws<JsonException>(() => Read<NpsResult>(node.ToJsonString()));
    }

    [Fact]
    public void DerivedMembers_OfEveryResult_AreCheckedButAccepted_WhenTheyAgree()
    {
        var share = new ShareOfVoiceAccumulator();
        share.Add("acme", 3);
        share.Add("globex", 1);
        var result = share.ToResult();
        var text = JsonSerializer.Serialize(result, EngagementJson.GetTypeInfo<ShareOfVoiceResult>());

        Assert.Equal(result, Read<ShareOfVoiceResult>(text));
        Assert.Throws<JsonException>(() => Read<ShareOfVoiceResult>(text.Replace("\"total\":4", "\"total\":999", StringComparison.Ordinal)));
        Assert.Throws<JsonException>(() => Read<Proportion>("""{"successes":1,"trials":2,"value":{"a":[1]},"interval":null}"""));
    }

    [Fact]
    public void Enum_UndefinedValue_CannotBeWritten() =>
        Assert.Throws<JsonException>(() => JsonSerializer.Serialize((SurveyKind)7, EngagementJson.GetTypeInfo<SurveyKind>()));

    [Fact]
    public void UnknownAndDuplicateMembers_AreRejected()
    {
        Assert.Contains("extra", Assert.Throws<JsonException>(() => Read<SurveyResponse>(Answer.Insert(1, "\"extra\":1,"))).Message, StringComparison.Ordinal);
        Assert.Throws<JsonException>(() => Read<SurveyResponse>(Answer.Insert(1, "\"score\":3,")));
    }

    [Fact]
    public void NullWhereNoneIsAllowed_IsRejected()
    {
        Assert.Throws<JsonException>(() => Read<SurveyResponse>(Answer.Replace("\"c1\"", "null", StringComparison.Ordinal)));
        Assert.Throws<JsonException>(() => Read<NpsState>("""{"version":1,"definition":null,"promoters":1,"passives":0,"detractors":0}"""));
    }

    [Fact]
    public void ConstructorErrors_SurfaceAsJsonException_WithTheOriginalInside()
    {
        var e = Assert.Throws<JsonException>(() => Read<SurveyResponse>(Answer.Replace("\"c1\"", "\" \"", StringComparison.Ordinal)));

        Assert.Equal("customerId", Assert.IsAssignableFrom<ArgumentException>(e.InnerException).ParamName);
    }

    [Fact]
    public void NestedConstructorErrors_SurfaceAsJsonException()
    {
        // A scale whose maximum is below its minimum, inside a definition inside a state.
        const string Json = """{"version":1,"definition":{"kind":"Csat","scale":{"min":5,"max":1},"favourableThreshold":4,"unfavourableThreshold":null,"name":null},"count":0,"favourable":0,"sum":0,"sumOfSquares":0}""";

        var e = Assert.Throws<JsonException>(() => Read<RatingState>(Json));

        Assert.Equal("max", Assert.IsType<ArgumentOutOfRangeException>(e.InnerException).ParamName);
    }

    [Fact]
    public void ChainedIntoLenientHostOptions_ReadingStaysStrict()
    {
        var host = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            AllowTrailingCommas = true,
            PropertyNameCaseInsensitive = true,
            UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Skip,
        };
        host.TypeInfoResolverChain.Insert(0, EngagementJson.TypeInfoResolver);

        Assert.Equal(SurveyKind.Nps, JsonSerializer.Deserialize<SurveyResponse>(Answer, host)!.Kind);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<SurveyResponse>(Answer.Insert(1, "\"extra\":1,"), host));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<SurveyResponse>("""{"customerId":"c"}""", host));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<NpsState>("""{"version":1,"definition":{"kind":"Nps","scale":{"min":0,"max":10},"favourableThreshold":9,"unfavourableThreshold":6,"name":null},"promoters":-1,"passives":0,"detractors":0}""", host));
    }

    [Fact]
    public void Lists_OfLibraryTypes_ReadThroughTheOptions()
    {
        var states = new[] { new NpsAccumulator().GetState(), new NpsAccumulator().GetState() };

        var text = JsonSerializer.Serialize(states, EngagementJson.Options);

        Assert.Equal(states, JsonSerializer.Deserialize<NpsState[]>(text, EngagementJson.Options));
    }

    [Fact]
    public void AnErrorInsideAList_NamesItsPlaceInTheWholeDocument()
    {
        var state = JsonSerializer.Serialize(new NpsAccumulator().GetState(), EngagementJson.GetTypeInfo<NpsState>());
        var json = $"[{state},{state.Insert(1, "\"extra\":1,")}]";

        var e = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<List<NpsState>>(json, EngagementJson.Options));

        Assert.StartsWith("$[1]", e.Path, StringComparison.Ordinal);
        Assert.Contains("extra", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DerivedMembers_WithinRoundingOfAnotherMachine_AreAccepted()
    {
        // A score that differs from the recomputed one in the 15th significant digit, as another platform's rounding
        // might give, still reads; one that differs in the 6th does not.
        var result = new NpsResult(5, 3, 2);
        var text = JsonSerializer.Serialize(result, EngagementJson.GetTypeInfo<NpsResult>());

        Assert.Equal(result, Read<NpsResult>(text.Replace("\"score\":30", "\"score\":30.000000000000004", StringComparison.Ordinal)));
        Assert.Throws<JsonException>(() => Read<NpsResult>(text.Replace("\"score\":30", "\"score\":30.00003", StringComparison.Ordinal)));
    }

    [Fact]
    public void EveryTypeOfTheStrictContext_IsServedByTheResolver()
    {
        // The resolver keeps its own list of the context's types; a type added to one and not the other fails here.
        var context = typeof(EngagementJson).Assembly.GetType("Engagement.Sdk.IO.EngagementJsonContext")!;
        var registered = context.GetCustomAttributesData()
            .Where(a => a.AttributeType == typeof(System.Text.Json.Serialization.JsonSerializableAttribute))
            .Select(a => (Type)a.ConstructorArguments[0].Value!)
            .ToArray();

        Assert.NotEmpty(registered);
        foreach (var type in registered)
        {
            Assert.True(EngagementJson.Options.TryGetTypeInfo(type, out _), $"{type.Name} is in the context but not served by EngagementJson");
        }
    }

    [Fact]
    public void GetTypeInfo_OfAForeignType_Throws() =>
        Assert.Throws<NotSupportedException>(() => EngagementJson.GetTypeInfo<Uri>());

    [Fact]
    public void TheSourceGeneratedContext_IsNotPublic() =>
        Assert.DoesNotContain(typeof(EngagementJson).Assembly.GetTypes(), t => t.IsPublic && typeof(System.Text.Json.Serialization.JsonSerializerContext).IsAssignableFrom(t));

    public static TheoryData<object> Values() =>
    [
        default(NpsResult),
        new NpsResult(5, 3, 2),
        default(RatingResult),
        new CsatCalculator().Compute([1, 5, 4]),
        default(NpsComparison),
        NpsResult.Compare(new NpsResult(5, 1, 1), new NpsResult(1, 1, 5)),
        default(MentionResult),
        new MentionResult(3, 2, 1),
        default(Proportion),
        new Proportion(3, 8),
        default(RatingScale),
        new RatingScale(-5, 5),
        MetricDefinition.Nps,
        MetricDefinition.Ces(1, 5),
        MetricDefinition.Rate("conversion"),
        new ShareOfVoiceAccumulator().ToResult(),
        new NpsAccumulator().GetState(),
        new CesCalculator().CreateAccumulator().GetState(),
        new ProportionAccumulator().GetState(),
        new MentionAccumulator().GetState(),
        new ShareOfVoiceAccumulator().GetState(),
        default(Channel),
        Channels.LiveChat,
        default(Touchpoint),
        default(ConfidenceInterval),
        new ConfidenceInterval(-3.5, 2, 0.9),
        ChannelCatalog.Default,
        Sdk.Journeys.StageModel.Default,
        new Sdk.Journeys.JourneyStage("Unspecified"),
        new SurveyResponse("c", DateTimeOffset.UnixEpoch, SurveyKind.Ces, 3),
    ];

    [Theory]
    [MemberData(nameof(Values))]
    public void EveryPublicValue_RoundTripsToAnEqualValue_DefaultsIncluded(object value)
    {
        var info = EngagementJson.Options.GetTypeInfo(value.GetType());

        var text = JsonSerializer.Serialize(value, info);
        var read = JsonSerializer.Deserialize(text, info);

        Assert.Equal(value, read);
        Assert.Equal(text, JsonSerializer.Serialize(read, info));
    }

    private static T Read<T>(string json) => JsonSerializer.Deserialize(json, EngagementJson.GetTypeInfo<T>())!;
}
