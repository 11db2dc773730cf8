namespace Engagement.Sdk.Responses;

/// <summary>
/// The reply cycles of one inquiry, walked in time order without allocating: the one definition that the response-time
/// metrics (<see cref="InquiryTimeline"/>) and the SLA next-reply target (<see cref="SlaKernel"/>) share. A cycle starts
/// at the earliest customer message after the latest public response — for an inquiry the customer started only once
/// there is a first response, whose time covers the messages before it; for one the brand started at any customer
/// message — and ends at the next public response. Internal and mutable: use it as a local.
/// </summary>
internal struct ReplyCycleWalker
{
    private readonly IReadOnlyList<InquiryMessage> _messages;
    private int _next;
    private bool _cyclesOpen;
    private DateTimeOffset? _unanswered;

    public ReplyCycleWalker(Inquiry inquiry)
    {
        _messages = inquiry.Messages;
        _cyclesOpen = inquiry.Initiator == InquiryInitiator.Brand;
    }

    /// <summary>The start of the cycle <see cref="MoveNext"/> moved to: its earliest customer message.</summary>
    public DateTimeOffset Start { get; private set; }

    /// <summary>The response that ended the cycle <see cref="MoveNext"/> moved to.</summary>
    public InquiryMessage? Response { get; private set; }

    /// <summary>Once <see cref="MoveNext"/> has returned <see langword="false"/>: the earliest customer message of the
    /// cycle still unanswered, or <see langword="null"/>.</summary>
    public readonly DateTimeOffset? UnansweredSince => _unanswered;

    /// <summary>Moves to the next answered cycle; <see langword="false"/> when there is none left.</summary>
    public bool MoveNext()
    {
        while (_next < _messages.Count)
        {
            var message = _messages[_next++];
            if (message.IsPublicResponse)
            {
                _cyclesOpen = true;
                if (_unanswered is { } since)
                {
                    _unanswered = null;
                    Start = since;
                    Response = message;
                    return true;
                }
            }
            else if (message.Author == MessageAuthor.Customer && _cyclesOpen && _unanswered is null)
            {
                _unanswered = message.Timestamp;
            }
        }

        return false;
    }
}
