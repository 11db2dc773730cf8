using Engagement.Sdk.Responses;
using static Engagement.Sdk.Tests.Responses.InquiryExamples;

namespace Engagement.Sdk.Tests.Responses;

public class InquiryTimesTests
{
    private static InquiryDuration Both(TimeSpan calendar, TimeSpan business) => new(calendar, business);

    private static InquiryDuration Same(TimeSpan duration) => new(duration, duration);

    private static TimeSpan Minutes(double minutes) => TimeSpan.FromMinutes(minutes);

    [Fact]
    public void Measure_ReopenedInquiry_CountsSolvedTimeBeforeTheReopenInNoWait()
    {
        // Mon 2 March, office hours all day. New 09:00–10:00, Pending 10:00–12:00, Solved 12:00–14:00, Open 14:00–16:00,
        // solved again at 16:00.
        var inquiry = Inquiry(
            At(2, 9),
            [CustomerAt(At(2, 9)), AgentAt(At(2, 10))],
            [Status(At(2, 10), InquiryStatus.Pending), Status(At(2, 12), InquiryStatus.Solved), Status(At(2, 14), InquiryStatus.Open), Status(At(2, 16), InquiryStatus.Solved)]);

        var times = InquiryTimes.Measure(inquiry, OfficeHours);

        Assert.Equal(Same(Minutes(60)), times.FirstResponse);                 // 09:00 → 10:00
        Assert.Equal(Same(Minutes(7 * 60)), times.FullResolution);            // 09:00 → the latest solve at 16:00
        Assert.Equal(Same(Minutes(60 + 120)), times.RequesterWait);           // New 09–10 + Open 14–16
        Assert.Equal(Same(Minutes(120)), times.AgentWait);                    // Pending 10–12
        Assert.Equal(Same(TimeSpan.Zero), times.OnHold);                      // never on hold
        Assert.Empty(times.NextResponses);                                    // no customer message after the reply
        // 3 h + 2 h + 2 h in Solved before the reopen = 7 h, the resolution time.
    }

    [Fact]
    public void Measure_InternalNotes_AreNeverResponses()
    {
        var inquiry = Inquiry(
            At(2, 9),
            [CustomerAt(At(2, 9)), NoteAt(At(2, 9, 10)), BotAt(At(2, 9, 30)), CustomerAt(At(2, 10)), NoteAt(At(2, 10, 5)), AgentAt(At(2, 11))]);

        var times = InquiryTimes.Measure(inquiry, OfficeHours);

        Assert.Equal(Same(Minutes(30)), times.FirstResponse);                 // the bot at 09:30, not the note at 09:10
        Assert.Equal(ResponseType.Automated, times.FirstResponseType);
        var cycle = Assert.Single(times.NextResponses);                       // 10:00 → 11:00, not → the note at 10:05
        Assert.Equal(Same(Minutes(60)), cycle.Duration);
        Assert.Equal(ResponseType.Manual, cycle.ResponseType);
        Assert.Null(times.UnansweredSince);
    }

    [Fact]
    public void Measure_BotFirstThenHuman_FirstResponseIsTheBotsAndTheHumanEndsACycle()
    {
        var inquiry = Inquiry(At(2, 9), [CustomerAt(At(2, 9)), BotAt(At(2, 9, 1)), CustomerAt(At(2, 9, 5)), AgentAt(At(2, 9, 45))]);

        var times = InquiryTimes.Measure(inquiry, OfficeHours);

        Assert.Equal(Same(Minutes(1)), times.FirstResponse);                  // 09:00 → the bot at 09:01
        Assert.Equal(ResponseType.Automated, times.FirstResponseType);
        var cycle = Assert.Single(times.NextResponses);                       // 09:05 → the person at 09:45
        Assert.Equal(Same(Minutes(40)), cycle.Duration);
        Assert.Equal(ResponseType.Manual, cycle.ResponseType);
        Assert.Equal(At(2, 9, 5), cycle.CustomerMessageAt);
        Assert.Equal(At(2, 9, 45), cycle.RespondedAt);
    }

