namespace Engagement.Sdk.Tests.Journeys.Reference;

public partial class NaiveReferenceTests
{
    private static readonly TimeSpan HalfAnHour = TimeSpan.FromMinutes(30);

    private static readonly TimeSpan TenSeconds = TimeSpan.FromSeconds(10);

    private static readonly HashSet<string> Views = new(["view"], StringComparer.Ordinal);

    private static readonly HashSet<string> Purchases = new(["buy"], StringComparer.Ordinal);

    private static List<RefSession> Sessions(params RefEvent[] events) =>
        NaiveSessions.Compute(events, HalfAnHour, TenSeconds, Views, Purchases, minViews: 2, sessionIdProperty: null);

    private static RefEvent At(string customer, DateTimeOffset time, string name, string? sessionId = null) =>
        new(customer, time, name, Properties: sessionId is null ? null : new Dictionary<string, string> { ["sid"] = sessionId });

    [Fact]
    public void Sessions_EmptyInput_HasNone() => Assert.Empty(Sessions());

    [Fact]
    public void Sessions_AGapEqualToTheTimeoutKeepsTheSession_OneTickMoreSplits()
    {
        var sessions = Sessions(
            At("equal", T0, "home"), At("equal", T0 + HalfAnHour, "home"), // gap = 30 min → one session
            At("longer", T0, "home"), At("longer", T0 + HalfAnHour + TimeSpan.FromTicks(1), "home")); // gap > 30 min → two

        // Each session lasts 0 s, or 30 min for "equal" (> 10 s → engaged); the one-event sessions of "longer" have
        // no view, no key event and last 0 s → not engaged.
        Assert.Equal(
            [
                new RefSession("equal", T0, T0 + HalfAnHour, 2, 0, true),
                new RefSession("longer", T0, T0, 1, 0, false),
                new RefSession("longer", T0 + HalfAnHour + TimeSpan.FromTicks(1), T0 + HalfAnHour + TimeSpan.FromTicks(1), 1, 0, false),
            ],
            sessions);
    }

    [Fact]
    public void Sessions_DoNotSplitAtMidnight_AndAreSortedByCustomerOrdinalThenStart()
    {
        var lateEvening = new DateTimeOffset(2026, 3, 2, 23, 50, 0, TimeSpan.Zero);

        // "b" is given first but "B" < "a" < "b" ordinally. "a": 23:50 and 00:10 the next day are 20 min apart → one
        // session across midnight, given in reverse order (sorted by time first).
        var sessions = Sessions(
            At("b", T0, "home"),
            At("a", lateEvening.AddMinutes(20), "home"),
            At("a", lateEvening, "home"),
            At("B", T0.AddHours(5), "home"),
            At("B", T0, "home"));

        Assert.Equal(
            [("B", T0), ("B", T0.AddHours(5)), ("a", lateEvening), ("b", T0)],
            sessions.Select(s => (s.Customer, s.Start)));
        Assert.Equal(lateEvening.AddMinutes(20), sessions[2].End);
    }

    [Fact]
    public void Sessions_Engaged_ByDurationStrictlyOverTenSeconds_ByAKeyEvent_OrByTwoViews()
    {
        var sessions = Sessions(
            At("a-ten", T0, "home"), At("a-ten", T0 + TenSeconds, "home"), // exactly 10 s → not engaged
            At("b-longer", T0, "home"), At("b-longer", T0 + TenSeconds + TimeSpan.FromTicks(1), "home"), // > 10 s → engaged
            At("c-key", T0, "buy"), // a key event, 0 s → engaged
            At("d-one-view", T0, "view"), At("d-one-view", T0, "home"), // one view, 0 s → not engaged
            At("e-two-views", T0, "view"), At("e-two-views", T0.AddSeconds(1), "view")); // two views in 1 s → engaged

        Assert.Equal(
            [("a-ten", 0, false), ("b-longer", 0, true), ("c-key", 0, true), ("d-one-view", 1, false), ("e-two-views", 2, true)],
            sessions.Select(s => (s.Customer, s.Views, s.Engaged)));
    }

    [Fact]
    public void Sessions_BadArguments_Throw()
    {
        RefEvent[] events = [E("a", 0, "view")];
        Assert.Equal("timeout", Assert.Throws<ArgumentOutOfRangeException>(() => NaiveSessions.Compute(events, TimeSpan.Zero, TenSeconds, Views, Purchases, 2, null)).ParamName);
        Assert.Equal("engagedAfter", Assert.Throws<ArgumentOutOfRangeException>(() => NaiveSessions.Compute(events, HalfAnHour, TimeSpan.FromTicks(-1), Views, Purchases, 2, null)).ParamName);
        Assert.Equal("minViews", Assert.Throws<ArgumentOutOfRangeException>(() => NaiveSessions.Compute(events, HalfAnHour, TenSeconds, Views, Purchases, -1, null)).ParamName);
    }

    [Fact]
    public void Sessions_FromASessionIdProperty_GroupByIdPerCustomer_TheRestByTheTimeout()
    {
        // s1 and s2 interleave → two sessions whatever the gaps; "x" uses s1 too, but sessions are per customer.
        // The events without the property (minutes 0, 20 and 120) form their own sessions by the timeout rule:
        // [0, 20] and [120].
        RefEvent[] events =
        [
            At("a", T0.AddMinutes(1), "view", "s1"),
            At("a", T0.AddMinutes(2), "view", "s2"),
            At("a", T0.AddMinutes(90), "buy", "s1"),
            At("a", T0, "home"),
            At("a", T0.AddMinutes(20), "home"),
            At("a", T0.AddMinutes(120), "home"),
            At("x", T0.AddMinutes(5), "view", "s1"),
        ];

        var sessions = NaiveSessions.Compute(events, HalfAnHour, TenSeconds, Views, Purchases, minViews: 2, sessionIdProperty: "sid");

        Assert.Equal(
            [
                new RefSession("a", T0, T0.AddMinutes(20), 2, 0, true), // no id: 0 and 20 (gap 20 ≤ 30), 20 min > 10 s
                new RefSession("a", T0.AddMinutes(1), T0.AddMinutes(90), 2, 1, true), // s1: view 1, buy 90
                new RefSession("a", T0.AddMinutes(2), T0.AddMinutes(2), 1, 1, false), // s2: one view
                new RefSession("a", T0.AddMinutes(120), T0.AddMinutes(120), 1, 0, false), // no id: 120 alone
                new RefSession("x", T0.AddMinutes(5), T0.AddMinutes(5), 1, 1, false),
            ],
            sessions);
    }
}
