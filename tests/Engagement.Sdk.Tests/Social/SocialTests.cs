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
        var accumulator = new MentionAccumulator();
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
        var summary = MentionResult.Compute([Sentiment.Negative, Sentiment.Negative, Sentiment.Positive, Sentiment.Neutral]);

        Assert.Equal(new MentionResult(1, 1, 2), summary);
        Assert.Equal(-0.25, summary.NetSentiment);
    }

    [Fact]
    public void Empty_HasNoNetSentiment()
    {
        var summary = MentionResult.Compute([]);

        Assert.Null(summary.NetSentiment);
        Assert.Null(summary.PositiveShare.Value);
        Assert.Equal("0 mentions, net sentiment: no value", summary.ToString());
    }

    [Fact]
    public void BadInput_Throws()
    {
        var accumulator = new MentionAccumulator();

        Assert.Equal("sentiment", Assert.Throws<ArgumentOutOfRangeException>(() => accumulator.Add((Sentiment)7)).ParamName);
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => accumulator.Add(Sentiment.Positive, -1)).ParamName);
        Assert.Equal("positive", Assert.Throws<ArgumentOutOfRangeException>(() => new MentionResult(-1, 0, 0)).ParamName);
        Assert.Equal(0, accumulator.Count);
    }

    [Fact]
    public void Json_RoundTrips()
    {
        var (summary, text) = Json.RoundTrip(new MentionResult(5, 3, 2), EngagementJson.GetTypeInfo<MentionResult>());
        var expectedState = new MentionState(1, MetricDefinition.Mentions, 5, 3, 2);
        var (state, stateText) = Json.RoundTrip(expectedState, EngagementJson.GetTypeInfo<MentionState>());

        Assert.Equal(new MentionResult(5, 3, 2), summary);
        Assert.Contains("\"netSentiment\":0.3", text, StringComparison.Ordinal);
        Assert.Equal(expectedState, state);
        Assert.Equal("""{"version":1,"definition":{"kind":"Mentions","scale":null,"favourableThreshold":null,"unfavourableThreshold":null,"name":null},"positive":5,"neutral":3,"negative":2}""", stateText);
        Assert.Equal(default, Json.RoundTrip(default(MentionResult), EngagementJson.GetTypeInfo<MentionResult>()).Value);
    }
}

public class ShareOfVoiceTests
{
    [Fact]
    public void Shares_AreMentionsOverAllTrackedMentions()
    {
        // acme 50 + ACME 10 (one brand, kept under the ordinally smaller spelling "ACME"), globex 30, initech 10: shares
        // 0.6, 0.3, 0.1 of 100.
        var voice = new ShareOfVoiceAccumulator();
        voice.Add("acme", 50);
        voice.Add("ACME", 10);
        voice.Add("globex", 30);
        voice.Add("initech", 10);

        var result = voice.ToResult();

        Assert.Equal(100, result.Total);
        Assert.Equal(new Proportion(60, 100), result.GetShare("Acme"));
        Assert.Equal(["ACME", "globex", "initech"], result.Shares.Select(s => s.Key));
        Assert.Equal(1.0, result.Shares.Sum(s => s.Value.Value!.Value), 12);
        Assert.Equal(new Proportion(0, 100), result.GetShare("umbrella"));
        Assert.Equal("ACME 60.00% (60/100), globex 30.00% (30/100), initech 10.00% (10/100)", result.ToString());
    }

    [Fact]
    public void Merge_OfOneBrandInTwoSpellings_IsCommutative()
    {
        // The hostile pass's reproduction: a ∪ b kept "acme" and b ∪ a kept "ACME", so the states differed.
        var ab = Voice(("acme", 1));
        ab.Merge(Voice(("ACME", 1)));
        var ba = Voice(("ACME", 1));
        ba.Merge(Voice(("acme", 1)));

        Assert.Equal(ab.GetState(), ba.GetState());
        Assert.Equal(["ACME"], ab.Mentions.Keys);
        Assert.Equal(["ACME"], ba.Mentions.Keys);
        Assert.Equal(2, ab.Mentions["acme"]);
    }

