using Engagement.Sdk.Responses;

namespace Engagement.Sdk.Tests.Responses.Reference;

/// <summary>One next-response cycle: from the oldest unanswered customer message to the response that answered it (null while unanswered).</summary>
internal sealed record NaiveCycle(DateTimeOffset Start, InquiryMessage? Response);

/// <summary>
/// Response times and status waits of one inquiry, computed by walking its timeline exactly as the lead's DEFINITIONS
/// read. Calendar time when the calendar is null; business time (whole minutes, <see cref="NaiveCalendar"/>)
/// otherwise, in which case every timestamp of the inquiry must be minute-aligned.
/// </summary>
/// <remarks>
/// <para>Only the inquiry's raw lists (messages, status changes, opened time, initiator) are read; the model's derived
/// properties (FirstResponse, SolvedAt, ...) are not used, so a comparison also checks them.</para>
/// <para>Definitions followed (quoted from the lead's DEFINITIONS):</para>
/// <list type="bullet">
/// <item>"A response = a public message by Agent or Bot. Internal notes are never responses."</item>
/// <item>FRT: "OpenedAt → the first response. Only for inquiries started by the customer."</item>
/// <item>NRT: "each reply cycle after the first response: from the earliest customer message that follows the latest
/// response (i.e. the oldest unanswered customer message) to the next response. One value per cycle; a customer
/// message still unanswered has no value. For a proactive inquiry the cycles start at its first customer message."</item>
/// <item>Full resolution: "OpenedAt → SolvedAt (the latest change to Solved), for inquiries whose status is now Solved
/// or Closed."</item>
/// <item>Waits: "New from OpenedAt until the first change; each status holds from its change to the next change.
/// Requester wait time = total time in New, Open and OnHold; agent wait time = total time in Pending; on-hold time =
/// total time in OnHold; each summed from OpenedAt up to SolvedAt ... Only for inquiries now Solved or Closed."</item>
/// </list>
/// <para>Choices where the text is silent: messages are taken in list order, so a customer message listed after a
/// response with the same timestamp starts a new cycle at that instant; several status changes at one instant hold
/// for no time except the last; the status does not stop a cycle (a customer message after the solve that is
/// later answered is a cycle like any other).</para>
/// </remarks>
internal static class NaiveInquiryMetrics
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    /// <summary>"A response = a public message by Agent or Bot."</summary>
    public static bool IsResponse(InquiryMessage message) =>
        (message.Author == MessageAuthor.Agent || message.Author == MessageAuthor.Bot) && message.IsPublic;

    /// <summary>The first response in message order, or null.</summary>
    public static InquiryMessage? FirstResponseMessage(Inquiry inquiry)
    {
        foreach (var message in inquiry.Messages)
        {
            if (IsResponse(message))
            {
                return message;
            }
        }

        return null;
    }

    /// <summary>Every response, in message order.</summary>
    public static List<InquiryMessage> Responses(Inquiry inquiry)
    {
        var responses = new List<InquiryMessage>();
        foreach (var message in inquiry.Messages)
        {
            if (IsResponse(message))
            {
                responses.Add(message);
            }
        }

        return responses;
    }

    /// <summary>The status after the last change (New when there is none).</summary>
    public static InquiryStatus CurrentStatus(Inquiry inquiry) =>
        inquiry.StatusChanges.Count == 0 ? InquiryStatus.New : inquiry.StatusChanges[^1].Status;

    /// <summary>Whether the status is now Solved or Closed.</summary>
    public static bool IsNowSolved(Inquiry inquiry) =>
        CurrentStatus(inquiry) is InquiryStatus.Solved or InquiryStatus.Closed;

    /// <summary>The latest change to Solved, when the status is now Solved or Closed; else null.</summary>
    public static DateTimeOffset? SolvedAt(Inquiry inquiry)
    {
        if (!IsNowSolved(inquiry))
        {
            return null;
        }

        DateTimeOffset? latest = null;
        foreach (var change in inquiry.StatusChanges)
        {
            if (change.Status == InquiryStatus.Solved)
            {
                latest = change.Timestamp;
            }
        }

        return latest;
    }

    /// <summary>
    /// The next-response cycles in order; the last may be open (Response null). Customer-started: only messages after
    /// the first response take part. Brand-started: from the first message on.
    /// </summary>
    public static List<NaiveCycle> Cycles(Inquiry inquiry)
    {
        var cycles = new List<NaiveCycle>();
        var started = inquiry.Initiator == InquiryInitiator.Brand; // a proactive inquiry has no first-response phase
        DateTimeOffset? oldestUnanswered = null;
        foreach (var message in inquiry.Messages)
        {
            if (!started)
            {
                if (IsResponse(message))
                {
                    started = true; // the first response; what the customer wrote before it was answered by it (FRT)
                }

                continue;
            }

            if (message.Author == MessageAuthor.Customer)
            {
                oldestUnanswered ??= message.Timestamp;
            }
            else if (IsResponse(message) && oldestUnanswered is { } start)
            {
                cycles.Add(new NaiveCycle(start, message));
                oldestUnanswered = null;
            }
        }

        if (oldestUnanswered is { } open)
        {
            cycles.Add(new NaiveCycle(open, null));
        }

        return cycles;
    }

    /// <summary>to − from in calendar time, or the business minutes between them.</summary>
    public static TimeSpan Duration(NaiveCalendarSpec? calendar, DateTimeOffset from, DateTimeOffset to) =>
        calendar is null ? to - from : NaiveCalendar.BusinessDuration(calendar, from, to);

    /// <summary>FRT: OpenedAt → the first response; null for a proactive inquiry or one not yet answered.</summary>
    public static TimeSpan? FirstResponse(Inquiry inquiry, NaiveCalendarSpec? calendar)
    {
        RequireAligned(inquiry, calendar);
        if (inquiry.Initiator != InquiryInitiator.Customer || FirstResponseMessage(inquiry) is not { } first)
        {
            return null;
        }

        return Duration(calendar, inquiry.OpenedAt, first.Timestamp);
    }

    /// <summary>The type of the response that ended the FRT, or null when there is no FRT.</summary>
    public static ResponseType? FirstResponseType(Inquiry inquiry) =>
        inquiry.Initiator == InquiryInitiator.Customer ? FirstResponseMessage(inquiry)?.ResponseType : null;

    /// <summary>NRT: one value per answered cycle, in order.</summary>
    public static List<TimeSpan> NextResponses(Inquiry inquiry, NaiveCalendarSpec? calendar)
    {
        RequireAligned(inquiry, calendar);
        var values = new List<TimeSpan>();
        foreach (var cycle in Cycles(inquiry))
        {
            if (cycle.Response is { } response)
            {
                values.Add(Duration(calendar, cycle.Start, response.Timestamp));
            }
        }

        return values;
    }

    /// <summary>The type of the response that ended each answered cycle, in the order of <see cref="NextResponses"/>.</summary>
    public static List<ResponseType> NextResponseTypes(Inquiry inquiry)
    {
        var types = new List<ResponseType>();
        foreach (var cycle in Cycles(inquiry))
        {
            if (cycle.Response is { } response)
            {
                types.Add(response.ResponseType!.Value);
            }
        }

        return types;
    }

    /// <summary>The group of the inquiry-level durations: the first response's type, or null for the "none" group.</summary>
    public static ResponseType? InquiryGroup(Inquiry inquiry) => FirstResponseMessage(inquiry)?.ResponseType;

    /// <summary>Full resolution: OpenedAt → SolvedAt, for inquiries now Solved or Closed.</summary>
    public static TimeSpan? FullResolution(Inquiry inquiry, NaiveCalendarSpec? calendar)
    {
        RequireAligned(inquiry, calendar);
        return SolvedAt(inquiry) is { } solvedAt ? Duration(calendar, inquiry.OpenedAt, solvedAt) : null;
    }

    /// <summary>Requester wait: time in New, Open and OnHold up to SolvedAt; null unless now solved.</summary>
    public static TimeSpan? RequesterWait(Inquiry inquiry, NaiveCalendarSpec? calendar) =>
        TimeIn(inquiry, calendar, InquiryStatus.New, InquiryStatus.Open, InquiryStatus.OnHold);

    /// <summary>Agent wait: time in Pending up to SolvedAt; null unless now solved.</summary>
    public static TimeSpan? AgentWait(Inquiry inquiry, NaiveCalendarSpec? calendar) =>
        TimeIn(inquiry, calendar, InquiryStatus.Pending);

    /// <summary>On-hold time: time in OnHold up to SolvedAt; null unless now solved.</summary>
    public static TimeSpan? OnHold(Inquiry inquiry, NaiveCalendarSpec? calendar) =>
        TimeIn(inquiry, calendar, InquiryStatus.OnHold);

    /// <summary>The status that holds at <paramref name="instant"/>: the last change at or before it, New before any.</summary>
    public static InquiryStatus StatusAt(Inquiry inquiry, DateTimeOffset instant)
    {
        var status = InquiryStatus.New;
        foreach (var change in inquiry.StatusChanges)
        {
            if (change.Timestamp <= instant)
            {
                status = change.Status;
            }
        }

        return status;
    }

    /// <summary>Refuses business-time inputs that are not whole minutes: the reference walks whole minutes.</summary>
    public static void RequireAligned(Inquiry inquiry, NaiveCalendarSpec? calendar)
    {
        ArgumentNullException.ThrowIfNull(inquiry);
        if (calendar is null)
        {
            return;
        }

        NaiveCalendar.RequireMinuteAligned(inquiry.OpenedAt, nameof(inquiry));
        foreach (var message in inquiry.Messages)
        {
            NaiveCalendar.RequireMinuteAligned(message.Timestamp, nameof(inquiry));
        }

        foreach (var change in inquiry.StatusChanges)
        {
            NaiveCalendar.RequireMinuteAligned(change.Timestamp, nameof(inquiry));
        }
    }

    /// <summary>
    /// Time in any of <paramref name="statuses"/> between OpenedAt and SolvedAt. Calendar: sum the intervals
    /// [change, next change) clipped to SolvedAt. Business: walk each minute of [OpenedAt, SolvedAt) and count it when
    /// the calendar is open and the status at its start is one of them.
    /// </summary>
    private static TimeSpan? TimeIn(Inquiry inquiry, NaiveCalendarSpec? calendar, params InquiryStatus[] statuses)
    {
        RequireAligned(inquiry, calendar);
        if (SolvedAt(inquiry) is not { } solvedAt)
        {
            return null;
        }

        if (calendar is not null)
        {
            long minutes = 0;
            for (var minute = inquiry.OpenedAt; minute < solvedAt; minute += Minute)
            {
                if (NaiveCalendar.IsOpen(calendar, minute) && statuses.Contains(StatusAt(inquiry, minute)))
                {
                    minutes++;
                }
            }

            return TimeSpan.FromMinutes(minutes);
        }

        var total = TimeSpan.Zero;
        var status = InquiryStatus.New;
        var from = inquiry.OpenedAt;
        foreach (var change in inquiry.StatusChanges)
        {
            total += Overlap(statuses, status, from, change.Timestamp, solvedAt);
            status = change.Status;
            from = change.Timestamp;
        }

        return total + Overlap(statuses, status, from, solvedAt, solvedAt);
    }

    /// <summary>The length of [from, min(to, end)) when <paramref name="status"/> is counted.</summary>
    private static TimeSpan Overlap(InquiryStatus[] statuses, InquiryStatus status, DateTimeOffset from, DateTimeOffset to, DateTimeOffset end)
    {
        var until = to < end ? to : end;
        return statuses.Contains(status) && until > from ? until - from : TimeSpan.Zero;
    }
}
