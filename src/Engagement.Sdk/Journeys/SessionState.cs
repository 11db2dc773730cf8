using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Sdk.Statistics;

namespace Engagement.Sdk.Journeys;

/// <summary>
/// The saved state of a <see cref="SessionAccumulator"/>: its definitions, the session counts, and the number of
/// sessions of each duration, versioned. Validated when created, from code or from JSON.
/// </summary>
/// <remarks>
/// <para>
/// JSON: <c>{"version":1,"definition":{"kind":"Sessions",…},"sessionDefinition":{"timeout":"00:30:00",…},"sessions":3,
/// "engagedSessions":2,"events":9,"views":4,"durations":{"0":1,"6000000000":2}}</c>; durations are in ticks (100 ns)
/// and map to the number of sessions that lasted that long, which is what an exact median needs and what merges by
/// adding. The map holds one entry per distinct duration, so it grows with the variety of durations, not with the
/// events. Every member is required and unknown members are rejected (see docs/state.md).
/// </para>
/// <para>
/// Checks beyond the signs, each a necessary condition on real data: engaged sessions ≤ sessions; events ≥ sessions
/// and, since a session of duration d &gt; 0 has at least 2 events (at least ⌈d / timeout⌉ + 1 with sessions by timeout,
/// as no gap exceeds the timeout), events ≥ the sum of those minimums; views ≤ events; the duration counts are 1 or more
/// and add up to the sessions; every session longer than the engaged-after duration is engaged, so engaged sessions ≥
/// the sessions of such durations. Immutable and thread-safe.
/// </para>
/// </remarks>
public sealed class SessionState : MetricState, IEquatable<SessionState>
{
    /// <summary>The state format version this library writes and reads: 1.</summary>
    public const int CurrentVersion = 1;

    /// <summary>Creates a state.</summary>
    /// <param name="version">The format version; must be <see cref="CurrentVersion"/>.</param>
    /// <param name="definition">The definition; must be <see cref="MetricDefinition.Sessions"/>.</param>
    /// <param name="sessionDefinition">How sessions were cut and judged engaged.</param>
    /// <param name="sessions">The sessions; 0 or more.</param>
    /// <param name="engagedSessions">The engaged sessions; from 0 to <paramref name="sessions"/>.</param>
    /// <param name="events">The events in the sessions; at least one per session.</param>
    /// <param name="views">The view events in the sessions; at most <paramref name="events"/>.</param>
    /// <param name="durations">Duration in ticks (0 or more) → sessions of that duration (1 or more), adding up to
    /// <paramref name="sessions"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/>, <paramref name="sessionDefinition"/> or
    /// <paramref name="durations"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The definition is not of sessions, or the durations are inconsistent with
    /// the counts.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The version is unknown, or a count is negative or inconsistent with
    /// the others.</exception>
    [JsonConstructor]
    public SessionState(
        int version,
        MetricDefinition definition,
        SessionDefinition sessionDefinition,
        long sessions,
        long engagedSessions,
        long events,
        long views,
        IReadOnlyDictionary<long, long> durations)
        : base(version, CurrentVersion, definition, MetricKind.Sessions)
    {
        ArgumentNullException.ThrowIfNull(sessionDefinition);
        ArgumentNullException.ThrowIfNull(durations);
        ArgumentOutOfRangeException.ThrowIfNegative(sessions);
        ArgumentOutOfRangeException.ThrowIfNegative(engagedSessions);
        ArgumentOutOfRangeException.ThrowIfNegative(events);
        ArgumentOutOfRangeException.ThrowIfNegative(views);
        Bound(engagedSessions <= sessions, nameof(engagedSessions), engagedSessions, string.Create(CultureInfo.InvariantCulture, $"engaged sessions cannot exceed the sessions ({sessions})"));
        Bound(views <= events, nameof(views), views, string.Create(CultureInfo.InvariantCulture, $"view events cannot exceed the events ({events})"));

        var copy = new SortedDictionary<long, long>();
        Int128 total = 0, longerThanEngagedAfter = 0, leastEvents = 0;
        foreach (var (duration, count) in durations)
        {
            // No session lasts longer than the span of DateTimeOffset, the widest any two timestamps can be apart.
            if (duration < 0 || duration > DateTimeOffset.MaxValue.UtcTicks || count < 1)
            {
                throw new ArgumentException(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"Each duration must be from 0 to {DateTimeOffset.MaxValue.UtcTicks} ticks and its count 1 or more; got {duration} ticks → {count}."),
                    nameof(durations));
            }

            copy.Add(duration, count);
            total += count;
            longerThanEngagedAfter += duration > sessionDefinition.EngagedAfter.Ticks ? count : 0;
            leastEvents += count * LeastEvents(sessionDefinition, duration);
        }

