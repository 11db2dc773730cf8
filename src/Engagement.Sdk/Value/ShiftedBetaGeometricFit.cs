using System.Text.Json.Serialization;

namespace Engagement.Sdk.Value;

/// <summary>A fitted <see cref="ShiftedBetaGeometricModel"/> with the diagnostics of its fit.</summary>
/// <remarks>Equal when the model and the diagnostics are equal. Immutable and thread-safe.</remarks>
public sealed class ShiftedBetaGeometricFit : IEquatable<ShiftedBetaGeometricFit>
{
    /// <summary>Creates a fit.</summary>
    /// <param name="model">The model at the estimates.</param>
    /// <param name="diagnostics">The diagnostics; its parameters are alpha and beta, equal to the model's.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The diagnostics do not describe the model (names <paramref name="diagnostics"/>).</exception>
    [JsonConstructor]
    public ShiftedBetaGeometricFit(ShiftedBetaGeometricModel model, FitDiagnostics diagnostics)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(diagnostics);
        FitAgreement.Check(diagnostics, nameof(diagnostics), ("alpha", model.Alpha), ("beta", model.Beta));
        Model = model;
        Diagnostics = diagnostics;
    }

    /// <summary>Gets the model at the estimates.</summary>
    public ShiftedBetaGeometricModel Model { get; }

    /// <summary>Gets the diagnostics of the fit.</summary>
    public FitDiagnostics Diagnostics { get; }

    /// <summary>Returns whether two fits are equal.</summary>
    /// <param name="left">The first fit.</param>
    /// <param name="right">The second fit.</param>
    /// <returns><see langword="true"/> when model and diagnostics are equal.</returns>
    public static bool operator ==(ShiftedBetaGeometricFit? left, ShiftedBetaGeometricFit? right) => Equals(left, right);

    /// <summary>Returns whether two fits differ.</summary>
    /// <param name="left">The first fit.</param>
    /// <param name="right">The second fit.</param>
    /// <returns><see langword="true"/> when model or diagnostics differ.</returns>
    public static bool operator !=(ShiftedBetaGeometricFit? left, ShiftedBetaGeometricFit? right) => !Equals(left, right);

    /// <inheritdoc />
    public bool Equals(ShiftedBetaGeometricFit? other) => other is not null && Model == other.Model && Diagnostics == other.Diagnostics;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ShiftedBetaGeometricFit);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Model, Diagnostics);

    /// <summary>Returns the model and the diagnostics.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() => $"{Model}; {Diagnostics}";
}
