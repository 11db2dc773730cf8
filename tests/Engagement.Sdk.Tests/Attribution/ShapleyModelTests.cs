using System.Text.Json;
using Engagement.Sdk.Attribution;
using Engagement.Sdk.IO;
using Engagement.Sdk.Tests.Support;

namespace Engagement.Sdk.Tests.Attribution;

public class ShapleyModelTests
{
    private const double Tolerance = 1e-12;

    /// <summary>The 2-channel example: A, B, and the journeys that had both (A > B and B > A > B share the set {A, B}).</summary>
    internal static ConversionPaths TwoChannels(double scale = 1) => ShapleyPaths.Of(
        scale,
        ("A", 3, 300, 7),
        ("B", 1, 100, 9),
        ("A > B", 4, 400, 2),
        ("B > A > B", 2, 200, 2));

    /// <summary>The 3-channel example, where C lowers the conversion rate wherever it joins.</summary>
    internal static ConversionPaths ThreeChannels(double scale = 1) => ShapleyPaths.Of(
        scale,
        ("A", 2, 20, 8),
        ("B", 1, 10, 9),
        ("C", 0, 0, 10),
        ("A > B", 5, 50, 5),
        ("C > A", 1, 10, 9),
        ("B > C > A", 3, 30, 7));

    [Fact]
    public void Analyse_TwoChannels_MatchesTheDefinitionWorkedByHand()
    {
        // Coalition values v(S) = conversions / (conversions + nulls) of the journeys whose channel set is S:
        //   v(∅) = 0; v({A}) = 3/(3+7) = 0.3; v({B}) = 1/(1+9) = 0.1; v({A,B}) = (4+2)/(4+2+2+2) = 0.6.
        // n = 2, weights |S|!(n−|S|−1)!/n!: |S| = 0 → 0!1!/2! = 1/2; |S| = 1 → 1!0!/2! = 1/2.
        //   φ_A = 1/2 (v(A) − v(∅)) + 1/2 (v(AB) − v(B)) = 1/2 · 0.3 + 1/2 · 0.5 = 0.4
        //   φ_B = 1/2 (v(B) − v(∅)) + 1/2 (v(AB) − v(A)) = 1/2 · 0.1 + 1/2 · 0.3 = 0.2
        // Σφ = 0.6 = v({A,B}); nothing to clip. Conversions 3+1+4+2 = 10, value 1000, shared 0.4 : 0.2:
        //   A: 10 · 0.4/0.6 = 6.6667, value 666.67; B: 10 · 0.2/0.6 = 3.3333, value 333.33.
        var result = new ShapleyModel().Analyse(TwoChannels());

        Assert.True(result.Exact);
        Assert.Equal(0, result.Samples);
        Assert.Equal(new[] { "A", "B" }, result.Values.Select(v => v.Channel));
        Assert.Equal(0.4, result.Values[0].Value, Tolerance);
        Assert.Equal(0.2, result.Values[1].Value, Tolerance);
        Assert.All(result.Values, v => Assert.Equal(0, v.StandardError));
        var attribution = result.Attribution;
        Assert.Equal("shapley", attribution.Model);
        Assert.Equal(10, attribution.Conversions);
        Assert.Equal(20.0 / 3, attribution["A"].Conversions, 1e-9);
        Assert.Equal(10.0 / 3, attribution["B"].Conversions, 1e-9);
        Assert.Equal(2000.0 / 3, attribution["A"].Value, 1e-9);
        Assert.Equal(1000.0 / 3, attribution["B"].Value, 1e-9);
        Assert.Equal(2.0 / 3, attribution["A"].Share!.Value, 1e-12);
    }

    [Fact]
    public void DocsExample_PrintsTheDocumentedCredits()
    {
        // The snippet of docs/attribution.md ("Shapley values"), with Console.WriteLine into a list.
        var lines = new List<string>();
        var paths = ConversionPaths.Create([
            AggregatedPath.Parse("A", conversions: 3, value: 300, nulls: 7),
            AggregatedPath.Parse("B", 1, 100, 9),
            AggregatedPath.Parse("A > B", 4, 400, 2),
            AggregatedPath.Parse("B > A > B", 2, 200, 2)]);
        var shapley = new ShapleyModel().Analyse(paths);
        foreach (var v in shapley.Values)
        {
            lines.Add(FormattableString.Invariant($"{v.Channel}: φ = {v.Value:0.###}, {shapley.Attribution[v.Channel].Conversions:0.##} conversions"));
        }

        Assert.Equal(["A: φ = 0.4, 6.67 conversions", "B: φ = 0.2, 3.33 conversions"], lines);
    }

