using Engagement.Sdk.Attribution;
using FsCheck;
using FsCheck.Fluent;

namespace Engagement.Sdk.Tests.Attribution;

/// <summary>The six heuristic models on paths worked by hand.</summary>
public class HeuristicModelTests
{
    private const double Tolerance = 1e-12;

    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The nine paths, each with 3 conversions worth 10 each (value 30 per path), and no nulls.</summary>
    private static ConversionPaths NinePaths(IReadOnlyDictionary<string, double>? costs = null) => ConversionPaths.Create(
        new[] { "A", "A > B", "A > B > C", "B", "B > A", "B > C > A", "C", "C > A", "C > B > A" }
            .Select(p => AggregatedPath.Parse(p, 3, 30, 0)),
        costs);

    [Fact]
    public void FirstTouch_NinePaths_Gives9Each()
    {
        // A opens A, A>B, A>B>C; B opens B, B>A, B>C>A; C opens C, C>A, C>B>A: three paths × 3 conversions = 9 each,
        // and 3 paths × 30 = 90 of value each.
        var result = new FirstTouchModel().Attribute(NinePaths());

        AssertCredits(result, ("A", 9, 90), ("B", 9, 90), ("C", 9, 90));
        Assert.Equal("first-touch", result.Model);
    }

    [Fact]
    public void LastTouch_NinePaths_Gives15_6_6()
    {
        // A closes A, B>A, B>C>A, C>A, C>B>A (5 paths × 3 = 15, value 150); B closes A>B, B (6, value 60); C closes
        // A>B>C, C (6, value 60).
        var result = new LastTouchModel().Attribute(NinePaths());

        AssertCredits(result, ("A", 15, 150), ("B", 6, 60), ("C", 6, 60));
        Assert.Equal("last-touch", result.Model);
    }

    [Theory]
    [InlineData(LinearCredit.PerOccurrence)]
    [InlineData(LinearCredit.PerDistinctChannel)]
    public void Linear_NinePaths_Gives10Point5_9_7Point5(LinearCredit credit)
    {
        // Per path (no channel repeats, so both credits agree): A earns 1 on A, 1/2 on A>B, B>A, C>A, 1/3 on A>B>C,
        // B>C>A, C>B>A: 1 + 3/2 + 1 = 3.5 paths' worth, × 3 = 10.5 (value 105). B: 1 (B) + 1/2 (A>B, B>A) + 1/3 (the
        // three-touch paths) = 1 + 1 + 1 = 3, × 3 = 9 (value 90). C: 1 (C) + 1/2 (C>A) + 3 × 1/3 = 2.5, × 3 = 7.5 (75).
        var result = new LinearModel(credit).Attribute(NinePaths());

        AssertCredits(result, ("A", 10.5, 105), ("B", 9, 90), ("C", 7.5, 75));
    }

    [Fact]
    public void Linear_RepeatedChannel_PerOccurrenceCountsEachTouch_PerDistinctChannelOnce()
    {
        // A > B > A: 2 conversions, value 60; B: 1 conversion, value 10.
        // Per occurrence: A holds 2 of 3 touches: 2/3 × 2 = 4/3 conversions, 2/3 × 60 = 40; B 1/3 × 2 + 1 = 5/3, 20 + 10 = 30.
        // Per distinct channel: A and B hold 1/2 each of A>B>A: A 1 conversion, 30; B 1 + 1 = 2, 30 + 10 = 40.
        var paths = ConversionPaths.Create([AggregatedPath.Parse("A > B > A", 2, 60, 5), AggregatedPath.Parse("B", 1, 10, 0)]);

        AssertCredits(new LinearModel().Attribute(paths), ("A", 4.0 / 3, 40), ("B", 5.0 / 3, 30));
        AssertCredits(new LinearModel(LinearCredit.PerDistinctChannel).Attribute(paths), ("A", 1, 30), ("B", 2, 40));
    }

    [Fact]
    public void LastNonDirect_SkipsTheDirectChannel_UnlessThePathIsAllDirect()
    {
        // email > direct (2, value 20): email. direct (1, value 5): all direct, so direct. seo > direct > direct (1, 10):
        // seo. direct > email (1, 10): email. direct > seo > direct never converted (3 nulls): nothing.
        // email 2 + 1 = 3 (value 30), direct 1 (5), seo 1 (10).
        var paths = DirectPaths();

        var result = new LastNonDirectModel().Attribute(paths);

        AssertCredits(result, ("direct", 1, 5), ("email", 3, 30), ("seo", 1, 10));
        Assert.Equal("last-non-direct", result.Model);
    }

