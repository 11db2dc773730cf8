using Engagement.Sdk.Responses;
using Engagement.Sdk.Statistics;

namespace Engagement.Sdk.Tests.Responses;

public class ResponseRateStateTests
{
    private static readonly long[] None = [0, 0, 0, 0, 0, 0, 0, 0];

    // One email group of Normal priority holding every inquiry, so the groups add up and only the counts are checked.
    private static ResponseRateState State(long[] counts) =>
        new(1, MetricDefinition.ResponseRates, counts, new Dictionary<string, IReadOnlyList<long>> { ["email"] = counts }, [None, counts, None, None]);

    [Fact]
    public void Create_SolvedNeverReopenedInquiryNoLongerSolved_ThrowsNamingTheSolvedCount()
    {
        // Counts in order inquiries, customerStarted, answered, automated, everSolved, reopened, solved, oneTouch:
        // two inquiries ever solved, none reopened, so both are still solved; a solved count of 1 is impossible.
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => State([2, 0, 0, 0, 2, 0, 1, 0]));

        Assert.Equal("overall", e.ParamName);
        Assert.Equal(1L, e.ActualValue);
        Assert.Contains("solved", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_SolvedPlusReopenedEqualToEverSolved_IsAccepted()
    {
        // Two ever solved, one of them reopened and still open: solved 1 + reopened 1 = ever solved 2.
        var state = State([2, 0, 0, 0, 2, 1, 1, 0]);

        Assert.Equal(1L, state.Overall[ResponseRateTally.Solved]);
    }

    [Fact]
    public void Create_ChannelsNotAddingUp_NamesTheCountNotItsIndex()
    {
        // Overall holds two inquiries, the only channel one: the inquiries count (index 0) does not add up.
        long[] two = [2, 0, 0, 0, 0, 0, 0, 0];
        long[] one = [1, 0, 0, 0, 0, 0, 0, 0];

        var e = Assert.Throws<ArgumentException>(() => new ResponseRateState(
            1, MetricDefinition.ResponseRates, two, new Dictionary<string, IReadOnlyList<long>> { ["email"] = one }, [None, two, None, None]));

        Assert.Equal("byChannel", e.ParamName);
        Assert.Contains("add up to 1 inquiries but overall holds 2", e.Message, StringComparison.Ordinal);
    }
}