    [Fact]
    public void Analyse_ThreeChannels_MatchesTheDefinitionWorkedByHand_AndClipsTheNegativeValue()
    {
        // v(∅) = 0; v(A) = 2/10 = 0.2; v(B) = 1/10 = 0.1; v(C) = 0/10 = 0; v(AB) = 5/10 = 0.5; v(AC) = 1/10 = 0.1
        // (C > A); v(BC) = 0 (no journey had exactly {B, C}); v(ABC) = 3/10 = 0.3 (B > C > A).
        // n = 3, weights: |S| = 0 → 0!2!/3! = 1/3; |S| = 1 → 1!1!/3! = 1/6; |S| = 2 → 2!0!/3! = 1/3.
        //   φ_A = 1/3 (0.2 − 0) + 1/6 (v(AB) − v(B) = 0.4) + 1/6 (v(AC) − v(C) = 0.1) + 1/3 (v(ABC) − v(BC) = 0.3)
        //       = 0.066667 + 0.066667 + 0.016667 + 0.1 = 0.25
        //   φ_B = 1/3 (0.1) + 1/6 (v(AB) − v(A) = 0.3) + 1/6 (v(BC) − v(C) = 0) + 1/3 (v(ABC) − v(AC) = 0.2)
        //       = 0.033333 + 0.05 + 0 + 0.066667 = 0.15
        //   φ_C = 1/3 (0) + 1/6 (v(AC) − v(A) = −0.1) + 1/6 (v(BC) − v(B) = −0.1) + 1/3 (v(ABC) − v(AB) = −0.2)
        //       = −0.016667 − 0.016667 − 0.066667 = −0.1
        // Σφ = 0.3 = v(ABC). C's φ is clipped to 0 (it is on converting paths, yet earns nothing). Conversions
        // 2+1+0+5+1+3 = 12, value 120, shared 0.25 : 0.15: A 12 · 0.25/0.4 = 7.5 (value 75); B 4.5 (45); C 0.
        var result = new ShapleyModel().Analyse(ThreeChannels());

        Assert.True(result.Exact);
        Assert.Equal(0.25, result.Values[0].Value, Tolerance);
        Assert.Equal(0.15, result.Values[1].Value, Tolerance);
        Assert.Equal(-0.1, result.Values[2].Value, Tolerance);
        var attribution = result.Attribution;
        Assert.Equal(7.5, attribution["A"].Conversions, 1e-9);
        Assert.Equal(4.5, attribution["B"].Conversions, 1e-9);
        Assert.Equal(0, attribution["C"].Conversions);
        Assert.Equal(75, attribution["A"].Value, 1e-9);
        Assert.Equal(45, attribution["B"].Value, 1e-9);
        Assert.Equal(0, attribution["C"].Value);
    }

    [Fact]
    public void Analyse_NoValueAboveZero_SplitsEachConvertingPathAmongItsChannels()
    {
        // v(A) = 1/2 = v(B) = 2/4, v(AB) = 0/3 = 0: φ_A = 1/2 (0.5) + 1/2 (0 − 0.5) = 0 and likewise φ_B = 0, yet there
        // are 3 conversions. Fallback: each converting path split equally among its distinct channels: A gets path A's
        // 1 conversion (value 10), B gets path B's 2 (value 40); A > B has no conversions.
        var result = new ShapleyModel().Analyse(ShapleyPaths.Of(1, ("A", 1, 10, 1), ("B", 2, 40, 2), ("A > B", 0, 0, 3)));

        Assert.All(result.Values, v => Assert.Equal(0, v.Value, Tolerance));
        Assert.Equal(1, result.Attribution["A"].Conversions, 1e-12);
        Assert.Equal(2, result.Attribution["B"].Conversions, 1e-12);
        Assert.Equal(10, result.Attribution["A"].Value, 1e-12);
        Assert.Equal(40, result.Attribution["B"].Value, 1e-12);
    }

    [Fact]
    public void Analyse_ChannelWithOnlyACost_HasValueZeroAndNoCredit()
    {
        var paths = ConversionPaths.Create(
            [AggregatedPath.Parse("A > B", 2, 20, 2), AggregatedPath.Parse("A", 1, 10, 3)],
            new Dictionary<string, double> { ["tv"] = 500 });

        var result = new ShapleyModel().Analyse(paths);

        Assert.Equal(new[] { "A", "B", "tv" }, result.Values.Select(v => v.Channel));
        Assert.Equal(0, result.Values[2].Value);
        Assert.Equal(0, result.Attribution["tv"].Conversions);
        Assert.Equal(500, result.Attribution["tv"].Cost);
    }

