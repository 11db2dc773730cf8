using Engagement.Sdk.Journeys;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.Tests.Journeys;

public class CustomerScanTests
{
    [Theory]
    [InlineData(10)]
    [InlineData(CustomerScan.ParallelThreshold + 1000)]
    public void Run_VisitsEveryCustomerOnce_AndMergesInCustomerOrder(int events)
    {
        var builder = new EventLogBuilder(events);
        var t0 = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < events; i++)
        {
            // 1 to 7 events per customer, so chunks hold different numbers of customers.
            builder.Add($"c{i / 7 - i % 3:D6}", t0.AddSeconds(i), "view", Channels.Website);
        }

        var log = builder.Build();

        var visited = CustomerScan.Run(
            log,
            (first, end) => Enumerable.Range(first, end - first).ToList(),
            (into, later) => into.AddRange(later),
            CancellationToken.None);

        Assert.Equal(Enumerable.Range(0, log.CustomerCount), visited);
    }

    [Fact]
    public void Run_OnAnEmptyLog_ScansNothing()
    {
        var log = new EventLogBuilder().Build();

        var visited = CustomerScan.Run(log, (first, end) => (first, end), (_, _) => { }, CancellationToken.None);

        Assert.Equal((0, 0), visited);
    }

    [Fact]
    public void Run_Cancelled_Throws()
    {
        var log = new EventLogBuilder().Build();
        using var source = new CancellationTokenSource();
        source.Cancel();

        Assert.Throws<OperationCanceledException>(() => CustomerScan.Run(log, (_, _) => 0, (_, _) => { }, source.Token));
    }
}