    [Fact]
    public void Measure_ProactiveInquiry_HasNoFirstResponseTimeAndEveryAnsweredCustomerMessageStartsACycle()
    {
        var inquiry = Inquiry(
            At(2, 9),
            [ProactiveAt(At(2, 9)), CustomerAt(At(2, 11)), AgentAt(At(2, 11, 30)), CustomerAt(At(2, 12)), CustomerAt(At(2, 12, 10)), AgentAt(At(2, 13))],
            initiator: InquiryInitiator.Brand);

        var times = InquiryTimes.Measure(inquiry, OfficeHours);

        Assert.Null(times.FirstResponse);                                     // the brand started it
        Assert.Equal(ResponseType.Proactive, times.FirstResponseType);
        Assert.Equal(
            [Same(Minutes(30)), Same(Minutes(60))],                           // 11:00 → 11:30; 12:00 (the oldest unanswered) → 13:00
            times.NextResponses.Select(c => c.Duration));
    }

    [Fact]
    public void Measure_ProactiveInquiryWhoseCustomerWritesFirst_StartsACycleAtTheCustomerMessage()
    {
        // No response before the customer's message: for a proactive inquiry it still opens a cycle (there is no FRT).
        var inquiry = Inquiry(At(2, 9), [CustomerAt(At(2, 9, 15)), AgentAt(At(2, 9, 45))], initiator: InquiryInitiator.Brand);

        var times = InquiryTimes.Measure(inquiry, OfficeHours);

        Assert.Null(times.FirstResponse);
        Assert.Equal(Same(Minutes(30)), Assert.Single(times.NextResponses).Duration);
    }

    [Fact]
    public void Measure_SeveralCyclesAndAnUnansweredLastMessage_GivesOneValuePerAnsweredCycle()
    {
        var inquiry = Inquiry(
            At(2, 9),
            [CustomerAt(At(2, 9)), CustomerAt(At(2, 9, 10)), AgentAt(At(2, 9, 20)), CustomerAt(At(2, 9, 30)), CustomerAt(At(2, 9, 40)), AgentAt(At(2, 10, 30)), AgentAt(At(2, 10, 35)), CustomerAt(At(2, 11))]);

        var times = InquiryTimes.Measure(inquiry, OfficeHours);

        Assert.Equal(Same(Minutes(20)), times.FirstResponse);                 // 09:00 → 09:20; 09:10 is covered by it
        Assert.Equal(Same(Minutes(60)), Assert.Single(times.NextResponses).Duration); // 09:30 (oldest unanswered) → 10:30
        Assert.Equal(At(2, 11), times.UnansweredSince);                       // still waiting: no value
        Assert.Null(times.FullResolution);                                    // not solved: no resolution, no waits
        Assert.Null(times.RequesterWait);
        Assert.Null(times.AgentWait);
        Assert.Null(times.OnHold);
    }

    [Fact]
    public void Measure_OnHoldAndPendingPeriods_SumPerStatusUpToTheSolve()
    {
        // New 09:00–09:30, Open 09:30–10:00, Pending 10:00–11:00, Open 11:00–11:30, OnHold 11:30–13:00, Open 13:00–14:00,
        // Solved at 14:00, Closed at 15:00 (after the solve: counts nowhere).
        var inquiry = Inquiry(
            At(2, 9),
            [CustomerAt(At(2, 9)), AgentAt(At(2, 9, 30))],
            [
                Status(At(2, 9, 30), InquiryStatus.Open), Status(At(2, 10), InquiryStatus.Pending), Status(At(2, 11), InquiryStatus.Open),
                Status(At(2, 11, 30), InquiryStatus.OnHold), Status(At(2, 13), InquiryStatus.Open), Status(At(2, 14), InquiryStatus.Solved),
                Status(At(2, 15), InquiryStatus.Closed),
            ]);

        var times = InquiryTimes.Measure(inquiry, OfficeHours);

        Assert.Equal(Same(Minutes(30 + 30 + 30 + 90 + 60)), times.RequesterWait); // New + Open + Open + OnHold + Open = 240
        Assert.Equal(Same(Minutes(60)), times.AgentWait);                          // Pending 10–11
        Assert.Equal(Same(Minutes(90)), times.OnHold);                             // OnHold 11:30–13:00
        Assert.Equal(Same(Minutes(5 * 60)), times.FullResolution);                 // 09:00 → 14:00 = 240 + 60
    }

