using Engagement.Sdk.Journeys;
using Engagement.Sdk.Touchpoints;
using FsCheck;
using FsCheck.Fluent;

namespace Engagement.Sdk.Tests.Journeys;

/// <summary>
/// Properties of <see cref="EventLog"/> against a naive reference: de-duplicate by id (first kept), then a stable LINQ
/// sort by customer (ordinal) and time.
/// </summary>
public class EventLogProperties
{
    private static readonly Config Many = Config.QuickThrowOnFailure.WithMaxTest(300);

    private static readonly DateTimeOffset T0 = new(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);

    private static readonly Channel[] ChannelPool =
        [Channels.Email, Channels.Website, new("EMAIL", MediaType.Owned, ChannelKind.Email), Channels.PaidSearch];

    /// <summary>Up to 120 rows over few customers, names, channels, ids and instants, so that ties and duplicates are common.</summary>
    private static Arbitrary<Row[]> Rows(bool uniqueIds) =>
        Arb.From(
            from length in Gen.Choose(0, 120)
            from rows in (
                from id in Gen.Choose(0, 60)
                from customer in Gen.Choose(0, 6)
                from minute in Gen.Choose(0, 8)
                from offset in Gen.Choose(-2, 2)
                from name in Gen.Elements("view", "buy", "home", "cart")
                from channel in Gen.Choose(0, ChannelPool.Length - 1)
                from value in Gen.Choose(-1, 40)
                select new Row(
                    $"e{id}",
                    $"c{customer}",
                    T0.AddMinutes(minute).ToOffset(TimeSpan.FromHours(offset)),
                    name,
                    ChannelPool[channel],
                    value < 0 ? null : value / 4.0)).ArrayOf(length)
            select uniqueIds ? rows.Select((r, i) => r with { EventId = $"u{i}" }).ToArray() : rows);

    [Fact]
    public void Build_EqualsNaiveReference() =>
        Prop.ForAll(Rows(uniqueIds: false), rows =>
        {
            var log = Build(rows);
            EventLogTests.AssertWellFormed(log);
            var kept = rows.DistinctBy(r => r.EventId, StringComparer.Ordinal).ToArray();
            var expected = kept
                .OrderBy(r => r.CustomerId, StringComparer.Ordinal)
                .ThenBy(r => r.Timestamp.UtcTicks)
                .Select(r => (r.CustomerId, r.Timestamp.UtcTicks, r.Name, r.Channel, r.Value ?? double.NaN))
                .ToList();
            return EventLogTests.Rows(log).SequenceEqual(expected)
                && log.BuildReport.EventsRead == rows.Length
                && log.BuildReport.DuplicatesDropped == rows.Length - kept.Length
                && log.EventNames.SequenceEqual(kept.Select(r => r.Name).Distinct(StringComparer.Ordinal))
                && log.Channels.SequenceEqual(kept.Select(r => r.Channel).Distinct());
        }).Check(Many);

    [Fact]
    public void Build_AnyInputOrder_GivesTheSameLayout_TiesInTheirNewInputOrder() =>
        Prop.ForAll(Rows(uniqueIds: true), Gen.Choose(0, int.MaxValue).ToArbitrary(), (rows, seed) =>
        {
            var shuffled = rows.ToArray();
            new Random(seed).Shuffle(shuffled);
            var original = Build(rows);
            var reordered = Build(shuffled);

            // Customers, ranges and times do not depend on input order; each customer's events with equal times come
            // in the order they were given. (A channel keeps its first spelling, EMAIL or email, so compare ignoring case.)
            var stable = shuffled
                .OrderBy(r => r.CustomerId, StringComparer.Ordinal)
                .ThenBy(r => r.Timestamp.UtcTicks)
                .Select(r => (r.CustomerId, r.Timestamp.UtcTicks, r.Name, r.Channel, r.Value ?? double.NaN));
            return original.Customers.SequenceEqual(reordered.Customers)
                && original.Timestamps.SequenceEqual(reordered.Timestamps)
                && original.CustomerIndexes.SequenceEqual(reordered.CustomerIndexes)
                && EventLogTests.Rows(reordered).SequenceEqual(stable)
                && EventLogTests.Rows(original).Select(r => r.ToString()).Order(StringComparer.OrdinalIgnoreCase)
                    .SequenceEqual(EventLogTests.Rows(reordered).Select(r => r.ToString()).Order(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);
        }).Check(Many);

    [Fact]
    public void Partition_CoversEveryEventOnce_AndNeverSplitsACustomer() =>
        Prop.ForAll(Rows(uniqueIds: false), Gen.Choose(1, 10).ToArbitrary(), (rows, partitions) =>
        {
            var log = Build(rows);
            var parts = log.Partition(partitions);
            foreach (var part in parts)
            {
                EventLogTests.AssertWellFormed(part);
            }

            var customers = parts.SelectMany(p => p.Customers).ToList();
            return parts.Count == partitions
                && parts.Sum(p => p.Count) == log.Count
                && customers.SequenceEqual(log.Customers) // each customer in exactly one partition, in order
                && parts.SelectMany(EventLogTests.Rows).SequenceEqual(EventLogTests.Rows(log))
                && parts.All(p => ReferenceEquals(p.EventNames, log.EventNames) && ReferenceEquals(p.Channels, log.Channels))
                && parts.All(p => Enumerable.Range(0, p.CustomerCount).All(c =>
                    log.TryGetCustomerIndex(p.Customers[c], out var whole)
                    && p.GetCustomerRange(c).Length == log.GetCustomerRange(whole).Length));
        }).Check(Many);

    [Fact]
    public void Create_EqualsTheBuilderPath() =>
        Prop.ForAll(Rows(uniqueIds: false), rows =>
        {
            var events = rows.Select(r => new EngagementEvent(
                r.EventId, r.CustomerId, r.Timestamp, r.Name, r.Channel, value: r.Value is { } v ? (decimal)v : null));
            var created = EventLog.Create(events);
            var built = Build(rows);
            return EventLogTests.Rows(created).SequenceEqual(EventLogTests.Rows(built))
                && created.EventNameIds.SequenceEqual(built.EventNameIds)
                && created.ChannelIds.SequenceEqual(built.ChannelIds)
                && created.EventNames.SequenceEqual(built.EventNames)
                && created.BuildReport == built.BuildReport;
        }).Check(Many);

    private static EventLog Build(Row[] rows)
    {
        var builder = new EventLogBuilder();
        foreach (var r in rows)
        {
            builder.Add(r.EventId, r.CustomerId, r.Timestamp, r.Name, r.Channel, r.Value);
        }

        return builder.Build();
    }

    /// <summary>One generated event.</summary>
    public sealed record Row(string EventId, string CustomerId, DateTimeOffset Timestamp, string Name, Channel Channel, double? Value)
    {
        /// <inheritdoc />
        public override string ToString() => $"{EventId} {CustomerId} {Timestamp:O} {Name} {Channel.Name} {Value}";
    }
}
