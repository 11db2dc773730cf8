using Engagement.Sdk.Responses;
using Engagement.Sdk.Touchpoints;
using FsCheck;
using FsCheck.Fluent;

namespace Engagement.Sdk.Tests.Responses;

/// <summary>The business calendar, instants and builders the SLA tests share, and a generator of valid inquiries.</summary>
internal static class SlaTestData
{
    /// <summary>Monday to Friday 09:00–17:00 in Europe/Amsterdam (UTC+1 in early March 2026, before summer time).</summary>
    public static readonly BusinessCalendar NineToFive = BusinessCalendar.Weekdays("Europe/Amsterdam", TimeSpan.FromHours(9), TimeSpan.FromHours(17));

    private static readonly TimeSpan Cet = TimeSpan.FromHours(1);

    /// <summary>An instant in Amsterdam in the week of Monday 2 March 2026 (day 2 = Monday … day 6 = Friday, 7 =
    /// Saturday, 9 = next Monday).</summary>
    public static DateTimeOffset At(int day, int hour, int minute = 0) => new(2026, 3, day, hour, minute, 0, Cet);

    public static TimeSpan Hours(double hours) => TimeSpan.FromHours(hours);

    public static TimeSpan Minutes(double minutes) => TimeSpan.FromMinutes(minutes);

    public static InquiryMessage Customer(DateTimeOffset at) => new(at, MessageAuthor.Customer);

    public static InquiryMessage Agent(DateTimeOffset at) => new(at, MessageAuthor.Agent, ResponseType.Manual);

    public static InquiryMessage Bot(DateTimeOffset at) => new(at, MessageAuthor.Bot, ResponseType.Automated);

    public static InquiryMessage Note(DateTimeOffset at) => new(at, MessageAuthor.Agent, ResponseType.Manual, isPublic: false);

    public static InquiryStatusChange Change(DateTimeOffset at, InquiryStatus status) => new(at, status);

    public static Inquiry Inquiry(
        DateTimeOffset openedAt,
        InquiryMessage[]? messages = null,
        InquiryStatusChange[]? changes = null,
        Channel? channel = null,
        InquiryPriority priority = InquiryPriority.Normal,
        InquiryInitiator initiator = InquiryInitiator.Customer,
        string id = "i-1") =>
        new(id, "c-1", channel ?? Channels.Email, priority, openedAt, messages, changes, initiator);

    public static SlaPolicy Policy(params SlaTarget[] targets) => new("support", NineToFive, [new SlaPolicyRule(null, null, targets)]);

    /// <summary>The one evaluation of a one-target policy.</summary>
    public static SlaEvaluation EvaluateOne(Inquiry inquiry, SlaTarget target, DateTimeOffset asOf) =>
        Assert.Single(Policy(target).Evaluate(inquiry, asOf));

    // ---- generated inquiries ----

    /// <summary>The week generated inquiries live in: opened from Monday 2 March 2026 08:00 Amsterdam, every event
    /// within five days, so that <see cref="LatestEvent"/> bounds them all.</summary>
    public static readonly DateTimeOffset FirstOpening = At(2, 8);

    public static readonly DateTimeOffset LatestEvent = FirstOpening.AddDays(6);

    public static readonly Channel[] GeneratedChannels = [Channels.Email, Channels.LiveChat, Channels.Phone];

    /// <summary>What one step of a generated inquiry does after a gap: a message of some kind, or a status change.</summary>
    public enum Step
    {
        CustomerMessage,
        AgentReply,
        BotReply,
        InternalNote,
        Open,
        Pending,
        OnHold,
        Solve,
        Close,
    }

    /// <summary>A recipe for one inquiry: everything a generator draws, so that shrinking works on plain values.</summary>
    public sealed record Recipe(int Id, int Customer, int Channel, int Priority, bool Proactive, int OpenMinute, (int Gap, Step Step)[] Steps)
    {
        public override string ToString() =>
            $"#{Id} c{Customer} ch{Channel} p{Priority}{(Proactive ? " proactive" : "")} +{OpenMinute}m [{string.Join(", ", Steps.Select(s => $"+{s.Gap}m {s.Step}"))}]";
    }

