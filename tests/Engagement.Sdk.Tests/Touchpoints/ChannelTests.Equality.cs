using Engagement.Sdk.Touchpoints;
using FsCheck;
using FsCheck.Fluent;

namespace Engagement.Sdk.Tests.Touchpoints;

public partial class ChannelTests
{
    [Fact]
    public void Equality_IgnoresCaseOfName_AsTheCatalogueDoes()
    {
        var capitalised = new Channel("Email", MediaType.Owned, ChannelKind.Email);

        Assert.True(capitalised == Channels.Email);
        Assert.False(capitalised != Channels.Email);
        Assert.True(capitalised.Equals((object)Channels.Email));
        Assert.Equal(Channels.Email.GetHashCode(), capitalised.GetHashCode());
        Assert.Equal("Email", capitalised.Name);
    }

    [Fact]
    public void Equality_IgnoringCase_StillComparesMediaAndKind()
    {
        Assert.NotEqual(Channels.Email, new Channel("EMAIL", MediaType.Paid, ChannelKind.Email));
        Assert.NotEqual(Channels.Email, new Channel("EMAIL", MediaType.Owned, ChannelKind.Sms));
    }

    [Fact]
    public void Equality_AgreesWithTheCatalogue_ForEveryBuiltInChannel()
    {
        foreach (var builtIn in Channels.All)
        {
            var shouted = new Channel(builtIn.Name.ToUpperInvariant(), builtIn.MediaType, builtIn.Kind);

            Assert.True(ChannelCatalog.Default.TryGet(shouted.Name, out var found));
            Assert.Equal(shouted, found);
            Assert.Equal(shouted.GetHashCode(), found.GetHashCode());
        }
    }

    [Fact]
    public void Equality_AndTheCatalogue_BothSeeOneChannelInTwoCasings()
    {
        var kiosk = new Channel("kiosk", MediaType.Owned, ChannelKind.Store);
        var shouted = new Channel("KIOSK", MediaType.Owned, ChannelKind.Store);

        Assert.Single(new HashSet<Channel> { kiosk, shouted });
        Assert.Throws<ArgumentException>(() => ChannelCatalog.Create([kiosk, shouted]));
    }

    [Fact]
    public void Equality_AnyNameInEitherCase_IsOneChannel_ForEqualityHashAndCatalogue() =>
        Prop.ForAll(Names.Valid(), name =>
        {
            var lower = new Channel(name.ToLowerInvariant(), MediaType.Earned, ChannelKind.Review);
            var upper = new Channel(name.ToUpperInvariant(), MediaType.Earned, ChannelKind.Review);
            var catalog = ChannelCatalog.Create([lower]);

            return lower == upper
                && lower.GetHashCode() == upper.GetHashCode()
                && catalog.TryGet(upper.Name, out var found)
                && found == upper;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(300));
}
