using Engagement.Sdk.Journeys;
using Engagement.Sdk.Tests.Journeys.Reference;
using FsCheck;
using FsCheck.Fluent;

namespace Engagement.Sdk.Tests.Journeys;

public class StagePeriodProperties
{
    private static readonly string[] Zones = ["UTC", "Europe/Berlin", "America/Santiago", "Australia/Lord_Howe", "Asia/Kolkata", "America/New_York"];

    [Fact]
    public void PeriodStarts_EqualTheNaiveReferencePeriods() =>
        Prop.ForAll(
            (from startQuarterHours in Gen.Choose(0, 365 * 24 * 4)
             from lengthQuarterHours in Gen.Choose(1, 400 * 24 * 4)
             from period in Gen.Elements(CalendarPeriod.Day, CalendarPeriod.Week, CalendarPeriod.Month)
             from zone in Gen.Elements(Zones)
             from weekStart in Gen.Elements(Enum.GetValues<DayOfWeek>())
             select (startQuarterHours, lengthQuarterHours, period, zone, weekStart)).ToArbitrary(),
            c =>
            {
                var from = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(15 * c.startQuarterHours);
                var to = from.AddMinutes(15 * c.lengthQuarterHours);
                var definition = new StageDefinition(StageRules.Default, from, to, c.period, c.zone, c.weekStart);
                var expected = NaivePeriods.Periods(
                    from,
                    to,
                    c.period switch { CalendarPeriod.Day => RefPeriod.Day, CalendarPeriod.Week => RefPeriod.Week, _ => RefPeriod.Month },
                    TimeZoneInfo.FindSystemTimeZoneById(c.zone),
                    c.weekStart);

                // The reference names periods by their wall-clock start date; where local midnight does not exist
                // (Santiago), the library's period starts at the first local time that does, on that date.
                return Enumerable.Range(0, definition.PeriodCount).Select(p => definition.GetPeriodStart(p).DateTime.Date).SequenceEqual(expected);
            }).Check(Config.QuickThrowOnFailure.WithMaxTest(300));
}
