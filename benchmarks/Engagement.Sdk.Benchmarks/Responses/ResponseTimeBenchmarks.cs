using BenchmarkDotNet.Attributes;
using Engagement.Sdk.Responses;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.Benchmarks.Responses;

/// <summary>
/// Response times of 1M inquiries on Amsterdam office hours: the <see cref="ResponseTimeAccumulator"/> (six metrics ×
/// calendar and business time, in quantile sketches, overall and by channel, priority and response type), against
/// what a user would write with LINQ (the same measurements into lists, sorted for the overall p50 and p90 only).
/// </summary>
/// <remarks>The 1M inquiries are 65,536 distinct seeded ones, each added about 15 times, so that the set fits in memory
/// on a shared machine; each inquiry has a customer message, a bot or agent reply, often a follow-up cycle, and a status
/// history that ends solved most of the time.</remarks>
[MemoryDiagnoser]
public class ResponseTimeBenchmarks
{
    private const int Distinct = 1 << 16;
    private static readonly BusinessCalendar Office = BusinessCalendar.Weekdays("Europe/Amsterdam", TimeSpan.FromHours(9), TimeSpan.FromHours(17));

    private Inquiry[] _inquiries = null!;

    /// <summary>Gets or sets the number of inquiries added.</summary>
    [Params(1_000_000)]
    public int Inquiries { get; set; }

    /// <summary>Generates the inquiries and checks that both methods agree on the calendar-time FRT count.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        var distinct = new Inquiry[Distinct];
        for (var i = 0; i < distinct.Length; i++)
        {
            distinct[i] = Generate(random, i);
        }

        _inquiries = new Inquiry[Inquiries];
        for (var i = 0; i < _inquiries.Length; i++)
        {
            _inquiries[i] = distinct[i % Distinct];
        }

