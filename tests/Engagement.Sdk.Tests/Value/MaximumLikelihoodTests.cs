using Engagement.Sdk.Value;

namespace Engagement.Sdk.Tests.Value;

/// <summary>The shared fitting core on toy likelihoods whose maximum and information are known in closed form.</summary>
public class MaximumLikelihoodTests
{
    // Exponential sample 0.5, 1.5, 2: LL(λ) = n ln λ − λ Σx = 3 ln λ − 4λ, so λ̂ = n / Σx = 0.75 and the Fisher
    // information is n / λ² = 3 / 0.5625, giving SE = λ̂ / √n = 0.75 / √3 = 0.4330127.
    private static readonly double[] Exponential = [0.5, 1.5, 2];

    // Normal sample 1, 2, 3, 4, 6 (both parameters positive): μ̂ = x̄ = 3.2, σ̂² = Σ(x − x̄)² / n = 14.8 / 5 = 2.96. The
    // information is diagonal at the optimum, n / σ² for μ and 2n / σ² for σ, so SE(μ) = σ̂ / √5 and SE(σ) = σ̂ / √10.
    private static readonly double[] Normal = [1, 2, 3, 4, 6];

    [Fact]
    public void Fit_Exponential_FindsTheClosedFormEstimateAndStandardError()
    {
        var fit = MaximumLikelihood.Fit(["lambda"], [1.0], ExponentialLl, ExponentialLlAndGradient, ModelFitOptions.Default, 3, default);

        Assert.Equal(FitStatus.Converged, fit.Diagnostics.Status);
        Assert.Equal(0.75, fit.Estimates[0], 8);
        var lambda = fit.Diagnostics["lambda"];
        Assert.Equal(0.75, lambda.Value, 8);
        Assert.Equal(0.75 / Math.Sqrt(3), lambda.StandardError!.Value, 6);
        // LL(0.75) = 3 ln 0.75 − 3.
        Assert.Equal((3 * Math.Log(0.75)) - 3, fit.Diagnostics.LogLikelihood, 12);
        Assert.Equal(3, fit.Diagnostics.Observations);
        Assert.Equal(0, fit.Diagnostics.L2Penalty);
        Assert.Null(fit.Diagnostics.Message);
        Assert.True(fit.Diagnostics.GradientNorm < 1e-6);
        Assert.InRange(fit.Diagnostics.Iterations, 1, 50);
        Assert.True(fit.Diagnostics.Evaluations > fit.Diagnostics.Iterations);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Fit_Normal_WithOrWithoutAnalyticGradient_MatchesTheClosedForm(bool analytic)
    {
        var sigma = Math.Sqrt(14.8 / 5);

        var fit = MaximumLikelihood.Fit(
            ["mu", "sigma"], [1.0, 1.0], NormalLl, analytic ? NormalLlAndGradient : null, ModelFitOptions.Default, default);

        Assert.Equal(FitStatus.Converged, fit.Diagnostics.Status);
        Assert.Equal(3.2, fit.Diagnostics["mu"].Value, 6);
        Assert.Equal(sigma, fit.Diagnostics["sigma"].Value, 6);
        Assert.Equal(sigma / Math.Sqrt(5), fit.Diagnostics["mu"].StandardError!.Value, 5);
        Assert.Equal(sigma / Math.Sqrt(10), fit.Diagnostics["sigma"].StandardError!.Value, 5);
        // LL = −n ln σ̂ − n/2 at the optimum (the constant −n/2 ln 2π left out of NormalLl).
        Assert.Equal((-5 * Math.Log(sigma)) - 2.5, fit.Diagnostics.LogLikelihood, 9);
        Assert.Equal(["mu", "sigma"], fit.Diagnostics.Parameters.Select(p => p.Name));
    }

    [Fact]
    public void Fit_WithL2Penalty_MovesTheEstimateTowardZero()
    {
        // Maximise 3 ln λ − 4λ − pλ²: 3/λ − 4 − 2pλ = 0, so 2pλ² + 4λ − 3 = 0 and λ = (−4 + √(16 + 24p)) / 4p. For p = 1
        // that is (−4 + √40) / 4 = 0.5811388, below the unpenalised 0.75. The reported LL is unpenalised, and the
        // information adds the penalty's curvature: n/λ² + 2p.
        var expected = (-4 + Math.Sqrt(40)) / 4;

        var fit = MaximumLikelihood.Fit(["lambda"], [1.0], ExponentialLl, ExponentialLlAndGradient, new ModelFitOptions(l2Penalty: 1), default);

        Assert.Equal(FitStatus.Converged, fit.Diagnostics.Status);
        Assert.Equal(expected, fit.Estimates[0], 8);
        Assert.Equal((3 * Math.Log(expected)) - (4 * expected), fit.Diagnostics.LogLikelihood, 8);
        Assert.Equal(1, fit.Diagnostics.L2Penalty);
        Assert.Equal(1 / Math.Sqrt((3 / (expected * expected)) + 2), fit.Diagnostics["lambda"].StandardError!.Value, 6);
    }

    [Fact]
    public void Fit_LikelihoodNaNBeyondAnEdgeBeforeTheMaximum_ReportsFailureWithoutThrowing()
    {
        // NaN for λ > 0.6, below the maximum at 0.75: the best finite point is at the edge, where the gradient is not 0.
        double Ll(double[] theta) => theta[0] > 0.6 ? double.NaN : ExponentialLl(theta);

        var fit = MaximumLikelihood.Fit(["lambda"], [0.1], Ll, null, ModelFitOptions.Default, default);

        Assert.Equal(FitStatus.Failed, fit.Diagnostics.Status);
        Assert.InRange(fit.Estimates[0], 0.55, 0.6);
        Assert.Contains("not finite", fit.Diagnostics.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_LikelihoodNaNFarFromTheMaximum_StillConvergesAndSaysSo()
    {
        // NaN for λ > 2 only: from 0.01 the first steps land there, the fit recovers and notes the non-finite evaluations.
        double Ll(double[] theta) => theta[0] > 2 ? double.NaN : ExponentialLl(theta);

        var fit = MaximumLikelihood.Fit(["lambda"], [0.01], Ll, null, ModelFitOptions.Default, default);

        Assert.Equal(FitStatus.Converged, fit.Diagnostics.Status);
        Assert.Equal(0.75, fit.Estimates[0], 6);
        Assert.Contains("not finite", fit.Diagnostics.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_PolishFails_ReportsFailureAndSaysWhy()
    {
        // The gradient throws on its first two calls: the first BFGS fails at once, Nelder–Mead (values only) reaches
        // λ̂ = 0.75, and the BFGS polish fails at once too. The final gradient is fine, so only the polish can fail it.
        var gradientCalls = 0;
        double Broken(double[] theta, double[] gradient) =>
            ++gradientCalls <= 2 ? throw new ArithmeticException("broken gradient") : ExponentialLlAndGradient(theta, gradient);

        var fit = MaximumLikelihood.Fit(["lambda"], [1.0], ExponentialLl, Broken, ModelFitOptions.Default, default);

        Assert.Equal(FitStatus.Failed, fit.Diagnostics.Status);
        Assert.Equal(0.75, fit.Estimates[0], 3);
        Assert.Contains("polish", fit.Diagnostics.Message, StringComparison.Ordinal);
        Assert.Contains("broken gradient", fit.Diagnostics.Message, StringComparison.Ordinal);
        // Not the gradient check at the end: the status is the polish's alone.
        Assert.DoesNotContain("not at a maximum", fit.Diagnostics.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_OneIteration_ReportsTheIterationLimit()
    {
        var fit = MaximumLikelihood.Fit(
            ["mu", "sigma"], [100.0, 0.01], NormalLl, NormalLlAndGradient, new ModelFitOptions(maxIterations: 1), default);

        Assert.Equal(FitStatus.IterationLimit, fit.Diagnostics.Status);
        Assert.Contains("iteration limit", fit.Diagnostics.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_CancelledBefore_Throws()
    {
        using var source = new CancellationTokenSource();
        source.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(
            () => MaximumLikelihood.Fit(["lambda"], [1.0], ExponentialLl, null, ModelFitOptions.Default, source.Token));
    }

    [Fact]
    public void Fit_CancelledDuringTheSearch_Throws()
    {
        using var source = new CancellationTokenSource();
        var calls = 0;
        double Ll(double[] theta)
        {
            if (++calls == 5)
            {
                source.Cancel();
            }

            return NormalLl(theta);
        }

        Assert.ThrowsAny<OperationCanceledException>(
            () => MaximumLikelihood.Fit(["mu", "sigma"], [1.0, 1.0], Ll, null, ModelFitOptions.Default, source.Token));
        Assert.InRange(calls, 5, 6);
    }

    [Fact]
    public void Fit_NotFiniteAtTheStart_ThrowsNamingStart()
    {
        var e = Assert.Throws<ArgumentException>(
            () => MaximumLikelihood.Fit(["lambda"], [1.0], _ => double.NaN, null, ModelFitOptions.Default, default));

        Assert.Equal("start", e.ParamName);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Fit_StartNotPositive_Throws(double start)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(
            () => MaximumLikelihood.Fit(["lambda"], [start], ExponentialLl, null, ModelFitOptions.Default, default));

        Assert.Equal("start", e.ParamName);
        Assert.Equal(start, e.ActualValue);
    }

    [Fact]
    public void Fit_SaddleOrFlatDirection_HasNoStandardErrors()
    {
        // The likelihood does not depend on the second parameter: the information is singular in that direction.
        var fit = MaximumLikelihood.Fit(["lambda", "idle"], [1.0, 1.0], theta => ExponentialLl(theta), null, ModelFitOptions.Default, default);

        Assert.Equal(0.75, fit.Estimates[0], 6);
        Assert.All(fit.Diagnostics.Parameters, p => Assert.Null(p.StandardError));
    }

    [Fact]
    public void InverseDiagonalSqrt_OfAKnownMatrix_IsTheSquareRootOfTheInverseDiagonal()
    {
        // [[4, 2], [2, 3]]⁻¹ = [[3, −2], [−2, 4]] / 8, so the diagonal is 3/8 and 1/2.
        var result = MaximumLikelihood.InverseDiagonalSqrt(new double[,] { { 4, 2 }, { 2, 3 } })!;

        Assert.Equal(Math.Sqrt(3.0 / 8), result[0], 14);
        Assert.Equal(Math.Sqrt(0.5), result[1], 14);
        Assert.Null(MaximumLikelihood.InverseDiagonalSqrt(new double[,] { { 1, 2 }, { 2, 1 } }));
    }

    private static double ExponentialLl(double[] theta) => (Exponential.Length * Math.Log(theta[0])) - (theta[0] * Exponential.Sum());

    private static double ExponentialLlAndGradient(double[] theta, double[] gradient)
    {
        gradient[0] = (Exponential.Length / theta[0]) - Exponential.Sum();
        return ExponentialLl(theta);
    }

    private static double NormalLl(double[] theta)
    {
        var (mu, sigma) = (theta[0], theta[1]);
        return (-Normal.Length * Math.Log(sigma)) - (Normal.Sum(x => (x - mu) * (x - mu)) / (2 * sigma * sigma));
    }

    private static double NormalLlAndGradient(double[] theta, double[] gradient)
    {
        var (mu, sigma) = (theta[0], theta[1]);
        var squares = Normal.Sum(x => (x - mu) * (x - mu));
        gradient[0] = Normal.Sum(x => x - mu) / (sigma * sigma);
        gradient[1] = (-Normal.Length / sigma) + (squares / (sigma * sigma * sigma));
        return NormalLl(theta);
    }
}
