using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.Responses;

/// <summary>
/// A conversation or ticket: who asked, on which channel, how urgent, when it was opened, its messages and responses,
/// and its status changes.
/// </summary>
/// <remarks>
/// <para>
/// The inquiry is <see cref="InquiryStatus.New"/> from <see cref="OpenedAt"/> until its first status change; each
/// status then holds until the next change. The constructor checks that the history could have happened: no message and
/// no status change before the opening; messages and changes each in time order (equal times keep their order); no
/// change to the status the inquiry already has; <see cref="InquiryStatus.Closed"/> only straight after
/// <see cref="InquiryStatus.Solved"/>, and nothing — no change, no message — after the close.
/// </para>
/// <para>
/// A change out of <see cref="InquiryStatus.Solved"/> back to new, open, pending or on-hold is a reopen
/// (<see cref="Reopens"/>). Inquiries are equal when every field and every message and change are equal, timestamps
/// as instants. Immutable and thread-safe.
/// </para>
/// </remarks>
public sealed class Inquiry : IEquatable<Inquiry>
{
    private static readonly InquiryMessage[] NoMessages = [];
    private static readonly InquiryStatusChange[] NoChanges = [];

    private readonly InquiryMessage[] _messages;
    private readonly InquiryStatusChange[] _statusChanges;

    /// <summary>Creates an inquiry and checks its history.</summary>
    /// <param name="id">The inquiry's id; not empty or white space.</param>
    /// <param name="customerId">The id of the customer it is with; not empty or white space.</param>
    /// <param name="channel">The channel it came in on (or, for a proactive one, went out on).</param>
    /// <param name="priority">How urgent it is.</param>
    /// <param name="openedAt">When it was opened.</param>
    /// <param name="messages">Its messages in time order, or <see langword="null"/> for none.</param>
    /// <param name="statusChanges">Its status changes in time order, or <see langword="null"/> for none.</param>
    /// <param name="initiator">Who started the conversation.</param>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> or <paramref name="customerId"/> is
    /// <see langword="null"/>, or a message or change is.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="priority"/> or <paramref name="initiator"/> is not a
    /// defined value, or a message or change is earlier than <paramref name="openedAt"/> or than the one before it
    /// (the parameter named is <paramref name="messages"/> or <paramref name="statusChanges"/>; the message gives the
    /// index and both times).</exception>
    /// <exception cref="ArgumentException">An id is empty or white space; a change repeats the current status, closes
    /// an inquiry that is not solved, or follows the close; or a message follows the close.</exception>
    [JsonConstructor]
    public Inquiry(
        string id,
        string customerId,
        Channel channel,
        InquiryPriority priority,
        DateTimeOffset openedAt,
        IReadOnlyList<InquiryMessage>? messages = null,
        IReadOnlyList<InquiryStatusChange>? statusChanges = null,
        InquiryInitiator initiator = InquiryInitiator.Customer)
    {
        Id = Validation.NotBlank(id, nameof(id));
        CustomerId = Validation.NotBlank(customerId, nameof(customerId));
        Channel = channel;
        Priority = Validation.Defined(priority, nameof(priority));
        OpenedAt = openedAt;
        Initiator = Validation.Defined(initiator, nameof(initiator));
        _statusChanges = statusChanges is null ? NoChanges : [.. statusChanges];
        _messages = messages is null ? NoMessages : [.. messages];
        var closedAt = CheckStatusChanges(_statusChanges, openedAt);
        CheckMessages(_messages, openedAt, closedAt);
    }

    /// <summary>Gets the inquiry's id.</summary>
    public string Id { get; }

    /// <summary>Gets the id of the customer the inquiry is with.</summary>
    public string CustomerId { get; }

    /// <summary>Gets the channel the inquiry came in on (or, for a proactive one, went out on).</summary>
    public Channel Channel { get; }

    /// <summary>Gets how urgent the inquiry is.</summary>
    public InquiryPriority Priority { get; }

    /// <summary>Gets when the inquiry was opened.</summary>
    public DateTimeOffset OpenedAt { get; }

    /// <summary>Gets the messages in time order.</summary>
    public IReadOnlyList<InquiryMessage> Messages => _messages;

    /// <summary>Gets the status changes in time order.</summary>
    public IReadOnlyList<InquiryStatusChange> StatusChanges => _statusChanges;

    /// <summary>Gets who started the conversation.</summary>
    public InquiryInitiator Initiator { get; }

    /// <summary>Gets the status now: that of the last change, or <see cref="InquiryStatus.New"/> when there is none.</summary>
    [JsonIgnore]
    public InquiryStatus Status => _statusChanges.Length == 0 ? InquiryStatus.New : _statusChanges[^1].Status;

    /// <summary>Gets whether the inquiry is now solved or closed.</summary>
    [JsonIgnore]
    public bool IsSolved => Status is InquiryStatus.Solved or InquiryStatus.Closed;

    /// <summary>Gets the first public response by an agent or a bot, or <see langword="null"/> when there is none.</summary>
    [JsonIgnore]
    public InquiryMessage? FirstResponse => Array.Find(_messages, static m => m.IsPublicResponse);

    /// <summary>Gets the number of public responses by agents and bots.</summary>
    [JsonIgnore]
    public int PublicResponseCount
    {
        get
        {
            var count = 0;
            foreach (var message in _messages)
            {
                count += message.IsPublicResponse ? 1 : 0;
            }

            return count;
        }
    }

