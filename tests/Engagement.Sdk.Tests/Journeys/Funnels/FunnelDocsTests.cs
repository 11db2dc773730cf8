using Engagement.Sdk.Journeys;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.Tests.Journeys.Funnels;

/// <summary>The snippet of docs/journeys.md ("Funnels"), run as written, with the output its comments show.</summary>
public class FunnelDocsTests
{
    [Fact]
    public void Snippet_GivesTheOutputTheDocsShow()
    {
        var t0 = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        var builder = new EventLogBuilder();
        builder.Add("ann", t0, "catalog", Channels.Email);
        builder.Add("ann", t0.AddMinutes(2), "product_view", Channels.Email);
        builder.Add("ann", t0.AddMinutes(5), "add_to_cart", Channels.Email);
        builder.Add("ann", t0.AddMinutes(9), "purchase", Channels.Email);
        builder.Add("bob", t0, "catalog", Channels.PaidSearch);
        builder.Add("bob", t0.AddMinutes(1), "product_view", Channels.PaidSearch);
        builder.Add("bob", t0.AddMinutes(3), "add_to_cart", Channels.PaidSearch);
        builder.Add("bob", t0.AddMinutes(4), "payment_error", Channels.PaidSearch);
        builder.Add("cid", t0.AddHours(1), "catalog", Channels.Website);
        builder.Add("cid", t0.AddHours(2), "product_view", Channels.Website);

        var funnel = new FunnelDefinition(
            [FunnelStep.Event("catalog"), FunnelStep.Event("product_view"), FunnelStep.Event("add_to_cart"), FunnelStep.Event("purchase")],
            window: TimeSpan.FromDays(1),
            exclusions: [new FunnelExclusion("payment_error", fromStep: 2, toStep: 3)],
            breakdown: FunnelBreakdown.Channel);
        var result = FunnelAccumulator.Compute(funnel, builder.Build());

        Assert.Equal(
            [
                "catalog: 2 (100.00% (2/2)), dropped 0, median ",
                "product_view: 2 (100.00% (2/2)), dropped 0, median 00:31:00",
                "add_to_cart: 1 (50.00% (1/2)), dropped 1, median 00:03:00",
                "purchase: 1 (100.00% (1/1)), dropped 0, median 00:04:00",
            ],
            result.Steps.Select(step => $"{step.Step}: {step.Customers} ({step.FromPrevious}), dropped {step.DropOff}, median {step.MedianTimeToConvert}"));
        Assert.Equal(["cid"], result.Steps[2].DroppedIds);
        Assert.Equal(["bob"], result.ExcludedIds);
        Assert.Equal(
            ["email: 100.00% (1/1)", "paid-search: no value (0/0)", "website: 0.00% (0/1)"],
            result.Breakdown.Select(channel => $"{channel.BreakdownValue ?? "(none)"}: {channel.ConversionRate}"));
        Assert.Equal(["bob"], result.Breakdown[1].ExcludedIds);
    }
}
