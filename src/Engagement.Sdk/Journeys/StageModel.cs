using System.Collections.ObjectModel;
using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Sdk.Journeys;

/// <summary>
/// The ordered stages a customer journey moves through. <see cref="Default"/> is the five-stage model
/// Awareness → Consideration → Decision → PostPurchase → Loyalty; hosts supply their own with the constructor.
/// </summary>
/// <remarks>
/// The default model follows the customer-journey stages of marketing practice (pre-purchase, purchase and
/// post-purchase, after Lemon &amp; Verhoef 2016, "Understanding Customer Experience Throughout the Customer Journey",
/// Journal of Marketing 80(6)), with the pre-purchase stage split into awareness and consideration and loyalty /
/// advocacy as the last stage. Instances are immutable and thread-safe.
/// </remarks>
public sealed class StageModel : IEquatable<StageModel>
{
    private readonly Dictionary<JourneyStage, int> _index;

    /// <summary>Creates a stage model from stages in journey order.</summary>
    /// <param name="stages">The stages, first to last: at least one, no duplicates, none unspecified.</param>
    /// <exception cref="ArgumentNullException"><paramref name="stages"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="stages"/> is empty, repeats a stage or holds
    /// <see cref="JourneyStage.Unspecified"/>.</exception>
    [JsonConstructor]
    public StageModel(IReadOnlyList<JourneyStage> stages)
    {
        ArgumentNullException.ThrowIfNull(stages);
        if (stages.Count == 0)
        {
            throw new ArgumentException("A stage model needs at least one stage; got none.", nameof(stages));
        }

        _index = new Dictionary<JourneyStage, int>(stages.Count);
        for (var i = 0; i < stages.Count; i++)
        {
            if (stages[i].IsUnspecified)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Stage {i} is unspecified; every stage of a model needs a name."),
                    nameof(stages));
            }

            if (!_index.TryAdd(stages[i], i))
            {
                throw new ArgumentException(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"Stage '{Validation.Echo(stages[i].Name)}' appears more than once (at {_index[stages[i]]} and {i})."),
                    nameof(stages));
            }
        }

        Stages = new ReadOnlyCollection<JourneyStage>([.. stages]);
    }

    /// <summary>Gets the default five-stage model: Awareness, Consideration, Decision, PostPurchase, Loyalty.</summary>
    public static StageModel Default { get; } = new(
    [
        JourneyStage.Awareness,
        JourneyStage.Consideration,
        JourneyStage.Decision,
        JourneyStage.PostPurchase,
        JourneyStage.Loyalty,
    ]);

    /// <summary>Gets the stages in journey order.</summary>
    public IReadOnlyList<JourneyStage> Stages { get; }

    /// <summary>Gets the number of stages.</summary>
    [JsonIgnore]
    public int Count => Stages.Count;

    /// <summary>Returns whether the model holds a stage.</summary>
    /// <param name="stage">The stage.</param>
    /// <returns><see langword="true"/> if it does.</returns>
    public bool Contains(JourneyStage stage) => _index.ContainsKey(stage);

    /// <summary>Returns a stage's position in the journey.</summary>
    /// <param name="stage">The stage.</param>
    /// <returns>The zero-based position, or -1 if the model does not hold the stage.</returns>
    public int IndexOf(JourneyStage stage) => _index.TryGetValue(stage, out var i) ? i : -1;

    /// <summary>Compares two stages by their position in the journey.</summary>
    /// <param name="x">The first stage.</param>
    /// <param name="y">The second stage.</param>
    /// <returns>Less than zero if <paramref name="x"/> comes first, zero if they are the same, greater than zero otherwise.</returns>
    /// <exception cref="ArgumentException">The model does not hold one of the stages.</exception>
    public int Compare(JourneyStage x, JourneyStage y) => Position(x, nameof(x)).CompareTo(Position(y, nameof(y)));

    /// <summary>Gets the stage after the given one.</summary>
    /// <param name="stage">The stage.</param>
    /// <param name="next">The next stage, or <see cref="JourneyStage.Unspecified"/> if <paramref name="stage"/> is the last.</param>
    /// <returns><see langword="true"/> if there is a next stage.</returns>
    /// <exception cref="ArgumentException">The model does not hold <paramref name="stage"/>.</exception>
    public bool TryGetNext(JourneyStage stage, out JourneyStage next)
    {
        var i = Position(stage, nameof(stage));
        next = i + 1 < Stages.Count ? Stages[i + 1] : JourneyStage.Unspecified;
        return i + 1 < Stages.Count;
    }

    /// <summary>Returns the stages joined by arrows, for example <c>Awareness → Consideration</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() => string.Join(" → ", Stages);

    /// <summary>Returns whether two models hold equal stages in the same order.</summary>
    /// <param name="other">The other model.</param>
    /// <returns><see langword="true"/> when they do.</returns>
    public bool Equals(StageModel? other) => other is not null && Stages.SequenceEqual(other.Stages);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as StageModel);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var stage in Stages)
        {
            hash.Add(stage);
        }

        return hash.ToHashCode();
    }

    private int Position(JourneyStage stage, string paramName) =>
        _index.TryGetValue(stage, out var i)
            ? i
            : throw new ArgumentException(
                $"The stage model ({Validation.Echo(ToString())}) has no stage '{Validation.Echo(stage.Name)}'.", paramName);
}
