using System.Text.Json;
using Engagement.Sdk.IO;
using Engagement.Sdk.Responses;
using Engagement.Sdk.Touchpoints;
using static Engagement.Sdk.Tests.Responses.InquiryExamples;

namespace Engagement.Sdk.Tests.Responses;

public class ResponseTimeAccumulatorTests
{
    private static readonly ResponseTimeDefinition Office = new(OfficeHours);

    // a (email, High): bot at 09:01 (FRT 60 s, Automated), customer 09:05, person at 09:45 (NRT 2400 s, Manual), solved
    //   10:00 (resolution 3600 s, counted under Automated, a's first response type).
    // b (phone, Low): no response, solved at 11:00 (resolution 7200 s, counted under "without response").
    // c (email, High): proactive, opened 09:00, customer 10:00, person 10:30 (NRT 1800 s, Manual); unsolved; no FRT.
    private static readonly Inquiry[] Three =
    [
        Inquiry(At(2, 9), [CustomerAt(At(2, 9)), BotAt(At(2, 9, 1)), CustomerAt(At(2, 9, 5)), AgentAt(At(2, 9, 45))], [Status(At(2, 10), InquiryStatus.Solved)], priority: InquiryPriority.High, id: "a"),
        Inquiry(At(2, 9), [CustomerAt(At(2, 9))], [Status(At(2, 11), InquiryStatus.Solved)], channel: Channels.Phone, priority: InquiryPriority.Low, id: "b"),
        Inquiry(At(2, 9), [ProactiveAt(At(2, 9)), CustomerAt(At(2, 10)), AgentAt(At(2, 10, 30))], initiator: InquiryInitiator.Brand, priority: InquiryPriority.High, id: "c"),
    ];

    [Fact]
    public void Compute_ThreeInquiries_PutsEachValueInItsGroups()
    {
        var result = ResponseTimeAccumulator.Compute(Three, Office);

        Assert.Equal(3, result.Inquiries);
        var first = result.Get(ResponseTimeMetric.FirstResponse, TimeBasis.Calendar);
        Assert.Equal(1, first.Count);                                                     // only a: b unanswered, c proactive
        Assert.Equal(60, first.Min);
        var next = result.Overall.NextResponse.Calendar;
        Assert.Equal(2, next.Count);                                                      // a's 2400 s and c's 1800 s
        Assert.Equal(1800, next.Min);
        Assert.Equal(2400, next.Max);
        Assert.Equal(2100, next.Mean);
        var resolution = result.Get(ResponseTimeMetric.FullResolution, TimeBasis.Business);
        Assert.Equal(2, resolution.Count);                                                // a and b
        Assert.Equal(3600, resolution.Min);
        Assert.Equal(7200, resolution.Max);

        // By response type: FRT and NRT under the response that ended them; resolution under the first response's type.
        Assert.Equal(1, result.ForResponseType(ResponseType.Automated).FirstResponse.Count);
        Assert.Equal(0, result.ForResponseType(ResponseType.Automated).NextResponse.Count);
        Assert.Equal(2, result.ForResponseType(ResponseType.Manual).NextResponse.Count);
        Assert.Equal(3600, result.ForResponseType(ResponseType.Automated).FullResolution.Calendar.Max);
        Assert.Equal(0, result.ForResponseType(ResponseType.Proactive).NextResponse.Count); // c's cycle ended with a Manual reply
        Assert.Equal(7200, result.WithoutResponse.FullResolution.Calendar.Max);           // b
        Assert.Equal(0, result.WithoutResponse.FirstResponse.Count);

        // By channel (ignoring case) and priority.
        Assert.Equal(2, result.ByChannel["EMAIL"].NextResponse.Count);                  // a and c
        Assert.Equal(1, result.ByChannel["phone"].FullResolution.Count);
        Assert.Equal(2, result.ForPriority(InquiryPriority.High).NextResponse.Count);
        Assert.Equal(1, result.ForPriority(InquiryPriority.Low).RequesterWait.Count);
        Assert.Equal(0, result.ForPriority(InquiryPriority.Urgent).FullResolution.Count);
        Assert.False(result.ForPriority(InquiryPriority.Urgent).FullResolution.Business.HasValue);
    }

    [Fact]
    public void Add_FridayEveningInquiry_MeasuresBusinessSecondsBesideCalendarSeconds()
    {
        // Fri 16:30 → Mon 10:00: 65.5 h elapsed = 235,800 s; office hours 30 + 60 min = 5,400 s.
        var accumulator = new ResponseTimeAccumulator(Office);
        accumulator.Add(Inquiry(At(6, 16, 30), [CustomerAt(At(6, 16, 30)), AgentAt(At(9, 10))]));

        var first = accumulator.ToResult().Overall.FirstResponse;

        Assert.Equal(235_800, first.Calendar.Max);
        Assert.Equal(5_400, first.Business.Max);
    }

    [Fact]
    public void AddSequence_WithANullInquiry_ThrowsAndAddsNothing()
    {
        var accumulator = new ResponseTimeAccumulator(Office);

        Assert.Equal("inquiries", Assert.Throws<ArgumentNullException>(() => accumulator.Add([Three[0], null!])).ParamName);
        Assert.Equal(0, accumulator.Count);
        Assert.Equal("inquiry", Assert.Throws<ArgumentNullException>(() => accumulator.Add((Inquiry)null!)).ParamName);
        Assert.Equal("responseTimes", Assert.Throws<ArgumentNullException>(() => new ResponseTimeAccumulator(null!)).ParamName);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.5)]
    [InlineData(double.NaN)]
    public void Definition_AccuracyOutsideZeroToOne_ThrowsNamingItWithTheValue(double accuracy)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new ResponseTimeDefinition(OfficeHours, accuracy));

        Assert.Equal("relativeAccuracy", e.ParamName);
        Assert.Equal(accuracy, e.ActualValue);
        Assert.Contains(accuracy.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Definition_HasValueEqualityAndRoundTripsThroughJson()
    {
        var json = JsonSerializer.Serialize(Office, EngagementJson.GetTypeInfo<ResponseTimeDefinition>());
        var read = JsonSerializer.Deserialize(json, EngagementJson.GetTypeInfo<ResponseTimeDefinition>());

        Assert.Equal(Office, read);
        Assert.Equal(Office.GetHashCode(), read!.GetHashCode());
        Assert.NotEqual(Office, new ResponseTimeDefinition(BusinessCalendar.AlwaysOpen));
        Assert.NotEqual(Office, new ResponseTimeDefinition(OfficeHours, 0.02));
        Assert.Equal("calendar", Assert.Throws<ArgumentNullException>(() => new ResponseTimeDefinition(null!)).ParamName);
    }

    [Fact]
    public void Result_RoundTripsThroughJson()
    {
        var result = ResponseTimeAccumulator.Compute(Three, Office);

        var json = JsonSerializer.Serialize(result, EngagementJson.GetTypeInfo<ResponseTimeResult>());

        Assert.Equal(result, JsonSerializer.Deserialize(json, EngagementJson.GetTypeInfo<ResponseTimeResult>()));
    }
}
