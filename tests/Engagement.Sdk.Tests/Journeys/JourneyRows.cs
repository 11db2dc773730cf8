using Engagement.Sdk.Journeys;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.Tests.Journeys;

/// <summary>One event of a hand-written or generated journey, for the stage, path and map tests.</summary>
internal sealed record JourneyRow(string Customer, DateTimeOffset Timestamp, string Name, Channel Channel);

/// <summary>Builds logs from journey rows.</summary>
internal static class JourneyRows
{
    /// <summary>Monday 2026-01-05 10:00 UTC.</summary>
    public static readonly DateTimeOffset T0 = new(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);

    /// <summary>The e-commerce file's event names and their stage index (in <see cref="StageModel.Default"/>) under the
    /// default rules, written out again from docs/journeys.md for the tests' plain-LINQ expectations; other names have
    /// no stage.</summary>
    public static readonly IReadOnlyDictionary<string, int> EcommerceStages = new Dictionary<string, int>
    {
        ["home"] = 0, ["promo_page"] = 0, ["catalog"] = 0,
        ["search"] = 1, ["filter_results"] = 1, ["product_view"] = 1, ["compare"] = 1, ["review_page"] = 1, ["wishlist_add"] = 1,
        ["add_to_cart"] = 2, ["cart"] = 2, ["shipping_details"] = 2, ["payment_details"] = 2, ["payment_error"] = 2, ["checkout_bug"] = 2,
        ["purchase"] = 3,
    };

    private static long _nextCustomer;

    /// <summary>A row <paramref name="minutes"/> after <see cref="T0"/> on the website.</summary>
    public static JourneyRow At(string customer, double minutes, string name) => new(customer, T0.AddMinutes(minutes), name, Channels.Website);

    /// <summary>A row <paramref name="minutes"/> after <see cref="T0"/> on a channel.</summary>
    public static JourneyRow At(string customer, double minutes, string name, Channel channel) => new(customer, T0.AddMinutes(minutes), name, channel);

    public static EventLog Log(params IEnumerable<JourneyRow> rows)
    {
        var builder = new EventLogBuilder();
        foreach (var row in rows)
        {
            builder.Add(row.Customer, row.Timestamp, row.Name, row.Channel);
        }

        return builder.Build();
    }

    /// <summary>A one-customer log of the given events under a customer id never used before, as the laws need.</summary>
    public static EventLog OneCustomer(IEnumerable<(string Name, Channel Channel, int Minutes)> events)
    {
        var customer = $"u{Interlocked.Increment(ref _nextCustomer)}";
        return Log(events.Select(e => At(customer, e.Minutes, e.Name, e.Channel)));
    }

    /// <summary>The rows of each customer in log order: ordinal by customer, then stable by time.</summary>
    public static IEnumerable<IGrouping<string, JourneyRow>> ByCustomer(IEnumerable<JourneyRow> rows) =>
        rows.OrderBy(r => r.Customer, StringComparer.Ordinal).ThenBy(r => r.Timestamp.UtcTicks).GroupBy(r => r.Customer, StringComparer.Ordinal);
}