        if (total != sessions)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The duration counts add up to {total}, not to the sessions ({sessions})."), nameof(durations));
        }

        Bound(
            engagedSessions >= longerThanEngagedAfter,
            nameof(engagedSessions),
            engagedSessions,
            string.Create(CultureInfo.InvariantCulture, $"{longerThanEngagedAfter} sessions are longer than {SessionDefinition.Format(sessionDefinition.EngagedAfter)} and so engaged"));
        Bound(events >= leastEvents, nameof(events), events, string.Create(CultureInfo.InvariantCulture, $"sessions of these durations hold at least {leastEvents} events"));

        SessionDefinition = sessionDefinition;
        Sessions = sessions;
        EngagedSessions = engagedSessions;
        Events = events;
        Views = views;
        Durations = copy.AsReadOnly();
    }

    /// <summary>Gets how sessions were cut and judged engaged.</summary>
    public SessionDefinition SessionDefinition { get; }

    /// <summary>Gets the sessions.</summary>
    public long Sessions { get; }

    /// <summary>Gets the engaged sessions.</summary>
    public long EngagedSessions { get; }

    /// <summary>Gets the events in the sessions.</summary>
    public long Events { get; }

    /// <summary>Gets the view events in the sessions.</summary>
    public long Views { get; }

    /// <summary>Gets the number of sessions of each duration, in ticks, shortest first.</summary>
    public IReadOnlyDictionary<long, long> Durations { get; }

    /// <inheritdoc />
    public bool Equals(SessionState? other) =>
        HeaderEquals(other)
        && SessionDefinition == other.SessionDefinition
        && Sessions == other.Sessions
        && EngagedSessions == other.EngagedSessions
        && Events == other.Events
        && Views == other.Views
        && Durations.Count == other.Durations.Count
        && Durations.All(pair => other.Durations.TryGetValue(pair.Key, out var count) && count == pair.Value);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SessionState);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Version, SessionDefinition, Sessions, EngagedSessions, Events, Views, Durations.Count);

    /// <summary>Returns the state as <c>sessions state v1: 3 sessions, 2 engaged, 9 events, 4 views, 2 durations</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"sessions state v{Version}: {Sessions} sessions, {EngagedSessions} engaged, {Events} events, {Views} views, {Durations.Count} durations");

    // The fewest events a session of this duration can hold: 1 at zero; else 2, and with sessions by timeout one more
    // for each further timeout the duration spans, as no gap exceeds it.
    private static Int128 LeastEvents(SessionDefinition definition, long duration) =>
        duration == 0 ? 1
        : definition.SessionIdProperty is null ? ((Int128)duration + definition.Timeout.Ticks - 1) / definition.Timeout.Ticks + 1
        : 2;

    private static void Bound(bool holds, string paramName, long value, string reason)
    {
        if (!holds)
        {
            throw new ArgumentOutOfRangeException(paramName, value, string.Create(CultureInfo.InvariantCulture, $"{paramName} is {value}, but {reason}."));
        }
    }
}
