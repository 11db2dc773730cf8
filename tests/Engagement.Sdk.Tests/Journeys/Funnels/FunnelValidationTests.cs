using Engagement.Sdk.Journeys;
using static Engagement.Sdk.Tests.Journeys.Funnels.FunnelLogs;

namespace Engagement.Sdk.Tests.Journeys.Funnels;

/// <summary>Bad input: the exception type, the argument named, and the value echoed.</summary>
public class FunnelValidationTests
{
    private static readonly FunnelStep[] TwoSteps = [FunnelStep.Event("a"), FunnelStep.Event("b")];

    [Fact]
    public void Definition_EmptyOrNullSteps_Throw()
    {
        var empty = Assert.Throws<ArgumentException>(() => new FunnelDefinition([]));
        Assert.Equal("steps", empty.ParamName);
        Assert.Contains("got 0", empty.Message, StringComparison.Ordinal);

        Assert.Equal("steps", Assert.Throws<ArgumentNullException>(() => new FunnelDefinition(null!)).ParamName);
        Assert.Equal("steps", Assert.Throws<ArgumentException>(() => new FunnelDefinition([FunnelStep.Event("a"), null!])).ParamName);
        var tooMany = Assert.Throws<ArgumentException>(() => new FunnelDefinition([.. Enumerable.Repeat(FunnelStep.Event("a"), 33)]));
        Assert.Contains("got 33", tooMany.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Definition_WindowNotPositive_Throws(long ticks)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new FunnelDefinition(TwoSteps, TimeSpan.FromTicks(ticks)));

        Assert.Equal("window", e.ParamName);
        Assert.Equal(TimeSpan.FromTicks(ticks), e.ActualValue);
    }

    [Fact]
    public void Definition_DefaultsAreOrderedFourteenDaysNoExclusionsNoBreakdown()
    {
        var funnel = new FunnelDefinition(TwoSteps);

        Assert.Equal(TimeSpan.FromDays(14), funnel.Window);
        Assert.Equal(FunnelMode.Ordered, funnel.Mode);
        Assert.Empty(funnel.Exclusions);
        Assert.Equal(FunnelBreakdown.None, funnel.Breakdown);
        Assert.Equal(funnel, FunnelDefinition.OfEvents(["a", "b"]));
        Assert.Equal("Ordered funnel a → b within 14.00:00:00", funnel.ToString());
    }

    [Fact]
    public void Definition_UndefinedModeOrBreakdown_Throws()
    {
        Assert.Equal("mode", Assert.Throws<ArgumentOutOfRangeException>(() => new FunnelDefinition(TwoSteps, mode: (FunnelMode)7)).ParamName);
        Assert.Equal("breakdown", Assert.Throws<ArgumentOutOfRangeException>(() => new FunnelDefinition(TwoSteps, breakdown: (FunnelBreakdown)9)).ParamName);
    }

    [Fact]
    public void Exclusion_FromStepNotBeforeToStep_Throws()
    {
        var equal = Assert.Throws<ArgumentOutOfRangeException>(() => new FunnelExclusion("x", 1, 1));
        Assert.Equal("toStep", equal.ParamName);
        Assert.Equal(1, equal.ActualValue);

        var backwards = Assert.Throws<ArgumentOutOfRangeException>(() => new FunnelExclusion("x", 2, 1));
        Assert.Equal("toStep", backwards.ParamName);
        Assert.Equal(1, backwards.ActualValue);

        var negative = Assert.Throws<ArgumentOutOfRangeException>(() => new FunnelExclusion("x", -1, 1));
        Assert.Equal("fromStep", negative.ParamName);
        Assert.Equal(-1, negative.ActualValue);

        Assert.Equal("eventName", Assert.Throws<ArgumentException>(() => new FunnelExclusion(" ", 0, 1)).ParamName);
    }

