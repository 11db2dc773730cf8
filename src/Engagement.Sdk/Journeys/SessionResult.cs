using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Sdk.Statistics;

namespace Engagement.Sdk.Journeys;

/// <summary>
/// Sessions and web metrics (GA4's definitions): sessions, engaged sessions, engagement rate, bounce rate, time on site
/// (mean and median session duration) and views per session.
/// </summary>
/// <remarks>
/// <para>
/// Engagement rate = engaged sessions / sessions; bounce rate = 1 − engagement rate = non-engaged sessions / sessions
/// (GA4's bounce, not Universal Analytics' single-page sessions). A session's duration is its last event − its first, so
/// a one-event session lasts zero; the median is exact, the midpoint of the two middle durations for an even count,
/// rounded to the nearest tick (100 ns), as is the mean.
/// </para>
/// <para>
/// Empty input: with no sessions the rates, the durations and the per-session figures are <see langword="null"/>
/// (<see cref="HasValue"/> is <see langword="false"/>). Immutable and thread-safe. In JSON the rates and per-session
/// figures are written for readers and recomputed from the counts when read.
/// </para>
/// </remarks>
public sealed class SessionResult : IEquatable<SessionResult>
{
    /// <summary>Creates a result.</summary>
    /// <param name="sessionDefinition">How sessions were cut and judged engaged.</param>
    /// <param name="sessions">The sessions; 0 or more.</param>
    /// <param name="engagedSessions">The engaged sessions; from 0 to <paramref name="sessions"/>.</param>
    /// <param name="events">The events in the sessions; at least <paramref name="sessions"/>.</param>
    /// <param name="views">The view events; at most <paramref name="events"/>.</param>
    /// <param name="meanDuration">The mean session duration: zero or more, and <see langword="null"/> exactly when there
    /// are no sessions.</param>
    /// <param name="medianDuration">The median session duration: zero or more, and <see langword="null"/> exactly when
    /// there are no sessions.</param>
    /// <exception cref="ArgumentNullException"><paramref name="sessionDefinition"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative or inconsistent with the others, or a duration
    /// is negative, or given without sessions, or missing with them.</exception>
    [JsonConstructor]
    public SessionResult(
        SessionDefinition sessionDefinition, long sessions, long engagedSessions, long events, long views, TimeSpan? meanDuration, TimeSpan? medianDuration)
    {
        ArgumentNullException.ThrowIfNull(sessionDefinition);
        ArgumentOutOfRangeException.ThrowIfNegative(sessions);
        ArgumentOutOfRangeException.ThrowIfNegative(engagedSessions);
        ArgumentOutOfRangeException.ThrowIfNegative(events);
        ArgumentOutOfRangeException.ThrowIfNegative(views);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(engagedSessions, sessions);
        ArgumentOutOfRangeException.ThrowIfLessThan(events, sessions);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(views, events);
        SessionDefinition = sessionDefinition;
        Sessions = sessions;
        EngagedSessions = engagedSessions;
        Events = events;
        Views = views;
        MeanDuration = Duration(meanDuration, sessions, nameof(meanDuration));
        MedianDuration = Duration(medianDuration, sessions, nameof(medianDuration));
    }

    /// <summary>Gets the definition: <see cref="MetricDefinition.Sessions"/>.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Every result carries its definition as an instance member.")]
    public MetricDefinition Definition => MetricDefinition.Sessions;

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

    /// <summary>Gets whether there is a value, that is whether there is at least one session.</summary>
    [JsonIgnore]
    public bool HasValue => Sessions > 0;

    /// <summary>Gets the engagement rate: engaged sessions / sessions.</summary>
    public Proportion EngagementRate => new(EngagedSessions, Sessions);

    /// <summary>Gets the bounce rate: non-engaged sessions / sessions, 1 − <see cref="EngagementRate"/>.</summary>
    public Proportion BounceRate => new(Sessions - EngagedSessions, Sessions);

    /// <summary>Gets the mean session duration (time on site), or <see langword="null"/> with no sessions.</summary>
    public TimeSpan? MeanDuration { get; }

    /// <summary>Gets the exact median session duration, or <see langword="null"/> with no sessions.</summary>
    public TimeSpan? MedianDuration { get; }

    /// <summary>Gets the view events per session, or <see langword="null"/> with no sessions.</summary>
    public double? ViewsPerSession => HasValue ? (double)Views / Sessions : null;

    /// <summary>Gets the events per session, or <see langword="null"/> with no sessions.</summary>
    public double? EventsPerSession => HasValue ? (double)Events / Sessions : null;

    /// <inheritdoc />
    public bool Equals(SessionResult? other) =>
        other is not null
        && SessionDefinition == other.SessionDefinition
        && Sessions == other.Sessions
        && EngagedSessions == other.EngagedSessions
        && Events == other.Events
        && Views == other.Views
        && MeanDuration == other.MeanDuration
        && MedianDuration == other.MedianDuration;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SessionResult);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(SessionDefinition, Sessions, EngagedSessions, Events, Views, MeanDuration, MedianDuration);

    /// <summary>Returns the result as <c>120 sessions, engagement 62.50% (75/120), mean 00:04:10, median 00:02:05, 3.10
    /// views per session</c>, or a "no value" text.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        HasValue
            ? string.Create(
                CultureInfo.InvariantCulture,
                $"{Sessions} sessions, engagement {EngagementRate}, mean {SessionDefinition.Format(MeanDuration!.Value)}, median {SessionDefinition.Format(MedianDuration!.Value)}, {ViewsPerSession:F2} views per session")
            : "0 sessions: no value";

    /// <summary>Computes the result of a tally: the mean and the exact median from the duration counts.</summary>
    internal static SessionResult From(SessionDefinition definition, long sessions, long engaged, long events, long views, IReadOnlyDictionary<long, long> durations)
    {
        if (sessions == 0)
        {
            return new SessionResult(definition, 0, 0, events, views, null, null);
        }

        var (mean, median) = DurationSummary.Of(durations.OrderBy(pair => pair.Key), sessions);
        return new SessionResult(definition, sessions, engaged, events, views, mean, median);
    }

    private static TimeSpan? Duration(TimeSpan? value, long sessions, string paramName)
    {
        if (value is { } duration && duration < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(paramName, duration, $"A session duration must be zero or more; got {SessionDefinition.Format(duration)}.");
        }

        if (value.HasValue != sessions > 0)
        {
            throw new ArgumentOutOfRangeException(
                paramName, value, string.Create(CultureInfo.InvariantCulture, $"A duration is given exactly when there are sessions; {sessions} sessions, duration {(value is { } d ? SessionDefinition.Format(d) : "null")}."));
        }

        return value;
    }
}
