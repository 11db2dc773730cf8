using System.Text.Json.Serialization;

namespace Engagement.Sdk.Value;

/// <summary>How a maximum-likelihood fit ended (see <see cref="FitDiagnostics.Status"/>).</summary>
[JsonConverter(typeof(Engagement.Sdk.IO.StrictEnumConverter<FitStatus>))]
public enum FitStatus
{
    /// <summary>The optimiser met its convergence criterion at a point where the gradient is small: the estimates are a
    /// (local) maximum of the penalised likelihood.</summary>
    Converged = 0,

    /// <summary>The optimiser used up <see cref="ModelFitOptions.MaxIterations"/>; the estimates are the best point
    /// found, not necessarily the maximum.</summary>
    IterationLimit = 1,

    /// <summary>Neither the quasi-Newton optimiser nor the Nelder–Mead fallback converged, the quasi-Newton polish after
    /// Nelder–Mead failed, or they stopped where the
    /// gradient is not small (e.g. at the edge of a region where the likelihood is not finite), or the optimum is on the
    /// boundary (a parameter outside [1e-6, 1e6], or the likelihood flat there: the estimate does not exist); the estimates are the
    /// best point found and <see cref="FitDiagnostics.Message"/> says why.</summary>
    Failed = 2,
}
