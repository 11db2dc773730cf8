using System.Globalization;

namespace Engagement.Sdk.Responses;

/// <summary>
/// One inquiry against one target, without allocating: the rules of docs/responses.md (SLA) in one place, shared by
/// <see cref="SlaPolicy.Evaluate"/> and <see cref="SlaAccumulator"/>.
/// </summary>
/// <remarks>
/// A target is open while its clock runs; it is breached once more than the target has elapsed in its basis, so in
/// business time a due time that falls at closing is not breached until business time passes beyond it, and a reply at
/// that instant would be achieved (a time equal to the target is achieved). An open target's time left is the target
/// minus the time elapsed, which equals the due time minus the evaluation instant in the target's basis.
/// </remarks>
internal static class SlaKernel
{
    /// <summary>Throws unless nothing in the inquiry is after <paramref name="asOf"/>: the evaluation judges the inquiry as
    /// known at that instant. The exception names and echoes the argument at fault: the evaluation instant (with
    /// <paramref name="inquiryAtFault"/> false, when the caller chose it) or the inquiry (echoing its latest event, when
    /// the instant is the accumulator's definition's).</summary>
    public static void RequireKnownAt(Inquiry inquiry, DateTimeOffset asOf, string paramName, bool inquiryAtFault)
    {
        var latest = inquiry.LastEventAt;
        if (asOf < latest)
        {
            throw new ArgumentOutOfRangeException(
                paramName, inquiryAtFault ? latest : asOf,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"The inquiry '{Validation.Echo(inquiry.Id)}' is evaluated as known at {asOf:O}, but it holds something at {latest:O}, later; evaluate it at or after its latest event."));
        }
    }

    /// <summary>Evaluates one target; <see langword="false"/> when the target does not apply to the inquiry at all (the
    /// first reply of an inquiry the brand started).</summary>
    public static bool TryEvaluate(Inquiry inquiry, SlaTarget target, BusinessCalendar calendar, DateTimeOffset asOf, out SlaOutcome outcome)
    {
        var limit = target.Target.Ticks;
        var basis = target.Basis;
        switch (target.Metric)
        {
            case SlaMetric.FirstReply:
                if (inquiry.Initiator == InquiryInitiator.Brand)
                {
                    outcome = default;
                    return false;
                }

                if (inquiry.FirstResponse is { } first)
                {
                    outcome = SlaOutcome.Measured(Elapsed(calendar, inquiry.OpenedAt, first.Timestamp, basis).Ticks, limit);
                }
                else
                {
                    outcome = inquiry.IsSolved ? SlaOutcome.NotApplicable : Open(calendar, inquiry.OpenedAt, asOf, basis, limit);
                }

                return true;

            case SlaMetric.NextReply:
                outcome = NextReply(inquiry, calendar, asOf, basis, limit);
                return true;

            case SlaMetric.PeriodicUpdate:
                outcome = PeriodicUpdate(inquiry, calendar, asOf, basis, limit);
                return true;

            default:
                outcome = inquiry.SolvedAt is { } solvedAt
                    ? SlaOutcome.Measured(Elapsed(calendar, inquiry.OpenedAt, solvedAt, basis).Ticks, limit)
                    : Open(calendar, inquiry.OpenedAt, asOf, basis, limit);
                return true;
        }
    }

    // Reply cycles, as the response-time metrics define them (ReplyCycleWalker). A completed cycle over the target
    // breaches for good; else an open cycle runs the clock; else the completed cycles, all within target, achieve it. A
    // solved inquiry's open cycle no longer counts.
    private static SlaOutcome NextReply(Inquiry inquiry, BusinessCalendar calendar, DateTimeOffset asOf, TimeBasis basis, long limit)
    {
        var longest = -1L;
        var walker = new ReplyCycleWalker(inquiry);
        while (walker.MoveNext())
        {
            longest = Math.Max(longest, Elapsed(calendar, walker.Start, walker.Response!.Timestamp, basis).Ticks);
        }

        if (longest > limit)
        {
            return SlaOutcome.Measured(longest, limit);
        }

        if (walker.UnansweredSince is { } pendingSince && !inquiry.IsSolved)
        {
            return Open(calendar, pendingSince, asOf, basis, limit);
        }

        return longest >= 0 ? SlaOutcome.Measured(longest, limit) : SlaOutcome.NotApplicable;
    }

    // Intervals from the first response: between consecutive responses up to the end (the latest solve, or the
    // evaluation instant while unsolved), then from the latest of them to the end. Responses after the latest solve do not
    // count. While unsolved the last interval is open, unless a completed one already breached.
    private static SlaOutcome PeriodicUpdate(Inquiry inquiry, BusinessCalendar calendar, DateTimeOffset asOf, TimeBasis basis, long limit)
    {
        var solvedAt = inquiry.SolvedAt;
        var end = solvedAt ?? asOf;
        var hasLast = false;
        var last = default(DateTimeOffset);
        var longest = -1L;
        var messages = inquiry.Messages;
        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            if (!message.IsPublicResponse)
            {
                continue;
            }

            if (message.Timestamp > end)
            {
                break;
            }

            if (hasLast)
            {
                longest = Math.Max(longest, Elapsed(calendar, last, message.Timestamp, basis).Ticks);
            }

            hasLast = true;
            last = message.Timestamp;
        }

        if (!hasLast)
        {
            return SlaOutcome.NotApplicable;
        }

        if (longest > limit || solvedAt is null)
        {
            return longest > limit ? SlaOutcome.Measured(longest, limit) : Open(calendar, last, asOf, basis, limit);
        }

        return SlaOutcome.Measured(Math.Max(longest, Elapsed(calendar, last, end, basis).Ticks), limit);
    }

    /// <summary>The time from one instant to a later one in a basis: <see cref="BusinessCalendar.Duration"/> without its
    /// argument checks, which the hot loop does not need (the basis is a target's, the instants in order).</summary>
    public static TimeSpan Elapsed(BusinessCalendar calendar, DateTimeOffset from, DateTimeOffset to, TimeBasis basis) =>
        basis == TimeBasis.Business ? calendar.BusinessDuration(from, to) : to - from;

    /// <summary>The due time: the instant by which a target's time has elapsed after a start, in its basis.</summary>
    /// <summary>The due time of an open target; past the end of the range of instants, an exception that names the
    /// inquiry (the calendar's own would name its parameter).</summary>
    public static DateTimeOffset DueOf(Inquiry inquiry, in SlaOutcome outcome, SlaTarget target, BusinessCalendar calendar)
    {
        try
        {
            return outcome.DueAt(target, calendar);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new ArgumentOutOfRangeException(
                nameof(inquiry),
                inquiry.Id,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"The {target.Metric} target of inquiry '{Validation.Echo(inquiry.Id)}' ({target.Target} {target.Basis} after {outcome.Start:O}) would be due after the last representable instant. {e.Message}"));
        }
    }

    public static DateTimeOffset Due(BusinessCalendar calendar, DateTimeOffset start, SlaTarget target) =>
        calendar.Add(start, target.Target, target.Basis);

    private static SlaOutcome Open(BusinessCalendar calendar, DateTimeOffset start, DateTimeOffset asOf, TimeBasis basis, long limit) =>
        SlaOutcome.Open(start, Elapsed(calendar, start, asOf, basis).Ticks, limit);
}

