using System.Text.Json;
using Engagement.Sdk.IO;
using Engagement.Sdk.Journeys;
using Engagement.Sdk.Tests.Journeys.Reference;
using Engagement.Sdk.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using static Engagement.Sdk.Tests.Journeys.SessionTestLogs;

namespace Engagement.Sdk.Tests.Journeys;

public class PainPointTests
{
    private static readonly Config Many = Config.QuickThrowOnFailure.WithMaxTest(300);

    private static readonly PainPointDefinition Carts = PainPointDefinition.ForCartAbandonment();

    private static readonly PainPointDefinition Errors = PainPointDefinition.ForErrorExit();

    private static readonly string[] Names = ["add_to_cart", "purchase", "payment_error", "checkout_bug", "home"];

    [Fact]
    public void CartAbandonment_HandWorked()
    {
        var day = TimeSpan.FromHours(24);
        var log = Build(
            new("a", T0, "add_to_cart"), new("a", T0.AddMinutes(30), "purchase"),          // bought within the day: kept
            new("b", T0, "add_to_cart"), new("b", T0 + day, "purchase"),                   // exactly 24 h: the window is closed
            new("c", T0, "add_to_cart"), new("c", T0 + day + TimeSpan.FromTicks(1), "purchase"), // one tick late: abandoned
            new("d", T0, "purchase"), new("d", T0, "add_to_cart"),                         // same instant, given first: follows
            new("e", T0.AddHours(-1), "purchase"), new("e", T0, "add_to_cart"),            // a purchase before does not count
            new("f", T0, "add_to_cart"), new("f", T0.AddHours(1), "add_to_cart"), new("f", T0.AddHours(2), "purchase"), // one buys both
            new("g", T0, "add_to_cart"), new("g", T0.AddHours(1), "add_to_cart"), new("g", T0.AddHours(1), "home")); // two abandoned

        var result = PainPointAccumulator.Compute(log, Carts);

        // Add-to-cart events: a 1, b 1, c 1, d 1, e 1, f 2, g 2 = 9; abandoned: c 1, e 1, g 2 = 4, by c, e and g.
        Assert.Equal("cart abandonment", result.Name);
        Assert.Equal(9, result.Candidates);
        Assert.Equal(4, result.Occurrences);
        Assert.Equal(new(4, 9), result.Rate);
        Assert.Equal(["c", "e", "g"], result.Customers);
        Assert.Equal(3, result.CustomerCount);
        Assert.Equal("cart abandonment: 44.44% (4/9), 3 customers", result.ToString());
    }

    [Fact]
    public void CartAbandonment_ConfiguredNamesAndWindow()
    {
        var definition = new CartAbandonmentDefinition { AddToCartEvents = ["basket_add"], PurchaseEvents = ["order", "payment_done"], Window = TimeSpan.FromMinutes(10) };
        var log = Build(
            new("a", T0, "basket_add"), new("a", T0.AddMinutes(10), "payment_done"), // within 10 min
            new("b", T0, "basket_add"), new("b", T0.AddMinutes(11), "order"),        // 11 min: abandoned
            new("c", T0, "add_to_cart"));                                            // not an add-to-cart event here

        var result = PainPointAccumulator.Compute(log, PainPointDefinition.ForCartAbandonment(definition));

        Assert.Equal((2, 1), (result.Candidates, result.Occurrences));
        Assert.Equal(["b"], result.Customers);
    }

