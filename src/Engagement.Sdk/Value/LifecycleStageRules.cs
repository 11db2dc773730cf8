using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Sdk.Journeys;

namespace Engagement.Sdk.Value;

/// <summary>
/// Simple, replaceable rules that put a customer in a stage of the customer lifecycle (<see cref="LifecycleStage"/>)
/// from the customer's purchase summary.
/// </summary>
/// <remarks>
/// <para>The rules, in order:</para>
/// <list type="number">
/// <item><b>Selection</b>: a prospect, with no purchase and so no summary (<see cref="ClassifyProspect"/>).</item>
/// <item><b>Acquisition</b>: fewer than <see cref="MinimumRepeatPurchases"/> repeat purchases (x): the first purchase
/// won, the relationship not yet established.</item>
/// <item><b>Extension</b>: a repeat buyer whose buying grows by at least <see cref="ExtensionGrowth"/> from the
/// calibration period to the holdout period that follows it — purchases per unit of time, x*/holdout length against x/T
/// (repeat purchases per unit of time since the first), or mean value per purchase, holdout mean against z̄. Growth
/// needs the holdout period; without one nobody is in Extension.</item>
/// <item><b>Retention</b>: every other repeat buyer.</item>
/// </list>
/// <para>
/// The stages follow Reinartz, Krafft &amp; Hoyer (2004), "The Customer Relationship Management Process", Journal of
/// Marketing Research 41(3): initiation (selection, acquisition), maintenance (retention) and growth by up- and
/// cross-selling (extension). Equal when every threshold is equal. Immutable and thread-safe; JSON.
/// </para>
/// </remarks>
public sealed class LifecycleStageRules : IEquatable<LifecycleStageRules>
{
    /// <summary>Creates rules.</summary>
    /// <param name="minimumRepeatPurchases">The repeat purchases that make a customer retained rather than acquired;
    /// 1 or more.</param>
    /// <param name="extensionGrowth">The relative growth of purchase rate or spend, holdout over calibration, that puts a
    /// retained customer in Extension: finite, above 0 (0.25 = a quarter more).</param>
    /// <exception cref="ArgumentOutOfRangeException">A threshold is outside its range.</exception>
    [JsonConstructor]
    public LifecycleStageRules(int minimumRepeatPurchases = 1, double extensionGrowth = 0.25)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumRepeatPurchases, 1);
        MinimumRepeatPurchases = minimumRepeatPurchases;
        ExtensionGrowth = SpendChecks.Positive(extensionGrowth, nameof(extensionGrowth));
    }

    /// <summary>Gets the default rules: one repeat purchase makes a customer retained; 25% growth, extended.</summary>
    public static LifecycleStageRules Default { get; } = new();

    /// <summary>Gets the repeat purchases that make a customer retained rather than acquired.</summary>
    /// <value>The default value is 1.</value>
    public int MinimumRepeatPurchases { get; }

    /// <summary>Gets the relative growth, holdout over calibration, that puts a retained customer in Extension.</summary>
    /// <value>The default value is 0.25.</value>
    public double ExtensionGrowth { get; }

    /// <summary>Returns whether two rule sets are equal.</summary>
    /// <param name="left">The first rules.</param>
    /// <param name="right">The second rules.</param>
    /// <returns><see langword="true"/> when every threshold is equal.</returns>
    public static bool operator ==(LifecycleStageRules? left, LifecycleStageRules? right) => Equals(left, right);

    /// <summary>Returns whether two rule sets differ.</summary>
    /// <param name="left">The first rules.</param>
    /// <param name="right">The second rules.</param>
    /// <returns><see langword="true"/> when a threshold differs.</returns>
    public static bool operator !=(LifecycleStageRules? left, LifecycleStageRules? right) => !Equals(left, right);

    /// <summary>Returns the stage of a prospect, someone without a purchase and so without a summary: Selection.</summary>
    /// <returns><see cref="LifecycleStage.Selection"/>.</returns>
    /// <remarks>
    /// A member of its own rather than a <see langword="null"/> summary, which would bind to
    /// <see cref="Classify(CustomerSummaries)"/> and be refused. An instance member, so that a host classifying through
    /// its configured rules asks them for every stage.
    /// </remarks>
    [System.Diagnostics.CodeAnalysis.SuppressMessage(
        "Performance",
        "CA1822:Mark members as static",
        Justification = "Every stage is asked of the configured rules; a prospect's stage belongs with them.")]
    public LifecycleStage ClassifyProspect() => LifecycleStage.Selection;

    /// <summary>Returns the stage of one customer who has bought (for a prospect, <see cref="ClassifyProspect"/>).</summary>
    /// <param name="customer">The customer's summary.</param>
    /// <param name="holdoutLength">The length of the holdout period, in the summary's unit, when the summary has holdout
    /// figures; otherwise <see langword="null"/>.</param>
    /// <returns>The stage: Acquisition, Retention or Extension.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="customer"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The summary has a holdout frequency but no <paramref name="holdoutLength"/> is
    /// given, or the other way round.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="holdoutLength"/> is not finite and above 0.</exception>
    public LifecycleStage Classify(CustomerSummary customer, double? holdoutLength = null)
    {
        ArgumentNullException.ThrowIfNull(customer);
        if (holdoutLength is { } length)
        {
            CustomerSummaries.CheckHoldoutLength(length, nameof(holdoutLength));
        }

        if (customer.HoldoutFrequency.HasValue != holdoutLength.HasValue)
        {
            throw new ArgumentException(
                customer.HoldoutFrequency.HasValue ? "A holdout frequency needs the holdout period's length." : "A holdout length needs the customer's holdout frequency.",
                nameof(holdoutLength));
        }

        return Stage(customer.Frequency, customer.T, customer.MonetaryValue ?? double.NaN, customer.HoldoutFrequency ?? 0, customer.HoldoutValue ?? double.NaN, holdoutLength);
    }

    /// <summary>Returns the stages of summarised customers (none of whom is a prospect).</summary>
    /// <param name="summaries">The customers, with or without a holdout period.</param>
    /// <returns>The stages in the summaries' order, with the customers per stage.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="summaries"/> is <see langword="null"/>.</exception>
    public LifecycleStageResult Classify(CustomerSummaries summaries)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        var stages = new LifecycleStage[summaries.Count];
        var x = summaries.Frequency;
        var t = summaries.T;
        var monetary = summaries.MonetaryValue;
        var holdout = summaries.HoldoutFrequency;
        var holdoutValue = summaries.HoldoutValue;
        for (var i = 0; i < stages.Length; i++)
        {
            stages[i] = Stage(
                x[i],
                t[i],
                monetary.IsEmpty ? double.NaN : monetary[i],
                holdout.IsEmpty ? 0 : holdout[i],
                holdoutValue.IsEmpty ? double.NaN : holdoutValue[i],
                summaries.HoldoutLength);
        }

        return new LifecycleStageResult(this, stages);
    }

    /// <inheritdoc />
    public bool Equals(LifecycleStageRules? other) =>
        other is not null && MinimumRepeatPurchases == other.MinimumRepeatPurchases && ExtensionGrowth.Equals(other.ExtensionGrowth);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as LifecycleStageRules);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(MinimumRepeatPurchases, ExtensionGrowth);

    /// <summary>Returns the rules as <c>lifecycle stages: retained from 1 repeat purchase, extended from 25% growth</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"lifecycle stages: retained from {MinimumRepeatPurchases} repeat purchase{(MinimumRepeatPurchases == 1 ? "" : "s")}, extended from {ExtensionGrowth * 100:0.##}% growth");

    private LifecycleStage Stage(int frequency, double t, double monetary, int holdoutFrequency, double holdoutValue, double? holdoutLength)
    {
        if (frequency < MinimumRepeatPurchases)
        {
            return LifecycleStage.Acquisition;
        }

        if (holdoutLength is { } length)
        {
            // x*/L ≥ (1 + g)·x/T, multiplied out (a repeat buyer has T ≥ t_x > 0) so that a rate that exactly triples
            // is not lost to rounding (3/10 < 3 · (2/20) in binary floating point); in logs when a product overflows,
            // where ∞ ≥ ∞ would call any huge history growth.
            var factor = 1 + ExtensionGrowth;
            double grown = holdoutFrequency * t, needed = factor * frequency * length;
            var rateGrows = double.IsFinite(grown) && double.IsFinite(needed)
                ? grown >= needed
                : Math.Log(holdoutFrequency) + Math.Log(t) >= Math.Log(factor) + Math.Log(frequency) + Math.Log(length);
            var spendGrows = !double.IsNaN(monetary) && !double.IsNaN(holdoutValue) && holdoutValue >= factor * monetary;
            if (rateGrows || spendGrows)
            {
                return LifecycleStage.Extension;
            }
        }

        return LifecycleStage.Retention;
    }
}
