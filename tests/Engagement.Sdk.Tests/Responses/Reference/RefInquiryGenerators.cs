using Engagement.Sdk.Responses;
using Engagement.Sdk.Touchpoints;
using FsCheck;
using FsCheck.Fluent;

namespace Engagement.Sdk.Tests.Responses.Reference;

/// <summary>
/// Random valid, minute-aligned inquiries and business calendars for comparing the optimised Responses code with the
/// naive reference. Inquiries start near a weekend or a daylight-saving change (Amsterdam and New York), with ties,
/// internal notes, proactive messages, reopens and closes common. Inquiries shrink by dropping messages and status
/// changes.
/// </summary>
internal static class RefInquiryGenerators
{
    /// <summary>Where inquiries start (UTC): before a weekend, and before each 2026 DST change in Amsterdam and New York.</summary>
    public static IReadOnlyList<DateTimeOffset> Origins { get; } =
    [
        new(2026, 3, 5, 15, 0, 0, TimeSpan.Zero),   // Thursday; runs into the weekend
        new(2026, 3, 27, 20, 0, 0, TimeSpan.Zero),  // Friday before Amsterdam springs forward (Sunday 03-29)
        new(2026, 10, 24, 12, 0, 0, TimeSpan.Zero), // Saturday before Amsterdam falls back (Sunday 10-25)
        new(2026, 3, 7, 12, 0, 0, TimeSpan.Zero),   // Saturday before New York springs forward (Sunday 03-08)
        new(2026, 10, 31, 12, 0, 0, TimeSpan.Zero), // Saturday before New York falls back (Sunday 11-01)
    ];

    private static readonly Channel[] SomeChannels = [Channels.Email, Channels.Sms, Channels.Website];

    /// <summary>
    /// Inquiries of up to <paramref name="maxSteps"/> messages and status changes, each step 0 (a tie), a few, or up to
    /// <paramref name="maxGapMinutes"/> minutes after the one before.
    /// </summary>
    public static Arbitrary<Inquiry> Inquiries(int maxSteps = 12, int maxGapMinutes = 600) =>
        Arb.From(InquiryGen(maxSteps, maxGapMinutes), Shrink);

    /// <summary>Business calendars in Amsterdam, New York or UTC with a pattern of opening hours per weekday and sometimes a holiday.</summary>
    public static Arbitrary<NaiveCalendarSpec> Calendars() =>
        Arb.From(
            from zone in Gen.Elements("Europe/Amsterdam", "America/New_York", "UTC")
            from patterns in Gen.Choose(0, DayPatterns.Length - 1).ArrayOf(7)
            from holiday in Gen.Choose(-1, 40)
            select new NaiveCalendarSpec(
                zone,
                [.. Enum.GetValues<DayOfWeek>().SelectMany(day => DayPatterns[patterns[(int)day]].Select(h => (day, h.Start, h.End)))],
                holiday < 0 ? null : [DateOnly.FromDateTime(Origins[holiday % Origins.Count].UtcDateTime).AddDays(holiday / Origins.Count)]));

    /// <summary>Per-day patterns: closed, office hours, all day, a lunch break, the small hours DST moves, a late evening.</summary>
    private static readonly (TimeSpan Start, TimeSpan End)[][] DayPatterns =
    [
        [],
        [(TimeSpan.FromHours(9), TimeSpan.FromHours(17))],
        [(TimeSpan.Zero, TimeSpan.FromHours(24))],
        [(TimeSpan.FromHours(8), TimeSpan.FromHours(12)), (TimeSpan.FromHours(13), TimeSpan.FromHours(18))],
        [(TimeSpan.FromHours(1.5), TimeSpan.FromHours(3.5))],
        [(TimeSpan.FromHours(22), TimeSpan.FromHours(24))],
    ];

    private static Gen<Inquiry> InquiryGen(int maxSteps, int maxGapMinutes) =>
        from origin in Gen.Elements(Origins.ToArray())
        from startMinute in Gen.Choose(0, 24 * 60)
        from initiator in Gen.Elements(InquiryInitiator.Customer, InquiryInitiator.Customer, InquiryInitiator.Brand)
        from channel in Gen.Elements(SomeChannels)
        from priority in Gen.Elements(Enum.GetValues<InquiryPriority>())
        from count in Gen.Choose(0, maxSteps)
        from steps in (
            from gap in Gen.OneOf(Gen.Constant(0), Gen.Choose(1, 30), Gen.Choose(30, maxGapMinutes))
            from kind in Gen.Choose(0, 9)
            from status in Gen.Elements(Enum.GetValues<InquiryStatus>())
            select (Gap: gap, Kind: kind, Status: status)).ArrayOf(count)
        select Build(origin.AddMinutes(startMinute), initiator, channel, priority, steps);

    /// <summary>Folds the steps into a history the model accepts: a change that would repeat the status or close an unsolved inquiry is skipped, and nothing follows a close.</summary>
    private static Inquiry Build(DateTimeOffset openedAt, InquiryInitiator initiator, Channel channel, InquiryPriority priority, (int Gap, int Kind, InquiryStatus Status)[] steps)
    {
        var messages = new List<InquiryMessage>();
        var changes = new List<InquiryStatusChange>();
        var status = InquiryStatus.New;
        var time = openedAt;
        foreach (var (gap, kind, next) in steps)
        {
            if (status == InquiryStatus.Closed)
            {
                break;
            }

            time = time.AddMinutes(gap);
            switch (kind)
            {
                case <= 2:
                    messages.Add(InquiryMessage.FromCustomer(time));
                    break;
                case 3:
                    messages.Add(InquiryMessage.FromAgent(time));
                    break;
                case 4:
                    messages.Add(InquiryMessage.FromBot(time));
                    break;
                case 5:
                    messages.Add(new(time, MessageAuthor.Agent, ResponseType.Proactive));
                    break;
                case 6:
                    messages.Add(new(time, MessageAuthor.Agent, ResponseType.Manual, isPublic: false));
                    break;
                default:
                    if (next != status && (next != InquiryStatus.Closed || status == InquiryStatus.Solved))
                    {
                        changes.Add(new(time, next));
                        status = next;
                    }

                    break;
            }
        }

        return new Inquiry("i", "c", channel, priority, openedAt, messages, changes, initiator);
    }

    private static IEnumerable<Inquiry> Shrink(Inquiry inquiry)
    {
        for (var i = 0; i < inquiry.Messages.Count; i++)
        {
            yield return With(inquiry, [.. inquiry.Messages.Where((_, j) => j != i)], inquiry.StatusChanges);
        }

        for (var i = 0; i < inquiry.StatusChanges.Count; i++)
        {
            if (TryWith(inquiry, inquiry.Messages, [.. inquiry.StatusChanges.Where((_, j) => j != i)]) is { } fewer)
            {
                yield return fewer;
            }
        }
    }

    private static Inquiry With(Inquiry inquiry, IReadOnlyList<InquiryMessage> messages, IReadOnlyList<InquiryStatusChange> changes) =>
        new(inquiry.Id, inquiry.CustomerId, inquiry.Channel, inquiry.Priority, inquiry.OpenedAt, messages, changes, inquiry.Initiator);

    /// <summary>Dropping a change can make the next one repeat a status or close an unsolved inquiry: such a candidate is skipped.</summary>
    private static Inquiry? TryWith(Inquiry inquiry, IReadOnlyList<InquiryMessage> messages, IReadOnlyList<InquiryStatusChange> changes)
    {
        try
        {
            return With(inquiry, messages, changes);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
