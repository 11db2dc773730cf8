using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Sdk.Value;

/// <summary>
/// Which <see cref="RfmSegment"/> each of the 125 combinations of recency, frequency and monetary scores falls in: an
/// ordered list of <see cref="RfmSegmentRule"/>s, the first that matches giving the segment.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Default"/> is the widely published 125-cell RFM segment table (Champions 555, 554, 544, 545, 454, 455,
/// 445; Loyal 543, 444, …; see docs/value.md for the whole table and its sources), written as 41 non-overlapping
/// rules. Hosts replace it with their own rules, for example a grid on recency and frequency alone; the map is saved and
/// read back as JSON.
/// </para>
/// <para>
/// The constructor checks that the rules cover all 125 combinations, so that every customer gets a segment, and that
/// every rule gives the segment of at least one combination (a rule that earlier rules hide completely is a mistake).
/// Maps are equal when their rules are equal, in order. Immutable and thread-safe.
/// </para>
/// </remarks>
public sealed class RfmSegmentMap : IEquatable<RfmSegmentMap>
{
    /// <summary>The number of combinations of three scores from 1 to 5: 125.</summary>
    public const int CellCount = 125;

    /// <summary>The most rules a map may hold: one per combination.</summary>
    public const int MaxRules = CellCount;

    private readonly RfmSegment[] _cells;

