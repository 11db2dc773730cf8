using Engagement.Sdk.Attribution;
using FsCheck;
using FsCheck.Fluent;
using static Engagement.Sdk.Tests.Attribution.EventLogPathRows;

namespace Engagement.Sdk.Tests.Attribution;

/// <summary>Properties of <see cref="ConversionPaths.FromEventLog"/> on small random logs: few customers, channels and
/// whole hours, so that ties, repeats and lookback edges are common.</summary>
public class EventLogPathsProperties
{
    private static readonly Config Many = Config.QuickThrowOnFailure.WithMaxTest(300);

    private static Arbitrary<EventLogRow[]> Rows { get; } = Arb.From(
        from length in Gen.Choose(0, 40)
        from rows in (
            from customer in Gen.Choose(0, 2)
            from hours in Gen.Choose(0, 48)
            from name in Gen.Elements("click", "view", "purchase", "purchase")
            from channel in Gen.Elements("a", "b", "c", null)
            from value in Gen.Elements<double?>(null, 0, 1, 5)
            select new EventLogRow($"u{customer}", hours, name, channel, value)).ArrayOf(length)
        select rows,
        rows => Enumerable.Range(0, rows.Length).Select(i => rows.Where((_, j) => j != i).ToArray()));

    private static Arbitrary<ConversionPathDefinition> Definitions { get; } = Arb.From(
        from lookback in Gen.Choose(1, 24)
        from onlyClicks in Gen.Elements(true, false)
        from collapse in Gen.Elements(true, false)
        select new ConversionPathDefinition(["purchase"], TimeSpan.FromHours(lookback), touchEvents: onlyClicks ? ["click"] : null, collapseRepeats: collapse));

    [Fact]
    public void Conversions_AreTheConversionEventsWithATouchInTheirLookback_SinceThePreviousConversion() =>
        Prop.ForAll(Rows, Definitions, (rows, definition) =>
        {
            var paths = ConversionPaths.FromEventLog(Log(rows), definition);
            var (conversions, value, nulls) = Naive(rows, definition);
            Assert.Equal(conversions, paths.Conversions);
            Assert.Equal(value, paths.Value);
            Assert.Equal(nulls, paths.Nulls);
        }).Check(Many);

    [Fact]
    public void Paths_DoNotDependOnTheOrderOfTheEvents_EvenWithTies() =>
        Prop.ForAll(Rows, Definitions, Gen.Choose(0, int.MaxValue).ToArbitrary(), (rows, definition, seed) =>
        {
            var shuffled = rows.ToArray();
            new Random(seed).Shuffle(shuffled);
            var expected = ConversionPaths.FromEventLog(Log(rows), definition);
            var actual = ConversionPaths.FromEventLog(Log(shuffled), definition);
            Assert.Equal(expected.Channels, actual.Channels);
            Assert.Equal(Describe(expected), Describe(actual));
        }).Check(Many);

    /// <summary>
    /// The totals straight from the rules, per customer: a conversion instant T (after the previous one, T′) converts,
    /// with all its conversion events and their values, when a touch lies in (T′, T] and within the lookback; touches
    /// after the last conversion instant (or of a customer without one) make one null.
    /// </summary>
    private static (double Conversions, double Value, double Nulls) Naive(EventLogRow[] rows, ConversionPathDefinition definition)
    {
        double conversions = 0, value = 0, nulls = 0;
        var lookback = definition.Lookback.TotalHours;
        foreach (var customer in rows.GroupBy(r => r.Customer))
        {
            var touches = customer
                .Where(r => r.Channel is not null && r.Name != "purchase" && (definition.TouchEvents is null || definition.TouchEvents.Contains(r.Name)))
                .Select(r => r.Hours)
                .ToArray();
            var instants = customer.Where(r => r.Name == "purchase").GroupBy(r => r.Hours).OrderBy(g => g.Key).ToArray();
            var previous = double.NegativeInfinity;
            foreach (var instant in instants)
            {
                if (touches.Any(t => t > previous && t <= instant.Key && instant.Key - t <= lookback))
                {
                    conversions += instant.Count();
                    value += instant.Sum(r => r.Value ?? 0);
                }

                previous = instant.Key;
            }

            nulls += touches.Any(t => t > previous) ? 1 : 0;
        }

        return (conversions, value, nulls);
    }
}
