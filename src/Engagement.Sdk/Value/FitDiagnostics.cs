using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Sdk.Value;

/// <summary>
/// How a maximum-likelihood fit went: the estimates with their standard errors, the log-likelihood at the optimum, and
/// the optimiser's account of itself (iterations, evaluations, status, gradient norm).
/// </summary>
/// <remarks>
/// <para>
/// A fit never throws because it did not converge: check <see cref="Status"/> (and read <see cref="Message"/>) before
/// trusting the estimates. <see cref="LogLikelihood"/> is the unpenalised log-likelihood at the returned estimates, so
/// fits with and without a penalty compare on the same scale.
/// </para>
/// <para>Equal when every field is equal. Immutable and thread-safe.</para>
/// </remarks>
public sealed class FitDiagnostics : IEquatable<FitDiagnostics>
{
    private readonly ParameterEstimate[] _parameters;

    /// <summary>Creates fit diagnostics.</summary>
    /// <param name="parameters">The estimates in the model's order; at least one, no <see langword="null"/>, names distinct.</param>
    /// <param name="logLikelihood">The unpenalised log-likelihood at the estimates; finite, and may be positive (a
    /// likelihood made of densities can exceed 1).</param>
    /// <param name="l2Penalty">The L2 penalty the fit used; finite, 0 or more.</param>
    /// <param name="observations">The (weighted) number of customers the likelihood summed over; finite, 0 or more.</param>
    /// <param name="iterations">The optimiser's iterations; 0 or more.</param>
    /// <param name="evaluations">The evaluations of the likelihood; 1 or more (the start is always evaluated). Not
    /// bounded below by <paramref name="iterations"/>: the optimisers count their iterations and the likelihood's
    /// evaluations apart (a line search may reuse a point), so neither bounds the other.</param>
    /// <param name="status">How the fit ended.</param>
    /// <param name="gradientNorm">The Euclidean norm of the gradient of the penalised negative log-likelihood with
    /// respect to log θ at the estimates; <see langword="null"/> when not finite, which only a failed fit reports;
    /// otherwise finite, 0 or more.</param>
    /// <param name="message">What went wrong or is worth knowing, or <see langword="null"/>; not empty or white space.</param>
    /// <exception cref="ArgumentNullException"><paramref name="parameters"/> or one of its items is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="parameters"/> is empty or repeats a name, or
    /// <paramref name="message"/> is empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A number is out of its range, <paramref name="status"/> is not
    /// defined, or <paramref name="gradientNorm"/> is missing although the fit converged.</exception>
    [JsonConstructor]
    public FitDiagnostics(
        IReadOnlyList<ParameterEstimate> parameters,
        double logLikelihood,
        double l2Penalty,
        double observations,
        int iterations,
        int evaluations,
        FitStatus status,
        double? gradientNorm,
        string? message)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Count == 0)
        {
            throw new ArgumentException("A fit estimates at least one parameter; got none.", nameof(parameters));
        }

        _parameters = new ParameterEstimate[parameters.Count];
        for (var i = 0; i < _parameters.Length; i++)
        {
            var parameter = parameters[i] ?? throw new ArgumentNullException(
                nameof(parameters), Text($"The parameter at index {i} is null."));
            for (var j = 0; j < i; j++)
            {
                if (string.Equals(_parameters[j].Name, parameter.Name, StringComparison.Ordinal))
                {
                    throw new ArgumentException(
                        Text($"Parameter names must be distinct; '{Validation.Echo(parameter.Name)}' is at indexes {j} and {i}."), nameof(parameters));
                }
            }

            _parameters[i] = parameter;
        }

        LogLikelihood = Validation.Finite(logLikelihood, nameof(logLikelihood));
        L2Penalty = NonNegative(l2Penalty, nameof(l2Penalty));
        Observations = NonNegative(observations, nameof(observations));
        ArgumentOutOfRangeException.ThrowIfNegative(iterations);
        ArgumentOutOfRangeException.ThrowIfLessThan(evaluations, 1);
        Status = Validation.Defined(status, nameof(status));
        if (gradientNorm is { } norm)
        {
            NonNegative(norm, nameof(gradientNorm));
        }
        else if (status == FitStatus.Converged)
        {
            throw new ArgumentOutOfRangeException(
                nameof(gradientNorm), gradientNorm, "A converged fit has a finite gradient norm; got null.");
        }

        if (message is not null)
        {
            Validation.NotBlank(message, nameof(message));
        }

        Iterations = iterations;
        Evaluations = evaluations;
        GradientNorm = gradientNorm;
        Message = message;
    }

    /// <summary>Gets the estimates, in the model's order of parameters.</summary>
    public IReadOnlyList<ParameterEstimate> Parameters => _parameters;

    /// <summary>Gets the unpenalised log-likelihood at the estimates.</summary>
    public double LogLikelihood { get; }

    /// <summary>Gets the L2 penalty the fit used (<see cref="ModelFitOptions.L2Penalty"/>).</summary>
    public double L2Penalty { get; }

    /// <summary>Gets the (weighted) number of customers the likelihood summed over.</summary>
    public double Observations { get; }

    /// <summary>Gets the optimiser's iterations (those of the fallback included).</summary>
    public int Iterations { get; }

    /// <summary>Gets the evaluations of the likelihood, those for the standard errors included.</summary>
    public int Evaluations { get; }

    /// <summary>Gets how the fit ended.</summary>
    public FitStatus Status { get; }

    /// <summary>Gets the norm of the gradient of the penalised negative log-likelihood with respect to log θ at the
    /// estimates; <see langword="null"/> when it is not finite (only in a failed fit).</summary>
    public double? GradientNorm { get; }

    /// <summary>Gets what went wrong or is worth knowing (a fallback, non-finite evaluations), or <see langword="null"/>.</summary>
    public string? Message { get; }

    /// <summary>Returns whether two diagnostics are equal.</summary>
    /// <param name="left">The first diagnostics.</param>
    /// <param name="right">The second diagnostics.</param>
    /// <returns><see langword="true"/> when every field is equal.</returns>
    public static bool operator ==(FitDiagnostics? left, FitDiagnostics? right) => Equals(left, right);

    /// <summary>Returns whether two diagnostics differ.</summary>
    /// <param name="left">The first diagnostics.</param>
    /// <param name="right">The second diagnostics.</param>
    /// <returns><see langword="true"/> when a field differs.</returns>
    public static bool operator !=(FitDiagnostics? left, FitDiagnostics? right) => !Equals(left, right);

    /// <summary>Returns the estimate of the parameter with the given name.</summary>
    /// <param name="name">The parameter's name.</param>
    /// <returns>The estimate.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">No parameter has that name.</exception>
    public ParameterEstimate this[string name]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(name);
            foreach (var parameter in _parameters)
            {
                if (string.Equals(parameter.Name, name, StringComparison.Ordinal))
                {
                    return parameter;
                }
            }

            throw new KeyNotFoundException(Text($"The fit has no parameter '{Validation.Echo(name)}'."));
        }
    }

    /// <inheritdoc />
    public bool Equals(FitDiagnostics? other) =>
        other is not null
        && _parameters.AsSpan().SequenceEqual(other._parameters)
        && LogLikelihood.Equals(other.LogLikelihood)
        && L2Penalty.Equals(other.L2Penalty)
        && Observations.Equals(other.Observations)
        && Iterations == other.Iterations
        && Evaluations == other.Evaluations
        && Status == other.Status
        && Nullable.Equals(GradientNorm, other.GradientNorm)
        && string.Equals(Message, other.Message, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as FitDiagnostics);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var parameter in _parameters)
        {
            hash.Add(parameter);
        }

        hash.Add(LogLikelihood);
        hash.Add(Status);
        hash.Add(Iterations);
        return hash.ToHashCode();
    }

    /// <summary>Returns the diagnostics as <c>Converged after 31 iterations, LL = -9582.43: r = …, alpha = …</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        Text($"{Status} after {Iterations} iterations, LL = {LogLikelihood:F2}: {string.Join(", ", (IEnumerable<ParameterEstimate>)_parameters)}");

    private static double NonNegative(double value, string paramName)
    {
        if (!(double.IsFinite(value) && value >= 0))
        {
            throw new ArgumentOutOfRangeException(paramName, value, Text($"The value must be finite and 0 or more; got {value}."));
        }

        return value;
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
