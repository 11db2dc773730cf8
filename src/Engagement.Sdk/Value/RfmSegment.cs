using System.Text.Json.Serialization;

namespace Engagement.Sdk.Value;

/// <summary>
/// The named customer segments of RFM analysis, from the best customers (<see cref="Champions"/>) to those who have
/// left (<see cref="Lost"/>). Which (recency, frequency, monetary) scores fall in which segment is decided by an
/// <see cref="RfmSegmentMap"/>; <see cref="RfmSegmentMap.Default"/> is the widely published 125-cell table (see
/// docs/value.md).
/// </summary>
/// <remarks>
/// The eleven segments of the widely used RFM segment table, in its order. <see cref="AboutToSleep"/> is the one segment
/// of that table between <see cref="NeedsAttention"/> and <see cref="AtRisk"/> that is often left out of shorter lists.
/// </remarks>
[JsonConverter(typeof(Engagement.Sdk.IO.StrictEnumConverter<RfmSegment>))]
public enum RfmSegment
{
    /// <summary>Bought recently, buy often and spend the most.</summary>
    Champions = 0,

    /// <summary>Buy regularly and spend well; responsive to promotions.</summary>
    Loyal = 1,

    /// <summary>Recent customers with average frequency who could become loyal.</summary>
    PotentialLoyalist = 2,

    /// <summary>Bought most recently, but not often.</summary>
    New = 3,

    /// <summary>Recent shoppers who have not yet bought much.</summary>
    Promising = 4,

    /// <summary>Above-average recency, frequency and spend, but slipping.</summary>
    NeedsAttention = 5,

    /// <summary>Below-average recency and frequency: will be lost unless reactivated.</summary>
    AboutToSleep = 6,

    /// <summary>Spent and bought often, but long ago.</summary>
    AtRisk = 7,

    /// <summary>Once among the best customers, now not buying.</summary>
    CantLose = 8,

    /// <summary>Last purchase long ago, few orders, little spend.</summary>
    Hibernating = 9,

    /// <summary>The lowest recency and frequency scores.</summary>
    Lost = 10,
}
