using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.Responses;

/// <summary>
/// One open SLA target in the queue of what to answer next: the inquiry, its customer, channel and priority, the
/// metric, when it is (or was) due, and the time left, negative once it is breached.
/// </summary>
/// <remarks>
/// Queues are ordered by <see cref="DueAt"/> (as an instant) ascending, so already breached targets come first and
/// business-time and calendar-time targets order together, then by inquiry id (ordinal), metric, time left, customer id,
/// channel and priority; see <see cref="SlaResult.OpenQueue"/>. <see cref="TimeLeft"/> is for display: it is in the
/// target's own basis, so it does not order targets of different bases. Immutable and thread-safe.
/// </remarks>
public sealed class SlaQueueEntry : IEquatable<SlaQueueEntry>
{
    /// <summary>Creates an entry.</summary>
    /// <param name="inquiryId">The inquiry's id; not blank.</param>
    /// <param name="customerId">The customer's id; not blank.</param>
    /// <param name="channel">The inquiry's channel.</param>
    /// <param name="priority">The inquiry's priority.</param>
    /// <param name="metric">The open target's metric.</param>
    /// <param name="dueAt">When the target is due.</param>
    /// <param name="timeLeft">The time left until <paramref name="dueAt"/> at the evaluation instant, in the target's
    /// basis; negative once breached.</param>
    /// <exception cref="ArgumentNullException">An id is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An id is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="priority"/> or <paramref name="metric"/> is not a
    /// defined value.</exception>
    [JsonConstructor]
    public SlaQueueEntry(string inquiryId, string customerId, Channel channel, InquiryPriority priority, SlaMetric metric, DateTimeOffset dueAt, TimeSpan timeLeft)
    {
        InquiryId = Validation.NotBlank(inquiryId, nameof(inquiryId));
        CustomerId = Validation.NotBlank(customerId, nameof(customerId));
        Channel = channel;
        Priority = Validation.Defined(priority, nameof(priority));
        Metric = Validation.Defined(metric, nameof(metric));
        DueAt = dueAt;
        TimeLeft = timeLeft;
    }

    internal SlaQueueEntry(in SlaQueueItem item)
    {
        InquiryId = item.InquiryId;
        CustomerId = item.CustomerId;
        Channel = item.Channel;
        Priority = item.Priority;
        Metric = item.Metric;
        DueAt = item.DueAt;
        TimeLeft = new TimeSpan(item.TimeLeftTicks);
    }

    /// <summary>Gets the inquiry's id.</summary>
    public string InquiryId { get; }

    /// <summary>Gets the customer's id.</summary>
    public string CustomerId { get; }

    /// <summary>Gets the inquiry's channel.</summary>
    public Channel Channel { get; }

    /// <summary>Gets the inquiry's priority.</summary>
    public InquiryPriority Priority { get; }

    /// <summary>Gets the open target's metric.</summary>
    public SlaMetric Metric { get; }

    /// <summary>Gets when the target is due.</summary>
    public DateTimeOffset DueAt { get; }

    /// <summary>Gets the time left at the evaluation instant, in the target's basis; negative once breached.</summary>
    public TimeSpan TimeLeft { get; }

    /// <summary>Gets whether the target is already breached (<see cref="TimeLeft"/> is negative).</summary>
    [JsonIgnore]
    public bool IsBreached => TimeLeft < TimeSpan.Zero;

    /// <summary>Returns whether two entries are equal.</summary>
    /// <param name="left">The first entry.</param>
    /// <param name="right">The second entry.</param>
    /// <returns><see langword="true"/> when every member is equal.</returns>
    public static bool operator ==(SlaQueueEntry? left, SlaQueueEntry? right) => Equals(left, right);

    /// <summary>Returns whether two entries differ.</summary>
    /// <param name="left">The first entry.</param>
    /// <param name="right">The second entry.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(SlaQueueEntry? left, SlaQueueEntry? right) => !Equals(left, right);

    /// <inheritdoc />
    public bool Equals(SlaQueueEntry? other) => other is not null && ToItem().CompareTo(other.ToItem()) == 0;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SlaQueueEntry);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(InquiryId, Metric, TimeLeft, DueAt);

    /// <summary>Returns the entry as <c>i-42 (c-7, email × Urgent) FirstReply due 2026-03-06T10:00:00+01:00, 01:30:00 left</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{Validation.Echo(InquiryId)} ({Validation.Echo(CustomerId)}, {Channel.Name} × {Priority}) {Metric} due {DueAt:yyyy-MM-ddTHH:mm:sszzz}, {(IsBreached ? $"breached by {TimeLeft.Negate()}" : $"{TimeLeft} left")}");

    /// <summary>Orders channels as their equality sees them: name ignoring case, media type, kind.</summary>
    internal static int CompareChannels(Channel x, Channel y)
    {
        var c = string.Compare(x.Name, y.Name, StringComparison.OrdinalIgnoreCase);
        if (c != 0)
        {
            return c;
        }

        c = x.MediaType.CompareTo(y.MediaType);
        return c != 0 ? c : x.Kind.CompareTo(y.Kind);
    }

    internal SlaQueueItem ToItem() => new(InquiryId, CustomerId, Channel, Priority, Metric, DueAt, TimeLeft.Ticks);
}