    [Fact]
    public void Merge_AddsPartitions()
    {
        var a = Voice(("acme", 3), ("globex", 1));
        var b = Voice(("acme", 1), ("initech", 5));

        a.Merge(b);

        Assert.Equal(10, a.Count);
        Assert.Equal(4, a.Mentions["acme"]);
        Assert.Equal(5, a.Mentions["initech"]);
        Assert.Equal(6, b.Count);
    }

    [Fact]
    public void Mentions_IsAReadOnlyView()
    {
        // The review's reproduction: Mentions was the live dictionary, so a cast let a caller write −5 into it.
        var voice = Voice(("acme", 3));

        Assert.False(voice.Mentions is IDictionary<string, long> { IsReadOnly: false });
        Assert.Throws<NotSupportedException>(() => ((IDictionary<string, long>)voice.Mentions)["acme"] = -5);
        Assert.Equal(3, voice.Mentions["acme"]);
    }

    [Fact]
    public void Merge_Overflow_ChangesNothing()
    {
        // The review's reproduction: Merge added brand by brand and could stop half-way.
        var full = Voice(("acme", long.MaxValue - 1), ("globex", 1));
        var more = Voice(("acme", 1), ("initech", 1));

        Assert.Throws<OverflowException>(() => full.Merge(more));

        Assert.Equal(long.MaxValue, full.Count);
        Assert.Equal(2, full.Mentions.Count);
        Assert.Equal(long.MaxValue - 1, full.Mentions["acme"]);
    }

    [Fact]
    public void Empty_HasNoShares()
    {
        var voice = new ShareOfVoiceAccumulator();
        voice.Add("acme", 0);

        Assert.Null(voice.ToResult().GetShare("acme").Value);
        Assert.False(voice.ToResult().HasValue);
        Assert.Equal("share of voice: no value (1 brands, 0 mentions)", voice.ToResult().ToString());
    }

    [Fact]
    public void BadInput_Throws()
    {
        var voice = new ShareOfVoiceAccumulator();

        Assert.Equal("brand", Assert.Throws<ArgumentException>(() => voice.Add(" ")).ParamName);
        Assert.Equal("mentions", Assert.Throws<ArgumentOutOfRangeException>(() => voice.Add("acme", -2)).ParamName);
        Assert.Throws<ArgumentNullException>(() => voice.Merge(null!));
        Assert.Equal("mentions", Assert.Throws<ArgumentException>(() => new ShareOfVoiceResult(new Dictionary<string, long> { ["acme"] = 1, ["ACME"] = 2 })).ParamName);
    }

    [Fact]
    public void State_Json_RoundTrips()
    {
        var voice = Voice(("acme", 3), ("globex", 1));

        var (value, text) = Json.RoundTrip(voice.GetState(), EngagementJson.GetTypeInfo<ShareOfVoiceState>());

        Assert.Equal("""{"version":1,"definition":{"kind":"ShareOfVoice","scale":null,"favourableThreshold":null,"unfavourableThreshold":null,"name":null},"mentions":{"acme":3,"globex":1}}""", text);
        Assert.Equal(voice.GetState(), value);
        Assert.Equal(voice.ToResult(), ShareOfVoiceAccumulator.FromState(value).ToResult());
        Assert.Equal(voice.ToResult(), Json.RoundTrip(voice.ToResult(), EngagementJson.GetTypeInfo<ShareOfVoiceResult>()).Value);
    }

    private static ShareOfVoiceAccumulator Voice(params (string Brand, long Mentions)[] mentions)
    {
        var voice = new ShareOfVoiceAccumulator();
        foreach (var (brand, count) in mentions)
        {
            voice.Add(brand, count);
        }

        return voice;
    }
}
