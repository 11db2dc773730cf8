using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Sdk.Statistics;

namespace Engagement.Sdk.Journeys;

/// <summary>
/// The saved state of a <see cref="StageAccumulator"/>: its definitions, the customers seen, each stage's statistics
/// and the stage distribution per period, versioned. Validated when created, from code or from JSON.
/// </summary>
/// <remarks>
/// JSON: <c>{"version":1,"definition":{"kind":"Stages",…},"stageDefinition":{…},"customers":…,"stages":[…],
/// "distribution":[…]}</c>; every member is required and unknown members are rejected. The checks are those of
/// docs/journeys.md (no customer further now than its furthest stage, the last period equal to the current counts, …).
/// Immutable and thread-safe.
/// </remarks>
public sealed class StageState : MetricState, IEquatable<StageState>
{
    /// <summary>The state format version this library writes and reads: 1.</summary>
    public const int CurrentVersion = 1;

    /// <summary>Creates a state.</summary>
    /// <param name="version">The format version; must be <see cref="CurrentVersion"/>.</param>
    /// <param name="definition">The metric definition; must be <see cref="MetricDefinition.Stages"/>.</param>
    /// <param name="stageDefinition">The rules and range.</param>
    /// <param name="customers">The customers seen (with an event before the range's end); 0 or more.</param>
    /// <param name="stages">One entry per stage of the model, in model order.</param>
    /// <param name="distribution">One row per period of <paramref name="stageDefinition"/>.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The definition is not of stages, or the numbers are impossible; the
    /// parameter name says which member.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The version is unknown or a count is negative.</exception>
    /// <exception cref="OverflowException">Counts add up to more than <see cref="long.MaxValue"/>.</exception>
    [JsonConstructor]
    public StageState(
        int version,
        MetricDefinition definition,
        StageDefinition stageDefinition,
        long customers,
        IReadOnlyList<StageStatistics> stages,
        IReadOnlyList<StagePeriodCounts> distribution)
        : base(version, CurrentVersion, definition, MetricKind.Stages)
    {
        (Stages, Distribution) = StageData.Check(stageDefinition, customers, stages, distribution);
        StageDefinition = stageDefinition;
        Customers = customers;
    }

    /// <summary>Gets the rules and range.</summary>
    public StageDefinition StageDefinition { get; }

    /// <summary>Gets the customers seen.</summary>
    public long Customers { get; }

    /// <summary>Gets each stage's statistics, in model order.</summary>
    public IReadOnlyList<StageStatistics> Stages { get; }

    /// <summary>Gets the stage distribution, one row per period.</summary>
    public IReadOnlyList<StagePeriodCounts> Distribution { get; }

    /// <inheritdoc />
    public bool Equals(StageState? other) =>
        HeaderEquals(other)
        && StageDefinition.Equals(other.StageDefinition)
        && Customers == other.Customers
        && Stages.SequenceEqual(other.Stages)
        && Distribution.SequenceEqual(other.Distribution);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as StageState);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Version, Definition, StageDefinition, Customers);

    /// <summary>Returns the state as <c>stages state v1: 120 customers</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"stages state v{Version}: {Customers} customers");
}
