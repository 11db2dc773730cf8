using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.Tests.Touchpoints;

public partial class ChannelCatalogTests
{
    [Fact]
    public void Get_HugeUnknownName_EchoesOnlyItsStart() =>
        Assert.Equal(
            "The channel catalogue has no channel named '" + new string('f', 64) + "…'.",
            Assert.Throws<KeyNotFoundException>(() => ChannelCatalog.Default.Get(new string('f', 1_000_000))).Message);

    [Fact]
    public void Get_UnknownNameWithControls_EscapesThem() =>
        Assert.Equal(
            "The channel catalogue has no channel named 'f\\u000Dax\\u202E'.",
            Assert.Throws<KeyNotFoundException>(() => ChannelCatalog.Default.Get("f\rax\u202E")).Message);
}
