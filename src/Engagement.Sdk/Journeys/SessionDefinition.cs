using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Sdk.Journeys;

/// <summary>
/// How events become sessions and when a session counts as engaged: GA4's definitions by default, every part
/// configurable.
/// </summary>
/// <remarks>
/// <para>
/// <b>Sessions by timeout</b> (when <see cref="SessionIdProperty"/> is <see langword="null"/>): a customer's events, in
/// time order, belong to one session until the gap to the previous event is <i>strictly greater</i> than
/// <see cref="Timeout"/>; then a new session starts. An equal gap keeps the session, and nothing splits a session at
/// midnight (GA4 splits at midnight in the property's time zone; we do not, as the issue asks).
/// </para>
/// <para>
/// <b>Sessions by id</b> (when <see cref="SessionIdProperty"/> names a property the log keeps): each distinct value of the
/// property is one session of the customer, as GA4 counts sessions by (user, <c>ga_session_id</c>); the timeout does not
/// split it, and two ids may interleave. A customer's events <i>without</i> the property are never dropped and never
/// guessed into an id's session: they form sessions among themselves by the timeout rule, as if they were the
/// customer's only events. Sessions are listed by start time; at equal starts, id sessions (in order of first
/// appearance) come before sessions without an id.
/// </para>
/// <para>
/// <b>Engaged</b>: a session whose duration (last event − first event) is strictly greater than
/// <see cref="EngagedAfter"/>, or that holds a <see cref="KeyEvents"/> event, or that holds at least
/// <see cref="MinimumViews"/> <see cref="ViewEvents"/> events. GA4: "longer than 10 seconds, had a key event, or had 2
/// or more page or screen views".
/// </para>
/// <para>
/// Create with <c>new SessionDefinition()</c> and change parts with initialisers
/// (<c>new SessionDefinition { Timeout = TimeSpan.FromMinutes(15) }</c>); each part is checked when set. Definitions are
/// equal when every part is equal, the event-name lists compared as sets (ordinally). Immutable and thread-safe.
/// </para>
/// </remarks>
public sealed class SessionDefinition : IEquatable<SessionDefinition>
{
    /// <summary>GA4's session timeout: 30 minutes.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(30);

    /// <summary>GA4's engaged-session duration: 10 seconds.</summary>
    public static readonly TimeSpan DefaultEngagedAfter = TimeSpan.FromSeconds(10);

    /// <summary>GA4's engaged-session view count: 2.</summary>
    public const int DefaultMinimumViews = 2;

    private readonly TimeSpan _timeout;
    private readonly TimeSpan _engagedAfter;
    private readonly IReadOnlyList<string> _viewEvents = [];
    private readonly IReadOnlyList<string> _keyEvents = [];
    private readonly int _minimumViews;
    private readonly string? _sessionIdProperty;

    /// <summary>Creates GA4's definition: a 30-minute timeout, engaged after 10 seconds, a key event or 2 views of
    /// <c>page_view</c> or <c>screen_view</c>, no key events, sessions by timeout.</summary>
    public SessionDefinition()
        : this(DefaultTimeout, DefaultEngagedAfter, ["page_view", "screen_view"], [], DefaultMinimumViews, null)
    {
    }

    /// <summary>Creates a definition with every part given.</summary>
    /// <param name="timeout">The longest gap between two events of one session; greater than zero.</param>
    /// <param name="engagedAfter">A session longer than this is engaged; zero or more.</param>
    /// <param name="viewEvents">The names of page and screen view events; distinct, none blank; may be empty.</param>
    /// <param name="keyEvents">The names of key (conversion) events; distinct, none blank; may be empty.</param>
    /// <param name="minimumViews">A session with at least this many view events is engaged; 1 or more.</param>
    /// <param name="sessionIdProperty">The key of the log property that holds session ids, or <see langword="null"/>
    /// for sessions by timeout.</param>
    /// <exception cref="ArgumentNullException">A list or one of its names is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A name is blank or repeated, or <paramref name="sessionIdProperty"/> is
    /// blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is not positive,
    /// <paramref name="engagedAfter"/> is negative, or <paramref name="minimumViews"/> is less than 1.</exception>
    [JsonConstructor]
    public SessionDefinition(
        TimeSpan timeout, TimeSpan engagedAfter, IReadOnlyList<string> viewEvents, IReadOnlyList<string> keyEvents, int minimumViews, string? sessionIdProperty)
    {
        Timeout = timeout;
        EngagedAfter = engagedAfter;
        ViewEvents = viewEvents;
        KeyEvents = keyEvents;
        MinimumViews = minimumViews;
        SessionIdProperty = sessionIdProperty;
    }

    /// <summary>Gets the longest gap between two consecutive events of one session; an equal gap keeps the session.</summary>
    /// <value>The default value is 30 minutes.</value>
    /// <exception cref="ArgumentOutOfRangeException">Set to zero or less.</exception>
    public TimeSpan Timeout
    {
        get => _timeout;
        init => _timeout = Positive(value, "timeout");
    }

    /// <summary>Gets the duration a session must exceed (strictly) to be engaged.</summary>
    /// <value>The default value is 10 seconds.</value>
    /// <exception cref="ArgumentOutOfRangeException">Set to a negative duration.</exception>
    public TimeSpan EngagedAfter
    {
        get => _engagedAfter;
        init => _engagedAfter = NotNegative(value, "engagedAfter");
    }

