using FsCheck;
using FsCheck.Fluent;

namespace Engagement.Sdk.Tests.Journeys.Reference;

/// <summary>Invariants the reference itself must keep, on random small logs.</summary>
public partial class NaiveReferenceTests
{
    /// <summary>Up to 40 events over 4 customers and 3 names, at whole hours over 3 weeks from Saturday 02-28 (UTC).</summary>
    private static Arbitrary<RefEvent[]> WeeksOfEvents() =>
        RefGenerators.Events(["login", "buy", "home"], TimeSpan.FromHours(1), steps: 23 * 24, customers: 4, maxLength: 40, origin: March(2).AddHours(-48));

    [Fact]
    public void RefEventLog_HoldsTheEventsInTheReferencesOrder() =>
        Prop.ForAll(RefGenerators.Events(["view", "buy"], TimeSpan.FromMinutes(1), steps: 5, sessionIdProperty: "sid"), events =>
        {
            var log = RefEventLog.Build(events, "sid");
            var sessionIds = log.GetProperty("sid");
            var rows = Enumerable.Range(0, log.Count).Select(i => (
                log.Customers[log.CustomerIndexes[i]],
                log.Timestamps[i],
                log.EventNames[log.EventNameIds[i]],
                log.Channels[log.ChannelIds[i]].Name,
                sessionIds.ValueIds[i] < 0 ? null : sessionIds.Values[sessionIds.ValueIds[i]]));
            var expected = RefJourneys.ByCustomer(events).Values.SelectMany(j => j).Select(e => (
                e.Customer, e.Time.UtcTicks, e.Name, e.Channel, e.Properties?["sid"]));
            return rows.SequenceEqual(expected);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Sessions_HoldEveryEventOnce_AndAreSeparatedByMoreThanTheTimeout() =>
        Prop.ForAll(WeeksOfEvents(), events =>
        {
            var timeout = TimeSpan.FromHours(3);
            var sessions = NaiveSessions.Compute(events, timeout, TenSeconds, Views, Purchases, minViews: 2, sessionIdProperty: null);
            var consecutive = sessions.Zip(sessions.Skip(1)).Where(p => p.First.Customer == p.Second.Customer);
            return sessions.Sum(s => s.Events) == events.Length
                && sessions.All(s => s.Start <= s.End && s.Events >= 1)
                && consecutive.All(p => p.Second.Start - p.First.End > timeout);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Retention_NeverExceedsTheCohort_AndUnboundedNeverCountsLess() =>
        Prop.ForAll(WeeksOfEvents(), Gen.Elements(true, false).ToArbitrary(), (events, firstTime) =>
        {
            var bounded = NaiveRetention.Compute(events, "login", "buy", RefPeriod.Day, Berlin, DayOfWeek.Monday, March(2), March(20), firstTime, unbounded: false);
            var unbounded = NaiveRetention.Compute(events, "login", "buy", RefPeriod.Day, Berlin, DayOfWeek.Monday, March(2), March(20), firstTime, unbounded: true);
            return bounded.Keys.Order().SequenceEqual(unbounded.Keys.Order())
                && bounded.All(c => c.Value[0] >= 1 && c.Value.All(v => v <= c.Value[0]))
                && unbounded.All(c => c.Value.Zip(c.Value.Skip(1)).All(p => p.First >= p.Second)
                    && c.Value.Zip(bounded[c.Key]).All(p => p.First >= p.Second));
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Lifecycle_CountsAreTheStatuses_AndACustomerIsNewAtMostOnce() =>
        Prop.ForAll(WeeksOfEvents(), events =>
        {
            var statuses = NaiveLifecycle.Statuses(events, "login", RefPeriod.Week, Berlin, DayOfWeek.Sunday, March(2), March(23));
            var counts = NaiveLifecycle.Compute(events, "login", RefPeriod.Week, Berlin, DayOfWeek.Sunday, March(2), March(23));
            return counts.Sum(c => c.Value.New + c.Value.Returning + c.Value.Resurrecting + c.Value.Dormant) == statuses.Count
                && counts.Sum(c => c.Value.New) == statuses.Count(s => s.Value == "new")
                && statuses.Where(s => s.Value == "new").GroupBy(s => s.Key.Customer).All(g => g.Count() == 1);
        }).QuickCheckThrowOnFailure();
}
