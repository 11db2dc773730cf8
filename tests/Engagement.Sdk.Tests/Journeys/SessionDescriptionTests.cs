using Engagement.Sdk.Journeys;
using Engagement.Sdk.Statistics;
using static Engagement.Sdk.Tests.Journeys.SessionTestLogs;

namespace Engagement.Sdk.Tests.Journeys;

/// <summary>What the session and pain-point types print, and their equality members.</summary>
public class SessionDescriptionTests
{
    [Fact]
    public void Accumulators_AndStates_DescribeTheirCounts()
    {
        // a: page_view, then 4 s later page_view (one engaged session, 2 events, 2 views); b: add_to_cart alone.
        var log = Build(new("a", T0, "page_view"), new("a", T0.AddSeconds(4), "page_view"), new("b", T0, "add_to_cart"));
        var sessions = new SessionAccumulator();
        sessions.Add(log);
        var carts = new PainPointAccumulator(PainPointDefinition.ForCartAbandonment());
        carts.Add(log);

        Assert.Equal("sessions: 2 sessions, 1 engaged, 3 events, 2 views", sessions.ToString());
        Assert.Equal("sessions state v1: 2 sessions, 1 engaged, 3 events, 2 views, 2 durations", sessions.GetState().ToString());
        Assert.Equal("cart abandonment: 1 of 1, 1 customers", carts.ToString());
        Assert.Equal("cart abandonment state v1: 1 of 1, 1 customers", carts.GetState().ToString());
        Assert.Equal(MetricKind.PainPoints, carts.ToResult().Definition.Kind);
        Assert.Equal("error before exit", PainPointDefinition.ForErrorExit().Name);
        Assert.StartsWith("pain points: error before exit (payment_error, checkout_bug; sessions by 00:30:00 timeout", PainPointDefinition.ForErrorExit().ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Sessions_CompareByTheirRowsAndFigures()
    {
        var log = Build(new("a", T0, "home"), new("a", T0.AddHours(1), "home"));
        var first = Sessions(log, new SessionDefinition());
        var again = Sessions(log, new SessionDefinition());

        Assert.True(first[0] == again[0]);
        Assert.True(first[0] != first[1]);
        Assert.Equal(first[0].GetHashCode(), again[0].GetHashCode());
        Assert.True(first[0].Equals((object)again[0]));
        Assert.False(first[0].Equals("a"));
    }

    [Fact]
    public void Results_AndDefinitions_CompareByValue()
    {
        var definition = new SessionDefinition();
        var a = new SessionResult(definition, 2, 1, 3, 2, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2));
        var b = new SessionResult(new SessionDefinition(), 2, 1, 3, 2, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2));
        var c = new SessionResult(definition, 2, 2, 3, 2, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2));

        Assert.True(a.Equals((object)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.False(a.Equals(c));
        Assert.False(a.Equals(null));
        Assert.True(PainPointDefinition.ForErrorExit() == PainPointDefinition.ForErrorExit());
        Assert.True(PainPointDefinition.ForErrorExit() != PainPointDefinition.ForCartAbandonment());
        Assert.True(new CartAbandonmentDefinition() == new CartAbandonmentDefinition());
        Assert.True(new ErrorExitDefinition() != new ErrorExitDefinition { ErrorEvents = ["payment_error"] });
        Assert.Equal(new PainPointResult("x", 2, 1, ["u"]).GetHashCode(), new PainPointResult("x", 2, 1, ["u"]).GetHashCode());
        Assert.False(new PainPointResult("x", 2, 1, ["u"]).Equals((object)new PainPointResult("x", 2, 1, ["v"])));
    }

    [Fact]
    public void DefaultEnumerable_HasNoSessions()
    {
        Assert.Equal(0, default(SessionEnumerable).Count());
    }
}
