using System.Globalization;
using Engagement.Sdk.Journeys;
using Engagement.Sdk.Tests.Journeys.Reference;
using FsCheck;
using FsCheck.Fluent;

namespace Engagement.Sdk.Tests.Journeys;

/// <summary>Retention and lifecycle on random logs: against the naive reference, merged partitions, input order, bounds.</summary>
public class CohortProperties
{
    private static readonly Config Many = Config.QuickThrowOnFailure.WithMaxTest(300);

    private static readonly string[] Zones = ["UTC", "Europe/Berlin", "America/Sao_Paulo"];

    /// <summary>Up to 60 events of 5 customers at multiples of 7 hours over 45 days from Monday 2026-03-02 09:00 UTC,
    /// across Berlin's spring change (March 29).</summary>
    private static Arbitrary<RefEvent[]> Events() =>
        RefGenerators.Events(["visit", "buy", "view"], TimeSpan.FromHours(7), steps: 45 * 24 / 7, maxLength: 60);

    /// <summary>A range inside the events' span (so events fall before, in and after it), a period and a zone.</summary>
    private static Arbitrary<Settings> Ranges() =>
        Ranges(
            [CalendarPeriod.Day, CalendarPeriod.Week, CalendarPeriod.Month], Zones, [DayOfWeek.Monday, DayOfWeek.Sunday, DayOfWeek.Wednesday], [true, false], [true, false]);

    /// <summary>A range inside the events' span, with the period, zone, week start, cohort type and events from the choices.</summary>
    private static Arbitrary<Settings> Ranges(CalendarPeriod[] periods, string[] zones, DayOfWeek[] weekStarts, bool[] firstTimes, bool[] sameEvents) =>
        Arb.From(
            from startHours in Gen.Choose(0, 20 * 24)
            from lengthHours in Gen.Choose(1, 30 * 24)
            from period in Gen.Elements(periods)
            from zone in Gen.Elements(zones)
            from weekStart in Gen.Elements(weekStarts)
            from firstTime in Gen.Elements(firstTimes)
            from unbounded in Gen.Elements(true, false)
            from same in Gen.Elements(sameEvents)
            select new Settings(
                RefGenerators.Origin.AddHours(startHours + 0.5),
                RefGenerators.Origin.AddHours(startHours + 0.5 + lengthHours),
                period,
                zone,
                weekStart,
                firstTime,
                unbounded,
                same));

    [Fact]
    public void Retention_EqualsTheNaiveReference() =>
        Prop.ForAll(Events(), Ranges(), (events, s) =>
        {
            var definition = s.Retention();
            var result = RetentionAccumulator.Compute(RefEventLog.Build(events), definition);
            var naive = NaiveRetention.Compute(
                events, definition.StartEvent, definition.ReturnEvent, s.RefPeriod, s.Zone, s.WeekStart, s.From, s.To, s.FirstTime, s.Unbounded);
            return result.Cohorts.Count == NaivePeriods.Periods(s.From, s.To, s.RefPeriod, s.Zone, s.WeekStart).Count
                && result.Cohorts.All(c => c.Counts.SequenceEqual(naive.GetValueOrDefault(c.Start.DateTime) ?? new long[c.Counts.Count]))
                && naive.Keys.All(start => result.Cohorts.Any(c => c.Start.DateTime == start));
        }).Check(Many);

    [Fact]
    public void Retention_OverMoreThan62Periods_EqualsTheNaiveReference() =>
        Prop.ForAll(
            RefGenerators.Events(["visit", "buy"], TimeSpan.FromHours(13), steps: 100 * 24 / 13, maxLength: 80),
            Gen.Choose(63, 90).SelectMany(days => Gen.Elements(true, false).Select(firstTime => (days, firstTime))).ToArbitrary(),
            (events, setting) =>
            {
                var s = new Settings(
                    RefGenerators.Origin.AddDays(3), RefGenerators.Origin.AddDays(3 + setting.days), CalendarPeriod.Day, "Europe/Berlin", DayOfWeek.Monday, setting.firstTime, false, false);
                var result = RetentionAccumulator.Compute(RefEventLog.Build(events), s.Retention());
                var naive = NaiveRetention.Compute(events, "visit", "buy", RefPeriod.Day, s.Zone, DayOfWeek.Monday, s.From, s.To, s.FirstTime, unbounded: false);
                return result.Cohorts.Count > 62
                    && result.Cohorts.All(c => c.Counts.SequenceEqual(naive.GetValueOrDefault(c.Start.DateTime) ?? new long[c.Counts.Count]));
            }).Check(Config.QuickThrowOnFailure.WithMaxTest(100));

