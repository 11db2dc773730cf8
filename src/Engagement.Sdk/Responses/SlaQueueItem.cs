using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.Responses;

/// <summary>
/// An open-queue entry as the accumulator keeps it: a struct of references the inquiry already holds, so that queueing
/// allocates nothing. Ordered by due time (as an instant), inquiry id, metric, time left, due-time offset, customer id,
/// channel (then its exact spelling) and priority: a total order, so that the most urgent K of any union are one exact list.
/// </summary>
internal readonly record struct SlaQueueItem(
    string InquiryId, string CustomerId, Channel Channel, InquiryPriority Priority, SlaMetric Metric, DateTimeOffset DueAt, long TimeLeftTicks)
    : IComparable<SlaQueueItem>
{
    public int CompareTo(SlaQueueItem other)
    {
        // The due time is one instant whatever the target's basis, so business and calendar targets order together; the
        // time left, in each target's own basis, would not.
        var c = DueAt.UtcDateTime.CompareTo(other.DueAt.UtcDateTime);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(InquiryId, other.InquiryId);
        if (c != 0)
        {
            return c;
        }

        c = Metric.CompareTo(other.Metric);
        if (c != 0)
        {
            return c;
        }

        c = TimeLeftTicks.CompareTo(other.TimeLeftTicks);
        if (c != 0)
        {
            return c;
        }

        c = DueAt.Offset.CompareTo(other.DueAt.Offset);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(CustomerId, other.CustomerId);
        if (c != 0)
        {
            return c;
        }

        c = SlaQueueEntry.CompareChannels(Channel, other.Channel);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(Channel.Name, other.Channel.Name);
        return c != 0 ? c : Priority.CompareTo(other.Priority);
    }
}
