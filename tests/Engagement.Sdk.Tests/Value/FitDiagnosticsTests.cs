using System.Text.Json;
using Engagement.Sdk.IO;
using Engagement.Sdk.Tests.Support;
using Engagement.Sdk.Value;

namespace Engagement.Sdk.Tests.Value;

/// <summary>The public types of the fitting core: validation, derived intervals, equality and strict JSON.</summary>
public class FitDiagnosticsTests
{
    [Fact]
    public void ModelFitOptions_Default_IsPlainMaximumLikelihood()
    {
        var options = ModelFitOptions.Default;

        Assert.Equal(0, options.L2Penalty);
        Assert.Equal(500, options.MaxIterations);
        Assert.Equal(1e-8, options.Tolerance);
        Assert.Equal(0, options.MaxDegreeOfParallelism);
        Assert.Equal(new ModelFitOptions(), options);
        Assert.NotEqual(new ModelFitOptions(l2Penalty: 0.1), options);
        Assert.Equal("L2 0, 500 iterations, tolerance 1E-08, parallelism 0", options.ToString());
    }

    [Theory]
    [InlineData(-0.1, 500, 1e-8, 0, "l2Penalty", -0.1)]
    [InlineData(double.NaN, 500, 1e-8, 0, "l2Penalty", double.NaN)]
    [InlineData(double.PositiveInfinity, 500, 1e-8, 0, "l2Penalty", double.PositiveInfinity)]
    [InlineData(0, 0, 1e-8, 0, "maxIterations", 0)]
    [InlineData(0, 500, 0.0, 0, "tolerance", 0.0)]
    [InlineData(0, 500, 1.0, 0, "tolerance", 1.0)]
    [InlineData(0, 500, double.NaN, 0, "tolerance", double.NaN)]
    [InlineData(0, 500, 1e-8, -1, "maxDegreeOfParallelism", -1)]
    public void ModelFitOptions_OutOfRange_ThrowsNamingTheArgument(
        double penalty, int iterations, double tolerance, int parallelism, string name, object value)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new ModelFitOptions(penalty, iterations, tolerance, parallelism));

        Assert.Equal(name, e.ParamName);
        Assert.Equal(value, e.ActualValue);
    }

    [Fact]
    public void ParameterEstimate_Interval_IsWaldOnTheLogScale()
    {
        // SE(log θ) = SE / θ = 0.25, so the bounds are 2 · exp(∓1.959964 · 0.25) = 1.2253, 3.2645.
        var estimate = new ParameterEstimate("r", 2, 0.5);

        Assert.Equal(2 * Math.Exp(-1.959963984540054 * 0.25), estimate.LowerBound!.Value, 12);
        Assert.Equal(2 * Math.Exp(1.959963984540054 * 0.25), estimate.UpperBound!.Value, 12);
        Assert.Equal(1.2253, estimate.LowerBound!.Value, 4);
        Assert.Equal("r = 2 (SE 0.5)", estimate.ToString());
    }

    [Fact]
    public void ParameterEstimate_WithoutStandardError_HasNoInterval()
    {
        var estimate = new ParameterEstimate("alpha", 4.4, null);

        Assert.Null(estimate.LowerBound);
        Assert.Null(estimate.UpperBound);
        Assert.Equal("alpha = 4.4 (SE unknown)", estimate.ToString());
    }

    [Theory]
    [InlineData(0.0, 0.1, "value")]
    [InlineData(-1.0, 0.1, "value")]
    [InlineData(double.NaN, 0.1, "value")]
    [InlineData(1.0, -0.1, "standardError")]
    [InlineData(1.0, double.PositiveInfinity, "standardError")]
    public void ParameterEstimate_OutOfRange_ThrowsNamingTheArgument(double value, double error, string name)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new ParameterEstimate("r", value, error));

        Assert.Equal(name, e.ParamName);
        Assert.Equal(name == "value" ? value : error, e.ActualValue);
    }

    [Fact]
    public void ParameterEstimate_BlankName_Throws() =>
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => new ParameterEstimate(" ", 1, null)).ParamName);

    [Fact]
    public void FitDiagnostics_Indexer_FindsByName()
    {
        var diagnostics = Sample();

        Assert.Equal(0.243, diagnostics["r"].Value);
        Assert.Throws<KeyNotFoundException>(() => diagnostics["s"]);
        Assert.Equal(Sample(), diagnostics);
        Assert.Equal(Sample().GetHashCode(), diagnostics.GetHashCode());
        Assert.StartsWith("Converged after 31 iterations, LL = -9582.43: r = 0.243", diagnostics.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void FitDiagnostics_RepeatedName_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => new FitDiagnostics(
            [new ParameterEstimate("r", 1, null), new ParameterEstimate("r", 2, null)], -1, 0, 1, 1, 1, FitStatus.Converged, 0, null));

        Assert.Equal("parameters", e.ParamName);
        Assert.Contains("'r'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FitDiagnostics_NoParameters_Throws() =>
        Assert.Equal("parameters", Assert.Throws<ArgumentException>(
            () => new FitDiagnostics([], -1, 0, 1, 1, 1, FitStatus.Converged, 0, null)).ParamName);

    [Fact]
    public void FitDiagnostics_PositiveLogLikelihood_IsLegal()
    {
        var diagnostics = new FitDiagnostics([new ParameterEstimate("r", 1, null)], 12.5, 0, 1, 3, 3, FitStatus.Failed, 0, null);

        Assert.Equal(12.5, diagnostics.LogLikelihood);
    }

    [Theory]
    [InlineData(double.NaN, 0, 1, 0, 1, 0.0, "logLikelihood")]
    [InlineData(-1, -1, 1, 0, 1, 0.0, "l2Penalty")]
    [InlineData(-1, 0, -1, 0, 1, 0.0, "observations")]
    [InlineData(-1, 0, 1, -1, 1, 0.0, "iterations")]
    [InlineData(-1, 0, 1, 0, 0, 0.0, "evaluations")]
    [InlineData(-1, 0, 1, 0, 1, -1.0, "gradientNorm")]
    public void FitDiagnostics_OutOfRange_ThrowsNamingTheField(
        double ll, double penalty, double observations, int iterations, int evaluations, double gradient, string name)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new FitDiagnostics(
            [new ParameterEstimate("r", 1, null)], ll, penalty, observations, iterations, evaluations, FitStatus.Failed, gradient, null));

        Assert.Equal(name, e.ParamName);
    }

    [Fact]
    public void FitDiagnostics_ConvergedWithoutGradientNorm_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new FitDiagnostics(
            [new ParameterEstimate("r", 1, null)], -1, 0, 1, 1, 1, FitStatus.Converged, null, null));

        Assert.Equal("gradientNorm", e.ParamName);
        Assert.Null(new FitDiagnostics([new ParameterEstimate("r", 1, null)], -1, 0, 1, 1, 1, FitStatus.Failed, null, "why").GradientNorm);
    }

    [Fact]
    public void FitDiagnostics_UndefinedStatusOrBlankMessage_Throws()
    {
        Assert.Equal("status", Assert.Throws<ArgumentOutOfRangeException>(() => new FitDiagnostics(
            [new ParameterEstimate("r", 1, null)], -1, 0, 1, 1, 1, (FitStatus)7, 0, null)).ParamName);
        Assert.Equal("message", Assert.Throws<ArgumentException>(() => new FitDiagnostics(
            [new ParameterEstimate("r", 1, null)], -1, 0, 1, 1, 1, FitStatus.Converged, 0, "")).ParamName);
    }

    [Fact]
    public void Json_RoundTripsEveryType()
    {
        var diagnostics = Sample();
        var (read, text) = Json.RoundTrip(diagnostics, EngagementJson.GetTypeInfo<FitDiagnostics>());
        Assert.Equal(diagnostics, read);
        Assert.Contains("\"status\":\"Converged\"", text, StringComparison.Ordinal);
        Assert.Contains("\"lowerBound\":", text, StringComparison.Ordinal);

        var options = new ModelFitOptions(0.5, 100, 1e-6, 2);
        Assert.Equal(options, Json.RoundTrip(options, EngagementJson.GetTypeInfo<ModelFitOptions>()).Value);
        Assert.Equal(FitStatus.IterationLimit, Json.RoundTrip(FitStatus.IterationLimit, EngagementJson.GetTypeInfo<FitStatus>()).Value);
        var estimate = new ParameterEstimate("b", 2.4, null);
        Assert.Equal(estimate, Json.RoundTrip(estimate, EngagementJson.GetTypeInfo<ParameterEstimate>()).Value);
    }

    [Fact]
    public void Json_InvalidValuesOrAWrongDerivedBound_AreRejected()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(
            """{"l2Penalty":-1,"maxIterations":500,"tolerance":1e-8,"maxDegreeOfParallelism":0}""", EngagementJson.GetTypeInfo<ModelFitOptions>()));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(
            """{"name":"r","value":2,"standardError":0.5,"lowerBound":1,"upperBound":3.2645}""", EngagementJson.GetTypeInfo<ParameterEstimate>()));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("\"Diverged\"", EngagementJson.GetTypeInfo<FitStatus>()));
    }

    private static FitDiagnostics Sample() => new(
        [new ParameterEstimate("r", 0.243, 0.0126), new ParameterEstimate("alpha", 4.414, 0.38)],
        -9582.43, 0, 2357, 31, 90, FitStatus.Converged, 1e-9, null);
}
