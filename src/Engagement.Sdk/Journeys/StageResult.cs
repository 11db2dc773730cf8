using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Sdk.Statistics;

namespace Engagement.Sdk.Journeys;

/// <summary>
/// Where customers are in the journey: for each stage, how many reached it as their furthest, how many are in it now,
/// and how long visits to it last; and, with a range, how many customers were in each stage at the end of each period.
/// </summary>
/// <remarks>
/// Empty input: with no customers <see cref="HasValue"/> is <see langword="false"/>, every share has no value and every
/// time in stage is <see langword="null"/>. Immutable and thread-safe; equal when every member is equal.
/// </remarks>
public sealed class StageResult : IEquatable<StageResult>
{
    /// <summary>Creates a result; validated like <see cref="StageState"/>.</summary>
    /// <param name="stageDefinition">The rules and range.</param>
    /// <param name="customers">The customers seen.</param>
    /// <param name="stages">One entry per stage of the model, in model order.</param>
    /// <param name="distribution">One row per period of <paramref name="stageDefinition"/>.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The numbers are impossible; the parameter name says which member.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    [JsonConstructor]
    public StageResult(StageDefinition stageDefinition, long customers, IReadOnlyList<StageStatistics> stages, IReadOnlyList<StagePeriodCounts> distribution)
    {
        (Stages, Distribution) = StageData.Check(stageDefinition, customers, stages, distribution);
        StageDefinition = stageDefinition;
        Customers = customers;
    }

    /// <summary>Gets the rules and range.</summary>
    public StageDefinition StageDefinition { get; }

    /// <summary>Gets the definition: <see cref="MetricDefinition.Stages"/>.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Every result carries its definition as an instance member.")]
    public MetricDefinition Definition => MetricDefinition.Stages;

    /// <summary>Gets the customers seen (with an event before the range's end).</summary>
    public long Customers { get; }

    /// <summary>Gets each stage's statistics, in model order.</summary>
    public IReadOnlyList<StageStatistics> Stages { get; }

    /// <summary>Gets the customers in each stage at the end of each period; empty without a range.</summary>
    public IReadOnlyList<StagePeriodCounts> Distribution { get; }

    /// <summary>Gets whether there is anything to report: whether any customer was seen.</summary>
    [JsonIgnore]
    public bool HasValue => Customers > 0;

    /// <summary>Gets the customers with a stage: those with at least one event a rule matched.</summary>
    public long StagedCustomers
    {
        get
        {
            long staged = 0;
            foreach (var stage in Stages)
            {
                staged += stage.Current;
            }

            return staged;
        }
    }

    /// <summary>Returns the statistics of one stage.</summary>
    /// <param name="stage">A stage of the model.</param>
    /// <returns>The statistics.</returns>
    /// <exception cref="ArgumentException">The model does not hold <paramref name="stage"/>.</exception>
    public StageStatistics this[JourneyStage stage]
    {
        get
        {
            var index = StageDefinition.Rules.Model.IndexOf(stage);
            return index >= 0
                ? Stages[index]
                : throw new ArgumentException($"The stage model has no stage '{Validation.Echo(stage.Name)}'.", nameof(stage));
        }
    }

    /// <summary>Returns the share of customers that reached a stage or a later one.</summary>
    /// <param name="stage">A stage of the model.</param>
    /// <returns>Customers whose furthest stage is <paramref name="stage"/> or later, out of all customers; no value
    /// without customers.</returns>
    /// <exception cref="ArgumentException">The model does not hold <paramref name="stage"/>.</exception>
    public Proportion Reached(JourneyStage stage)
    {
        var index = StageDefinition.Rules.Model.IndexOf(this[stage].Stage);
        long reached = 0;
        for (var s = index; s < Stages.Count; s++)
        {
            reached += Stages[s].Furthest;
        }

        return new Proportion(reached, Customers);
    }

    /// <inheritdoc />
    public bool Equals(StageResult? other) =>
        other is not null
        && StageDefinition.Equals(other.StageDefinition)
        && Customers == other.Customers
        && Stages.SequenceEqual(other.Stages)
        && Distribution.SequenceEqual(other.Distribution);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as StageResult);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(StageDefinition, Customers);

    /// <summary>Returns the result as <c>120 customers; furthest: Awareness 30, Consideration 50, …</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        HasValue
            ? string.Create(CultureInfo.InvariantCulture, $"{Customers} customers; furthest: {string.Join(", ", Stages.Select(s => $"{s.Stage} {s.Furthest}"))}")
            : "0 customers: no value";
}
