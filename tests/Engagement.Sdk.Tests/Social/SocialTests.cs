using Engagement.Sdk.IO;
using Engagement.Sdk.Social;
using Engagement.Sdk.Statistics;
using Engagement.Sdk.Tests.Support;

namespace Engagement.Sdk.Tests.Social;

public class MentionSummaryTests
{
    [Fact]
    public void NetSentiment_IsPositiveMinusNegativeOverAll()
    {
        // 50 positive, 30 neutral, 20 negative: (50 − 20) / 100 = 0.3.
        var accumulator = default(MentionAccumulator);
        accumulator.Add(Sentiment.Positive, 50);
        accumulator.Add(Sentiment.Neutral, 30);
        accumulator.Add(Sentiment.Negative, 20);

        var summary = accumulator.ToResult();

        Assert.Equal(100, summary.Total);
        Assert.Equal(0.3, summary.NetSentiment!.Value, 14);
        Assert.Equal(new Proportion(50, 100), summary.PositiveShare);
        Assert.Equal(new Proportion(30, 100), summary.NeutralShare);
        Assert.Equal(new Proportion(20, 100), summary.NegativeShare);
        Assert.Equal("100 mentions, net sentiment +0.30", summary.ToString());
    }

    [Fact]
    public void Compute_OverLabels_CountsEach()
    {
        var summary = MentionSummary.Compute([Sentiment.Negative, Sentiment.Negative, Sentiment.Positive, Sentiment.Neutral]);

        Assert.Equal(new MentionSummary(1, 1, 2), summary);
        Assert.Equal(-0.25, summary.NetSentiment);
    }

    [Fact]
    public void Empty_HasNoNetSentiment()
    {
        var summary = MentionSummary.Compute([]);

        Assert.Null(summary.NetSentiment);
        Assert.Null(summary.PositiveShare.Value);
        Assert.Equal("0 mentions, net sentiment: no value", summary.ToString());
    }

    [Fact]
    public void BadInput_Throws()
    {
        var accumulator = default(MentionAccumulator);

        Assert.Equal("sentiment", Assert.Throws<ArgumentOutOfRangeException>(() => accumulator.Add((Sentiment)7)).ParamName);
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => accumulator.Add(Sentiment.Positive, -1)).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new MentionSummary(-1, 0, 0));
    }

    [Fact]
    public void Json_RoundTrips()
    {
        var (summary, text) = Json.RoundTrip(new MentionSummary(5, 3, 2), EngagementJsonContext.Default.MentionSummary);
        var (state, stateText) = Json.RoundTrip(new MentionAccumulator(5, 3, 2), EngagementJsonContext.Default.MentionAccumulator);

        Assert.Equal(new MentionSummary(5, 3, 2), summary);
        Assert.Contains("\"netSentiment\":0.3", text, StringComparison.Ordinal);
        Assert.Equal(new MentionAccumulator(5, 3, 2), state);
        Assert.Equal("""{"positive":5,"neutral":3,"negative":2}""", stateText);
    }
}

public class ShareOfVoiceTests
{
    [Fact]
    public void Shares_AreMentionsOverAllTrackedMentions()
    {
        // acme 60, globex 30, initech 10: shares 0.6, 0.3, 0.1.
        var voice = new ShareOfVoice();
        voice.Add("acme", 50);
        voice.Add("ACME", 10);
        voice.Add("globex", 30);
        voice.Add("initech", 10);

        Assert.Equal(100, voice.Total);
        Assert.Equal(new Proportion(60, 100), voice.GetShare("Acme"));
        Assert.Equal(["acme", "globex", "initech"], voice.GetShares().Select(s => s.Key));
        Assert.Equal(1.0, voice.GetShares().Sum(s => s.Value.Value!.Value), 12);
        Assert.Equal(new Proportion(0, 100), voice.GetShare("umbrella"));
        Assert.Equal("acme 60.00% (60/100), globex 30.00% (30/100), initech 10.00% (10/100)", voice.ToString());
    }

    [Fact]
    public void Merge_AddsPartitions()
    {
        var a = new ShareOfVoice(new Dictionary<string, long> { ["acme"] = 3, ["globex"] = 1 });
        var b = new ShareOfVoice(new Dictionary<string, long> { ["acme"] = 1, ["initech"] = 5 });

        a.Merge(b);

        Assert.Equal(10, a.Total);
        Assert.Equal(4, a.Mentions["acme"]);
        Assert.Equal(5, a.Mentions["initech"]);
        Assert.Equal(6, b.Total);
    }

    [Fact]
    public void Empty_HasNoShares()
    {
        var voice = new ShareOfVoice();
        voice.Add("acme", 0);

        Assert.Null(voice.GetShare("acme").Value);
        Assert.Equal("share of voice: no value (1 brands, 0 mentions)", voice.ToString());
    }

    [Fact]
    public void BadInput_Throws()
    {
        var voice = new ShareOfVoice();

        Assert.Equal("brand", Assert.Throws<ArgumentException>(() => voice.Add(" ")).ParamName);
        Assert.Equal("mentions", Assert.Throws<ArgumentOutOfRangeException>(() => voice.Add("acme", -2)).ParamName);
        Assert.Throws<ArgumentNullException>(() => voice.Merge(null!));
        Assert.Throws<ArgumentNullException>(() => new ShareOfVoice(null!));
    }

    [Fact]
    public void Json_RoundTripsState()
    {
        var voice = new ShareOfVoice(new Dictionary<string, long> { ["acme"] = 3, ["globex"] = 1 });

        var (value, text) = Json.RoundTrip(voice, EngagementJsonContext.Default.ShareOfVoice);

        Assert.Equal("""{"mentions":{"acme":3,"globex":1}}""", text);
        Assert.Equal(voice.Total, value.Total);
        Assert.Equal(voice.GetShare("acme"), value.GetShare("acme"));
    }
}
