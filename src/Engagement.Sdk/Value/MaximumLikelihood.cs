using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace Engagement.Sdk.Value;

/// <summary>
/// The maximum-likelihood fit every value model shares: maximises <c>LL(θ) − λ Σ θᵢ²</c> over positive parameters θ by
/// minimising <c>−LL(exp φ) + λ Σ exp(2φᵢ)</c> over φ = log θ, then takes standard errors from the observed information.
/// </summary>
/// <remarks>
/// <para>
/// The optimiser is MathNet's BFGS, with the caller's analytic gradient when given and central differences otherwise.
/// When BFGS fails (its line search gives up, or the likelihood is not finite where it steps), Nelder–Mead continues
/// from the best point seen, and BFGS is tried once more from where Nelder–Mead stops; when that polish fails, so does
/// the fit. A non-finite likelihood counts
/// as +∞ to the optimisers and is reported in the message. Nothing here throws because a fit did not converge: the
/// status says so. The objective is divided by <c>max(1, |objective at the start|)</c>, so that
/// <see cref="ModelFitOptions.Tolerance"/> means the same for ten customers as for a million.
/// </para>
/// <para>
/// Standard errors: the observed information is the negative Hessian of the penalised log-likelihood in θ at the
/// optimum, by central differences of the gradient (analytic or numerical); its inverse is the asymptotic covariance.
/// When it is not positive definite the standard errors are unknown (<see langword="null"/>).
/// </para>
/// <para>
/// Boundary: a converged fit is reported <see cref="FitStatus.Failed"/>, its message naming the parameter and saying the
/// estimate does not exist, when some θᵢ is outside [<see cref="LowerBound"/>, <see cref="UpperBound"/>], the observed
/// information is not positive definite, or a standard error exceeds <see cref="RelativeErrorBound"/> times its estimate:
/// the likelihood then has no interior maximum and the optimiser has walked towards the boundary.
/// </para>
/// </remarks>
internal static class MaximumLikelihood
{
    /// <summary>Fits with the number of observations unreported (0); see the other overload.</summary>
    public static FitResult Fit(
        string[] names,
        double[] start,
        Func<double[], double> logLikelihood,
        Func<double[], double[], double>? logLikelihoodAndGradient,
        ModelFitOptions options,
        CancellationToken ct) =>
        Fit(names, start, logLikelihood, logLikelihoodAndGradient, options, 0, ct);

