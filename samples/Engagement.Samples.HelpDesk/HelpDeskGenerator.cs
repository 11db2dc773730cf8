using System.Globalization;
using Engagement.Sdk.Journeys;
using Engagement.Sdk.Responses;
using Engagement.Sdk.Surveys;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Samples.HelpDesk;

/// <summary>
/// Makes the sample's synthetic help-desk week: Monday 11 to Sunday 17 May 2026 in Europe/Amsterdam, a desk staffed
/// Monday to Friday 09:00–17:30 with Ascension Day (Thursday 14 May) off. Seeded, so every run writes the same files.
/// </summary>
/// <remarks>
/// <para>
/// Inquiries arrive mostly in office hours, some in the evening and at the weekend, on email, live chat, phone and
/// social. A chatbot answers every chat at once and settles some; agents answer only while the desk is open, faster for
/// urgent inquiries and on quick channels. Agents ask questions (pending), wait for a third party (on hold), write
/// internal notes; customers sometimes reopen a solved inquiry; solved inquiries close four days later. Some inquiries
/// are proactive: a delivery-delay notice the brand sends first. Whatever would happen after the week ends is not in the
/// data, so the week ends with inquiries still waiting for an answer.
/// </para>
/// <para>
/// The same customers shop on the website and the app (sign-ups, product views, carts, checkouts and purchases, with
/// drop-outs at every step, each with the customer's first name, plus a few customers whose last purchase was sixty days before the week), and some answer an NPS question after their
/// inquiry is solved. Nothing here is real customer data. The desk's hours are walked here minute by minute on purpose:
/// the generator stays independent of the <c>BusinessCalendar</c> that the sample measures with.
/// </para>
/// </remarks>
internal static class HelpDeskGenerator
{
    public const int Seed = 20260511;
    public const string TimeZoneId = "Europe/Amsterdam";
    public const int CustomerInquiries = 420;
    public const int ProactiveInquiries = 36;
    public const int Customers = 400;

