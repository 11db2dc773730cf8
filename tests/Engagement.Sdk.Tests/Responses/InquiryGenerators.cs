using Engagement.Sdk.Responses;
using Engagement.Sdk.Touchpoints;
using FsCheck;
using FsCheck.Fluent;

namespace Engagement.Sdk.Tests.Responses;

/// <summary>
/// Valid inquiries for FsCheck properties, with a shrinker. Every inquiry opens within two weeks from Monday
/// 2026-03-23 00:00 UTC (so Europe/Amsterdam's spring-forward on Sunday 2026-03-29 and both weekends fall inside), on
/// whole minutes (so sums of seconds are exact), and then takes 0–14 steps, each a gap of 0 minutes (ties), up to two
/// hours, or up to two days, followed by a customer message, a public agent reply (Manual), a bot reply (Automated), a
/// proactive agent message, an internal note, or a status change. Status changes keep the model's rules: never to the
/// current status, Closed only straight after Solved, nothing after Closed. Both initiators, four channels (one spelled
/// <c>EMAIL</c> so that channel names meet in two spellings) and all four priorities occur.
/// </summary>
/// <remarks>The shrinker removes one message or one status change at a time (keeping only valid inquiries), so a
/// failing case shrinks to the few events that matter.</remarks>
public static class InquiryGenerators
{
    /// <summary>The earliest opening: Monday 2026-03-23 00:00 UTC.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 23, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A channel spelled differently from <see cref="Channels.Email"/> but equal ignoring case.</summary>
    public static readonly Channel ShoutedEmail = new("EMAIL", MediaType.Owned, ChannelKind.Email);

    private const int Customer = 0, AgentReply = 1, BotReply = 2, ProactiveMessage = 3, InternalNote = 4, StatusChange = 5;

    /// <summary>Gets a generator of valid inquiries.</summary>
    public static Gen<Inquiry> Inquiry { get; } =
        from id in Gen.Choose(1, 999_999)
        from channel in Gen.Elements(Channels.Email, ShoutedEmail, Channels.LiveChat, Channels.Phone)
        from priority in Gen.Elements(InquiryPriority.Low, InquiryPriority.Normal, InquiryPriority.High, InquiryPriority.Urgent)
        from initiator in Gen.Frequency((3, Gen.Constant(InquiryInitiator.Customer)), (1, Gen.Constant(InquiryInitiator.Brand)))
        from openedMinute in Gen.Choose(0, 14 * 24 * 60)
        from steps in Gen.Choose(0, 14).SelectMany(count => Step.ArrayOf(count))
        select Build(id, channel, priority, initiator, Start.AddMinutes(openedMinute), steps);

    /// <summary>Gets valid inquiries that shrink by dropping messages and status changes.</summary>
    public static Arbitrary<Inquiry> Arbitrary { get; } = Arb.From(Inquiry, Shrink);

    /// <summary>Gets arrays of 0–30 valid inquiries that shrink by dropping inquiries, then by shrinking one.</summary>
    public static Arbitrary<Inquiry[]> Inquiries { get; } =
        Arb.From(Gen.Choose(0, 30).SelectMany(length => Inquiry.ArrayOf(length)), ShrinkAll);

    private static Gen<(int Gap, int Kind, InquiryStatus Status)> Step { get; } =
        from gap in Gen.Frequency((2, Gen.Constant(0)), (10, Gen.Choose(1, 120)), (4, Gen.Choose(121, 2 * 24 * 60)))
        from kind in Gen.Frequency(
            (4, Gen.Constant(Customer)),
            (3, Gen.Constant(AgentReply)),
            (2, Gen.Constant(BotReply)),
            (1, Gen.Constant(ProactiveMessage)),
            (1, Gen.Constant(InternalNote)),
            (5, Gen.Constant(StatusChange)))
        from status in Gen.Frequency(
            (1, Gen.Constant(InquiryStatus.New)),
            (3, Gen.Constant(InquiryStatus.Open)),
            (3, Gen.Constant(InquiryStatus.Pending)),
            (2, Gen.Constant(InquiryStatus.OnHold)),
            (3, Gen.Constant(InquiryStatus.Solved)),
            (1, Gen.Constant(InquiryStatus.Closed)))
        select (gap, kind, status);

    /// <summary>The inquiries one removed message or status change away, valid ones only.</summary>
    /// <param name="inquiry">The inquiry to shrink.</param>
    /// <returns>Smaller valid inquiries.</returns>
    public static IEnumerable<Inquiry> Shrink(Inquiry inquiry)
    {
        ArgumentNullException.ThrowIfNull(inquiry);
        for (var i = inquiry.Messages.Count - 1; i >= 0; i--)
        {
            if (TryWith(inquiry, [.. inquiry.Messages.Where((_, j) => j != i)], inquiry.StatusChanges) is { } smaller)
            {
                yield return smaller;
            }
        }

        for (var i = inquiry.StatusChanges.Count - 1; i >= 0; i--)
        {
            if (TryWith(inquiry, inquiry.Messages, [.. inquiry.StatusChanges.Where((_, j) => j != i)]) is { } smaller)
            {
                yield return smaller;
            }
        }
    }

    private static IEnumerable<Inquiry[]> ShrinkAll(Inquiry[] inquiries)
    {
        if (inquiries.Length > 1)
        {
            yield return inquiries[..(inquiries.Length / 2)];
        }

        for (var i = 0; i < inquiries.Length; i++)
        {
            yield return [.. inquiries[..i], .. inquiries[(i + 1)..]];
        }

        for (var i = 0; i < inquiries.Length; i++)
        {
            foreach (var smaller in Shrink(inquiries[i]))
            {
                var copy = (Inquiry[])inquiries.Clone();
                copy[i] = smaller;
                yield return copy;
            }
        }
    }

    private static Inquiry? TryWith(Inquiry inquiry, IReadOnlyList<InquiryMessage> messages, IReadOnlyList<InquiryStatusChange> changes)
    {
        try
        {
            return new Inquiry(inquiry.Id, inquiry.CustomerId, inquiry.Channel, inquiry.Priority, inquiry.OpenedAt, messages, changes, inquiry.Initiator);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static Inquiry Build(
        int id, Channel channel, InquiryPriority priority, InquiryInitiator initiator, DateTimeOffset openedAt, (int Gap, int Kind, InquiryStatus Status)[] steps)
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
                case Customer:
                    messages.Add(new InquiryMessage(time, MessageAuthor.Customer));
                    break;
                case AgentReply:
                    messages.Add(new InquiryMessage(time, MessageAuthor.Agent, ResponseType.Manual));
                    break;
                case BotReply:
                    messages.Add(new InquiryMessage(time, MessageAuthor.Bot, ResponseType.Automated));
                    break;
                case ProactiveMessage:
                    messages.Add(new InquiryMessage(time, MessageAuthor.Agent, ResponseType.Proactive));
                    break;
                case InternalNote:
                    messages.Add(new InquiryMessage(time, MessageAuthor.Agent, ResponseType.Manual, isPublic: false));
                    break;
                default:
                    if (next != status && (next != InquiryStatus.Closed || status == InquiryStatus.Solved))
                    {
                        changes.Add(new InquiryStatusChange(time, next));
                        status = next;
                    }

                    break;
            }
        }

        return new Inquiry(
            $"inq-{id}", $"cust-{id % 50}", channel, priority, openedAt, messages, changes, initiator);
    }
}
