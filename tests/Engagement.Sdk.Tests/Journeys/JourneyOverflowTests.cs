using Engagement.Sdk.Journeys;
using Engagement.Sdk.Statistics;
using static Engagement.Sdk.Tests.Journeys.SessionTestLogs;

namespace Engagement.Sdk.Tests.Journeys;

/// <summary>Merges and adds that would overflow a count throw and change nothing.</summary>
public class JourneyOverflowTests
{
    private static readonly EventLog TwoSessions = Build(new("a", T0, "add_to_cart"), new("b", T0, "add_to_cart"));

    [Fact]
    public void Sessions_OverflowingMergeOrAdd_ThrowsAndChangesNothing()
    {
        // long.MaxValue − 1 one-event sessions of zero duration: a valid state, one session short of the limit.
        const long Almost = long.MaxValue - 1;
        var state = new SessionState(1, MetricDefinition.Sessions, new SessionDefinition(), Almost, 0, Almost, 0, new Dictionary<long, long> { [0] = Almost });
        var full = SessionAccumulator.FromState(state);
        var two = new SessionAccumulator();
        two.Add(TwoSessions);

        Assert.Throws<OverflowException>(() => full.Merge(two));
        Assert.Throws<OverflowException>(() => full.Add(TwoSessions));
        Assert.Equal(state, full.GetState());
    }

    [Fact]
    public void PainPoints_OverflowingMergeOrAdd_ThrowsAndChangesNothing()
    {
        var definition = PainPointDefinition.ForCartAbandonment();
        var state = new PainPointState(1, MetricDefinition.PainPoints, definition, long.MaxValue - 1, 1, ["z"]);
        var full = PainPointAccumulator.FromState(state);
        var two = new PainPointAccumulator(definition);
        two.Add(TwoSessions);

        Assert.Throws<OverflowException>(() => full.Merge(two));
        Assert.Throws<OverflowException>(() => full.Add(TwoSessions));
        Assert.Equal(state, full.GetState());
    }
}