/// <summary>An evaluation as numbers: what <see cref="SlaEvaluation"/> holds, in ticks, with the start of an open target's
/// clock so that its due time is computed only when wanted.</summary>
internal readonly struct SlaOutcome
{
    private SlaOutcome(SlaStatus status, long measuredTicks, long timeLeftTicks, long breachTicks, DateTimeOffset start)
    {
        Status = status;
        MeasuredTicks = measuredTicks;
        TimeLeftTicks = timeLeftTicks;
        BreachTicks = breachTicks;
        Start = start;
    }

    public static SlaOutcome NotApplicable => new(SlaStatus.NotApplicable, 0, 0, 0, default);

    public SlaStatus Status { get; }

    /// <summary>The measured time of an achieved or breached target.</summary>
    public long MeasuredTicks { get; }

    /// <summary>The time left of an open target: the target minus the time elapsed.</summary>
    public long TimeLeftTicks { get; }

    /// <summary>How late a breached or open-breached target is; else 0.</summary>
    public long BreachTicks { get; }

    /// <summary>Where an open target's clock started.</summary>
    public DateTimeOffset Start { get; }

    public bool IsOpen => Status is SlaStatus.OpenBreached or SlaStatus.OpenWithinTarget;

    public static SlaOutcome Measured(long measuredTicks, long limit) =>
        measuredTicks <= limit
            ? new(SlaStatus.Achieved, measuredTicks, 0, 0, default)
            : new(SlaStatus.Breached, measuredTicks, 0, measuredTicks - limit, default);

    public static SlaOutcome Open(DateTimeOffset start, long elapsedTicks, long limit) =>
        elapsedTicks > limit
            ? new(SlaStatus.OpenBreached, 0, limit - elapsedTicks, elapsedTicks - limit, start)
            : new(SlaStatus.OpenWithinTarget, 0, limit - elapsedTicks, 0, start);

    public DateTimeOffset DueAt(SlaTarget target, BusinessCalendar calendar) => SlaKernel.Due(calendar, Start, target);

    public SlaEvaluation ToEvaluation(Inquiry inquiry, SlaTarget target, BusinessCalendar calendar)
    {
        var measured = Status is SlaStatus.Achieved or SlaStatus.Breached ? new TimeSpan(MeasuredTicks) : (TimeSpan?)null;
        var open = IsOpen;
        var late = Status is SlaStatus.Breached or SlaStatus.OpenBreached;
        return new SlaEvaluation(
            inquiry.Id,
            inquiry.CustomerId,
            inquiry.Channel,
            inquiry.Priority,
            target,
            Status,
            measured,
            open ? SlaKernel.DueOf(inquiry, this, target, calendar) : null,
            open ? new TimeSpan(TimeLeftTicks) : null,
            late ? new TimeSpan(BreachTicks) : null);
    }
}
