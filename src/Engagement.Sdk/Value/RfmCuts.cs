using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Sdk.Value;

/// <summary>
/// The quintile boundaries of a set of RFM scores, so that a host can score new customers against the same cuts: per
/// dimension four values, cut k being the worst value that scores above k.
/// </summary>
/// <remarks>
/// <para>
/// Frequency and monetary value are better when higher: cut k is the lowest value that scored k + 1 or more, and a
/// value scores 1 + the number of cuts at or below it. Recency (time since the last purchase) is better when lower: cut
/// k is the highest recency that scored k + 1 or more, and a recency scores 1 + the number of cuts at or above it. A cut
/// is <see langword="null"/> when no customer scored above k (then neither does a new one); nulls come last.
/// </para>
/// <para>
/// Scoring the customers the cuts came from against them gives their scores back exactly (the score is monotone in the
/// value). A customer without a monetary value scores 1 on it, as in <see cref="RfmScorer"/>. Equal when every cut is
/// equal. Immutable and thread-safe.
/// </para>
/// </remarks>
public sealed class RfmCuts : IEquatable<RfmCuts>
{
    /// <summary>The number of cuts per dimension: 4, between the 5 scores.</summary>
    public const int CutsPerDimension = 4;

    private readonly double[] _recency;
    private readonly double[] _frequency;
    private readonly double[] _monetary;

    /// <summary>Creates cuts.</summary>
    /// <param name="recency">The four recency cuts: finite, 0 or more, non-increasing, nulls last.</param>
    /// <param name="frequency">The four frequency cuts: finite, 0 or more, non-decreasing, nulls last.</param>
    /// <param name="monetary">The four monetary cuts: finite, 0 or more, non-decreasing, nulls last.</param>
    /// <exception cref="ArgumentNullException">A list is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A list does not hold four cuts, or a cut follows a null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A cut is negative or not finite, or out of order.</exception>
    [JsonConstructor]
    public RfmCuts(IReadOnlyList<double?> recency, IReadOnlyList<double?> frequency, IReadOnlyList<double?> monetary)
    {
        _recency = Check(recency, nameof(recency), descending: true);
        _frequency = Check(frequency, nameof(frequency), descending: false);
        _monetary = Check(monetary, nameof(monetary), descending: false);
        Recency = Array.AsReadOnly(recency.ToArray());
        Frequency = Array.AsReadOnly(frequency.ToArray());
        Monetary = Array.AsReadOnly(monetary.ToArray());
    }

    /// <summary>Gets the four recency cuts: cut k is the highest recency that scores above k.</summary>
    public IReadOnlyList<double?> Recency { get; }

    /// <summary>Gets the four frequency cuts: cut k is the lowest frequency that scores above k.</summary>
    public IReadOnlyList<double?> Frequency { get; }

    /// <summary>Gets the four monetary cuts: cut k is the lowest monetary value that scores above k.</summary>
    public IReadOnlyList<double?> Monetary { get; }

    /// <summary>Returns the recency score of a time since the last purchase.</summary>
    /// <param name="recency">The time since the last purchase, in the unit the cuts were made in; finite, 0 or more.</param>
    /// <returns>1 + the number of recency cuts at or above it.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="recency"/> is negative or not finite.</exception>
    public int ScoreRecency(double recency)
    {
        SpendChecks.NonNegative(recency, nameof(recency));
        var score = 1;
        foreach (var cut in _recency)
        {
            score += recency <= cut ? 1 : 0;
        }

        return score;
    }

    /// <summary>Returns the frequency score of a number of purchases.</summary>
    /// <param name="frequency">The purchases; finite, 0 or more.</param>
    /// <returns>1 + the number of frequency cuts at or below it.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="frequency"/> is negative or not finite.</exception>
    public int ScoreFrequency(double frequency) => ScoreUp(_frequency, SpendChecks.NonNegative(frequency, nameof(frequency)));

