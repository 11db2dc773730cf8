using Engagement.Sdk.Responses;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.Tests.Responses.Reference;

/// <summary>The four SLA targets of the DEFINITIONS (Zendesk SLA policies).</summary>
internal enum NaiveSlaMetric
{
    FirstReply,
    NextReply,
    PeriodicUpdate,
    Resolution,
}

/// <summary>Where one inquiry stands against one target at asOf.</summary>
internal enum NaiveSlaStatus
{
    Achieved,
    Breached,
    OpenBreached,
    OpenWithinTarget,
    NotApplicable,
}

/// <summary>One target: which metric, how long, in which basis.</summary>
internal sealed record NaiveSlaTarget(NaiveSlaMetric Metric, TimeSpan Target, TimeBasis Basis);

/// <summary>A rule of a policy: matches a channel (null = any) and a priority (null = any).</summary>
internal sealed record NaiveSlaRule(Channel? Channel, InquiryPriority? Priority, IReadOnlyList<NaiveSlaTarget> Targets);

/// <summary>
/// The outcome of one target for one inquiry. <see cref="Measured"/> is set when the value was measured (Achieved,
/// Breached); <see cref="Due"/> and <see cref="TimeLeft"/> when the target is open; <see cref="Breach"/> when
/// Breached or OpenBreached (in the target's basis; it can be zero for OpenBreached in business time, see
/// <see cref="NaiveSla"/>).
/// </summary>
internal sealed record NaiveSlaOutcome(NaiveSlaStatus Status, TimeSpan? Measured, TimeSpan? Breach, DateTimeOffset? Due, TimeSpan? TimeLeft);

/// <summary>
/// SLA status per inquiry and target, in plain loops from the lead's DEFINITIONS. Durations in business basis are
/// counted with <see cref="NaiveCalendar.BusinessMinutes"/> and due times found with
/// <see cref="NaiveCalendar.AddBusinessMinutes"/>, so in that basis the inquiry, asOf and the target must be whole
/// minutes.
/// </summary>
/// <remarks>
/// <para>Definitions followed: "Achieved (measured value ≤ target), Breached (measured value &gt; target), OpenBreached
/// (not yet measured and asOf is past the due time), OpenWithinTarget (not yet measured, due time not reached). Breach =
/// measured − target (or asOf − due, in the target's basis) when positive; time left = due − asOf (in the target's
/// basis, may be negative for OpenBreached); due time = calendar.Add(start, target, basis). An inquiry already solved
/// no longer has an open FirstReply/NextReply/PeriodicUpdate target."</para>
/// <para>Choices where the text leaves room (reported to the lead):</para>
/// <list type="bullet">
/// <item>asOf must not be before any event of the inquiry: the inquiry is taken as known at asOf.</item>
/// <item>"Past the due time" means more than the target has elapsed in its basis (the lead's decision, so that an open
/// target is breached exactly when a reply at asOf would be): asOf = due is OpenWithinTarget with zero time left, and
/// so is a business-time asOf past due with no open minute between them (due Friday 17:00, asOf Saturday).</item>
/// <item>FirstReply of a proactive inquiry (Initiator Brand) is NotApplicable; so is an unanswered one now solved.</item>
/// <item>NextReply: Breached when any answered cycle exceeded the target (Measured and Breach from the longest cycle);
/// else an open cycle of an unsolved inquiry makes it OpenBreached/OpenWithinTarget (due from the cycle's start);
/// else Achieved when some cycle was answered (Measured = the longest); else NotApplicable (no cycle yet, or only an
/// open one in a solved inquiry).</item>
/// <item>PeriodicUpdate: NotApplicable without a response at or before the end (SolvedAt when now solved, else asOf).
/// Intervals between consecutive responses up to the end; Breached when any exceeded the target (the longest). A
/// solved inquiry then measures its last response → SolvedAt too (Achieved/Breached on the longest of all); an
/// unsolved one is open from its latest response.</item>
/// <item>Resolution: measured when now solved (OpenedAt → SolvedAt); otherwise open from OpenedAt.</item>
/// </list>
/// </remarks>
internal static class NaiveSla
{
    /// <summary>The targets of the first rule matching the inquiry's channel and priority, or null when none matches.</summary>
    public static IReadOnlyList<NaiveSlaTarget>? Match(IReadOnlyList<NaiveSlaRule> rules, Inquiry inquiry)
    {
        foreach (var rule in rules)
        {
            var channelMatches = rule.Channel is null || rule.Channel.Value == inquiry.Channel;
            var priorityMatches = rule.Priority is null || rule.Priority.Value == inquiry.Priority;
            if (channelMatches && priorityMatches)
            {
                return rule.Targets;
            }
        }

        return null;
    }

