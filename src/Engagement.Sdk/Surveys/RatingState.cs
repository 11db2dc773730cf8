using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Sdk.Statistics;

namespace Engagement.Sdk.Surveys;

/// <summary>
/// The saved state of a <see cref="CsatAccumulator"/> or <see cref="CesAccumulator"/>: its definition, the count, the
/// favourable count and the sums of the scores and their squares, versioned. Validated when created, from code or from
/// JSON, so no state that real answers could not produce gets in.
/// </summary>
/// <remarks>
/// JSON: <c>{"version":1,"definition":{"kind":"Csat",…},"count":10,"favourable":8,"sum":41,"sumOfSquares":177}</c>;
/// every member is required and unknown members are rejected (see docs/state.md for the compatibility policy). Equal
/// when every part is equal. Immutable and thread-safe.
/// </remarks>
public sealed class RatingState : MetricState, IEquatable<RatingState>
{
    /// <summary>The state format version this library writes and reads: 1.</summary>
    public const int CurrentVersion = 1;

    /// <summary>Creates a state.</summary>
    /// <param name="version">The format version; must be <see cref="CurrentVersion"/>.</param>
    /// <param name="definition">A CSAT or CES definition.</param>
    /// <param name="count">The answers.</param>
    /// <param name="favourable">The answers at or above the definition's threshold.</param>
    /// <param name="sum">The sum of the scores.</param>
    /// <param name="sumOfSquares">The sum of the squared scores.</param>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The definition is neither CSAT nor CES.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The version is unknown, or the counts and sums cannot come from
    /// answers on the scale: counts negative or favourable above count, n·min ≤ Σx ≤ n·max violated (tightened by the
    /// favourable count), Σx² outside the least and greatest sums of squares of n integers on the scale with sum Σx, or
    /// Σx² and Σx of different parity. The exception names the field.</exception>
    [JsonConstructor]
    public RatingState(int version, MetricDefinition definition, long count, long favourable, long sum, long sumOfSquares)
        : base(version, CurrentVersion, definition, MetricKind.Csat, MetricKind.Ces)
    {
        RatingTally.Validate(definition, count, favourable, sum, sumOfSquares);
        Count = count;
        Favourable = favourable;
        Sum = sum;
        SumOfSquares = sumOfSquares;
    }

    /// <summary>Gets the number of answers.</summary>
    public long Count { get; }

    /// <summary>Gets the answers at or above the threshold.</summary>
    public long Favourable { get; }

    /// <summary>Gets the sum of the scores.</summary>
    public long Sum { get; }

    /// <summary>Gets the sum of the squared scores.</summary>
    public long SumOfSquares { get; }

    /// <summary>The checks of the constructor, without allocating a state (the span path's results use them).</summary>
    internal static void Validate(MetricDefinition definition, long count, long favourable, long sum, long sumOfSquares)
    {
        if (definition.Kind is not (MetricKind.Csat or MetricKind.Ces))
        {
            throw new ArgumentException($"A rating state needs a CSAT or CES definition; got {definition}.", nameof(definition));
        }

        RatingTally.Validate(definition, count, favourable, sum, sumOfSquares);
    }

    /// <inheritdoc />
    public bool Equals(RatingState? other) =>
        HeaderEquals(other) && Count == other.Count
        && Favourable == other.Favourable && Sum == other.Sum && SumOfSquares == other.SumOfSquares;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as RatingState);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Version, Definition, Count, Favourable, Sum, SumOfSquares);

    /// <summary>Returns the state as <c>CSAT on 1–5, favourable from 4 state v1: n 10, favourable 8, sum 41, sum of squares 177</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Definition} state v{Version}: n {Count}, favourable {Favourable}, sum {Sum}, sum of squares {SumOfSquares}");
}