    /// <summary>Returns the monetary score of a value.</summary>
    /// <param name="monetary">The monetary value; finite, 0 or more; <see langword="null"/> when there is none.</param>
    /// <returns>1 + the number of monetary cuts at or below it; 1 without a value.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="monetary"/> is negative or not finite.</exception>
    public int ScoreMonetary(double? monetary) =>
        monetary is { } value ? ScoreUp(_monetary, SpendChecks.NonNegative(value, nameof(monetary))) : 1;

    /// <summary>Scores a customer against the cuts and gives the segment of the scores.</summary>
    /// <param name="recency">The time since the last purchase; finite, 0 or more.</param>
    /// <param name="frequency">The purchases; finite, 0 or more.</param>
    /// <param name="monetary">The monetary value, or <see langword="null"/> when there is none.</param>
    /// <param name="segmentMap">The segments, or <see langword="null"/> for <see cref="RfmSegmentMap.Default"/>.</param>
    /// <returns>The scores and segment.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A value is negative or not finite.</exception>
    public RfmScore Score(double recency, double frequency, double? monetary, RfmSegmentMap? segmentMap = null)
    {
        var r = (byte)ScoreRecency(recency);
        var f = (byte)ScoreFrequency(frequency);
        var m = (byte)ScoreMonetary(monetary);
        return new RfmScore(r, f, m, (segmentMap ?? RfmSegmentMap.Default).SegmentOf(r, f, m));
    }

    /// <inheritdoc />
    public bool Equals(RfmCuts? other) =>
        other is not null && Recency.SequenceEqual(other.Recency) && Frequency.SequenceEqual(other.Frequency) && Monetary.SequenceEqual(other.Monetary);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as RfmCuts);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Recency[0], Frequency[0], Monetary[0], Recency[3], Frequency[3], Monetary[3]);

    /// <summary>Returns the cuts as <c>R ≤ 40|30|20|10, F ≥ 2|3|5|8, M ≥ 10|20|30|40</c> (— for a missing cut).</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() => $"R ≤ {Text(Recency)}, F ≥ {Text(Frequency)}, M ≥ {Text(Monetary)}";

    private static int ScoreUp(double[] cuts, double value)
    {
        var score = 1;
        foreach (var cut in cuts)
        {
            score += value >= cut ? 1 : 0;
        }

        return score;
    }

    private static string Text(IReadOnlyList<double?> cuts) =>
        string.Join('|', cuts.Select(c => c is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : "—"));

    // The cuts as thresholds: a missing recency cut is −∞ (no recency is at or below it), a missing frequency or
    // monetary cut +∞ (no value is at or above it).
    private static double[] Check(IReadOnlyList<double?> cuts, string paramName, bool descending)
    {
        ArgumentNullException.ThrowIfNull(cuts, paramName);
        if (cuts.Count != CutsPerDimension)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"There are {CutsPerDimension} cuts per dimension; got {cuts.Count}."), paramName);
        }

        var thresholds = new double[CutsPerDimension];
        var missing = false;
        for (var k = 0; k < CutsPerDimension; k++)
        {
            if (cuts[k] is not { } cut)
            {
                missing = true;
                thresholds[k] = descending ? double.NegativeInfinity : double.PositiveInfinity;
                continue;
            }

            if (missing)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"A missing cut is followed only by missing cuts; cut {k + 1} is {cut} after a missing one."),
                    paramName);
            }

            SpendChecks.NonNegative(cut, paramName);
            if (k > 0 && (descending ? cut > thresholds[k - 1] : cut < thresholds[k - 1]))
            {
                throw new ArgumentOutOfRangeException(
                    paramName,
                    cut,
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"The cuts must be {(descending ? "non-increasing" : "non-decreasing")}; cut {k + 1} is {cut} after {thresholds[k - 1]}."));
            }

            thresholds[k] = cut + 0.0;
        }

        return thresholds;
    }
}
