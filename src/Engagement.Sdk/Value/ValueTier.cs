using System.Text.Json.Serialization;

namespace Engagement.Sdk.Value;

/// <summary>
/// The customer value tiers of Peppers &amp; Rogers: whom to retain, whom to grow, whom to serve at lower cost, and whose
/// cost to serve exceeds the margin they bring.
/// </summary>
/// <remarks>
/// After Peppers, D. &amp; Rogers, M. (2011), <i>Managing Customer Relationships: A Strategic Framework</i>, 2nd ed.,
/// Wiley, ch. 5 (differentiating customers by value): most valuable customers (MVCs), most growable customers (MGCs),
/// low-maintenance customers and below-zero customers (BZs). <see cref="ValueTiers"/> assigns them.
/// </remarks>
[JsonConverter(typeof(Engagement.Sdk.IO.StrictEnumConverter<ValueTier>))]
public enum ValueTier
{
    /// <summary>The customers of highest actual value (net of the cost to serve): retain them.</summary>
    MostValuable = 0,

    /// <summary>The customers with the largest gap between potential and actual value: grow them.</summary>
    MostGrowable = 1,

    /// <summary>The rest of the profitable customers: serve them efficiently.</summary>
    LowMaintenance = 2,

    /// <summary>Customers whose cost to serve exceeds the margin they bring (net value below zero).</summary>
    BelowZero = 3,
}