    [Fact]
    public void LastNonDirect_OtherDirectChannel_OrOneThePathsLack()
    {
        // The same paths. With "email" as the direct channel: email > direct → direct (2, 20), direct → direct (1, 5), direct > email →
        // direct (1, 10), seo > direct > direct → direct (1, 10): all 5 (value 45) to direct. With a direct channel no path has, it is last touch.
        var paths = DirectPaths();

        AssertCredits(new LastNonDirectModel("email").Attribute(paths), ("direct", 5, 45), ("email", 0, 0), ("seo", 0, 0));
        Assert.Equal(
            Credits(new LastTouchModel().Attribute(paths)),
            Credits(new LastNonDirectModel("typed-in", "lnd-typed").Attribute(paths)));
    }

    [Fact]
    public void TimeDecay_HalfLife7Days_WeighsByAgeWorkedByHand()
    {
        // Journey 1 (value 30): email 7 days before the end, search at the end: weights 2^-1 = 1/2 and 2^0 = 1, so email
        // 1/3, search 2/3 (value 10, 20).
        // Journey 2 (value 5): display 3 days before the end, alone: all of it.
        // Journey 3 (value 70): display 14, email 7, search 0 days before: 1/4, 1/2, 1 → /(7/4) = 1/7, 2/7, 4/7 (10, 20, 40).
        // display 1 + 1/7 = 8/7 (5 + 10 = 15); email 1/3 + 2/7 = 13/21 (10 + 20 = 30); search 2/3 + 4/7 = 26/21 (60).
        var day = TimeSpan.FromDays(1);
        var paths = ConversionPaths.Create(
        [
            new ConversionPath([new("email", T0), new("search", T0 + (7 * day))], converted: true, value: 30),
            new ConversionPath([new("display", T0)], converted: true, value: 5, end: T0 + (3 * day)),
            new ConversionPath([new("display", T0), new("email", T0 + (7 * day)), new("search", T0 + (14 * day))], converted: true, value: 70),
            new ConversionPath([new("display", T0), new("email", T0)], converted: false),
        ]);

        var result = new TimeDecayModel(TimeSpan.FromDays(7)).Attribute(paths);

        AssertCredits(result, ("display", 8.0 / 7, 15), ("email", 13.0 / 21, 30), ("search", 26.0 / 21, 60));
        Assert.Equal("time-decay", result.Model);
    }

    [Fact]
    public void TimeDecay_VeryOldTouches_DoNotUnderflow()
    {
        // Ages 100,000 and 100,001 days with a half-life of 1 hour: 2^-2.4e6 underflows to 0 in absolute terms; relative
        // to the youngest touch the weights are 1 and 2^-24, so the older touch earns 2^-24 / (1 + 2^-24).
        var paths = ConversionPaths.Create(
        [
            new ConversionPath([new("a", T0), new("b", T0 + TimeSpan.FromHours(24))], converted: true, value: 1, end: T0 + TimeSpan.FromDays(100_001)),
        ]);

        var result = new TimeDecayModel(TimeSpan.FromHours(1)).Attribute(paths);

        var older = Math.Pow(2, -24) / (1 + Math.Pow(2, -24));
        Assert.Equal(older, result["a"].Conversions, 1e-15);
        Assert.Equal(1 - older, result["b"].Conversions, 1e-15);
    }

