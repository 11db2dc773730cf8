using Engagement.Sdk.Journeys;
using FsCheck;
using FsCheck.Fluent;

namespace Engagement.Sdk.Tests.Journeys;

public partial class JourneyStageTests
{
    [Fact]
    public void Constructor_InvisibleCharacter_ThrowsSayingStageName()
    {
        var e = Assert.Throws<ArgumentException>(() => new JourneyStage("Dec\u200Bision"));

        Assert.Equal("name", e.ParamName);
        Assert.Equal(
            "A stage name must not contain the zero-width character U+200B; found at index 3 of 'Dec\\u200Bision'. (Parameter 'name')",
            e.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" Decision")]
    [InlineData("Deci\u202Esion")]
    public void Constructor_BadName_SaysStageNameNotChannelName(string name)
    {
        var e = Assert.Throws<ArgumentException>(() => new JourneyStage(name));

        Assert.Equal("name", e.ParamName);
        Assert.StartsWith("A stage name ", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("channel", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_LoneSurrogate_SaysStageName() =>
        Assert.StartsWith(
            "A stage name must not contain the lone surrogate U+DC00; found at index 8",
            Assert.Throws<ArgumentException>(() => new JourneyStage("Decision" + '\uDC00')).Message,
            StringComparison.Ordinal);

    [Fact]
    public void Constructor_TooLongName_SaysStageName() =>
        Assert.StartsWith(
            "A stage name must have 1 to 100 UTF-16 code units; got 101: '",
            Assert.Throws<ArgumentException>(() => new JourneyStage(new string('s', 101))).Message,
            StringComparison.Ordinal);

    [Fact]
    public void Constructor_AnyValidName_KeepsIt() =>
        Prop.ForAll(Names.Valid(), name => string.Equals(new JourneyStage(name).Name, name, StringComparison.Ordinal))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(300));

    [Fact]
    public void Constructor_AnyNameHoldingAForbiddenCharacter_IsRejected() =>
        Prop.ForAll(Names.WithForbidden(), input =>
            Assert.Throws<ArgumentException>(() => new JourneyStage(input.Name)).Message.StartsWith("A stage name must not contain", StringComparison.Ordinal))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(300));

    [Theory]
    [InlineData("ar-SA")]
    [InlineData("fa-IR")]
    [InlineData("sv-SE")]
    public void ToString_InAnyCulture_IsTheName(string culture)
    {
        Assert.Equal("PostPurchase", Cultures.Under(culture, JourneyStage.PostPurchase.ToString));
        Assert.Equal("Unspecified", Cultures.Under(culture, JourneyStage.Unspecified.ToString));
    }
}
