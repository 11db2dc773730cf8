namespace Engagement.Sdk.Tests.Journeys.Reference;

public partial class NaiveReferenceTests
{
    [Fact]
    public void Paths_CountConsecutivePairsPerCustomer_TiesInInputOrder()
    {
        RefEvent[] events =
        [
            E("a", 0, "home"), E("a", 1, "view"), E("a", 2, "view"), E("a", 3, "buy"), // home→view, view→view, view→buy
            E("b", 5, "view"), E("b", 5, "home"), // a tie: input order, view→home
            E("b", 0, "home"), // given last, but first in time: home→view
            E("c", 0, "home"), // one event: no pair, and no pair with b or d
        ];

        var transitions = NaivePaths.Transitions(events);

        Assert.Equal(
            new Dictionary<(string From, string To), long>
            {
                [("home", "view")] = 2,
                [("view", "view")] = 1,
                [("view", "buy")] = 1,
                [("view", "home")] = 1,
            },
            transitions);
        Assert.Empty(NaivePaths.Transitions([]));
    }
}
