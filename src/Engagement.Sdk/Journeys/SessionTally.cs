namespace Engagement.Sdk.Journeys;

/// <summary>
/// The running totals of sessions: counts, and the number of sessions of each duration (in ticks), which is what an
/// exact median needs and still merges by adding counts. The accumulator's kernel and the partial result of a scan.
/// </summary>
internal sealed class SessionTally
{
    // Whole-second durations below this many seconds (2 h 16 min) are counted in an array during a scan.
    private const int ShortSeconds = 8192;

    public SessionTally()
        : this(0, 0, 0, 0, [])
    {
    }

    private SessionTally(long sessions, long engaged, long events, long views, Dictionary<long, long> durations)
    {
        Sessions = sessions;
        Engaged = engaged;
        Events = events;
        Views = views;
        Durations = durations;
    }

    public long Sessions { get; private set; }

    public long Engaged { get; private set; }

    public long Events { get; private set; }

    public long Views { get; private set; }

    /// <summary>Duration in ticks → sessions of that duration; every count is 1 or more.</summary>
    public Dictionary<long, long> Durations { get; }

    public static SessionTally From(SessionState state) =>
        new(state.Sessions, state.EngagedSessions, state.Events, state.Views, new Dictionary<long, long>(state.Durations));

    /// <summary>Scans the sessions of customers [first, end).</summary>
    public static SessionTally Scan(SessionRules rules, int first, int end)
    {
        // A scan of at most int.MaxValue rows cannot overflow a long, so no check is needed here.
        var tally = new SessionTally();
        var durations = tally.Durations;

        // Most sessions last a whole number of seconds under a few hours (timestamps are often whole seconds): count
        // those in an array, which costs an increment where a dictionary costs a hash lookup, and fold it in at the end.
        var bySecond = new long[ShortSeconds];
        foreach (var session in new SessionEnumerable(rules, first, end))
        {
            tally.Sessions++;
            tally.Engaged += session.IsEngaged ? 1 : 0;
            tally.Events += session.EventCount;
            tally.Views += session.ViewCount;
            var ticks = session.Duration.Ticks;
            var seconds = (ulong)ticks / TimeSpan.TicksPerSecond;
            if (seconds < ShortSeconds && (ulong)ticks % TimeSpan.TicksPerSecond == 0)
            {
                bySecond[seconds]++;
            }
            else
            {
                System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(durations, ticks, out _)++;
            }
        }

        for (var second = 0; second < bySecond.Length; second++)
        {
            if (bySecond[second] > 0)
            {
                durations.Add(second * TimeSpan.TicksPerSecond, bySecond[second]);
            }
        }

        return tally;
    }

    /// <summary>Adds another tally; checked and all-or-nothing: on overflow nothing changes.</summary>
    /// <exception cref="OverflowException">A total would exceed <see cref="long.MaxValue"/>.</exception>
    public void Merge(SessionTally other)
    {
        var sessions = checked(Sessions + other.Sessions);
        var engaged = checked(Engaged + other.Engaged);
        var events = checked(Events + other.Events);
        var views = checked(Views + other.Views);

        // Each duration's count is at most the sessions, which were just checked, so adding them cannot overflow; a
        // snapshot of the other's entries lets a tally merge with itself.
        IEnumerable<KeyValuePair<long, long>> entries = ReferenceEquals(other, this) ? other.Durations.ToArray() : other.Durations;
        foreach (var (duration, count) in entries)
        {
            System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(Durations, duration, out _) += count;
        }

        Sessions = sessions;
        Engaged = engaged;
        Events = events;
        Views = views;
    }
}
