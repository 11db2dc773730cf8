using Engagement.Sdk.Journeys;
using static Engagement.Sdk.Tests.Journeys.SessionTestLogs;

namespace Engagement.Sdk.Tests.Journeys;

public class SessionTests
{
    private static readonly SessionDefinition Ga4 = new();

    [Fact]
    public void GapEqualToTheTimeout_KeepsTheSession_OneTickMoreSplits()
    {
        // a: 09:00, 09:30 (gap = 30 min, equal to the timeout: kept), 10:00:00.0000001 (gap 30 min + 1 tick: split).
        var log = Build(
            new("a", T0, "home"),
            new("a", T0.AddMinutes(30), "home"),
            new("a", T0.AddMinutes(60).AddTicks(1), "home"));

        var sessions = Sessions(log, Ga4);

        Assert.Equal(2, sessions.Count);
        Assert.Equal((0, 1), (sessions[0].FirstRow, sessions[0].LastRow));
        Assert.Equal(TimeSpan.FromMinutes(30), sessions[0].Duration);
        Assert.Equal((2, 2), (sessions[1].FirstRow, sessions[1].LastRow));
        Assert.Equal(TimeSpan.Zero, sessions[1].Duration);
    }

    [Fact]
    public void Midnight_DoesNotSplitASession()
    {
        // 23:50 and 00:10 the next day: a 20-minute gap, within the timeout; one session across midnight.
        var evening = new DateTimeOffset(2026, 3, 2, 23, 50, 0, TimeSpan.Zero);
        var log = Build(new("a", evening, "home"), new("a", evening.AddMinutes(20), "home"));

        var session = Assert.Single(Sessions(log, Ga4));

        Assert.Equal(evening, session.Start);
        Assert.Equal(evening.AddMinutes(20), session.End);
        Assert.Equal(2, session.EventCount);
    }

    [Fact]
    public void OneEventSession_IsNotEngaged_UnlessAKeyEventOrEnoughViews()
    {
        var log = Build(new("a", T0, "page_view"), new("b", T0, "purchase"), new("c", T0, "home"));

        // GA4: a lone page_view lasts 0 s (not > 10 s), has 1 view (< 2) and no key event: not engaged. Nor is "home".
        Assert.All(Sessions(log, Ga4), s => Assert.False(s.IsEngaged));

        // With purchase as a key event, b's one-event session is engaged.
        var withKey = Sessions(log, new SessionDefinition { KeyEvents = ["purchase"] });
        Assert.Equal([false, true, false], withKey.Select(s => s.IsEngaged));

        // With one view enough, a's lone page_view is engaged.
        var oneView = Sessions(log, new SessionDefinition { MinimumViews = 1 });
        Assert.Equal([true, false, false], oneView.Select(s => s.IsEngaged));
        Assert.Equal([1, 0, 0], oneView.Select(s => s.ViewCount));
    }

    [Fact]
    public void Engaged_NeedsADurationStrictlyAboveEngagedAfter()
    {
        // a lasts exactly 10 s (not engaged), b 10 s + 1 tick (engaged); neither has views or key events.
        var log = Build(
            new("a", T0, "home"), new("a", T0.AddSeconds(10), "home"),
            new("b", T0, "home"), new("b", T0.AddSeconds(10).AddTicks(1), "home"));

        Assert.Equal([false, true], Sessions(log, Ga4).Select(s => s.IsEngaged));
    }

    [Fact]
    public void TwoViews_MakeAShortSessionEngaged()
    {
        // page_view and screen_view both count as views: 2 views in 1 s is engaged.
        var log = Build(new("a", T0, "page_view"), new("a", T0.AddSeconds(1), "screen_view"), new("b", T0, "page_view"), new("b", T0.AddSeconds(1), "home"));

        var sessions = Sessions(log, Ga4);

        Assert.Equal([2, 1], sessions.Select(s => s.ViewCount));
        Assert.Equal([true, false], sessions.Select(s => s.IsEngaged));
    }

