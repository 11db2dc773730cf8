using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Sdk.Value;

/// <summary>
/// How a predictive value model is fitted by maximum likelihood: an optional L2 penalty, the iteration limit, the
/// convergence tolerance and the parallelism of the likelihood sum.
/// </summary>
/// <remarks>
/// <para>
/// The fit maximises <c>LL(θ) − L2Penalty · Σ θᵢ²</c> over the model's natural parameters θ (all above 0), as the
/// Python packages lifetimes and PyMC-Marketing do; the penalty pulls every parameter toward 0, which helps when the
/// data hardly identify one (few repeat buyers). The optimiser works on φ = log θ, so the parameters stay positive.
/// </para>
/// <para>
/// The penalty depends on the time unit of the data: the scale parameters α and β are times (α in days = 7 × α in
/// weeks), so the same <see cref="L2Penalty"/> means a much stronger shrinkage in days than in weeks (49 times the
/// penalty on α) and gives a different fit. Fit in the unit you report in, and choose the penalty for that unit.
/// </para>
/// <para>Equal when every field is equal. Immutable and thread-safe.</para>
/// </remarks>
public sealed class ModelFitOptions : IEquatable<ModelFitOptions>
{
    /// <summary>Creates fitting options.</summary>
    /// <param name="l2Penalty">The weight of the L2 penalty on the natural parameters; finite, 0 or more. The default
    /// 0 is plain maximum likelihood. Its effect depends on the time unit of the data (see <see cref="L2Penalty"/>).</param>
    /// <param name="maxIterations">The most iterations of the optimiser; 1 or more. The default is 500.</param>
    /// <param name="tolerance">The convergence tolerance on the gradient of the objective, scaled by the objective's
    /// size at the start (see <see cref="Tolerance"/>); finite, above 0 and below 1. The default is 1e−8.</param>
    /// <param name="maxDegreeOfParallelism">The most threads that sum the likelihood over the customers; 0 (the
    /// default) for every core, otherwise 1 or more.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of its range; the exception names it and echoes the
    /// value.</exception>
    [JsonConstructor]
    public ModelFitOptions(double l2Penalty = 0, int maxIterations = 500, double tolerance = 1e-8, int maxDegreeOfParallelism = 0)
    {
        if (!(double.IsFinite(l2Penalty) && l2Penalty >= 0))
        {
            throw new ArgumentOutOfRangeException(
                nameof(l2Penalty), l2Penalty, Message($"The L2 penalty must be finite and 0 or more; got {l2Penalty}."));
        }

        if (maxIterations < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(maxIterations), maxIterations, Message($"The iteration limit must be 1 or more; got {maxIterations}."));
        }

        if (!(double.IsFinite(tolerance) && tolerance > 0 && tolerance < 1))
        {
            throw new ArgumentOutOfRangeException(
                nameof(tolerance), tolerance, Message($"The tolerance must lie strictly between 0 and 1; got {tolerance}."));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(maxDegreeOfParallelism);
        L2Penalty = l2Penalty;
        MaxIterations = maxIterations;
        Tolerance = tolerance;
        MaxDegreeOfParallelism = maxDegreeOfParallelism;
    }

    /// <summary>Gets the default options: no penalty, 500 iterations, tolerance 1e−8, every core.</summary>
    public static ModelFitOptions Default { get; } = new();

    /// <summary>Gets the weight of the L2 penalty: the fit maximises <c>LL − L2Penalty · Σ θᵢ²</c>.</summary>
    /// <value>The default value is 0 (plain maximum likelihood).</value>
    /// <remarks>The same value means a different shrinkage in days than in weeks: the scale parameters α and β scale
    /// with the unit (α in days = 7 × α in weeks, so its penalty is 49 times larger). Fit in the unit you report in.</remarks>
    public double L2Penalty { get; }

    /// <summary>Gets the most iterations of the quasi-Newton optimiser (the Nelder–Mead fallback gets ten times as
    /// many, as it takes smaller steps).</summary>
    /// <value>The default value is 500.</value>
    public int MaxIterations { get; }

    /// <summary>
    /// Gets the convergence tolerance: the optimiser stops when the norm of the gradient with respect to log θ of the
    /// objective divided by <c>max(1, |objective at the start|)</c> falls below it, or when a step changes the
    /// parameters or the objective by less than it, relatively.
    /// </summary>
    /// <value>The default value is 1e−8.</value>
    public double Tolerance { get; }

    /// <summary>Gets the most threads that sum the likelihood; 0 for every core.</summary>
    /// <value>The default value is 0 (every core).</value>
    public int MaxDegreeOfParallelism { get; }

    /// <summary>Returns whether two options are equal.</summary>
    /// <param name="left">The first options.</param>
    /// <param name="right">The second options.</param>
    /// <returns><see langword="true"/> when every field is equal.</returns>
    public static bool operator ==(ModelFitOptions? left, ModelFitOptions? right) => Equals(left, right);

    /// <summary>Returns whether two options differ.</summary>
    /// <param name="left">The first options.</param>
    /// <param name="right">The second options.</param>
    /// <returns><see langword="true"/> when a field differs.</returns>
    public static bool operator !=(ModelFitOptions? left, ModelFitOptions? right) => !Equals(left, right);

    /// <inheritdoc />
    public bool Equals(ModelFitOptions? other) =>
        other is not null
        && L2Penalty.Equals(other.L2Penalty)
        && MaxIterations == other.MaxIterations
        && Tolerance.Equals(other.Tolerance)
        && MaxDegreeOfParallelism == other.MaxDegreeOfParallelism;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ModelFitOptions);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(L2Penalty, MaxIterations, Tolerance, MaxDegreeOfParallelism);

    /// <summary>Returns the options as <c>L2 0, 500 iterations, tolerance 1E-08, parallelism 0</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() => Message(
        $"L2 {L2Penalty}, {MaxIterations} iterations, tolerance {Tolerance}, parallelism {MaxDegreeOfParallelism}");

    /// <summary>The number of threads to use: <see cref="MaxDegreeOfParallelism"/>, or the core count for 0.</summary>
    internal int Threads => MaxDegreeOfParallelism == 0 ? Environment.ProcessorCount : MaxDegreeOfParallelism;

    private static string Message(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
