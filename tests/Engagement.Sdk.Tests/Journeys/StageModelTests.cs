using System.Text.Json;
using Engagement.Sdk.IO;
using Engagement.Sdk.Journeys;
using Engagement.Sdk.Responses;
using Engagement.Sdk.Tests.Support;

namespace Engagement.Sdk.Tests.Journeys;

public partial class JourneyStageTests
{
    [Fact]
    public void Default_IsUnspecified_AndDiffersFromNamedStages()
    {
        JourneyStage stage = default;

        Assert.True(stage.IsUnspecified);
        Assert.Equal("Unspecified", stage.ToString());
        Assert.Equal(0, stage.GetHashCode());
        Assert.NotEqual(JourneyStage.Awareness, stage);
    }

    [Fact]
    public void Equality_IsByName()
    {
        Assert.True(new JourneyStage("Decision") == JourneyStage.Decision);
        Assert.True(new JourneyStage("decision") != JourneyStage.Decision);
        Assert.True(JourneyStage.Decision.Equals((object)new JourneyStage("Decision")));
        Assert.False(JourneyStage.Decision.Equals((object)"Decision"));
    }

    [Fact]
    public void Constructor_BadName_Throws() =>
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => new JourneyStage("")).ParamName);

    [Fact]
    public void Json_IsTheNameAsAString()
    {
        var (value, text) = Json.RoundTrip(JourneyStage.PostPurchase, EngagementJson.GetTypeInfo<JourneyStage>());

        Assert.Equal("\"PostPurchase\"", text);
        Assert.Equal(JourneyStage.PostPurchase, value);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("42", EngagementJson.GetTypeInfo<JourneyStage>()));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("\" padded\"", EngagementJson.GetTypeInfo<JourneyStage>()));
    }
}

public partial class StageModelTests
{
    [Fact]
    public void Default_IsTheFiveStageJourneyInOrder()
    {
        Assert.Equal(
            [JourneyStage.Awareness, JourneyStage.Consideration, JourneyStage.Decision, JourneyStage.PostPurchase, JourneyStage.Loyalty],
            StageModel.Default.Stages);
        Assert.Equal(5, StageModel.Default.Count);
        Assert.Equal("Awareness → Consideration → Decision → PostPurchase → Loyalty", StageModel.Default.ToString());
    }

    [Fact]
    public void IndexOfAndCompare_FollowJourneyOrder()
    {
        var model = StageModel.Default;

        Assert.Equal(2, model.IndexOf(JourneyStage.Decision));
        Assert.Equal(-1, model.IndexOf(new JourneyStage("Onboarding")));
        Assert.True(model.Compare(JourneyStage.Awareness, JourneyStage.Loyalty) < 0);
        Assert.True(model.Compare(JourneyStage.Loyalty, JourneyStage.Decision) > 0);
        Assert.Equal(0, model.Compare(JourneyStage.Decision, JourneyStage.Decision));
        Assert.True(model.Contains(JourneyStage.PostPurchase));
    }

    [Fact]
    public void Compare_UnknownStage_ThrowsNamingArgument() =>
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => StageModel.Default.Compare(JourneyStage.Decision, new JourneyStage("Onboarding"))).ParamName);

    [Fact]
    public void TryGetNext_WalksTheModel()
    {
        Assert.True(StageModel.Default.TryGetNext(JourneyStage.Decision, out var next));
        Assert.Equal(JourneyStage.PostPurchase, next);
        Assert.False(StageModel.Default.TryGetNext(JourneyStage.Loyalty, out var none));
        Assert.True(none.IsUnspecified);
    }

    [Fact]
    public void Custom_ModelKeepsHostOrder()
    {
        var trial = new JourneyStage("Trial");
        var paid = new JourneyStage("Paid");
        var model = new StageModel([trial, paid]);

        Assert.Equal(0, model.IndexOf(trial));
        Assert.True(model.Compare(paid, trial) > 0);
    }

    [Fact]
    public void Constructor_Empty_Duplicate_OrUnspecified_Throws()
    {
        Assert.Equal("stages", Assert.Throws<ArgumentException>(() => new StageModel([])).ParamName);
        Assert.Contains("more than once", Assert.Throws<ArgumentException>(() => new StageModel([JourneyStage.Awareness, JourneyStage.Awareness])).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new StageModel([JourneyStage.Awareness, default]));
        Assert.Throws<ArgumentNullException>(() => new StageModel(null!));
    }

    [Fact]
    public void Json_RoundTrips()
    {
        var (value, text) = Json.RoundTrip(StageModel.Default, EngagementJson.GetTypeInfo<StageModel>());

        Assert.Equal("""{"stages":["Awareness","Consideration","Decision","PostPurchase","Loyalty"]}""", text);
        Assert.Equal(StageModel.Default.Stages, value.Stages);
    }

    [Fact]
    public void Enums_SerialiseAsNames()
    {
        Assert.Equal("\"Extension\"", JsonSerializer.Serialize(LifecycleStage.Extension, EngagementJson.GetTypeInfo<LifecycleStage>()));
        Assert.Equal("\"Proactive\"", JsonSerializer.Serialize(ResponseType.Proactive, EngagementJson.GetTypeInfo<ResponseType>()));
        Assert.Equal(
            [LifecycleStage.Selection, LifecycleStage.Acquisition, LifecycleStage.Retention, LifecycleStage.Extension],
            Enum.GetValues<LifecycleStage>());
        Assert.Equal([ResponseType.Automated, ResponseType.Manual, ResponseType.Proactive], Enum.GetValues<ResponseType>());
    }
}
