using Engagement.Sdk.Journeys;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.Tests.Journeys;

public partial class EventLogTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);

    /// <summary>Reads a log back as (customer, UTC ticks, event name, channel, value) rows, in row order.</summary>
    internal static List<(string Customer, long Ticks, string Name, Channel Channel, double Value)> Rows(EventLog log)
    {
        var rows = new List<(string, long, string, Channel, double)>(log.Count);
        for (var i = 0; i < log.Count; i++)
        {
            rows.Add((
                log.Customers[log.CustomerIndexes[i]],
                log.Timestamps[i],
                log.EventNames[log.EventNameIds[i]],
                log.Channels[log.ChannelIds[i]],
                log.Values[i]));
        }

        return rows;
    }

    /// <summary>Checks the invariants of any log: sorted by customer then time, ranges that tile the rows.</summary>
    internal static void AssertWellFormed(EventLog log)
    {
        Assert.Equal(log.Count, log.CustomerIndexes.Length);
        Assert.Equal(log.Count, log.Timestamps.Length);
        Assert.Equal(log.Count, log.EventNameIds.Length);
        Assert.Equal(log.Count, log.ChannelIds.Length);
        Assert.Equal(log.Count, log.Values.Length);
        for (var c = 1; c < log.CustomerCount; c++)
        {
            Assert.True(string.CompareOrdinal(log.Customers[c - 1], log.Customers[c]) < 0);
        }

        var next = 0;
        for (var c = 0; c < log.CustomerCount; c++)
        {
            var range = log.GetCustomerRange(c);
            Assert.Equal(next, range.Start);
            Assert.True(range.Length > 0);
            for (var i = range.Start; i < range.End; i++)
            {
                Assert.Equal(c, log.CustomerIndexes[i]);
                Assert.True(i == range.Start || log.Timestamps[i - 1] <= log.Timestamps[i]);
            }

            Assert.True(log.TryGetCustomerIndex(log.Customers[c], out var found));
            Assert.Equal(c, found);
            next = range.End;
        }

        Assert.Equal(log.Count, next);
    }

    [Fact]
    public void Build_HandWorkedLog_SortsByCustomerThenTime_AndKeepsTiesInInputOrder()
    {
        var builder = new EventLogBuilder();
        builder.Add("c2", T0.AddMinutes(2), "view", Channels.Website);
        builder.Add("c1", T0.AddMinutes(5), "buy", Channels.Email, 5.5);
        builder.Add("c2", T0.AddMinutes(1), "home", Channels.Website);
        builder.Add("c1", T0.AddMinutes(5), "view", Channels.Email); // ties with "buy": stays after it
        builder.Add("c1", T0, "home", Channels.Website);

        var log = builder.Build();

        Assert.Equal(5, log.Count);
        Assert.Equal(["c1", "c2"], log.Customers);
        Assert.Equal(["view", "buy", "home"], log.EventNames); // first sight
        Assert.Equal([Channels.Website, Channels.Email], log.Channels);
        Assert.Equal([0, 0, 0, 1, 1], log.CustomerIndexes.ToArray());
        Assert.Equal(
            [T0.UtcTicks, T0.AddMinutes(5).UtcTicks, T0.AddMinutes(5).UtcTicks, T0.AddMinutes(1).UtcTicks, T0.AddMinutes(2).UtcTicks],
            log.Timestamps.ToArray());
        Assert.Equal([2, 1, 0, 2, 0], log.EventNameIds.ToArray());
        Assert.Equal([0, 1, 1, 0, 0], log.ChannelIds.ToArray());
        Assert.Equal([double.NaN, 5.5, double.NaN, double.NaN, double.NaN], log.Values.ToArray());
        Assert.Equal(3, log.GetCustomerRange(0).Length);
        Assert.Equal("[3, 5)", log.GetCustomerRange(1).ToString());
        Assert.Equal(5, log.BuildReport.EventsRead);
        Assert.Equal(0, log.BuildReport.DuplicatesDropped);
        Assert.Equal(5, log.BuildReport.EventsKept);
        AssertWellFormed(log);
    }

    [Fact]
    public void Build_DuplicateEventIds_AreDroppedAndCounted_FirstKept()
    {
        var builder = new EventLogBuilder();

        Assert.True(builder.Add("e1", "c1", T0, "view", Channels.Website));
        Assert.True(builder.Add("e2", "c1", T0.AddMinutes(1), "buy", Channels.Website, 10));
        Assert.False(builder.Add("e1", "c2", T0.AddMinutes(2), "refund", Channels.Email, 3));
        Assert.False(builder.Add("e2", "c1", T0.AddMinutes(1), "buy", Channels.Website, 10));
        Assert.True(builder.Add("E1", "c1", T0.AddMinutes(3), "view", Channels.Website)); // ids compare ordinally
        builder.Add("c1", T0.AddMinutes(4), "view", Channels.Website); // no id: never dropped
        var log = builder.Build();

        Assert.Equal(4, builder.Count);
        Assert.Equal("read 6, duplicates dropped 2, kept 4", log.BuildReport.ToString());
        Assert.Equal(6, log.BuildReport.EventsRead);
        Assert.Equal(2, log.BuildReport.DuplicatesDropped);
        Assert.Equal(4, log.BuildReport.EventsKept);
        Assert.Equal(["c1"], log.Customers);
        Assert.False(log.TryGetEventNameId("refund", out var refund)); // the dropped event interned nothing
        Assert.Equal(-1, refund);
        Assert.Equal([Channels.Website], log.Channels);
    }

    [Fact]
    public void Build_InternedIds_AreStable_AndLookupsFindThem()
    {
        var builder = new EventLogBuilder();
        builder.Add("b", T0, "view", Channels.Website);
        builder.Add("a", T0, "buy", new Channel("WEBSITE", MediaType.Owned, ChannelKind.Web)); // equals Website
        builder.Add("b", T0, "view", Channels.Email);
        var first = builder.Build();
        builder.Add("c", T0, "home", Channels.Website);
        var second = builder.Build();

        Assert.Equal(3, first.Count);
        Assert.Equal(4, second.Count);
        Assert.Equal(["view", "buy"], first.EventNames);
        Assert.Equal(["view", "buy", "home"], second.EventNames);
        Assert.Equal("website", second.Channels[0].Name); // the first spelling seen
        Assert.True(second.TryGetEventNameId("buy", out var buy));
        Assert.Equal(1, buy);
        Assert.False(second.TryGetEventNameId("BUY", out _));
        Assert.True(second.TryGetChannelId(new Channel("WebSite", MediaType.Owned, ChannelKind.Web), out var web));
        Assert.Equal(0, web);
        Assert.False(second.TryGetChannelId(Channels.PaidSearch, out var none));
        Assert.Equal(-1, none);
        Assert.True(second.TryGetCustomerIndex("c", out var c));
        Assert.Equal(2, c);
        Assert.False(second.TryGetCustomerIndex("z", out var z));
        Assert.Equal(-1, z);
    }

    [Fact]
    public void Add_RepeatedNameWithAnotherMediaType_IsAnotherChannel_AndCapacityChangesNothing()
    {
        const string name = "newsletter";
        var builder = new EventLogBuilder(capacity: 2);
        builder.Add("c", T0, "open", new Channel(name, MediaType.Owned, ChannelKind.Email));
        builder.Add("c", T0, "open", new Channel(name, MediaType.Paid, ChannelKind.Email)); // same name string
        builder.Add("c", T0, "open", new Channel("NEWSLETTER", MediaType.Owned, ChannelKind.Email)); // equals the first
        builder.Add("c", T0, "open", new Channel(name, MediaType.Owned, ChannelKind.Email));

        var log = builder.Build();

        Assert.Equal([0, 1, 0, 0], log.ChannelIds.ToArray());
        Assert.Equal(2, log.Channels.Count);
        Assert.Equal("capacity", Assert.Throws<ArgumentOutOfRangeException>(() => new EventLogBuilder(-1)).ParamName);
    }

    [Fact]
    public void Build_TimestampsWithOffsets_AreStoredAsUtcTicks()
    {
        var builder = new EventLogBuilder();
        builder.Add("c", new DateTimeOffset(2026, 1, 5, 11, 30, 0, TimeSpan.FromHours(1)), "late", Channels.Website);
        builder.Add("c", new DateTimeOffset(2026, 1, 5, 5, 0, 0, TimeSpan.FromHours(-5)), "early", Channels.Website);

        var log = builder.Build();

        Assert.Equal([T0.UtcTicks, T0.AddMinutes(30).UtcTicks], log.Timestamps.ToArray());
        Assert.Equal(["early", "late"], Rows(log).Select(r => r.Name));
    }

    [Fact]
    public void Build_Empty_IsAnEmptyLog()
    {
        var log = new EventLogBuilder().Build();

        Assert.Equal(0, log.Count);
        Assert.Equal(0, log.CustomerCount);
        Assert.Empty(log.Customers);
        Assert.Empty(log.EventNames);
        Assert.Empty(log.Channels);
        Assert.True(log.Timestamps.IsEmpty);
        Assert.Equal(default, log.BuildReport);
        Assert.All(log.Partition(3), part => Assert.Equal(0, part.Count));
    }

    [Fact]
    public void Create_Events_KeepsValuesAndDropsDuplicateIds()
    {
        EngagementEvent[] events =
        [
            new("e1", "c1", T0.AddMinutes(1), "buy", Channels.Website, value: 59.90m, currency: "EUR"),
            new("e0", "c1", T0, "view", Channels.Website),
            new("e1", "c1", T0.AddMinutes(9), "buy", Channels.Website, value: 1m, currency: "EUR"),
        ];

        var log = EventLog.Create(events);

        Assert.Equal([double.NaN, 59.90], log.Values.ToArray());
        Assert.Equal((3L, 1L, 2L), (log.BuildReport.EventsRead, log.BuildReport.DuplicatesDropped, log.BuildReport.EventsKept));
    }

    [Fact]
    public void Partition_SplitsByWholeCustomers_BalancedByEvents()
    {
        var builder = new EventLogBuilder();
        foreach (var (customer, events) in new[] { ("a", 4), ("b", 1), ("c", 1), ("d", 2) })
        {
            for (var i = 0; i < events; i++)
            {
                builder.Add(customer, T0.AddMinutes(i), "view", Channels.Website);
            }
        }

        var log = builder.Build();

        var parts = log.Partition(2);

        Assert.Equal(2, parts.Count);
        Assert.Equal(["a"], parts[0].Customers); // 4 of 8 events
        Assert.Equal(["b", "c", "d"], parts[1].Customers);
        Assert.Equal([0, 1, 2, 2], parts[1].CustomerIndexes.ToArray()); // local customer indexes
        Assert.Same(log.EventNames, parts[1].EventNames); // shared ids
        Assert.Equal(4, parts[1].BuildReport.EventsKept);
        Assert.Equal(["a", "", "", "", "b", "c", "d"], log.Partition(7).Select(p => string.Join(",", p.Customers)));
        Assert.Same(log, log.Partition(1)[0]);
    }
}
