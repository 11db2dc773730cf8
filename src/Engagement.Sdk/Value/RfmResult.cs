using System.Collections.ObjectModel;
using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Sdk.Value;

/// <summary>
/// The RFM scores of a set of customers, by column: per customer the recency, frequency and monetary scores (1 to 5)
/// and the segment; the customers per score and per segment; the quintile cuts, to score new customers alike; and the
/// segment map used.
/// </summary>
/// <remarks>
/// <para>
/// Obtain one from <see cref="RfmScorer"/>. Customers keep the order of the input. Empty input: with no customers
/// <see cref="HasValue"/> is <see langword="false"/>, every count is 0 and every cut is <see langword="null"/>.
/// </para>
/// <para>
/// In JSON the result is its cuts, its segment map, its scores and the customer identifiers (or <see langword="null"/>);
/// the counts are recomputed when read, and every score's segment must be the one the map gives. Equal when all of
/// those are equal. Immutable and thread-safe.
/// </para>
/// </remarks>
public sealed class RfmResult : IEquatable<RfmResult>
{
    private readonly byte[] _recency;
    private readonly byte[] _frequency;
    private readonly byte[] _monetary;
    private readonly RfmSegment[] _segments;
    private readonly string[]? _ids;
    private readonly long[] _counts = new long[15];
    private readonly long[] _segmentCounts = new long[SegmentCount];
    private IReadOnlyList<RfmScore>? _scores;

    /// <summary>Creates a result from its parts, for JSON; prefer <see cref="RfmScorer"/>.</summary>
    /// <param name="cuts">The quintile cuts.</param>
    /// <param name="segmentMap">The segment map the segments come from.</param>
    /// <param name="scores">The customers' scores, each with the segment <paramref name="segmentMap"/> gives it.</param>
    /// <param name="customerIds">The customers' identifiers, one per score, none blank; or <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="cuts"/>, <paramref name="segmentMap"/> or
    /// <paramref name="scores"/> is <see langword="null"/>, or an identifier is.</exception>
    /// <exception cref="ArgumentException">A score is <c>default</c> or its segment is not the map's, or the identifiers
    /// are blank or not one per score.</exception>
    [JsonConstructor]
    public RfmResult(RfmCuts cuts, RfmSegmentMap segmentMap, IReadOnlyList<RfmScore> scores, IReadOnlyList<string>? customerIds = null)
    {
        ArgumentNullException.ThrowIfNull(cuts);
        ArgumentNullException.ThrowIfNull(segmentMap);
        ArgumentNullException.ThrowIfNull(scores);
        var n = scores.Count;
        _recency = new byte[n];
        _frequency = new byte[n];
        _monetary = new byte[n];
        for (var i = 0; i < n; i++)
        {
            var score = scores[i];
            if (score.IsDefault || segmentMap.SegmentOf((byte)score.Recency, (byte)score.Frequency, (byte)score.Monetary) != score.Segment)
            {
                throw new ArgumentException(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"The score at index {i} ({score}) is not one the segment map gives{(score.IsDefault ? "" : $": the map puts {score.Code} in {segmentMap.SegmentOf((byte)score.Recency, (byte)score.Frequency, (byte)score.Monetary)}")}."),
                    nameof(scores));
            }

            _recency[i] = (byte)score.Recency;
            _frequency[i] = (byte)score.Frequency;
            _monetary[i] = (byte)score.Monetary;
        }