    [Fact]
    public void Definition_ExclusionStepOutOfRange_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new FunnelDefinition(TwoSteps, exclusions: [new FunnelExclusion("x", 0, 2)]));

        Assert.Equal("exclusions", e.ParamName);
        Assert.Equal(2, e.ActualValue);
        Assert.Contains("not x between steps 0 and 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Definition_ExclusionsOutsideTheOrderedMode_Throw()
    {
        var e = Assert.Throws<ArgumentException>(() => new FunnelDefinition(TwoSteps, mode: FunnelMode.Strict, exclusions: [new FunnelExclusion("x", 0, 1)]));

        Assert.Equal("exclusions", e.ParamName);
        Assert.Contains("Strict", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Definition_BreakdownPropertyMismatch_Throws()
    {
        var missing = Assert.Throws<ArgumentException>(() => new FunnelDefinition(TwoSteps, breakdown: FunnelBreakdown.Property));
        Assert.Equal("breakdownProperty", missing.ParamName);

        var extra = Assert.Throws<ArgumentException>(() => new FunnelDefinition(TwoSteps, breakdown: FunnelBreakdown.Channel, breakdownProperty: "plan"));
        Assert.Equal("breakdownProperty", extra.ParamName);
        Assert.Contains("'plan'", extra.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Step_BadNamesAndHalfAPropertyCondition_Throw()
    {
        var blank = Assert.Throws<ArgumentException>(() => new FunnelStep("  "));
        Assert.Equal("eventName", blank.ParamName);
        Assert.Contains("'  '", blank.Message, StringComparison.Ordinal);

        Assert.Equal("propertyValue", Assert.Throws<ArgumentException>(() => new FunnelStep("a", propertyKey: "plan")).ParamName);
        Assert.Equal("propertyKey", Assert.Throws<ArgumentException>(() => new FunnelStep("a", propertyValue: "pro")).ParamName);
        Assert.Equal("channel", Assert.Throws<ArgumentException>(() => new FunnelStep("a", channel: " web")).ParamName);
    }

    [Fact]
    public void Add_LogWithoutAPropertyTheFunnelReads_Throws()
    {
        var builder = new EventLogBuilder();
        builder.Add("c1", T0, "a", Channel("web"));
        var log = builder.Build();
        var byProperty = new FunnelAccumulator(new FunnelDefinition(TwoSteps, breakdown: FunnelBreakdown.Property, breakdownProperty: "campaign"));
        var onProperty = new FunnelAccumulator(new FunnelDefinition([new FunnelStep("a", propertyKey: "campaign", propertyValue: "spring")]));
        var onPropertyOfAnotherEvent = new FunnelAccumulator(new FunnelDefinition([FunnelStep.Event("a"), new FunnelStep("zz", propertyKey: "campaign", propertyValue: "spring")]));

        var e = Assert.Throws<ArgumentException>(() => byProperty.Add(log));
        Assert.Equal("log", e.ParamName);
        Assert.Contains("'campaign'", e.Message, StringComparison.Ordinal);
        Assert.Equal("log", Assert.Throws<ArgumentException>(() => onProperty.Add(log)).ParamName);
        Assert.Equal("log", Assert.Throws<ArgumentException>(() => onPropertyOfAnotherEvent.Add(log)).ParamName);
        Assert.Equal(0, byProperty.Count);
        Assert.Throws<ArgumentNullException>(() => byProperty.Add(null!));
        Assert.Throws<ArgumentNullException>(() => new FunnelAccumulator(null!));
    }

    [Fact]
    public void Add_Cancelled_ChangesNothing()
    {
        var accumulator = new FunnelAccumulator(new FunnelDefinition(TwoSteps));
        using var source = new CancellationTokenSource();
        source.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => accumulator.Add(Log(new FunnelEvent("c1", 0, "a")), source.Token));
        Assert.Equal(0, accumulator.Count);
    }

    [Fact]
    public void Merge_OfAnotherFunnel_NamesBothFunnels_AndChangesNothing()
    {
        var accumulator = new FunnelAccumulator(FunnelDefinition.OfEvents(["a", "b"]));
        accumulator.Add(Log(new FunnelEvent("c1", 0, "a")));
        var before = accumulator.GetState();
        var other = new FunnelAccumulator(FunnelDefinition.OfEvents(["a", "c"]));

        var e = Assert.Throws<ArgumentException>(() => accumulator.Merge(other));

        Assert.Equal("other", e.ParamName);
        Assert.Contains("a → b", e.Message, StringComparison.Ordinal);
        Assert.Contains("a → c", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, accumulator.GetState());
    }
}