    /// <summary>Fits a model by maximum likelihood.</summary>
    /// <param name="names">The parameters' names, as the diagnostics report them.</param>
    /// <param name="start">The starting values of θ; finite, above 0, one per name.</param>
    /// <param name="logLikelihood">The total (unpenalised) log-likelihood at θ; may be non-finite where undefined.</param>
    /// <param name="logLikelihoodAndGradient">The log-likelihood at θ, writing ∂LL/∂θᵢ into the second argument; or
    /// <see langword="null"/> to differentiate <paramref name="logLikelihood"/> numerically.</param>
    /// <param name="options">The penalty, iteration limit and tolerance.</param>
    /// <param name="observations">The (weighted) number of customers, for the diagnostics.</param>
    /// <param name="ct">Checked at every evaluation of the likelihood.</param>
    /// <returns>The estimates and the diagnostics.</returns>
    /// <exception cref="ArgumentException">The lengths differ, or the log-likelihood is not finite at the start (names
    /// <paramref name="start"/>).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> was cancelled.</exception>
    public static FitResult Fit(
        string[] names,
        double[] start,
        Func<double[], double> logLikelihood,
        Func<double[], double[], double>? logLikelihoodAndGradient,
        ModelFitOptions options,
        double observations,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(logLikelihood);
        ArgumentNullException.ThrowIfNull(options);
        if (names.Length != start.Length || start.Length == 0)
        {
            throw new ArgumentException(Text($"Give one start value per parameter; got {start.Length} values for {names.Length} names."), nameof(start));
        }

        for (var i = 0; i < start.Length; i++)
        {
            if (!(double.IsFinite(start[i]) && start[i] > 0))
            {
                throw new ArgumentOutOfRangeException(
                    nameof(start), start[i], Text($"Start values must be finite and above 0; got {start[i]} for {names[i]}."));
            }
        }

        ct.ThrowIfCancellationRequested();
        var objective = new Objective(logLikelihood, logLikelihoodAndGradient, options.L2Penalty, start.Length, ct);
        var phi = new double[start.Length];
        for (var i = 0; i < phi.Length; i++)
        {
            phi[i] = Math.Log(start[i]);
        }

        if (!objective.Start(phi))
        {
            throw new ArgumentException(
                Text($"The log-likelihood is not finite at the start ({string.Join(", ", start)}); the data or the start are invalid."),
                nameof(start));
        }

        var run = Optimise(objective, options);
        var best = objective.BestPoint;
        var gradient = new double[best.Length];
        _ = objective.Evaluate(best, gradient);
        var gradientNorm = Norm(gradient) * objective.Scale;
        var status = run.Status;
        var notes = new List<string>();
        if (run.Note is not null)
        {
            notes.Add(run.Note);
        }

        if (!double.IsFinite(gradientNorm))
        {
            status = FitStatus.Failed;
            notes.Add("the gradient is not finite at the best point found");
        }
        else if (status == FitStatus.Converged && Norm(gradient) > Math.Sqrt(options.Tolerance))
        {
            status = FitStatus.Failed;
            notes.Add(Text($"the optimiser stopped where the gradient norm is {gradientNorm:G3}, not at a maximum"));
        }

        if (objective.NonFinite > 0)
        {
            notes.Add(Text($"the log-likelihood was not finite at {objective.NonFinite} of {objective.Evaluations} evaluations"));
        }

        var theta = Exp(best);
        var standardErrors = StandardErrors(objective, theta, options.L2Penalty);
        if (status == FitStatus.Converged)
        {
            var boundary = BoundaryNote(names, theta, standardErrors);
            if (boundary is not null)
            {
                status = FitStatus.Failed;
                notes.Insert(0, boundary);
            }
        }

        var estimates = new ParameterEstimate[theta.Length];
        for (var i = 0; i < theta.Length; i++)
        {
            estimates[i] = new ParameterEstimate(names[i], theta[i], standardErrors?[i]);
        }

        var diagnostics = new FitDiagnostics(
            estimates,
            objective.BestLogLikelihood,
            options.L2Penalty,
            observations,
            run.Iterations,
            objective.Evaluations,
            status,
            double.IsFinite(gradientNorm) ? gradientNorm : null,
            notes.Count == 0 ? null : char.ToUpperInvariant(notes[0][0]) + string.Join("; ", notes)[1..] + ".");
        return new FitResult(theta, diagnostics);
    }

    /// <summary>Runs BFGS, falling back on Nelder–Mead and polishing with BFGS again.</summary>
    private static (FitStatus Status, int Iterations, string? Note) Optimise(Objective objective, ModelFitOptions options)
    {
        var first = Bfgs(objective, options, objective.BestPoint);
        if (first.Status != FitStatus.Failed)
        {
            return first;
        }

        var iterations = first.Iterations;
        var note = Text($"BFGS failed ({first.Note}), so Nelder–Mead continued");
        try
        {
            var simplex = new NelderMeadSimplex(options.Tolerance, checked(10 * options.MaxIterations));
            var result = simplex.FindMinimum(ObjectiveFunction.Value(objective.ValueAt), Vector<double>.Build.DenseOfArray(objective.BestPoint));
            iterations += result.Iterations;
        }
        catch (MaximumIterationsException)
        {
            return (FitStatus.IterationLimit, iterations + 10 * options.MaxIterations, note + " and reached its iteration limit");
        }
        catch (Exception e) when (e is OptimizationException or ArithmeticException or ArgumentException)
        {
            return (FitStatus.Failed, iterations, note + Text($" and failed too ({e.Message.TrimEnd('.')})"));
        }

        // The polish's own status stands: a failed polish is a failed fit, not a converged one, and the message says why.
        var polish = Bfgs(objective, options, objective.BestPoint);
        return polish.Status switch
        {
            FitStatus.Failed => (FitStatus.Failed, iterations + polish.Iterations, note + Text($", and the BFGS polish after it failed ({polish.Note})")),
            FitStatus.IterationLimit => (FitStatus.IterationLimit, iterations + polish.Iterations, note + ", and the BFGS polish reached its iteration limit"),
            _ => (FitStatus.Converged, iterations + polish.Iterations, note),
        };
    }

