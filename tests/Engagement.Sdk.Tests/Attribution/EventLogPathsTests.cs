using Engagement.Sdk.Attribution;
using Engagement.Sdk.Journeys;
using static Engagement.Sdk.Tests.Attribution.EventLogPathRows;

namespace Engagement.Sdk.Tests.Attribution;

/// <summary>Hand-worked cases of <see cref="ConversionPaths.FromEventLog"/>: every expected line is derived from the
/// rules of <see cref="ConversionPathDefinition"/> in the comments.</summary>
public class EventLogPathsTests
{
    private static readonly ConversionPathDefinition Purchases = new(["purchase"], TimeSpan.FromDays(30));

    [Fact]
    public void Lookback_KeepsTouchesWithinIt_ClosedAtItsStart_AndDropsOlderOnes()
    {
        // Lookback 10 days before the purchase on day 30: [day 20, day 30]. search (day 20) is on the boundary and
        // counts, display (day 25) counts, email (day 0) is 30 days back and belongs to no path, so it is no channel.
        var log = Log(
            Day("u1", 0, "ad_click", "email"),
            Day("u1", 20, "ad_click", "search"),
            Day("u1", 25, "ad_click", "display"),
            Day("u1", 30, "purchase", "website", 50));

        var paths = ConversionPaths.FromEventLog(log, new ConversionPathDefinition(["purchase"], TimeSpan.FromDays(10)));

        Assert.Equal(["search > display: 1 conversions, value 50, 0 nulls, ages 10 5"], Describe(paths));
        Assert.Equal(["display", "search"], paths.Channels);
        Assert.True(paths.HasTimes);
        Assert.False(paths.HasCosts);
    }

    [Fact]
    public void SeveralConversions_EachTakeTheTouchesSinceThePrevious_AndTouchesAfterTheLastMakeANullPath()
    {
        // Day 1 purchase (20) takes email; day 4 purchase (30) takes social and search (ages 2 and 1); the day-5
        // purchase has no touch since day 4, so it makes no path; display on day 6 is left over: a null path (age 0
        // from its own time).
        var log = Log(
            Day("u2", 0, "ad_click", "email"),
            Day("u2", 1, "purchase", "website", 20),
            Day("u2", 2, "ad_click", "social"),
            Day("u2", 3, "ad_click", "search"),
            Day("u2", 4, "purchase", "website", 30),
            Day("u2", 5, "purchase", "website", 99),
            Day("u2", 6, "ad_click", "display"));

        var paths = ConversionPaths.FromEventLog(log, Purchases);

        Assert.Equal(
            [
                "display: 0 conversions, value 0, 1 nulls, ages 0",
                "email: 1 conversions, value 20, 0 nulls, ages 1",
                "social > search: 1 conversions, value 30, 0 nulls, ages 2 1",
            ],
            Sorted(paths));
        Assert.Equal(2, paths.Conversions); // the day-5 purchase, without touches, is not counted
        Assert.Equal(50, paths.Value);
        Assert.Equal(1, paths.Nulls);
    }

    [Fact]
    public void TouchesWithoutAConversion_MakeOneNullPath_WhateverTheirSpan()
    {
        // No conversion: the lookback does not apply; email (day 0) and search (day 100) make one path, ages from
        // the last touch: 100 and 0.
        var log = Log(Day("u3", 0, "ad_click", "email"), Day("u3", 100, "ad_click", "search"));

        Assert.Equal(["email > search: 0 conversions, value 0, 1 nulls, ages 100 0"], Describe(ConversionPaths.FromEventLog(log, Purchases)));
    }

    [Fact]
    public void EqualPathsOfSeveralCustomers_AreAddedUp()
    {
        // u1 and u2 both go email (2 days before) then purchase: one path with 2 conversions and value 10 + 15.
        var log = Log(
            Day("u1", 0, "ad_click", "email"),
            Day("u1", 2, "purchase", "website", 10),
            Day("u2", 5, "ad_click", "email"),
            Day("u2", 7, "purchase", "website", 15));

        Assert.Equal(["email: 2 conversions, value 25, 0 nulls, ages 2"], Describe(ConversionPaths.FromEventLog(log, Purchases)));
    }

