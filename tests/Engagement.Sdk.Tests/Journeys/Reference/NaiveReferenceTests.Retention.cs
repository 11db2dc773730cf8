namespace Engagement.Sdk.Tests.Journeys.Reference;

public partial class NaiveReferenceTests
{
    /// <summary>
    /// Days 03-02, 03-03, 03-04 analysed ([03-02, 03-05) UTC), start event "signup", return event "visit".
    /// </summary>
    private static readonly RefEvent[] RetentionEvents =
    [
        On("a", March(2, 9), "signup"), On("a", March(2, 10), "visit"), On("a", March(4, 9), "visit"), // a return in its cohort day does not count
        On("b", March(2, 9), "signup"), On("b", March(3, 9), "visit"),
        On("c", March(1, 9), "signup"), On("c", March(3, 9), "signup"), // first ever before the range
        On("d", March(3, 9), "signup"), On("d", March(4, 9), "visit"), On("d", March(4, 10), "signup"),
        On("e", March(3, 9), "visit"), // never starts
        On("f", March(5), "signup"), // at `to`: ignored
        On("g", March(4, 9), "signup"), On("g", March(5, 1), "visit"), // returns only after the range
    ];

    private static Dictionary<DateTime, long[]> Retention(bool firstTime, bool unbounded) =>
        NaiveRetention.Compute(RetentionEvents, "signup", "visit", RefPeriod.Day, TimeZoneInfo.Utc, DayOfWeek.Monday, March(2), March(5), firstTime, unbounded);

    [Fact]
    public void Retention_FirstTime_Bounded()
    {
        // Cohort 03-02 = {a, b}: k = 1 (03-03) b; k = 2 (03-04) a → [2, 1, 1].
        // Cohort 03-03 = {d} (c's first signup is 03-01, before the range → no cohort): k = 1 d → [1, 1].
        // Cohort 03-04 = {g}: [1] (its visit is after the range).
        var retention = Retention(firstTime: true, unbounded: false);

        Assert.Equal([Local(2026, 3, 2), Local(2026, 3, 3), Local(2026, 3, 4)], retention.Keys.Order());
        Assert.Equal([2, 1, 1], retention[Local(2026, 3, 2)]);
        Assert.Equal([1, 1], retention[Local(2026, 3, 3)]);
        Assert.Equal([1], retention[Local(2026, 3, 4)]);
    }

    [Fact]
    public void Retention_FirstTime_Unbounded_CountsAReturnInAnyLaterPeriod()
    {
        // Cohort 03-02: k = 1 counts returns on 03-03 or later: a (03-04), b (03-03) → 2; k = 2: a → 1 → [2, 2, 1].
        var retention = Retention(firstTime: true, unbounded: true);

        Assert.Equal([2, 2, 1], retention[Local(2026, 3, 2)]);
        Assert.Equal([1, 1], retention[Local(2026, 3, 3)]);
        Assert.Equal([1], retention[Local(2026, 3, 4)]);
    }

    [Fact]
    public void Retention_Recurring_JoinsEveryPeriodWithAStartEvent()
    {
        // 03-02 = {a, b} → [2, 1, 1]; 03-03 = {c, d}: k = 1 d → [2, 1]; 03-04 = {d, g} → [2].
        var retention = Retention(firstTime: false, unbounded: false);

        Assert.Equal([2, 1, 1], retention[Local(2026, 3, 2)]);
        Assert.Equal([2, 1], retention[Local(2026, 3, 3)]);
        Assert.Equal([2], retention[Local(2026, 3, 4)]);
    }

    [Fact]
    public void Retention_CohortsWithNoMemberAreAbsent_AndEmptyInputHasNone()
    {
        // Only a's signup on 03-03 → one cohort; 03-02 and 03-04 are absent.
        var retention = NaiveRetention.Compute(
            [On("a", March(3, 9), "signup")], "signup", "signup", RefPeriod.Day, TimeZoneInfo.Utc, DayOfWeek.Monday, March(2), March(5), firstTime: true, unbounded: false);
        Assert.Equal([Local(2026, 3, 3)], retention.Keys);
        Assert.Equal([1, 0], retention[Local(2026, 3, 3)]);

        Assert.Empty(NaiveRetention.Compute([], "signup", "visit", RefPeriod.Week, Berlin, DayOfWeek.Sunday, March(2), March(30), firstTime: false, unbounded: true));
    }

    [Fact]
    public void Retention_BerlinSundayWeeks_UseLocalWeeks()
    {
        // Sunday weeks in Berlin over [03-01 00:00 CET, 03-15 00:00 CET) = [02-28 23:00 UTC, 03-14 23:00 UTC): weeks 03-01, 03-08.
        // Saturday 03-07 23:30 UTC is Sunday 03-08 00:30 in Berlin → the second week: a's visit there counts at k = 1.
        // Saturday 03-14 22:30 UTC (23:30 CET) is still in the second week: b's visit counts at k = 1 too.
        var from = new DateTimeOffset(2026, 2, 28, 23, 0, 0, TimeSpan.Zero);
        var to = new DateTimeOffset(2026, 3, 14, 23, 0, 0, TimeSpan.Zero);
        RefEvent[] events =
        [
            On("a", March(2, 9), "signup"), On("a", new DateTimeOffset(2026, 3, 7, 23, 30, 0, TimeSpan.Zero), "visit"),
            On("b", March(2, 9), "signup"), On("b", new DateTimeOffset(2026, 3, 14, 22, 30, 0, TimeSpan.Zero), "visit"),
            On("c", March(2, 9), "signup"), On("c", new DateTimeOffset(2026, 3, 7, 22, 30, 0, TimeSpan.Zero), "visit"), // Saturday 23:30 CET: week 0
        ];

        var retention = NaiveRetention.Compute(events, "signup", "visit", RefPeriod.Week, Berlin, DayOfWeek.Sunday, from, to, firstTime: true, unbounded: false);

        Assert.Equal([Local(2026, 3, 1)], retention.Keys);
        Assert.Equal([3, 2], retention[Local(2026, 3, 1)]);
    }
}
