using System.Text.Json;
using Engagement.Sdk.IO;
using Engagement.Sdk.Responses;
using Engagement.Sdk.Tests.Support;

namespace Engagement.Sdk.Tests.Responses;

/// <summary>Bad input, equality, normalisation and JSON.</summary>
public partial class BusinessCalendarTests
{
    private static readonly BusinessHours[] NineToFive = [.. Weekdays(TimeSpan.FromHours(9), TimeSpan.FromHours(17))];

    [Fact]
    public void Constructor_UnknownTimeZone_NamesTimeZoneIdAndTheValue()
    {
        var error = Assert.Throws<ArgumentException>(() => new BusinessCalendar("Mars/Olympus_Mons", NineToFive));

        Assert.Equal("timeZoneId", error.ParamName);
        Assert.Contains("'Mars/Olympus_Mons'", error.Message, StringComparison.Ordinal);
        Assert.IsType<TimeZoneNotFoundException>(error.InnerException);
    }

    [Fact]
    public void Constructor_BlankOrNullTimeZone_NamesTimeZoneId()
    {
        Assert.Equal("timeZoneId", Assert.Throws<ArgumentException>(() => new BusinessCalendar(" ", NineToFive)).ParamName);
        Assert.Equal("timeZoneId", Assert.Throws<ArgumentNullException>(() => new BusinessCalendar(null!, NineToFive)).ParamName);
        Assert.Equal("weeklyHours", Assert.Throws<ArgumentNullException>(() => new BusinessCalendar("UTC", null!)).ParamName);
    }