    [Fact]
    public void Analyse_WithoutConversions_HasNoValue()
    {
        var nulls = new ShapleyModel().Analyse(ShapleyPaths.Of(1, ("A > B", 0, 0, 5), ("B", 0, 0, 1)));
        var empty = new ShapleyModel(exactChannelLimit: 0).Analyse(ConversionPaths.Create(Array.Empty<AggregatedPath>()));

        Assert.False(nulls.Attribution.HasValue);
        Assert.All(nulls.Values, v => Assert.Equal(0, v.Value));
        Assert.All(nulls.Attribution.Channels, c => Assert.Equal(0, c.Conversions));
        Assert.False(empty.Attribution.HasValue);
        Assert.Empty(empty.Values);
    }

    [Fact]
    public void MonteCarlo_SameSeed_SameBits_AndAnotherSeedDiffers()
    {
        var model = new ShapleyModel(exactChannelLimit: 2, samples: 2_000, seed: 7);
        var first = model.Analyse(ThreeChannels());
        var again = model.Analyse(ThreeChannels());
        var other = new ShapleyModel(exactChannelLimit: 2, samples: 2_000, seed: 8).Analyse(ThreeChannels());

        Assert.False(first.Exact);
        Assert.Equal(2_000, first.Samples);
        Assert.Equal(7, first.Seed);
        Assert.Equal(first.Values, again.Values);
        Assert.Equal(first.Attribution.Channels, again.Attribution.Channels);
        Assert.NotEqual(first.Values, other.Values);
    }

    [Fact]
    public void MonteCarlo_BelowTheLimit_AgreesWithExactWithinFourStandardErrors()
    {
        var exact = new ShapleyModel().Analyse(ThreeChannels());
        var estimate = new ShapleyModel(exactChannelLimit: 2, samples: 20_000, seed: 3).Analyse(ThreeChannels());

        for (var c = 0; c < 3; c++)
        {
            var error = estimate.Values[c].StandardError;
            Assert.InRange(error, 1e-4, 0.01);
            Assert.InRange(estimate.Values[c].Value, exact.Values[c].Value - (4 * error), exact.Values[c].Value + (4 * error));
        }
    }

    [Fact]
    public void MonteCarlo_StandardErrors_ShrinkWithSamples()
    {
        // The standard error of a mean falls as 1/√samples: 100 times the samples, a tenth of the error.
        var few = new ShapleyModel(exactChannelLimit: 0, samples: 400, seed: 1).Analyse(ThreeChannels());
        var many = new ShapleyModel(exactChannelLimit: 0, samples: 40_000, seed: 1).Analyse(ThreeChannels());

        for (var c = 0; c < 3; c++)
        {
            var ratio = many.Values[c].StandardError / few.Values[c].StandardError;
            Assert.InRange(ratio, 0.07, 0.14);
        }
    }

    [Fact]
    public void MonteCarlo_ManyChannels_AddsUpToTheWholeCoalitionsValue()
    {
        // 24 channels (above the exact maximum of 20). Every order's contributions telescope to v(N), so the estimates
        // add up to it whatever the samples: v(N) = 3/(3+1) for the one journey with all 24 channels.
        var all = string.Join(" > ", Enumerable.Range(0, 24).Select(i => $"c{i:00}"));
        var rows = Enumerable.Range(0, 24).Select(i => ($"c{i:00}", (double)(i % 3), 5.0 * (i % 3), 4.0))
            .Append((all, 3.0, 30.0, 1.0)).Append(("c00 > c05 > c17", 2.0, 20.0, 2.0)).ToArray();
        var result = new ShapleyModel(samples: 500, seed: 2).Analyse(ShapleyPaths.Of(1, rows));

        Assert.False(result.Exact);
        Assert.Equal(0.75, result.Values.Sum(v => v.Value), 1e-12);
        Assert.Equal(result.Attribution.Conversions, result.Attribution.Channels.Sum(c => c.Conversions), 1e-9);
    }