    public static Gen<Recipe> Recipes =>
        from id in Gen.Choose(0, 40)
        from customer in Gen.Choose(0, 5)
        from channel in Gen.Choose(0, GeneratedChannels.Length - 1)
        from priority in Gen.Choose(0, 3)
        from proactive in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
        from openMinute in Gen.Choose(0, 3 * 24 * 60)
        from length in Gen.Choose(0, 10)
        from steps in (from gap in Gen.Frequency((3, Gen.Choose(0, 90)), (1, Gen.Choose(0, 900))) from step in Gen.Elements(Enum.GetValues<Step>()) select (gap, step)).ArrayOf(length)
        select new Recipe(id, customer, channel, priority, proactive, openMinute, steps);

    public static Gen<Inquiry> Inquiries => Recipes.Select(Build);

    /// <summary>Recipes that shrink by dropping steps and simplifying the inquiry.</summary>
    public static Arbitrary<Recipe[]> RecipeLists(int maxLength = 30) =>
        Arb.From(Gen.Choose(0, maxLength).SelectMany(n => Recipes.ArrayOf(n)), ShrinkList);

    /// <summary>Builds the inquiry a recipe describes, skipping steps the model would refuse (a change to the current
    /// status, a close of an unsolved inquiry, anything after the close); the last event is at most
    /// <see cref="LatestEvent"/>.</summary>
    public static Inquiry Build(Recipe recipe)
    {
        var opened = FirstOpening.AddMinutes(recipe.OpenMinute);
        var time = opened;
        var status = InquiryStatus.New;
        var messages = new List<InquiryMessage>();
        var changes = new List<InquiryStatusChange>();
        foreach (var (gap, step) in recipe.Steps)
        {
            if (status == InquiryStatus.Closed)
            {
                break;
            }

            var next = time.AddMinutes(gap);
            if (next > LatestEvent)
            {
                break;
            }

            time = next;
            var wanted = step switch
            {
                Step.Open => InquiryStatus.Open,
                Step.Pending => InquiryStatus.Pending,
                Step.OnHold => InquiryStatus.OnHold,
                Step.Solve => InquiryStatus.Solved,
                Step.Close => InquiryStatus.Closed,
                _ => (InquiryStatus?)null,
            };
            if (wanted is { } s)
            {
                if (s != status && (s != InquiryStatus.Closed || status == InquiryStatus.Solved))
                {
                    changes.Add(new InquiryStatusChange(time, s));
                    status = s;
                }

                continue;
            }

            messages.Add(step switch
            {
                Step.CustomerMessage => Customer(time),
                Step.AgentReply => Agent(time),
                Step.BotReply => Bot(time),
                _ => Note(time),
            });
        }

        return new Inquiry(
            $"i-{recipe.Id}",
            $"c-{recipe.Customer}",
            GeneratedChannels[recipe.Channel],
            (InquiryPriority)recipe.Priority,
            opened,
            messages,
            changes,
            recipe.Proactive ? InquiryInitiator.Brand : InquiryInitiator.Customer);
    }

    private static IEnumerable<Recipe[]> ShrinkList(Recipe[] recipes)
    {
        if (recipes.Length > 1)
        {
            yield return recipes[..(recipes.Length / 2)];
        }

        for (var i = 0; i < recipes.Length; i++)
        {
            yield return [.. recipes[..i], .. recipes[(i + 1)..]];
        }

        for (var i = 0; i < recipes.Length; i++)
        {
            var steps = recipes[i].Steps;
            for (var j = 0; j < steps.Length; j++)
            {
                var copy = recipes.ToArray();
                copy[i] = recipes[i] with { Steps = [.. steps[..j], .. steps[(j + 1)..]] };
                yield return copy;
            }
        }
    }
}
