namespace Engagement.Sdk.Tests.Journeys.Reference;

public partial class NaiveReferenceTests
{
    [Fact]
    public void Lifecycle_StatusesFollowTheDefinitions()
    {
        // Days 03-02, 03-03, 03-04; 03-01 is the "previous" of 03-02. Activity = "login"; any event creates.
        RefEvent[] events =
        [
            On("a", March(1, 9), "login"), On("a", March(2, 9), "login"), // 03-02 returning (03-01 active), 03-03 dormant
            On("b", March(2, 9), "home"), On("b", March(3, 9), "login"), // created 03-02; 03-03 resurrecting, 03-04 dormant
            On("c", March(2, 9), "login"), On("c", March(3, 9), "login"), // 03-02 new, 03-03 returning, 03-04 dormant
            On("d", new DateTimeOffset(2026, 2, 20, 9, 0, 0, TimeSpan.Zero), "login"), On("d", March(3, 9), "login"), // 03-03 resurrecting, 03-04 dormant
            On("e", March(4, 9), "login"), // 03-04 new
            On("f", March(1, 9), "login"), // 03-02 dormant
            On("g", March(5, 9), "login"), // after the range: nothing
        ];

        var statuses = NaiveLifecycle.Statuses(events, "login", RefPeriod.Day, TimeZoneInfo.Utc, DayOfWeek.Monday, March(2), March(5));
        var counts = NaiveLifecycle.Compute(events, "login", RefPeriod.Day, TimeZoneInfo.Utc, DayOfWeek.Monday, March(2), March(5));

        Assert.Equal(
            new Dictionary<(string Customer, DateTime Period), string>
            {
                [("a", Local(2026, 3, 2))] = "returning",
                [("a", Local(2026, 3, 3))] = "dormant",
                [("b", Local(2026, 3, 3))] = "resurrecting",
                [("b", Local(2026, 3, 4))] = "dormant",
                [("c", Local(2026, 3, 2))] = "new",
                [("c", Local(2026, 3, 3))] = "returning",
                [("c", Local(2026, 3, 4))] = "dormant",
                [("d", Local(2026, 3, 3))] = "resurrecting",
                [("d", Local(2026, 3, 4))] = "dormant",
                [("e", Local(2026, 3, 4))] = "new",
                [("f", Local(2026, 3, 2))] = "dormant",
            },
            statuses);

        // 03-02: new c, returning a, dormant f; 03-03: returning c, resurrecting b and d, dormant a;
        // 03-04: new e, dormant b, c and d.
        Assert.Equal(
            new Dictionary<DateTime, (long, long, long, long)>
            {
                [Local(2026, 3, 2)] = (1, 1, 0, 1),
                [Local(2026, 3, 3)] = (0, 1, 2, 1),
                [Local(2026, 3, 4)] = (1, 0, 0, 3),
            },
            counts);
    }

    [Fact]
    public void Lifecycle_PartialFirstPeriod_IgnoresActivityBeforeFrom_ButNotCreation()
    {
        // Range [03-02 12:00, 03-04 00:00): days 03-02 (partial) and 03-03.
        // h logs in at 03-02 08:00, before `from`: ignored, so h is not active on 03-02; but h was created then, so its
        // login on 03-03 is not new and, with no activity counted on 03-02, resurrecting.
        // k logs in at 03-02 08:00 and 13:00: active on 03-02 and created then → new.
        RefEvent[] events =
        [
            On("h", March(2, 8), "login"), On("h", March(3, 8), "login"),
            On("k", March(2, 8), "login"), On("k", March(2, 13), "login"),
        ];

        var statuses = NaiveLifecycle.Statuses(events, "login", RefPeriod.Day, TimeZoneInfo.Utc, DayOfWeek.Monday, March(2, 12), March(4));

        Assert.Equal(
            new Dictionary<(string Customer, DateTime Period), string>
            {
                [("h", Local(2026, 3, 3))] = "resurrecting",
                [("k", Local(2026, 3, 2))] = "new",
                [("k", Local(2026, 3, 3))] = "dormant",
            },
            statuses);
    }

    [Fact]
    public void Lifecycle_EmptyInput_HasEveryPeriodAtZero()
    {
        var counts = NaiveLifecycle.Compute([], "login", RefPeriod.Week, Berlin, DayOfWeek.Sunday, March(2), March(9));

        // [03-02 00:00 UTC, 03-09 00:00 UTC) in Berlin Sunday weeks: 03-02 01:00 local is in the week of 03-01;
        // 03-08 23:59:59 UTC is 03-09 00:59 local, in the week of 03-08.
        Assert.Equal(
            new Dictionary<DateTime, (long, long, long, long)> { [Local(2026, 3, 1)] = (0, 0, 0, 0), [Local(2026, 3, 8)] = (0, 0, 0, 0) },
            counts);
        Assert.Empty(NaiveLifecycle.Statuses([], "login", RefPeriod.Week, Berlin, DayOfWeek.Sunday, March(2), March(9)));
    }
}