    /// <summary>Gets the names of page and screen view events, compared ordinally.</summary>
    /// <value>The default value is <c>page_view</c> and <c>screen_view</c>.</value>
    /// <exception cref="ArgumentNullException">Set to <see langword="null"/> or a list holding <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A name is blank or repeated.</exception>
    public IReadOnlyList<string> ViewEvents
    {
        get => _viewEvents;
        init => _viewEvents = EventNameSet.Copy(value, "viewEvents", allowEmpty: true);
    }

    /// <summary>Gets the names of key (conversion) events, compared ordinally: a session holding one is engaged.</summary>
    /// <value>The default value is empty.</value>
    /// <exception cref="ArgumentNullException">Set to <see langword="null"/> or a list holding <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A name is blank or repeated.</exception>
    public IReadOnlyList<string> KeyEvents
    {
        get => _keyEvents;
        init => _keyEvents = EventNameSet.Copy(value, "keyEvents", allowEmpty: true);
    }

    /// <summary>Gets how many view events make a session engaged.</summary>
    /// <value>The default value is 2.</value>
    /// <exception cref="ArgumentOutOfRangeException">Set to less than 1.</exception>
    public int MinimumViews
    {
        get => _minimumViews;
        init => _minimumViews = AtLeastOne(value, "minimumViews");
    }

    /// <summary>Gets the key of the log property that holds session ids (see <see cref="EventLog.GetProperty"/>), or
    /// <see langword="null"/> to cut sessions by <see cref="Timeout"/>.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    /// <exception cref="ArgumentException">Set to an empty or white-space key.</exception>
    public string? SessionIdProperty
    {
        get => _sessionIdProperty;
        init => _sessionIdProperty = value is null ? null : Validation.NotBlank(value, "sessionIdProperty");
    }

    /// <summary>Returns whether two definitions are equal.</summary>
    /// <param name="left">The first definition.</param>
    /// <param name="right">The second definition.</param>
    /// <returns><see langword="true"/> when every part is equal.</returns>
    public static bool operator ==(SessionDefinition? left, SessionDefinition? right) => Equals(left, right);

    /// <summary>Returns whether two definitions differ.</summary>
    /// <param name="left">The first definition.</param>
    /// <param name="right">The second definition.</param>
    /// <returns><see langword="true"/> when a part differs.</returns>
    public static bool operator !=(SessionDefinition? left, SessionDefinition? right) => !Equals(left, right);

    /// <summary>Enumerates the sessions of every customer of a log, customer by customer and in time order, allocating
    /// nothing per event or per session.</summary>
    /// <param name="log">The log.</param>
    /// <returns>The sessions, for <c>foreach</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="log"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><see cref="SessionIdProperty"/> is set and the log does not keep that
    /// property.</exception>
    public SessionEnumerable EnumerateSessions(EventLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        return new SessionEnumerable(SessionRules.For(this, log), 0, log.CustomerCount);
    }

    /// <inheritdoc />
    public bool Equals(SessionDefinition? other) =>
        other is not null
        && Timeout == other.Timeout
        && EngagedAfter == other.EngagedAfter
        && MinimumViews == other.MinimumViews
        && string.Equals(SessionIdProperty, other.SessionIdProperty, StringComparison.Ordinal)
        && EventNameSet.SetEquals(ViewEvents, other.ViewEvents)
        && EventNameSet.SetEquals(KeyEvents, other.KeyEvents);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SessionDefinition);

    /// <inheritdoc />
    public override int GetHashCode() =>
        HashCode.Combine(Timeout, EngagedAfter, MinimumViews, SessionIdProperty, EventNameSet.SetHash(ViewEvents), EventNameSet.SetHash(KeyEvents));

    /// <summary>
    /// Returns the definition as <c>sessions by 00:30:00 timeout; engaged after 00:00:10, a key event (none) or 2 views
    /// (page_view, screen_view)</c>.
    /// </summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"sessions by {(SessionIdProperty is null ? $"{Format(Timeout)} timeout" : $"property '{Validation.Echo(SessionIdProperty)}'")}; engaged after {Format(EngagedAfter)}, a key event ({EventNameSet.Describe(KeyEvents)}) or {MinimumViews} views ({EventNameSet.Describe(ViewEvents)})");

    internal static string Format(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);

    /// <summary>Checks a duration that must be greater than zero (a timeout, a window).</summary>
    internal static TimeSpan Positive(TimeSpan value, string paramName) =>
        value > TimeSpan.Zero
            ? value
            : throw new ArgumentOutOfRangeException(paramName, value, $"The duration must be greater than zero; got {Format(value)}.");

    private static TimeSpan NotNegative(TimeSpan value, string paramName) =>
        value >= TimeSpan.Zero
            ? value
            : throw new ArgumentOutOfRangeException(paramName, value, $"The duration must be zero or more; got {Format(value)}.");

    private static int AtLeastOne(int value, string paramName) =>
        value >= 1
            ? value
            : throw new ArgumentOutOfRangeException(
                paramName, value, string.Create(CultureInfo.InvariantCulture, $"The minimum views must be 1 or more; got {value}."));
}
