using System.Globalization;

namespace Engagement.Sdk.Tests.Journeys.Reference;

/// <summary>
/// The reference on the real e-commerce clickstream (31k events, 600 customers), each figure checked against a
/// different plain-LINQ formulation over the file's rows.
/// </summary>
public partial class NaiveReferenceTests
{
    private static readonly Lazy<List<EcommerceRow>> EcommerceRows = new(EventLogTestData.ReadEcommerce);

    private static List<RefEvent> EcommerceEvents() =>
        EcommerceRows.Value
            .Select(r => new RefEvent(r.UserId, r.Timestamp, r.Event, r.Channel.Name, new Dictionary<string, string> { ["session_id"] = r.SessionId }))
            .ToList();

    /// <summary>Each user's rows in time order, ties in file order.</summary>
    private static IEnumerable<List<EcommerceRow>> EcommerceJourneys() =>
        EcommerceRows.Value.GroupBy(r => r.UserId).Select(g => g.OrderBy(r => r.Timestamp).ThenBy(r => r.Line).ToList());

    [Fact]
    public void Ecommerce_SessionsById_AreTheFilesSessions()
    {
        var rows = EcommerceRows.Value;
        var sessions = NaiveSessions.Compute(
            EcommerceEvents(), HalfAnHour, TenSeconds, new HashSet<string> { "product_view" }, new HashSet<string> { "purchase" }, minViews: 2, "session_id");

        var fileSessions = rows.GroupBy(r => (r.UserId, r.SessionId)).ToList();
        Assert.Equal(fileSessions.Count, sessions.Count);
        Assert.Equal(rows.Count, sessions.Sum(s => s.Events));
        Assert.Equal(rows.Count(r => r.Event == "product_view"), sessions.Sum(s => s.Views));
        Assert.Equal(
            fileSessions.Count(g => g.Max(r => r.Timestamp) - g.Min(r => r.Timestamp) > TenSeconds
                || g.Any(r => r.Event == "purchase")
                || g.Count(r => r.Event == "product_view") >= 2),
            sessions.Count(s => s.Engaged));
    }

    [Fact]
    public void Ecommerce_SessionsByTimeout_AreOnePerCustomerPlusOnePerLongGap()
    {
        var sessions = NaiveSessions.Compute(EcommerceEvents(), HalfAnHour, TenSeconds, Views, Purchases, minViews: 2, sessionIdProperty: null);

        // Every customer opens one session, and every gap strictly over 30 minutes one more.
        var longGaps = EcommerceJourneys().Sum(j => j.Zip(j.Skip(1)).Count(p => p.Second.Timestamp - p.First.Timestamp > HalfAnHour));
        Assert.Equal(EcommerceRows.Value.Select(r => r.UserId).Distinct().Count() + longGaps, sessions.Count);
        Assert.Equal(EcommerceRows.Value.Count, sessions.Sum(s => s.Events));
    }

    [Fact]
    public void Ecommerce_Paths_CountEveryConsecutivePair()
    {
        var transitions = NaivePaths.Transitions(EcommerceEvents());

        var expected = EcommerceJourneys()
            .SelectMany(j => j.Zip(j.Skip(1), (a, b) => (a.Event, b.Event)))
            .GroupBy(p => p)
            .ToDictionary(g => g.Key, g => (long)g.Count());
        Assert.Equal(expected, transitions);
        Assert.Equal(EcommerceRows.Value.Count - EcommerceRows.Value.Select(r => r.UserId).Distinct().Count(), transitions.Values.Sum());
    }

    [Fact]
    public void Ecommerce_CheckoutFunnel_AgreesWithPlainQuestionsAboutEachCustomer()
    {
        string[] steps = ["product_view", "add_to_cart", "cart", "purchase"];
        var events = EcommerceEvents();
        var year = TimeSpan.FromDays(366); // longer than the file (January to June 2024): the window never binds
        var ordered = NaiveFunnel.Depths(events, steps, year, RefFunnelMode.Ordered, NoExclusions);
        var strict = NaiveFunnel.Depths(events, steps, year, RefFunnelMode.Strict, NoExclusions);
        var any = NaiveFunnel.Depths(events, steps, year, RefFunnelMode.AnyOrder, NoExclusions);

        foreach (var journey in EcommerceJourneys())
        {
            var customer = journey[0].UserId;

            // Any order with an unbinding window: the number of the (distinct) step events the customer ever did.
            Assert.Equal(steps.Count(s => journey.Any(r => r.Event == s)), any[customer]);

            // Ordered: depth ≥ 1 iff a product view; ≥ 2 iff an add-to-cart at or after some product view.
            Assert.Equal(journey.Any(r => r.Event == "product_view"), ordered[customer] >= 1);
            Assert.Equal(
                journey.Any(v => v.Event == "product_view" && journey.Any(a => a.Event == "add_to_cart" && a.Timestamp >= v.Timestamp)),
                ordered[customer] >= 2);

            Assert.InRange(strict[customer], 0, ordered[customer]);
            Assert.InRange(ordered[customer], 0, any[customer]);
        }

        // The file's checkout flow is walked in order by most buyers, so the funnel is not trivially empty.
        Assert.Contains(ordered.Values, depth => depth == steps.Length);
    }

    [Fact]
    public void Ecommerce_WeeklyFirstTimeCohorts_AreTheIsoWeeksOfEachCustomersFirstProductView()
    {
        var from = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero); // a Monday
        var to = new DateTimeOffset(2024, 7, 1, 0, 0, 0, TimeSpan.Zero);
        var retention = NaiveRetention.Compute(
            EcommerceEvents(), "product_view", "purchase", RefPeriod.Week, TimeZoneInfo.Utc, DayOfWeek.Monday, from, to, firstTime: true, unbounded: false);

        // ISO weeks start on Monday: the Monday of the ISO week of each customer's first product view.
        var expected = EcommerceJourneys()
            .Select(j => j.FirstOrDefault(r => r.Event == "product_view"))
            .OfType<EcommerceRow>()
            .GroupBy(r => ISOWeek.ToDateTime(ISOWeek.GetYear(r.Timestamp.UtcDateTime), ISOWeek.GetWeekOfYear(r.Timestamp.UtcDateTime), DayOfWeek.Monday))
            .ToDictionary(g => g.Key, g => (long)g.Count());
        Assert.Equal(expected, retention.ToDictionary(c => c.Key, c => c.Value[0]));

        // 2024-01-01 to 2024-06-30 holds 26 Monday weeks; cohort k has 26 − k values, none above the cohort size.
        var weeks = NaivePeriods.Periods(from, to, RefPeriod.Week, TimeZoneInfo.Utc, DayOfWeek.Monday);
        Assert.Equal(26, weeks.Count);
        Assert.All(retention, c => Assert.Equal(26 - weeks.IndexOf(c.Key), c.Value.Length));
        Assert.All(retention, c => Assert.All(c.Value, v => Assert.InRange(v, 0, c.Value[0])));
    }
}
