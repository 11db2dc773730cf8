using Engagement.Sdk.IO;
using Engagement.Sdk.Surveys;
using Engagement.Sdk.Tests.Support;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.Tests.Surveys;

public class SurveyResponseTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Constructor_KeepsFields_AndDescribesThem()
    {
        var response = new SurveyResponse("c7", At, SurveyKind.Nps, 9, Channels.LiveChat);

        Assert.Equal("c7", response.CustomerId);
        Assert.Equal(SurveyKind.Nps, response.Kind);
        Assert.Equal(9, response.Score);
        Assert.Equal(Channels.LiveChat, response.Channel);
        Assert.Equal("2026-03-01T09:30:00.0000000+00:00 c7 Nps=9 on live-chat", response.ToString());
        Assert.Equal("2026-03-01T09:30:00.0000000+00:00 c7 Csat=4", new SurveyResponse("c7", At, SurveyKind.Csat, 4).ToString());
    }

    [Fact]
    public void Constructor_BadArguments_Throw()
    {
        Assert.Equal("customerId", Assert.Throws<ArgumentException>(() => new SurveyResponse("", At, SurveyKind.Nps, 9)).ParamName);
        Assert.Equal("kind", Assert.Throws<ArgumentOutOfRangeException>(() => new SurveyResponse("c", At, (SurveyKind)5, 9)).ParamName);
    }

    [Fact]
    public void Equality_ComparesEveryField()
    {
        var a = new SurveyResponse("c7", At, SurveyKind.Nps, 9, Channels.LiveChat);

        Assert.Equal(a, new SurveyResponse("c7", At.ToOffset(TimeSpan.FromHours(2)), SurveyKind.Nps, 9, Channels.LiveChat));
        Assert.Equal(a.GetHashCode(), new SurveyResponse("c7", At, SurveyKind.Nps, 9, Channels.LiveChat).GetHashCode());
        Assert.NotEqual(a, new SurveyResponse("c7", At, SurveyKind.Nps, 9));
        Assert.NotEqual(a, new SurveyResponse("c7", At, SurveyKind.Nps, 8, Channels.LiveChat));
        Assert.False(a.Equals((object?)null));
    }

    [Fact]
    public void Json_RoundTrips()
    {
        var response = new SurveyResponse("c7", At, SurveyKind.Ces, 6, Channels.Phone);

        var (value, text) = Json.RoundTrip(response, EngagementJson.GetTypeInfo<SurveyResponse>());

        Assert.Equal(response, value);
        Assert.Equal("""{"customerId":"c7","timestamp":"2026-03-01T09:30:00+00:00","kind":"Ces","score":6,"channel":{"name":"phone","mediaType":"Owned","kind":"Voice"}}""", text);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    [InlineData(int.MinValue)]
    public void Constructor_NpsScoreOffItsScale_Throws(int score) =>
        Assert.Equal("score", Assert.Throws<ArgumentOutOfRangeException>(() => new SurveyResponse("c", DateTimeOffset.UnixEpoch, SurveyKind.Nps, score)).ParamName);
}
