using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Sdk.Journeys;

namespace Engagement.Sdk.Value;

/// <summary>The lifecycle stage of each customer (<see cref="LifecycleStageRules"/>) and the customers per stage.</summary>
/// <remarks>
/// Empty input: with no customers <see cref="HasValue"/> is <see langword="false"/> and every count is 0. In JSON the
/// result is its rules and the stages in input order; the counts are recomputed when read. Equal when both are equal.
/// Immutable and thread-safe.
/// </remarks>
public sealed class LifecycleStageResult : IEquatable<LifecycleStageResult>
{
    private readonly LifecycleStage[] _stages;
    private readonly long[] _counts = new long[4];

    /// <summary>Creates a result; prefer <see cref="LifecycleStageRules.Classify(CustomerSummaries)"/>.</summary>
    /// <param name="rules">The rules the stages come from.</param>
    /// <param name="stages">The customers' stages, in input order; copied.</param>
    /// <exception cref="ArgumentNullException"><paramref name="rules"/> or <paramref name="stages"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A stage is not a defined value.</exception>
    [JsonConstructor]
    public LifecycleStageResult(LifecycleStageRules rules, IReadOnlyList<LifecycleStage> stages)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(stages);
        Rules = rules;
        _stages = new LifecycleStage[stages.Count];
        for (var i = 0; i < _stages.Length; i++)
        {
            _stages[i] = Validation.Defined(stages[i], nameof(stages));
            _counts[(int)_stages[i]]++;
        }

        Stages = Array.AsReadOnly(_stages);
    }

    /// <summary>Gets the rules the stages come from.</summary>
    public LifecycleStageRules Rules { get; }

    /// <summary>Gets the customers' stages, in input order.</summary>
    public IReadOnlyList<LifecycleStage> Stages { get; }

    /// <summary>Gets the number of customers.</summary>
    [JsonIgnore]
    public int Count => _stages.Length;

    /// <summary>Gets whether there is a value, that is whether there was any customer.</summary>
    [JsonIgnore]
    public bool HasValue => Count > 0;

    /// <summary>Returns the number of customers in a stage.</summary>
    /// <param name="stage">The stage.</param>
    /// <returns>How many customers it holds.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="stage"/> is not a defined value.</exception>
    public long CountOf(LifecycleStage stage) => _counts[(int)Validation.Defined(stage, nameof(stage))];

    /// <summary>Returns the share of the customers in a stage.</summary>
    /// <param name="stage">The stage.</param>
    /// <returns>The customers in the stage out of all, with its interval; no value without customers.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="stage"/> is not a defined value.</exception>
    public Statistics.Proportion ShareOf(LifecycleStage stage) => new(CountOf(stage), Count);

    /// <inheritdoc />
    public bool Equals(LifecycleStageResult? other) =>
        other is not null && Rules.Equals(other.Rules) && _stages.AsSpan().SequenceEqual(other._stages);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as LifecycleStageResult);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Rules, Count);

    /// <summary>Returns the counts as <c>100 customers: 0 selection, 60 acquisition, 30 retention, 10 extension</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Count} customers: {_counts[0]} selection, {_counts[1]} acquisition, {_counts[2]} retention, {_counts[3]} extension");
}
