using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Engagement.Sdk.Value;
using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace Engagement.Sdk.Benchmarks.Value;

/// <summary>
/// The spend part of customer value: the Gamma-Gamma fit on the 946 CDNOW repeat buyers and the BG/BB fit on the 11,104
/// donors (<c>donations.csv</c>), each against what a user without the library would write — Nelder–Mead over the log
/// parameters of a LINQ log-likelihood, as the Python peers do by default (the baselines) — and discounted CLV of
/// synthetic customers over 12 monthly periods from a weekly BG/NBD and a Gamma-Gamma model, against a LINQ loop over
/// the customers on one core.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class SpendBenchmarks
{
    private static readonly ClvOptions Year = new(12, TimeUnit.Month, 0.01, 0.3);

    private CustomerSummaries _cdnow = null!;
    private (int X, double Z)[] _repeatBuyers = [];
    private DiscreteHistory[] _donations = [];
    private CustomerSummaries _synthetic = null!;
    private readonly BgNbdModel _purchases = new(0.243, 4.414, 0.793, 2.426, TimeUnit.Week);
    private readonly GammaGammaModel _spend = new(6.25, 3.74, 15.44);

    /// <summary>The number of synthetic customers valued.</summary>
    [Params(100_000)]
    public int Customers { get; set; }

    /// <summary>Reads the data and draws the synthetic customers (fixed seed).</summary>
    [GlobalSetup]
    public void Setup()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "data");
        var rows = File.ReadLines(Path.Combine(folder, "cdnow_customers_summary_with_transactions.csv")).Skip(1)
            .Select(line => line.TrimEnd('\r').Split(',')).ToArray();
        _cdnow = CustomerSummaries.FromColumns(
            TimeUnit.Week,
            rows.Select(f => int.Parse(f[1], CultureInfo.InvariantCulture)).ToArray(),
            rows.Select(f => double.Parse(f[2], CultureInfo.InvariantCulture)).ToArray(),
            rows.Select(f => double.Parse(f[3], CultureInfo.InvariantCulture)).ToArray(),
            rows.Select(f => f[1] == "0" ? double.NaN : double.Parse(f[4], CultureInfo.InvariantCulture)).ToArray());
        _repeatBuyers = rows.Where(f => f[1] != "0").Select(f => (int.Parse(f[1], CultureInfo.InvariantCulture), double.Parse(f[4], CultureInfo.InvariantCulture)))
            .Where(c => c.Item2 > 0).ToArray();
        _donations = File.ReadLines(Path.Combine(folder, "donations.csv")).Skip(1)
            .Select(line => line.Split(',').Select(f => int.Parse(f, CultureInfo.InvariantCulture)).ToArray())
            .Select(f => new DiscreteHistory(f[0], f[1], f[2], f[3])).ToArray();

        var random = new Random(8);
        var frequency = new int[Customers];
        var recency = new double[Customers];
        var t = new double[Customers];
        var monetary = new double[Customers];
        for (var i = 0; i < Customers; i++)
        {
            t[i] = 1 + (random.NextDouble() * 77);
            frequency[i] = random.Next(4) == 0 ? random.Next(1, 20) : 0;
            recency[i] = frequency[i] == 0 ? 0 : t[i] * random.NextDouble();
            monetary[i] = frequency[i] == 0 ? double.NaN : 5 + (random.NextDouble() * 100);
        }

        _synthetic = CustomerSummaries.FromColumns(TimeUnit.Week, frequency, recency, t, monetary);
    }

    /// <summary>Nelder–Mead over log p, log q, log γ of a LINQ Gamma-Gamma log-likelihood.</summary>
    /// <returns>p.</returns>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("GammaGammaFit")]
    public double GammaGammaNelderMead() => NelderMead([1, 2, 30], theta => _repeatBuyers.Sum(c =>
    {
        var (p, q, gamma) = (theta[0], theta[1], theta[2]);
        return SpecialFunctions.GammaLn((p * c.X) + q) - SpecialFunctions.GammaLn(p * c.X) - SpecialFunctions.GammaLn(q) + (q * Math.Log(gamma))
            + (p * c.X * Math.Log(c.X)) + (((p * c.X) - 1) * Math.Log(c.Z)) - (((p * c.X) + q) * Math.Log(gamma + (c.X * c.Z)));
    }))[0];

    /// <summary><see cref="GammaGammaModel.Fit"/>: BFGS with the analytic gradient, then standard errors.</summary>
    /// <returns>p.</returns>
    [Benchmark]
    [BenchmarkCategory("GammaGammaFit")]
    public double GammaGammaFit() => GammaGammaModel.Fit(_cdnow).Model.P;

    /// <summary>Nelder–Mead over the log parameters of a LINQ BG/BB log-likelihood (FHS 2010 eq. 5).</summary>
    /// <returns>α.</returns>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("BgBbFit")]
    public double BgBbNelderMead() => NelderMead([1, 1, 1, 1], theta => _donations.Sum(h =>
    {
        var (a, b, g, d) = (theta[0], theta[1], theta[2], theta[3]);
        double B(double x, double y) => Math.Exp(SpecialFunctions.BetaLn(x, y));
        var likelihood = B(a + h.Frequency, b + h.Periods - h.Frequency) / B(a, b) * B(g, d + h.Periods) / B(g, d)
            + Enumerable.Range(0, h.Periods - h.Recency).Sum(i =>
                B(a + h.Frequency, b + h.Recency - h.Frequency + i) / B(a, b) * B(g + 1, d + h.Recency + i) / B(g, d));
        return h.Count * Math.Log(likelihood);
    }))[0];

    /// <summary><see cref="BgBbModel.Fit"/>: BFGS with a numerical gradient, then standard errors.</summary>
    /// <returns>α.</returns>
    [Benchmark]
    [BenchmarkCategory("BgBbFit")]
    public double BgBbFit() => BgBbModel.Fit(_donations).Model.Alpha;

    /// <summary>The CLV sum written with LINQ over the materialised customers, one core, E[X] twice per period.</summary>
    /// <returns>The total value.</returns>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("DiscountedClv")]
    public double ClvLinq()
    {
        var step = TimeUnits.Days(TimeUnit.Month) / TimeUnits.Days(TimeUnit.Week);
        return _synthetic.Customers.Sum(c =>
        {
            var value = _spend.ConditionalExpectedAverageValue(c.Frequency, c.MonetaryValue ?? 0) * Year.MarginRate;
            return Enumerable.Range(1, Year.Periods).Sum(k =>
                (_purchases.ConditionalExpectedPurchases(k * step, c.Frequency, c.Recency, c.T)
                    - _purchases.ConditionalExpectedPurchases((k - 1) * step, c.Frequency, c.Recency, c.T))
                * value / Math.Pow(1 + Year.DiscountRate, k));
        });
    }

    /// <summary><see cref="CustomerLifetimeValue.Discounted"/> over the columns, on all cores.</summary>
    /// <returns>The total value.</returns>
    [Benchmark]
    [BenchmarkCategory("DiscountedClv")]
    public double ClvLibrary() => CustomerLifetimeValue.Discounted(_purchases, _spend, _synthetic, Year).Sum();

    private static double[] NelderMead(double[] start, Func<double[], double> logLikelihood)
    {
        var objective = ObjectiveFunction.Value(phi =>
        {
            var value = -logLikelihood([.. phi.Select(value => Math.Exp(value))]);
            return double.IsFinite(value) ? value : double.MaxValue;
        });
        var result = new NelderMeadSimplex(1e-8, 5000).FindMinimum(objective, Vector<double>.Build.DenseOfArray([.. start.Select(value => Math.Log(value))]));
        return [.. result.MinimizingPoint.Select(value => Math.Exp(value))];
    }
}