    [Fact]
    public void ErrorExit_HandWorked()
    {
        var log = Build(
            new("a", T0, "home"), new("a", T0.AddMinutes(5), "payment_error"), new("a", T0.AddMinutes(60), "home"), // the error ends a's first session
            new("b", T0, "payment_error"), new("b", T0.AddMinutes(1), "purchase"),                                 // b went on: no exit
            new("c", T0, "checkout_bug"), new("c", T0, "home"),                                                    // a tie at the end still counts
            new("d", T0, "home"));                                                                                 // no error at all

        var result = PainPointAccumulator.Compute(log, Errors);

        // Error events: a 1, b 1, c 1 = 3; at their session's last instant: a's (09:05, the session ends there as the
        // next event is 55 min later) and c's (09:00, the session's end) = 2.
        Assert.Equal("error before exit", result.Name);
        Assert.Equal((3, 2), (result.Candidates, result.Occurrences));
        Assert.Equal(["a", "c"], result.Customers);
    }

    [Fact]
    public void ErrorExit_BySessionId_UsesTheEndOfTheErrorsOwnSession()
    {
        // s1 ends with its payment_error at 09:00 although the customer goes on in s2 a minute later.
        var definition = new ErrorExitDefinition { Sessions = new SessionDefinition { SessionIdProperty = SessionIdKey } };
        var log = Build(new("a", T0, "payment_error", "s1"), new("a", T0.AddMinutes(1), "home", "s2"));

        var result = PainPointAccumulator.Compute(log, PainPointDefinition.ForErrorExit(definition));

        Assert.Equal((1, 1), (result.Candidates, result.Occurrences));
        Assert.Equal("log", Assert.Throws<ArgumentException>(() => PainPointAccumulator.Compute(RefEventLog.Build([]), PainPointDefinition.ForErrorExit(definition))).ParamName);
    }

    [Fact]
    public void Empty_HasNoValue()
    {
        var log = Build(new JourneyEvent("a", T0, "home"));

        var carts = PainPointAccumulator.Compute(log, Carts);
        var errors = PainPointAccumulator.Compute(log, Errors);

        Assert.False(carts.HasValue);
        Assert.Null(carts.Rate.Value);
        Assert.Empty(carts.Customers);
        Assert.False(errors.HasValue);
    }