    public static readonly DateOnly WeekStart = new(2026, 5, 11);
    public static readonly DateOnly Holiday = new(2026, 5, 14);
    public static readonly TimeOnly Opens = new(9, 0);
    public static readonly TimeOnly Closes = new(17, 30);

    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);
    private static readonly DateTimeOffset WeekEnd = Local(WeekStart.AddDays(7), TimeOnly.MinValue);

    // Channel weights of customer-started inquiries; social is the brand's own profiles.
    private static readonly (Channel Channel, int Weight)[] ChannelMix =
        [(Channels.Email, 38), (Channels.LiveChat, 30), (Channels.Phone, 17), (Channels.OrganicSocial, 15)];

    private static readonly string[] FirstNames =
    [
        "Anna", "Bram", "Chloé", "Daan", "Emma", "Fatima", "Gijs", "Hanna", "Iris", "Jesse", "Julia", "Kees", "Lotte", "Lucas",
        "Mila", "Mohammed", "Noah", "Olivia", "Pieter", "Rosa", "Sam", "Sanne", "Thijs", "Yara", "Zoë",
    ];

    private static readonly (InquiryPriority Priority, int Weight)[] PriorityMix =
        [(InquiryPriority.Low, 20), (InquiryPriority.Normal, 55), (InquiryPriority.High, 18), (InquiryPriority.Urgent, 7)];

    /// <summary>Generates the week: inquiries by opening time, events and NPS answers by time.</summary>
    public static HelpDeskData Generate()
    {
        var random = new Random(Seed);
        var inquiries = GenerateInquiries(random);
        var answers = GenerateAnswers(random, inquiries);
        var events = GenerateEvents(random);
        return new HelpDeskData(inquiries, events, answers);
    }

    private static List<Inquiry> GenerateInquiries(Random random)
    {
        var drafts = new List<Draft>();
        while (drafts.Count < CustomerInquiries + ProactiveInquiries)
        {
            var opened = ArrivalTime(random);
            Draft draft;
            if (drafts.Count < CustomerInquiries)
            {
                // Calls come in while the desk is open; outside hours the customer calls when it opens.
                var channel = Pick(random, ChannelMix);
                opened = channel == Channels.Phone ? DeskTime(opened, random.Next(0, 90)) : opened;
                draft = new Draft(opened, channel, Pick(random, PriorityMix), null);
            }
            else
            {
                // A delivery-delay notice: mostly sent by the system at any hour, sometimes by an agent in office hours.
                var author = random.NextDouble() < 0.6 ? MessageAuthor.Bot : MessageAuthor.Agent;
                opened = author == MessageAuthor.Agent ? DeskTime(opened, random.Next(0, 120)) : opened;
                var channel = random.NextDouble() < 0.75 ? Channels.Email : Channels.LiveChat;
                var priority = random.NextDouble() < 0.7 ? InquiryPriority.Normal : InquiryPriority.Low;
                draft = new Draft(opened, channel, priority, author);
            }

            // A call or notice that would wait for next week's opening belongs to next week: draw again.
            if (opened < WeekEnd)
            {
                drafts.Add(draft);
            }
        }

        // Ids follow the opening order, as a help desk numbers its tickets.
        drafts.Sort((a, b) => a.Opened.CompareTo(b.Opened));
        var inquiries = new List<Inquiry>(drafts.Count);
        for (var i = 0; i < drafts.Count; i++)
        {
            var draft = drafts[i];
            var timeline = new Timeline(draft, $"T-{10001 + i}", CustomerId(1 + random.Next(Customers)));
            if (draft.ProactiveAuthor is { } author)
            {
                Proactive(random, timeline, author);
            }
            else
            {
                CustomerStarted(random, timeline);
            }

            inquiries.Add(timeline.Build());
        }

        return inquiries;
    }

    private static void CustomerStarted(Random random, Timeline timeline)
    {
        var opened = timeline.Draft.Opened;
        timeline.Add(InquiryMessage.FromCustomer(opened));
        var waiting = opened;
        if (timeline.Draft.Channel == Channels.LiveChat)
        {
            // The chatbot answers at once, day and night, and settles two chats in five by itself.
            var bot = opened.AddSeconds(random.Next(4, 40));
            if (!timeline.Add(InquiryMessage.FromBot(bot)))
            {
                return;
            }

            if (random.NextDouble() < 0.4)
            {
                timeline.Set(bot.AddMinutes(random.Next(1, 7)), InquiryStatus.Solved);
                AfterSolve(random, timeline);
                return;
            }

            // The customer asks for a person.
            waiting = bot.AddMinutes(random.Next(1, 5));
            if (!timeline.Add(InquiryMessage.FromCustomer(waiting)))
            {
                return;
            }
        }

        var cycles = 1 + (random.NextDouble() < 0.35 ? 1 + (random.NextDouble() < 0.3 ? 1 : 0) : 0);
        if (Cycles(random, timeline, waiting, cycles, holdAllowed: true))
        {
            AfterSolve(random, timeline);
        }
    }

    private static void Proactive(Random random, Timeline timeline, MessageAuthor author)
    {
        var opened = timeline.Draft.Opened;
        timeline.Add(new InquiryMessage(opened, author, ResponseType.Proactive));
        timeline.Set(opened, InquiryStatus.Pending);
        if (random.NextDouble() < 0.45)
        {
            var reply = opened.AddSeconds(Math.Round(60 * LogNormal(random, 150, 0.9)));
            if (timeline.Add(InquiryMessage.FromCustomer(reply)) && timeline.Set(reply, InquiryStatus.Open))
            {
                Cycles(random, timeline, reply, 1, holdAllowed: false);
            }
        }
        else
        {
            // No answer: the notice is set solved after three days.
            timeline.Set(opened.AddDays(3), InquiryStatus.Solved);
        }

        Close(timeline);
    }

    // Reply cycles from the customer's message at `waiting`: an agent answers in desk hours; between cycles the inquiry
    // is pending until the customer writes again. Returns whether the inquiry ended solved within the week.
    private static bool Cycles(Random random, Timeline timeline, DateTimeOffset waiting, int cycles, bool holdAllowed)
    {
        var channel = timeline.Draft.Channel;
        for (var cycle = 0; cycle < cycles; cycle++)
        {
            var delay = AgentDelay(random, channel, timeline.Draft.Priority);
            var reply = DeskTime(waiting, delay);
            if (random.NextDouble() < 0.12)
            {
                // An internal note (a question to a colleague) before the answer: never a response.
                timeline.Add(new InquiryMessage(DeskTime(waiting, delay / 2), MessageAuthor.Agent, ResponseType.Manual, isPublic: false));
            }

            if (!timeline.Add(InquiryMessage.FromAgent(reply)))
            {
                return false;
            }

            if (holdAllowed && cycle == 0 && channel != Channels.LiveChat && random.NextDouble() < 0.12)
            {
                // Waiting for the warehouse or the carrier: on hold, then an update once they answer.
                timeline.Set(reply, InquiryStatus.OnHold);
                reply = DeskTime(reply, random.Next(60, 900));
                if (!timeline.Set(reply, InquiryStatus.Open) || !timeline.Add(InquiryMessage.FromAgent(reply)))
                {
                    return false;
                }
            }

            if (cycle == cycles - 1)
            {
                return timeline.Set(reply.AddMinutes(random.Next(1, 15)), InquiryStatus.Solved);
            }

            // The agent asks something; the customer answers at any hour.
            timeline.Set(reply, InquiryStatus.Pending);
            waiting = reply.AddSeconds(Math.Round(60 * LogNormal(random, 180, 1.0)));
            if (!timeline.Add(InquiryMessage.FromCustomer(waiting)) || !timeline.Set(waiting, InquiryStatus.Open))
            {
                return false;
            }
        }

        return false;
    }

    // One solved inquiry in eleven is reopened by the customer; a solved inquiry closes four days after its solve.
    private static void AfterSolve(Random random, Timeline timeline)
    {
        if (random.NextDouble() < 1.0 / 11)
        {
            var again = timeline.LastChange.AddMinutes(random.Next(60, 48 * 60));
            if (timeline.Add(InquiryMessage.FromCustomer(again)) && timeline.Set(again, InquiryStatus.Open))
            {
                Cycles(random, timeline, again, 1, holdAllowed: false);
            }
        }

        Close(timeline);
    }

    private static void Close(Timeline timeline)
    {
        if (timeline.Status == InquiryStatus.Solved)
        {
            timeline.Set(timeline.LastChange.AddDays(4), InquiryStatus.Closed);
        }
    }

    // Desk minutes until an agent answers: quick on phone and chat, slower on social, slowest on email; urgent first.
    private static double AgentDelay(Random random, Channel channel, InquiryPriority priority)
    {
        var median = channel == Channels.Phone ? 1.5 : channel == Channels.LiveChat ? 4 : channel == Channels.OrganicSocial ? 50 : 140;
        var factor = priority switch
        {
            InquiryPriority.Urgent => 0.25,
            InquiryPriority.High => 0.5,
            InquiryPriority.Low => 1.8,
            _ => 1.0,
        };
        return LogNormal(random, median * factor, 0.9);
    }

    private static List<SurveyResponse> GenerateAnswers(Random random, List<Inquiry> inquiries)
    {
        // NPS weights for scores 0..10: content customers, and those whose inquiry was reopened or answered late.
        int[] content = [1, 1, 1, 1, 2, 3, 4, 8, 12, 16, 14];
        int[] unhappy = [4, 3, 4, 5, 6, 7, 6, 5, 4, 3, 2];
        var answers = new List<SurveyResponse>();
        foreach (var inquiry in inquiries)
        {
            if (inquiry.Initiator != InquiryInitiator.Customer || inquiry.FirstSolvedAt is not { } solved || random.NextDouble() >= 0.35)
            {
                continue;
            }

            var at = solved.AddSeconds(Math.Round(60 * LogNormal(random, 90, 1.0)));
            var late = inquiry.FirstResponse is not { } first || first.Timestamp - inquiry.OpenedAt > TimeSpan.FromHours(8);
            var score = Weights.Draw(random, inquiry.Reopens > 0 || late ? unhappy : content);
            if (at < WeekEnd)
            {
                answers.Add(new SurveyResponse(inquiry.CustomerId, at, SurveyKind.Nps, score, inquiry.Channel));
            }
        }

        answers.Sort((a, b) => a.Timestamp.CompareTo(b.Timestamp));
        return answers;
    }

    private static List<EngagementEvent> GenerateEvents(Random random)
    {
        var drafts = new List<(DateTimeOffset Time, string Customer, string Name, Channel Channel, decimal? Value)>();
        var firstNames = new string[Customers + 1];
        for (var c = 1; c <= Customers; c++)
        {
            var customer = CustomerId(c);
            firstNames[c] = FirstNames[random.Next(FirstNames.Length)];
            var channel = random.NextDouble() < 0.6 ? Channels.Website : Channels.MobileApp;
            if (random.NextDouble() < 0.06)
            {
                // A last purchase sixty days before the week (the win-back preset's inactivity), then silence.
                var lastSeen = Local(WeekStart.AddDays(-60), TimeOnly.MinValue).AddMinutes(random.Next(7 * 24 * 60));
                drafts.Add((lastSeen, customer, "purchase", channel, Math.Round((decimal)LogNormal(random, 60, 0.6), 2)));
                continue;
            }

            if (random.NextDouble() < 0.2)
            {
                continue;
            }

            var time = ShoppingTime(random);
            if (random.NextDouble() < 0.2)
            {
                drafts.Add((time, customer, "sign_up", channel, null));
                time = time.AddMinutes(random.Next(1, 5));
            }

            var sessions = 1 + (random.NextDouble() < 0.3 ? 1 : 0);
            for (var s = 0; s < sessions; s++, time = ShoppingTime(random))
            {
                var views = 1 + random.Next(4);
                for (var v = 0; v < views; v++)
                {
                    drafts.Add((time, customer, "product_view", channel, null));
                    time = time.AddMinutes(random.Next(1, 6));
                }

                if (random.NextDouble() >= 0.5)
                {
                    continue;
                }

                drafts.Add((time, customer, "add_to_cart", channel, null));
                time = time.AddMinutes(random.Next(1, 20));
                if (random.NextDouble() >= 0.6)
                {
                    continue;
                }

                drafts.Add((time, customer, "checkout", channel, null));
                time = time.AddMinutes(random.Next(2, 12));
                if (random.NextDouble() < 0.75)
                {
                    drafts.Add((time, customer, "purchase", channel, Math.Round((decimal)LogNormal(random, 60, 0.6), 2)));
                }
            }
        }

        var ordered = drafts.Where(d => d.Time < WeekEnd).OrderBy(d => d.Time).ThenBy(d => d.Customer, StringComparer.Ordinal).ToList();
        var events = new List<EngagementEvent>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var (time, customer, name, channel, value) = ordered[i];
            // Every event carries the customer's first name, which the planner's templates fill in.
            var properties = new Dictionary<string, string>(StringComparer.Ordinal) { ["first_name"] = firstNames[int.Parse(customer.AsSpan(1), CultureInfo.InvariantCulture)] };
            events.Add(new EngagementEvent($"e-{i + 1:D5}", customer, time, name, channel, value: value, currency: value is null ? null : "EUR", properties: properties));
        }

        return events;
    }

    private static string CustomerId(int number) => $"c{number:D4}";

    // When an inquiry comes in: mostly office hours, some evenings, a little at night, at the weekend and on the holiday.
    private static DateTimeOffset ArrivalTime(Random random) => WeightedHour(random, static (day, hour) =>
        !IsDeskDay(day) ? (hour is >= 9 and < 22 ? 2 : 0.3)
        : hour is >= 9 and < 17 ? 10
        : hour is 7 or 8 or (>= 17 and < 22) ? 3
        : 0.5);

    // When customers shop: all week, most in the evening.
    private static DateTimeOffset ShoppingTime(Random random) => WeightedHour(random, static (day, hour) =>
        hour is >= 19 and < 23 ? 6 : hour is >= 8 and < 19 ? 3 : 0.5);

    private static DateTimeOffset WeightedHour(Random random, Func<DateOnly, int, double> weight)
    {
        var total = 0.0;
        for (var h = 0; h < 7 * 24; h++)
        {
            total += weight(WeekStart.AddDays(h / 24), h % 24);
        }

        var ticket = random.NextDouble() * total;
        for (var h = 0; h < 7 * 24; h++)
        {
            var day = WeekStart.AddDays(h / 24);
            ticket -= weight(day, h % 24);
            if (ticket < 0)
            {
                return Local(day, new TimeOnly(h % 24, random.Next(60), random.Next(60)));
            }
        }

        return WeekEnd.AddSeconds(-1);
    }

    private static bool IsDeskDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && day != Holiday;

    // The instant `minutes` of desk time after `from`: time counts only while the desk is open, a minute at a time.
    private static DateTimeOffset DeskTime(DateTimeOffset from, double minutes)
    {
        var local = TimeZoneInfo.ConvertTime(from, Zone).DateTime;
        var left = TimeSpan.FromSeconds(Math.Round(minutes * 60));
        while (true)
        {
            var day = DateOnly.FromDateTime(local);
            var time = TimeOnly.FromDateTime(local);
            if (!IsDeskDay(day) || time >= Closes)
            {
                local = day.AddDays(1).ToDateTime(Opens);
                continue;
            }

            if (time < Opens)
            {
                local = day.ToDateTime(Opens);
            }

            var open = day.ToDateTime(Closes) - local;
            if (left <= open)
            {
                return Local(local + left);
            }

            left -= open;
            local = day.AddDays(1).ToDateTime(Opens);
        }
    }

    private static DateTimeOffset Local(DateOnly day, TimeOnly time) => Local(day.ToDateTime(time));

    private static DateTimeOffset Local(DateTime local) => new(local, Zone.GetUtcOffset(local));

    private static double LogNormal(Random random, double median, double sigma)
    {
        // Box–Muller: one standard normal draw from two uniform ones.
        var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return median * Math.Exp(sigma * normal);
    }

    private static T Pick<T>(Random random, (T Value, int Weight)[] mix) =>
        mix[Weights.Draw(random, Array.ConvertAll(mix, m => m.Weight))].Value;

    /// <summary>An inquiry's history as it is written; whatever would fall after the week's end is left out.</summary>
    private sealed class Timeline(Draft draft, string id, string customerId)
    {
        private readonly List<InquiryMessage> _messages = [];
        private readonly List<InquiryStatusChange> _changes = [];

        public Draft Draft => draft;

        public InquiryStatus Status { get; private set; } = InquiryStatus.New;

        public DateTimeOffset LastChange => _changes[^1].Timestamp;

        public bool Add(InquiryMessage message)
        {
            if (message.Timestamp >= WeekEnd)
            {
                return false;
            }

            _messages.Add(message);
            return true;
        }

        public bool Set(DateTimeOffset time, InquiryStatus status)
        {
            if (time >= WeekEnd)
            {
                return false;
            }

            if (status != Status)
            {
                _changes.Add(new InquiryStatusChange(time, status));
                Status = status;
            }

            return true;
        }

        public Inquiry Build() => new(
            id,
            customerId,
            draft.Channel,
            draft.Priority,
            draft.Opened,
            _messages,
            _changes,
            draft.ProactiveAuthor is null ? InquiryInitiator.Customer : InquiryInitiator.Brand);
    }

    /// <summary>What is decided before the inquiries are numbered: when, where, how urgent, and for a proactive one who
    /// wrote the first message.</summary>
    private sealed record Draft(DateTimeOffset Opened, Channel Channel, InquiryPriority Priority, MessageAuthor? ProactiveAuthor);
}
