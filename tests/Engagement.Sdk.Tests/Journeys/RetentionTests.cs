using Engagement.Sdk.Journeys;
using static Engagement.Sdk.Tests.Journeys.CohortTestData;

namespace Engagement.Sdk.Tests.Journeys;

public class RetentionTests
{
    // Four UTC weeks starting Monday 2024-01-01: W0 = Jan 1, W1 = Jan 8, W2 = Jan 15, W3 = Jan 22.
    private static readonly DateTimeOffset From = At("2024-01-01 00:00");
    private static readonly DateTimeOffset To = At("2024-01-29 00:00");

    private static readonly EventLog Visits = Log(
        ("u1", "2024-01-02 10:00", "visit"),
        ("u1", "2024-01-03 10:00", "visit"),
        ("u1", "2024-01-16 10:00", "visit"),
        ("u2", "2024-01-09 10:00", "visit"),
        ("u2", "2024-01-10 10:00", "visit"),
        ("u2", "2024-01-17 10:00", "visit"),
        ("u2", "2024-01-24 10:00", "visit"),
        ("u3", "2023-12-28 10:00", "visit"),
        ("u3", "2024-01-09 10:00", "visit"),
        ("u4", "2024-01-29 00:00", "visit"),
        ("u5", "2024-01-09 10:00", "view"));

    private static long[][] Counts(RetentionResult result) => [.. result.Cohorts.Select(c => c.Counts.ToArray())];

    [Fact]
    public void FirstTime_Bounded_CountsReturnsInPeriodCohortPlusK()
    {
        var result = RetentionAccumulator.Compute(Visits, new RetentionDefinition("visit", "visit", CalendarPeriod.Week, From, To));

        // u1: first visit Jan 2 → cohort W0; its Jan 3 visit is in W0 itself, which never counts for k ≥ 1; Jan 16 → k = 2.
        // u2: cohort W1; Jan 17 (W2) → k = 1, Jan 24 (W3) → k = 2.
        // u3: first-ever visit Dec 28 lies before the range → in no cohort, although it visits in W1.
        // u4: its only visit is at `to`, ignored. u5: never visits. All five are customers seen.
        Assert.Equal([[1, 0, 1, 0], [1, 1, 1], [0, 0], [0]], Counts(result));
        Assert.Equal(5, result.Customers);
        Assert.True(result.HasValue);
        Assert.Equal([From, At("2024-01-08 00:00"), At("2024-01-15 00:00"), At("2024-01-22 00:00")], result.Cohorts.Select(c => c.Start));
    }

    [Fact]
    public void FirstTime_Unbounded_CountsAReturnInAnyLaterPeriod()
    {
        var result = RetentionAccumulator.Compute(Visits, new RetentionDefinition("visit", "visit", CalendarPeriod.Week, From, To, unbounded: true));

        // u1 (W0) returned last in W2: counted at k = 1 and 2 (a return in W2 ≥ W0 + k), not at k = 3.
        // u2 (W1) returned last in W3: counted at k = 1 and 2.
        Assert.Equal([[1, 1, 1, 0], [1, 1, 1], [0, 0], [0]], Counts(result));
    }

    [Fact]
    public void Recurring_WithADifferentReturnEvent_JoinsEveryPeriodWithAStartEvent()
    {
        var log = Log(
            ("u1", "2024-01-02 10:00", "visit"),
            ("u1", "2024-01-16 10:00", "visit"),
            ("u1", "2024-01-03 10:00", "buy"),
            ("u1", "2024-01-09 10:00", "buy"),
            ("u1", "2024-01-23 10:00", "buy"),
            ("u2", "2024-01-09 10:00", "buy"),
            ("u3", "2024-01-09 10:00", "visit"),
            ("u3", "2024-01-10 10:00", "buy"));

        var result = RetentionAccumulator.Compute(log, new RetentionDefinition("visit", "buy", CalendarPeriod.Week, From, To, RetentionCohortType.Recurring));

        // u1 visits in W0 and W2, so joins both cohorts; it buys in W0, W1 and W3.
        //   cohort W0: k = 1 (W1) yes, k = 2 (W2) no, k = 3 (W3) yes; cohort W2: k = 1 (W3) yes.
        // u2 buys but never visits: in no cohort. u3 visits and buys in W1 only: size only.
        Assert.Equal([[1, 1, 0, 1], [1, 0, 0], [1, 1], [0]], Counts(result));

        // The average weighs each cohort by its size, over the cohorts that have a period k:
        // k = 0: 3 of 3; k = 1: W0..W2 → (1 + 0 + 1) of 3; k = 2: W0, W1 → 0 of 2; k = 3: W0 → 1 of 1.
        Assert.Equal([(3L, 3L), (2, 3), (0, 2), (1, 1)], result.Average.Select(p => (p.Successes, p.Trials)));
    }

