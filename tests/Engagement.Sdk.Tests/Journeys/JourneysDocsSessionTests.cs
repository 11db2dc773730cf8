using Engagement.Sdk.Journeys;

namespace Engagement.Sdk.Tests.Journeys;

/// <summary>The snippets of the sessions and pain-points sections of docs/journeys.md, run on the e-commerce file; the
/// printed lines there are these assertions' expected values.</summary>
public class JourneysDocsSessionTests
{
    private static readonly EventLog Log = BuildLog();

    [Fact]
    public void SessionsSnippet_PrintsWhatTheDocsShow()
    {
        var ga4 = new SessionDefinition { KeyEvents = ["purchase"], ViewEvents = ["home", "catalog", "product_view"] };
        var web = SessionAccumulator.Compute(Log, ga4);
        var bounces = 0;
        foreach (var session in ga4.EnumerateSessions(Log))
        {
            bounces += session.IsEngaged ? 0 : 1;
        }

        var fromIds = new SessionDefinition { KeyEvents = ["purchase"], ViewEvents = ["home", "catalog", "product_view"], SessionIdProperty = "session_id" };
        var byId = SessionAccumulator.Compute(Log, fromIds);

        Assert.Equal("3605 sessions, engagement 93.37% (3366/3605), mean 00:17:19.5545076, median 00:14:29, 4.48 views per session", web.ToString());
        Assert.Equal(web.ToString(), byId.ToString()); // the file's session ids follow the 30-minute rule
        Assert.Equal(web.BounceRate.Successes, bounces);
    }

    [Fact]
    public void PainPointsSnippet_PrintsWhatTheDocsShow()
    {
        var carts = PainPointAccumulator.Compute(Log, PainPointDefinition.ForCartAbandonment());
        var errors = PainPointAccumulator.Compute(Log, PainPointDefinition.ForErrorExit());

        Assert.Equal("cart abandonment: 71.47% (962/1346), 467 customers", carts.ToString());
        Assert.Equal("error before exit: 13.50% (22/163), 22 customers", errors.ToString());

        var quick = PainPointDefinition.ForCartAbandonment(
            new CartAbandonmentDefinition { PurchaseEvents = ["purchase", "payment_done"], Window = TimeSpan.FromHours(1) });
        var accumulator = new PainPointAccumulator(quick);
        foreach (var part in Log.Partition(4))
        {
            accumulator.Add(part);
        }

        Assert.Equal(PainPointAccumulator.Compute(Log, quick), accumulator.ToResult());
    }

    private static EventLog BuildLog()
    {
        var builder = new EventLogBuilder(["session_id"]);
        foreach (var row in EventLogTestData.ReadEcommerce())
        {
            builder.Add(null, row.UserId, row.Timestamp, row.Event, row.Channel, null, [row.SessionId]);
        }

        return builder.Build();
    }
}
