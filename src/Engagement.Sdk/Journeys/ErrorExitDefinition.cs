using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Sdk.Journeys;

/// <summary>
/// What counts as an error before exit: an error event (such as <c>payment_error</c> or <c>checkout_bug</c>) at the last
/// instant of its session, so that the customer left right after it. Counted per error event, with the customers
/// affected.
/// </summary>
/// <remarks>
/// <para>
/// The exit is the end of the session (see <see cref="Sessions"/>), not the customer's last event in the data: GA4's
/// exit is the last page of a session, a session's end is where the customer gave up on that visit, and it does not
/// move when more data arrives, whereas "the customer's last event" only says the data ends there and would change as
/// the customer comes back. An error event is before exit when its time equals its session's end; an error followed by
/// another event at the same instant still counts, as the log cannot order ties reliably, so the rule does not depend
/// on input order.
/// </para>
/// <para>Create with <c>new ErrorExitDefinition()</c> and change parts with initialisers; each part is checked when
/// set. Equal when every part is equal, the error names compared as a set. Immutable and thread-safe.</para>
/// </remarks>
public sealed class ErrorExitDefinition : IEquatable<ErrorExitDefinition>
{
    private readonly IReadOnlyList<string> _errorEvents = [];
    private readonly SessionDefinition _sessions = new();

    /// <summary>Creates the default definition: <c>payment_error</c> or <c>checkout_bug</c> at the end of a GA4
    /// session (30-minute timeout).</summary>
    public ErrorExitDefinition()
        : this(["payment_error", "checkout_bug"], new SessionDefinition())
    {
    }

    /// <summary>Creates a definition with every part given.</summary>
    /// <param name="errorEvents">The names of error events; at least one, distinct, none blank.</param>
    /// <param name="sessions">How sessions are cut; their engagement rules play no part.</param>
    /// <exception cref="ArgumentNullException">An argument or a name is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="errorEvents"/> is empty, or a name is blank or repeated.</exception>
    [JsonConstructor]
    public ErrorExitDefinition(IReadOnlyList<string> errorEvents, SessionDefinition sessions)
    {
        ErrorEvents = errorEvents;
        Sessions = sessions;
    }

    /// <summary>Gets the names of error events, compared ordinally.</summary>
    /// <value>The default value is <c>payment_error</c> and <c>checkout_bug</c>.</value>
    /// <exception cref="ArgumentNullException">Set to <see langword="null"/> or a list holding <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Set to an empty list or a list with a blank or repeated name.</exception>
    public IReadOnlyList<string> ErrorEvents
    {
        get => _errorEvents;
        init => _errorEvents = EventNameSet.Copy(value, "errorEvents", allowEmpty: false);
    }

    /// <summary>Gets how sessions are cut, to find where each one exits.</summary>
    /// <value>The default value is GA4's <see cref="SessionDefinition()"/>.</value>
    /// <exception cref="ArgumentNullException">Set to <see langword="null"/>.</exception>
    public SessionDefinition Sessions
    {
        get => _sessions;
        init => _sessions = NotNull(value, "sessions");
    }

    /// <summary>Returns whether two definitions are equal.</summary>
    /// <param name="left">The first definition.</param>
    /// <param name="right">The second definition.</param>
    /// <returns><see langword="true"/> when every part is equal.</returns>
    public static bool operator ==(ErrorExitDefinition? left, ErrorExitDefinition? right) => Equals(left, right);

    /// <summary>Returns whether two definitions differ.</summary>
    /// <param name="left">The first definition.</param>
    /// <param name="right">The second definition.</param>
    /// <returns><see langword="true"/> when a part differs.</returns>
    public static bool operator !=(ErrorExitDefinition? left, ErrorExitDefinition? right) => !Equals(left, right);

    /// <inheritdoc />
    public bool Equals(ErrorExitDefinition? other) =>
        other is not null && Sessions == other.Sessions && EventNameSet.SetEquals(ErrorEvents, other.ErrorEvents);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ErrorExitDefinition);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Sessions, EventNameSet.SetHash(ErrorEvents));

    /// <summary>Returns the definition as <c>pain points: error before exit (payment_error, checkout_bug; sessions by
    /// 00:30:00 timeout; …)</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"pain points: error before exit ({EventNameSet.Describe(ErrorEvents)}; {Sessions})");

    private static SessionDefinition NotNull(SessionDefinition value, string paramName)
    {
        ArgumentNullException.ThrowIfNull(value, paramName);
        return value;
    }
}
