using Engagement.Sdk.Attribution;
using FsCheck;
using FsCheck.Fluent;

namespace Engagement.Sdk.Tests.Attribution;

/// <summary>Properties of the Markov model beyond the shared laws, on small random aggregated paths.</summary>
public class MarkovProperties
{
    private static readonly Config Many = Config.QuickThrowOnFailure.WithMaxTest(150);

    private static Arbitrary<(string[] Channels, double Conversions, double Nulls)[]> Paths =>
        (from count in Gen.Choose(1, 8)
         from paths in (
             from length in Gen.Choose(1, 5)
             from channels in Gen.Elements("a", "b", "c", "d").ArrayOf(length)
             from conversions in Gen.Choose(0, 3)
             from nulls in Gen.Choose(0, 3)
             select (channels, (double)conversions, (double)nulls)).ArrayOf(count)
         select paths).ToArbitrary();

    private static Arbitrary<(int Order, bool Collapse)> Settings =>
        (from order in Gen.Choose(1, 3) from collapse in Gen.Elements(true, false) select (order, collapse)).ToArbitrary();

    [Fact]
    public void MatchesTheNaiveReference_AndRemovalEffectsLieInZeroOne() =>
        Prop.ForAll(Paths, Settings, (paths, settings) =>
        {
            var result = new MarkovModel(settings.Order, settings.Collapse).Analyse(Create(paths));
            var (probability, effects) = MarkovReference.Solve(paths, settings.Order, settings.Collapse);

            Assert.Equal(probability, result.ConversionProbability, 1e-9);
            if (result.Attribution.HasValue)
            {
                Assert.All(result.RemovalEffects, e =>
                {
                    // The reference does not clamp: its effects must lie in [0, 1] on their own.
                    var expected = effects[e.Channel];
                    Assert.InRange(expected, -1e-9, 1 + 1e-9);
                    Assert.Equal(expected, e.Effect, 1e-9);
                    Assert.InRange(e.Effect, 0, 1);
                });
            }
            else
            {
                Assert.Empty(result.RemovalEffects);
            }
        }).Check(Many);

    [Fact]
    public void ConversionProbability_IsTheObservedConversionShare_AtEveryOrder() =>
        // The chain's expected visits solve the same equations as the counted visits (inflow = outflow per state), so
        // the expected absorptions in conversion are the observed conversions: P = Σ conversions / Σ (conversions + nulls).
        Prop.ForAll(Paths, Gen.Choose(1, 4).ToArbitrary(), Gen.Elements(true, false).ToArbitrary(), (paths, order, collapse) =>
        {
            var conversions = paths.Sum(p => p.Conversions);
            var journeys = conversions + paths.Sum(p => p.Nulls);
            var result = new MarkovModel(order, collapse).Analyse(Create(paths));
            Assert.Equal(journeys > 0 ? conversions / journeys : 0, result.ConversionProbability, 1e-12);
        }).Check(Many);

    [Fact]
    public void DenseLu_GaussSeidel_AndStateElimination_Agree() =>
        Prop.ForAll(Paths, Settings, (paths, settings) =>
        {
            var chain = MarkovChain.Count(Create(paths), settings.Order, settings.Collapse, CancellationToken.None);
            for (var removed = -1; removed < chain.Channels; removed++)
            {
                var dense = AbsorbingChain.ConversionProbability(chain, removed, AbsorbingChain.Method.Dense);
                Assert.Equal(dense, AbsorbingChain.ConversionProbability(chain, removed), 0);
                Assert.Equal(dense, AbsorbingChain.ConversionProbability(chain, removed, AbsorbingChain.Method.Eliminate), 1e-12);
                Assert.Equal(dense, AbsorbingChain.ConversionProbability(chain, removed, AbsorbingChain.Method.Iterate), 1e-12);
            }
        }).Check(Many);

    [Fact]
    public void Analyse_IsDeterministic_ToTheBit() =>
        Prop.ForAll(Paths, Settings, (paths, settings) =>
        {
            var model = new MarkovModel(settings.Order, settings.Collapse);
            var once = model.Analyse(Create(paths));
            var again = model.Analyse(Create(paths.Reverse()));
            Assert.Equal(once.Attribution.Channels, again.Attribution.Channels);
            Assert.Equal(once.RemovalEffects, again.RemovalEffects);
            Assert.Equal(once.Transitions, again.Transitions);
            Assert.Equal(once.ConversionProbability, again.ConversionProbability);
        }).Check(Many);

    private static ConversionPaths Create(IEnumerable<(string[] Channels, double Conversions, double Nulls)> paths) =>
        ConversionPaths.Create(paths.Select(p => new AggregatedPath(p.Channels, p.Conversions, 10 * p.Conversions, p.Nulls)));
}
