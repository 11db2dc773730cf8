using Engagement.Sdk.IO;
using Engagement.Sdk.Journeys;
using Engagement.Sdk.Responses;
using Engagement.Sdk.Tests.Support;
using Engagement.Sdk.Touchpoints;
using FsCheck;
using FsCheck.Fluent;
using static Engagement.Sdk.Tests.Responses.PlannerTests;

namespace Engagement.Sdk.Tests.Responses;

/// <summary>The planner on random streams: caps hold in every rolling period, plans are deterministic, batch equals
/// stream, only triggering customers are planned for; declarative types round-trip through JSON.</summary>
public class PlannerProperties
{
    private static readonly Config Many = Config.QuickThrowOnFailure.WithMaxTest(300);

    private static readonly string[] Names = ["sign_up", "add_to_cart", "purchase", "product_view", "page_view"];

    /// <summary>Up to 80 events of 4 customers, at minute offsets within 3 days (ties likely), in time order; shrinks
    /// by dropping events.</summary>
    private static Arbitrary<Step[]> Streams() =>
        Arb.From(
            from length in Gen.Choose(0, 80)
            from steps in (from customer in Gen.Choose(0, 3)
                           from name in Gen.Elements(Names)
                           from minute in Gen.Choose(0, 3 * 24 * 60)
                           select new Step(customer, name, minute)).ArrayOf(length)
            select steps.OrderBy(s => s.Minute).ToArray(),
            DropOne);

    /// <summary>A cap: 1 to 3 responses per 1 to 30 hours.</summary>
    private static Arbitrary<(int Max, int Hours)> Caps() =>
        Arb.From(from max in Gen.Choose(1, 3) from hours in Gen.Choose(1, 30) select (max, hours));

    [Fact]
    public void Planner_NeverExceedsACap_InAnyRollingPeriod_ForAnyCustomer() =>
        Prop.ForAll(Streams(), Caps(), (steps, c) =>
        {
            var cap = new FrequencyCap(c.Max, TimeSpan.FromHours(c.Hours), "g");
            var plan = Run(Policy(cap), steps);
            var period = TimeSpan.FromHours(c.Hours);

            // Every run of Max + 1 consecutive due times of a customer's capped responses spans at least a period.
            return plan.Where(p => p.RuleName != "order-sms").GroupBy(p => p.CustomerId).All(customer =>
            {
                var dues = customer.Select(p => p.DueAt).Order().ToArray();
                return Enumerable.Range(0, Math.Max(0, dues.Length - c.Max)).All(j => dues[j + c.Max] - dues[j] >= period);
            });
        }).Check(Many);

    [Fact]
    public void Planner_NeverExceedsACap_WithBusinessDelaysAndManualResponses_OnARealCalendar() =>
        Prop.ForAll(Streams(), Caps(), Arb.From(Gen.Choose(0, 12)), (steps, c, delayHours) =>
        {
            // On office hours, due times leave trigger order: a sign-up at 16:00 with a 3-business-hour delay is due
            // at 11:00 the next working day, after a manual cart call triggered at 16:30 (due at once) or a manual
            // product-view follow-up triggered at 20:00 (moved to the next opening, 09:00). So the cap window sees
            // due times before ones it already holds, which elapsed delays on a 24/7 calendar never give.
            var cap = new FrequencyCap(c.Max, TimeSpan.FromHours(c.Hours), "g");
            var policy = new ResponsePolicy(
            [
                new ResponseRule("welcome", ResponseTrigger.OnEvent("sign_up"), new ResponseAction(ResponseType.Automated, Channels.Email, Plain.Id, delay: TimeSpan.FromHours(delayHours), delayBasis: TimeBasis.Business), cap),
                new ResponseRule("cart", ResponseTrigger.CartAbandonment(TimeSpan.FromHours(1), ["add_to_cart"], ["purchase"]), new ResponseAction(ResponseType.Manual, Channels.Phone, Plain.Id), cap),
                new ResponseRule("view", ResponseTrigger.OnEvent("product_view"), new ResponseAction(ResponseType.Manual, Channels.Email, Plain.Id, delay: TimeSpan.FromMinutes(30)), cap),
            ]);
            var plan = Run(policy, steps, T0.AddDays(4), Office);
            var period = TimeSpan.FromHours(c.Hours);

            return plan.GroupBy(p => p.CustomerId).All(customer =>
            {
                var dues = customer.Select(p => p.DueAt).Order().ToArray();
                return Enumerable.Range(0, Math.Max(0, dues.Length - c.Max)).All(j => dues[j + c.Max] - dues[j] >= period)
                    && customer.All(p => p.DueAt >= p.TriggeredAt && (p.Type != ResponseType.Manual || Office.IsOpen(p.DueAt)));
            });
        }).Check(Many);

