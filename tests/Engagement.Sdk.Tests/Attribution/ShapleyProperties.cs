using Engagement.Sdk.Attribution;
using FsCheck;
using FsCheck.Fluent;

namespace Engagement.Sdk.Tests.Attribution;

/// <summary>The properties of Shapley values beyond the laws every model keeps.</summary>
public class ShapleyProperties
{
    private static readonly Config Many = Config.QuickThrowOnFailure.WithMaxTest(100);

    /// <summary>Up to 8 paths over a, b, c, d of 1 to 4 touches, counts 0 to 5.</summary>
    private static Arbitrary<(string Path, double Conversions, double Value, double Nulls)[]> Rows =>
        (from count in Gen.Choose(1, 8)
         from rows in (
             from length in Gen.Choose(1, 4)
             from channels in Gen.Elements("a", "b", "c", "d").ArrayOf(length)
             from conversions in Gen.Choose(0, 5)
             from nulls in Gen.Choose(0, 5)
             select (string.Join(" > ", channels), (double)conversions, 10.0 * conversions, (double)nulls)).ArrayOf(count)
         select rows).ToArbitrary();

    [Fact]
    public void Exact_ValuesAddUpToTheWholeCoalitionsValue_BeforeClipping() =>
        Prop.ForAll(Rows, rows =>
        {
            var paths = ShapleyPaths.Of(1, rows);
            var result = new ShapleyModel().Analyse(paths);

            // v(N): the conversion rate of the journeys that had every channel on some path.
            var players = rows.SelectMany(r => Set(r.Path)).Distinct().Count();
            var whole = rows.Where(r => Set(r.Path).Length == players).ToArray();
            var journeys = whole.Sum(r => r.Conversions + r.Nulls);
            var expected = journeys > 0 ? whole.Sum(r => r.Conversions) / journeys : 0;
            return Math.Abs(result.Values.Sum(v => v.Value) - expected) < 1e-12;
        }).Check(Many);

    [Fact]
    public void Exact_ChannelThatChangesNoCoalitionsValue_GetsZero_AndLeavesTheOthersAlone() =>
        Prop.ForAll(Rows, rows =>
        {
            // z joins a copy of every path with twice its counts: v(S ∪ z) = 2c/(2c + 2n) = v(S) for every S, and a
            // coalition never seen stays unseen with z. So z is a null player, and adding it changes no other value.
            var copies = rows.Select(r => (r.Path + " > z", 2 * r.Conversions, 2 * r.Value, 2 * r.Nulls));
            var plain = new ShapleyModel().Analyse(ShapleyPaths.Of(1, rows));
            var dummy = new ShapleyModel().Analyse(ShapleyPaths.Of(1, [.. rows, .. copies]));

            var z = dummy.Values.Single(v => v.Channel == "z").Value;
            return z == 0 && plain.Values.All(v => Math.Abs(dummy.Values.Single(d => d.Channel == v.Channel).Value - v.Value) < 1e-12);
        }).Check(Many);

    [Fact]
    public void Exact_SymmetricChannels_GetEqualValues() =>
        Prop.ForAll(Rows, rows =>
        {
            // Every path is joined by its mirror image with a and b swapped, so v(S) = v(S with a and b swapped).
            var mirrored = rows.Concat(rows.Select(r => (Swap(r.Path), r.Conversions, r.Value, r.Nulls))).ToArray();
            var result = new ShapleyModel().Analyse(ShapleyPaths.Of(1, mirrored));

            var a = result.Values.SingleOrDefault(v => v.Channel == "a")?.Value ?? 0;
            var b = result.Values.SingleOrDefault(v => v.Channel == "b")?.Value ?? 0;
            return Math.Abs(a - b) < 1e-12;
        }).Check(Many);

    [Fact]
    public void Exact_EqualsTheSumOverEveryOrder() =>
        Prop.ForAll(Rows, rows =>
        {
            // The definition's other form: φ_c is c's marginal contribution averaged over all n! orders of the players.
            var paths = ShapleyPaths.Of(1, rows);
            var result = new ShapleyModel().Analyse(paths);
            var expected = NaiveShapley.OverOrders(rows);
            return result.Values.All(v => Math.Abs(v.Value - expected[v.Channel]) < 1e-12);
        }).Check(Many);