    /// <summary>Where <paramref name="inquiry"/> stands against <paramref name="target"/> at <paramref name="asOf"/>.</summary>
    public static NaiveSlaOutcome Evaluate(Inquiry inquiry, NaiveCalendarSpec calendar, NaiveSlaTarget target, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(inquiry);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(target);
        if (target.Target < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(target), target, "A target is not negative.");
        }

        RequireKnownAt(inquiry, asOf);
        if (target.Basis == TimeBasis.Business)
        {
            NaiveInquiryMetrics.RequireAligned(inquiry, calendar);
            NaiveCalendar.RequireMinuteAligned(asOf, nameof(asOf));
            if (target.Target.Ticks % TimeSpan.TicksPerMinute != 0)
            {
                throw new ArgumentException("A business-time target is whole minutes in the reference.", nameof(target));
            }
        }

        return target.Metric switch
        {
            NaiveSlaMetric.FirstReply => FirstReply(inquiry, calendar, target, asOf),
            NaiveSlaMetric.NextReply => NextReply(inquiry, calendar, target, asOf),
            NaiveSlaMetric.PeriodicUpdate => PeriodicUpdate(inquiry, calendar, target, asOf),
            NaiveSlaMetric.Resolution => Resolution(inquiry, calendar, target, asOf),
            _ => throw new ArgumentOutOfRangeException(nameof(target), target, "Unknown metric."),
        };
    }

    /// <summary>Compliance rate = Achieved / (Achieved + Breached + OpenBreached), as (numerator, denominator).</summary>
    public static (long Numerator, long Denominator) Compliance(IEnumerable<NaiveSlaOutcome> outcomes) =>
        NaiveCount.Ratio(
            outcomes,
            o => o.Status is NaiveSlaStatus.Achieved or NaiveSlaStatus.Breached or NaiveSlaStatus.OpenBreached,
            o => o.Status == NaiveSlaStatus.Achieved);

    /// <summary>to − from in the target's basis.</summary>
    public static TimeSpan Measure(NaiveCalendarSpec calendar, TimeBasis basis, DateTimeOffset from, DateTimeOffset to) =>
        basis == TimeBasis.Calendar ? to - from : NaiveCalendar.BusinessDuration(calendar, from, to);

    /// <summary>The due time: start + target in the target's basis.</summary>
    public static DateTimeOffset Due(NaiveCalendarSpec calendar, NaiveSlaTarget target, DateTimeOffset start) =>
        target.Basis == TimeBasis.Calendar
            ? start + target.Target
            : NaiveCalendar.AddBusinessMinutes(calendar, start, target.Target.Ticks / TimeSpan.TicksPerMinute);

    private static NaiveSlaOutcome FirstReply(Inquiry inquiry, NaiveCalendarSpec calendar, NaiveSlaTarget target, DateTimeOffset asOf)
    {
        if (inquiry.Initiator != InquiryInitiator.Customer)
        {
            return NotApplicable();
        }

        if (NaiveInquiryMetrics.FirstResponseMessage(inquiry) is { } first)
        {
            return Measured(target, Measure(calendar, target.Basis, inquiry.OpenedAt, first.Timestamp));
        }

        return NaiveInquiryMetrics.IsNowSolved(inquiry) ? NotApplicable() : Open(calendar, target, inquiry.OpenedAt, asOf);
    }

    private static NaiveSlaOutcome NextReply(Inquiry inquiry, NaiveCalendarSpec calendar, NaiveSlaTarget target, DateTimeOffset asOf)
    {
        TimeSpan? longest = null;
        DateTimeOffset? openStart = null;
        foreach (var cycle in NaiveInquiryMetrics.Cycles(inquiry))
        {
            if (cycle.Response is { } response)
            {
                var value = Measure(calendar, target.Basis, cycle.Start, response.Timestamp);
                if (longest is null || value > longest)
                {
                    longest = value;
                }
            }
            else
            {
                openStart = cycle.Start;
            }
        }

        if (longest is { } worst && worst > target.Target)
        {
            return Measured(target, worst);
        }

        if (openStart is { } start && !NaiveInquiryMetrics.IsNowSolved(inquiry))
        {
            return Open(calendar, target, start, asOf);
        }

        return longest is { } met ? Measured(target, met) : NotApplicable();
    }

    private static NaiveSlaOutcome PeriodicUpdate(Inquiry inquiry, NaiveCalendarSpec calendar, NaiveSlaTarget target, DateTimeOffset asOf)
    {
        var solvedAt = NaiveInquiryMetrics.SolvedAt(inquiry);
        var end = solvedAt ?? asOf;
        DateTimeOffset? latest = null;
        TimeSpan? longest = null;
        foreach (var response in NaiveInquiryMetrics.Responses(inquiry))
        {
            if (response.Timestamp > end)
            {
                break;
            }

            if (latest is { } previous)
            {
                var value = Measure(calendar, target.Basis, previous, response.Timestamp);
                if (longest is null || value > longest)
                {
                    longest = value;
                }
            }

            latest = response.Timestamp;
        }

        if (latest is not { } last)
        {
            return NotApplicable();
        }

        if (longest is { } worst && worst > target.Target)
        {
            return Measured(target, worst);
        }

        if (solvedAt is null)
        {
            return Open(calendar, target, last, asOf);
        }

        var final = Measure(calendar, target.Basis, last, end);
        return Measured(target, longest is { } before && before > final ? before : final);
    }

    private static NaiveSlaOutcome Resolution(Inquiry inquiry, NaiveCalendarSpec calendar, NaiveSlaTarget target, DateTimeOffset asOf) =>
        NaiveInquiryMetrics.SolvedAt(inquiry) is { } solvedAt
            ? Measured(target, Measure(calendar, target.Basis, inquiry.OpenedAt, solvedAt))
            : Open(calendar, target, inquiry.OpenedAt, asOf);

    private static NaiveSlaOutcome NotApplicable() => new(NaiveSlaStatus.NotApplicable, null, null, null, null);

    private static NaiveSlaOutcome Measured(NaiveSlaTarget target, TimeSpan measured) =>
        measured <= target.Target
            ? new(NaiveSlaStatus.Achieved, measured, null, null, null)
            : new(NaiveSlaStatus.Breached, measured, measured - target.Target, null, null);

    private static NaiveSlaOutcome Open(NaiveCalendarSpec calendar, NaiveSlaTarget target, DateTimeOffset start, DateTimeOffset asOf)
    {
        // Breached once more than the target has elapsed in its basis: the time past due, measured in that basis, is
        // positive. (A business-time target due Friday 17:00 is not yet breached on Saturday: a reply then would still
        // measure exactly the target, which is achieved.)
        var due = Due(calendar, target, start);
        if (asOf > due && Measure(calendar, target.Basis, due, asOf) is var late && late > TimeSpan.Zero)
        {
            return new(NaiveSlaStatus.OpenBreached, null, late, due, -late);
        }

        return new(NaiveSlaStatus.OpenWithinTarget, null, null, due, asOf > due ? TimeSpan.Zero : Measure(calendar, target.Basis, asOf, due));
    }

    private static void RequireKnownAt(Inquiry inquiry, DateTimeOffset asOf)
    {
        var last = inquiry.OpenedAt;
        foreach (var message in inquiry.Messages)
        {
            last = message.Timestamp > last ? message.Timestamp : last;
        }

        foreach (var change in inquiry.StatusChanges)
        {
            last = change.Timestamp > last ? change.Timestamp : last;
        }

        if (asOf < last)
        {
            throw new ArgumentOutOfRangeException(nameof(asOf), asOf, "The reference evaluates an inquiry only once all its events have happened.");
        }
    }
}
