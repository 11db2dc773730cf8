using Engagement.Sdk.Journeys;

namespace Engagement.Sdk.Tests.Journeys;

public partial class StageModelTests
{
    [Fact]
    public void Constructor_Unspecified_GivesItsIndex() =>
        Assert.Equal(
            "Stage 1 is unspecified; every stage of a model needs a name. (Parameter 'stages')",
            Assert.Throws<ArgumentException>(() => new StageModel([JourneyStage.Awareness, default])).Message);

    [Theory]
    [InlineData("ar-SA")]
    [InlineData("fa-IR")]
    [InlineData("sv-SE")]
    public void ToString_InAnyCulture_IsTheInvariantText(string culture) =>
        Assert.Equal(
            "Awareness → Consideration → Decision → PostPurchase → Loyalty",
            Cultures.Under(culture, StageModel.Default.ToString));
}
