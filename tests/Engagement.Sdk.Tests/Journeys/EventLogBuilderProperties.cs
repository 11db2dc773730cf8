using Engagement.Sdk.Benchmarks.Journeys;
using Engagement.Sdk.Journeys;
using Engagement.Sdk.Touchpoints;
using FsCheck;
using FsCheck.Fluent;

namespace Engagement.Sdk.Tests.Journeys;

/// <summary>
/// The builder at sizes where its batches of pending rows fill up (hundreds of rows, hundreds of customers), with ids as
/// fresh strings or shared instances, a snapshot taken midway, and on one core or two, against a stable LINQ sort.
/// </summary>
public class EventLogBuilderProperties
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);

    // Channels that differ only in media type, in case, or in the instance of their name, so that the builder's channel
    // cache must tell them apart (or not) as Channel.Equals does.
    private static readonly Channel[] ChannelPool =
    [
        Channels.Email, Channels.Website, new("EMAIL", MediaType.Owned, ChannelKind.Email), new("email", MediaType.Paid, ChannelKind.Email),
        new(new string("website".AsSpan()), MediaType.Owned, ChannelKind.Web), Channels.PaidSearch, Channel.Unspecified,
    ];

    // "buy" and "bay" share a length and their first and last characters, so they share a slot of the name cache.
    private static readonly string[] NamePool = ["view", "buy", "bay", "home", "cart", "payment_choice", "payment_done", "payment_error"];

    private static Arbitrary<(int Customer, int Second, int Name, int Channel)[]> Rows() =>
        Arb.From(
            from customers in Gen.Choose(1, 700)
            from length in Gen.Choose(0, 2_000)
            from rows in (
                from customer in Gen.Choose(0, customers - 1)
                from second in Gen.Choose(0, 50)
                from name in Gen.Choose(0, NamePool.Length - 1)
                from channel in Gen.Choose(0, ChannelPool.Length - 1)
                select (customer, second, name, channel)).ArrayOf(length)
            select rows);

    [Fact]
    public void Build_LargeInputs_EqualsAStableSortOfTheRows_AtEverySnapshot() =>
        Prop.ForAll(Rows(), Gen.Elements(true, false).Two().ToArbitrary(), Gen.Choose(0, 2_000).Two().ToArbitrary(), (rows, options, at) =>
        {
            // Rows before valuesFrom have no value, so the builder starts its value column late (or never).
            var (shared, parallel) = options;
            var (snapshotAt, valuesFrom) = at;
            var ids = new Dictionary<int, string>();
            string Id(int customer) =>
                shared ? (ids.TryGetValue(customer, out var id) ? id : ids[customer] = "c" + customer) : "c" + customer;
            // Half the builds keep a property, which must follow its rows through the sort.
            var withProperty = (rows.Length + snapshotAt) % 2 == 0;
            var builder = new EventLogBuilder(withProperty ? ["p"] : []) { ParallelThreshold = parallel ? 0 : int.MaxValue };
            EventLog? snapshot = null;
            for (var i = 0; i < rows.Length; i++)
            {
                if (i == snapshotAt)
                {
                    snapshot = builder.Build();
                }

                var (customer, second, name, channel) = rows[i];
                builder.Add(
                    null, Id(customer), T0.AddSeconds(second), NamePool[name], ChannelPool[channel], i >= valuesFrom ? i : null, withProperty ? [Property(i)] : []);
            }

            var log = builder.Build();
            EventLogTests.AssertWellFormed(log);
            return Matches(log, rows, valuesFrom) && (snapshot is null || Matches(snapshot, rows[..snapshotAt], valuesFrom));
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(60));

    [Fact]
    public void Build_SyntheticClickstreamOnTwoCores_EqualsAStableSortOfTheRows()
    {
        // 150k rows in time order, above the parallel threshold: the default path of a real build.
        var data = JourneyData.Generate(8_000, 150_000, 11);
        var log = data.Build();
        var expected = Enumerable.Range(0, data.Count)
            .OrderBy(i => data.CustomerIds[i], StringComparer.Ordinal)
            .ThenBy(i => data.UtcTicks[i])
            .Select(i => (data.CustomerIds[i], data.UtcTicks[i], data.EventNames[i], data.GetChannel(i), double.NaN))
            .ToList();
        Assert.True(log.Count >= 1 << 16);
        EventLogTests.AssertWellFormed(log);
        Assert.Equal(expected, EventLogTests.Rows(log));
    }

    [Fact]
    public void Build_NoValues_ReadsNaNInTheLogAndItsPartitions()
    {
        var builder = new EventLogBuilder();
        builder.Add("b", T0, "view", Channels.Email);
        builder.Add("a", T0, "view", Channels.Email);
        builder.Add("a", T0.AddSeconds(1), "buy", Channels.Email);
        var log = builder.Build();
        Assert.Equal([double.NaN, double.NaN, double.NaN], log.Values.ToArray());
        var parts = log.Partition(2);
        Assert.Equal([double.NaN, double.NaN], parts[0].Values.ToArray());
        Assert.Equal([double.NaN], parts[1].Values.ToArray());

        // A value after rows without one: the earlier rows still read NaN, in the new log and not in the old.
        builder.Add("a", T0.AddSeconds(2), "buy", Channels.Email, 9.5);
        Assert.Equal([double.NaN, double.NaN, 9.5, double.NaN], builder.Build().Values.ToArray());
        Assert.Equal(3, log.Values.Length);
    }

    // Every third row has no value for the property.
    private static string? Property(int row) => row % 3 == 0 ? null : "p" + (row % 7);

    private static bool Matches(EventLog log, (int Customer, int Second, int Name, int Channel)[] rows, int valuesFrom)
    {
        // A row's value is its input position, when it has one; the property, when kept, is a function of that position.
        if (log.TryGetProperty("p", out var property))
        {
            for (var i = 0; i < log.Count; i++)
            {
                var id = property.ValueIds[i];
                var position = (int)log.Values[i];
                if (!double.IsNaN(log.Values[i]) && (id < 0 ? null : property.Values[id]) != Property(position))
                {
                    return false;
                }
            }
        }

        var expected = rows
            .Select((r, i) => ("c" + r.Customer, T0.AddSeconds(r.Second).UtcTicks, NamePool[r.Name], ChannelPool[r.Channel], i >= valuesFrom ? i : double.NaN))
            .OrderBy(r => r.Item1, StringComparer.Ordinal)
            .ThenBy(r => r.UtcTicks)
            .ToList();
        return EventLogTests.Rows(log).SequenceEqual(expected)
            && log.EventNames.SequenceEqual(rows.Select(r => NamePool[r.Name]).Distinct())
            && log.Channels.SequenceEqual(rows.Select(r => ChannelPool[r.Channel]).Distinct());
    }
}
