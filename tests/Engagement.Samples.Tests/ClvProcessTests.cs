using System.Globalization;

namespace Engagement.Samples.Tests;

/// <summary>Runs the CLV sample as a user would, as a process, and checks what it prints and returns.</summary>
public class ClvProcessTests
{
    private const string GoodLine = " 00004 0001 19970101  2   29.33";

    [Fact]
    public void ShippedData_ExitsZero_AndPrintsTheCounts()
    {
        var (exit, output, error) = Shipped.Value;

        Assert.True(exit == 0, error);

        // The data's README: 6,919 purchase lines of 2,357 customers who first bought in 1997's first quarter, followed
        // to the end of June 1998; counted here again from the file.
        var lines = RawLines();
        Assert.Equal(6919, lines.Count);
        Assert.Equal(2357, lines.Select(l => l.Customer).Distinct().Count());
        Assert.Contains("6,919 purchases of 2,357 customers, 1997-01-01 to 1998-06-30", output, StringComparison.Ordinal);
        var text = output.ReplaceLineEndings("\n");
        Assert.Matches(@"\ncustomers\s+2357\n", text);
        Assert.Matches(@"\nrepeat buyers \(x > 0\)\s+946\n", text); // FHL 2005 and Fader & Hardie's Gamma-Gamma note: 946 repeat buyers
    }

    [Fact]
    public void BgNbd_ReproducesThePublishedFit()
    {
        var (exit, output, error) = Shipped.Value;
        Assert.True(exit == 0, error);

        // Fader, Hardie & Lee (2005), Section 7, on this sample in weeks: r = 0.243, α = 4.414, a = 0.793, b = 2.426,
        // LL = −9,582.4 — to three significant digits and to 0.1, as the issue asks.
        var estimates = Rows(output, "Fitted parameters").Where(r => r[0] == "BG/NBD").ToDictionary(r => r[1], r => Number(r[2]));
        Assert.Equal(["r", "alpha", "a", "b"], estimates.Keys);
        Assert.Equal(0.243, Significant(estimates["r"]));
        Assert.Equal(4.41, Significant(estimates["alpha"]));
        Assert.Equal(0.793, Significant(estimates["a"]));
        Assert.Equal(2.43, Significant(estimates["b"]));
        var fit = Rows(output, "Fits").Single(r => r[0] == "BG/NBD");
        Assert.Equal("2357", fit[1]);
        Assert.InRange(Number(fit[2]), -9582.4 - 0.1, -9582.4 + 0.1);
        Assert.Equal("Converged", fit[3]);

        // FHL 2005: the 1,411 customers without a repeat purchase were predicted 0.23 purchases each in weeks 40-78.
        var zeroClass = Rows(output, "Holdout purchases (39 weeks) by calibration frequency x").Single(r => r[0] == "0");
        Assert.Equal("0.23", zeroClass[6]);

        // Customer 0001 (x = 2, t_x = 30.43, T = 38.86): E[Y(39)] = 1.226 at the published parameters, from Hardie's
        // BG/NBD spreadsheet as quoted by lifetimes' tests; the fitted parameters agree with those to the third digit.
        var example = System.Text.RegularExpressions.Regex.Match(
            output, @"customer 0001 \(x = 2, t_x = 30\.43, T = 38\.86\): P\(alive\) = [0-9.]+, (?<expected>[0-9.]+) purchases expected in the next 39 weeks");
        Assert.True(example.Success, output);
        Assert.InRange(Number(example.Groups["expected"].Value), 1.226 - 0.002, 1.226 + 0.002);
    }

    [Fact]
    public void ParetoNbdAndGammaGamma_ReproduceThePublishedFits()
    {
        var (exit, output, error) = Shipped.Value;
        Assert.True(exit == 0, error);

        // FHL 2005, Section 7: Pareto/NBD r = 0.553, α = 10.578, s = 0.606, β = 11.669, LL = −9,595.0.
        var estimates = Rows(output, "Fitted parameters").Where(r => r[0] == "Pareto/NBD").ToDictionary(r => r[1], r => Number(r[2]));
        Assert.Equal(["r", "alpha", "s", "beta"], estimates.Keys);
        Assert.Equal(0.553, Significant(estimates["r"]));
        Assert.Equal(10.6, Significant(estimates["alpha"]));
        Assert.Equal(0.606, Significant(estimates["s"]));
        Assert.Equal(11.7, Significant(estimates["beta"]));
        var fits = Rows(output, "Fits");
        var pareto = fits.Single(r => r[0] == "Pareto/NBD");
        Assert.InRange(Number(pareto[2]), -9595.0 - 0.1, -9595.0 + 0.1);

        // Fader & Hardie (2013), "The Gamma-Gamma Model of Monetary Value": p = 6.25, q = 3.74, γ = 15.44 on the 946
        // repeat buyers' mean repeat spend, here taken from the summaries the sample builds from the purchases.
        estimates = Rows(output, "Fitted parameters").Where(r => r[0] == "Gamma-Gamma").ToDictionary(r => r[1], r => Number(r[2]));
        Assert.Equal(["p", "q", "gamma"], estimates.Keys);
        Assert.Equal(6.25, Significant(estimates["p"]));
        Assert.Equal(3.74, Significant(estimates["q"]));
        Assert.Equal(15.4, Significant(estimates["gamma"]));
        Assert.Equal("946", fits.Single(r => r[0] == "Gamma-Gamma")[1]);
        Assert.All(fits, fit => Assert.Equal("Converged", fit[3]));
    }

