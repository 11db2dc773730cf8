using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.Responses;

/// <summary>
/// Ready-made rules for the classic responses, each with a default template in <see cref="Templates"/>, and
/// <see cref="Classics"/>, a policy of all seven. Event names default to <c>sign_up</c>, <c>add_to_cart</c> and
/// <c>purchase</c>; pass a host's own names (for example <c>payment_done</c>) to the factories.
/// </summary>
/// <remarks>
/// <list type="table">
/// <listheader><term>rule (name, template id)</term><description>trigger → action; cap</description></listheader>
/// <item><term><c>welcome-email</c></term><description>a sign-up event → Automated email at once; at most 1 per 365 days
/// (group <c>welcome</c>).</description></item>
/// <item><term><c>cart-reminder</c></term><description>an add-to-cart with no purchase within 1 hour → Automated email
/// at the end of the hour; <see cref="MarketingCap"/>.</description></item>
/// <item><term><c>thank-you</c></term><description>a purchase → Automated email at once; at most 1 per day (group
/// <c>thank-you</c>).</description></item>
/// <item><term><c>order-confirmation-sms</c></term><description>a purchase → Automated SMS at once, High priority;
/// uncapped, as every order is confirmed.</description></item>
/// <item><term><c>detractor-follow-up</c></term><description>an NPS answer of 0–6 → Manual phone call within 24 business
/// hours (also its first-reply SLA target), High priority; at most 1 per 30 days (group <c>detractor-follow-up</c>).</description></item>
/// <item><term><c>win-back</c></term><description>a customer who has purchased and then had no event for 60 days →
/// Proactive email offer; <see cref="MarketingCap"/>.</description></item>
/// <item><term><c>sla-escalation</c></term><description>an inquiry with an open SLA target due within 1 hour (or past
/// due) → Manual customer-service response, Urgent priority; uncapped (each target is escalated once).</description></item>
/// </list>
/// <para>Thread-safe: every member returns immutable values.</para>
/// </remarks>
public static class ResponsePresets
{
    /// <summary>The name and template id of <see cref="WelcomeEmail"/>.</summary>
    public const string WelcomeEmailName = "welcome-email";

    /// <summary>The name and template id of <see cref="CartAbandonmentReminder"/>.</summary>
    public const string CartReminderName = "cart-reminder";

    /// <summary>The name and template id of <see cref="ThankYou"/>.</summary>
    public const string ThankYouName = "thank-you";

    /// <summary>The name and template id of <see cref="OrderConfirmationSms"/>.</summary>
    public const string OrderConfirmationSmsName = "order-confirmation-sms";

    /// <summary>The name and template id of <see cref="DetractorFollowUp"/>.</summary>
    public const string DetractorFollowUpName = "detractor-follow-up";

    /// <summary>The name and template id of <see cref="WinBack"/>.</summary>
    public const string WinBackName = "win-back";

    /// <summary>The name and template id of <see cref="SlaEscalation"/>.</summary>
    public const string SlaEscalationName = "sla-escalation";

    /// <summary>Gets the cap the marketing presets share: at most 2 responses per customer in any 7 days (group
    /// <c>marketing</c>).</summary>
    public static FrequencyCap MarketingCap { get; } = new(2, TimeSpan.FromDays(7), "marketing");

    /// <summary>Gets the default inactivity of <see cref="WinBack"/>: 60 days.</summary>
    public static TimeSpan DefaultInactivity { get; } = TimeSpan.FromDays(60);

    /// <summary>Gets the default lead time of <see cref="SlaEscalation"/>: 1 hour.</summary>
    public static TimeSpan DefaultEscalationLeadTime { get; } = TimeSpan.FromHours(1);

    /// <summary>Gets the default templates of the seven presets, with the placeholders <c>first_name</c> (fallback
    /// <c>there</c>), <c>brand</c> (<c>our shop</c>), <c>agent_name</c> (<c>our customer team</c>) and <c>offer</c>
    /// (<c>10% off</c>).</summary>
    public static IReadOnlyList<ResponseTemplate> Templates { get; } = Array.AsReadOnly<ResponseTemplate>(
    [
        new(WelcomeEmailName, "Welcome to {brand}, {first_name}! We are glad you joined.", Fallbacks(("brand", "our shop"), ("first_name", "there"))),
        new(CartReminderName, "Hi {first_name}, you left something in your cart. It is still waiting for you.", Fallbacks(("first_name", "there"))),
        new(ThankYouName, "Thank you for your order, {first_name}!", Fallbacks(("first_name", "there"))),
        new(OrderConfirmationSmsName, "{brand}: your order is confirmed. Thank you!", Fallbacks(("brand", "our shop"))),
        new(DetractorFollowUpName, "Hi {first_name}, this is {agent_name}. Thank you for your honest feedback; we would like to hear how we can do better.", Fallbacks(("first_name", "there"), ("agent_name", "our customer team"))),
        new(WinBackName, "We miss you, {first_name}! Here is {offer} on your next order.", Fallbacks(("first_name", "there"), ("offer", "10% off"))),
        new(SlaEscalationName, "Hi {first_name}, we are on your request and will get back to you very soon.", Fallbacks(("first_name", "there"))),
    ]);

    /// <summary>A welcome email when a customer signs up.</summary>
    /// <param name="signUpEvent">The sign-up event's name.</param>
    /// <returns>The rule <c>welcome-email</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="signUpEvent"/> is blank.</exception>
    public static ResponseRule WelcomeEmail(string signUpEvent = "sign_up") =>
        new(WelcomeEmailName, ResponseTrigger.OnEvent(signUpEvent), new ResponseAction(ResponseType.Automated, Channels.Email, WelcomeEmailName), new FrequencyCap(1, TimeSpan.FromDays(365), "welcome"));