    [Fact]
    public void Measure_OpenedFridayEveningAnsweredMonday_CountsOnlyOfficeHoursInBusinessTime()
    {
        // Fri 6 March 16:30 → Mon 9 March 10:00: 2 days 17 h 30 min elapsed; open Fri 16:30–17:00 and Mon 09:00–10:00.
        var inquiry = Inquiry(At(6, 16, 30), [CustomerAt(At(6, 16, 30)), AgentAt(At(9, 10))], [Status(At(9, 11), InquiryStatus.Solved)]);

        var times = InquiryTimes.Measure(inquiry, OfficeHours);

        Assert.Equal(Both(TimeSpan.FromHours(65.5), Minutes(30 + 60)), times.FirstResponse);
        Assert.Equal(Both(TimeSpan.FromHours(66.5), Minutes(30 + 120)), times.FullResolution); // → Mon 11:00
        Assert.Equal(times.FullResolution, times.RequesterWait);                                 // New throughout
        Assert.Equal(Same(TimeSpan.Zero), times.AgentWait);
    }

    [Fact]
    public void Measure_AnsweredOnASaturday_TakesNoBusinessTime()
    {
        var inquiry = Inquiry(At(7, 10), [CustomerAt(At(7, 10)), AgentAt(At(7, 12))]);

        var times = InquiryTimes.Measure(inquiry, OfficeHours);

        Assert.Equal(Both(Minutes(120), TimeSpan.Zero), times.FirstResponse);
    }

    [Fact]
    public void Measure_NothingYet_HasNoValues()
    {
        var times = InquiryTimes.Measure(Inquiry(At(2, 9), [CustomerAt(At(2, 9))]), OfficeHours);

        Assert.Null(times.FirstResponse);
        Assert.Null(times.FirstResponseType);
        Assert.Empty(times.NextResponses);
        Assert.Null(times.UnansweredSince);                                   // a customer-started inquiry's first wait is FRT's, not a cycle's
        Assert.Null(times.FullResolution);
    }

    [Fact]
    public void Measure_SolvedWithoutAnyResponse_HasAResolutionButNoFirstResponse()
    {
        var inquiry = Inquiry(At(2, 9), [CustomerAt(At(2, 9))], [Status(At(2, 9, 45), InquiryStatus.Solved)]);

        var times = InquiryTimes.Measure(inquiry, OfficeHours);

        Assert.Null(times.FirstResponse);
        Assert.Null(times.FirstResponseType);
        Assert.Equal(Same(Minutes(45)), times.FullResolution);
        Assert.Equal(Same(Minutes(45)), times.RequesterWait);
    }

    [Fact]
    public void Measure_ReopenedAndNotSolvedAgain_HasNoResolution()
    {
        var inquiry = Inquiry(At(2, 9), [CustomerAt(At(2, 9))], [Status(At(2, 10), InquiryStatus.Solved), Status(At(2, 11), InquiryStatus.Open)]);

        var times = InquiryTimes.Measure(inquiry, OfficeHours);

        Assert.Null(times.FullResolution);                                    // status now Open: not final
        Assert.Null(times.RequesterWait);
    }

    [Fact]
    public void Measure_Null_Throws()
    {
        Assert.Equal("inquiry", Assert.Throws<ArgumentNullException>(() => InquiryTimes.Measure(null!, OfficeHours)).ParamName);
        Assert.Equal("calendar", Assert.Throws<ArgumentNullException>(() => InquiryTimes.Measure(Inquiry(At(2, 9), []), null!)).ParamName);
    }

    [Fact]
    public void InquiryDuration_BusinessAboveCalendarOrNegative_Throws()
    {
        Assert.Equal("business", Assert.Throws<ArgumentOutOfRangeException>(() => new InquiryDuration(Minutes(1), Minutes(2))).ParamName);
        Assert.Equal("calendar", Assert.Throws<ArgumentOutOfRangeException>(() => new InquiryDuration(Minutes(-1), TimeSpan.Zero)).ParamName);
        Assert.Equal(Minutes(2), new InquiryDuration(Minutes(2), Minutes(1)).Get(TimeBasis.Calendar));
        Assert.Equal(Minutes(1), new InquiryDuration(Minutes(2), Minutes(1)).Get(TimeBasis.Business));
        Assert.Equal("basis", Assert.Throws<ArgumentOutOfRangeException>(() => new InquiryDuration().Get((TimeBasis)7)).ParamName);
    }
}
