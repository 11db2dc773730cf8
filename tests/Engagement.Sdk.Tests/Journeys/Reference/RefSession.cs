namespace Engagement.Sdk.Tests.Journeys.Reference;

/// <summary>One session as the naive reference computes it.</summary>
/// <param name="Customer">The customer.</param>
/// <param name="Start">The first event's time.</param>
/// <param name="End">The last event's time (duration = End − Start).</param>
/// <param name="Events">How many events the session holds.</param>
/// <param name="Views">How many of them are view events.</param>
/// <param name="Engaged">Whether the session counts as engaged.</param>
internal sealed record RefSession(string Customer, DateTimeOffset Start, DateTimeOffset End, int Events, int Views, bool Engaged);
