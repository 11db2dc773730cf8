using Engagement.Sdk.IO;
using Engagement.Sdk.Tests.Value.Reference;
using Engagement.Sdk.Value;
using FsCheck;
using FsCheck.Fluent;

namespace Engagement.Sdk.Tests.Value;

/// <summary>The published data sets of the spend, BG/BB and sBG tests, and bounded parameter generators.</summary>
internal static class SpendTestData
{
    private static readonly Lazy<CustomerSummaries> CdnowWithValues = new(ReadCdnowWithValues);

    /// <summary>The 2,357 CDNOW sample customers in weeks with their mean repeat value (zbar), from
    /// cdnow_customers_summary_with_transactions.csv; zbar 0 for a customer without repeat purchases is "none".</summary>
    public static CustomerSummaries Cdnow => CdnowWithValues.Value;

    /// <summary>The 11,104 donors of Fader, Hardie &amp; Shang (2010) as 22 recency-frequency cells, from donations.csv.</summary>
    public static IReadOnlyList<DiscreteHistory> Donations() =>
        [.. CdnowData.ReadDonations().Select(row => new DiscreteHistory(row.X, row.Tx, row.N, row.Count))];

    /// <summary>Fader &amp; Hardie (2007), Table 1: survivors of the "regular" cohort in the years the paper fits, 0–7.</summary>
    public static long[] Regular => PublishedEstimates.ShiftedBetaGeometric.Regular[..(PublishedEstimates.ShiftedBetaGeometric.CalibrationYears + 1)];

    /// <summary>Fader &amp; Hardie (2007), Table 1: survivors of the "high end" cohort in the years the paper fits, 0–7.</summary>
    public static long[] HighEnd => PublishedEstimates.ShiftedBetaGeometric.HighEnd[..(PublishedEstimates.ShiftedBetaGeometric.CalibrationYears + 1)];

    /// <summary>
    /// Asserts that a fit of <paramref name="other"/> with <paramref name="diagnostics"/> of another model is refused, by the
    /// constructor and on reading JSON, naming "diagnostics" and the parameter that differs.
    /// </summary>
    public static void AssertMismatchRefused<TModel, TFit>(Func<TModel, FitDiagnostics, TFit> create, TModel other, FitDiagnostics diagnostics, string parameter)
    {
        var e = Assert.Throws<ArgumentException>(() => create(other, diagnostics));
        Assert.Equal("diagnostics", e.ParamName);
        Assert.Contains(parameter, e.Message, StringComparison.Ordinal);

        var json = $$"""{"model":{{System.Text.Json.JsonSerializer.Serialize(other, EngagementJson.GetTypeInfo<TModel>())}},"diagnostics":{{System.Text.Json.JsonSerializer.Serialize(diagnostics, EngagementJson.GetTypeInfo<FitDiagnostics>())}}}""";
        var read = Assert.Throws<System.Text.Json.JsonException>(() => System.Text.Json.JsonSerializer.Deserialize(json, EngagementJson.GetTypeInfo<TFit>()));
        Assert.Equal("diagnostics", Assert.IsType<ArgumentException>(read.InnerException).ParamName);
    }

    /// <summary>A positive parameter in [0.05, 20], drawn on the log scale; shrinks toward 1.</summary>
    public static Gen<double> Parameter { get; } = Gen.Choose(-300, 300).Select(k => Math.Round(Math.Exp(k / 100.0), 4));

    /// <summary>Shrinks a parameter toward 1, then toward round values.</summary>
    public static IEnumerable<double> ShrinkParameter(double value)
    {
        if (value != 1)
        {
            yield return 1;
        }

        var rounded = Math.Round(value, 1);
        if (rounded != value && rounded > 0)
        {
            yield return rounded;
        }
    }

    /// <summary>Shrinks each element of a tuple of parameters in turn.</summary>
    public static IEnumerable<double[]> ShrinkParameters(double[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            foreach (var smaller in ShrinkParameter(values[i]))
            {
                var copy = (double[])values.Clone();
                copy[i] = smaller;
                yield return copy;
            }
        }
    }

    /// <summary>Arrays of <paramref name="count"/> parameters, shrinking toward 1.</summary>
    public static Arbitrary<double[]> Parameters(int count) => Arb.From(Parameter.ArrayOf(count), ShrinkParameters);

    private static CustomerSummaries ReadCdnowWithValues() =>
        new(TimeUnit.Week, [.. CdnowData.ReadSummaryWithValues().Select(row => new CustomerSummary(row.Id, row.X, row.Tx, row.T, row.Zbar))]);
}
