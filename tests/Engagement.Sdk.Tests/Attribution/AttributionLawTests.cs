using System.Text.Json;
using Engagement.Sdk.Attribution;
using Engagement.Sdk.IO;
using FsCheck;
using FsCheck.Fluent;

namespace Engagement.Sdk.Tests.Attribution;

/// <summary>
/// The laws every <see cref="IAttributionModel"/> keeps, written once: a model's tests inherit them by naming the model.
/// Journeys are drawn over up to six channels, one to six touches each, minutes to days apart, converting or not, with
/// values.
/// </summary>
public abstract class AttributionLawTests
{
    private static readonly string[] Names = ["a", "b", "c", "d", "e", "f"];
    private static readonly DateTimeOffset Origin = new(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly Config Many = Config.QuickThrowOnFailure.WithMaxTest(100);

    /// <summary>Gets the model under test.</summary>
    protected abstract IAttributionModel Model { get; }

    /// <summary>
    /// Gets whether a channel on no converting path gets nothing wherever it stands on non-converting paths. Markov
    /// models credit a channel that carries journeys into states that convert on other paths (its removal lowers the
    /// chain's conversion probability), so for them only the weaker law below holds.
    /// </summary>
    protected virtual bool CreditsOnlyChannelsOfConvertingPaths => true;

    /// <summary>Gets the tolerance, relative to the totals, of laws that reorder floating-point sums.</summary>
    protected virtual double Tolerance => 1e-9;

    [Fact]
    public void Credits_AddUpToTheTotals_AndAreNotNegative() =>
        Prop.ForAll(Journeys(), journeys =>
        {
            var paths = ConversionPaths.Create(journeys);
            var result = Model.Attribute(paths);
            Assert.Equal(paths.Conversions, result.Conversions);
            Assert.Equal(paths.Value, result.Value);
            Assert.Equal(paths.Conversions, result.Channels.Sum(c => c.Conversions), Tolerance * Math.Max(1, paths.Conversions));
            Assert.Equal(paths.Value, result.Channels.Sum(c => c.Value), Tolerance * Math.Max(1, paths.Value));
            Assert.All(result.Channels, c => Assert.True(c.Conversions >= 0 && c.Value >= 0, c.ToString()));
            Assert.Equal(paths.Channels, result.Channels.Select(c => c.Channel));
            Assert.Equal(paths.Conversions > 0, result.HasValue);
        }).Check(Many);

    [Fact]
    public void AChannelOnlyAtTheEndOfNonConvertingPaths_GetsNothing() =>
        // "z" closes some journeys that did not convert, or is their only channel: no model can credit it (under a
        // Markov chain its state leads only to null, so removing it changes nothing).
        Prop.ForAll(Journeys(), Gen.Choose(1, 4).ToArbitrary(), (journeys, extra) =>
        {
            var withZ = journeys.Concat(Enumerable.Range(0, extra).Select(i => i % 2 == 0 && journeys.Length > i
                ? new ConversionPath(journeys[i].Touches.Append(new AttributionTouch("z", journeys[i].End)), converted: false)
                : new ConversionPath([new AttributionTouch("z", Origin)], converted: false)));
            var credit = Model.Attribute(ConversionPaths.Create(withZ))["z"];
            Assert.Equal(0, credit.Conversions);
            Assert.Equal(0, credit.Value);
        }).Check(Many);

    [Fact]
    public void AChannelOnNoConvertingPath_GetsNothing_WhereverItStands()
    {
        if (!CreditsOnlyChannelsOfConvertingPaths)
        {
            return; // the weaker law above holds for this model (see the property's remarks)
        }

        Prop.ForAll(Journeys(), Gen.Choose(0, 5).ToArbitrary(), (journeys, at) =>
        {
            // "z" is inserted anywhere into copies of the journeys that did not convert.
            var withZ = journeys.Concat(journeys.Where(j => !j.Converted).Select(j =>
            {
                var touches = j.Touches.ToList();
                touches.Insert(Math.Min(at, touches.Count), new AttributionTouch("z", touches[Math.Min(at, touches.Count - 1)].Time));
                return new ConversionPath(touches, converted: false, end: j.End);
            }));
            var paths = ConversionPaths.Create(withZ);
            if (paths.Channels.Contains("z"))
            {
                Assert.Equal(0, Model.Attribute(paths)["z"].Conversions);
            }
        }).Check(Many);
    }

    [Fact]
    public void RelabellingTheChannels_PermutesTheCredits() =>
        Prop.ForAll(Journeys(), Gen.Shuffle(Names).ToArbitrary(), (journeys, permutation) =>
        {
            var rename = Names.Zip(permutation).ToDictionary(p => p.First, p => p.Second);
            var renamed = journeys.Select(j => new ConversionPath(
                j.Touches.Select(t => new AttributionTouch(rename[t.Channel], t.Time, t.Cost)), j.Converted, j.Value, j.End));
            var before = Model.Attribute(ConversionPaths.Create(journeys));
            var after = Model.Attribute(ConversionPaths.Create(renamed));
            foreach (var credit in before.Channels)
            {
                var moved = after[rename[credit.Channel]];
                Assert.Equal(credit.Conversions, moved.Conversions, Tolerance * Math.Max(1, before.Conversions));
                Assert.Equal(credit.Value, moved.Value, Tolerance * Math.Max(1, before.Value));
            }
        }).Check(Many);

    [Fact]
    public void TheOrderOfTheInput_DoesNotMatter_ToTheBit() =>
        Prop.ForAll(Journeys(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (journeys, seed) =>
        {
            var shuffled = journeys.ToArray();
            new Random(seed).Shuffle(shuffled);
            var once = Model.Attribute(ConversionPaths.Create(journeys));
            var again = Model.Attribute(ConversionPaths.Create(shuffled));
            Assert.Equal(once.Channels, again.Channels);
        }).Check(Many);

    [Fact]
    public void TheResult_RoundTripsThroughJson() =>
        Prop.ForAll(Journeys(), journeys =>
        {
            var result = Model.Attribute(ConversionPaths.Create(journeys));
            var json = JsonSerializer.Serialize(result, EngagementJson.Options);
            var back = JsonSerializer.Deserialize<AttributionResult>(json, EngagementJson.Options)!;
            Assert.Equal(result.Model, back.Model);
            Assert.Equal(result.Channels, back.Channels);
            Assert.Equal(result.Conversions, back.Conversions);
            Assert.Equal(result.Value, back.Value);
        }).Check(Many);

    [Fact]
    public void WithoutConversions_TheResultHasNoValue()
    {
        var none = ConversionPaths.Create([
            new ConversionPath([new AttributionTouch("a", Origin), new AttributionTouch("b", Origin.AddDays(1))], converted: false),
            new ConversionPath([new AttributionTouch("b", Origin)], converted: false)]);
        var empty = ConversionPaths.Create(Array.Empty<ConversionPath>());

        var result = Model.Attribute(none);
        var nothing = Model.Attribute(empty);

        Assert.False(result.HasValue);
        Assert.All(result.Channels, c => Assert.True(c.Conversions == 0 && c.Value == 0 && c.Share is null, c.ToString()));
        Assert.Equal(["a", "b"], result.Channels.Select(c => c.Channel));
        Assert.False(nothing.HasValue);
        Assert.Empty(nothing.Channels);
    }

    [Fact]
    public void NullPaths_AreRejected() =>
        Assert.Equal("paths", Assert.Throws<ArgumentNullException>(() => Model.Attribute(null!)).ParamName);

    /// <summary>Draws 0 to 40 journeys over up to six channels.</summary>
    protected static Arbitrary<ConversionPath[]> Journeys() => Journey().ArrayOf().Select(a => a.Take(40).ToArray()).ToArbitrary();

    private static Gen<ConversionPath> Journey() =>
        from channels in Gen.Choose(0, Names.Length - 1).ArrayOf().Where(a => a.Length is > 0 and <= 6)
        from gaps in Gen.Choose(0, 3 * 24 * 60).ArrayOf(channels.Length)
        from start in Gen.Choose(0, 90 * 24 * 60)
        from converted in Gen.Elements(true, false)
        from cents in Gen.Choose(0, 50_000)
        select Build(channels, gaps, start, converted, converted ? cents / 100.0 : 0);

    private static ConversionPath Build(int[] channels, int[] gaps, int start, bool converted, double value)
    {
        var time = Origin.AddMinutes(start);
        var touches = new AttributionTouch[channels.Length];
        for (var i = 0; i < touches.Length; i++)
        {
            time = time.AddMinutes(gaps[i]);
            touches[i] = new AttributionTouch(Names[channels[i]], time, channels[i] % 2 == 0 ? 0.5 : 0);
        }

        return new ConversionPath(touches, converted, value, time.AddHours(1));
    }
}
