namespace Engagement.Sdk.Tests.Journeys.Reference;

/// <summary>
/// One event as the naive reference implementations read it: plain BCL values, so that the reference shares no code
/// (and no bug) with <c>Engagement.Sdk.Journeys</c>.
/// </summary>
/// <param name="Customer">The customer id (compared ordinally).</param>
/// <param name="Time">When it happened; only the instant counts (compared by UTC ticks).</param>
/// <param name="Name">The event name (compared ordinally).</param>
/// <param name="Channel">The channel name.</param>
/// <param name="Properties">Extra properties, such as a session id; <see langword="null"/> means none.</param>
internal sealed record RefEvent(
    string Customer,
    DateTimeOffset Time,
    string Name,
    string Channel = "web",
    IReadOnlyDictionary<string, string>? Properties = null);
