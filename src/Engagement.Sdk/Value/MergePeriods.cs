namespace Engagement.Sdk.Value;

/// <summary>
/// Numbers the calendar periods of one length in one time zone, for merging a customer's purchases: instants in the
/// same local day (week from Monday, month, year) get the same number, and later periods larger numbers.
/// </summary>
/// <remarks>
/// Local time is the instant plus the zone's offset at that instant; a zone without daylight saving or other
/// changes (UTC among them) adds a fixed offset without asking the zone. Day 0 of <see cref="DateTime"/> is Monday
/// 1 January 0001, so whole weeks counted from it start on Mondays (ISO 8601).
/// </remarks>
internal readonly struct MergePeriods
{
    private readonly TimeZoneInfo _zone;
    private readonly TimeUnit _unit;
    private readonly long _fixedOffset;
    private readonly bool _fixed;

    public MergePeriods(TimeZoneInfo zone, TimeUnit unit)
    {
        _zone = zone;
        _unit = unit;
        _fixed = !zone.SupportsDaylightSavingTime && zone.GetAdjustmentRules().Length == 0;
        _fixedOffset = zone.BaseUtcOffset.Ticks;
    }

    /// <summary>Gets the number of the period holding the instant with the given UTC ticks.</summary>
    public long Of(long utcTicks)
    {
        var offset = _fixed ? _fixedOffset : _zone.GetUtcOffset(new DateTime(utcTicks, DateTimeKind.Utc)).Ticks;
        var local = Math.Clamp(utcTicks + offset, 0, DateTime.MaxValue.Ticks);
        return _unit switch
        {
            TimeUnit.Day => local / TimeSpan.TicksPerDay,
            TimeUnit.Week => local / (7 * TimeSpan.TicksPerDay),
            TimeUnit.Month => MonthOf(local),
            _ => new DateTime(local).Year,
        };
    }

    private static long MonthOf(long localTicks)
    {
        var date = new DateTime(localTicks);
        return (date.Year * 12L) + date.Month;
    }
}