    [Fact]
    public void Planner_IsDeterministic_AndBatchEqualsTheStream() =>
        Prop.ForAll(Streams(), Caps(), (steps, c) =>
        {
            var policy = Policy(new FrequencyCap(c.Max, TimeSpan.FromHours(c.Hours), "g"));
            var until = T0.AddDays(4);
            var first = Run(policy, steps, until);
            var again = Run(policy, steps, until);
            var batch = new ResponsePlanner(policy, [Plain]).Plan(steps.Select(ToEvent), until);
            return first.SequenceEqual(again) && first.SequenceEqual(batch);
        }).Check(Many);

    [Fact]
    public void Batch_OfShuffledEventsWithDistinctTimes_EqualsTheStreamInTimeOrder() =>
        Prop.ForAll(Streams(), Arb.From(Gen.Choose(0, int.MaxValue)), (steps, seed) =>
        {
            var distinct = steps.DistinctBy(s => s.Minute).ToArray();
            var policy = Policy(new FrequencyCap(1, TimeSpan.FromHours(6), "g"));
            var shuffled = distinct.Select(ToEvent).ToArray();
            new Random(seed).Shuffle(shuffled);
            var batch = new ResponsePlanner(policy, [Plain]).Plan(shuffled, T0.AddDays(4));
            return batch.SequenceEqual(Run(policy, distinct, T0.AddDays(4)));
        }).Check(Many);

    [Fact]
    public void Planner_PlansOnlyForCustomersWhoseTriggerHappened() =>
        Prop.ForAll(Streams(), steps =>
        {
            var plan = Run(Policy(cap: null), steps, T0.AddDays(4));
            var events = steps.Select(ToEvent).ToArray();
            return plan.All(p => p.RuleName switch
            {
                // An event rule's customer did the event at the trigger time.
                "welcome" => events.Any(e => e.CustomerId == p.CustomerId && e.Name == "sign_up" && e.Timestamp == p.TriggeredAt),
                "order-sms" => events.Any(e => e.CustomerId == p.CustomerId && e.Name == "purchase" && e.Timestamp == p.TriggeredAt),

                // A reminder's customer added to the cart an hour before, and neither bought nor added again since.
                _ => events.Any(e => e.CustomerId == p.CustomerId && e.Name == "add_to_cart" && e.Timestamp == p.TriggeredAt.AddHours(-1))
                    && !events.Any(e => e.CustomerId == p.CustomerId && e.Name is "add_to_cart" or "purchase"
                        && e.Timestamp > p.TriggeredAt.AddHours(-1) && e.Timestamp <= p.TriggeredAt),
            });
        }).Check(Many);

