using System.Globalization;

namespace Engagement.Sdk.Responses;

/// <summary>
/// The response-time measurements of one inquiry, in calendar and in business time: first response time, each next
/// response time, full resolution time, and requester, agent and on-hold wait times. A figure the inquiry has no value
/// for is <see langword="null"/> (or, for next response times, absent), never zero.
/// </summary>
/// <remarks>
/// <para>Definitions (Zendesk's ticket metrics as dbt_zendesk recomputes them). A response is a public message by an
/// agent or a bot; internal notes never are.</para>
/// <list type="bullet">
/// <item><see cref="FirstResponse"/>: opened → the first response; only for inquiries the customer started; none
/// while there is no response.</item>
/// <item><see cref="NextResponses"/>: each reply cycle after the first response, from the earliest customer message
/// following the latest response (the oldest unanswered one) to the next response. A proactive inquiry's cycles start
/// at any customer message. A cycle still open gives no value; <see cref="UnansweredSince"/> says when it began.</item>
/// <item><see cref="FullResolution"/>: opened → the latest change to Solved, for inquiries now Solved or Closed.</item>
/// <item><see cref="RequesterWait"/>, <see cref="AgentWait"/>, <see cref="OnHold"/>: the time in New, Open and OnHold;
/// in Pending; in OnHold; each summed from the opening up to the latest solve, and only for inquiries now solved. Time
/// in Solved before a reopen counts in none of them.</item>
/// </list>
/// <para>Business time is measured by the calendar given to <see cref="Measure"/> part by part, which equals measuring
/// the whole because business durations add up. Immutable and thread-safe.</para>
/// </remarks>
public sealed class InquiryTimes
{
    private InquiryTimes(InquiryTimeline timeline)
    {
        FirstResponse = timeline.FirstResponse;
        FirstResponseType = timeline.FirstResponseType;
        NextResponses = timeline.Cycles.ToArray();
        UnansweredSince = timeline.UnansweredSince;
        FullResolution = timeline.FullResolution;
        RequesterWait = timeline.RequesterWait;
        AgentWait = timeline.AgentWait;
        OnHold = timeline.OnHold;
    }

    /// <summary>Gets the first response time, or <see langword="null"/> for a proactive inquiry or one not yet answered.</summary>
    public InquiryDuration? FirstResponse { get; }

    /// <summary>Gets the type of the inquiry's first response (proactive inquiries included), or <see langword="null"/>
    /// without a response. The inquiry-level durations are broken down by it.</summary>
    public ResponseType? FirstResponseType { get; }

    /// <summary>Gets the answered reply cycles, whose durations are the next response times, in time order.</summary>
    public IReadOnlyList<ReplyCycle> NextResponses { get; }

    /// <summary>Gets when the open reply cycle began (its oldest unanswered customer message), or <see langword="null"/>
    /// when no cycle is open.</summary>
    public DateTimeOffset? UnansweredSince { get; }

    /// <summary>Gets the full resolution time, or <see langword="null"/> when the inquiry is not solved now.</summary>
    public InquiryDuration? FullResolution { get; }

    /// <summary>Gets the requester wait time (New, Open and OnHold), or <see langword="null"/> when not solved now.</summary>
    public InquiryDuration? RequesterWait { get; }

    /// <summary>Gets the agent wait time (Pending), or <see langword="null"/> when not solved now.</summary>
    public InquiryDuration? AgentWait { get; }

    /// <summary>Gets the on-hold time (OnHold), or <see langword="null"/> when not solved now.</summary>
    public InquiryDuration? OnHold { get; }

    /// <summary>Measures one inquiry.</summary>
    /// <param name="inquiry">The inquiry.</param>
    /// <param name="calendar">The calendar business time is measured on; a 24/7 calendar makes business time equal
    /// calendar time.</param>
    /// <returns>The measurements.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static InquiryTimes Measure(Inquiry inquiry, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(inquiry);
        ArgumentNullException.ThrowIfNull(calendar);
        var timeline = new InquiryTimeline();
        timeline.Measure(inquiry, calendar);
        return new InquiryTimes(timeline);
    }

    /// <summary>Returns the measurements as <c>first response calendar 01:00:00, business 01:00:00; 2 next responses;
    /// resolution: no value</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"first response {FirstResponse?.ToString() ?? "no value"}; {NextResponses.Count} next responses; resolution {FullResolution?.ToString() ?? "no value"}");
}