    [Fact]
    public void Definitions_BadInput_IsRejectedNamingTheMember()
    {
        Assert.Equal("window", Assert.Throws<ArgumentOutOfRangeException>(() => new CartAbandonmentDefinition { Window = TimeSpan.Zero }).ParamName);
        Assert.Equal("addToCartEvents", Assert.Throws<ArgumentException>(() => new CartAbandonmentDefinition { AddToCartEvents = [] }).ParamName);

        // A name in both lists is refused when the definition is used, whatever order an initialiser sets the lists in.
        var both = Assert.Throws<ArgumentException>(() => PainPointDefinition.ForCartAbandonment(new CartAbandonmentDefinition { PurchaseEvents = ["add_to_cart"] }));
        Assert.Equal("cartAbandonment", both.ParamName);
        Assert.Contains("'add_to_cart'", both.Message, StringComparison.Ordinal);
        Assert.Equal("purchaseEvents", Assert.Throws<ArgumentException>(() => new CartAbandonmentDefinition(["a"], ["b", "a"], TimeSpan.FromHours(1))).ParamName);
        var swapped = new CartAbandonmentDefinition { AddToCartEvents = ["purchase"], PurchaseEvents = ["buy"] };
        Assert.Equal(["buy"], PainPointDefinition.ForCartAbandonment(swapped).CartAbandonment!.PurchaseEvents);
        Assert.Equal("errorEvents", Assert.Throws<ArgumentException>(() => new ErrorExitDefinition { ErrorEvents = [] }).ParamName);
        Assert.Equal("sessions", Assert.Throws<ArgumentNullException>(() => new ErrorExitDefinition { Sessions = null! }).ParamName);
        Assert.Equal("painPoint", Assert.Throws<ArgumentNullException>(() => new PainPointAccumulator(null!)).ParamName);
        Assert.Equal("cartAbandonment", Assert.Throws<ArgumentException>(() => new PainPointDefinition(null, null)).ParamName);
        Assert.Equal("cartAbandonment", Assert.Throws<ArgumentException>(() => new PainPointDefinition(new(), new())).ParamName);
        Assert.Equal("log", Assert.Throws<ArgumentNullException>(() => new PainPointAccumulator(Errors).Add(null!)).ParamName);
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => new PainPointResult(" x", 0, 0, [])).ParamName);
    }

    [Fact]
    public void Definitions_RoundTripThroughJson_AndCompareNamesAsSets()
    {
        var carts = new CartAbandonmentDefinition { PurchaseEvents = ["purchase", "payment_done"], Window = TimeSpan.FromHours(2) };
        var errors = new ErrorExitDefinition { ErrorEvents = ["checkout_bug", "payment_error"] };

        Assert.Equal(carts, Json.RoundTrip(carts, EngagementJson.GetTypeInfo<CartAbandonmentDefinition>()).Value);
        Assert.Equal(errors, Json.RoundTrip(errors, EngagementJson.GetTypeInfo<ErrorExitDefinition>()).Value);
        Assert.Equal(new ErrorExitDefinition(), errors);
        Assert.Equal(new ErrorExitDefinition().GetHashCode(), errors.GetHashCode());
        Assert.NotEqual(new CartAbandonmentDefinition(), carts);
        Assert.Equal(
            "pain points: cart abandonment (add_to_cart without purchase, payment_done within 02:00:00)",
            carts.ToString());
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"errorEvents":["x"]}""", EngagementJson.GetTypeInfo<ErrorExitDefinition>()));
    }

    [Fact]
    public void CartAbandonment_EqualsAPlainReading_OfTheDefinition() =>
        Prop.ForAll(RefGenerators.Events(Names, TimeSpan.FromMinutes(20), steps: 12), events =>
        {
            // "An add-to-cart event at t is abandoned when the customer has no purchase at a time in [t, t + window]."
            var window = TimeSpan.FromHours(1);
            var abandoned = events
                .Where(e => e.Name == "add_to_cart")
                .Select(e => (e.Customer, Abandoned: !events.Any(p => p.Customer == e.Customer && p.Name == "purchase" && RefJourneys.WithinClosedWindow(e.Time, p.Time, window))))
                .ToList();
            var result = PainPointAccumulator.Compute(RefEventLog.Build(events), PainPointDefinition.ForCartAbandonment(new() { Window = window }));
            return result.Candidates == abandoned.Count
                && result.Occurrences == abandoned.Count(a => a.Abandoned)
                && result.Customers.SequenceEqual(abandoned.Where(a => a.Abandoned).Select(a => a.Customer).Distinct().Order(StringComparer.Ordinal));
        }).Check(Many);

    [Fact]
    public void ErrorExit_EqualsAPlainReading_OfTheDefinition() =>
        Prop.ForAll(RefGenerators.Events(Names, TimeSpan.FromMinutes(10), steps: 18), events =>
        {
            // Sessions from the naive reference's timeout rule, rebuilt here with their events: an error is before exit
            // when its time is its session's last.
            var exits = new List<(string Customer, bool Exit)>();
            foreach (var (customer, journey) in RefJourneys.ByCustomer(events))
            {
                var session = new List<RefEvent>();
                foreach (var e in journey.Append(null))
                {
                    if (e is null || (session.Count > 0 && e.Time - session[^1].Time > TimeSpan.FromMinutes(30)))
                    {
                        exits.AddRange(session.Where(s => s.Name is "payment_error" or "checkout_bug").Select(s => (customer, s.Time == session[^1].Time)));
                        session.Clear();
                    }

                    if (e is not null)
                    {
                        session.Add(e);
                    }
                }
            }

            var result = PainPointAccumulator.Compute(RefEventLog.Build(events), Errors);
            return result.Candidates == exits.Count
                && result.Occurrences == exits.Count(x => x.Exit)
                && result.Customers.SequenceEqual(exits.Where(x => x.Exit).Select(x => x.Customer).Distinct().Order(StringComparer.Ordinal));
        }).Check(Many);

    [Fact]
    public void PainPoints_PartitionAndMerge_EqualTheWhole_AndIgnoreInputOrder() =>
        Prop.ForAll(RefGenerators.Events(Names, TimeSpan.FromMinutes(20), steps: 12), Gen.Choose(1, 5).ToArbitrary(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (events, parts, seed) =>
        {
            var log = RefEventLog.Build(events);
            var shuffled = events.ToArray();
            new Random(seed).Shuffle(shuffled);
            var carts = new PainPointAccumulator(Carts);
            var errors = new PainPointAccumulator(Errors);
            foreach (var part in log.Partition(parts))
            {
                var c = new PainPointAccumulator(Carts);
                c.Add(part);
                carts.Merge(c);
                var e = new PainPointAccumulator(Errors);
                e.Add(part);
                errors.Merge(e);
            }

            return carts.ToResult().Equals(PainPointAccumulator.Compute(log, Carts))
                && errors.ToResult().Equals(PainPointAccumulator.Compute(log, Errors))
                && PainPointAccumulator.Compute(RefEventLog.Build(shuffled), Carts).Equals(carts.ToResult())
                && PainPointAccumulator.Compute(RefEventLog.Build(shuffled), Errors).Equals(errors.ToResult());
        }).Check(Many);

    [Fact]
    public void Ecommerce_CartAbandonmentAndErrorExits_EqualLinqOverTheFile()
    {
        var rows = EventLogTestData.ReadEcommerce();
        var builder = new EventLogBuilder([SessionIdKey], rows.Count);
        foreach (var row in rows)
        {
            builder.Add(null, row.UserId, row.Timestamp, row.Event, row.Channel, null, [row.SessionId]);
        }

        var log = builder.Build();

        // Cart abandonment within 24 h, per add_to_cart row.
        var purchases = rows.Where(r => r.Event == "purchase").ToLookup(r => r.UserId);
        var carts = rows.Where(r => r.Event == "add_to_cart")
            .Select(r => (r.UserId, Abandoned: !purchases[r.UserId].Any(p => p.Timestamp >= r.Timestamp && p.Timestamp - r.Timestamp <= TimeSpan.FromHours(24))))
            .ToList();
        var cartResult = PainPointAccumulator.Compute(log, Carts);
        Assert.Equal(carts.Count, cartResult.Candidates);
        Assert.Equal(carts.Count(c => c.Abandoned), cartResult.Occurrences);
        Assert.Equal(carts.Where(c => c.Abandoned).Select(c => c.UserId).Distinct().Order(StringComparer.Ordinal), cartResult.Customers);

        // Errors before exit with the file's sessions: an error row whose time is its (user, session_id) group's last.
        var ends = rows.GroupBy(r => (r.UserId, r.SessionId)).ToDictionary(g => g.Key, g => g.Max(r => r.Timestamp));
        var errors = rows.Where(r => r.Event is "payment_error" or "checkout_bug")
            .Select(r => (r.UserId, Exit: r.Timestamp == ends[(r.UserId, r.SessionId)]))
            .ToList();
        var errorResult = PainPointAccumulator.Compute(log, PainPointDefinition.ForErrorExit(new() { Sessions = new SessionDefinition { SessionIdProperty = SessionIdKey } }));
        Assert.Equal(163, errorResult.Candidates); // 119 payment_error + 44 checkout_bug rows in the file
        Assert.Equal(errors.Count, errorResult.Candidates);
        Assert.Equal(errors.Count(e => e.Exit), errorResult.Occurrences);
        Assert.Equal(errors.Where(e => e.Exit).Select(e => e.UserId).Distinct().Order(StringComparer.Ordinal), errorResult.Customers);
        Assert.InRange(errorResult.Occurrences, 1, errorResult.Candidates - 1); // the file has both kinds
    }
}