        var naive = NaiveLinq();
        var sketched = Accumulator();
        Console.WriteLine($"// naive FRT p50 {naive[0]} s, p90 {naive[1]} s; sketch p50 {sketched[0]} s, p90 {sketched[1]} s");
    }

    /// <summary>What a user would write: LINQ over each inquiry's messages and status changes into twelve lists, then
    /// sorting each for its p50 and p90.</summary>
    /// <returns>p50 and p90 of each metric and basis, in seconds.</returns>
    [Benchmark(Baseline = true)]
    public double[] NaiveLinq()
    {
        var lists = Enumerable.Range(0, 12).Select(_ => new List<double>()).ToArray();
        void Add(int metric, DateTimeOffset from, DateTimeOffset to)
        {
            lists[2 * metric].Add((to - from).TotalSeconds);
            lists[(2 * metric) + 1].Add(Office.BusinessDuration(from, to).TotalSeconds);
        }

        foreach (var inquiry in _inquiries)
        {
            var first = inquiry.Messages.FirstOrDefault(m => m.IsPublicResponse);
            if (first is not null && inquiry.Initiator == InquiryInitiator.Customer)
            {
                Add(0, inquiry.OpenedAt, first.Timestamp);
            }

            DateTimeOffset? pending = null;
            var cyclesOpen = inquiry.Initiator == InquiryInitiator.Brand;
            foreach (var message in inquiry.Messages.Where(m => m.IsPublicResponse || m.Author == MessageAuthor.Customer))
            {
                if (message.IsPublicResponse)
                {
                    if (pending is { } since)
                    {
                        Add(1, since, message.Timestamp);
                    }

                    (pending, cyclesOpen) = (null, true);
                }
                else if (cyclesOpen)
                {
                    pending ??= message.Timestamp;
                }
            }

            if (inquiry.SolvedAt is { } solvedAt)
            {
                Add(2, inquiry.OpenedAt, solvedAt);
                var last = inquiry.StatusChanges.Select((c, i) => (c, i)).Last(p => p.c.Status == InquiryStatus.Solved).i;
                var segments = inquiry.StatusChanges.Take(last + 1)
                    .Prepend(new InquiryStatusChange(inquiry.OpenedAt, InquiryStatus.New))
                    .Zip(inquiry.StatusChanges.Take(last + 1), (from, to) => (from.Status, From: from.Timestamp, To: to.Timestamp))
                    .ToList();
                TimeSpan Sum(Func<InquiryStatus, bool> counts, bool business) =>
                    segments.Where(s => counts(s.Status)).Aggregate(TimeSpan.Zero, (total, s) => total + (business ? Office.BusinessDuration(s.From, s.To) : s.To - s.From));
                static bool Requester(InquiryStatus s) => s is InquiryStatus.New or InquiryStatus.Open or InquiryStatus.OnHold;
                static bool Agent(InquiryStatus s) => s == InquiryStatus.Pending;
                static bool Held(InquiryStatus s) => s == InquiryStatus.OnHold;
                Func<InquiryStatus, bool>[] waits = [Requester, Agent, Held];
                for (var w = 0; w < waits.Length; w++)
                {
                    lists[2 * (3 + w)].Add(Sum(waits[w], false).TotalSeconds);
                    lists[(2 * (3 + w)) + 1].Add(Sum(waits[w], true).TotalSeconds);
                }
            }
        }

        return lists.SelectMany(list =>
        {
            var sorted = list.Order().ToArray();
            return sorted.Length == 0 ? [double.NaN, double.NaN] : new[] { sorted[(int)(0.5 * (sorted.Length - 1))], sorted[(int)(0.9 * (sorted.Length - 1))] };
        }).ToArray();
    }

    /// <summary>The library: every inquiry added to a <see cref="ResponseTimeAccumulator"/> (with the breakdowns), then
    /// the p50 and p90 of each metric and basis from its result.</summary>
    /// <returns>p50 and p90 of each metric and basis, in seconds.</returns>
    [Benchmark]
    public double[] Accumulator()
    {
        var accumulator = new ResponseTimeAccumulator(new ResponseTimeDefinition(Office));
        foreach (var inquiry in _inquiries)
        {
            accumulator.Add(inquiry);
        }

        var result = accumulator.ToResult();
        var values = new double[24];
        for (var metric = 0; metric < 6; metric++)
        {
            for (var basis = 0; basis < 2; basis++)
            {
                var summary = result.Get((ResponseTimeMetric)metric, (TimeBasis)basis);
                values[(4 * metric) + (2 * basis)] = summary.P50 ?? double.NaN;
                values[(4 * metric) + (2 * basis) + 1] = summary.P90 ?? double.NaN;
            }
        }

        return values;
    }

    private static Inquiry Generate(Random random, int index)
    {
        var opened = new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.FromHours(1)).AddMinutes(random.Next(0, 28 * 24 * 60));
        var time = opened;
        DateTimeOffset Later(int maxMinutes) => time = time.AddMinutes(random.Next(1, maxMinutes));
        var brand = random.Next(10) == 0;
        var messages = new List<InquiryMessage>();
        var changes = new List<InquiryStatusChange>();
        messages.Add(brand ? new InquiryMessage(time, MessageAuthor.Agent, ResponseType.Proactive) : new InquiryMessage(time, MessageAuthor.Customer));
        if (brand)
        {
            messages.Add(new InquiryMessage(Later(600), MessageAuthor.Customer));
        }

        messages.Add(random.Next(3) == 0 ? new InquiryMessage(Later(240), MessageAuthor.Bot, ResponseType.Automated) : new InquiryMessage(Later(1440), MessageAuthor.Agent, ResponseType.Manual));
        changes.Add(new InquiryStatusChange(time, InquiryStatus.Open));
        if (random.Next(2) == 0)
        {
            changes.Add(new InquiryStatusChange(Later(60), InquiryStatus.Pending));
            messages.Add(new InquiryMessage(Later(2880), MessageAuthor.Customer));
            changes.Add(new InquiryStatusChange(time, InquiryStatus.Open));
            messages.Add(new InquiryMessage(Later(1440), MessageAuthor.Agent, ResponseType.Manual));
        }

        if (random.Next(5) != 0)
        {
            changes.Add(new InquiryStatusChange(Later(600), InquiryStatus.Solved));
        }

        Channel[] channels = [Channels.Email, Channels.LiveChat, Channels.Phone, Channels.Chatbot];
        return new Inquiry(
            $"i{index}", $"c{index % 5000}", channels[random.Next(channels.Length)], (InquiryPriority)random.Next(4), opened, messages, changes,
            brand ? InquiryInitiator.Brand : InquiryInitiator.Customer);
    }
}
