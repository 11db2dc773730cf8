using System.Globalization;
using Engagement.Sdk.Responses;
using Engagement.Sdk.Tests.Responses.Reference;
using FsCheck;
using FsCheck.Fluent;

namespace Engagement.Sdk.Tests.Responses;

/// <summary>
/// FsCheck properties of <see cref="BusinessCalendar"/> over random calendars: random zones with daylight saving
/// (including a 30-minute shift and changes at midnight), random quarter-hour opening intervals, random holidays, and
/// instants clustered around the zones' clock changes. The fast path is compared with the naive minute walk.
/// </summary>
public class BusinessCalendarProperties
{
    private static readonly Config Many = Config.QuickThrowOnFailure.WithMaxTest(300);

    // Amsterdam and New York change by an hour at 02:00; Lord Howe by 30 minutes at 02:00; Santiago at midnight (so a
    // local date may start at 01:00); Kolkata never, at +05:30; Chatham at +12:45/+13:45.
    private static readonly string[] Zones = ["Europe/Amsterdam", "America/New_York", "Australia/Lord_Howe", "America/Santiago", "Asia/Kolkata", "Pacific/Chatham", "UTC"];

    // Clock changes of 2026 in those zones, and an ordinary day, as anchors for the instants.
    private static readonly DateTimeOffset[] Anchors =
    [
        new(2026, 3, 29, 1, 0, 0, TimeSpan.Zero), new(2026, 10, 25, 1, 0, 0, TimeSpan.Zero),     // Amsterdam
        new(2026, 3, 8, 7, 0, 0, TimeSpan.Zero), new(2026, 11, 1, 6, 0, 0, TimeSpan.Zero),       // New York
        new(2026, 4, 4, 15, 0, 0, TimeSpan.Zero), new(2026, 10, 3, 15, 30, 0, TimeSpan.Zero),    // Lord Howe
        new(2026, 4, 5, 3, 0, 0, TimeSpan.Zero), new(2026, 9, 6, 4, 0, 0, TimeSpan.Zero),        // Santiago
        new(2026, 4, 4, 14, 0, 0, TimeSpan.Zero), new(2026, 9, 26, 14, 0, 0, TimeSpan.Zero),     // Chatham
        new(2026, 12, 31, 12, 0, 0, TimeSpan.Zero), new(2026, 6, 15, 12, 0, 0, TimeSpan.Zero),
    ];

    [Fact]
    public void BusinessDuration_EqualsTheNaiveMinuteWalk() =>
        Prop.ForAll(Cases(maxSpanMinutes: 10 * 24 * 60), c =>
        {
            var (calendar, naive) = c.Build();
            Assert.Equal(NaiveCalendar.BusinessDuration(naive, c.From, c.To), calendar.BusinessDuration(c.From, c.To));
        }).Check(Many);

