using Engagement.Sdk.Journeys;

namespace Engagement.Sdk.Tests.Journeys.Funnels;

/// <summary>The checkout funnel on the real e-commerce clickstream, against plain LINQ over the file's rows.</summary>
public class FunnelEcommerceTests
{
    private static readonly string[] Checkout = ["catalog", "product_view", "add_to_cart", "shipping_details", "purchase"];
    private static readonly TimeSpan Window = TimeSpan.FromDays(1);

    [Fact]
    public void CheckoutFunnel_MatchesPlainLinq_CountsDroppedIdsMediansAndChannels()
    {
        var rows = EventLogTestData.ReadEcommerce();
        var funnel = new FunnelDefinition([.. Checkout.Select(FunnelStep.Event)], Window, breakdown: FunnelBreakdown.Channel);

        var result = FunnelAccumulator.Compute(funnel, EventLogTestData.ToBuilder(rows).Build());

        // Expected, written independently: per user (rows sorted by time, stably), every catalog event is an anchor;
        // each next step is the earliest row of that step's event at or after the previous step and within a day of the
        // anchor (the steps are distinct names, so no row could fill two steps). The user's outcome is its deepest
        // attempt; among those, the one reaching that depth earliest, ties to the latest anchor.
        var outcomes = rows
            .GroupBy(row => row.UserId, StringComparer.Ordinal)
            .Select(user => (User: user.Key, Best: BestAttempt([.. user.OrderBy(row => row.Timestamp)])))
            .Where(user => user.Best is not null)
            .ToList();
        for (var k = 0; k < Checkout.Length; k++)
        {
            Assert.Equal(outcomes.Count(o => o.Best!.Count > k), result.Steps[k].Customers);
        }

        Assert.Equal(rows.Select(row => row.UserId).Distinct().Count(), result.Customers);
        Assert.Equal(outcomes.Where(o => o.Best!.Count == 2).Select(o => o.User).Order(StringComparer.Ordinal), result.Steps[2].DroppedIds);

        // Median of add_to_cart → shipping_details over users who reached shipping_details.
        var gaps = outcomes.Where(o => o.Best!.Count > 3).Select(o => (o.Best![3].Timestamp - o.Best[2].Timestamp).Ticks).Order().ToList();
        var median = gaps.Count % 2 == 1 ? gaps[gaps.Count / 2] : (gaps[(gaps.Count / 2) - 1] + gaps[gaps.Count / 2] + 1) / 2;
        Assert.Equal(TimeSpan.FromTicks(median), result.Steps[3].MedianTimeToConvert);

        // By the channel of the chosen attempt's anchor (the file's channels are the users' acquisition channels).
        var byChannel = outcomes.GroupBy(o => o.Best![0].Channel.Name).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        Assert.Equal(byChannel.Select(g => g.Key), result.Breakdown.Select(entry => entry.BreakdownValue));
        Assert.Equal(byChannel.Select(g => (long)g.Count(o => o.Best!.Count == Checkout.Length)), result.Breakdown.Select(entry => entry.Steps[^1].Customers));
        Assert.True(result.Steps[^1].Customers > 0, "the file has purchases after the checkout steps");
    }

    private static List<EcommerceRow>? BestAttempt(List<EcommerceRow> journey)
    {
        List<EcommerceRow>? best = null;
        foreach (var anchor in journey.Where(row => row.Event == Checkout[0]))
        {
            var attempt = new List<EcommerceRow> { anchor };
            foreach (var step in Checkout.Skip(1))
            {
                var next = journey
                    .Where(row => row.Event == step && row.Timestamp >= attempt[^1].Timestamp && row.Timestamp <= anchor.Timestamp + Window)
                    .MinBy(row => row.Timestamp);
                if (next is null)
                {
                    break;
                }

                attempt.Add(next);
            }

            if (best is null || attempt.Count > best.Count || (attempt.Count == best.Count && attempt[^1].Timestamp <= best[^1].Timestamp))
            {
                best = attempt;
            }
        }

        return best;
    }
}
