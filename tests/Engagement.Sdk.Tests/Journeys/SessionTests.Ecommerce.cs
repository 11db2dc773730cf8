using Engagement.Sdk.Journeys;

namespace Engagement.Sdk.Tests.Journeys;

/// <summary>Sessions on the real e-commerce clickstream, against plain LINQ over the file's rows.</summary>
public class SessionEcommerceTests
{
    private static readonly SessionDefinition Shop = new()
    {
        ViewEvents = ["home", "catalog", "product_view"], KeyEvents = ["purchase"], SessionIdProperty = "session_id",
    };

    private static readonly List<EcommerceRow> Rows = EventLogTestData.ReadEcommerce();

    private static readonly EventLog Log = BuildWithSessionIds(Rows);

    [Fact]
    public void SessionsById_EqualALinqGroupingOfTheFilesSessionIds()
    {
        // Every row of the file has a session_id, so each (user, session_id) group is one session.
        var expected = Rows
            .GroupBy(r => (r.UserId, r.SessionId))
            .Select(g => (
                Customer: g.Key.UserId,
                SessionId: g.Key.SessionId,
                Start: g.Min(r => r.Timestamp),
                End: g.Max(r => r.Timestamp),
                Events: g.Count(),
                Views: g.Count(r => r.Event is "home" or "catalog" or "product_view"),
                Purchase: g.Any(r => r.Event == "purchase")))
            .Select(s => (s.Customer, s.SessionId, s.Start, s.End, s.Events, s.Views,
                Engaged: s.End - s.Start > TimeSpan.FromSeconds(10) || s.Purchase || s.Views >= 2))
            .OrderBy(s => s.Customer, StringComparer.Ordinal).ThenBy(s => s.Start)
            .ToList();

        var actual = SessionTestLogs.Sessions(Log, Shop)
            .Select(s => (Customer: s.CustomerId!, SessionId: s.SessionId!, s.Start, s.End, Events: s.EventCount, Views: s.ViewCount, Engaged: s.IsEngaged))
            .ToList();

        Assert.True(expected.Count > 3_000, $"the file should hold thousands of sessions; got {expected.Count}");
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Metrics_ById_EqualLinqOverTheFile()
    {
        var sessions = Rows
            .GroupBy(r => (r.UserId, r.SessionId))
            .Select(g => (
                Duration: g.Max(r => r.Timestamp) - g.Min(r => r.Timestamp),
                Views: g.Count(r => r.Event is "home" or "catalog" or "product_view"),
                Purchase: g.Any(r => r.Event == "purchase"),
                Events: g.Count()))
            .ToList();
        var engaged = sessions.Count(s => s.Duration > TimeSpan.FromSeconds(10) || s.Purchase || s.Views >= 2);
        var sorted = sessions.Select(s => s.Duration.Ticks).Order().ToList();
        var n = sorted.Count;
        var median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2] + 1) / 2;
        var mean = Math.Round(sorted.Sum(t => (decimal)t) / n, MidpointRounding.AwayFromZero);

        var result = SessionAccumulator.Compute(Log, Shop);

        Assert.Equal(n, result.Sessions);
        Assert.Equal(engaged, result.EngagedSessions);
        Assert.Equal(new(n - engaged, n), result.BounceRate);
        Assert.Equal(Rows.Count, result.Events);
        Assert.Equal(sessions.Sum(s => s.Views), result.Views);
        Assert.Equal(median, result.MedianDuration!.Value.Ticks);
        Assert.Equal((long)mean, result.MeanDuration!.Value.Ticks);
    }

    [Fact]
    public void SessionsByTimeout_EqualAPlainLoopOverEachUsersEvents()
    {
        // The 30-minute rule written plainly: sort each user's rows by time (stable), count a session at the first row
        // and at every gap strictly over 30 minutes.
        var expected = 0;
        foreach (var user in Rows.GroupBy(r => r.UserId))
        {
            DateTimeOffset? previous = null;
            foreach (var row in user.OrderBy(r => r.Timestamp))
            {
                expected += previous is null || row.Timestamp - previous.Value > TimeSpan.FromMinutes(30) ? 1 : 0;
                previous = row.Timestamp;
            }
        }

        var result = SessionAccumulator.Compute(Log, new SessionDefinition { ViewEvents = Shop.ViewEvents, KeyEvents = Shop.KeyEvents });

        Assert.Equal(expected, result.Sessions);
        Assert.Equal(Rows.Count, result.Events);
    }

    private static EventLog BuildWithSessionIds(List<EcommerceRow> rows)
    {
        var builder = new EventLogBuilder(["session_id"], rows.Count);
        foreach (var row in rows)
        {
            builder.Add(null, row.UserId, row.Timestamp, row.Event, row.Channel, null, [row.SessionId]);
        }

        return builder.Build();
    }
}