    [Fact]
    public void DeclarativeTypes_RoundTripThroughJson() =>
        Prop.ForAll(Arb.From(Triggers()), Caps(), Arb.From(Gen.Choose(0, 100_000)), (trigger, c, minutes) =>
        {
            var target = minutes % 2 == 0 ? null : new SlaTarget(SlaMetric.Resolution, TimeSpan.FromMinutes(minutes), TimeBasis.Calendar);
            var action = new ResponseAction(ResponseType.Proactive, Channels.Sms, "t", InquiryPriority.Urgent, TimeSpan.FromMinutes(minutes), TimeBasis.Business, target);
            var rule = new ResponseRule("r", trigger, action, new FrequencyCap(c.Max, TimeSpan.FromHours(c.Hours), "g"));
            var planned = new PlannedResponse("c1", "r", ResponseType.Manual, Channels.Phone, T0, T0.AddMinutes(minutes), InquiryPriority.High, "t", "Hi {x}!", target, target is null ? null : T0.AddMinutes(minutes));
            return Json.RoundTrip(trigger, EngagementJson.GetTypeInfo<ResponseTrigger>()).Value == trigger
                && Json.RoundTrip(action, EngagementJson.GetTypeInfo<ResponseAction>()).Value == action
                && Json.RoundTrip(rule, EngagementJson.GetTypeInfo<ResponseRule>()).Value == rule
                && Json.RoundTrip(planned, EngagementJson.GetTypeInfo<PlannedResponse>()).Value == planned;
        }).Check(Many);

    internal static readonly DateTimeOffset T0 = Monday10;

    /// <summary>Amsterdam, Monday to Friday 09:00–17:00 local time.</summary>
    private static readonly BusinessCalendar Office = BusinessCalendar.Weekdays("Europe/Amsterdam", TimeSpan.FromHours(9), TimeSpan.FromHours(17));

    private static Gen<ResponseTrigger> Triggers() =>
        Gen.OneOf(
            Gen.Elements(Names).Select(n => ResponseTrigger.OnEvent([n], null)),
            Gen.Elements(Names).Select(n => ResponseTrigger.OnEvent([n, "other"], Channels.Email)),
            Gen.Choose(1, 1000).Select(h => ResponseTrigger.Inactivity(TimeSpan.FromHours(h))),
            Gen.Choose(1, 1000).Select(h => ResponseTrigger.Inactivity(TimeSpan.FromHours(h), "purchase")),
            Gen.Elements(StageModel.Default.Stages.ToArray()).Select(s => ResponseTrigger.StageEntry(s)),
            Gen.Choose(0, 5).Select(s => ResponseTrigger.FunnelDropOut(s == 0 ? null : s)),
            Gen.Choose(1, 300).Select(m => ResponseTrigger.CartAbandonment(TimeSpan.FromMinutes(m), ["add", "cart"], ["buy"])),
            Gen.Constant(ResponseTrigger.NpsDetractor()),
            Gen.Choose(-3, 10).Select(ResponseTrigger.LowCsat),
            Gen.Choose(0, 300).Select(m => ResponseTrigger.SlaAboutToBreach(TimeSpan.FromMinutes(m))));

    /// <summary>welcome (capped), a 1-hour cart reminder (capped, the same group), an uncapped order SMS.</summary>
    private static ResponsePolicy Policy(FrequencyCap? cap) =>
        new(
        [
            Rule("welcome", ResponseTrigger.OnEvent("sign_up"), cap),
            Rule("cart", ResponseTrigger.CartAbandonment(TimeSpan.FromHours(1), ["add_to_cart"], ["purchase"]), cap),
            Rule("order-sms", ResponseTrigger.OnEvent("purchase")),
        ]);

    private static List<PlannedResponse> Run(ResponsePolicy policy, Step[] steps, DateTimeOffset? until = null, BusinessCalendar? calendar = null)
    {
        var planner = new ResponsePlanner(policy, [Plain], calendar);
        var plan = new List<PlannedResponse>();
        foreach (var step in steps)
        {
            plan.AddRange(planner.Observe(ToEvent(step)));
        }

        if (until is { } end)
        {
            plan.AddRange(planner.AdvanceTo(end));
        }

        return plan;
    }

    private static EngagementEvent ToEvent(Step step) =>
        new($"e{step.Customer}-{step.Name}-{step.Minute}", $"c{step.Customer}", T0.AddMinutes(step.Minute), step.Name, Channels.Website);

    private static IEnumerable<Step[]> DropOne(Step[] steps)
    {
        for (var i = 0; i < steps.Length; i++)
        {
            yield return [.. steps[..i], .. steps[(i + 1)..]];
        }
    }

    /// <summary>One event: customer number, name, minutes after <see cref="T0"/>.</summary>
    internal sealed record Step(int Customer, string Name, int Minute);
}
