using Engagement.Sdk.Journeys;
using static Engagement.Sdk.Tests.Journeys.CohortTestData;

namespace Engagement.Sdk.Tests.Journeys;

/// <summary>Retention and lifecycle on the real e-commerce clickstream, against plain LINQ over the file's rows.</summary>
public class CohortEcommerceTests
{
    private static readonly List<EcommerceRow> Rows = EventLogTestData.ReadEcommerce();
    private static readonly EventLog Log = EventLogTestData.ToBuilder(Rows).Build();

    [Fact]
    public void WeeklyFirstTimeRetention_FromProductViewToPurchase()
    {
        // 26 UTC weeks from Monday 2024-01-01; the file runs from 2024-01-04 to 2024-06-29.
        var monday = At("2024-01-01 00:00");
        var definition = new RetentionDefinition("product_view", "purchase", CalendarPeriod.Week, monday, monday.AddDays(26 * 7));
        static int Week(DateTimeOffset t) => (int)((t - At("2024-01-01 00:00")).TotalDays / 7);

        var result = RetentionAccumulator.Compute(Log, definition);

        // Each user's week of its first product view, and the weeks it purchased in.
        var users = Rows.GroupBy(r => r.UserId).Select(g => (
            Cohort: g.Where(r => r.Event == "product_view").Select(r => (int?)Week(r.Timestamp)).Min(),
            Purchases: g.Where(r => r.Event == "purchase").Select(r => Week(r.Timestamp)).ToHashSet())).ToList();
        for (var c = 0; c < 26; c++)
        {
            var members = users.Where(u => u.Cohort == c).ToList();
            var expected = Enumerable.Range(0, 26 - c).Select(k => k == 0 ? members.Count : members.Count(u => u.Purchases.Contains(c + k)));
            Assert.Equal(expected.Select(n => (long)n), result.Cohorts[c].Counts);
        }

        Assert.Equal(Rows.Select(r => r.UserId).Distinct().Count(), result.Customers);
        Assert.True(result.Cohorts.Sum(c => c.Size) > 100);
        Assert.True(result.Cohorts.Sum(c => c.Counts.Skip(1).Sum()) > 10);
    }

    [Fact]
    public void MonthlyLifecycle_OfPurchases()
    {
        // Months February to June 2024; January is the previous period of February.
        var definition = new LifecycleDefinition("purchase", CalendarPeriod.Month, At("2024-02-01 00:00"), At("2024-07-01 00:00"));
        static int Month(DateTimeOffset t) => t.Month;

        var result = LifecycleAccumulator.Compute(Log, definition);

        var users = Rows.GroupBy(r => r.UserId).Select(g => (
            Created: Month(g.Min(r => r.Timestamp)),
            Active: g.Where(r => r.Event == "purchase").Select(r => Month(r.Timestamp)).ToHashSet())).ToList();
        for (var month = 2; month <= 6; month++)
        {
            var now = users.Where(u => u.Active.Contains(month)).ToList();
            var expected = (
                New: now.Count(u => u.Created == month),
                Returning: now.Count(u => u.Created != month && u.Active.Contains(month - 1)),
                Resurrecting: now.Count(u => u.Created != month && !u.Active.Contains(month - 1)),
                Dormant: users.Count(u => u.Active.Contains(month - 1) && !u.Active.Contains(month)));
            var row = result.Periods[month - 2];
            Assert.Equal(((long)expected.New, (long)expected.Returning, (long)expected.Resurrecting, (long)expected.Dormant), (row.New, row.Returning, row.Resurrecting, row.Dormant));
        }

        Assert.True(result.Periods.Sum(p => p.New + p.Returning + p.Resurrecting + p.Dormant) > 50);
    }
}
