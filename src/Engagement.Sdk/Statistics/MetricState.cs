using System.Text.Json.Serialization;

namespace Engagement.Sdk.Statistics;

/// <summary>
/// What every accumulator state shares: the format <see cref="Version"/> and the <see cref="Definition"/> of what was
/// measured, both checked when the state is created, from code or from JSON. Each metric's state adds its counts and
/// sums, validated so that no state that real data could not produce gets in (see docs/state.md).
/// </summary>
/// <remarks>States are immutable and thread-safe; they are equal when their types, versions, definitions and data are
/// equal.</remarks>
public abstract class MetricState
{
    private protected MetricState(int version, int currentVersion, MetricDefinition definition, params ReadOnlySpan<MetricKind> kinds)
    {
        Version = StateVersion.Check(version, currentVersion, nameof(version));
        ArgumentNullException.ThrowIfNull(definition);
        if (!kinds.Contains(definition.Kind))
        {
            throw new ArgumentException(
                $"This state holds {string.Join(" or ", kinds.ToArray())}; it cannot take the definition {definition}.", nameof(definition));
        }

        Definition = definition;
    }

    /// <summary>Gets the format version.</summary>
    [JsonPropertyOrder(-2)]
    public int Version { get; }

    /// <summary>Gets what was measured.</summary>
    [JsonPropertyOrder(-1)]
    public MetricDefinition Definition { get; }

    /// <summary>Whether another state has this one's type, version and definition; each state adds its own data.</summary>
    private protected bool HeaderEquals([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] MetricState? other) =>
        other is not null && other.GetType() == GetType() && Version == other.Version && Definition == other.Definition;
}
