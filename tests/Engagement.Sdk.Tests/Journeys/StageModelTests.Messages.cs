using Engagement.Sdk.Journeys;

namespace Engagement.Sdk.Tests.Journeys;

public partial class StageModelTests
{
    [Fact]
    public void Constructor_LongDuplicateName_EchoesOnlyItsStart()
    {
        var stage = new JourneyStage(new string('s', 100));

        var e = Assert.Throws<ArgumentException>(() => new StageModel([JourneyStage.Awareness, stage, stage]));

        Assert.Equal("stages", e.ParamName);
        Assert.Equal($"Stage '{new string('s', 64)}…' appears more than once (at 1 and 2). (Parameter 'stages')", e.Message);
    }

    [Fact]
    public void Constructor_Unspecified_GivesItsIndex() =>
        Assert.Equal(
            "Stage 1 is unspecified; every stage of a model needs a name. (Parameter 'stages')",
            Assert.Throws<ArgumentException>(() => new StageModel([JourneyStage.Awareness, default])).Message);

    [Fact]
    public void Compare_UnknownStage_EchoesTheModelBriefly()
    {
        // The model prints as 61 + 3 + 8 = 72 characters: the first 64 end with the arrow before "Advocacy".
        var model = new StageModel([.. StageModel.Default.Stages, new JourneyStage("Advocacy")]);

        var e = Assert.Throws<ArgumentException>(() => model.Compare(new JourneyStage("Onboarding"), JourneyStage.Decision));

        Assert.Equal("x", e.ParamName);
        Assert.Equal(
            "The stage model (Awareness → Consideration → Decision → PostPurchase → Loyalty → …) has no stage 'Onboarding'. (Parameter 'x')",
            e.Message);
    }

    [Theory]
    [InlineData("ar-SA")]
    [InlineData("fa-IR")]
    [InlineData("sv-SE")]
    public void ToString_InAnyCulture_IsTheInvariantText(string culture) =>
        Assert.Equal(
            "Awareness → Consideration → Decision → PostPurchase → Loyalty",
            Cultures.Under(culture, StageModel.Default.ToString));
}
