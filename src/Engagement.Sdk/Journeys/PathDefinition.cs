using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Sdk.Journeys;

/// <summary>
/// What a <see cref="PathAccumulator"/> measures: what a node is, whether immediate repeats collapse, and which part
/// of each customer's sequence of nodes is its path (after a start node, before an end node, at most
/// <see cref="MaxLength"/> nodes).
/// </summary>
/// <remarks>
/// <para>
/// A customer's sequence is the nodes of its events in time order (with <see cref="PathNodeKind.Stage"/>, events without
/// a stage are skipped); with <see cref="CollapseRepeats"/>, a run of equal nodes counts as one, as retentioneering and
/// PostHog optionally do. Transitions are the consecutive pairs of the whole sequence. The path is:
/// </para>
/// <list type="bullet">
/// <item>with neither node: the first <see cref="MaxLength"/> nodes;</item>
/// <item>with <see cref="StartNode"/>: from its first occurrence, at most <see cref="MaxLength"/> nodes;</item>
/// <item>with <see cref="EndNode"/>: up to and including its first occurrence, at most the last <see cref="MaxLength"/>
/// nodes;</item>
/// <item>with both: from the first start to the first end after it, when that takes at most <see cref="MaxLength"/>
/// nodes.</item>
/// </list>
/// <para>A customer whose sequence lacks the start or end node (or whose start-to-end run is too long) has no path.
/// Definitions are equal when every part is equal. Immutable and thread-safe.</para>
/// </remarks>
public sealed class PathDefinition : IEquatable<PathDefinition>
{
    /// <summary>The longest path a definition may ask for.</summary>
    public const int MaxPathLength = 100;

    /// <summary>Creates a definition.</summary>
    /// <param name="nodes">What a node is.</param>
    /// <param name="stageRules">The stage rules: required with <see cref="PathNodeKind.Stage"/>, <see langword="null"/>
    /// otherwise.</param>
    /// <param name="collapseRepeats">Whether a run of equal nodes counts as one.</param>
    /// <param name="startNode">The node paths start at, or <see langword="null"/>; a stage of the rules' model with
    /// <see cref="PathNodeKind.Stage"/>.</param>
    /// <param name="endNode">The node paths end at, or <see langword="null"/>; likewise.</param>
    /// <param name="maxLength">The most nodes of a path, 1 to <see cref="MaxPathLength"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="stageRules"/> is missing with stages or given without them, or
    /// a node is blank or not a stage of the model.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="nodes"/> is not defined or
    /// <paramref name="maxLength"/> is out of range.</exception>
    [JsonConstructor]
    public PathDefinition(
        PathNodeKind nodes = PathNodeKind.EventName,
        StageRules? stageRules = null,
        bool collapseRepeats = false,
        string? startNode = null,
        string? endNode = null,
        int maxLength = 5)
    {
        Nodes = Validation.Defined(nodes, nameof(nodes));
        if ((nodes == PathNodeKind.Stage) != (stageRules is not null))
        {
            throw new ArgumentException(
                nodes == PathNodeKind.Stage ? "Paths of stages need stage rules; got none." : $"Only paths of stages take stage rules; these are paths of {nodes}.",
                nameof(stageRules));
        }

        if (maxLength is < 1 or > MaxPathLength)
        {
            throw new ArgumentOutOfRangeException(
                nameof(maxLength), maxLength, string.Create(CultureInfo.InvariantCulture, $"A path holds 1 to {MaxPathLength} nodes; got {maxLength}."));
        }

        StageRules = stageRules;
        CollapseRepeats = collapseRepeats;
        StartNode = CheckNode(startNode, stageRules, nameof(startNode));
        EndNode = CheckNode(endNode, stageRules, nameof(endNode));
        MaxLength = maxLength;
    }

    /// <summary>Gets what a node is.</summary>
    /// <value>The default value is <see cref="PathNodeKind.EventName"/>.</value>
    public PathNodeKind Nodes { get; }

    /// <summary>Gets the stage rules of paths of stages, or <see langword="null"/>.</summary>
    public StageRules? StageRules { get; }

    /// <summary>Gets whether a run of equal nodes counts as one.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool CollapseRepeats { get; }

    /// <summary>Gets the node paths start at, or <see langword="null"/>.</summary>
    public string? StartNode { get; }

    /// <summary>Gets the node paths end at, or <see langword="null"/>.</summary>
    public string? EndNode { get; }

    /// <summary>Gets the most nodes of a path.</summary>
    /// <value>The default value is 5, as PostHog's step limit.</value>
    public int MaxLength { get; }

    /// <inheritdoc />
    public bool Equals(PathDefinition? other) =>
        other is not null
        && Nodes == other.Nodes
        && Equals(StageRules, other.StageRules)
        && CollapseRepeats == other.CollapseRepeats
        && string.Equals(StartNode, other.StartNode, StringComparison.Ordinal)
        && string.Equals(EndNode, other.EndNode, StringComparison.Ordinal)
        && MaxLength == other.MaxLength;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as PathDefinition);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Nodes, StageRules, CollapseRepeats, StartNode, EndNode, MaxLength);

    /// <summary>Returns the definition as <c>paths of EventName from 'home' to 'purchase', at most 5, repeats collapsed</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"paths of {Nodes}{(StartNode is null ? "" : $" from '{Validation.Echo(StartNode)}'")}{(EndNode is null ? "" : $" to '{Validation.Echo(EndNode)}'")}, at most {MaxLength}{(CollapseRepeats ? ", repeats collapsed" : "")}");

    private static string? CheckNode(string? node, StageRules? rules, string paramName)
    {
        if (node is null)
        {
            return null;
        }

        Validation.NotBlank(node, paramName);
        if (rules is not null && !rules.Model.Stages.Any(stage => string.Equals(stage.Name, node, StringComparison.Ordinal)))
        {
            throw new ArgumentException($"'{Validation.Echo(node)}' is not a stage of the model ({Validation.Echo(rules.Model.ToString())}).", paramName);
        }

        return node;
    }
}
