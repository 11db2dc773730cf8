using System.Globalization;
using Engagement.Sdk.Journeys;
using Engagement.Sdk.Touchpoints;
using FsCheck;
using FsCheck.Fluent;

namespace Engagement.Sdk.Tests.Journeys;

/// <summary>One customer's events, for retention and lifecycle: an observation of their accumulators.</summary>
/// <param name="Events">The events, in any order.</param>
public sealed record CustomerEvents((string Name, DateTimeOffset Time)[] Events)
{
    /// <inheritdoc />
    public override string ToString() =>
        "[" + string.Join(", ", Events.Select(e => $"{e.Name}@{e.Time.UtcDateTime.ToString("MM-dd HH", CultureInfo.InvariantCulture)}")) + "]";
}

/// <summary>Logs, times and generators for the cohort retention and lifecycle tests.</summary>
internal static class CohortTestData
{
    /// <summary>The names the generators draw from: two that analyses ask for and one they ignore.</summary>
    public static readonly string[] Names = ["visit", "buy", "view"];

    private static long _nextCustomer;

    /// <summary>A UTC instant written as <c>2024-01-08 10:00</c>.</summary>
    public static DateTimeOffset At(string utc) =>
        DateTimeOffset.ParseExact(utc, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    /// <summary>A log of (customer, UTC time, event) rows.</summary>
    public static EventLog Log(params (string Customer, string Time, string Name)[] rows)
    {
        var builder = new EventLogBuilder();
        foreach (var (customer, time, name) in rows)
        {
            builder.Add(customer, At(time), name, Channels.Website);
        }

        return builder.Build();
    }

    /// <summary>A log of one customer under a fresh id, so that accumulators of separate observations never share one.</summary>
    public static EventLog OneCustomer(CustomerEvents customer)
    {
        var id = "c" + Interlocked.Increment(ref _nextCustomer).ToString("D9", CultureInfo.InvariantCulture);
        var builder = new EventLogBuilder();
        foreach (var (name, time) in customer.Events)
        {
            builder.Add(id, time, name, Channels.Website);
        }

        return builder.Build();
    }

    /// <summary>A log of many customers, rows in the given order.</summary>
    public static EventLog Log(IEnumerable<(string Customer, string Name, DateTimeOffset Time)> rows)
    {
        var builder = new EventLogBuilder();
        foreach (var (customer, name, time) in rows)
        {
            builder.Add(customer, time, name, Channels.Website);
        }

        return builder.Build();
    }

    /// <summary>Events from three weeks before <paramref name="from"/> to a week after <paramref name="to"/>, on whole
    /// hours so that ties and period boundaries occur.</summary>
    public static Gen<CustomerEvents> Customer(DateTimeOffset from, DateTimeOffset to)
    {
        var first = from.AddDays(-21);
        var hours = (int)(to.AddDays(7) - first).TotalHours;
        var evt = from name in Gen.Elements(Names)
                  from hour in Gen.Choose(0, hours)
                  select (name, first.AddHours(hour));
        return Gen.Choose(1, 12).SelectMany(n => evt.ArrayOf(n)).Select(events => new CustomerEvents(events));
    }

    /// <summary>Several customers with their ids, shrinking by dropping customers.</summary>
    public static Arbitrary<(string Customer, string Name, DateTimeOffset Time)[]> Rows(DateTimeOffset from, DateTimeOffset to) =>
        Arb.From(
            Gen.Choose(0, 25).SelectMany(n => Customer(from, to).ArrayOf(n))
                .Select(customers => customers.SelectMany((c, i) => c.Events.Select(e => ("u" + i.ToString("D2", CultureInfo.InvariantCulture), e.Name, e.Time))).ToArray()),
            rows => rows.Length == 0 ? [] : new[] { rows[..(rows.Length / 2)], rows[1..] });
}
