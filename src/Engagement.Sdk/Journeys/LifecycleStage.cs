using System.Text.Json.Serialization;

namespace Engagement.Sdk.Journeys;

/// <summary>
/// The stages of the customer lifecycle that customer relationship management manages: selecting whom to serve,
/// acquiring them, retaining them and extending the relationship.
/// </summary>
/// <remarks>
/// After the customer-management process of Reinartz, Krafft &amp; Hoyer (2004), "The Customer Relationship Management
/// Process", Journal of Marketing Research 41(3): initiation (selection and acquisition), maintenance (retention) and,
/// for customers worth it, growth of the relationship by up- and cross-selling (extension).
/// </remarks>
[JsonConverter(typeof(Engagement.Sdk.IO.StrictEnumConverter<LifecycleStage>))]
public enum LifecycleStage
{
    /// <summary>Choosing which prospects to target, by their expected value.</summary>
    Selection = 0,

    /// <summary>Winning the first purchase of a selected prospect.</summary>
    Acquisition = 1,

    /// <summary>Keeping a customer buying and engaged.</summary>
    Retention = 2,

    /// <summary>Growing the relationship: upsell and cross-sell.</summary>
    Extension = 3,
}
