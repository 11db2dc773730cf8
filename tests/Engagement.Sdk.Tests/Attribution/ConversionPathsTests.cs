using Engagement.Sdk.Attribution;
using FsCheck;
using FsCheck.Fluent;

namespace Engagement.Sdk.Tests.Attribution;

/// <summary>Collecting journeys and aggregated paths into <see cref="ConversionPaths"/>: merging, canonical order, costs
/// and bad input.</summary>
public class ConversionPathsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Random aggregated paths over five channels: 1–4 steps, whole counts, value 10 per conversion.</summary>
    internal static readonly Gen<AggregatedPath> AggregatedPaths =
        from length in Gen.Choose(1, 4)
        from channels in Gen.Elements("a", "b", "c", "d", "e").ArrayOf(length)
        from conversions in Gen.Choose(0, 5)
        from nulls in Gen.Choose(0, 5)
        select new AggregatedPath(channels, conversions, 10 * conversions, nulls);

    [Fact]
    public void Create_EqualAggregatedPaths_AreAddedUp()
    {
        // Two "A > B" rows (1 + 2 conversions, 10 + 5 value, 2 + 1 nulls) become one; "B > A" stays apart.
        var paths = ConversionPaths.Create(
        [
            AggregatedPath.Parse("A > B", 1, 10, 2),
            AggregatedPath.Parse("B > A", 4, 40, 0),
            AggregatedPath.Parse("A>B", 2, 5, 1),
        ]);

        Assert.Equal(2, paths.Count);
        Assert.Equal(["A", "B"], paths.Channels);
        Assert.Equal([0, 1], paths.StepsOf(0).ToArray());
        Assert.Equal((3.0, 15.0, 3.0), (paths.PathConversions[0], paths.PathValues[0], paths.PathNulls[0]));
        Assert.Equal((7.0, 55.0, 3.0), (paths.Conversions, paths.Value, paths.Nulls));
        Assert.False(paths.HasTimes);
        Assert.False(paths.HasCosts);
        Assert.Null(paths.GetCost(0));
    }

    [Fact]
    public void Create_Journeys_MergeWhenChannelsAndAgesAreEqual()
    {
        // Two journeys email (2 days before) > search (at the end) one week apart have equal ages: one path, 2
        // conversions. The same channels 3 days apart have other ages: a path of their own.
        var day = TimeSpan.FromDays(1);
        var paths = ConversionPaths.Create(
        [
            new ConversionPath([new("email", T0), new("search", T0 + (2 * day))], converted: true, value: 5),
            new ConversionPath([new("email", T0 + (7 * day)), new("search", T0 + (9 * day))], converted: true, value: 7),
            new ConversionPath([new("email", T0), new("search", T0 + (3 * day))], converted: false),
        ]);

        Assert.Equal(2, paths.Count);
        Assert.True(paths.HasTimes);
        Assert.Equal([2.0, 0.0], paths.AgesOf(0).ToArray());
        Assert.Equal((2.0, 12.0, 0.0), (paths.PathConversions[0], paths.PathValues[0], paths.PathNulls[0]));
        Assert.Equal([3.0, 0.0], paths.AgesOf(1).ToArray());
        Assert.Equal((0.0, 0.0, 1.0), (paths.PathConversions[1], paths.PathValues[1], paths.PathNulls[1]));
    }

    [Fact]
    public void Create_JourneyWithEnd_MeasuresAgesFromTheEnd()
    {
        // Touches at T0 and T0 + 1 day, conversion at T0 + 2.5 days: ages 2.5 and 1.5; touches out of order are sorted.
        var paths = ConversionPaths.Create(
        [
            new ConversionPath([new("b", T0 + TimeSpan.FromDays(1)), new("a", T0)], converted: true, value: 1, end: T0 + TimeSpan.FromDays(2.5)),
        ]);

        Assert.Equal([0, 1], paths.StepsOf(0).ToArray());
        Assert.Equal([2.5, 1.5], paths.AgesOf(0).ToArray());
    }

    [Fact]
    public void Create_AnyInputOrder_GivesTheSameBits() =>
        Prop.ForAll(AggregatedPaths.ListOf().ToArbitrary(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (list, seed) =>
        {
            var shuffled = list.ToArray();
            new Random(seed).Shuffle(shuffled);

            var x = ConversionPaths.Create(list);
            var y = ConversionPaths.Create(shuffled);

            AssertSameColumns(x, y);
            for (var i = 1; i < x.Count; i++)
            {
                Assert.True(x.StepsOf(i - 1).SequenceCompareTo(x.StepsOf(i)) < 0, "paths are distinct and in ascending order");
            }

            return true;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Create_Costs_AddTouchCostsAndTheDictionary_ACostOnlyChannelIsCreditedNothing()
    {
        // email: touches 0.5 + 0.25, plus 10 from the dictionary = 10.75; search: 2 (touch); tv: 100 from the dictionary
        // alone, on no path: still a channel, credited 0, with CPA null (no conversions) and ROAS 0 / 100 = 0.
        var paths = ConversionPaths.Create(
            [
                new ConversionPath([new("email", T0, 0.5), new("search", T0, 2)], converted: true, value: 8),
                new ConversionPath([new("email", T0, 0.25)], converted: false),
            ],
            new Dictionary<string, double> { ["email"] = 10, ["tv"] = 100 });

        Assert.Equal(["email", "search", "tv"], paths.Channels);
        Assert.True(paths.HasCosts);
        Assert.Equal(10.75, paths.GetCost(0));
        Assert.Equal(2, paths.GetCost(1));
        Assert.Equal(100, paths.GetCost(2));
        var tv = new LastTouchModel().Attribute(paths)["tv"];
        Assert.Equal((0.0, 0.0, 100.0), (tv.Conversions, tv.Value, tv.Cost!.Value));
        Assert.Null(tv.CostPerAcquisition);
        Assert.Equal(0, tv.ReturnOnAdSpend);
        Assert.Equal("channel", Assert.Throws<ArgumentOutOfRangeException>(() => paths.GetCost(3)).ParamName);
        Assert.Equal("channel", Assert.Throws<ArgumentOutOfRangeException>(() => paths.GetCost(-1)).ParamName);
    }

    [Fact]
    public void Create_TouchCosts_DoNotDependOnTheOrderOfTheInput()
    {
        // (0.1 + 0.2) + 0.3 = 0.6000000000000001 but (0.3 + 0.2) + 0.1 = 0.6 in doubles: a channel's touch costs must be
        // added in one order whatever the order of the journeys.
        ConversionPath Journey(double cost) => new([new("email", T0, cost)], converted: true, value: 1);
        var forward = ConversionPaths.Create([Journey(0.1), Journey(0.2), Journey(0.3)]);
        var backward = ConversionPaths.Create([Journey(0.3), Journey(0.2), Journey(0.1)]);

        Assert.Equal(forward.GetCost(0), backward.GetCost(0));
        Assert.Equal(0.6, forward.GetCost(0)!.Value, 1e-15);
    }

    [Fact]
    public void Create_ZeroTouchCostsWithoutADictionary_HasNoCosts()
    {
        var paths = ConversionPaths.Create([new ConversionPath([new("email", T0, 0)], converted: true)]);

        Assert.False(paths.HasCosts);
        Assert.Null(new LastTouchModel().Attribute(paths)["email"].Cost);
    }

    [Fact]
    public void Create_NullInput_Throws()
    {
        Assert.Equal("paths", Assert.Throws<ArgumentNullException>(() => ConversionPaths.Create((IEnumerable<AggregatedPath>)null!)).ParamName);
        Assert.Equal("paths", Assert.Throws<ArgumentNullException>(() => ConversionPaths.Create((IEnumerable<ConversionPath>)null!)).ParamName);
    }

    [Fact]
    public void Create_NullPath_NamesItsIndex()
    {
        var aggregated = Assert.Throws<ArgumentException>(() => ConversionPaths.Create([AggregatedPath.Parse("A", 1, 0, 0), null!]));
        var journeys = Assert.Throws<ArgumentException>(() =>
            ConversionPaths.Create([new ConversionPath([new("A", T0)], true), new ConversionPath([new("A", T0)], true), null!]));

        Assert.Equal("paths", aggregated.ParamName);
        Assert.Contains("index 1", aggregated.Message, StringComparison.Ordinal);
        Assert.Equal("paths", journeys.ParamName);
        Assert.Contains("index 2", journeys.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", 1.0)]
    [InlineData("e\u0001mail", 1.0)]
    public void Create_BadCostChannel_Throws(string channel, double cost)
    {
        var e = Assert.Throws<ArgumentException>(() =>
            ConversionPaths.Create([AggregatedPath.Parse("A", 1, 0, 0)], new Dictionary<string, double> { [channel] = cost }));

        Assert.Equal("channelCosts", e.ParamName);
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Create_BadCost_Throws(double cost)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            ConversionPaths.Create([AggregatedPath.Parse("A", 1, 0, 0)], new Dictionary<string, double> { ["A"] = cost }));
        var touch = Assert.Throws<ArgumentOutOfRangeException>(() => new AttributionTouch("A", T0, cost));

        Assert.Equal(("channelCosts", (object)cost), (e.ParamName, e.ActualValue));
        Assert.Equal(("cost", (object)cost), (touch.ParamName, touch.ActualValue));
    }

    [Fact]
    public void EmptyPaths_Throw()
    {
        var aggregated = Assert.Throws<ArgumentException>(() => new AggregatedPath([], 1, 0, 0));
        var journey = Assert.Throws<ArgumentException>(() => new ConversionPath([], converted: true));
        var parsed = Assert.Throws<ArgumentException>(() => AggregatedPath.Parse("  ", 1, 0, 0));
        var gap = Assert.Throws<ArgumentException>(() => AggregatedPath.Parse("A >  > B", 1, 0, 0));

        Assert.Equal("channels", aggregated.ParamName);
        Assert.Equal("touches", journey.ParamName);
        Assert.Equal("path", parsed.ParamName);
        Assert.Equal("path", gap.ParamName);
        Assert.Contains("'A >  > B'", gap.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1.0, 0.0, 0.0, "conversions", -1.0)]
    [InlineData(double.NaN, 0.0, 0.0, "conversions", double.NaN)]
    [InlineData(1.0, -5.0, 0.0, "value", -5.0)]
    [InlineData(1.0, double.PositiveInfinity, 0.0, "value", double.PositiveInfinity)]
    [InlineData(1.0, 0.0, -2.0, "nulls", -2.0)]
    [InlineData(1.0, 0.0, double.NaN, "nulls", double.NaN)]
    [InlineData(0.0, 3.0, 1.0, "value", 3.0)] // value without conversions
    public void AggregatedPath_BadCounts_Throw(double conversions, double value, double nulls, string paramName, double echoed)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new AggregatedPath(["A"], conversions, value, nulls));
        var parsed = Assert.Throws<ArgumentOutOfRangeException>(() => AggregatedPath.Parse("A", conversions, value, nulls));

        Assert.Equal((paramName, (object)echoed), (e.ParamName, e.ActualValue));
        Assert.Equal(paramName, parsed.ParamName);
    }

    [Fact]
    public void AggregatedPath_BadChannelName_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => new AggregatedPath(["A", " B"], 1, 0, 0));
        var nullName = Assert.Throws<ArgumentNullException>(() => new AggregatedPath(["A", null!], 1, 0, 0));
        var parsed = Assert.Throws<ArgumentException>(() => AggregatedPath.Parse("A > B\u200B", 1, 0, 0));

        Assert.Equal("channels", e.ParamName);
        Assert.Contains("' B'", e.Message, StringComparison.Ordinal);
        Assert.Equal("channels", nullName.ParamName);
        Assert.Equal("path", parsed.ParamName);
        Assert.Contains(@"B\u200B", parsed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConversionPath_BadInput_Throws()
    {
        var defaultTouch = Assert.Throws<ArgumentException>(() => new ConversionPath([new("A", T0), default], converted: true));
        var negative = Assert.Throws<ArgumentOutOfRangeException>(() => new ConversionPath([new("A", T0)], converted: true, value: -1));
        var nan = Assert.Throws<ArgumentOutOfRangeException>(() => new ConversionPath([new("A", T0)], converted: true, value: double.NaN));
        var valueWithout = Assert.Throws<ArgumentOutOfRangeException>(() => new ConversionPath([new("A", T0)], converted: false, value: 4));
        var early = T0 - TimeSpan.FromSeconds(1);
        var end = Assert.Throws<ArgumentOutOfRangeException>(() => new ConversionPath([new("A", T0)], converted: true, end: early));

        Assert.Equal("touches", defaultTouch.ParamName);
        Assert.Contains("index 1", defaultTouch.Message, StringComparison.Ordinal);
        Assert.Equal(("value", (object)(-1.0)), (negative.ParamName, negative.ActualValue));
        Assert.Equal(("value", (object)double.NaN), (nan.ParamName, nan.ActualValue));
        Assert.Equal(("value", (object)4.0), (valueWithout.ParamName, valueWithout.ActualValue));
        Assert.Equal(("end", (object)early), (end.ParamName, end.ActualValue));
        Assert.Equal("touches", Assert.Throws<ArgumentNullException>(() => new ConversionPath(null!, true)).ParamName);
    }

    [Fact]
    public void AttributionTouch_BadChannel_Throws()
    {
        Assert.Equal("channel", Assert.Throws<ArgumentException>(() => new AttributionTouch("", T0)).ParamName);
        Assert.Equal("channel", Assert.Throws<ArgumentNullException>(() => new AttributionTouch(null!, T0)).ParamName);
    }

    /// <summary>Asserts that two sets of paths have the same columns, to the bit.</summary>
    internal static void AssertSameColumns(ConversionPaths expected, ConversionPaths actual)
    {
        Assert.Equal(expected.Channels, actual.Channels);
        Assert.Equal(expected.Offsets, actual.Offsets);
        Assert.Equal(expected.Steps, actual.Steps);
        Assert.Equal(expected.Ages, actual.Ages);
        Assert.Equal(expected.PathConversions, actual.PathConversions);
        Assert.Equal(expected.PathValues, actual.PathValues);
        Assert.Equal(expected.PathNulls, actual.PathNulls);
        Assert.Equal(expected.ChannelCosts, actual.ChannelCosts);
        Assert.Equal((expected.Conversions, expected.Value, expected.Nulls), (actual.Conversions, actual.Value, actual.Nulls));
    }
}