    [Fact]
    public void TimeDecay_PathsWithoutTimes_ThrowNamingTheModel()
    {
        var paths = ConversionPaths.Create([AggregatedPath.Parse("A > B", 1, 1, 0)]);

        var e = Assert.Throws<InvalidOperationException>(() => new TimeDecayModel(TimeSpan.FromDays(7), "decay-7d").Attribute(paths));

        Assert.Contains("decay-7d", e.Message, StringComparison.Ordinal);
        Assert.Contains("aggregated paths carry no times", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("A", new[] { 1.0 })] // one touch: everything
    [InlineData("A > B", new[] { 0.5, 0.5 })] // 40 : 40 → 50/50
    [InlineData("A > B > C", new[] { 0.4, 0.2, 0.4 })] // middle 1 − 0.8
    [InlineData("A > B > C > D > E", new[] { 0.4, 0.2 / 3, 0.2 / 3, 0.2 / 3, 0.4 })] // middle 0.2 shared by 3
    public void PositionBased_Default_SharesByPosition(string path, double[] expected) =>
        AssertPositions(new PositionBasedModel(), path, expected);

    [Theory]
    [InlineData(0.3, 0.5, "A", new[] { 1.0 })]
    [InlineData(0.3, 0.5, "A > B", new[] { 0.375, 0.625 })] // 0.3 : 0.5 = 3/8 : 5/8
    [InlineData(0.3, 0.5, "A > B > C", new[] { 0.3, 0.2, 0.5 })]
    [InlineData(0.3, 0.5, "A > B > C > D > E", new[] { 0.3, 0.2 / 3, 0.2 / 3, 0.2 / 3, 0.5 })]
    [InlineData(0.5, 0.5, "A > B > C", new[] { 0.5, 0.0, 0.5 })] // the sum 1 leaves the middle nothing
    [InlineData(0.0, 0.0, "A > B", new[] { 0.5, 0.5 })] // 0 : 0 is taken as an even split
    [InlineData(0.0, 0.0, "A > B > C", new[] { 0.0, 1.0, 0.0 })] // the middle gets 1 − 0 − 0
    public void PositionBased_OtherShares_SharesByPosition(double first, double last, string path, double[] expected) =>
        AssertPositions(new PositionBasedModel(first, last), path, expected);

    [Fact]
    public void PositionBased_AChannelFirstAndLast_EarnsBoth()
    {
        // A > B > A: A earns 0.4 + 0.4, B 0.2; with 5 conversions and value 50: A 4 (40), B 1 (10).
        var paths = ConversionPaths.Create([AggregatedPath.Parse("A > B > A", 5, 50, 0)]);

        AssertCredits(new PositionBasedModel().Attribute(paths), ("A", 4, 40), ("B", 1, 10));
    }

    [Fact]
    public void LastTouch_WithCosts_GivesSharesCpaAndRoas()
    {
        // Last touch: A 15 conversions (value 150), B 6 (60), C 6 (60) of 27. Costs A 45, B 30, C 0:
        // shares 15/27 = 5/9, 6/27 = 2/9, 2/9; CPA A 45/15 = 3, B 30/6 = 5, C 0/6 = 0; ROAS A 150/45 = 10/3, B 60/30 = 2,
        // C none (no cost to return on).
        var result = new LastTouchModel().Attribute(NinePaths(new Dictionary<string, double> { ["A"] = 45, ["B"] = 30, ["C"] = 0 }));

        Assert.Equal(5.0 / 9, result["A"].Share!.Value, Tolerance);
        Assert.Equal(2.0 / 9, result["B"].Share!.Value, Tolerance);
        Assert.Equal(2.0 / 9, result["C"].Share!.Value, Tolerance);
        Assert.Equal(3, result["A"].CostPerAcquisition!.Value, Tolerance);
        Assert.Equal(5, result["B"].CostPerAcquisition!.Value, Tolerance);
        Assert.Equal(0, result["C"].CostPerAcquisition!.Value, Tolerance);
        Assert.Equal(10.0 / 3, result["A"].ReturnOnAdSpend!.Value, Tolerance);
        Assert.Equal(2, result["B"].ReturnOnAdSpend!.Value, Tolerance);
        Assert.Null(result["C"].ReturnOnAdSpend);
        Assert.Equal(27, result.Conversions);
        Assert.Equal(270, result.Value);
    }

    [Fact]
    public void Models_EqualANaiveReferenceWrittenFromTheDefinitions() =>
        Prop.ForAll(ConversionPathsTests.AggregatedPaths.ListOf().ToArbitrary(), list =>
        {
            // Each rule written plainly per input line (no merging, no kernel): position → share of the line's counts.
            var paths = ConversionPaths.Create(list);
            Check(new FirstTouchModel(), n => [.. Enumerable.Range(0, n).Select(i => i == 0 ? 1.0 : 0)]);
            Check(new LastTouchModel(), n => [.. Enumerable.Range(0, n).Select(i => i == n - 1 ? 1.0 : 0)]);
            Check(new LinearModel(), n => [.. Enumerable.Repeat(1.0 / n, n)]);
            Check(new PositionBasedModel(0.3, 0.5), n => n switch
            {
                1 => [1.0],
                2 => [0.3 / 0.8, 0.5 / 0.8],
                _ => [.. Enumerable.Range(0, n).Select(i => i == 0 ? 0.3 : i == n - 1 ? 0.5 : 0.2 / (n - 2))],
            });
            CheckLines(new LinearModel(LinearCredit.PerDistinctChannel), channels =>
            {
                var distinct = channels.Distinct().ToArray();
                return distinct.Select(c => (c, 1.0 / distinct.Length));
            });
            CheckLines(new LastNonDirectModel("a"), channels => [(channels.LastOrDefault(c => c != "a") ?? "a", 1.0)]);
            return true;

            void Check(IAttributionModel model, Func<int, double[]> shares) =>
                CheckLines(model, channels => channels.Zip(shares(channels.Count)));

            void CheckLines(IAttributionModel model, Func<IReadOnlyList<string>, IEnumerable<(string Channel, double Share)>> shares)
            {
                var expected = paths.Channels.ToDictionary(c => c, _ => (Conversions: 0.0, Value: 0.0));
                foreach (var line in list.Where(l => l.Conversions > 0))
                {
                    foreach (var (channel, share) in shares(line.Channels))
                    {
                        var (c, v) = expected[channel];
                        expected[channel] = (c + (share * line.Conversions), v + (share * line.Value));
                    }
                }

                var result = model.Attribute(paths);
                foreach (var credit in result.Channels)
                {
                    Assert.Equal(expected[credit.Channel].Conversions, credit.Conversions, 1e-9);
                    Assert.Equal(expected[credit.Channel].Value, credit.Value, 1e-8);
                }
            }
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void EveryModel_WithoutConversions_GivesAResultWithoutValue()
    {
        var paths = ConversionPaths.Create([new ConversionPath([new("A", T0), new("B", T0)], converted: false)]);

        foreach (var model in AllModels())
        {
            var result = model.Attribute(paths);
            Assert.False(result.HasValue, model.Name);
            Assert.All(result.Channels, c => Assert.Equal((0.0, 0.0, (double?)null), (c.Conversions, c.Value, c.Share)));
        }
    }

    [Fact]
    public void EveryModel_NullPaths_ThrowsArgumentNull()
    {
        foreach (var model in AllModels())
        {
            Assert.Equal("paths", Assert.Throws<ArgumentNullException>(() => model.Attribute(null!)).ParamName);
        }
    }

    [Fact]
    public void EveryModel_CancelledToken_Throws()
    {
        var paths = ConversionPaths.Create([new ConversionPath([new("A", T0), new("B", T0)], converted: true, value: 1)]);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        foreach (var model in AllModels())
        {
            Assert.Throws<OperationCanceledException>(() => model.Attribute(paths, cancelled.Token));
        }
    }

    [Fact]
    public void Names_DefaultOrGiven_AndEqualityOverParametersAndName()
    {
        Assert.Equal(
            ["first-touch", "last-touch", "last-non-direct", "linear", "time-decay", "position-based"],
            AllModels().Select(m => m.Name));
        Assert.Equal("linear-distinct", new LinearModel(LinearCredit.PerDistinctChannel, "linear-distinct").Name);

        Assert.Equal(new PositionBasedModel(0.3, 0.3), new PositionBasedModel(0.3, 0.3));
        Assert.Equal(new PositionBasedModel(0.3, 0.3).GetHashCode(), new PositionBasedModel(0.3, 0.3).GetHashCode());
        Assert.NotEqual(new PositionBasedModel(0.3, 0.3), new PositionBasedModel(0.3, 0.4));
        Assert.NotEqual(new PositionBasedModel(), new PositionBasedModel(name: "u-shaped"));
        Assert.Equal(new TimeDecayModel(TimeSpan.FromDays(7)), new TimeDecayModel(TimeSpan.FromHours(168)));
        Assert.NotEqual(new TimeDecayModel(TimeSpan.FromDays(7)), new TimeDecayModel(TimeSpan.FromDays(6)));
        Assert.NotEqual(new LinearModel(), new LinearModel(LinearCredit.PerDistinctChannel));
        Assert.NotEqual(new LastNonDirectModel(), new LastNonDirectModel("typed"));
        Assert.Equal(new FirstTouchModel(), new FirstTouchModel("first-touch"));
        Assert.NotEqual(new LastTouchModel(), new LastTouchModel("last"));
        Assert.False(new FirstTouchModel().Equals(new LastTouchModel("first-touch")));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    public void TimeDecay_HalfLifeNotAbove0_Throws(double days)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new TimeDecayModel(TimeSpan.FromDays(days)));

        Assert.Equal("halfLife", e.ParamName);
        Assert.Equal(TimeSpan.FromDays(days), e.ActualValue);
    }

    [Theory]
    [InlineData(-0.1, 0.4, "firstShare", -0.1)]
    [InlineData(double.NaN, 0.4, "firstShare", double.NaN)]
    [InlineData(0.4, double.PositiveInfinity, "lastShare", double.PositiveInfinity)]
    [InlineData(0.4, -0.5, "lastShare", -0.5)]
    [InlineData(0.6, 0.5, "lastShare", 0.5)] // 1.1 > 1
    public void PositionBased_BadShares_Throw(double first, double last, string paramName, double echoed)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new PositionBasedModel(first, last));

        Assert.Equal(paramName, e.ParamName);
        Assert.Equal(echoed, e.ActualValue);
    }

