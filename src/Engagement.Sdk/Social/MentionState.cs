using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Sdk.Statistics;

namespace Engagement.Sdk.Social;

/// <summary>
/// The saved state of a <see cref="MentionAccumulator"/>: its definition and the mention counts by sentiment,
/// versioned. Validated when created, from code or from JSON.
/// </summary>
/// <remarks>
/// JSON: <c>{"version":1,"definition":{"kind":"Mentions",…},"positive":60,"neutral":30,"negative":10}</c>; every member
/// is required and unknown members are rejected (see docs/state.md). Immutable and thread-safe.
/// </remarks>
public sealed class MentionState : MetricState, IEquatable<MentionState>
{
    /// <summary>The state format version this library writes and reads: 1.</summary>
    public const int CurrentVersion = 1;

    /// <summary>Creates a state.</summary>
    /// <param name="version">The format version; must be <see cref="CurrentVersion"/>.</param>
    /// <param name="definition">The definition; must be <see cref="MetricDefinition.Mentions"/>.</param>
    /// <param name="positive">Positive mentions; 0 or more.</param>
    /// <param name="neutral">Neutral mentions; 0 or more.</param>
    /// <param name="negative">Negative mentions; 0 or more.</param>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The definition is not of mentions.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The version is unknown or a count is negative.</exception>
    /// <exception cref="OverflowException">The counts add up to more than <see cref="long.MaxValue"/>.</exception>
    [JsonConstructor]
    public MentionState(int version, MetricDefinition definition, long positive, long neutral, long negative)
        : base(version, CurrentVersion, definition, MetricKind.Mentions)
    {
        Validation.Tally(positive, nameof(positive), neutral, nameof(neutral), negative, nameof(negative));
        Positive = positive;
        Neutral = neutral;
        Negative = negative;
    }

    /// <summary>Gets the positive mentions.</summary>
    public long Positive { get; }

    /// <summary>Gets the neutral mentions.</summary>
    public long Neutral { get; }

    /// <summary>Gets the negative mentions.</summary>
    public long Negative { get; }

    /// <inheritdoc />
    public bool Equals(MentionState? other) =>
        HeaderEquals(other) && Positive == other.Positive && Neutral == other.Neutral && Negative == other.Negative;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as MentionState);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Version, Definition, Positive, Neutral, Negative);

    /// <summary>Returns the state as <c>mentions state v1: positive 60, neutral 30, negative 10</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"mentions state v{Version}: positive {Positive}, neutral {Neutral}, negative {Negative}");
}