    [Fact]
    public void FirstTime_DifferentEvents_IgnoresReturnsBeforeTheStartEvent()
    {
        var log = Log(
            ("u1", "2024-01-02 10:00", "buy"),
            ("u1", "2024-01-09 10:00", "signup"),
            ("u1", "2024-01-10 10:00", "buy"),
            ("u1", "2024-01-16 10:00", "buy"),
            ("u1", "2024-01-18 10:00", "signup"));

        var result = RetentionAccumulator.Compute(log, new RetentionDefinition("signup", "buy", CalendarPeriod.Week, From, To));

        // First signup Jan 9 → cohort W1 (the later signup does not add a cohort); the W0 buy precedes the cohort and
        // the Jan 10 buy is in the cohort's own period; Jan 16 (W2) → k = 1.
        Assert.Equal([[0, 0, 0, 0], [1, 1, 0], [0, 0], [0]], Counts(result));
    }

    [Fact]
    public void SundayWeekStart_MovesTheWeekBoundary()
    {
        // Saturday 23:00 and Sunday 01:00 around the boundary of weeks starting Sunday.
        var log = Log(("u1", "2024-01-13 23:00", "visit"), ("u1", "2024-01-14 01:00", "visit"));
        var from = At("2024-01-07 00:00");
        var to = At("2024-01-21 00:00");

        var sunday = RetentionAccumulator.Compute(log, new RetentionDefinition("visit", "visit", CalendarPeriod.Week, from, to, weekStart: DayOfWeek.Sunday));
        var monday = RetentionAccumulator.Compute(log, new RetentionDefinition("visit", "visit", CalendarPeriod.Week, from, to));

        // Weeks from Sunday: Jan 7–13 and Jan 14–20; the second visit is a return at k = 1.
        Assert.Equal([[1, 1], [0]], Counts(sunday));
        Assert.Equal(From.AddDays(6), sunday.Cohorts[0].Start);

        // Weeks from Monday: Jan 1–7 (partial: from Sunday Jan 7), Jan 8–14, Jan 15–21: both visits in the second week.
        Assert.Equal([[0, 0, 0], [1, 0], [0]], Counts(monday));
        Assert.Equal(From, monday.Cohorts[0].Start);
    }

    [Fact]
    public void BerlinWeekWithTheDaylightSavingChange_EndsAtLocalMidnight()
    {
        // Summer time starts in Berlin on Sunday 2024-03-31 at 02:00 → 03:00; the week from Monday 25 March
        // 00:00 CET (24 March 23:00 UTC) has 167 hours and ends at Monday 1 April 00:00 CEST (31 March 22:00 UTC).
        var log = Log(
            ("u1", "2024-03-25 10:00", "visit"),
            ("u1", "2024-03-31 22:30", "visit"),
            ("u2", "2024-03-25 10:00", "visit"),
            ("u2", "2024-03-31 21:30", "visit"));
        var from = new DateTimeOffset(2024, 3, 25, 0, 0, 0, TimeSpan.FromHours(1));
        var to = new DateTimeOffset(2024, 4, 8, 0, 0, 0, TimeSpan.FromHours(2));

        var berlin = RetentionAccumulator.Compute(log, new RetentionDefinition("visit", "visit", CalendarPeriod.Week, from, to, timeZone: "Europe/Berlin"));

        // u1's 22:30 UTC visit is 00:30 CEST on Monday 1 April: the next week, k = 1. u2's 21:30 UTC is 23:30 CEST on
        // Sunday: still the cohort's week.
        Assert.Equal([[2, 1], [0]], Counts(berlin));
        Assert.Equal(new DateTimeOffset(2024, 3, 25, 0, 0, 0, TimeSpan.FromHours(1)), berlin.Cohorts[0].Start);
        Assert.Equal(TimeSpan.FromHours(1), berlin.Cohorts[0].Start.Offset);
        Assert.Equal(new DateTimeOffset(2024, 4, 1, 0, 0, 0, TimeSpan.FromHours(2)), berlin.Cohorts[1].Start);
        Assert.Equal(TimeSpan.FromHours(2), berlin.Cohorts[1].Start.Offset);
    }

