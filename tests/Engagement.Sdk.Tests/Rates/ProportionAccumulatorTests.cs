using Engagement.Sdk.Rates;
using Engagement.Sdk.Statistics;

namespace Engagement.Sdk.Tests.Rates;

public class ProportionAccumulatorTests
{
    [Fact]
    public void Add_CountsTrialsAndSuccesses()
    {
        var accumulator = new ProportionAccumulator(MetricDefinition.Rate("conversion"));
        accumulator.Add(true);
        accumulator.Add(false);
        accumulator.Add(3, 5);

        // 1 + 0 + 3 successes out of 1 + 1 + 5 trials.
        Assert.Equal(new Proportion(4, 7), accumulator.ToResult());
        Assert.Equal(7, accumulator.Count);
        Assert.Equal("rate 'conversion': 4/7", accumulator.ToString());
    }

    [Fact]
    public void Add_BadBatch_ThrowsAndLeavesStateUnchanged()
    {
        var accumulator = Accumulator(1, 2);

        Assert.Equal("successes", Assert.Throws<ArgumentOutOfRangeException>(() => accumulator.Add(6, 5)).ParamName);
        Assert.Equal("trials", Assert.Throws<ArgumentOutOfRangeException>(() => accumulator.Add(0, -1)).ParamName);

        Assert.Equal(new Proportion(1, 2), accumulator.ToResult());
    }

    [Fact]
    public void Merge_Overflow_ThrowsAndChangesNothing()
    {
        var accumulator = Accumulator(0, long.MaxValue);

        Assert.Throws<OverflowException>(() => accumulator.Merge(Accumulator(1, 1)));
        Assert.Throws<OverflowException>(() => accumulator.Add(true));

        Assert.Equal(new Proportion(0, long.MaxValue), accumulator.ToResult());
    }

    [Fact]
    public void Merge_OfAnotherRate_ThrowsNamingBoth()
    {
        var conversion = new ProportionAccumulator(MetricDefinition.Rate("conversion"));
        var churn = new ProportionAccumulator(MetricDefinition.Rate("churn"));
        churn.Add(true);

        var e = Assert.Throws<ArgumentException>(() => conversion.Merge(churn));

        Assert.Equal("other", e.ParamName);
        Assert.Contains("'conversion'", e.Message, StringComparison.Ordinal);
        Assert.Contains("'churn'", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, conversion.Count);
    }

    [Fact]
    public void Constructor_NonRateDefinition_Throws() =>
        Assert.Equal("definition", Assert.Throws<ArgumentException>(() => new ProportionAccumulator(MetricDefinition.Nps)).ParamName);

    [Fact]
    public void State_SuccessesAboveTrials_IsRejected() =>
        Assert.Equal("successes", Assert.Throws<ArgumentOutOfRangeException>(() => new ProportionState(1, MetricDefinition.Rate(), 3, 2)).ParamName);

    private static ProportionAccumulator Accumulator(long successes, long trials) =>
        ProportionAccumulator.FromState(new ProportionState(ProportionState.CurrentVersion, MetricDefinition.Rate(), successes, trials));
}
