using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Sdk.Value;

/// <summary>
/// One customer's RFM scores — recency, frequency and monetary value, each 1 (worst quintile) to 5 (best) — and the
/// <see cref="RfmSegment"/> they fall in.
/// </summary>
/// <remarks>
/// Obtain scores from <see cref="RfmScorer"/> or <see cref="RfmCuts.Score"/>. <see cref="Code"/> is the usual
/// three-digit code (545 for R = 5, F = 4, M = 5). <c>default(RfmScore)</c> has no scores (all 0) and
/// <see cref="IsDefault"/> says so; every reader rejects it, its <see cref="Segment"/> throws
/// <see cref="InvalidOperationException"/>, and so writing it as JSON fails. A small immutable value, thread-safe.
/// </remarks>
public readonly struct RfmScore : IEquatable<RfmScore>
{
    private readonly byte _recency;
    private readonly byte _frequency;
    private readonly byte _monetary;
    private readonly RfmSegment _segment;

    /// <summary>Creates a score.</summary>
    /// <param name="recency">The recency score, 1 to 5 (5 = bought most recently).</param>
    /// <param name="frequency">The frequency score, 1 to 5 (5 = buys most often).</param>
    /// <param name="monetary">The monetary score, 1 to 5 (5 = spends the most).</param>
    /// <param name="segment">The segment of the three scores.</param>
    /// <exception cref="ArgumentOutOfRangeException">A score is outside 1 to 5, or <paramref name="segment"/> is not a
    /// defined value.</exception>
    [JsonConstructor]
    public RfmScore(int recency, int frequency, int monetary, RfmSegment segment)
    {
        _recency = Check(recency, nameof(recency));
        _frequency = Check(frequency, nameof(frequency));
        _monetary = Check(monetary, nameof(monetary));
        _segment = Validation.Defined(segment, nameof(segment));
    }

    internal RfmScore(byte recency, byte frequency, byte monetary, RfmSegment segment)
    {
        _recency = recency;
        _frequency = frequency;
        _monetary = monetary;
        _segment = segment;
    }

    /// <summary>Gets the recency score, 1 to 5: 5 for the customers who bought most recently.</summary>
    public int Recency => _recency;

    /// <summary>Gets the frequency score, 1 to 5: 5 for the customers who buy most often.</summary>
    public int Frequency => _frequency;

    /// <summary>Gets the monetary score, 1 to 5: 5 for the customers who spend the most.</summary>
    public int Monetary => _monetary;

    /// <summary>Gets the segment the three scores fall in.</summary>
    /// <exception cref="InvalidOperationException">This is <c>default(RfmScore)</c>, which has no scores and so no
    /// segment (so JSON of a default score fails on write rather than writing a segment it cannot read back).
    /// </exception>
    public RfmSegment Segment => IsDefault
        ? throw new InvalidOperationException(
            "default(RfmScore) has no scores and so no segment; obtain scores from RfmScorer or RfmCuts.Score.")
        : _segment;

    /// <summary>Gets the three-digit code R·100 + F·10 + M, such as 545.</summary>
    [JsonIgnore]
    public int Code => (_recency * 100) + (_frequency * 10) + _monetary;

    /// <summary>Gets whether this is <c>default(RfmScore)</c>, which has no scores.</summary>
    [JsonIgnore]
    public bool IsDefault => _recency == 0;

    /// <summary>Returns whether two scores are equal.</summary>
    /// <param name="left">The first score.</param>
    /// <param name="right">The second score.</param>
    /// <returns><see langword="true"/> when the scores and segments are equal.</returns>
    public static bool operator ==(RfmScore left, RfmScore right) => left.Equals(right);

    /// <summary>Returns whether two scores differ.</summary>
    /// <param name="left">The first score.</param>
    /// <param name="right">The second score.</param>
    /// <returns><see langword="true"/> when a score or the segment differs.</returns>
    public static bool operator !=(RfmScore left, RfmScore right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(RfmScore other) =>
        _recency == other._recency && _frequency == other._frequency && _monetary == other._monetary && _segment == other._segment;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RfmScore other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_recency, _frequency, _monetary, _segment);

    /// <summary>Returns the score as <c>545 Champions</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        IsDefault ? "no score" : string.Create(CultureInfo.InvariantCulture, $"{Code} {Segment}");

    /// <summary>Checks that a score lies in 1 to 5.</summary>
    internal static byte Check(int score, string paramName)
    {
        if (score is < 1 or > 5)
        {
            throw new ArgumentOutOfRangeException(
                paramName, score, string.Create(CultureInfo.InvariantCulture, $"An RFM score is 1 to 5; got {score}."));
        }

        return (byte)score;
    }
}
