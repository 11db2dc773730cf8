using System.Globalization;
using BenchmarkDotNet.Attributes;
using Engagement.Sdk.Value;

namespace Engagement.Sdk.Benchmarks.Value;

/// <summary>BG/NBD and Pareto/NBD fits on CDNOW, and fit + predict on a million customers drawn from the BG/NBD.</summary>
[MemoryDiagnoser]
public class BtydBenchmarks
{
    private CustomerSummaries _cdnow = null!;
    private CustomerSummaries _million = null!;

    [GlobalSetup]
    public void Setup()
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "data", "cdnow_customers_summary.csv"));
        var frequency = new int[lines.Length - 1];
        var recency = new double[lines.Length - 1];
        var age = new double[lines.Length - 1];
        for (var i = 1; i < lines.Length; i++)
        {
            var fields = lines[i].Split(',');
            frequency[i - 1] = int.Parse(fields[1], CultureInfo.InvariantCulture);
            recency[i - 1] = double.Parse(fields[2], CultureInfo.InvariantCulture);
            age[i - 1] = double.Parse(fields[3], CultureInfo.InvariantCulture);
        }

        _cdnow = CustomerSummaries.FromColumns(TimeUnit.Week, frequency, recency, age);
        _million = BgNbdSimulation.Draw(1_000_000, 0.243, 4.414, 0.793, 2.426, seed: 20260127);
        var fit = BgNbdModel.Fit(_million);
        Console.WriteLine($"// 1M recovery (true r 0.243, alpha 4.414, a 0.793, b 2.426): {fit.Model}; {fit.Diagnostics.Status}");
    }

    /// <summary>BG/NBD fit on the 2,357 CDNOW customers.</summary>
    [Benchmark]
    public BgNbdFit BgNbdFitCdnow() => BgNbdModel.Fit(_cdnow);

    /// <summary>Pareto/NBD fit on the 2,357 CDNOW customers.</summary>
    [Benchmark]
    public ParetoNbdFit ParetoNbdFitCdnow() => ParetoNbdModel.Fit(_cdnow);

    /// <summary>BG/NBD fit on a million drawn customers, then their conditional expectations over 39 weeks.</summary>
    [Benchmark]
    public double[] BgNbdFitAndPredictMillion() => BgNbdModel.Fit(_million).Model.ConditionalExpectedPurchases(_million, 39);
}
