using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Sdk.Value;

/// <summary>
/// The maximum-likelihood estimate of one model parameter, with its standard error and a 95% interval.
/// </summary>
/// <remarks>
/// <para>
/// The standard error comes from the observed information: the inverse of the negative Hessian of the (penalised)
/// log-likelihood in the natural parameters at the optimum. It is <see langword="null"/> when that Hessian is not
/// negative definite (the optimum is a saddle or lies on a ridge), because the usual asymptotics then do not hold.
/// </para>
/// <para>
/// The interval is the Wald interval on the log scale, exponentiated: <c>θ̂ · exp(±1.96 · SE / θ̂)</c> (the delta
/// method gives SE / θ̂ as the standard error of log θ̂). It stays above 0, as every parameter must.
/// </para>
/// <para>Equal when name, value and standard error are equal. Immutable and thread-safe.</para>
/// </remarks>
public sealed class ParameterEstimate : IEquatable<ParameterEstimate>
{
    /// <summary>The standard normal quantile of a 95% two-sided interval.</summary>
    private const double Z95 = 1.959963984540054;

    /// <summary>Creates a parameter estimate.</summary>
    /// <param name="name">The parameter's name, as the model's paper writes it (<c>r</c>, <c>alpha</c>, …); not empty or
    /// white space.</param>
    /// <param name="value">The estimate; finite and above 0.</param>
    /// <param name="standardError">The standard error; <see langword="null"/> when unknown, otherwise finite, 0 or more.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> or <paramref name="standardError"/> is out
    /// of its range.</exception>
    [JsonConstructor]
    public ParameterEstimate(string name, double value, double? standardError)
    {
        Name = Validation.NotBlank(name, nameof(name));
        if (!(double.IsFinite(value) && value > 0))
        {
            throw new ArgumentOutOfRangeException(
                nameof(value), value, string.Create(CultureInfo.InvariantCulture, $"A parameter estimate must be finite and above 0; got {value}."));
        }

        if (standardError is { } error && !(double.IsFinite(error) && error >= 0))
        {
            throw new ArgumentOutOfRangeException(
                nameof(standardError), error, string.Create(CultureInfo.InvariantCulture, $"A standard error must be finite and 0 or more; got {error}."));
        }

        Value = value;
        StandardError = standardError;
    }

    /// <summary>Gets the parameter's name.</summary>
    public string Name { get; }

    /// <summary>Gets the estimate.</summary>
    public double Value { get; }

    /// <summary>Gets the standard error; <see langword="null"/> when the Hessian is not negative definite at the optimum.</summary>
    public double? StandardError { get; }

    /// <summary>Gets the lower end of the 95% Wald interval on the log scale, <c>θ̂ · exp(−1.96 · SE / θ̂)</c>;
    /// <see langword="null"/> without a standard error.</summary>
    public double? LowerBound => StandardError is { } error ? Value * Math.Exp(-Z95 * error / Value) : null;

    /// <summary>Gets the upper end of the 95% Wald interval on the log scale, <c>θ̂ · exp(1.96 · SE / θ̂)</c>;
    /// <see langword="null"/> without a standard error (or when it overflows).</summary>
    public double? UpperBound => StandardError is { } error && Value * Math.Exp(Z95 * error / Value) is var upper && double.IsFinite(upper)
        ? upper
        : null;

    /// <summary>Returns whether two estimates are equal.</summary>
    /// <param name="left">The first estimate.</param>
    /// <param name="right">The second estimate.</param>
    /// <returns><see langword="true"/> when name, value and standard error are equal.</returns>
    public static bool operator ==(ParameterEstimate? left, ParameterEstimate? right) => Equals(left, right);

    /// <summary>Returns whether two estimates differ.</summary>
    /// <param name="left">The first estimate.</param>
    /// <param name="right">The second estimate.</param>
    /// <returns><see langword="true"/> when name, value or standard error differ.</returns>
    public static bool operator !=(ParameterEstimate? left, ParameterEstimate? right) => !Equals(left, right);

    /// <inheritdoc />
    public bool Equals(ParameterEstimate? other) =>
        other is not null
        && string.Equals(Name, other.Name, StringComparison.Ordinal)
        && Value.Equals(other.Value)
        && Nullable.Equals(StandardError, other.StandardError);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ParameterEstimate);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Value, StandardError);

    /// <summary>Returns the estimate as <c>r = 0.2426 (SE 0.0126)</c>, or <c>r = 0.2426 (SE unknown)</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() => StandardError is { } error
        ? string.Create(CultureInfo.InvariantCulture, $"{Name} = {Value:G4} (SE {error:G3})")
        : string.Create(CultureInfo.InvariantCulture, $"{Name} = {Value:G4} (SE unknown)");
}
