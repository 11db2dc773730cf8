using Engagement.Sdk.Journeys;
using Engagement.Sdk.Statistics;
using static Engagement.Sdk.Tests.Journeys.CohortTestData;

namespace Engagement.Sdk.Tests.Journeys;

public class CohortOverflowTests
{
    private static readonly DateTimeOffset From = At("2024-01-01 00:00");
    private static readonly DateTimeOffset To = At("2024-01-15 00:00");

    [Fact]
    public void RetentionMerge_Overflowing_ThrowsAndChangesNothing()
    {
        var definition = new RetentionDefinition("visit", "visit", CalendarPeriod.Week, From, To);
        var full = RetentionAccumulator.FromState(new RetentionState(1, MetricDefinition.Retention, definition, long.MaxValue, [[long.MaxValue, 5], [0]]));
        var one = new RetentionAccumulator(definition);
        one.Add(Log(("u1", "2024-01-02 10:00", "visit")));
        var before = full.GetState();

        Assert.Throws<OverflowException>(() => full.Merge(one));
        Assert.Throws<OverflowException>(() => full.Add(Log(("u2", "2024-01-09 10:00", "visit"))));

        Assert.Equal(before, full.GetState());
    }

    [Fact]
    public void LifecycleMerge_Overflowing_ThrowsAndChangesNothing()
    {
        var definition = new LifecycleDefinition("visit", CalendarPeriod.Week, From, To);
        var full = LifecycleAccumulator.FromState(new LifecycleState(1, MetricDefinition.Lifecycle, definition, long.MaxValue, [long.MaxValue, 0], [0, 0], [0, 0], [0, long.MaxValue]));
        var before = full.GetState();

        Assert.Throws<OverflowException>(() => full.Merge(full));
        Assert.Throws<OverflowException>(() => full.Add(Log(("u1", "2024-01-02 10:00", "visit"))));

        Assert.Equal(before, full.GetState());
    }
}
