using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Sdk.Attribution;

/// <summary>
/// Time-decay attribution: a touch of age a (its time before the path's end) weighs 2^(−a / half-life), and each
/// converting path's conversions and value are shared in proportion to its touches' weights.
/// </summary>
/// <remarks>
/// <para>
/// Google Analytics' "time decay" model, whose default half-life is 7 days: a touch 7 days before the conversion
/// earns half of what a touch at the conversion earns, one 14 days before a quarter. Here the half-life is required,
/// as the right one depends on the sales cycle. The ages come from journeys
/// (<see cref="ConversionPaths.Create(IEnumerable{ConversionPath}, IReadOnlyDictionary{string, double}?)"/>);
/// aggregated paths carry no times, and attributing them throws.
/// </para>
/// <para>
/// The weights are computed relative to the path's youngest touch (2^(−(a − a_min) / h)), which leaves the shares
/// unchanged and keeps a path whose touches are all very old from underflowing to 0 / 0.
/// </para>
/// <para>Equal when the half-life and the name are equal. Immutable and thread-safe.</para>
/// </remarks>
public sealed class TimeDecayModel : IAttributionModel, IEquatable<TimeDecayModel>
{
    /// <summary>The default name, <c>time-decay</c>.</summary>
    internal const string DefaultName = "time-decay";

    /// <summary>Creates the model.</summary>
    /// <param name="halfLife">The age at which a touch weighs half of a touch at the conversion; above 0. Google
    /// Analytics uses 7 days.</param>
    /// <param name="name">The model's name; a valid channel-like name. <see langword="null"/> for <c>time-decay</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="halfLife"/> is 0 or negative.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a valid name.</exception>
    [JsonConstructor]
    public TimeDecayModel(TimeSpan halfLife, string? name = null)
    {
        if (halfLife <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(
                nameof(halfLife), halfLife, AttributionChecks.Text($"The half-life must be above 0; got {halfLife}."));
        }

        HalfLife = halfLife;
        Name = HeuristicKernel.Name(name, DefaultName);
    }

    /// <summary>Gets the age at which a touch weighs half of a touch at the conversion.</summary>
    public TimeSpan HalfLife { get; }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException"><paramref name="paths"/> carry no times (they were built from
    /// aggregated paths).</exception>
    public AttributionResult Attribute(ConversionPaths paths, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        if (!paths.HasTimes)
        {
            throw new InvalidOperationException(
                $"The model '{Name}' (time decay) needs the ages of the touches, but these paths carry no times: aggregated paths carry no times. Build the paths from journeys (ConversionPath) instead.");
        }

        return HeuristicKernel.Attribute(Name, paths, new TimeDecayWeights(HalfLife.TotalDays), cancellationToken);
    }

    /// <inheritdoc />
    public bool Equals(TimeDecayModel? other) => other is not null && HalfLife == other.HalfLife && Name == other.Name;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as TimeDecayModel);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(HalfLife, StringComparer.Ordinal.GetHashCode(Name));

    /// <summary>Returns the model as <c>time-decay (half-life 7.00:00:00)</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name} (half-life {HalfLife})");

    /// <summary>2^(−(a − a_min) / h), normalised.</summary>
    private readonly struct TimeDecayWeights(double halfLifeDays) : IPathWeights
    {
        public void Fill(ReadOnlySpan<int> steps, ReadOnlySpan<double> ages, Span<double> weights)
        {
            var youngest = ages[0];
            for (var i = 1; i < ages.Length; i++)
            {
                youngest = Math.Min(youngest, ages[i]);
            }

            var sum = 0.0;
            for (var i = 0; i < ages.Length; i++)
            {
                weights[i] = double.Exp2(-(ages[i] - youngest) / halfLifeDays);
                sum += weights[i];
            }

            foreach (ref var w in weights)
            {
                w /= sum;
            }
        }
    }
}