    [Fact]
    public void SessionsOfEachCustomer_NeverSpanTwoCustomers()
    {
        // a's last event and b's first are a second apart, but they are different customers.
        var log = Build(new("a", T0, "home"), new("b", T0.AddSeconds(1), "home"));

        var sessions = Sessions(log, Ga4);

        Assert.Equal(["a", "b"], sessions.Select(s => s.CustomerId));
        Assert.Equal([0, 1], sessions.Select(s => s.Customer));
    }

    [Fact]
    public void SessionIdProperty_GroupsById_AndCutsEventsWithoutAnIdByTheTimeout()
    {
        var bySession = new SessionDefinition { SessionIdProperty = SessionIdKey };
        var log = Build(
            new("a", T0, "home", "s1"),                                  // row 0
            new("a", T0.AddMinutes(1), "home", null),                    // row 1: no id
            new("a", T0.AddHours(2), "page_view", "s1"),                 // row 2: s1 two hours later, still s1
            new("a", T0.AddHours(2).AddSeconds(1), "page_view", "s2"),   // row 3: s2
            new("a", T0.AddHours(2).AddSeconds(2), "home", "s1"),        // row 4: s1 again, interleaving s2
            new("a", T0.AddMinutes(31), "home", null),                   // row 5 in time order: 30 min after row 1
            new("a", T0.AddHours(3), "home", null),                      // row 6: 2 h 29 min after the previous id-less event
            new("b", T0, "home", "s1"));                                 // s1 of another customer: another session

        // Rows by time: 0 (0:00 s1), 1 (0:01 -), 2 (0:31 -), 3 (2:00 s1), 4 (2:00:01 s2), 5 (2:00:02 s1), 6 (3:00 -), 7 (b).
        // a's sessions: s1 = rows 0, 3, 5 (0:00 to 2:00:02); id-less rows 1, 2 (30 min apart: kept together); s2 = row 4;
        // id-less row 6 (the gap to row 2 is 2 h 29 min > 30 min). b: s1 = row 7. Listed by start.
        var sessions = Sessions(log, bySession);

        Assert.Equal(
            [("a", "s1", 0, 5, 3), ("a", null, 1, 2, 2), ("a", "s2", 4, 4, 1), ("a", null, 6, 6, 1), ("b", "s1", 7, 7, 1)],
            sessions.Select(s => (s.CustomerId, s.SessionId, s.FirstRow, s.LastRow, s.EventCount)));
        Assert.Equal([0, 3, 5], RowsOf(sessions[0]));
        Assert.Equal([1, 2], RowsOf(sessions[1]));
        Assert.Equal(TimeSpan.FromHours(2).Add(TimeSpan.FromSeconds(2)), sessions[0].Duration);
        Assert.Equal(1, sessions[0].ViewCount); // row 3 is s1's page_view; row 4's is s2's
        Assert.Equal(TimeSpan.FromMinutes(30), sessions[1].Duration);
    }

    [Fact]
    public void SessionIdProperty_AtEqualStarts_ListsTheIdSessionFirst()
    {
        // An id-less event and an s1 event at the same instant, the id-less one given first.
        var log = Build(new("a", T0, "home", null), new("a", T0, "home", "s1"));

        var sessions = Sessions(log, new SessionDefinition { SessionIdProperty = SessionIdKey });

        Assert.Equal(["s1", null], sessions.Select(s => s.SessionId));
    }

    [Fact]
    public void SessionIdProperty_NotKeptByTheLog_ThrowsNamingTheLogAndTheKey()
    {
        var log = Build(new JourneyEvent("a", T0, "home"));
        var definition = new SessionDefinition { SessionIdProperty = "ga_session_id" };

        var e = Assert.Throws<ArgumentException>(() => definition.EnumerateSessions(log));
        var add = Assert.Throws<ArgumentException>(() => new SessionAccumulator(definition).Add(log));

        Assert.Equal("log", e.ParamName);
        Assert.Contains("'ga_session_id'", e.Message, StringComparison.Ordinal);
        Assert.Contains(SessionIdKey, e.Message, StringComparison.Ordinal);
        Assert.Equal("log", add.ParamName);
    }