    /// <summary>A reminder email for a cart left without a purchase.</summary>
    /// <param name="addToCartEvent">The add-to-cart event's name.</param>
    /// <param name="purchaseEvent">The purchase event's name.</param>
    /// <param name="wait">How long to wait for a purchase; <see langword="null"/> for 1 hour.</param>
    /// <returns>The rule <c>cart-reminder</c>.</returns>
    /// <exception cref="ArgumentException">A name is blank, or the two names are equal.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="wait"/> is not positive.</exception>
    public static ResponseRule CartAbandonmentReminder(string addToCartEvent = "add_to_cart", string purchaseEvent = "purchase", TimeSpan? wait = null) =>
        new(CartReminderName, ResponseTrigger.CartAbandonment(wait, [addToCartEvent], [purchaseEvent]), new ResponseAction(ResponseType.Automated, Channels.Email, CartReminderName), MarketingCap);

    /// <summary>A thank-you email after a purchase.</summary>
    /// <param name="purchaseEvent">The purchase event's name.</param>
    /// <returns>The rule <c>thank-you</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="purchaseEvent"/> is blank.</exception>
    public static ResponseRule ThankYou(string purchaseEvent = "purchase") =>
        new(ThankYouName, ResponseTrigger.OnEvent(purchaseEvent), new ResponseAction(ResponseType.Automated, Channels.Email, ThankYouName), new FrequencyCap(1, TimeSpan.FromDays(1), "thank-you"));

    /// <summary>An order-confirmation SMS after a purchase.</summary>
    /// <param name="purchaseEvent">The purchase event's name.</param>
    /// <returns>The rule <c>order-confirmation-sms</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="purchaseEvent"/> is blank.</exception>
    public static ResponseRule OrderConfirmationSms(string purchaseEvent = "purchase") =>
        new(OrderConfirmationSmsName, ResponseTrigger.OnEvent(purchaseEvent), new ResponseAction(ResponseType.Automated, Channels.Sms, OrderConfirmationSmsName, InquiryPriority.High));

    /// <summary>A call from a person to an NPS detractor within 24 business hours, High priority.</summary>
    /// <returns>The rule <c>detractor-follow-up</c>.</returns>
    public static ResponseRule DetractorFollowUp() =>
        new(
            DetractorFollowUpName,
            ResponseTrigger.NpsDetractor(),
            new ResponseAction(
                ResponseType.Manual, Channels.Phone, DetractorFollowUpName, InquiryPriority.High, TimeSpan.FromHours(24), TimeBasis.Business, new SlaTarget(SlaMetric.FirstReply, TimeSpan.FromHours(24), TimeBasis.Business)),
            new FrequencyCap(1, TimeSpan.FromDays(30), "detractor-follow-up"));

    /// <summary>A win-back offer for a customer inactive for a while.</summary>
    /// <param name="inactivity">How long without events; <see langword="null"/> for 60 days.</param>
    /// <param name="afterEvent">Only customers who did this event are watched (past buyers); <see langword="null"/>
    /// watches everyone.</param>
    /// <returns>The rule <c>win-back</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="inactivity"/> is not positive.</exception>
    /// <exception cref="ArgumentException"><paramref name="afterEvent"/> is blank.</exception>
    public static ResponseRule WinBack(TimeSpan? inactivity = null, string? afterEvent = "purchase") =>
        new(WinBackName, ResponseTrigger.Inactivity(inactivity ?? DefaultInactivity, afterEvent), new ResponseAction(ResponseType.Proactive, Channels.Email, WinBackName), MarketingCap);

    /// <summary>An urgent response by a person to an inquiry about to breach its SLA.</summary>
    /// <param name="leadTime">How long before the due time to escalate; <see langword="null"/> for 1 hour.</param>
    /// <returns>The rule <c>sla-escalation</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="leadTime"/> is negative.</exception>
    public static ResponseRule SlaEscalation(TimeSpan? leadTime = null) =>
        new(SlaEscalationName, ResponseTrigger.SlaAboutToBreach(leadTime ?? DefaultEscalationLeadTime), new ResponseAction(ResponseType.Manual, Channels.CustomerService, SlaEscalationName, InquiryPriority.Urgent));

    /// <summary>A policy of the seven presets, in the order of this class.</summary>
    /// <param name="signUpEvent">The sign-up event's name.</param>
    /// <param name="addToCartEvent">The add-to-cart event's name.</param>
    /// <param name="purchaseEvent">The purchase event's name (also the win-back's after-event).</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentException">A name is blank, or the add-to-cart and purchase names are equal.</exception>
    public static ResponsePolicy Classics(string signUpEvent = "sign_up", string addToCartEvent = "add_to_cart", string purchaseEvent = "purchase") =>
        new(
        [
            WelcomeEmail(signUpEvent),
            CartAbandonmentReminder(addToCartEvent, purchaseEvent),
            ThankYou(purchaseEvent),
            OrderConfirmationSms(purchaseEvent),
            DetractorFollowUp(),
            WinBack(afterEvent: purchaseEvent),
            SlaEscalation(),
        ]);

    private static Dictionary<string, string> Fallbacks(params (string Name, string Text)[] pairs)
    {
        var fallbacks = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, text) in pairs)
        {
            fallbacks.Add(name, text);
        }

        return fallbacks;
    }
}
