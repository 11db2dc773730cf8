using Engagement.Sdk.Journeys;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.Tests.Journeys.Funnels;

/// <summary>One event of a hand-written journey: customer, seconds after <see cref="FunnelLogs.T0"/>, event name,
/// channel name, and an optional value of the property <c>plan</c>.</summary>
internal sealed record FunnelEvent(string Customer, long Seconds, string Name, string Channel = "web", string? Plan = null);

/// <summary>Builds event logs from hand-written journeys, in the order given.</summary>
internal static class FunnelLogs
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static EventLog Log(params FunnelEvent[] events) => Log((IEnumerable<FunnelEvent>)events);

    public static EventLog Log(IEnumerable<FunnelEvent> events)
    {
        var builder = new EventLogBuilder(["plan"]);
        foreach (var e in events)
        {
            builder.Add(null, e.Customer, T0.AddSeconds(e.Seconds), e.Name, Channel(e.Channel), null, [e.Plan]);
        }

        return builder.Build();
    }

    public static Channel Channel(string name) => new(name, MediaType.Unspecified, ChannelKind.Other);

    public static FunnelDefinition Funnel(string steps, TimeSpan? window = null, FunnelMode mode = FunnelMode.Ordered) =>
        FunnelDefinition.OfEvents(steps.Split(' '), window, mode);

    public static FunnelResult Run(FunnelDefinition funnel, params FunnelEvent[] events) => FunnelAccumulator.Compute(funnel, Log(events));

    /// <summary>The customers reaching each step.</summary>
    public static long[] Counts(FunnelResult result) => [.. result.Steps.Select(step => step.Customers)];
}