    [Fact]
    public void ChannelProperty_NamesTheTouch_ElseTheEventsChannel_AndUnspecifiedWithoutAValueIsNoTouch()
    {
        // Days 0–4: newsletter (property on a website event), website (no property), nothing (unspecified, no property),
        // ads (property on an unspecified event), website (blank property counts as none). Purchase on day 5.
        EventLogRow[] rows =
        [
            Day("u4", 0, "page_view", "website", source: "newsletter"),
            Day("u4", 1, "page_view", "website"),
            Day("u4", 2, "page_view", null),
            Day("u4", 3, "page_view", null, source: "ads"),
            Day("u4", 4, "page_view", "website", source: "  "),
            Day("u4", 5, "purchase", "website", 40),
        ];

        var byProperty = ConversionPaths.FromEventLog(Log(rows), new ConversionPathDefinition(["purchase"], TimeSpan.FromDays(30), SourceKey));
        // Without the property: website on days 0, 1 and 4; the unspecified events of days 2 and 3 are no touches.
        var byChannel = ConversionPaths.FromEventLog(Log(rows), Purchases);

        Assert.Equal(["newsletter > website > ads > website: 1 conversions, value 40, 0 nulls, ages 5 4 2 1"], Describe(byProperty));
        Assert.Equal(["website > website > website: 1 conversions, value 40, 0 nulls, ages 5 4 1"], Describe(byChannel));
    }

    [Fact]
    public void TouchEvents_LimitWhichEventsAreTouches_AndConversionsAreNeverTouches()
    {
        // Only ad_click is a touch: the page_view on day 1 is not; the purchase's own channel (website) is no touch.
        var log = Log(
            Day("u5", 0, "ad_click", "search"),
            Day("u5", 1, "page_view", "website"),
            Day("u5", 2, "purchase", "website", 5));

        var onlyClicks = new ConversionPathDefinition(["purchase"], TimeSpan.FromDays(30), touchEvents: ["ad_click"]);

        Assert.Equal(["search: 1 conversions, value 5, 0 nulls, ages 2"], Describe(ConversionPaths.FromEventLog(log, onlyClicks)));
        Assert.Equal(["search > website: 1 conversions, value 5, 0 nulls, ages 2 1"], Describe(ConversionPaths.FromEventLog(log, Purchases)));
    }

    [Fact]
    public void CollapseRepeats_MergesConsecutiveTouchesOfAChannel_KeepingTheLatest()
    {
        // email (day 0), email (1), search (2), email (3), purchase (4). Collapsed, the first run of email keeps its
        // latest touch (day 1, age 3); the later email is not consecutive with it and stays.
        var log = Log(
            Day("u6", 0, "ad_click", "email"),
            Day("u6", 1, "ad_click", "email"),
            Day("u6", 2, "ad_click", "search"),
            Day("u6", 3, "ad_click", "email"),
            Day("u6", 4, "purchase", "website"));

        var collapsed = new ConversionPathDefinition(["purchase"], TimeSpan.FromDays(30), collapseRepeats: true);

        Assert.Equal(["email > search > email: 1 conversions, value 0, 0 nulls, ages 3 2 1"], Describe(ConversionPaths.FromEventLog(log, collapsed)));
        Assert.Equal(["email > email > search > email: 1 conversions, value 0, 0 nulls, ages 4 3 2 1"], Describe(ConversionPaths.FromEventLog(log, Purchases)));
    }