    [Fact]
    public void Analyse_Cancelled_Throws()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.Throws<OperationCanceledException>(() => new ShapleyModel().Analyse(ThreeChannels(), cancellation.Token));
        Assert.Throws<OperationCanceledException>(() => new ShapleyModel(exactChannelLimit: 0).Analyse(ThreeChannels(), cancellation.Token));
    }

    [Theory]
    [InlineData(-1, 20_000, "exactChannelLimit", "-1")]
    [InlineData(21, 20_000, "exactChannelLimit", "21")]
    [InlineData(15, 1, "samples", "1")]
    [InlineData(15, -5, "samples", "-5")]
    public void Constructor_BadNumbers_Throw(int limit, int samples, string param, string echoed)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new ShapleyModel(limit, samples));

        Assert.Equal(param, e.ParamName);
        Assert.Contains(echoed, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_BadName_AndNullPaths_Throw()
    {
        var name = Assert.Throws<ArgumentException>(() => new ShapleyModel(name: " shapley"));
        var paths = Assert.Throws<ArgumentNullException>(() => new ShapleyModel().Attribute(null!));

        Assert.Equal("name", name.ParamName);
        Assert.Contains("' shapley'", name.Message, StringComparison.Ordinal);
        Assert.Equal("paths", paths.ParamName);
    }

    [Fact]
    public void Equality_IsOverParametersAndName()
    {
        Assert.Equal(new ShapleyModel(), new ShapleyModel(15, 20_000, 0, "shapley"));
        Assert.True(new ShapleyModel(seed: 1) == new ShapleyModel(seed: 1));
        Assert.True(new ShapleyModel(seed: 1) != new ShapleyModel(seed: 2));
        Assert.NotEqual(new ShapleyModel(), new ShapleyModel(name: "shapley-2"));
        Assert.NotEqual(new ShapleyModel(), new ShapleyModel(exactChannelLimit: 12));
        Assert.Equal(new ShapleyModel(samples: 9).GetHashCode(), new ShapleyModel(samples: 9).GetHashCode());
    }

    [Fact]
    public void Json_ModelAndResultRoundTrip_AndReadingValidates()
    {
        var model = new ShapleyModel(12, 5_000, 4, "shapley-mc");
        Assert.Equal(model, Json.RoundTrip(model, EngagementJson.GetTypeInfo<ShapleyModel>()).Value);

        var result = new ShapleyModel(exactChannelLimit: 0, samples: 100).Analyse(ThreeChannels());
        var (read, text) = Json.RoundTrip(result, EngagementJson.GetTypeInfo<ShapleyResult>());
        Assert.Equal(result.Values, read.Values);
        Assert.Equal(result.Attribution.Channels, read.Attribution.Channels);
        Assert.Equal((result.Exact, result.Samples, result.Seed), (read.Exact, read.Samples, read.Seed));
        Assert.Contains("\"standardError\":", text, StringComparison.Ordinal);

        var bad = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(
            """{"exactChannelLimit":21,"samples":10,"seed":0,"name":"shapley"}""", EngagementJson.GetTypeInfo<ShapleyModel>()));
        Assert.Equal("exactChannelLimit", Assert.IsType<ArgumentOutOfRangeException>(bad.InnerException).ParamName);
        var exactWithSamples = text.Replace("\"exact\":false", "\"exact\":true", StringComparison.Ordinal);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(exactWithSamples, EngagementJson.GetTypeInfo<ShapleyResult>()));
    }

    [Fact]
    public void ShapleyValue_And_Result_RejectBadInput()
    {
        Assert.Equal("value", Assert.Throws<ArgumentOutOfRangeException>(() => new ShapleyValue("A", 1.5, 0)).ParamName);
        Assert.Equal("value", Assert.Throws<ArgumentOutOfRangeException>(() => new ShapleyValue("A", double.NaN, 0)).ParamName);
        Assert.Equal("standardError", Assert.Throws<ArgumentOutOfRangeException>(() => new ShapleyValue("A", 0.1, -1)).ParamName);
        var attribution = new ShapleyModel().Attribute(TwoChannels());
        var swapped = new[] { new ShapleyValue("B", 0.2, 0), new ShapleyValue("A", 0.4, 0) };
        var e = Assert.Throws<ArgumentException>(() => new ShapleyResult(attribution, true, 0, 0, swapped));
        Assert.Equal("values", e.ParamName);
        Assert.Contains("'B'", e.Message, StringComparison.Ordinal);
        Assert.Equal("samples", Assert.Throws<ArgumentOutOfRangeException>(
            () => new ShapleyResult(attribution, false, 1, 0, [new ShapleyValue("A", 0.4, 0), new ShapleyValue("B", 0.2, 0)])).ParamName);
    }
}

/// <summary>Builds the test paths from rows of (path, conversions, value, nulls), every count times a scale.</summary>
internal static class ShapleyPaths
{
    public static ConversionPaths Of(double scale, params (string Path, double Conversions, double Value, double Nulls)[] rows) =>
        ConversionPaths.Create(rows.Select(r => AggregatedPath.Parse(r.Path, r.Conversions * scale, r.Value * scale, r.Nulls * scale)));
}
