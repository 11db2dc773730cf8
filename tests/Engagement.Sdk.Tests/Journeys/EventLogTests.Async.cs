using System.Runtime.CompilerServices;
using Engagement.Sdk.Journeys;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.Tests.Journeys;

public partial class EventLogTests
{
    [Fact]
    public async Task CreateAsync_EqualsCreate()
    {
        var events = Enumerable.Range(0, 50)
            .Select(i => new EngagementEvent($"e{i % 40}", $"c{i % 7}", T0.AddMinutes(i % 5), $"n{i % 3}", Channels.Email, value: i))
            .ToArray();

        var log = await EventLog.CreateAsync(Stream(events, cancelAfter: null, CancellationToken.None));

        Assert.Equal(Rows(EventLog.Create(events)), Rows(log));
        Assert.Equal(EventLog.Create(events).BuildReport, log.BuildReport);
    }

    [Fact]
    public async Task CreateAsync_AlreadyCancelled_ThrowsOperationCanceled()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => EventLog.CreateAsync(Stream([new("e", "c", T0, "n", Channels.Email)], null, CancellationToken.None), cancellation.Token));
    }

    [Fact]
    public async Task CreateAsync_CancelledWhileReading_ThrowsOperationCanceled_EvenIfTheSourceIgnoresTheToken()
    {
        using var cancellation = new CancellationTokenSource();
        var events = Enumerable.Range(0, 10).Select(i => new EngagementEvent($"e{i}", "c", T0, "n", Channels.Email)).ToArray();

        var e = await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => EventLog.CreateAsync(Stream(events, cancelAfter: (3, cancellation), CancellationToken.None), cancellation.Token));

        Assert.Equal(cancellation.Token, e.CancellationToken);
    }

    [Fact]
    public async Task CreateAsync_Null_ThrowsArgumentNull() =>
        Assert.Equal("events", (await Assert.ThrowsAsync<ArgumentNullException>(() => EventLog.CreateAsync(null!))).ParamName);

    // Yields the events; cancels the given source after some of them; ignores the enumerator's token on purpose.
    private static async IAsyncEnumerable<EngagementEvent> Stream(
        EngagementEvent[] events,
        (int Count, CancellationTokenSource Source)? cancelAfter,
        [EnumeratorCancellation] CancellationToken ignored)
    {
        _ = ignored;
        for (var i = 0; i < events.Length; i++)
        {
            if (cancelAfter is { } after && i == after.Count)
            {
                await after.Source.CancelAsync();
            }

            await Task.Yield();
            yield return events[i];
        }
    }
}