    [Fact]
    public void ConversionValue_IsTheEventsValue_Or0WithoutOne_AndConversionsOfOneInstantShareAPath()
    {
        // Two purchase events at day 2 (12.5 and none → 0) share the path of email: 2 conversions, value 12.5. A
        // signup, another conversion event, on day 3 with value 7 takes search.
        var log = Log(
            Day("u7", 0, "ad_click", "email"),
            Day("u7", 2, "purchase", "website", 12.5),
            Day("u7", 2, "purchase", "website"),
            Day("u7", 2.5, "ad_click", "search"),
            Day("u7", 3, "signup", "website", 7));

        var paths = ConversionPaths.FromEventLog(log, new ConversionPathDefinition(["purchase", "signup"], TimeSpan.FromDays(30)));

        Assert.Equal(
            ["email: 2 conversions, value 12.5, 0 nulls, ages 2", "search: 1 conversions, value 7, 0 nulls, ages 0.5"],
            Sorted(paths));
    }

    [Fact]
    public void TouchesAtTheConversionsInstant_CountBeforeIt_InOrdinalOrderOfTheirChannels()
    {
        // Given as purchase, search, email all at day 1: the touches at the purchase's instant belong to it (age 0),
        // ordered email before search whatever the input order.
        var log = Log(Day("u8", 1, "purchase", "website"), Day("u8", 1, "ad_click", "search"), Day("u8", 1, "ad_click", "email"));

        Assert.Equal(["email > search: 1 conversions, value 0, 0 nulls, ages 0 0"], Describe(ConversionPaths.FromEventLog(log, Purchases)));
    }

    [Fact]
    public void ALogWithoutTouches_GivesNoPaths_AndModelsSeeNoValue()
    {
        var paths = ConversionPaths.FromEventLog(Log(Day("u9", 0, "purchase", "website", 10)), Purchases);
        var empty = ConversionPaths.FromEventLog(new EventLogBuilder().Build(), Purchases);

        Assert.Equal(0, paths.Count);
        Assert.Empty(paths.Channels);
        Assert.Equal(0, paths.Conversions);
        Assert.Equal(0, empty.Count);
    }

    [Fact]
    public void NullArguments_AreRefused()
    {
        Assert.Equal("log", Assert.Throws<ArgumentNullException>(() => ConversionPaths.FromEventLog(null!, Purchases)).ParamName);
        Assert.Equal("definition", Assert.Throws<ArgumentNullException>(() => ConversionPaths.FromEventLog(Log(), null!)).ParamName);
    }

    [Fact]
    public void AChannelPropertyTheLogDoesNotKeep_IsRefused_NamingIt()
    {
        var log = new EventLogBuilder().Build();

        var e = Assert.Throws<ArgumentException>(
            () => ConversionPaths.FromEventLog(log, new ConversionPathDefinition(["purchase"], TimeSpan.FromDays(1), "campaign")));

        Assert.Equal("definition", e.ParamName);
        Assert.Contains("'campaign'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void APropertyValueThatIsNoChannelName_IsRefused_NamingTheCustomer()
    {
        var log = Log(Day("u10", 0, "page_view", "website", source: " padded"), Day("u10", 1, "purchase", "website"));

        var e = Assert.Throws<ArgumentException>(
            () => ConversionPaths.FromEventLog(log, new ConversionPathDefinition(["purchase"], TimeSpan.FromDays(30), SourceKey)));

        Assert.Equal("log", e.ParamName);
        Assert.Contains("'u10'", e.Message, StringComparison.Ordinal);
        Assert.Contains("' padded'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANegativeConversionValue_IsRefused_NamingTheCustomerAndValue()
    {
        var log = Log(Day("u11", 0, "ad_click", "email"), Day("u11", 1, "purchase", "website", -3));

        var e = Assert.Throws<ArgumentException>(() => ConversionPaths.FromEventLog(log, Purchases));

        Assert.Equal("log", e.ParamName);
        Assert.Contains("'u11'", e.Message, StringComparison.Ordinal);
        Assert.Contains("-3", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ACancelledToken_StopsTheScan()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(
            () => ConversionPaths.FromEventLog(Log(Day("u12", 0, "ad_click", "email")), Purchases, cancelled.Token));
    }
}
