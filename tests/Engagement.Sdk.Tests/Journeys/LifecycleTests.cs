using Engagement.Sdk.Journeys;
using static Engagement.Sdk.Tests.Journeys.CohortTestData;
using S = Engagement.Sdk.Journeys.LifecycleStatus;

namespace Engagement.Sdk.Tests.Journeys;

public class LifecycleTests
{
    // Four UTC weeks from Monday 2024-01-08: W0 = Jan 8, W1 = Jan 15, W2 = Jan 22, W3 = Jan 29; the period just before
    // the range is the week of Jan 1.
    private static readonly LifecycleDefinition Weekly = new("login", CalendarPeriod.Week, At("2024-01-08 00:00"), At("2024-02-05 00:00"));

    private static readonly EventLog Logins = Log(
        ("a", "2024-01-02 10:00", "view"),
        ("a", "2024-01-03 10:00", "login"),
        ("a", "2024-01-09 10:00", "login"),
        ("a", "2024-01-23 10:00", "login"),
        ("b", "2024-01-16 10:00", "login"),
        ("b", "2024-01-24 10:00", "login"),
        ("c", "2024-01-10 10:00", "view"),
        ("c", "2024-01-23 10:00", "login"),
        ("d", "2023-12-20 10:00", "login"),
        ("d", "2024-01-30 10:00", "login"),
        ("e", "2024-01-05 10:00", "login"),
        ("f", "2024-02-05 00:00", "login"));

    [Fact]
    public void Statuses_FollowTheDefinitions()
    {
        var statuses = LifecycleAccumulator.GetStatuses(Logins, Weekly).ToDictionary(c => c.CustomerId, c => c.Statuses.ToArray());

        // a: created Jan 2 and active Jan 3, both in the week before the range, which counts as "previous" for W0:
        //    W0 active → returning; W1 inactive → dormant; W2 active, not in W1, created long ago → resurrecting;
        //    W3 inactive → dormant.
        Assert.Equal([S.Returning, S.Dormant, S.Resurrecting, S.Dormant], statuses["a"]);

        // b: created by its first login in W1 → new; W2 → returning; W3 → dormant.
        Assert.Equal([S.None, S.New, S.Returning, S.Dormant], statuses["b"]);

        // c: created by a view in W0 but first active in W2: not new (created in another period) → resurrecting.
        Assert.Equal([S.None, S.None, S.Resurrecting, S.Dormant], statuses["c"]);

        // d: its December login lies two weeks before the range, not in the previous period: W3 → resurrecting.
        Assert.Equal([S.None, S.None, S.None, S.Resurrecting], statuses["d"]);

        // e: active only in the week before the range → dormant in W0, right after the range starts.
        Assert.Equal([S.Dormant, S.None, S.None, S.None], statuses["e"]);

        // f: its only event is at `to`: not there yet.
        Assert.Equal([S.None, S.None, S.None, S.None], statuses["f"]);
    }

    [Fact]
    public void Counts_AreTheStatusesCounted()
    {
        var result = LifecycleAccumulator.Compute(Logins, Weekly);

        // From the statuses above, per week (new, returning, resurrecting, dormant):
        // W0: a returning, e dormant; W1: b new, a dormant; W2: b returning, a and c resurrecting;
        // W3: d resurrecting, a, b and c dormant.
        Assert.Equal(
            [(0L, 1L, 0L, 1L), (1, 0, 0, 1), (0, 1, 2, 0), (0, 0, 1, 3)],
            result.Periods.Select(p => (p.New, p.Returning, p.Resurrecting, p.Dormant)));
        Assert.Equal(6, result.Customers);
        Assert.Equal([At("2024-01-08 00:00"), At("2024-01-15 00:00"), At("2024-01-22 00:00"), At("2024-01-29 00:00")], result.Periods.Select(p => p.Start));
        Assert.True(result.HasValue);
    }

    [Fact]
    public void Statuses_OfPartitions_Concatenate_AndTheirCountsMerge()
    {
        var parts = Logins.Partition(3);
        var merged = new LifecycleAccumulator(Weekly);
        foreach (var part in parts)
        {
            var accumulator = new LifecycleAccumulator(Weekly);
            accumulator.Add(part);
            merged.Merge(accumulator);
        }

        Assert.Equal(LifecycleAccumulator.Compute(Logins, Weekly), merged.ToResult());
        Assert.Equal(
            LifecycleAccumulator.GetStatuses(Logins, Weekly).Select(c => c.ToString()),
            parts.SelectMany(part => LifecycleAccumulator.GetStatuses(part, Weekly)).Select(c => c.ToString()));
    }

    [Fact]
    public void New_WhenCreatedInThePartialFirstPeriodBeforeFrom()
    {
        // The range starts on Wednesday Jan 10; the customer's first event (a view on Monday Jan 8) precedes it but lies
        // in the first analysed week, so its first login that week makes it new.
        var definition = new LifecycleDefinition("login", CalendarPeriod.Week, At("2024-01-10 00:00"), At("2024-01-22 00:00"));
        var log = Log(("g", "2024-01-08 10:00", "view"), ("g", "2024-01-11 10:00", "login"), ("g", "2024-01-16 10:00", "login"));

        var statuses = LifecycleAccumulator.GetStatuses(log, definition).Single().Statuses;

        Assert.Equal([S.New, S.Returning], statuses);
    }

    [Fact]
    public void ActivityBeforeFromInTheFirstPeriod_IsIgnored()
    {
        // A login on Monday Jan 8 before `from` (Wednesday Jan 10) is neither in the range nor in the previous period.
        var definition = new LifecycleDefinition("login", CalendarPeriod.Week, At("2024-01-10 00:00"), At("2024-01-22 00:00"));
        var log = Log(("h", "2024-01-01 10:00", "view"), ("h", "2024-01-08 10:00", "login"), ("h", "2024-01-16 10:00", "login"));

        Assert.Equal([S.None, S.Resurrecting], LifecycleAccumulator.GetStatuses(log, definition).Single().Statuses);
    }

    [Fact]
    public void DayPeriodsInBerlin_UseLocalMidnight()
    {
        // 22:30 UTC on Jan 8 is 23:30 in Berlin (CET), 23:30 UTC is 00:30 on Jan 9.
        var definition = new LifecycleDefinition("login", CalendarPeriod.Day, At("2024-01-07 23:00"), At("2024-01-09 23:00"), "Europe/Berlin");
        var log = Log(("i", "2024-01-08 22:30", "login"), ("i", "2024-01-08 23:30", "login"));

        Assert.Equal([S.New, S.Returning], LifecycleAccumulator.GetStatuses(log, definition).Single().Statuses);
        Assert.Equal(new DateTimeOffset(2024, 1, 8, 0, 0, 0, TimeSpan.FromHours(1)), definition.GetPeriodStart(0));
    }

    [Fact]
    public void EmptyLog_HasNoValue()
    {
        var result = LifecycleAccumulator.Compute(new EventLogBuilder().Build(), Weekly);

        Assert.False(result.HasValue);
        Assert.Equal(4, result.Periods.Count);
        Assert.Empty(LifecycleAccumulator.GetStatuses(new EventLogBuilder().Build(), Weekly));
    }

    [Fact]
    public void AbsentActivityEvent_GivesNoStatus()
    {
        var result = LifecycleAccumulator.Compute(Logins, new LifecycleDefinition("purchase", CalendarPeriod.Week, Weekly.From, Weekly.To));

        Assert.False(result.HasValue);
        Assert.Equal(6, result.Customers);
    }
}
