using BenchmarkDotNet.Attributes;
using Engagement.Sdk.Responses;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.Benchmarks.Responses;

/// <summary>
/// A business-time first-reply SLA over 1M generated inquiries (seeded; four channels × four priorities, opened from
/// January to May 2026, so across holidays and the start of summer time) on a working-hours calendar in
/// Europe/Amsterdam (Monday–Friday 09:00–12:30 and 13:00–17:30, Dutch public holidays): <see cref="SlaAccumulator"/>
/// on one core, against a naive baseline that measures business time interval by interval (each local date from the
/// opening to the reply or the evaluation instant, each opening interval of the date turned into UTC through
/// <see cref="TimeZoneInfo"/> and intersected). The baseline walks intervals rather than minutes: walking minute by
/// minute would cost the baseline another factor of ~100 for a reply a day later, which says nothing about our code.
/// The setup checks that both count every status alike.
/// </summary>
[MemoryDiagnoser]
public class SlaBenchmarks
{
    /// <summary>How many inquiries.</summary>
    public const int Inquiries = 1_000_000;

    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    private static readonly (TimeSpan Start, TimeSpan End)[] Day =
        [(TimeSpan.FromHours(9), TimeSpan.FromHours(12.5)), (TimeSpan.FromHours(13), TimeSpan.FromHours(17.5))];

    private static readonly DateOnly[] Holidays =
    [
        new(2026, 1, 1), new(2026, 4, 3), new(2026, 4, 6), new(2026, 4, 27), new(2026, 5, 5), new(2026, 5, 14), new(2026, 5, 25),
    ];

    private static readonly Channel[] ChannelsUsed = [Channels.Email, Channels.LiveChat, Channels.Phone, Channels.Sms];

    // First-reply targets by priority (Low, Normal, High, Urgent), in business time.
    private static readonly TimeSpan[] Targets = [TimeSpan.FromHours(24), TimeSpan.FromHours(8), TimeSpan.FromHours(4), TimeSpan.FromHours(1)];

    private static readonly DateTimeOffset Start = new(2026, 1, 5, 0, 0, 0, TimeSpan.FromHours(1));

    private Inquiry[] _inquiries = null!;
    private SlaDefinition _definition = null!;
    private HashSet<DateOnly> _holidays = null!;

    /// <summary>Generates the inquiries and checks that the accumulator and the baseline agree.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var hours = new List<BusinessHours>();
        for (var d = DayOfWeek.Monday; d <= DayOfWeek.Friday; d++)
        {
            foreach (var (start, end) in Day)
            {
                hours.Add(new BusinessHours(d, start, end));
            }
        }

        var calendar = new BusinessCalendar("Europe/Amsterdam", hours, Holidays);
        var rules = new List<SlaPolicyRule>();
        for (var p = InquiryPriority.Urgent; p >= InquiryPriority.Low; p--)
        {
            rules.Add(new SlaPolicyRule(null, p, [new SlaTarget(SlaMetric.FirstReply, Targets[(int)p])]));
        }

        _holidays = [.. Holidays];
        _inquiries = Generate(Inquiries, seed: 42);
        var asOf = Start.AddDays(140);
        _definition = new SlaDefinition(new SlaPolicy("support", calendar, rules), asOf);

        var library = Accumulator().Overall;
        var naive = Naive();
        if (naive != (library.Achieved, library.Breached, library.OpenBreached, library.OpenWithinTarget, library.NotApplicable))
        {
            throw new InvalidOperationException($"The baseline counts {naive}, the accumulator {library}.");
        }
    }

    /// <summary>The naive baseline: interval-by-interval business time per inquiry.</summary>
    /// <returns>The counts by status.</returns>
    [Benchmark(Baseline = true)]
    public (long Achieved, long Breached, long OpenBreached, long OpenWithinTarget, long NotApplicable) Naive()
    {
        long achieved = 0, breached = 0, openBreached = 0, within = 0, notApplicable = 0;
        var asOf = _definition.AsOf;
        foreach (var inquiry in _inquiries)
        {
            var target = Targets[(int)inquiry.Priority];
            var reply = inquiry.Messages.FirstOrDefault(m => m.IsPublicResponse);
            if (reply is not null)
            {
                if (BusinessTime(inquiry.OpenedAt, reply.Timestamp) <= target)
                {
                    achieved++;
                }
                else
                {
                    breached++;
                }
            }
            else if (inquiry.StatusChanges.Count > 0 && inquiry.StatusChanges[^1].Status is InquiryStatus.Solved or InquiryStatus.Closed)
            {
                notApplicable++;
            }
            else if (BusinessTime(inquiry.OpenedAt, asOf) > target)
            {
                openBreached++;
            }
            else
            {
                within++;
            }
        }

        return (achieved, breached, openBreached, within, notApplicable);
    }

    /// <summary>The library: every inquiry through <see cref="SlaAccumulator.Add(Inquiry)"/>.</summary>
    /// <returns>The result.</returns>
    [Benchmark]
    public SlaResult Accumulator()
    {
        var accumulator = new SlaAccumulator(_definition);
        foreach (var inquiry in _inquiries)
        {
            accumulator.Add(inquiry);
        }

        return accumulator.ToResult();
    }

    private static Inquiry[] Generate(int count, int seed)
    {
        var random = new Random(seed);
        var inquiries = new Inquiry[count];
        for (var i = 0; i < count; i++)
        {
            // Opened at any minute of 16 weeks; replied after 1 minute to 5 days (log-uniform), or solved unanswered
            // (10%), or still waiting (5%).
            var opened = Start.AddMinutes(random.Next(16 * 7 * 24 * 60));
            var customer = new InquiryMessage(opened, MessageAuthor.Customer);
            var fate = random.NextDouble();
            var delay = TimeSpan.FromMinutes(Math.Exp(random.NextDouble() * Math.Log(5 * 24 * 60)));
            InquiryMessage[] messages;
            InquiryStatusChange[]? changes = null;
            if (fate < 0.85)
            {
                var bot = random.Next(4) == 0;
                messages = [customer, new InquiryMessage(opened + delay, bot ? MessageAuthor.Bot : MessageAuthor.Agent, bot ? ResponseType.Automated : ResponseType.Manual)];
            }
            else
            {
                messages = [customer];
                if (fate < 0.95)
                {
                    changes = [new InquiryStatusChange(opened + delay, InquiryStatus.Solved)];
                }
            }

            inquiries[i] = new Inquiry(
                "i" + i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "c" + random.Next(200_000).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ChannelsUsed[random.Next(ChannelsUsed.Length)],
                (InquiryPriority)random.Next(4),
                opened,
                messages,
                changes);
        }

        return inquiries;
    }

    // Business time from one instant to a later one: each local date between them, each opening interval of a working
    // day that is no holiday, converted to UTC and intersected with [from, to).
    private TimeSpan BusinessTime(DateTimeOffset from, DateTimeOffset to)
    {
        var total = TimeSpan.Zero;
        var first = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, Amsterdam).DateTime);
        var last = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(to, Amsterdam).DateTime);
        for (var date = first; date <= last; date = date.AddDays(1))
        {
            if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || _holidays.Contains(date))
            {
                continue;
            }

            foreach (var (start, end) in Day)
            {
                var open = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(TimeOnly.FromTimeSpan(start)), Amsterdam));
                var close = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(TimeOnly.FromTimeSpan(end)), Amsterdam));
                var a = open > from ? open : from;
                var b = close < to ? close : to;
                if (b > a)
                {
                    total += b - a;
                }
            }
        }

        return total;
    }
}