    private static (FitStatus Status, int Iterations, string? Note) Bfgs(Objective objective, ModelFitOptions options, double[] from)
    {
        try
        {
            var bfgs = new BfgsMinimizer(options.Tolerance, options.Tolerance, options.Tolerance, options.MaxIterations);
            var result = bfgs.FindMinimum(
                ObjectiveFunction.Gradient(objective.ValueAndGradient), Vector<double>.Build.DenseOfArray((double[])from.Clone()));
            return result.ReasonForExit == ExitCondition.ExceedIterations
                ? (FitStatus.IterationLimit, result.Iterations, "BFGS reached its iteration limit")
                : (FitStatus.Converged, result.Iterations, null);
        }
        catch (MaximumIterationsException)
        {
            return (FitStatus.IterationLimit, options.MaxIterations, "BFGS reached its iteration limit");
        }
        catch (Exception e) when (e is OptimizationException or ArithmeticException or ArgumentException)
        {
            return (FitStatus.Failed, 0, e.Message.TrimEnd('.'));
        }
    }

    /// <summary>The standard errors of θ from the penalised observed information, or null when it is not positive definite.</summary>
    private static double[]? StandardErrors(Objective objective, double[] theta, double penalty)
    {
        var n = theta.Length;
        var information = new double[n, n];
        var plus = new double[n];
        var minus = new double[n];
        var point = (double[])theta.Clone();
        for (var j = 0; j < n; j++)
        {
            // Central differences of the gradient in θ; the step is relative so that every parameter's scale is fine.
            var h = 1e-5 * theta[j];
            point[j] = theta[j] + h;
            var fine = objective.GradientInTheta(point, plus);
            point[j] = theta[j] - h;
            fine &= objective.GradientInTheta(point, minus);
            point[j] = theta[j];
            if (!fine)
            {
                return null;
            }

            for (var i = 0; i < n; i++)
            {
                information[i, j] = -(plus[i] - minus[i]) / (2 * h);
            }

            information[j, j] += 2 * penalty;
        }

        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < i; j++)
            {
                var mean = 0.5 * (information[i, j] + information[j, i]);
                information[i, j] = mean;
                information[j, i] = mean;
            }
        }

        return InverseDiagonalSqrt(information);
    }

    /// <summary>The square roots of the diagonal of the inverse of a symmetric matrix, by Cholesky; null unless it is
    /// positive definite.</summary>
    internal static double[]? InverseDiagonalSqrt(double[,] matrix)
    {
        var n = matrix.GetLength(0);
        var lower = new double[n, n];
        for (var j = 0; j < n; j++)
        {
            var diagonal = matrix[j, j];
            for (var k = 0; k < j; k++)
            {
                diagonal -= lower[j, k] * lower[j, k];
            }

            if (!(diagonal > 0) || !double.IsFinite(diagonal))
            {
                return null;
            }

            lower[j, j] = Math.Sqrt(diagonal);
            for (var i = j + 1; i < n; i++)
            {
                var sum = matrix[i, j];
                for (var k = 0; k < j; k++)
                {
                    sum -= lower[i, k] * lower[j, k];
                }

                lower[i, j] = sum / lower[j, j];
            }
        }

        // (A⁻¹)ᵢᵢ = Σₖ (L⁻¹)ₖᵢ²: invert L column by column.
        var result = new double[n];
        var column = new double[n];
        for (var i = 0; i < n; i++)
        {
            Array.Clear(column);
            column[i] = 1 / lower[i, i];
            var sum = column[i] * column[i];
            for (var k = i + 1; k < n; k++)
            {
                var value = 0.0;
                for (var m = i; m < k; m++)
                {
                    value -= lower[k, m] * column[m];
                }

                column[k] = value / lower[k, k];
                sum += column[k] * column[k];
            }

            result[i] = Math.Sqrt(sum);
            if (!double.IsFinite(result[i]))
            {
                return null;
            }
        }

        return result;
    }

    /// <summary>The smallest and largest parameter a fit may report as converged; beyond them the estimate is on the boundary.</summary>
    internal const double LowerBound = 1e-6;

    /// <summary>See <see cref="LowerBound"/>.</summary>
    internal const double UpperBound = 1e6;

    /// <summary>The largest standard error relative to its estimate a converged fit may have; beyond it the likelihood is
    /// flat along that parameter and the estimate does not exist.</summary>
    internal const double RelativeErrorBound = 1e3;

    /// <summary>Says why the optimum is on the boundary (a parameter beyond the bounds, no positive-definite information, or
    /// a relative standard error beyond <see cref="RelativeErrorBound"/>), or <see langword="null"/> when it is interior.</summary>
    private static string? BoundaryNote(string[] names, double[] theta, double[]? standardErrors)
    {
        for (var i = 0; i < theta.Length; i++)
        {
            if (!(theta[i] >= LowerBound && theta[i] <= UpperBound))
            {
                return Text($"{names[i]} = {theta[i]:G3} is on the boundary of the parameter space (outside [{LowerBound:G1}, {UpperBound:G1}]): the maximum-likelihood estimate does not exist for these data");
            }
        }

        if (standardErrors is null)
        {
            return "the observed information is not positive definite, so the optimum is on the boundary or a ridge: the maximum-likelihood estimate does not exist for these data";
        }

        for (var i = 0; i < theta.Length; i++)
        {
            if (!(standardErrors[i] <= RelativeErrorBound * theta[i]))
            {
                return Text($"{names[i]} = {theta[i]:G3} has standard error {standardErrors[i]:G3}: the likelihood is flat towards the boundary, so the maximum-likelihood estimate does not exist for these data");
            }
        }

        return null;
    }

    private static double[] Exp(double[] phi)
    {
        var theta = new double[phi.Length];
        for (var i = 0; i < phi.Length; i++)
        {
            theta[i] = Math.Exp(phi[i]);
        }

        return theta;
    }

    private static double Norm(double[] vector)
    {
        var sum = 0.0;
        foreach (var value in vector)
        {
            sum += value * value;
        }

        return Math.Sqrt(sum);
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>The scaled, penalised negative log-likelihood over φ = log θ, counting evaluations and keeping the best
    /// point seen.</summary>
    private sealed class Objective
    {
        private readonly Func<double[], double> _logLikelihood;
        private readonly Func<double[], double[], double>? _withGradient;
        private readonly double _penalty;
        private readonly CancellationToken _ct;
        private readonly double[] _theta;
        private readonly double[] _thetaGradient;
        private readonly double[] _probe;
        private double _bestValue = double.PositiveInfinity;

        public Objective(Func<double[], double> logLikelihood, Func<double[], double[], double>? withGradient, double penalty, int n, CancellationToken ct)
        {
            _logLikelihood = logLikelihood;
            _withGradient = withGradient;
            _penalty = penalty;
            _ct = ct;
            _theta = new double[n];
            _thetaGradient = new double[n];
            _probe = new double[n];
            BestPoint = new double[n];
        }

        public double Scale { get; private set; } = 1;

        public int Evaluations { get; private set; }

        public int NonFinite { get; private set; }

        public double[] BestPoint { get; }

        public double BestLogLikelihood { get; private set; } = double.NaN;

        /// <summary>Evaluates the start and fixes the scale; false when the likelihood is not finite there.</summary>
        public bool Start(double[] phi)
        {
            var value = Value(phi);
            if (!double.IsFinite(value))
            {
                return false;
            }

            Scale = Math.Max(1, Math.Abs(value));
            _bestValue = value / Scale;
            return true;
        }

        public double ValueAt(Vector<double> phi)
        {
            var point = _probe;
            for (var i = 0; i < point.Length; i++)
            {
                point[i] = phi[i];
            }

            return Value(point);
        }

        public (double Value, Vector<double> Gradient) ValueAndGradient(Vector<double> phi)
        {
            var point = phi.ToArray();
            var gradient = new double[point.Length];
            var value = Evaluate(point, gradient);
            return (value, Vector<double>.Build.DenseOfArray(gradient));
        }

        /// <summary>The scaled objective at φ, with its gradient in φ; +∞ (and a NaN gradient) where not finite.</summary>
        public double Evaluate(double[] phi, double[] gradient)
        {
            if (_withGradient is null)
            {
                var value = Value(phi);
                var point = (double[])phi.Clone();
                for (var i = 0; i < phi.Length; i++)
                {
                    var h = 6e-6 * Math.Max(1, Math.Abs(phi[i]));
                    point[i] = phi[i] + h;
                    var up = Value(point);
                    point[i] = phi[i] - h;
                    var down = Value(point);
                    point[i] = phi[i];
                    gradient[i] = (up - down) / (2 * h);
                }

                return value;
            }

            var ll = Call(phi, _thetaGradient);
            var penalised = Record(phi, ll);
            for (var i = 0; i < phi.Length; i++)
            {
                // d/dφᵢ of (−LL + λΣθ²) = (−∂LL/∂θᵢ + 2λθᵢ)·θᵢ.
                gradient[i] = double.IsFinite(penalised) ? (-_thetaGradient[i] + 2 * _penalty * _theta[i]) * _theta[i] / Scale : double.NaN;
            }

            return penalised;
        }

        /// <summary>The gradient of the penalised LL... in θ (unscaled, unpenalised: ∂LL/∂θ); false where not finite.</summary>
        public bool GradientInTheta(double[] theta, double[] gradient)
        {
            var phi = new double[theta.Length];
            for (var i = 0; i < theta.Length; i++)
            {
                phi[i] = Math.Log(theta[i]);
            }

            var inPhi = new double[theta.Length];
            var value = Evaluate(phi, inPhi);
            var fine = double.IsFinite(value);
            for (var i = 0; i < theta.Length; i++)
            {
                // Undo the scaling and the chain rule, and take the penalty back out: ∂LL/∂θᵢ.
                gradient[i] = -(inPhi[i] * Scale / theta[i]) + 2 * _penalty * theta[i];
                fine &= double.IsFinite(gradient[i]);
            }

            return fine;
        }

        private double Value(double[] phi)
        {
            var ll = Call(phi, null);
            return Record(phi, ll);
        }

        private double Call(double[] phi, double[]? gradient)
        {
            _ct.ThrowIfCancellationRequested();
            for (var i = 0; i < phi.Length; i++)
            {
                _theta[i] = Math.Exp(phi[i]);
            }

            Evaluations++;
            return gradient is null ? _logLikelihood(_theta) : _withGradient!(_theta, gradient);
        }

        /// <summary>Turns a log-likelihood into the scaled penalised objective and keeps the best point.</summary>
        private double Record(double[] phi, double ll)
        {
            var sumOfSquares = 0.0;
            foreach (var theta in _theta)
            {
                sumOfSquares += theta * theta;
            }

            var value = (-ll + _penalty * sumOfSquares) / Scale;
            if (!double.IsFinite(value))
            {
                NonFinite++;
                return double.PositiveInfinity;
            }

            if (value < _bestValue || double.IsNaN(BestLogLikelihood))
            {
                _bestValue = value;
                BestLogLikelihood = ll;
                phi.CopyTo(BestPoint, 0);
            }

            return value;
        }
    }
}

/// <summary>The outcome of <see cref="MaximumLikelihood.Fit(string[], double[], Func{double[], double}, Func{double[], double[], double}?, ModelFitOptions, CancellationToken)"/>.</summary>
internal sealed class FitResult
{
    public FitResult(double[] estimates, FitDiagnostics diagnostics)
    {
        Estimates = estimates;
        Diagnostics = diagnostics;
    }

    /// <summary>Gets the estimates θ̂, in the order of the names given.</summary>
    public double[] Estimates { get; }

    /// <summary>Gets the diagnostics.</summary>
    public FitDiagnostics Diagnostics { get; }
}