    [Fact]
    public void Retention_FirstTime_ManyCustomers_FixedLengthAndSearchedPeriods_EqualTheNaiveReference() =>
        Prop.ForAll(
            RefGenerators.Events(["visit", "buy", "view"], TimeSpan.FromHours(5), steps: 45 * 24 / 5, customers: 700, maxLength: 3000),
            Ranges([CalendarPeriod.Day, CalendarPeriod.Week], ["UTC", "Europe/Berlin", "Asia/Kolkata"], [DayOfWeek.Monday], [true], [false]),
            (events, s) =>
            {
                // Customers in several blocks of the first-time scan; days and weeks in UTC and Kolkata are placed by a
                // division, and in Berlin across its spring change by a search of the period starts.
                var definition = s.Retention();
                var result = RetentionAccumulator.Compute(RefEventLog.Build(events), definition);
                var naive = NaiveRetention.Compute(events, "visit", "buy", s.RefPeriod, s.Zone, s.WeekStart, s.From, s.To, firstTime: true, s.Unbounded);
                return result.Cohorts.All(c => c.Counts.SequenceEqual(naive.GetValueOrDefault(c.Start.DateTime) ?? new long[c.Counts.Count]))
                    && naive.Keys.All(start => result.Cohorts.Any(c => c.Start.DateTime == start));
            }).Check(Config.QuickThrowOnFailure.WithMaxTest(60));

    [Theory]
    [InlineData(CalendarPeriod.Week, "UTC", "2026-03-02", "2026-06-01", 7)]
    [InlineData(CalendarPeriod.Day, "Asia/Kolkata", "2026-03-02", "2026-06-01", 1)]
    [InlineData(CalendarPeriod.Week, "Europe/Berlin", "2026-01-05", "2026-03-02", 7)]
    [InlineData(CalendarPeriod.Week, "Europe/Berlin", "2026-03-02", "2026-06-01", 0)]
    [InlineData(CalendarPeriod.Day, "Europe/Berlin", "2026-03-20", "2026-04-05", 0)]
    [InlineData(CalendarPeriod.Month, "UTC", "2026-01-01", "2026-04-01", 0)]
    [InlineData(CalendarPeriod.Month, "UTC", "2026-07-01", "2026-09-01", 31)]
    public void CalendarPeriods_FixedLength_IsTheCommonLengthOfEqualPeriods_Else0(CalendarPeriod period, string zone, string from, string to, int days)
    {
        var periods = new RetentionDefinition(
            "visit", "buy", period, DateTimeOffset.Parse(from, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal), DateTimeOffset.Parse(to, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal), timeZone: zone).Periods;
        Assert.Equal(days * TimeSpan.TicksPerDay, periods.FixedLength);
        for (var p = 0; days > 0 && p <= periods.Count; p++)
        {
            Assert.Equal(periods.Starts[0] + (p * periods.FixedLength), periods.Starts[p]);
        }
    }

    [Fact]
    public void Lifecycle_EqualsTheNaiveReference_CountsAndStatuses() =>
        Prop.ForAll(Events(), Ranges(), (events, s) =>
        {
            var definition = s.Lifecycle();
            var log = RefEventLog.Build(events);
            var result = LifecycleAccumulator.Compute(log, definition);
            var naive = NaiveLifecycle.Compute(events, "visit", s.RefPeriod, s.Zone, s.WeekStart, s.From, s.To);
            var naiveStatuses = NaiveLifecycle.Statuses(events, "visit", s.RefPeriod, s.Zone, s.WeekStart, s.From, s.To);
            var statuses = LifecycleAccumulator.GetStatuses(log, definition)
                .SelectMany(c => c.Statuses.Select((status, p) => (c.CustomerId, Period: result.Periods[p].Start.DateTime, Status: status)))
                .Where(x => x.Status != LifecycleStatus.None)
                .ToDictionary(x => (x.CustomerId, x.Period), x => x.Status.ToString().ToLowerInvariant());
            return naive.Count == result.Periods.Count
                && result.Periods.All(p => naive[p.Start.DateTime] == (p.New, p.Returning, p.Resurrecting, p.Dormant))
                && statuses.Count == naiveStatuses.Count
                && statuses.All(pair => naiveStatuses.GetValueOrDefault(pair.Key) == pair.Value);
        }).Check(Many);

