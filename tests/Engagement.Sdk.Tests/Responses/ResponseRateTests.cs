using System.Text.Json;
using Engagement.Sdk.IO;
using Engagement.Sdk.Responses;
using Engagement.Sdk.Touchpoints;
using static Engagement.Sdk.Tests.Responses.InquiryExamples;

namespace Engagement.Sdk.Tests.Responses;

public class ResponseRateTests
{
    // Five inquiries, each one definition sentence:
    // a: customer-started, first answered by a bot, then a person; solved: 2 responses.            (email, High)
    // b: customer-started, answered by a person once, solved, reopened, solved again: 1 response. (email, Normal)
    // c: customer-started, only an internal note, unsolved: no response.                           (phone, Normal)
    // d: brand-started (proactive), one proactive message, solved: 1 response.                     (EMAIL, Low)
    // e: customer-started, answered by a person, solved then reopened and still open.              (phone, Normal)
    private static readonly Inquiry[] Five =
    [
        Inquiry(At(2, 9), [CustomerAt(At(2, 9)), BotAt(At(2, 9, 1)), AgentAt(At(2, 9, 30))], [Status(At(2, 10), InquiryStatus.Solved)], priority: InquiryPriority.High, id: "a"),
        Inquiry(At(2, 9), [CustomerAt(At(2, 9)), AgentAt(At(2, 10))], [Status(At(2, 11), InquiryStatus.Solved), Status(At(2, 12), InquiryStatus.Open), Status(At(2, 13), InquiryStatus.Solved)], id: "b"),
        Inquiry(At(2, 9), [CustomerAt(At(2, 9)), NoteAt(At(2, 10))], channel: Channels.Phone, id: "c"),
        Inquiry(At(2, 9), [ProactiveAt(At(2, 9))], [Status(At(2, 10), InquiryStatus.Solved)], InquiryInitiator.Brand, InquiryGenerators.ShoutedEmail, InquiryPriority.Low, "d"),
        Inquiry(At(2, 9), [CustomerAt(At(2, 9)), AgentAt(At(2, 9, 5))], [Status(At(2, 10), InquiryStatus.Solved), Status(At(2, 11), InquiryStatus.Pending)], channel: Channels.Phone, id: "e"),
    ];

    [Fact]
    public void Compute_FiveInquiries_GivesEachRateFromItsDefinition()
    {
        var result = ResponseRateAccumulator.Compute(Five);

        Assert.Equal(new(3, 4), result.ResponseRate);            // customer-started a, b, c, e; answered a, b, e
        Assert.Equal(new(1, 3), result.AutomationRate);          // of a, b, e only a was first answered by a bot
        Assert.Equal(new(1, 5), result.ProactiveShare);          // d of all five
        Assert.Equal(new(2, 4), result.ReopenRate);              // ever solved a, b, d, e; reopened b, e
        Assert.Equal(new(2, 3), result.OneTouchResolutionRate);  // solved now a, b, d; one response: b, d (a has two)
        Assert.True(result.HasValue);
    }

    [Fact]
    public void Compute_FiveInquiries_BreaksDownByChannelIgnoringCaseAndByPriority()
    {
        var result = ResponseRateAccumulator.Compute(Five);

        Assert.Equal(["EMAIL", "phone"], result.ByChannel.Keys.Order(StringComparer.Ordinal)); // "EMAIL" < "email" ordinally
        var email = result.ByChannel["email"];                   // a, b, d
        Assert.Equal(3, email.Inquiries);
        Assert.Equal(new(2, 2), email.ResponseRate);             // a and b answered
        Assert.Equal(new(1, 3), email.ProactiveShare);           // d
        var phone = result.ByChannel["Phone"];                   // c, e
        Assert.Equal(new(1, 2), phone.ResponseRate);             // e answered, c only has a note
        Assert.Equal(new(1, 1), phone.ReopenRate);               // e solved once and reopened
        Assert.Equal(new(0, 0), phone.OneTouchResolutionRate);   // neither solved now
        Assert.False(phone.OneTouchResolutionRate.HasValue);
        Assert.Equal(3, result.ForPriority(InquiryPriority.Normal).Inquiries); // b, c, e
        Assert.Equal(new(1, 1), result.ForPriority(InquiryPriority.High).AutomationRate);
        Assert.Equal(0, result.ForPriority(InquiryPriority.Urgent).Inquiries);
        Assert.False(result.ForPriority(InquiryPriority.Urgent).ResponseRate.HasValue);
    }

