using System.Text.Json.Serialization;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.Responses;

/// <summary>The SLA evaluations of one channel × priority × metric, counted by status.</summary>
/// <remarks>Equal when the channel, priority, metric and counts are equal. Immutable and thread-safe.</remarks>
public sealed class SlaGroup : IEquatable<SlaGroup>
{
    /// <summary>Creates a group.</summary>
    /// <param name="channel">The inquiries' channel.</param>
    /// <param name="priority">The inquiries' priority.</param>
    /// <param name="metric">The target's metric.</param>
    /// <param name="counts">The evaluations by status; at least one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="counts"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="priority"/> or <paramref name="metric"/> is not a
    /// defined value, or <paramref name="counts"/> counts nothing (an empty group is never kept).</exception>
    [JsonConstructor]
    public SlaGroup(Channel channel, InquiryPriority priority, SlaMetric metric, SlaCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.Evaluations == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(counts), counts, "A group holds at least one evaluation; an empty one is never kept.");
        }

        Channel = channel;
        Priority = Validation.Defined(priority, nameof(priority));
        Metric = Validation.Defined(metric, nameof(metric));
        Counts = counts;
    }

    /// <summary>Gets the inquiries' channel.</summary>
    public Channel Channel { get; }

    /// <summary>Gets the inquiries' priority.</summary>
    public InquiryPriority Priority { get; }

    /// <summary>Gets the target's metric.</summary>
    public SlaMetric Metric { get; }

    /// <summary>Gets the evaluations by status.</summary>
    public SlaCounts Counts { get; }

    /// <summary>Returns whether two groups are equal.</summary>
    /// <param name="left">The first group.</param>
    /// <param name="right">The second group.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public static bool operator ==(SlaGroup? left, SlaGroup? right) => Equals(left, right);

    /// <summary>Returns whether two groups differ.</summary>
    /// <param name="left">The first group.</param>
    /// <param name="right">The second group.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(SlaGroup? left, SlaGroup? right) => !Equals(left, right);

    /// <inheritdoc />
    public bool Equals(SlaGroup? other) =>
        other is not null
        && string.Equals(Channel.Name, other.Channel.Name, StringComparison.Ordinal)
        && Channel.Equals(other.Channel)
        && Priority == other.Priority
        && Metric == other.Metric
        && Counts == other.Counts;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SlaGroup);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Channel, Priority, Metric, Counts);

    /// <summary>Returns the group as <c>email × Urgent × FirstReply: compliance …</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() => $"{Channel.Name} × {Priority} × {Metric}: {Counts}";

    /// <summary>Orders groups by channel (name ignoring case, then media type and kind), priority and metric: the
    /// order states and results keep them in, so that equal data are equal lists.</summary>
    internal static int CompareKeys(SlaGroup x, SlaGroup y)
    {
        // Groups are kept by channel name ignoring case, so two groups differing only in media type or kind are one key.
        var c = string.Compare(x.Channel.Name, y.Channel.Name, StringComparison.OrdinalIgnoreCase);
        if (c != 0)
        {
            return c;
        }

        c = x.Priority.CompareTo(y.Priority);
        return c != 0 ? c : x.Metric.CompareTo(y.Metric);
    }
}
