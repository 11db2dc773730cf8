using Engagement.Sdk.Journeys;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.Tests.Journeys;

public class EventLogPropertyTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Builder_KeepsPropertiesAlongTheRows_AfterSorting()
    {
        var builder = new EventLogBuilder(["session", "platform"]);
        builder.Add(null, "b", T0.AddMinutes(2), "view", Channels.Website, null, ["s2", "mobile"]);
        builder.Add(null, "a", T0.AddMinutes(1), "buy", Channels.Website, 9.5, ["s1", null]);
        builder.Add(null, "a", T0, "view", Channels.Website, null, ["s1", "desktop"]);
        builder.Add("b-1", "b", T0, "view", Channels.Website); // a row without properties has none

        var log = builder.Build();

        // Rows: a@T0 view, a@T0+1 buy, b@T0 view, b@T0+2 view.
        var session = log.GetProperty("session");
        var platform = log.GetProperty("platform");
        Assert.Equal(["session", "platform"], log.PropertyKeys);
        Assert.Equal(["s2", "s1"], session.Values);
        Assert.Equal([1, 1, -1, 0], session.ValueIds.ToArray());
        Assert.Equal(["mobile", "desktop"], platform.Values);
        Assert.Equal([1, -1, -1, 0], platform.ValueIds.ToArray());
        Assert.True(session.TryGetValueId("s1", out var s1));
        Assert.Equal(1, s1);
        Assert.False(session.TryGetValueId("S1", out var none));
        Assert.Equal(-1, none);
    }

    [Fact]
    public void Create_ReadsTheNamedPropertiesOfEachEvent()
    {
        var events = new[]
        {
            new EngagementEvent("e1", "a", T0, "view", Channels.Website, properties: new Dictionary<string, string> { ["session"] = "s1", ["other"] = "x" }),
            new EngagementEvent("e2", "a", T0.AddSeconds(5), "view", Channels.Website),
        };

        var log = EventLog.Create(events, ["session"]);

        Assert.Equal(["s1"], log.GetProperty("session").Values);
        Assert.Equal([0, -1], log.GetProperty("session").ValueIds.ToArray());
        Assert.False(log.TryGetProperty("other", out _));
    }

    [Fact]
    public async Task CreateAsync_ReadsTheNamedProperties()
    {
        var log = await EventLog.CreateAsync(
            Stream(new EngagementEvent("e1", "a", T0, "view", Channels.Website, properties: new Dictionary<string, string> { ["session"] = "s9" })),
            ["session"],
            CancellationToken.None);

        Assert.Equal("s9", log.GetProperty("session").Values[0]);
    }

    [Fact]
    public void Partition_SlicesPropertyColumnsAndSharesTheirValues()
    {
        var builder = new EventLogBuilder(["session"]);
        foreach (var (customer, session) in new[] { ("a", "s1"), ("b", "s2"), ("c", "s3"), ("c", "s3") })
        {
            builder.Add(null, customer, T0, "view", Channels.Website, null, [session]);
        }

        var parts = builder.Build().Partition(2);

        var ids = parts.SelectMany(p => p.GetProperty("session").ValueIds.ToArray()).ToArray();
        Assert.Equal([0, 1, 2, 2], ids);
        Assert.All(parts, p => Assert.Equal(["s1", "s2", "s3"], p.GetProperty("session").Values));
    }

    [Fact]
    public void BadKeysAndValueCounts_AreRejectedNamingTheArgument()
    {
        Assert.Equal("propertyKeys", Assert.Throws<ArgumentNullException>(() => new EventLogBuilder(null!)).ParamName);
        Assert.Equal("propertyKeys", Assert.Throws<ArgumentNullException>(() => new EventLogBuilder([null!])).ParamName);
        var blank = Assert.Throws<ArgumentException>(() => new EventLogBuilder(["a", " "]));
        Assert.Equal("propertyKeys", blank.ParamName);
        Assert.Contains("index 1", blank.Message, StringComparison.Ordinal);
        Assert.Equal("propertyKeys", Assert.Throws<ArgumentException>(() => new EventLogBuilder(["a", "a"])).ParamName);
        Assert.Equal("capacity", Assert.Throws<ArgumentOutOfRangeException>(() => new EventLogBuilder(["a"], -1)).ParamName);

        var builder = new EventLogBuilder(["a", "b"]);
        var count = Assert.Throws<ArgumentException>(() => builder.Add(null, "c", T0, "view", Channels.Website, null, ["x"]));
        Assert.Equal("properties", count.ParamName);
        Assert.Contains("got 1 values", count.Message, StringComparison.Ordinal);
        Assert.Equal("eventId", Assert.Throws<ArgumentException>(() => builder.Add(" ", "c", T0, "view", Channels.Website, null, ["x", "y"])).ParamName);
        Assert.Equal(0, builder.Count);

        var log = builder.Build();
        var missing = Assert.Throws<ArgumentException>(() => log.GetProperty("session"));
        Assert.Equal("key", missing.ParamName);
        Assert.Contains("'session'", missing.Message, StringComparison.Ordinal);
        Assert.Contains("a, b", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateEventIds_AreDroppedWithTheirProperties()
    {
        var builder = new EventLogBuilder(["session"]);
        Assert.True(builder.Add("e1", "a", T0, "view", Channels.Website, null, ["s1"]));
        Assert.False(builder.Add("e1", "a", T0, "view", Channels.Website, null, ["s2"]));

        var log = builder.Build();

        Assert.Equal(1, log.BuildReport.DuplicatesDropped);
        Assert.Equal(["s1"], log.GetProperty("session").Values);
    }

    [Fact]
    public void Ecommerce_SessionIds_AreKeptForEveryRow()
    {
        var rows = EventLogTestData.ReadEcommerce();
        var builder = new EventLogBuilder(["session_id"], rows.Count);
        foreach (var row in rows)
        {
            builder.Add(null, row.UserId, row.Timestamp, row.Event, row.Channel, null, [row.SessionId]);
        }

        var log = builder.Build();

        var session = log.GetProperty("session_id");
        Assert.Equal(rows.Select(r => r.SessionId).Distinct(StringComparer.Ordinal).Count(), session.Values.Count);
        Assert.DoesNotContain(-1, session.ValueIds.ToArray());

        // Each customer's rows carry that customer's sessions: the file's (user, session) pairs, as a set.
        var pairs = rows.Select(r => (r.UserId, r.SessionId)).ToHashSet();
        for (var i = 0; i < log.Count; i++)
        {
            Assert.Contains((log.Customers[log.CustomerIndexes[i]], session.Values[session.ValueIds[i]]), pairs);
        }
    }

    private static async IAsyncEnumerable<EngagementEvent> Stream(params EngagementEvent[] events)
    {
        foreach (var e in events)
        {
            await Task.Yield();
            yield return e;
        }
    }
}
