namespace Engagement.Sdk.Responses;

/// <summary>
/// The walk over one inquiry's timeline that every response-time figure comes from, into reusable storage so that an
/// accumulator measures inquiry after inquiry without allocating. <see cref="InquiryTimes"/> copies it into an
/// immutable public value. Internal and mutable: not thread-safe.
/// </summary>
internal sealed class InquiryTimeline
{
    private readonly List<ReplyCycle> _cycles = [];

    /// <summary>The first response time, or <see langword="null"/> (proactive inquiry, or no response yet).</summary>
    public InquiryDuration? FirstResponse { get; private set; }

    /// <summary>The type of the inquiry's first response, proactive inquiries included; <see langword="null"/> without one.</summary>
    public ResponseType? FirstResponseType { get; private set; }

    /// <summary>The answered reply cycles, in time order.</summary>
    public List<ReplyCycle> Cycles => _cycles;

    /// <summary>The oldest customer message of an open reply cycle, or <see langword="null"/>.</summary>
    public DateTimeOffset? UnansweredSince { get; private set; }

    /// <summary>Opened → latest solve, or <see langword="null"/> when the inquiry is not solved now.</summary>
    public InquiryDuration? FullResolution { get; private set; }

    /// <summary>Time in New, Open and OnHold up to the latest solve, or <see langword="null"/>.</summary>
    public InquiryDuration? RequesterWait { get; private set; }

    /// <summary>Time in Pending up to the latest solve, or <see langword="null"/>.</summary>
    public InquiryDuration? AgentWait { get; private set; }

    /// <summary>Time in OnHold up to the latest solve, or <see langword="null"/>.</summary>
    public InquiryDuration? OnHold { get; private set; }

    /// <summary>Measures an inquiry, replacing what was measured before.</summary>
    public void Measure(Inquiry inquiry, BusinessCalendar calendar)
    {
        MeasureResponses(inquiry, calendar);
        MeasureStatuses(inquiry, calendar);
    }

    private void MeasureResponses(Inquiry inquiry, BusinessCalendar calendar)
    {
        _cycles.Clear();
        var first = inquiry.FirstResponse;
        FirstResponseType = first?.ResponseType;
        FirstResponse = first is not null && inquiry.Initiator == InquiryInitiator.Customer
            ? InquiryDuration.Between(inquiry.OpenedAt, first.Timestamp, calendar)
            : null;

        // The cycles are the ones the SLA next-reply target measures: one walker defines them for both.
        var walker = new ReplyCycleWalker(inquiry);
        while (walker.MoveNext())
        {
            var response = walker.Response!;
            _cycles.Add(new ReplyCycle(walker.Start, response.Timestamp, response.ResponseType!.Value, InquiryDuration.Between(walker.Start, response.Timestamp, calendar)));
        }

        UnansweredSince = walker.UnansweredSince;
    }

    private void MeasureStatuses(Inquiry inquiry, BusinessCalendar calendar)
    {
        FullResolution = RequesterWait = AgentWait = OnHold = null;
        if (inquiry.SolvedAt is not { } solvedAt)
        {
            return;
        }

        FullResolution = InquiryDuration.Between(inquiry.OpenedAt, solvedAt, calendar);
        var changes = inquiry.StatusChanges;
        var lastSolve = changes.Count - 1;
        while (changes[lastSolve].Status != InquiryStatus.Solved)
        {
            lastSolve--;
        }

        // Each status holds from its change to the next one; only the part before the latest solve counts, and the time
        // in Solved before a reopen belongs to none of the three.
        InquiryDuration requester = default, agent = default, onHold = default;
        var status = InquiryStatus.New;
        var from = inquiry.OpenedAt;
        for (var i = 0; i <= lastSolve; i++)
        {
            var to = changes[i].Timestamp;
            if (status != InquiryStatus.Solved && to > from)
            {
                var part = InquiryDuration.Between(from, to, calendar);
                switch (status)
                {
                    case InquiryStatus.Pending:
                        agent = agent.Plus(part);
                        break;
                    case InquiryStatus.OnHold:
                        onHold = onHold.Plus(part);
                        requester = requester.Plus(part);
                        break;
                    default:
                        requester = requester.Plus(part);
                        break;
                }
            }

            status = changes[i].Status;
            from = to;
        }

        RequesterWait = requester;
        AgentWait = agent;
        OnHold = onHold;
    }
}
