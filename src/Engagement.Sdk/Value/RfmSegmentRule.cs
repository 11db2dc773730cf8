using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Sdk.Value;

/// <summary>
/// One rule of an <see cref="RfmSegmentMap"/>: a segment and the range of each score (inclusive) that puts a customer
/// in it. A rule matches a customer whose three scores all lie in their ranges.
/// </summary>
/// <remarks>Rules are equal when the segment and the six bounds are equal. Immutable and thread-safe.</remarks>
public sealed class RfmSegmentRule : IEquatable<RfmSegmentRule>
{
    /// <summary>Creates a rule; a range left at its default (1 to 5) matches every score.</summary>
    /// <param name="segment">The segment of the customers the rule matches.</param>
    /// <param name="minRecency">The lowest recency score that matches, 1 to 5.</param>
    /// <param name="maxRecency">The highest recency score that matches, from <paramref name="minRecency"/> to 5.</param>
    /// <param name="minFrequency">The lowest frequency score that matches, 1 to 5.</param>
    /// <param name="maxFrequency">The highest frequency score that matches, from <paramref name="minFrequency"/> to 5.</param>
    /// <param name="minMonetary">The lowest monetary score that matches, 1 to 5.</param>
    /// <param name="maxMonetary">The highest monetary score that matches, from <paramref name="minMonetary"/> to 5.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="segment"/> is not defined, a bound is outside 1 to
    /// 5, or a maximum is below its minimum.</exception>
    [JsonConstructor]
    public RfmSegmentRule(
        RfmSegment segment,
        int minRecency = 1,
        int maxRecency = 5,
        int minFrequency = 1,
        int maxFrequency = 5,
        int minMonetary = 1,
        int maxMonetary = 5)
    {
        Segment = Validation.Defined(segment, nameof(segment));
        CheckRange(minRecency, nameof(minRecency), maxRecency, nameof(maxRecency));
        CheckRange(minFrequency, nameof(minFrequency), maxFrequency, nameof(maxFrequency));
        CheckRange(minMonetary, nameof(minMonetary), maxMonetary, nameof(maxMonetary));
        MinRecency = minRecency;
        MaxRecency = maxRecency;
        MinFrequency = minFrequency;
        MaxFrequency = maxFrequency;
        MinMonetary = minMonetary;
        MaxMonetary = maxMonetary;
    }

    /// <summary>Gets the segment of the customers the rule matches.</summary>
    public RfmSegment Segment { get; }

    /// <summary>Gets the lowest recency score that matches.</summary>
    public int MinRecency { get; }

    /// <summary>Gets the highest recency score that matches.</summary>
    public int MaxRecency { get; }

    /// <summary>Gets the lowest frequency score that matches.</summary>
    public int MinFrequency { get; }

    /// <summary>Gets the highest frequency score that matches.</summary>
    public int MaxFrequency { get; }

    /// <summary>Gets the lowest monetary score that matches.</summary>
    public int MinMonetary { get; }

    /// <summary>Gets the highest monetary score that matches.</summary>
    public int MaxMonetary { get; }

    /// <summary>Returns whether the rule matches three scores.</summary>
    /// <param name="recency">The recency score.</param>
    /// <param name="frequency">The frequency score.</param>
    /// <param name="monetary">The monetary score.</param>
    /// <returns><see langword="true"/> when every score lies in its range.</returns>
    public bool Matches(int recency, int frequency, int monetary) =>
        recency >= MinRecency && recency <= MaxRecency
        && frequency >= MinFrequency && frequency <= MaxFrequency
        && monetary >= MinMonetary && monetary <= MaxMonetary;

    /// <inheritdoc />
    public bool Equals(RfmSegmentRule? other) =>
        other is not null && Segment == other.Segment
        && MinRecency == other.MinRecency && MaxRecency == other.MaxRecency
        && MinFrequency == other.MinFrequency && MaxFrequency == other.MaxFrequency
        && MinMonetary == other.MinMonetary && MaxMonetary == other.MaxMonetary;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as RfmSegmentRule);

    /// <inheritdoc />
    public override int GetHashCode() =>
        HashCode.Combine(Segment, MinRecency, MaxRecency, MinFrequency, MaxFrequency, MinMonetary, MaxMonetary);

    /// <summary>Returns the rule as <c>Champions: R 4–5, F 4–5, M 5</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Segment}: R {Range(MinRecency, MaxRecency)}, F {Range(MinFrequency, MaxFrequency)}, M {Range(MinMonetary, MaxMonetary)}");

    private static string Range(int min, int max) =>
        min == max ? min.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{min}–{max}");

    private static void CheckRange(int min, string minName, int max, string maxName)
    {
        if (min is < 1 or > 5)
        {
            throw new ArgumentOutOfRangeException(minName, min, string.Create(CultureInfo.InvariantCulture, $"A score bound is 1 to 5; got {min}."));
        }

        if (max < min || max > 5)
        {
            throw new ArgumentOutOfRangeException(
                maxName, max, string.Create(CultureInfo.InvariantCulture, $"A score's upper bound lies between its lower bound {min} and 5; got {max}."));
        }
    }
}
