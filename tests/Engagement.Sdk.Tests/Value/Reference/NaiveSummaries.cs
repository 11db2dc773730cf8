using Engagement.Sdk.Value;

namespace Engagement.Sdk.Tests.Value.Reference;

/// <summary>
/// One customer's summary as the naive builder computes it: x repeat purchase days, the last t_x after the first
/// purchase day, observed for T, the mean value z̄ of the repeat days, and the holdout days and their mean value.
/// </summary>
internal sealed record NaiveSummary(string CustomerId, int X, double Tx, double T, double? Zbar, int? HoldoutX, double? HoldoutMean);

/// <summary>
/// The "buy till you die" customer summary, written plainly with LINQ from the definitions (FHL 2005 Sec. 2; lifetimes'
/// <c>summary_data_from_transaction_data</c>), for the optimised summary builder to be compared with.
/// </summary>
/// <remarks>
/// Decisions the definitions leave open, taken here:
/// <list type="bullet">
/// <item>Purchases are merged by UTC calendar day: a day's values are summed and it counts as one purchase.</item>
/// <item>Times are measured between the <em>starts</em> of the UTC days (as lifetimes does with daily periods): t_x from
/// the first purchase day to the last repeat purchase day, T from the first purchase day to the calibration end (an
/// instant, not rounded). With every purchase at midnight UTC — as in CDNOW — this equals measuring from the instants.</item>
/// <item>Calibration holds the purchases at or before <c>calibrationEnd</c>; the holdout those after it and at or before
/// <c>observationEnd</c>. A day that straddles the calibration end is split: each side merges on its own.</item>
/// <item>Only customers with a purchase in the calibration period are summarised (the calibration cohort); a purchase after
/// the observation end (or after the calibration end without a holdout) is an error, as is <c>default(Transaction)</c>.</item>
/// <item>Units: a day is 24 h, a week 7 days, a month 365.2425/12 days and a year 365.2425 days.</item>
/// <item>Customers come out ordered by identifier (ordinal), so results compare without regard to input order.</item>
/// </list>
/// </remarks>
internal static class NaiveSummaries
{
    public static List<NaiveSummary> Build(
        IEnumerable<Transaction> transactions, TimeUnit unit, DateTimeOffset calibrationEnd, DateTimeOffset? observationEnd)
    {
        var all = transactions.ToList();
        var end = observationEnd ?? calibrationEnd;
        if (end < calibrationEnd)
        {
            throw new ArgumentOutOfRangeException(nameof(observationEnd), observationEnd, "The observation end comes before the calibration end.");
        }

        var defaultIndex = all.FindIndex(t => t.IsDefault);
        if (defaultIndex >= 0)
        {
            throw new ArgumentException($"The transaction at index {defaultIndex} has no customer.", nameof(transactions));
        }

        var late = all.FindIndex(t => t.Time > end);
        if (late >= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(transactions), all[late].Time, $"The transaction at index {late} comes after the observation end {end:O}.");
        }

        var daysPerUnit = unit switch
        {
            TimeUnit.Day => 1.0,
            TimeUnit.Week => 7.0,
            TimeUnit.Month => 365.2425 / 12,
            TimeUnit.Year => 365.2425,
            _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Not a unit."),
        };

        return all
            .GroupBy(t => t.CustomerId, StringComparer.Ordinal)
            .Select(customer => Summarise(customer.Key, customer.ToList(), calibrationEnd, observationEnd, daysPerUnit))
            .Where(summary => summary is not null)
            .Select(summary => summary!)
            .OrderBy(summary => summary.CustomerId, StringComparer.Ordinal)
            .ToList();
    }

    private static NaiveSummary? Summarise(
        string id, List<Transaction> purchases, DateTimeOffset calibrationEnd, DateTimeOffset? observationEnd, double daysPerUnit)
    {
        var calibrationDays = MergeByDay(purchases.Where(t => t.Time <= calibrationEnd));
        if (calibrationDays.Count == 0)
        {
            return null; // not in the calibration cohort
        }

        var first = calibrationDays[0].Day;
        var repeats = calibrationDays.Skip(1).ToList();
        double Units(DateTimeOffset from, DateTimeOffset to) => (to - from).TotalDays / daysPerUnit;

        int? holdoutX = null;
        double? holdoutMean = null;
        if (observationEnd is { } end)
        {
            var holdoutDays = MergeByDay(purchases.Where(t => t.Time > calibrationEnd && t.Time <= end));
            holdoutX = holdoutDays.Count;
            holdoutMean = holdoutDays.Count == 0 ? null : (double)(holdoutDays.Sum(d => d.Value) / holdoutDays.Count);
        }

        return new NaiveSummary(
            id,
            repeats.Count,
            repeats.Count == 0 ? 0 : Units(first, repeats[^1].Day),
            Units(first, calibrationEnd),
            repeats.Count == 0 ? null : (double)(repeats.Sum(d => d.Value) / repeats.Count),
            holdoutX,
            holdoutMean);
    }

    /// <summary>The purchases merged by UTC day, in day order: each day's start (UTC midnight) and its summed value.</summary>
    private static List<(DateTimeOffset Day, decimal Value)> MergeByDay(IEnumerable<Transaction> purchases) =>
        purchases
            .GroupBy(t => t.Time.UtcDateTime.Date)
            .OrderBy(day => day.Key)
            .Select(day => (new DateTimeOffset(day.Key, TimeSpan.Zero), day.Sum(t => t.Value)))
            .ToList();
}