    /// <summary>Gets when the inquiry was first solved, or <see langword="null"/> when it never was.</summary>
    [JsonIgnore]
    public DateTimeOffset? FirstSolvedAt => Array.Find(_statusChanges, static c => c.Status == InquiryStatus.Solved)?.Timestamp;

    /// <summary>
    /// Gets when the inquiry was last solved, if it is now solved or closed; otherwise (never solved, or reopened since)
    /// <see langword="null"/>. Full resolution time ends here, as Zendesk's does.
    /// </summary>
    [JsonIgnore]
    public DateTimeOffset? SolvedAt =>
        IsSolved ? Array.FindLast(_statusChanges, static c => c.Status == InquiryStatus.Solved)!.Timestamp : null;

    /// <summary>
    /// Gets the time of the inquiry's latest event: its last message or status change, or its opening when neither is
    /// later. An inquiry is known in full from this instant on (SLA evaluation needs an instant no earlier).
    /// </summary>
    [JsonIgnore]
    public DateTimeOffset LastEventAt
    {
        get
        {
            var latest = OpenedAt;
            if (_messages.Length > 0 && _messages[^1].Timestamp > latest)
            {
                latest = _messages[^1].Timestamp;
            }

            return _statusChanges.Length > 0 && _statusChanges[^1].Timestamp > latest ? _statusChanges[^1].Timestamp : latest;
        }
    }

    /// <summary>Gets how many times the inquiry went from solved back to new, open, pending or on-hold.</summary>
    [JsonIgnore]
    public int Reopens
    {
        get
        {
            var reopens = 0;
            for (var i = 1; i < _statusChanges.Length; i++)
            {
                reopens += _statusChanges[i - 1].Status == InquiryStatus.Solved && _statusChanges[i].Status != InquiryStatus.Closed ? 1 : 0;
            }

            return reopens;
        }
    }

    /// <inheritdoc />
    public bool Equals(Inquiry? other) =>
        other is not null
        && string.Equals(Id, other.Id, StringComparison.Ordinal)
        && string.Equals(CustomerId, other.CustomerId, StringComparison.Ordinal)
        && Channel.Equals(other.Channel)
        && Priority == other.Priority
        && OpenedAt.Equals(other.OpenedAt)
        && Initiator == other.Initiator
        && _messages.AsSpan().SequenceEqual(other._messages)
        && _statusChanges.AsSpan().SequenceEqual(other._statusChanges);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Inquiry);

    /// <inheritdoc />
    public override int GetHashCode() =>
        HashCode.Combine(StringComparer.Ordinal.GetHashCode(Id), StringComparer.Ordinal.GetHashCode(CustomerId), Channel, Priority, OpenedAt, _messages.Length, _statusChanges.Length);

    /// <summary>Returns the inquiry as <c>id customer channel Priority opened Status (n messages)</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{Id} {CustomerId} {Channel} {Priority} opened {OpenedAt:O} {Status} ({_messages.Length} messages)");

    // Returns when the inquiry was closed, or null.
    private static DateTimeOffset? CheckStatusChanges(InquiryStatusChange[] statusChanges, DateTimeOffset openedAt)
    {
        var status = InquiryStatus.New;
        var previous = openedAt;
        for (var i = 0; i < statusChanges.Length; i++)
        {
            var change = statusChanges[i] ?? throw new ArgumentNullException(nameof(statusChanges), $"statusChanges[{i}] is null.");
            CheckTime(change.Timestamp, previous, i, i == 0, nameof(statusChanges));
            if (status == InquiryStatus.Closed)
            {
                throw new ArgumentException(Invariant($"statusChanges[{i}] ({change}) follows the close; a closed inquiry does not change."), nameof(statusChanges));
            }

            if (change.Status == status)
            {
                throw new ArgumentException(Invariant($"statusChanges[{i}] ({change}) changes to the status the inquiry already has."), nameof(statusChanges));
            }

            if (change.Status == InquiryStatus.Closed && status != InquiryStatus.Solved)
            {
                throw new ArgumentException(Invariant($"statusChanges[{i}] ({change}) closes an inquiry that is {status}; only a solved inquiry is closed."), nameof(statusChanges));
            }

            status = change.Status;
            previous = change.Timestamp;
        }

        return status == InquiryStatus.Closed ? previous : null;
    }

    private static void CheckMessages(InquiryMessage[] messages, DateTimeOffset openedAt, DateTimeOffset? closedAt)
    {
        var previous = openedAt;
        for (var i = 0; i < messages.Length; i++)
        {
            var message = messages[i] ?? throw new ArgumentNullException(nameof(messages), $"messages[{i}] is null.");
            CheckTime(message.Timestamp, previous, i, i == 0, nameof(messages));
            if (message.Timestamp > closedAt)
            {
                throw new ArgumentException(Invariant($"messages[{i}] ({message}) follows the close at {closedAt:O}; a closed inquiry takes no message."), nameof(messages));
            }

            previous = message.Timestamp;
        }
    }

    private static void CheckTime(DateTimeOffset time, DateTimeOffset previous, int index, bool first, string paramName)
    {
        if (time < previous)
        {
            var what = first ? "the opening" : Invariant($"{paramName}[{index - 1}]");
            throw new ArgumentOutOfRangeException(
                paramName, time, Invariant($"{paramName}[{index}] at {time:O} is earlier than {what} at {previous:O}."));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
