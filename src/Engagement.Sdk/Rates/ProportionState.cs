using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Sdk.Statistics;

namespace Engagement.Sdk.Rates;

/// <summary>
/// The saved state of a <see cref="ProportionAccumulator"/>: its rate definition, successes and trials, versioned.
/// Validated when created, from code or from JSON.
/// </summary>
/// <remarks>
/// JSON: <c>{"version":1,"definition":{"kind":"Rate",…,"name":"conversion"},"successes":42,"trials":1000}</c>; every
/// member is required and unknown members are rejected (see docs/state.md). Immutable and thread-safe.
/// </remarks>
public sealed class ProportionState : MetricState, IEquatable<ProportionState>
{
    /// <summary>The state format version this library writes and reads: 1.</summary>
    public const int CurrentVersion = 1;

    /// <summary>Creates a state.</summary>
    /// <param name="version">The format version; must be <see cref="CurrentVersion"/>.</param>
    /// <param name="definition">A rate definition, from <see cref="MetricDefinition.Rate"/>.</param>
    /// <param name="successes">Successes, from 0 to <paramref name="trials"/>.</param>
    /// <param name="trials">Trials, 0 or more.</param>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The definition is not a rate.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The version is unknown, a count is negative, or successes exceed
    /// trials.</exception>
    [JsonConstructor]
    public ProportionState(int version, MetricDefinition definition, long successes, long trials)
        : base(version, CurrentVersion, definition, MetricKind.Rate)
    {
        _ = new Proportion(successes, trials);
        Successes = successes;
        Trials = trials;
    }

    /// <summary>Gets the successes.</summary>
    public long Successes { get; }

    /// <summary>Gets the trials.</summary>
    public long Trials { get; }

    /// <inheritdoc />
    public bool Equals(ProportionState? other) =>
        HeaderEquals(other) && Successes == other.Successes && Trials == other.Trials;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ProportionState);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Version, Definition, Successes, Trials);

    /// <summary>Returns the state as <c>rate 'conversion' state v1: 42/1000</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Definition} state v{Version}: {Successes}/{Trials}");
}