    [Fact]
    public void EmptyLog_HasNoSessions_AndNoValue()
    {
        var log = Build();

        var result = SessionAccumulator.Compute(log);

        Assert.Equal(0, Ga4.EnumerateSessions(log).Count());
        Assert.False(result.HasValue);
        Assert.Equal(0, result.Sessions);
        Assert.Null(result.EngagementRate.Value);
        Assert.Null(result.BounceRate.Value);
        Assert.Null(result.MeanDuration);
        Assert.Null(result.MedianDuration);
        Assert.Null(result.ViewsPerSession);
        Assert.Equal("0 sessions: no value", result.ToString());
    }

    [Fact]
    public void Result_HandWorked()
    {
        // a: page_view 09:00, page_view 09:00:04 → 4 s, 2 views: engaged (views).
        //    home 10:00 (gap 56 min > 30: new session) → 0 s, not engaged.
        // b: home 09:00, cart 09:00:30 → 30 s > 10 s: engaged; 0 views.
        // c: page_view 09:00 → 0 s, 1 view: not engaged.
        // Sessions 4, engaged 2: engagement 2/4, bounce 2/4. Events 6, views 3: 0.75 views per session.
        // Durations 0, 0, 4, 30 s: mean 34/4 = 8.5 s; median = (0 + 4) / 2 = 2 s.
        var log = Build(
            new("a", T0, "page_view"), new("a", T0.AddSeconds(4), "page_view"), new("a", T0.AddHours(1), "home"),
            new("b", T0, "home"), new("b", T0.AddSeconds(30), "cart"),
            new("c", T0, "page_view"));

        var result = SessionAccumulator.Compute(log);

        Assert.Equal(4, result.Sessions);
        Assert.Equal(2, result.EngagedSessions);
        Assert.Equal(new(2, 4), result.EngagementRate);
        Assert.Equal(new(2, 4), result.BounceRate);
        Assert.Equal(6, result.Events);
        Assert.Equal(3, result.Views);
        Assert.Equal(0.75, result.ViewsPerSession);
        Assert.Equal(1.5, result.EventsPerSession);
        Assert.Equal(TimeSpan.FromSeconds(8.5), result.MeanDuration);
        Assert.Equal(TimeSpan.FromSeconds(2), result.MedianDuration);
    }

    [Fact]
    public void Median_OfAnOddCount_IsTheMiddleDuration()
    {
        // Durations 0, 20 s, 90 s (three customers): median 20 s; mean 110 / 3 s = 36.6666667 s, to the nearest tick.
        var log = Build(
            new("a", T0, "home"),
            new("b", T0, "home"), new("b", T0.AddSeconds(20), "home"),
            new("c", T0, "home"), new("c", T0.AddSeconds(90), "home"));

        var result = SessionAccumulator.Compute(log);

        Assert.Equal(TimeSpan.FromSeconds(20), result.MedianDuration);
        Assert.Equal(new TimeSpan(366_666_667), result.MeanDuration);
    }

    [Fact]
    public void Median_MidpointOfTwoDurations_RoundsAHalfTickUp()
    {
        // Durations 0 and 1 tick: the midpoint is half a tick, rounded up to 1 tick; the mean likewise.
        var log = Build(new("a", T0, "home"), new("b", T0, "home"), new("b", T0.AddTicks(1), "home"));

        var result = SessionAccumulator.Compute(log);

        Assert.Equal(new TimeSpan(1), result.MedianDuration);
        Assert.Equal(new TimeSpan(1), result.MeanDuration);
    }