        if (customerIds is not null)
        {
            if (customerIds.Count != n)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"There is one identifier per customer ({n}); got {customerIds.Count}."), nameof(customerIds));
            }

            _ids = new string[n];
            for (var i = 0; i < n; i++)
            {
                _ids[i] = Validation.NotBlank(customerIds[i], nameof(customerIds));
            }
        }

        Cuts = cuts;
        SegmentMap = segmentMap;
        _segments = new RfmSegment[n];
        Tally();
    }

    /// <summary>Takes ownership of the score columns.</summary>
    internal RfmResult(RfmCuts cuts, RfmSegmentMap segmentMap, byte[] recency, byte[] frequency, byte[] monetary, string[]? customerIds)
    {
        Cuts = cuts;
        SegmentMap = segmentMap;
        _recency = recency;
        _frequency = frequency;
        _monetary = monetary;
        _ids = customerIds;
        _segments = new RfmSegment[recency.Length];
        Tally();
    }

    private static int SegmentCount => (int)RfmSegment.Lost + 1;

    /// <summary>Gets the quintile cuts, to score new customers against (<see cref="RfmCuts.Score"/>).</summary>
    public RfmCuts Cuts { get; }

    /// <summary>Gets the segment map the segments come from.</summary>
    public RfmSegmentMap SegmentMap { get; }

    /// <summary>Gets the customers' scores, in input order (materialised on first use).</summary>
    public IReadOnlyList<RfmScore> Scores => _scores ??= Materialise();

    /// <summary>Gets the customers' identifiers, in input order; <see langword="null"/> when the input had none.</summary>
    public IReadOnlyList<string>? CustomerIds => _ids is null ? null : Array.AsReadOnly(_ids);

    /// <summary>Gets the number of customers.</summary>
    [JsonIgnore]
    public int Count => _recency.Length;

    /// <summary>Gets whether there is a value, that is whether any customer was scored.</summary>
    [JsonIgnore]
    public bool HasValue => Count > 0;

    /// <summary>Gets the customers per recency score: index 0 holds those who scored 1, index 4 those who scored 5.</summary>
    [JsonIgnore]
    public IReadOnlyList<long> RecencyCounts => new ArraySegment<long>(_counts, 0, 5);

    /// <summary>Gets the customers per frequency score: index 0 holds those who scored 1, index 4 those who scored 5.</summary>
    [JsonIgnore]
    public IReadOnlyList<long> FrequencyCounts => new ArraySegment<long>(_counts, 5, 5);

    /// <summary>Gets the customers per monetary score: index 0 holds those who scored 1, index 4 those who scored 5.</summary>
    [JsonIgnore]
    public IReadOnlyList<long> MonetaryCounts => new ArraySegment<long>(_counts, 10, 5);

    /// <summary>Gets the customers per segment, indexed by the segment's value (<c>SegmentCounts[(int)RfmSegment.Lost]</c>).</summary>
    [JsonIgnore]
    public IReadOnlyList<long> SegmentCounts => Array.AsReadOnly(_segmentCounts);

    /// <summary>Gets the recency scores by customer.</summary>
    internal ReadOnlySpan<byte> RecencyScores => _recency;

    /// <summary>Gets the frequency scores by customer.</summary>
    internal ReadOnlySpan<byte> FrequencyScores => _frequency;

    /// <summary>Gets the monetary scores by customer.</summary>
    internal ReadOnlySpan<byte> MonetaryScores => _monetary;

    /// <summary>Gets the score of the customer at an index.</summary>
    /// <param name="index">The customer's index in the input, from 0 to <see cref="Count"/> − 1.</param>
    /// <returns>The customer's scores and segment.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the customers.</exception>
    public RfmScore this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            return new RfmScore(_recency[index], _frequency[index], _monetary[index], _segments[index]);
        }
    }

    /// <summary>Returns the number of customers in a segment.</summary>
    /// <param name="segment">The segment.</param>
    /// <returns>How many customers it holds.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="segment"/> is not a defined value.</exception>
    public long CountOf(RfmSegment segment) => _segmentCounts[(int)Validation.Defined(segment, nameof(segment))];

    /// <summary>Returns the share of the customers in a segment.</summary>
    /// <param name="segment">The segment.</param>
    /// <returns>The customers in the segment out of all, with its interval; no value without customers.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="segment"/> is not a defined value.</exception>
    public Statistics.Proportion ShareOf(RfmSegment segment) => new(CountOf(segment), Count);

    /// <summary>Returns the same scores put in segments by another map.</summary>
    /// <param name="segmentMap">The segments.</param>
    /// <returns>A result with the same scores, cuts and identifiers, and the segments <paramref name="segmentMap"/> gives.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="segmentMap"/> is <see langword="null"/>.</exception>
    public RfmResult WithSegmentMap(RfmSegmentMap segmentMap)
    {
        ArgumentNullException.ThrowIfNull(segmentMap);
        return new RfmResult(Cuts, segmentMap, _recency, _frequency, _monetary, _ids);
    }

    /// <summary>Scores a new customer against this result's cuts and segment map.</summary>
    /// <param name="recency">The time since the last purchase, in the unit of the scored data; finite, 0 or more.</param>
    /// <param name="frequency">The purchases; finite, 0 or more.</param>
    /// <param name="monetary">The monetary value, or <see langword="null"/> when there is none.</param>
    /// <returns>The scores and segment.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A value is negative or not finite.</exception>
    public RfmScore Score(double recency, double frequency, double? monetary) => Cuts.Score(recency, frequency, monetary, SegmentMap);

    /// <inheritdoc />
    public bool Equals(RfmResult? other) =>
        other is not null
        && Cuts.Equals(other.Cuts)
        && SegmentMap.Equals(other.SegmentMap)
        && _recency.AsSpan().SequenceEqual(other._recency)
        && _frequency.AsSpan().SequenceEqual(other._frequency)
        && _monetary.AsSpan().SequenceEqual(other._monetary)
        && (_ids is null ? other._ids is null : other._ids is not null && _ids.SequenceEqual(other._ids, StringComparer.Ordinal));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as RfmResult);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Cuts, Count);

    /// <summary>Returns the result as <c>1000 customers: 52 Champions, …</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString()
    {
        var parts = new List<string>(SegmentCount);
        for (var s = 0; s < SegmentCount; s++)
        {
            if (_segmentCounts[s] > 0)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{_segmentCounts[s]} {(RfmSegment)s}"));
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"{Count} customers: {(parts.Count == 0 ? "none" : string.Join(", ", parts))}");
    }

    private void Tally()
    {
        for (var i = 0; i < _recency.Length; i++)
        {
            byte r = _recency[i], f = _frequency[i], m = _monetary[i];
            var segment = SegmentMap.SegmentOf(r, f, m);
            _segments[i] = segment;
            _counts[r - 1]++;
            _counts[f + 4]++;
            _counts[m + 9]++;
            _segmentCounts[(int)segment]++;
        }
    }

    private ReadOnlyCollection<RfmScore> Materialise()
    {
        var scores = new RfmScore[Count];
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = new RfmScore(_recency[i], _frequency[i], _monetary[i], _segments[i]);
        }

        return Array.AsReadOnly(scores);
    }
}