    [Fact]
    public void Linear_UndefinedCredit_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new LinearModel((LinearCredit)7));

        Assert.Equal("credit", e.ParamName);
        Assert.Equal((LinearCredit)7, e.ActualValue);
    }

    [Fact]
    public void BadNames_Throw()
    {
        var e = Assert.Throws<ArgumentException>(() => new FirstTouchModel(" padded"));
        Assert.Equal("name", e.ParamName);
        Assert.Contains("' padded'", e.Message, StringComparison.Ordinal);
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => new PositionBasedModel(name: "")).ParamName);
        Assert.Equal("directChannel", Assert.Throws<ArgumentException>(() => new LastNonDirectModel("di\u202Erect")).ParamName);
        Assert.Equal("directChannel", Assert.Throws<ArgumentNullException>(() => new LastNonDirectModel(null!)).ParamName);
    }

    internal static IAttributionModel[] AllModels() =>
    [
        new FirstTouchModel(), new LastTouchModel(), new LastNonDirectModel(), new LinearModel(),
        new TimeDecayModel(TimeSpan.FromDays(7)), new PositionBasedModel(),
    ];

    /// <summary>Paths with a direct channel: email > direct (2 conversions, value 20), direct (1, 5), seo > direct > direct
    /// (1, 10), direct > email (1, 10), direct > seo > direct (3 nulls only).</summary>
    private static ConversionPaths DirectPaths() => ConversionPaths.Create(
    [
        AggregatedPath.Parse("email > direct", 2, 20, 0),
        AggregatedPath.Parse("direct", 1, 5, 0),
        AggregatedPath.Parse("seo > direct > direct", 1, 10, 0),
        AggregatedPath.Parse("direct > email", 1, 10, 0),
        AggregatedPath.Parse("direct > seo > direct", 0, 0, 3),
    ]);

    private static void AssertPositions(PositionBasedModel model, string path, double[] expected)
    {
        // One conversion worth 10 on a path of distinct channels: each channel's credit is its position's share.
        var paths = ConversionPaths.Create([AggregatedPath.Parse(path, 1, 10, 0)]);
        var result = model.Attribute(paths);
        var channels = AggregatedPath.Parse(path, 1, 10, 0).Channels;
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], result[channels[i]].Conversions, Tolerance);
            Assert.Equal(10 * expected[i], result[channels[i]].Value, Tolerance);
        }
    }

    private static void AssertCredits(AttributionResult result, params (string Channel, double Conversions, double Value)[] expected)
    {
        Assert.Equal(expected.Select(e => e.Channel), result.Channels.Select(c => c.Channel));
        foreach (var (channel, conversions, value) in expected)
        {
            Assert.Equal(conversions, result[channel].Conversions, Tolerance);
            Assert.Equal(value, result[channel].Value, 1e-11);
        }
    }

    private static (string, double, double)[] Credits(AttributionResult result) =>
        [.. result.Channels.Select(c => (c.Channel, c.Conversions, c.Value))];
}