    [Fact]
    public void TopCustomers_AreRankedByWhatTheTitleSays()
    {
        var (exit, output, error) = Shipped.Value;
        Assert.True(exit == 0, error);

        // Ten customers each, in decreasing order of the ranked column; the CLV table states its margin and discount rate.
        var byPurchases = Rows(output, "Top 10 customers by predicted purchases in the next 39 weeks (BG/NBD)");
        Assert.Equal(10, byPurchases.Count);
        Assert.Equal(byPurchases.Select(r => Number(r[5])).OrderDescending(), byPurchases.Select(r => Number(r[5])));
        var byValue = Rows(output, "Top 10 customers by 52-week discounted CLV (BG/NBD and Gamma-Gamma; 30% margin, 10% a year = 0.183% a week)");
        Assert.Equal(10, byValue.Count);
        Assert.Equal(byValue.Select(r => Number(r[5])).OrderDescending(), byValue.Select(r => Number(r[5])));
    }

    [Fact]
    public void RfmSegments_ListEverySegment_AndCoverEveryCustomer()
    {
        var (exit, output, error) = Shipped.Value;
        Assert.True(exit == 0, error);

        // One row per segment of the default map, in the enum's order; every customer is in exactly one segment.
        var rows = Rows(output, "RFM segments at the calibration end (default map)");
        Assert.Equal(Enum.GetNames<Engagement.Sdk.Value.RfmSegment>(), rows.Select(r => r[0]));
        Assert.Equal(2357, rows.Sum(r => int.Parse(r[1], CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void HoldoutPurchases_ByCalibrationFrequency_MatchTheFile()
    {
        var (exit, output, error) = Shipped.Value;
        Assert.True(exit == 0, error);

        // From the file alone, by the definitions: a customer's purchases on one day are one purchase; calibration is
        // every day up to 1997-09-30 included, x the calibration days after the first; the holdout is 1997-10-01 to
        // 1998-06-30, its purchases the customer's days in it. Classes 0..6 and 7+ as in FHL 2005 Figure 4.
        var calibrationEnd = new DateTime(1997, 9, 30);
        var byCustomer = RawLines()
            .GroupBy(l => l.Customer)
            .Select(g => (
                X: g.Where(l => l.Day <= calibrationEnd).Select(l => l.Day).Distinct().Count() - 1,
                Holdout: g.Where(l => l.Day > calibrationEnd).Select(l => l.Day).Distinct().Count()))
            .ToList();
        Assert.Equal(1411, byCustomer.Count(c => c.X == 0)); // FHL 2005 Section 7: 1,411 customers without a repeat purchase
        Assert.Equal(334, byCustomer.Where(c => c.X == 0).Sum(c => c.Holdout)); // ... who made 334 purchases in weeks 40-78
        var text = output.ReplaceLineEndings("\n");
        foreach (var bucket in byCustomer.GroupBy(c => Math.Min(c.X, 7)))
        {
            var label = bucket.Key == 7 ? "7\\+" : bucket.Key.ToString(CultureInfo.InvariantCulture);
            Assert.Matches($@"\n{label}\s+{bucket.Count()}\s+{bucket.Sum(c => c.Holdout)}\s", text);
        }

        Assert.Matches($@"\ntotal\s+{byCustomer.Count}\s+{byCustomer.Sum(c => c.Holdout)}\s", text);
        Assert.Matches($@"\npurchases in holdout\s+{byCustomer.Sum(c => c.Holdout)}\n", text);
    }

    [Fact]
    public void AFileOfTheSameColumns_IsRead()
    {
        var (exit, output, error) = SampleProcess.RunOnFile(Sample, GoodLine, " 00004 0001 19970118  2   29.73", string.Empty, " 00021 0002 19970101  3   63.34");

        Assert.True(exit == 0, error);
        Assert.Contains("3 purchases of 2 customers, 1997-01-01 to 1997-01-18", output, StringComparison.Ordinal);
    }

    [Fact]
    public void AFewCustomers_GiveEverySection_WithoutANaN()
    {
        // Two customers with one repeat purchase each (x = 1 for both, so x and z̄ cannot correlate) and one holdout
        // purchase; a purchase after 1998-06-30 is left out and said so.
        var (exit, output, error) = SampleProcess.RunOnFile(
            Sample,
            GoodLine,
            " 00004 0001 19970118  2   29.73",
            " 00021 0002 19970101  3   63.34",
            " 00021 0002 19970301  3   63.34",
            " 00021 0002 19971101  3   63.34",
            " 00021 0002 19980701  3   63.34");

        Assert.True(exit == 0, error);
        Assert.Contains("Purchases after 1998-06-30, the end of the holdout, left out: 1.", output, StringComparison.Ordinal);
        Assert.Matches(@"\npurchases in holdout\s+1\n", output.ReplaceLineEndings("\n"));
        Assert.DoesNotContain("NaN", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Correlation of x and z-bar", output, StringComparison.Ordinal);
        Assert.Contains("Top 10 customers by 52-week discounted CLV", output, StringComparison.Ordinal);
        Assert.Contains("RFM segments at the calibration end", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(" 00004 0001 19971301  2   29.33", "Line 2, field 'date': '19971301' is not a yyyyMMdd date.")]
    [InlineData(" 00004 0001 19970101  2   -29.33", "Line 2, field 'dollar_value': ")]
    [InlineData(" 00004 0001 19970101  2   29,33", "Line 2, field 'dollar_value': '29,33' is not a number.")]
    [InlineData(" 00004 0001 19970101  2", "Line 2: expected 5 whitespace-separated fields; got 4.")]
    public void ABadLine_IsReportedByLineAndField_WithExitCodeOne(string line, string expected)
    {
        var (exit, _, error) = SampleProcess.RunOnFile(Sample, GoodLine, line);

        Assert.Equal(1, exit);
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEmptyFile_SaysSo_ADirectoryAndBadArguments_ExitOne()
    {
        var empty = SampleProcess.RunOnFile(Sample);
        Assert.Equal(0, empty.Exit);
        Assert.Equal("The file holds no purchases.", empty.Output.Trim());

        var directory = Run(Path.GetTempPath());
        Assert.Equal(1, directory.Exit);
        Assert.Contains("is a directory", directory.Error, StringComparison.Ordinal);

        var missing = Run(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".txt"));
        Assert.Equal(1, missing.Exit);
        Assert.Contains("Could not find", missing.Error, StringComparison.Ordinal);

        foreach (var arguments in new[] { new[] { "a", "b" }, ["--verbose"] })
        {
            var usage = Run(arguments);
            Assert.Equal(1, usage.Exit);
            Assert.StartsWith("usage:", usage.Error, StringComparison.Ordinal);
        }
    }

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static double Significant(double value, int digits = 3)
    {
        var scale = Math.Pow(10, digits - 1 - (int)Math.Floor(Math.Log10(Math.Abs(value))));
        return Math.Round(value * scale) / scale;
    }

    /// <summary>The cells of the rows of the table whose title starts with <paramref name="title"/> (after its header and
    /// rule lines).</summary>
    private static List<string[]> Rows(string output, string title) =>
        output.ReplaceLineEndings("\n").Split("\n\n")
            .Single(block => block.StartsWith(title, StringComparison.Ordinal))
            .Split('\n').Skip(3)
            .Select(line => line.Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToList();

    /// <summary>The shipped file's lines, parsed here without the library: sample customer id, day, dollars.</summary>
    private static List<(string Customer, DateTime Day, decimal Value)> RawLines() =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "data", "CDNOW_sample.txt"))
            .Where(line => line.Trim().Length > 0)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(f => (f[1], DateTime.ParseExact(f[2], "yyyyMMdd", CultureInfo.InvariantCulture), decimal.Parse(f[4], CultureInfo.InvariantCulture)))
            .ToList();

    private const string Sample = "Engagement.Samples.Clv";

    // The run on the shipped data, made once and read by every test that checks its figures (a run fits three models).
    private static readonly Lazy<(int Exit, string Output, string Error)> Shipped = new(() => Run());

    private static (int Exit, string Output, string Error) Run(params string[] arguments) =>
        SampleProcess.Run(Sample, arguments);
}