    [Fact]
    public void IsOpenNextOpeningAndAdd_EqualTheNaiveWalk() =>
        Prop.ForAll(Cases(maxSpanMinutes: 3 * 24 * 60), c =>
        {
            var (calendar, naive) = c.Build();
            Assert.Equal(NaiveCalendar.IsOpen(naive, c.From), calendar.IsOpen(c.From));
            if (calendar.WeeklyHours.Count == 0)
            {
                return;
            }

            // Opening bounds are whole local quarter-hours and offsets whole minutes, so the naive minute answers are exact.
            Assert.Equal(NaiveCalendar.NextOpening(naive, c.From), calendar.NextOpening(c.From));
            // A fraction of the business minutes of the span, one more now and then to reach past it; the naive walk
            // stays short.
            var minutes = (long)(NaiveCalendar.BusinessMinutes(naive, c.From, c.To) * c.Fraction) + (c.Fraction > 0.9 ? 1 : 0);
            Assert.Equal(NaiveCalendar.AddBusinessMinutes(naive, c.From, minutes), calendar.AddBusinessTime(c.From, TimeSpan.FromMinutes(minutes)));
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(150));

    [Fact]
    public void BusinessDuration_IsAdditiveNotNegativeAndAtMostElapsed() =>
        Prop.ForAll(Cases(maxSpanMinutes: 60 * 24 * 60, subMinute: true), c =>
        {
            var (calendar, _) = c.Build();
            var a = c.From;
            var b = c.From + ((c.To - c.From) * c.Fraction);
            var total = calendar.BusinessDuration(a, c.To);

            Assert.Equal(total, calendar.BusinessDuration(a, b) + calendar.BusinessDuration(b, c.To));
            Assert.InRange(total, TimeSpan.Zero, c.To - a);
            Assert.Equal(total, calendar.Duration(a, c.To, TimeBasis.Business));
            Assert.Equal(-total, calendar.Duration(c.To, a, TimeBasis.Business));
        }).Check(Many);

    [Fact]
    public void AddBusinessTime_RoundTripsAndIsTheEarliestSuchInstant() =>
        Prop.ForAll(Cases(maxSpanMinutes: 30 * 24 * 60, subMinute: true), c =>
        {
            var (calendar, _) = c.Build();
            if (calendar.WeeklyHours.Count == 0)
            {
                Assert.Throws<InvalidOperationException>(() => calendar.AddBusinessTime(c.From, TimeSpan.FromTicks(1)));
                return;
            }

            // Add a fraction of the business time a span holds, or of the span itself (which may need later weeks).
            var duration = (c.Fraction < 0.5 ? calendar.BusinessDuration(c.From, c.To) : c.To - c.From) * c.Fraction;
            var due = calendar.AddBusinessTime(c.From, duration);

            Assert.Equal(duration, calendar.BusinessDuration(c.From, due));
            if (duration > TimeSpan.Zero)
            {
                Assert.True(calendar.BusinessDuration(c.From, due.AddTicks(-1)) < duration);
                Assert.Equal(calendar.TimeZone.GetUtcOffset(due.UtcDateTime), due.Offset);
            }
            else
            {
                Assert.Equal(c.From.Offset, due.Offset);
            }
        }).Check(Many);

    [Fact]
    public void NextOpening_IsOpenAndNothingBeforeItIs() =>
        Prop.ForAll(Cases(maxSpanMinutes: 60, subMinute: true), c =>
        {
            var (calendar, _) = c.Build();
            if (calendar.WeeklyHours.Count == 0)
            {
                Assert.Throws<InvalidOperationException>(() => calendar.NextOpening(c.From));
                return;
            }

            var next = calendar.NextOpening(c.From);

            Assert.True(next >= c.From);
            Assert.True(calendar.IsOpen(next));
            Assert.Equal(TimeSpan.Zero, calendar.BusinessDuration(c.From, next));
            Assert.Equal(next == c.From, calendar.IsOpen(c.From));
        }).Check(Many);

    [Fact]
    public void Json_RoundTripsRandomCalendars() =>
        Prop.ForAll(Cases(maxSpanMinutes: 60), c =>
        {
            var (calendar, _) = c.Build();
            var (read, _) = Support.Json.RoundTrip(calendar, Engagement.Sdk.IO.EngagementJson.GetTypeInfo<BusinessCalendar>());
            Assert.Equal(calendar, read);
            Assert.Equal(calendar.BusinessDuration(c.From, c.To), read.BusinessDuration(c.From, c.To));
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(100));

    /// <summary>Random calendars and two instants, shrinking towards fewer intervals and holidays and shorter spans.</summary>
    private static Arbitrary<CalendarCase> Cases(int maxSpanMinutes, bool subMinute = false)
    {
        var interval = from day in Gen.Elements(Enum.GetValues<DayOfWeek>())
                       from a in Gen.Choose(0, 95)
                       from length in Gen.Choose(1, 40)
                       select (day, a, Math.Min(96, a + length));
        var gen =
            from zone in Gen.Elements(Zones)
            from raw in Gen.Choose(0, 12).SelectMany(n => interval.ArrayOf(n))
            from holidays in Gen.Choose(0, 4).SelectMany(n => Gen.Choose(-10, 10).ArrayOf(n))
            from anchor in Gen.Elements(Anchors)
            from startMinutes in Gen.Choose(-4 * 24 * 60, 4 * 24 * 60)
            from spanMinutes in Gen.Choose(0, maxSpanMinutes)
            from startTicks in subMinute ? Gen.Choose(0, 599_999_999) : Gen.Constant(0)
            from fraction in Gen.Choose(0, 1000)
            let start = anchor.AddMinutes(startMinutes).AddTicks(startTicks)
            select new CalendarCase(zone, WithoutOverlaps(raw), holidays, start, start.AddMinutes(spanMinutes), fraction / 1000.0);
        return Arb.From(gen, Shrink);
    }

    private static (DayOfWeek Day, int StartQuarter, int EndQuarter)[] WithoutOverlaps((DayOfWeek Day, int StartQuarter, int EndQuarter)[] intervals)
    {
        var kept = new List<(DayOfWeek Day, int StartQuarter, int EndQuarter)>();
        foreach (var candidate in intervals)
        {
            if (!kept.Exists(k => k.Day == candidate.Day && k.StartQuarter < candidate.EndQuarter && candidate.StartQuarter < k.EndQuarter))
            {
                kept.Add(candidate);
            }
        }

        return [.. kept];
    }

    private static IEnumerable<CalendarCase> Shrink(CalendarCase c)
    {
        for (var i = 0; i < c.Hours.Length; i++)
        {
            yield return c with { Hours = [.. c.Hours[..i], .. c.Hours[(i + 1)..]] };
        }

        for (var i = 0; i < c.Holidays.Length; i++)
        {
            yield return c with { Holidays = [.. c.Holidays[..i], .. c.Holidays[(i + 1)..]] };
        }

        if (c.To - c.From >= TimeSpan.FromMinutes(2))
        {
            yield return c with { To = c.From.AddMinutes(Math.Floor((c.To - c.From).TotalMinutes / 2)) };
        }
    }

    /// <summary>A calendar as quarter-hour intervals and holidays relative to the anchor's date, with two instants and a
    /// fraction in [0, 1].</summary>
    internal sealed record CalendarCase(
        string Zone, (DayOfWeek Day, int StartQuarter, int EndQuarter)[] Hours, int[] Holidays, DateTimeOffset From, DateTimeOffset To, double Fraction)
    {
        public (BusinessCalendar Calendar, NaiveCalendarSpec Naive) Build()
        {
            var hours = Hours.Select(h => (h.Day, TimeSpan.FromMinutes(15 * h.StartQuarter), TimeSpan.FromMinutes(15 * h.EndQuarter))).ToArray();
            var date = DateOnly.FromDateTime(From.UtcDateTime);
            var holidays = Holidays.Select(offset => date.AddDays(offset)).ToArray();
            return (
                new BusinessCalendar(Zone, hours.Select(h => new BusinessHours(h.Day, h.Item2, h.Item3)), holidays),
                new NaiveCalendarSpec(Zone, hours, holidays));
        }

        public override string ToString() => string.Create(
            CultureInfo.InvariantCulture,
            $"{Zone} [{string.Join(", ", Hours.Select(h => $"{h.Day} {h.StartQuarter / 4.0}–{h.EndQuarter / 4.0}"))}] holidays [{string.Join(", ", Holidays)}] from {From:O} to {To:O} fraction {Fraction}");
    }
}