    [Fact]
    public void Constructor_OverlappingIntervals_NamesWeeklyHoursAndBoth()
    {
        BusinessHours[] hours = [new(DayOfWeek.Tuesday, TimeSpan.FromHours(9), TimeSpan.FromHours(13)), new(DayOfWeek.Tuesday, TimeSpan.FromHours(12), TimeSpan.FromHours(17))];

        var error = Assert.Throws<ArgumentException>(() => new BusinessCalendar("Europe/Amsterdam", hours));

        Assert.Equal("weeklyHours", error.ParamName);
        Assert.Contains("Tuesday 09:00–13:00", error.Message, StringComparison.Ordinal);
        Assert.Contains("Tuesday 12:00–17:00", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_DefaultInterval_NamesWeeklyHours()
    {
        var error = Assert.Throws<ArgumentException>(() => new BusinessCalendar("UTC", [default(BusinessHours)]));

        Assert.Equal("weeklyHours", error.ParamName);
        Assert.Contains("Sunday 00:00–00:00", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(17, 9, "end", "09:00")]      // inverted
    [InlineData(9, 9, "end", "09:00")]       // empty
    [InlineData(9, 25, "end", "25:00")]      // past midnight
    [InlineData(-1, 9, "start", "-01:00")]   // before midnight
    [InlineData(24, 25, "start", "24:00")]   // opening at midnight is 00:00 of the next day
    public void BusinessHours_OutOfRange_NamesTheBoundAndTheValue(int start, int end, string paramName, string echoed)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new BusinessHours(DayOfWeek.Monday, TimeSpan.FromHours(start), TimeSpan.FromHours(end)));

        Assert.Equal(paramName, error.ParamName);
        Assert.Contains(echoed, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BusinessHours_UndefinedDay_NamesDay()
    {
        Assert.Equal("day", Assert.Throws<ArgumentOutOfRangeException>(() => new BusinessHours((DayOfWeek)7, TimeSpan.Zero, TimeSpan.FromHours(1))).ParamName);
    }

    [Fact]
    public void Weekdays_BadTimes_NameOpenAndClose()
    {
        Assert.Equal("close", Assert.Throws<ArgumentOutOfRangeException>(() => BusinessCalendar.Weekdays("UTC", TimeSpan.FromHours(17), TimeSpan.FromHours(9))).ParamName);
        Assert.Equal("open", Assert.Throws<ArgumentOutOfRangeException>(() => BusinessCalendar.Weekdays("UTC", TimeSpan.FromHours(-2), TimeSpan.FromHours(9))).ParamName);
    }

    [Fact]
    public void BusinessDuration_EndBeforeStart_NamesTo()
    {
        var from = At(2026, 11, 30, 10, 0, Cet);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Office.BusinessDuration(from, from.AddTicks(-1)));

        Assert.Equal("to", error.ParamName);
        Assert.Contains("2026-11-30T09:59:59.9999999+01:00", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddBusinessTime_Negative_NamesBusinessDuration()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Office.AddBusinessTime(At(2026, 11, 30, 10, 0, Cet), TimeSpan.FromTicks(-1)));

        Assert.Equal("businessDuration", error.ParamName);
    }

    [Fact]
    public void AddBusinessTime_PastTheLastInstant_NamesBusinessDuration()
    {
        var late = new DateTimeOffset(9999, 12, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal("businessDuration", Assert.Throws<ArgumentOutOfRangeException>(() => Office.AddBusinessTime(late, TimeSpan.FromDays(30))).ParamName);
        Assert.Equal("businessDuration", Assert.Throws<ArgumentOutOfRangeException>(() => BusinessCalendar.AlwaysOpen.AddBusinessTime(late, TimeSpan.FromDays(31))).ParamName);

        // Longer than all the time left: refused at once, without walking to the year 9999.
        Assert.Equal("businessDuration", Assert.Throws<ArgumentOutOfRangeException>(() => Office.AddBusinessTime(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), TimeSpan.MaxValue)).ParamName);
    }

    [Fact]
    public void NeverOpenCalendar_MeasuresZeroButCannotAddOrOpen()
    {
        var never = new BusinessCalendar("Europe/Amsterdam", []);
        var from = At(2026, 11, 30, 10, 0, Cet);

        Assert.Equal(TimeSpan.Zero, never.BusinessDuration(from, from.AddDays(400)));
        Assert.False(never.IsOpen(from));
        Assert.Equal(from, never.AddBusinessTime(from, TimeSpan.Zero));
        Assert.Throws<InvalidOperationException>(() => never.AddBusinessTime(from, TimeSpan.FromTicks(1)));
        Assert.Throws<InvalidOperationException>(() => never.NextOpening(from));
    }

    [Fact]
    public void HolidaysCoveringEveryOpenDayForAYear_StillEndAfterTheLastHoliday()
    {
        // Open on Mondays only, and every Monday of 2026 a holiday: the next opening is the first Monday of 2027.
        var mondays = Enumerable.Range(0, 365).Select(day => new DateOnly(2026, 1, 1).AddDays(day)).Where(day => day.DayOfWeek == DayOfWeek.Monday);
        var calendar = new BusinessCalendar("Europe/Amsterdam", [new BusinessHours(DayOfWeek.Monday, TimeSpan.FromHours(9), TimeSpan.FromHours(10))], mondays);

        Assert.Equal(At(2027, 1, 4, 9, 0, Cet), calendar.NextOpening(At(2026, 1, 1, 0, 0, Cet)));
        Assert.Equal(At(2027, 1, 4, 9, 30, Cet), calendar.AddBusinessTime(At(2026, 1, 1, 0, 0, Cet), TimeSpan.FromMinutes(30)));
    }

    [Fact]
    public void Constructor_NormalisesTouchingIntervalsOrderAndHolidays()
    {
        var calendar = new BusinessCalendar(
            "Europe/Amsterdam",
            [
                new BusinessHours(DayOfWeek.Sunday, TimeSpan.FromHours(10), TimeSpan.FromHours(12)),
                new BusinessHours(DayOfWeek.Monday, TimeSpan.FromHours(12), TimeSpan.FromHours(17)),
                new BusinessHours(DayOfWeek.Monday, TimeSpan.FromHours(9), TimeSpan.FromHours(12)),
            ],
            [new DateOnly(2026, 12, 25), new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 25)]);

        // Monday first; 09:00–12:00 and 12:00–17:00 touch and merge; the duplicate holiday goes.
        Assert.Equal(
            [new BusinessHours(DayOfWeek.Monday, TimeSpan.FromHours(9), TimeSpan.FromHours(17)), new BusinessHours(DayOfWeek.Sunday, TimeSpan.FromHours(10), TimeSpan.FromHours(12))],
            calendar.WeeklyHours);
        Assert.Equal([new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 25)], calendar.Holidays);
        Assert.Equal(
            calendar,
            new BusinessCalendar(
                "Europe/Amsterdam",
                [new BusinessHours(DayOfWeek.Monday, TimeSpan.FromHours(9), TimeSpan.FromHours(17)), new BusinessHours(DayOfWeek.Sunday, TimeSpan.FromHours(10), TimeSpan.FromHours(12))],
                [new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 25)]));
        Assert.Equal("Europe/Amsterdam: Monday 09:00–17:00, Sunday 10:00–12:00; 2 holidays", calendar.ToString());
    }

    [Fact]
    public void Equality_DependsOnZoneHoursAndHolidays()
    {
        var a = BusinessCalendar.Weekdays("Europe/Amsterdam", TimeSpan.FromHours(9), TimeSpan.FromHours(17));

        Assert.Equal(a, BusinessCalendar.Weekdays("Europe/Amsterdam", TimeSpan.FromHours(9), TimeSpan.FromHours(17)));
        Assert.Equal(a.GetHashCode(), BusinessCalendar.Weekdays("Europe/Amsterdam", TimeSpan.FromHours(9), TimeSpan.FromHours(17)).GetHashCode());
        Assert.NotEqual(a, BusinessCalendar.Weekdays("Europe/Berlin", TimeSpan.FromHours(9), TimeSpan.FromHours(17)));
        Assert.NotEqual(a, BusinessCalendar.Weekdays("Europe/Amsterdam", TimeSpan.FromHours(9), TimeSpan.FromHours(18)));
        Assert.NotEqual(a, BusinessCalendar.Weekdays("Europe/Amsterdam", TimeSpan.FromHours(9), TimeSpan.FromHours(17), [new DateOnly(2026, 1, 1)]));
        Assert.False(a.Equals(null));
    }

    [Fact]
    public void Json_RoundTripsTheCalendar()
    {
        var (read, text) = Json.RoundTrip(Office, EngagementJson.GetTypeInfo<BusinessCalendar>());

        Assert.Equal(Office, read);
        Assert.StartsWith(
            """{"timeZoneId":"Europe/Amsterdam","weeklyHours":[{"day":"Monday","start":"09:00:00","end":"12:30:00"},""", text, StringComparison.Ordinal);
        Assert.EndsWith("\"holidays\":[\"2026-01-01\",\"2026-12-25\",\"2026-12-26\",\"2027-01-01\"]}", text, StringComparison.Ordinal);
        Assert.Equal(Office.BusinessDuration(At(2026, 11, 27, 17, 0, Cet), At(2026, 11, 30, 10, 0, Cet)), read.BusinessDuration(At(2026, 11, 27, 17, 0, Cet), At(2026, 11, 30, 10, 0, Cet)));

        var (always, _) = Json.RoundTrip(BusinessCalendar.AlwaysOpenIn("America/New_York"), EngagementJson.GetTypeInfo<BusinessCalendar>());
        Assert.True(always.IsAlwaysOpen);
        Assert.Contains("\"end\":\"24:00:00\"", JsonSerializer.Serialize(always, EngagementJson.GetTypeInfo<BusinessCalendar>()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("09:00", "24:00", 9, 24)]          // as people write opening hours
    [InlineData("09:00:00", "24:00:00", 9, 24)]
    [InlineData("08:30", "1.00:00:00", 8.5, 24)]   // .NET's own text for a day is read too
    public void Json_ReadsTimesOfDayAsPeopleWriteThem(string start, string end, double startHours, double endHours)
    {
        var json = $$"""{"timeZoneId":"UTC","weeklyHours":[{"day":"Monday","start":"{{start}}","end":"{{end}}"}],"holidays":[]}""";

        var calendar = JsonSerializer.Deserialize(json, EngagementJson.GetTypeInfo<BusinessCalendar>())!;

        Assert.Equal(new BusinessHours(DayOfWeek.Monday, TimeSpan.FromHours(startHours), TimeSpan.FromHours(endHours)), calendar.WeeklyHours[0]);
    }

    [Theory]
    [InlineData("25:00")]
    [InlineData("nine")]
    public void Json_RefusesATimeOfDayItCannotRead_SayingHowToWriteIt(string end)
    {
        var json = $$"""{"timeZoneId":"UTC","weeklyHours":[{"day":"Monday","start":"09:00","end":"{{end}}"}],"holidays":[]}""";

        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, EngagementJson.GetTypeInfo<BusinessCalendar>()));

        Assert.Contains(end, error.Message, StringComparison.Ordinal);
        Assert.Contains("hh:mm", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"timeZoneId":"Mars/Olympus_Mons","weeklyHours":[],"holidays":[]}""", "timeZoneId")]
    [InlineData("""{"timeZoneId":"UTC","weeklyHours":[{"day":"Monday","start":"09:00:00","end":"13:00:00"},{"day":"Monday","start":"12:00:00","end":"17:00:00"}],"holidays":null}""", "weeklyHours")]
    [InlineData("""{"timeZoneId":"UTC","weeklyHours":[{"day":"Monday","start":"17:00:00","end":"09:00:00"}]}""", "end")]
    public void Json_RejectsWhatTheConstructorRejects(string json, string paramName)
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, EngagementJson.GetTypeInfo<BusinessCalendar>()));

        Assert.Equal(paramName, Assert.IsAssignableFrom<ArgumentException>(error.InnerException).ParamName);
    }

    [Theory]
    [InlineData("""{"timeZoneId":"UTC","weeklyHours":[{"day":1,"start":"09:00:00","end":"13:00:00"}]}""")]   // a day as a number
    [InlineData("""{"timeZoneId":"UTC"}""")]                                                                 // hours missing
    [InlineData("""{"timeZoneId":"UTC","weeklyHours":[],"isAlwaysOpen":false}""")]                           // unknown member
    public void Json_IsStrict(string json)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, EngagementJson.GetTypeInfo<BusinessCalendar>()));
    }

    [Fact]
    public void EdgesOfTheRange_AreMeasuredAndTheirOutermostDatesAreClosed()
    {
        // 0001-01-01 is a Monday and always closed (the first date of the range); Tuesday 2 to Friday 5 and Monday 8 to
        // Wednesday 10 January are open 7.5 h each, whatever the local mean time offset of year 1: 7 × 7.5 h = 52.5 h.
        Assert.Equal(TimeSpan.FromHours(52.5), Office.BusinessDuration(DateTimeOffset.MinValue, DateTimeOffset.MinValue.AddDays(10)));

        // Monday 9999-12-20 to the end: Monday 20 to Friday 24 and Monday 27 to Thursday 30 open (9 × 7.5 h = 67.5 h);
        // Friday 31, the last date of the range, closed, so nothing opens after Thursday evening.
        var late = new DateTimeOffset(9999, 12, 20, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(TimeSpan.FromHours(67.5), Office.BusinessDuration(late, DateTimeOffset.MaxValue));
        Assert.Throws<InvalidOperationException>(() => Office.NextOpening(new DateTimeOffset(9999, 12, 30, 18, 0, 0, TimeSpan.Zero)));
        Assert.Equal(TimeSpan.FromTicks(DateTimeOffset.MaxValue.UtcTicks), BusinessCalendar.AlwaysOpen.BusinessDuration(DateTimeOffset.MinValue, DateTimeOffset.MaxValue));
    }

    [Fact]
    public void BusinessDuration_FromManyThreadsOnAFreshCalendar_EqualsOneThread()
    {
        // Blocks are built lazily and published lock-free: racing threads must see whole blocks.
        var random = new Random(7);
        var pairs = Enumerable.Range(0, 4000).Select(_ =>
        {
            var from = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(random.Next(0, 10 * 365 * 24 * 60));
            return (From: from, To: from.AddMinutes(random.Next(0, 60 * 24 * 60)));
        }).ToArray();
        BusinessCalendar Fresh() => new(Office.TimeZoneId, Office.WeeklyHours, Office.Holidays);
        var sequential = Fresh();
        var expected = pairs.Select(p => sequential.BusinessDuration(p.From, p.To)).ToArray();

        var shared = Fresh();
        var actual = new TimeSpan[pairs.Length];
        Parallel.For(0, pairs.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => actual[i] = shared.BusinessDuration(pairs[i].From, pairs[i].To));

        Assert.Equal(expected, actual);
    }
}
