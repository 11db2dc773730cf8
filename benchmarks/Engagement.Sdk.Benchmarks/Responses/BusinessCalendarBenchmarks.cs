using BenchmarkDotNet.Attributes;
using Engagement.Sdk.Responses;

namespace Engagement.Sdk.Benchmarks.Responses;

/// <summary>
/// Business time between (opened, first reply) pairs on a working-hours calendar (Europe/Amsterdam, Monday to Friday
/// 09:00–12:30 and 13:30–17:30, a dozen Dutch holidays, inquiries over 2026 across both clock changes): the library's
/// cached prefix sums against the naive code a user would write, which walks the local days of each pair and converts
/// each opening interval to instants through <see cref="TimeZoneInfo"/>. The kernel of a business-time first-reply SLA.
/// </summary>
[MemoryDiagnoser]
public class BusinessCalendarBenchmarks
{
    private static readonly TimeSpan Lunch = new(12, 30, 0);

    private BusinessCalendar _calendar = BusinessCalendar.AlwaysOpen;
    private NaiveBusinessCalendar _naive = null!;
    private DateTimeOffset[] _opened = [];
    private DateTimeOffset[] _replied = [];

    /// <summary>Number of (opened, first reply) pairs.</summary>
    [Params(1_000_000)]
    public int Count { get; set; }

    /// <summary>The holidays: Dutch public holidays of 2026 and New Year's Day 2027.</summary>
    internal static DateOnly[] Holidays { get; } =
    [
        new(2026, 1, 1), new(2026, 4, 3), new(2026, 4, 5), new(2026, 4, 6), new(2026, 4, 27), new(2026, 5, 5),
        new(2026, 5, 14), new(2026, 5, 24), new(2026, 5, 25), new(2026, 12, 25), new(2026, 12, 26), new(2027, 1, 1),
    ];

    /// <summary>Monday to Friday 09:00–12:30 and 13:30–17:30.</summary>
    internal static (DayOfWeek Day, TimeSpan Start, TimeSpan End)[] Hours { get; } =
    [
        .. Weekdays.SelectMany(day => new[] { (day, TimeSpan.FromHours(9), Lunch), (day, new TimeSpan(13, 30, 0), new TimeSpan(17, 30, 0)) }),
    ];

    private static DayOfWeek[] Weekdays => [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    /// <summary>Makes the pairs (seeded): opened uniformly over 2026, any time of day or week; the first reply 1 minute
    /// to 3 days later, skewed short; and checks that both ways give the same business time for every pair.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _calendar = new BusinessCalendar("Europe/Amsterdam", Hours.Select(h => new BusinessHours(h.Day, h.Start, h.End)), Holidays);
        _naive = new NaiveBusinessCalendar(TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam"), Hours, Holidays);
        var random = new Random(20261127);
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        _opened = new DateTimeOffset[Count];
        _replied = new DateTimeOffset[Count];
        for (var i = 0; i < Count; i++)
        {
            _opened[i] = start.AddSeconds(random.NextInt64(365L * 24 * 3600));
            var u = random.NextDouble();
            _replied[i] = _opened[i].AddSeconds(60 + (u * u * 3 * 24 * 3600));
        }

        for (var i = 0; i < Count; i++)
        {
            var fast = _calendar.BusinessDuration(_opened[i], _replied[i]);
            var naive = _naive.BusinessDuration(_opened[i], _replied[i]);
            if (fast != naive)
            {
                throw new InvalidOperationException($"Pair {i}: {_opened[i]:O} → {_replied[i]:O}: library {fast}, naive {naive}.");
            }
        }
    }

    /// <summary>The naive baseline: per pair, walk the local days and convert each opening interval.</summary>
    /// <returns>The total business time, in ticks.</returns>
    [Benchmark(Baseline = true)]
    public long Naive()
    {
        long total = 0;
        for (var i = 0; i < _opened.Length; i++)
        {
            total += _naive.BusinessDuration(_opened[i], _replied[i]).Ticks;
        }

        return total;
    }

    /// <summary>The library: <see cref="BusinessCalendar.BusinessDuration"/> per pair.</summary>
    /// <returns>The total business time, in ticks.</returns>
    [Benchmark]
    public long Library()
    {
        var calendar = _calendar;
        long total = 0;
        for (var i = 0; i < _opened.Length; i++)
        {
            total += calendar.BusinessDuration(_opened[i], _replied[i]).Ticks;
        }

        return total;
    }
}