    [Fact]
    public void LongAndFractionalDurations_CountLikeShortWholeSecondOnes()
    {
        // a: 11 events 30 min apart: one session of 5 h = 18,000 s (beyond the scan's array of short whole-second
        // durations); b: 1.5 s; c: 20 s. Sorted: 1.5 s, 20 s, 18,000 s → median 20 s, mean 18,021.5 / 3 = 6,007.1666667 s.
        var log = Build(
            Enumerable.Range(0, 11).Select(i => new JourneyEvent("a", T0.AddMinutes(30 * i), "home"))
                .Append(new("b", T0, "home")).Append(new("b", T0.AddSeconds(1.5), "home"))
                .Append(new("c", T0, "home")).Append(new("c", T0.AddSeconds(20), "home")));

        var accumulator = new SessionAccumulator();
        accumulator.Add(log);
        var result = accumulator.ToResult();

        Assert.Equal(3, result.Sessions);
        Assert.Equal(TimeSpan.FromSeconds(20), result.MedianDuration);
        Assert.Equal(new TimeSpan(60_071_666_667), result.MeanDuration);
        Assert.Equal(
            [(TimeSpan.FromSeconds(1.5).Ticks, 1L), (TimeSpan.FromSeconds(20).Ticks, 1L), (TimeSpan.FromHours(5).Ticks, 1L)],
            accumulator.GetState().Durations.Select(pair => (pair.Key, pair.Value)));
    }

    [Fact]
    public void EnumeratingSessions_AllocatesNothingPerEvent()
    {
        var events = Enumerable.Range(0, 5_000).Select(i => new JourneyEvent($"c{i % 50:D2}", T0.AddMinutes(i * 37 % 6000), i % 3 == 0 ? "page_view" : "home"));
        var log = Build(events);
        var sessions = Ga4.EnumerateSessions(log);
        for (var i = 0; i < 50; i++)
        {
            _ = sessions.Count(); // warm up, so that the JIT's tiering is done before measuring
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        long rows = 0, count = 0;
        for (var pass = 0; pass < 3; pass++)
        {
            foreach (var session in sessions)
            {
                rows += session.EventCount;
                count++;
            }
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Thousands of sessions in three passes: an allocation per session or event would be hundreds of kilobytes;
        // a few stray bytes from the runtime (a late tier-up) would not.
        Assert.True(count > 1_000, $"expected thousands of sessions; got {count}");
        Assert.True(allocated < 1_024, $"enumerating allocated {allocated} bytes");
        rows /= 3;
        Assert.Equal(log.Count, rows);
    }

    [Fact]
    public void Add_Cancelled_ThrowsAndAddsNothing()
    {
        var log = Build(new JourneyEvent("a", T0, "home"));
        var accumulator = new SessionAccumulator();
        using var source = new CancellationTokenSource();
        source.Cancel();

        Assert.Throws<OperationCanceledException>(() => accumulator.Add(log, source.Token));
        Assert.Equal(0, accumulator.Count);
    }

    [Fact]
    public void Add_Null_Throws()
    {
        Assert.Equal("log", Assert.Throws<ArgumentNullException>(() => new SessionAccumulator().Add(null!)).ParamName);
        Assert.Equal("log", Assert.Throws<ArgumentNullException>(() => Ga4.EnumerateSessions(null!)).ParamName);
        Assert.Equal("sessionDefinition", Assert.Throws<ArgumentNullException>(() => new SessionAccumulator(null!)).ParamName);
    }

    [Fact]
    public void Rows_OfASessionByTimeout_AreEveryRowBetweenItsFirstAndLast()
    {
        var log = Build(new("a", T0, "home"), new("a", T0.AddMinutes(1), "home"), new("a", T0.AddHours(1), "home"));

        var sessions = Sessions(log, Ga4);

        Assert.Equal([0, 1], RowsOf(sessions[0]));
        Assert.Equal([2], RowsOf(sessions[1]));
        Assert.Null(sessions[0].SessionId);
    }

    [Fact]
    public void Session_Default_IsNoSession()
    {
        Session none = default;

        Assert.Null(none.CustomerId);
        Assert.Equal(0, none.EventCount);
        Assert.Empty(RowsOf(none));
        Assert.Equal("no session", none.ToString());
    }

    [Fact]
    public void Session_ToString_IsInvariant()
    {
        var session = Assert.Single(Sessions(Build(new("a", T0, "page_view"), new("a", T0.AddSeconds(12), "home")), Ga4));

        Assert.Equal("a 2026-03-02T09:00:00Z +00:00:12, 2 events, 1 views, engaged", session.ToString());
    }

    private static List<int> RowsOf(Session session)
    {
        var rows = new List<int>();
        foreach (var row in session.Rows)
        {
            rows.Add(row);
        }

        return rows;
    }
}
