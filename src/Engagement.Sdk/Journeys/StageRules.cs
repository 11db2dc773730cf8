using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.Journeys;

/// <summary>
/// The rules that put events in the stages of a <see cref="StageModel"/>: the first rule that matches an event gives
/// its stage; an event no rule matches has none and leaves the customer where it was.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Default"/> maps common event names to the stages of <see cref="StageModel.Default"/> (see docs/journeys.md
/// for the table). Hosts write their own with <see cref="StageRule.ForEvents"/>, <see cref="StageRule.ForChannels"/> or
/// the <see cref="StageRule"/> constructor; every rule is declarative, so a rule set is saved and read back as JSON.
/// </para>
/// <para>Rule sets are equal when their models and rules are equal, in order. Immutable and thread-safe.</para>
/// </remarks>
public sealed class StageRules : IEquatable<StageRules>
{
    /// <summary>The most rules a set may hold: a classifier keeps one bit per rule.</summary>
    public const int MaxRules = 64;

    /// <summary>Creates a rule set.</summary>
    /// <param name="model">The stages, in journey order.</param>
    /// <param name="rules">The rules, first match wins: 1 to <see cref="MaxRules"/>, each for a stage of
    /// <paramref name="model"/>. The list is copied.</param>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> or <paramref name="rules"/> is
    /// <see langword="null"/>, or a rule is.</exception>
    /// <exception cref="ArgumentException"><paramref name="rules"/> is empty or too long, or a rule's stage is not in
    /// <paramref name="model"/>.</exception>
    [JsonConstructor]
    public StageRules(StageModel model, IReadOnlyList<StageRule> rules)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(rules);
        if (rules.Count is 0 or > MaxRules)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"A rule set holds 1 to {MaxRules} rules; got {rules.Count}."), nameof(rules));
        }

        var copy = new StageRule[rules.Count];
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = rules[i] ?? throw new ArgumentNullException(nameof(rules), string.Create(CultureInfo.InvariantCulture, $"The rule at index {i} is null."));
            if (!model.Contains(copy[i].Stage))
            {
                throw new ArgumentException(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"The rule at index {i} gives the stage '{Validation.Echo(copy[i].Stage.Name)}', which the model ({Validation.Echo(model.ToString())}) does not hold."),
                    nameof(rules));
            }
        }

        Model = model;
        Rules = Array.AsReadOnly(copy);
    }

    /// <summary>Gets the default rules for <see cref="StageModel.Default"/>, matching event names only.</summary>
    /// <remarks>
    /// Awareness: <c>ad_impression, ad_click, landing_page, home, promo_page, catalog</c>. Consideration:
    /// <c>search, filter_results, product_view, compare, review_page, wishlist_add</c>. Decision:
    /// <c>add_to_cart, cart, checkout, shipping_details, delivery_choice, payment_details, payment_choice,
    /// payment_error, checkout_bug</c>. PostPurchase: <c>purchase, payment_done, order_confirmation,
    /// order_delivered, return_request</c>. Loyalty: <c>repeat_purchase, review_submitted, referral_sent,
    /// loyalty_signup</c>. Other events (an account page, a support chat, an error page) have no stage.
    /// </remarks>
    public static StageRules Default { get; } = new(
        StageModel.Default,
        [
            StageRule.ForEvents(JourneyStage.Awareness, "ad_impression", "ad_click", "landing_page", "home", "promo_page", "catalog"),
            StageRule.ForEvents(JourneyStage.Consideration, "search", "filter_results", "product_view", "compare", "review_page", "wishlist_add"),
            StageRule.ForEvents(
                JourneyStage.Decision,
                "add_to_cart",
                "cart",
                "checkout",
                "shipping_details",
                "delivery_choice",
                "payment_details",
                "payment_choice",
                "payment_error",
                "checkout_bug"),
            StageRule.ForEvents(JourneyStage.PostPurchase, "purchase", "payment_done", "order_confirmation", "order_delivered", "return_request"),
            StageRule.ForEvents(JourneyStage.Loyalty, "repeat_purchase", "review_submitted", "referral_sent", "loyalty_signup"),
        ]);

    /// <summary>Gets the stages, in journey order.</summary>
    public StageModel Model { get; }

    /// <summary>Gets the rules; the first that matches an event gives its stage.</summary>
    public IReadOnlyList<StageRule> Rules { get; }

    /// <summary>Returns the stage of an event.</summary>
    /// <param name="eventName">The event's name.</param>
    /// <param name="channel">The event's channel.</param>
    /// <returns>The stage of the first rule that matches, or <see cref="JourneyStage.Unspecified"/> when none does.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="eventName"/> is <see langword="null"/>.</exception>
    public JourneyStage Classify(string eventName, Channel channel)
    {
        ArgumentNullException.ThrowIfNull(eventName);
        foreach (var rule in Rules)
        {
            if (rule.MatchesName(eventName) && rule.MatchesChannel(channel))
            {
                return rule.Stage;
            }
        }

        return JourneyStage.Unspecified;
    }

    /// <inheritdoc />
    public bool Equals(StageRules? other) => other is not null && Model.Equals(other.Model) && Rules.SequenceEqual(other.Rules);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as StageRules);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Model, Rules.Count);

    /// <summary>Returns the model and the number of rules, for example <c>5 rules over Awareness → … → Loyalty</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Rules.Count} rules over {Model}");
}
