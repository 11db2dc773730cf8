using Engagement.Sdk.Journeys;
using Engagement.Sdk.Touchpoints;
using FsCheck;
using FsCheck.Fluent;

namespace Engagement.Sdk.Tests.Journeys;

/// <summary>
/// The builder at sizes where its batches of pending rows fill up (hundreds of rows, hundreds of customers), with ids as
/// fresh strings or shared instances and a snapshot taken midway, against a stable LINQ sort.
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
        Prop.ForAll(Rows(), Gen.Elements(true, false).ToArbitrary(), Gen.Choose(0, 2_000).ToArbitrary(), (rows, shared, snapshotAt) =>
        {
            var ids = new Dictionary<int, string>();
            string Id(int customer) =>
                shared ? (ids.TryGetValue(customer, out var id) ? id : ids[customer] = "c" + customer) : "c" + customer;
            var builder = new EventLogBuilder();
            EventLog? snapshot = null;
            for (var i = 0; i < rows.Length; i++)
            {
                if (i == snapshotAt)
                {
                    snapshot = builder.Build();
                }

                var (customer, second, name, channel) = rows[i];
                builder.Add(Id(customer), T0.AddSeconds(second), NamePool[name], ChannelPool[channel], i);
            }

            var log = builder.Build();
            EventLogTests.AssertWellFormed(log);
            return Matches(log, rows) && (snapshot is null || Matches(snapshot, rows[..snapshotAt]));
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(60));

    private static bool Matches(EventLog log, (int Customer, int Second, int Name, int Channel)[] rows)
    {
        var expected = rows
            .Select((r, i) => ("c" + r.Customer, T0.AddSeconds(r.Second).UtcTicks, NamePool[r.Name], ChannelPool[r.Channel], (double)i))
            .OrderBy(r => r.Item1, StringComparer.Ordinal)
            .ThenBy(r => r.UtcTicks)
            .ToList();
        return EventLogTests.Rows(log).SequenceEqual(expected)
            && log.EventNames.SequenceEqual(rows.Select(r => NamePool[r.Name]).Distinct())
            && log.Channels.SequenceEqual(rows.Select(r => ChannelPool[r.Channel]).Distinct());
    }
}