    [Fact]
    public void MergedPartitions_EqualTheWhole() =>
        Prop.ForAll(Events(), Ranges(), Gen.Choose(1, 6).ToArbitrary(), (events, s, parts) =>
        {
            var log = RefEventLog.Build(events);
            var retention = new RetentionAccumulator(s.Retention());
            var lifecycle = new LifecycleAccumulator(s.Lifecycle());
            foreach (var part in log.Partition(parts))
            {
                var r = new RetentionAccumulator(s.Retention());
                r.Add(part);
                retention.Merge(r);
                var l = new LifecycleAccumulator(s.Lifecycle());
                l.Add(part);
                lifecycle.Merge(l);
            }

            return retention.ToResult().Equals(RetentionAccumulator.Compute(log, s.Retention()))
                && lifecycle.ToResult().Equals(LifecycleAccumulator.Compute(log, s.Lifecycle()))
                && retention.Count == log.CustomerCount;
        }).Check(Many);

    [Fact]
    public void Results_DoNotDependOnInputOrder() =>
        Prop.ForAll(Events(), Ranges(), (events, s) =>
        {
            var reversed = RefEventLog.Build([.. events.Reverse()]);
            var forward = RefEventLog.Build(events);
            return RetentionAccumulator.Compute(forward, s.Retention()).Equals(RetentionAccumulator.Compute(reversed, s.Retention()))
                && LifecycleAccumulator.Compute(forward, s.Lifecycle()).Equals(LifecycleAccumulator.Compute(reversed, s.Lifecycle()));
        }).Check(Many);

    [Fact]
    public void Retention_NeverExceedsTheCohortSize_AndUnboundedNeverCountsLess() =>
        Prop.ForAll(Events(), Ranges(), (events, s) =>
        {
            var log = RefEventLog.Build(events);
            var bounded = RetentionAccumulator.Compute(log, (s with { Unbounded = false }).Retention());
            var unbounded = RetentionAccumulator.Compute(log, (s with { Unbounded = true }).Retention());
            return bounded.Cohorts.Zip(unbounded.Cohorts).All(pair =>
                pair.First.Counts.All(count => count <= pair.First.Size)
                && pair.Second.Counts.All(count => count <= pair.Second.Size)
                && pair.First.Counts.Zip(pair.Second.Counts).All(k => k.First <= k.Second));
        }).Check(Many);

    [Fact]
    public void LargeLog_OnBothCores_EqualsItsPartitionsMerged()
    {
        // Three copies of the e-commerce file under different customer ids: 93k events, above the parallel threshold.
        var rows = EventLogTestData.ReadEcommerce();
        var builder = new EventLogBuilder();
        foreach (var copy in new[] { "a", "b", "c" })
        {
            foreach (var row in rows)
            {
                builder.Add(copy + row.UserId, row.Timestamp.AddDays(copy[0] - 'a'), row.Event, row.Channel);
            }
        }

        var log = builder.Build();
        Assert.True(log.Count >= CustomerScan.ParallelThreshold);
        var retention = new RetentionDefinition("product_view", "purchase", CalendarPeriod.Week, CohortTestData.At("2024-01-01 00:00"), CohortTestData.At("2024-07-01 00:00"));
        var lifecycle = new LifecycleDefinition("product_view", CalendarPeriod.Week, CohortTestData.At("2024-02-01 00:00"), CohortTestData.At("2024-07-01 00:00"));
        var retentionParts = new RetentionAccumulator(retention);
        var lifecycleParts = new LifecycleAccumulator(lifecycle);
        foreach (var part in log.Partition(8))
        {
            Assert.True(part.Count < CustomerScan.ParallelThreshold);
            retentionParts.Merge(RetentionAccumulator.FromState(new RetentionAccumulator(retention).Also(a => a.Add(part)).GetState()));
            lifecycleParts.Merge(LifecycleAccumulator.FromState(new LifecycleAccumulator(lifecycle).Also(a => a.Add(part)).GetState()));
        }

        Assert.Equal(retentionParts.ToResult(), RetentionAccumulator.Compute(log, retention));
        Assert.Equal(lifecycleParts.ToResult(), LifecycleAccumulator.Compute(log, lifecycle));
    }

    /// <summary>One random analysis setting.</summary>
    internal sealed record Settings(
        DateTimeOffset From, DateTimeOffset To, CalendarPeriod Period, string ZoneId, DayOfWeek WeekStart, bool FirstTime, bool Unbounded, bool SameEvents)
    {
        public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(ZoneId);

        public RefPeriod RefPeriod => (RefPeriod)(int)Period;

        public RetentionDefinition Retention() =>
            new("visit", SameEvents ? "visit" : "buy", Period, From, To, FirstTime ? RetentionCohortType.FirstTime : RetentionCohortType.Recurring, Unbounded, ZoneId, WeekStart);

        public LifecycleDefinition Lifecycle() => new("visit", Period, From, To, ZoneId, WeekStart);
    }
}

internal static class AccumulatorTestExtensions
{
    public static T Also<T>(this T value, Action<T> change)
    {
        change(value);
        return value;
    }
}