    [Fact]
    public void MonthPeriods_StartOnTheFirst_AndTheFirstAndLastArePartial()
    {
        var log = Log(
            ("u1", "2024-01-20 10:00", "visit"),
            ("u1", "2024-03-05 10:00", "visit"),
            ("u2", "2024-01-10 10:00", "visit"),
            ("u2", "2024-02-10 10:00", "visit"),
            ("u3", "2024-02-29 23:59", "visit"),
            ("u3", "2024-03-01 00:00", "visit"),
            ("u4", "2024-03-10 00:00", "visit"));

        var result = RetentionAccumulator.Compute(log, new RetentionDefinition("visit", "visit", CalendarPeriod.Month, At("2024-01-15 00:00"), At("2024-03-10 00:00")));

        // Periods: January (from the 15th), February, March (to the 10th, excluded).
        // u1: cohort January, returns in March → k = 2. u2: first visit Jan 10, before `from` → no cohort.
        // u3: cohort February (leap day), returns a minute later in March → k = 1. u4: at `to`, ignored.
        Assert.Equal([[1, 0, 1], [1, 1], [0]], Counts(result));
        Assert.Equal([At("2024-01-01 00:00"), At("2024-02-01 00:00"), At("2024-03-01 00:00")], result.Cohorts.Select(c => c.Start));
    }

    [Fact]
    public void DayPeriods_AreCalendarDays_NotRolling24Hours()
    {
        // 23:30 and 00:30 the next day are an hour apart but in consecutive calendar days.
        var log = Log(("u1", "2024-01-01 23:30", "visit"), ("u1", "2024-01-02 00:30", "visit"));

        var result = RetentionAccumulator.Compute(log, new RetentionDefinition("visit", "visit", CalendarPeriod.Day, From, At("2024-01-03 00:00")));

        Assert.Equal([[1, 1], [0]], Counts(result));
    }

    [Fact]
    public void AbsentStartEvent_CountsCustomersButNoCohort()
    {
        var result = RetentionAccumulator.Compute(Visits, new RetentionDefinition("signup", "visit", CalendarPeriod.Week, From, To));

        Assert.Equal(5, result.Customers);
        Assert.False(result.HasValue);
        Assert.All(result.Average, p => Assert.False(p.HasValue));
        Assert.All(result.Cohorts[0].Rates, p => Assert.Null(p.Value));
    }

    [Fact]
    public void EmptyLog_HasNoValue()
    {
        var result = RetentionAccumulator.Compute(new EventLogBuilder().Build(), new RetentionDefinition("visit", "visit", CalendarPeriod.Week, From, To));

        Assert.False(result.HasValue);
        Assert.Equal(0, result.Customers);
        Assert.Equal(4, result.Cohorts.Count);
    }

    [Fact]
    public void Rates_AreRetainedOutOfTheCohortSize()
    {
        var result = RetentionAccumulator.Compute(Visits, new RetentionDefinition("visit", "visit", CalendarPeriod.Week, From, To));

        // Cohort W1 has one member who returned at k = 1 and 2: 1 of 1 each.
        Assert.Equal([1.0, 1.0, 1.0], result.Cohorts[1].Rates.Select(p => p.Value!.Value));
        Assert.Equal(1, result.Cohorts[1].Size);
    }

    [Fact]
    public void Merge_OfSameCustomerInTwoParts_CountsItTwice()
    {
        var definition = new RetentionDefinition("visit", "visit", CalendarPeriod.Week, From, To);
        var first = new RetentionAccumulator(definition);
        first.Add(Log(("u1", "2024-01-02 10:00", "visit")));
        first.Merge(first);

        Assert.Equal(2, first.Count);
        Assert.Equal(2, first.ToResult().Cohorts[0].Size);
    }

    [Fact]
    public void Add_Cancelled_ThrowsAndChangesNothing()
    {
        var accumulator = new RetentionAccumulator(new RetentionDefinition("visit", "visit", CalendarPeriod.Week, From, To));

        Assert.Throws<OperationCanceledException>(() => accumulator.Add(Visits, new CancellationToken(canceled: true)));

        Assert.Equal(0, accumulator.Count);
    }
}
