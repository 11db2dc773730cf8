using FsCheck;
using FsCheck.Fluent;

namespace Engagement.Sdk.Tests.Journeys.Reference;

/// <summary>
/// Random small logs for comparing an analysis with its naive reference: few customers, names and instants, so that
/// ties, repeats and window edges are common. Each shrinks by dropping events.
/// </summary>
internal static class RefGenerators
{
    /// <summary>The default first instant: Monday 2026-03-02 09:00 UTC.</summary>
    public static readonly DateTimeOffset Origin = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Up to <paramref name="maxLength"/> events of customers c0…c(<paramref name="customers"/> − 1), named from
    /// <paramref name="names"/>, at whole multiples of <paramref name="step"/> from <paramref name="origin"/> (default
    /// <see cref="Origin"/>) up to <paramref name="steps"/> of them, on channels "web", "email" and "app", in random order. With
    /// <paramref name="sessionIdProperty"/>, three events in four carry a session id s0…s3 under that key.
    /// </summary>
    public static Arbitrary<RefEvent[]> Events(
        IReadOnlyList<string> names,
        TimeSpan step,
        int steps,
        int customers = 5,
        int maxLength = 60,
        string? sessionIdProperty = null,
        DateTimeOffset? origin = null) =>
        Arb.From(
            from length in Gen.Choose(0, maxLength)
            from events in (
                from customer in Gen.Choose(0, customers - 1)
                from at in Gen.Choose(0, steps)
                from name in Gen.Elements(names.ToArray())
                from channel in Gen.Elements("web", "email", "app")
                from session in Gen.Choose(-1, 3)
                select new RefEvent(
                    $"c{customer}",
                    (origin ?? Origin) + step * at,
                    name,
                    channel,
                    sessionIdProperty is null || session < 0 ? null : new Dictionary<string, string> { [sessionIdProperty] = $"s{session}" })).ArrayOf(length)
            select events,
            Shrink);

    private static IEnumerable<RefEvent[]> Shrink(RefEvent[] events)
    {
        if (events.Length > 1)
        {
            yield return events[..(events.Length / 2)];
        }

        for (var i = 0; i < events.Length; i++)
        {
            yield return [.. events[..i], .. events[(i + 1)..]];
        }
    }
}
