using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Sdk.Value;

/// <summary>A fitted <see cref="GammaGammaModel"/> with the diagnostics of its fit.</summary>
/// <remarks>Equal when the model, the diagnostics and the count of zero-value buyers are equal. Immutable and thread-safe.</remarks>
public sealed class GammaGammaFit : IEquatable<GammaGammaFit>
{
    /// <summary>Creates a fit.</summary>
    /// <param name="model">The model at the estimates.</param>
    /// <param name="diagnostics">The diagnostics; its parameters are p, q and gamma, equal to the model's.</param>
    /// <param name="zeroValueBuyers">The repeat buyers left out of the fit because their mean value is 0; 0 or more.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The diagnostics do not describe the model (names <paramref name="diagnostics"/>).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="zeroValueBuyers"/> is negative.</exception>
    [JsonConstructor]
    public GammaGammaFit(GammaGammaModel model, FitDiagnostics diagnostics, long zeroValueBuyers = 0)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(diagnostics);
        ArgumentOutOfRangeException.ThrowIfNegative(zeroValueBuyers);
        FitAgreement.Check(diagnostics, nameof(diagnostics), ("p", model.P), ("q", model.Q), ("gamma", model.Gamma));
        Model = model;
        Diagnostics = diagnostics;
        ZeroValueBuyers = zeroValueBuyers;
    }

    /// <summary>Gets the model at the estimates.</summary>
    public GammaGammaModel Model { get; }

    /// <summary>Gets the diagnostics of the fit.</summary>
    public FitDiagnostics Diagnostics { get; }

    /// <summary>
    /// Gets how many customers with repeat purchases were left out of the fit because their mean repeat value is 0, which
    /// a Gamma distribution cannot produce; they are not counted in <see cref="FitDiagnostics.Observations"/>.
    /// </summary>
    /// <value>0 when every repeat buyer spent something.</value>
    public long ZeroValueBuyers { get; }

    /// <summary>Returns whether two fits are equal.</summary>
    /// <param name="left">The first fit.</param>
    /// <param name="right">The second fit.</param>
    /// <returns><see langword="true"/> when model, diagnostics and zero-value buyers are equal.</returns>
    public static bool operator ==(GammaGammaFit? left, GammaGammaFit? right) => Equals(left, right);

    /// <summary>Returns whether two fits differ.</summary>
    /// <param name="left">The first fit.</param>
    /// <param name="right">The second fit.</param>
    /// <returns><see langword="true"/> when model, diagnostics or zero-value buyers differ.</returns>
    public static bool operator !=(GammaGammaFit? left, GammaGammaFit? right) => !Equals(left, right);

    /// <inheritdoc />
    public bool Equals(GammaGammaFit? other) =>
        other is not null && Model == other.Model && Diagnostics == other.Diagnostics && ZeroValueBuyers == other.ZeroValueBuyers;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as GammaGammaFit);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Model, Diagnostics, ZeroValueBuyers);

    /// <summary>Returns the model, the diagnostics and, when some, the zero-value buyers left out.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() => ZeroValueBuyers == 0
        ? $"{Model}; {Diagnostics}"
        : string.Create(CultureInfo.InvariantCulture, $"{Model}; {Diagnostics}; {ZeroValueBuyers} repeat buyers with mean value 0 left out");
}
