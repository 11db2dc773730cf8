namespace Engagement.Sdk.Value;

/// <summary>A fitted <see cref="BgBbModel"/> with the diagnostics of its fit.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class BgBbFit
{
    /// <summary>Creates a fit result.</summary>
    /// <param name="model">The fitted model.</param>
    /// <param name="diagnostics">How the fit went.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    [System.Text.Json.Serialization.JsonConstructor]
    public BgBbFit(BgBbModel model, FitDiagnostics diagnostics)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(diagnostics);
        Model = model;
        Diagnostics = diagnostics;
    }

    /// <summary>Gets the fitted model.</summary>
    public BgBbModel Model { get; }

    /// <summary>Gets how the fit went: estimates with standard errors, log-likelihood, convergence.</summary>
    public FitDiagnostics Diagnostics { get; }
}