    [Fact]
    public void MonteCarlo_AgreesWithExact_WithinFiveStandardErrors() =>
        Prop.ForAll(Rows, Gen.Choose(0, 1000).ToArbitrary(), (rows, seed) =>
        {
            var paths = ShapleyPaths.Of(1, rows);
            var exact = new ShapleyModel().Analyse(paths);
            var estimate = new ShapleyModel(exactChannelLimit: 0, samples: 4_000, seed: seed).Analyse(paths);
            return !estimate.Exact && exact.Values.Zip(estimate.Values).All(p =>
                Math.Abs(p.First.Value - p.Second.Value) <= (5 * p.Second.StandardError) + 1e-12);
        }).Check(Many);

    [Fact]
    public void MonteCarlo_KeepsTheLawsThatDoNotRelabel() =>
        // The shared laws for Monte Carlo values, except relabelling: the random orders are drawn over the channels'
        // indexes, which follow their names, so renamed channels get other samples (the values move within their
        // standard errors, not to the bit). z stands only on paths that did not convert.
        Prop.ForAll(Rows, Gen.Choose(0, 1000).ToArbitrary(), (rows, seed) =>
        {
            var withZ = rows.Append(("z", 0.0, 0.0, 3.0)).Append(("a > z > c", 0.0, 0.0, 2.0)).ToArray();
            var model = new ShapleyModel(exactChannelLimit: 0, samples: 500, seed: seed);
            var paths = ShapleyPaths.Of(1, withZ);
            var result = model.Attribute(paths);
            var reversed = model.Attribute(ShapleyPaths.Of(1, [.. withZ.Reverse()]));
            return Math.Abs(result.Channels.Sum(c => c.Conversions) - paths.Conversions) <= 1e-9 * Math.Max(1, paths.Conversions)
                && Math.Abs(result.Channels.Sum(c => c.Value) - paths.Value) <= 1e-9 * Math.Max(1, paths.Value)
                && result.Channels.All(c => c.Conversions >= 0 && c.Value >= 0)
                && result["z"].Conversions == 0
                && result.Channels.SequenceEqual(reversed.Channels);
        }).Check(Many);

    private static string[] Set(string path) => [.. path.Split(" > ").Distinct()];

    private static string Swap(string path) =>
        string.Join(" > ", path.Split(" > ").Select(c => c switch { "a" => "b", "b" => "a", _ => c }));

    /// <summary>Shapley values by brute force over every order of the players, with dictionaries.</summary>
    private static class NaiveShapley
    {
        public static Dictionary<string, double> OverOrders((string Path, double Conversions, double Value, double Nulls)[] rows)
        {
            var counts = new Dictionary<string, (double Conversions, double Nulls)>();
            foreach (var row in rows)
            {
                var key = string.Join(",", Set(row.Path).Order(StringComparer.Ordinal));
                var old = counts.GetValueOrDefault(key);
                counts[key] = (old.Conversions + row.Conversions, old.Nulls + row.Nulls);
            }

            double V(IEnumerable<string> set)
            {
                var key = string.Join(",", set.Order(StringComparer.Ordinal));
                return counts.TryGetValue(key, out var c) && c.Conversions + c.Nulls > 0 ? c.Conversions / (c.Conversions + c.Nulls) : 0;
            }

            var players = rows.SelectMany(r => Set(r.Path)).Distinct().Order(StringComparer.Ordinal).ToArray();
            var phi = players.ToDictionary(p => p, _ => 0.0);
            var orders = Orders(players).ToList();
            foreach (var order in orders)
            {
                for (var k = 0; k < order.Length; k++)
                {
                    phi[order[k]] += (V(order.Take(k + 1)) - V(order.Take(k))) / orders.Count;
                }
            }

            return phi;
        }

        private static IEnumerable<string[]> Orders(string[] players) => players.Length <= 1
            ? [players]
            : players.SelectMany(p => Orders([.. players.Where(q => q != p)]).Select(rest => (string[])[p, .. rest]));
    }
}