    [Fact]
    public void Empty_HasNoRates()
    {
        var result = new ResponseRateAccumulator().ToResult();

        Assert.False(result.HasValue);
        Assert.Null(result.ResponseRate.Value);
        Assert.Null(result.ProactiveShare.Value);
        Assert.Empty(result.ByChannel);
    }

    [Fact]
    public void AddSequence_WithANullInquiry_ThrowsAndAddsNothing()
    {
        var accumulator = new ResponseRateAccumulator();

        var e = Assert.Throws<ArgumentNullException>(() => accumulator.Add([Five[0], null!]));

        Assert.Equal("inquiries", e.ParamName);
        Assert.Equal(0, accumulator.Count);
        Assert.Equal("inquiry", Assert.Throws<ArgumentNullException>(() => accumulator.Add((Inquiry)null!)).ParamName);
    }

    [Fact]
    public void Summary_CountAboveItsWhole_ThrowsNamingItAndEchoingTheValue()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new ResponseRateSummary(5, 4, 5, 0, 0, 0, 0, 0));

        Assert.Equal("answered", e.ParamName);
        Assert.Equal(5L, e.ActualValue);
        Assert.Equal("oneTouch", Assert.Throws<ArgumentOutOfRangeException>(() => new ResponseRateSummary(5, 4, 3, 0, 2, 0, 1, 2)).ParamName);
        Assert.Equal("inquiries", Assert.Throws<ArgumentOutOfRangeException>(() => new ResponseRateSummary(-1, 0, 0, 0, 0, 0, 0, 0)).ParamName);
    }

    [Fact]
    public void Result_RoundTripsThroughJsonWithItsRatesWritten()
    {
        var result = ResponseRateAccumulator.Compute(Five);

        var json = JsonSerializer.Serialize(result, EngagementJson.GetTypeInfo<ResponseRateResult>());
        var read = JsonSerializer.Deserialize(json, EngagementJson.GetTypeInfo<ResponseRateResult>());

        Assert.Equal(result, read);
        Assert.Contains("\"responseRate\":{\"successes\":3,\"trials\":4", json, StringComparison.Ordinal);
    }
}

public class ResponseRateOverflowTests
{
    [Fact]
    public void Merge_ThatWouldOverflow_ThrowsNamingBothAndChangesNothing()
    {
        // long.MaxValue customer-started, unanswered, unsolved phone inquiries of Normal priority.
        long[] full = [long.MaxValue, long.MaxValue, 0, 0, 0, 0, 0, 0];
        long[] none = [0, 0, 0, 0, 0, 0, 0, 0];
        var huge = ResponseRateAccumulator.FromState(new ResponseRateState(
            1, Engagement.Sdk.Statistics.MetricDefinition.ResponseRates, full, new Dictionary<string, IReadOnlyList<long>> { ["phone"] = full }, [none, full, none, none]));
        var before = huge.GetState();
        var other = new ResponseRateAccumulator();
        other.Add(InquiryExamples.Inquiry(InquiryExamples.At(2, 9), [InquiryExamples.CustomerAt(InquiryExamples.At(2, 9))]));

        var e = Assert.Throws<OverflowException>(() => huge.Merge(other));

        Assert.Contains(huge.ToString(), e.Message, StringComparison.Ordinal);
        Assert.Contains(other.ToString(), e.Message, StringComparison.Ordinal);
        Assert.Equal(before, huge.GetState());
        var add = Assert.Throws<OverflowException>(() => huge.Add(InquiryExamples.Inquiry(InquiryExamples.At(2, 9), [], id: "one-too-many")));
        Assert.Contains("'one-too-many'", add.Message, StringComparison.Ordinal);   // names the inquiry and the count
        Assert.Contains(long.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture), add.Message, StringComparison.Ordinal);
        Assert.Equal(before, huge.GetState());
    }
}
