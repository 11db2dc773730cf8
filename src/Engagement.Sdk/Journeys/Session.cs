using System.Globalization;

namespace Engagement.Sdk.Journeys;

/// <summary>
/// One session of one customer: which events of the <see cref="EventLog"/> it holds, when it started and ended, how
/// many events and view events it holds, and whether it was engaged (see <see cref="SessionDefinition"/>).
/// </summary>
/// <remarks>
/// Obtained from <see cref="SessionDefinition.EnumerateSessions"/>. The session's events lie between rows
/// <see cref="FirstRow"/> and <see cref="LastRow"/> of the log it was found in; <see cref="Rows"/> lists them. With
/// sessions by timeout they are every row in between; with sessions by id, the rows in between with the session's id
/// (or, for a session of events without an id, those without one), as another session may interleave. <c>default</c>
/// is a session of no log, with no events. This type is an immutable value and is thread-safe.
/// </remarks>
public readonly struct Session : IEquatable<Session>
{
    private readonly SessionRules? _rules;
    private readonly int _memberId;
    private readonly long _startTicks;
    private readonly long _durationTicks;

    internal Session(
        SessionRules rules, int customer, int memberId, int firstRow, int lastRow, int eventCount, long startTicks, long durationTicks, int viewCount, bool isEngaged)
    {
        _rules = rules;
        _memberId = memberId;
        Customer = customer;
        FirstRow = firstRow;
        LastRow = lastRow;
        EventCount = eventCount;
        _startTicks = startTicks;
        _durationTicks = durationTicks;
        ViewCount = viewCount;
        IsEngaged = isEngaged;
    }

    /// <summary>Gets the customer's index in the log (see <see cref="EventLog.Customers"/>).</summary>
    public int Customer { get; }

    /// <summary>Gets the customer's id, or <see langword="null"/> for <c>default</c>.</summary>
    public string? CustomerId => _rules?.Log.Customers[Customer];

    /// <summary>Gets the session id with sessions by id, or <see langword="null"/> for sessions by timeout and for a
    /// session of events without an id.</summary>
    public string? SessionId => _rules?.SessionIds is { } ids && _memberId >= 0 ? ids.Values[_memberId] : null;

    /// <summary>Gets the row of the session's first event.</summary>
    public int FirstRow { get; }

    /// <summary>Gets the row of the session's last event.</summary>
    public int LastRow { get; }

    /// <summary>Gets the rows of the session's events, in time order, for <c>foreach</c>; allocates nothing.</summary>
    public SessionRows Rows => new(_rules?.SessionIds, _memberId, FirstRow, _rules is null ? FirstRow : LastRow + 1);

    /// <summary>Gets how many events the session holds; at least 1.</summary>
    public int EventCount { get; }

    /// <summary>Gets how many of its events are view events.</summary>
    public int ViewCount { get; }

    /// <summary>Gets the time of the first event, in UTC.</summary>
    public DateTimeOffset Start => new(_startTicks, TimeSpan.Zero);

    /// <summary>Gets the time of the last event, in UTC.</summary>
    public DateTimeOffset End => new(_startTicks + _durationTicks, TimeSpan.Zero);

    /// <summary>Gets the duration: last event − first event; zero for a session of one event.</summary>
    public TimeSpan Duration => new(_durationTicks);

    /// <summary>Gets whether the session was engaged: longer than the engaged-after duration, or holding a key event,
    /// or holding at least the minimum views.</summary>
    public bool IsEngaged { get; }

    /// <summary>Returns whether two sessions are equal.</summary>
    /// <param name="left">The first session.</param>
    /// <param name="right">The second session.</param>
    /// <returns><see langword="true"/> when they are the same events of the same log, with the same figures.</returns>
    public static bool operator ==(Session left, Session right) => left.Equals(right);

    /// <summary>Returns whether two sessions differ.</summary>
    /// <param name="left">The first session.</param>
    /// <param name="right">The second session.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(Session left, Session right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(Session other) =>
        ReferenceEquals(_rules?.Log, other._rules?.Log)
        && Customer == other.Customer
        && _memberId == other._memberId
        && FirstRow == other.FirstRow
        && LastRow == other.LastRow
        && EventCount == other.EventCount
        && _startTicks == other._startTicks
        && _durationTicks == other._durationTicks
        && ViewCount == other.ViewCount
        && IsEngaged == other.IsEngaged;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Session other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Customer, _memberId, FirstRow, LastRow, _startTicks, _durationTicks);

    /// <summary>Returns the session as <c>user_1 2024-03-13T10:21:14Z +00:26:16, 11 events, 0 views, engaged</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        _rules is null
            ? "no session"
            : string.Create(
                CultureInfo.InvariantCulture,
                $"{Validation.Echo(CustomerId!)} {Start:yyyy-MM-ddTHH:mm:ss.FFFFFFFZ} +{SessionDefinition.Format(Duration)}, {EventCount} events, {ViewCount} views, {(IsEngaged ? "engaged" : "not engaged")}");
}