    /// <summary>Creates a map.</summary>
    /// <param name="rules">The rules, first match wins: 1 to <see cref="MaxRules"/>, together covering all 125
    /// combinations of scores, each deciding at least one. The list is copied.</param>
    /// <exception cref="ArgumentNullException"><paramref name="rules"/> or one of its rules is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">There are no rules or too many, a combination of scores matches no rule (the
    /// message names the first), or a rule matches only combinations earlier rules have decided (the message names
    /// it).</exception>
    [JsonConstructor]
    public RfmSegmentMap(IReadOnlyList<RfmSegmentRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (rules.Count is 0 or > MaxRules)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"An RFM segment map holds 1 to {MaxRules} rules; got {rules.Count}."), nameof(rules));
        }

        var copy = new RfmSegmentRule[rules.Count];
        var decides = new bool[copy.Length];
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = rules[i] ?? throw new ArgumentNullException(
                nameof(rules), string.Create(CultureInfo.InvariantCulture, $"The rule at index {i} is null."));
        }

        _cells = new RfmSegment[CellCount];
        for (var cell = 0; cell < CellCount; cell++)
        {
            var (r, f, m) = Scores(cell);
            var match = Array.FindIndex(copy, rule => rule.Matches(r, f, m));
            if (match < 0)
            {
                throw new ArgumentException(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"Every combination of scores needs a segment; no rule matches R {r}, F {f}, M {m} (code {(r * 100) + (f * 10) + m})."),
                    nameof(rules));
            }

            decides[match] = true;
            _cells[cell] = copy[match].Segment;
        }

        var dead = Array.IndexOf(decides, false);
        if (dead >= 0)
        {
            throw new ArgumentException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"The rule at index {dead} ({copy[dead]}) never applies: the rules before it decide every combination it matches."),
                nameof(rules));
        }

        Rules = Array.AsReadOnly(copy);
    }

    /// <summary>Gets the widely published 125-cell RFM segment table as 41 non-overlapping rules (docs/value.md).</summary>
    public static RfmSegmentMap Default { get; } = new(
    [
        new(RfmSegment.Champions, 4, 5, 4, 5, 5, 5),
        new(RfmSegment.Champions, 4, 5, 5, 5, 4, 4),
        new(RfmSegment.Champions, 5, 5, 4, 4, 4, 4),
        new(RfmSegment.Loyal, 3, 3, 4, 5, 4, 5),
        new(RfmSegment.Loyal, 3, 4, 3, 3, 5, 5),
        new(RfmSegment.Loyal, 4, 4, 4, 4, 4, 4),
        new(RfmSegment.Loyal, 5, 5, 4, 4, 3, 3),
        new(RfmSegment.PotentialLoyalist, 3, 5, 4, 5, 1, 2),
        new(RfmSegment.PotentialLoyalist, 4, 5, 3, 3, 1, 3),
        new(RfmSegment.PotentialLoyalist, 3, 5, 5, 5, 3, 3),
        new(RfmSegment.PotentialLoyalist, 3, 3, 2, 3, 3, 3),
        new(RfmSegment.PotentialLoyalist, 4, 4, 2, 2, 3, 3),
        new(RfmSegment.New, 4, 4, 1, 2, 1, 2),
        new(RfmSegment.New, 5, 5, 1, 1, 1, 2),
        new(RfmSegment.New, 3, 3, 1, 1, 1, 1),
        new(RfmSegment.Promising, 3, 5, 1, 1, 3, 5),
        new(RfmSegment.Promising, 5, 5, 2, 2, 1, 5),
        new(RfmSegment.Promising, 4, 4, 2, 2, 4, 5),
        new(RfmSegment.NeedsAttention, 3, 5, 3, 3, 4, 4),
        new(RfmSegment.NeedsAttention, 3, 3, 2, 2, 4, 5),
        new(RfmSegment.NeedsAttention, 3, 4, 4, 4, 3, 3),
        new(RfmSegment.NeedsAttention, 5, 5, 3, 3, 5, 5),
        new(RfmSegment.AboutToSleep, 2, 2, 2, 5, 1, 1),
        new(RfmSegment.AboutToSleep, 3, 3, 2, 3, 1, 1),
        new(RfmSegment.AboutToSleep, 2, 2, 1, 1, 3, 3),
        new(RfmSegment.AboutToSleep, 3, 3, 1, 1, 2, 2),
        new(RfmSegment.AtRisk, 1, 2, 2, 3, 4, 5),
        new(RfmSegment.AtRisk, 1, 2, 4, 5, 2, 3),
        new(RfmSegment.AtRisk, 2, 2, 4, 5, 4, 5),
        new(RfmSegment.AtRisk, 1, 1, 3, 3, 3, 3),
        new(RfmSegment.AtRisk, 1, 1, 4, 4, 5, 5),
        new(RfmSegment.CantLose, 1, 2, 1, 1, 4, 5),
        new(RfmSegment.CantLose, 1, 1, 4, 5, 4, 4),
        new(RfmSegment.CantLose, 1, 1, 1, 1, 3, 3),
        new(RfmSegment.CantLose, 1, 1, 5, 5, 5, 5),
        new(RfmSegment.Hibernating, 1, 3, 2, 3, 2, 2),
        new(RfmSegment.Hibernating, 1, 2, 2, 2, 3, 3),
        new(RfmSegment.Hibernating, 2, 2, 1, 1, 1, 2),
        new(RfmSegment.Hibernating, 2, 2, 3, 3, 3, 3),
        new(RfmSegment.Lost, 1, 1, 1, 5, 1, 1),
        new(RfmSegment.Lost, 1, 1, 1, 1, 2, 2),
    ]);

    /// <summary>Gets the rules; the first that matches a customer's scores gives the segment.</summary>
    public IReadOnlyList<RfmSegmentRule> Rules { get; }

    /// <summary>Returns the segment of three scores.</summary>
    /// <param name="recency">The recency score, 1 to 5.</param>
    /// <param name="frequency">The frequency score, 1 to 5.</param>
    /// <param name="monetary">The monetary score, 1 to 5.</param>
    /// <returns>The segment of the first rule that matches.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A score is outside 1 to 5.</exception>
    public RfmSegment Segment(int recency, int frequency, int monetary) => _cells[Cell(
        RfmScore.Check(recency, nameof(recency)), RfmScore.Check(frequency, nameof(frequency)), RfmScore.Check(monetary, nameof(monetary)))];

    /// <inheritdoc />
    public bool Equals(RfmSegmentMap? other) => other is not null && Rules.SequenceEqual(other.Rules);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as RfmSegmentMap);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Rules.Count, Rules[0]);

    /// <summary>Returns the number of rules, as <c>RFM segment map of 41 rules</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"RFM segment map of {Rules.Count} rules");

    /// <summary>The segment of three scores already known to lie in 1 to 5.</summary>
    internal RfmSegment SegmentOf(byte recency, byte frequency, byte monetary) => _cells[Cell(recency, frequency, monetary)];

    private static int Cell(int recency, int frequency, int monetary) => ((recency - 1) * 25) + ((frequency - 1) * 5) + (monetary - 1);

    private static (int Recency, int Frequency, int Monetary) Scores(int cell) => ((cell / 25) + 1, (cell / 5 % 5) + 1, (cell % 5) + 1);
}
