using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Sdk.Statistics;

namespace Engagement.Sdk.Surveys;

/// <summary>
/// The saved state of an <see cref="NpsAccumulator"/>: its definition and its three counts, versioned. Validated when
/// created, from code or from JSON, so no state that real answers could not produce gets in.
/// </summary>
/// <remarks>
/// JSON: <c>{"version":1,"definition":{…},"promoters":12,"passives":5,"detractors":3}</c>; every member is required and
/// unknown members are rejected (see docs/state.md for the compatibility policy). Equal when every part is equal.
/// Immutable and thread-safe.
/// </remarks>
public sealed class NpsState : MetricState, IEquatable<NpsState>
{
    /// <summary>The state format version this library writes and reads: 1.</summary>
    public const int CurrentVersion = 1;

    /// <summary>Creates a state.</summary>
    /// <param name="version">The format version; must be <see cref="CurrentVersion"/>.</param>
    /// <param name="definition">The definition; must be <see cref="MetricDefinition.Nps"/>.</param>
    /// <param name="promoters">Answers of 9 or 10; 0 or more.</param>
    /// <param name="passives">Answers of 7 or 8; 0 or more.</param>
    /// <param name="detractors">Answers of 0 to 6; 0 or more.</param>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The version is unknown or a count is negative.</exception>
    /// <exception cref="ArgumentException">The definition is not NPS.</exception>
    /// <exception cref="OverflowException">The counts add up to more than <see cref="long.MaxValue"/>.</exception>
    [JsonConstructor]
    public NpsState(int version, MetricDefinition definition, long promoters, long passives, long detractors)
        : base(version, CurrentVersion, definition, MetricKind.Nps)
    {
        Validation.Tally(promoters, nameof(promoters), passives, nameof(passives), detractors, nameof(detractors));
        Promoters = promoters;
        Passives = passives;
        Detractors = detractors;
    }

    /// <summary>Gets the answers of 9 or 10.</summary>
    public long Promoters { get; }

    /// <summary>Gets the answers of 7 or 8.</summary>
    public long Passives { get; }

    /// <summary>Gets the answers of 0 to 6.</summary>
    public long Detractors { get; }

    /// <inheritdoc />
    public bool Equals(NpsState? other) =>
        HeaderEquals(other) && Promoters == other.Promoters && Passives == other.Passives && Detractors == other.Detractors;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as NpsState);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Version, Definition, Promoters, Passives, Detractors);

    /// <summary>Returns the state as <c>NPS state v1: promoters 12, passives 5, detractors 3</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"NPS state v{Version}: promoters {Promoters}, passives {Passives}, detractors {Detractors}");
}
