using System.Text.Json.Nodes;
using Engagement.Sdk.Social;
using Engagement.Sdk.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace Engagement.Sdk.Tests.Social;

public class MentionAccumulatorLaws : AccumulatorLawTests<MentionAccumulator, MentionSummary, MentionState, Sentiment>
{
    protected override Gen<Sentiment> Observation => Gen.Elements(Sentiment.Positive, Sentiment.Neutral, Sentiment.Negative);

    protected override IEnumerable<(string Json, string Field)> ImpossibleStates =>
    [
        (StateWith("positive", -1), "positive"),
        (StateWith("neutral", -5), "neutral"),
        (StateWith("negative", -1), "negative"),
    ];

    protected override MentionAccumulator CreateEmpty() => new();

    protected override void Add(MentionAccumulator accumulator, Sentiment observation) => accumulator.Add(observation);

    protected override bool HasValue(MentionSummary result) => result.NetSentiment.HasValue;
}

public class ShareOfVoiceLaws : AccumulatorLawTests<ShareOfVoice, ShareOfVoiceResult, ShareOfVoiceState, string>
{
    protected override Gen<string> Observation => Gen.Elements("acme", "globex", "initech", "umbrella");

    protected override IEnumerable<(string Json, string Field)> ImpossibleStates =>
    [
        (StateWith("mentions", new JsonObject { ["acme"] = -1 }), "mentions"),
        (StateWith("mentions", new JsonObject { ["acme"] = 1, ["ACME"] = 2 }), "mentions"),
        (StateWith("mentions", new JsonObject { [" "] = 1 }), "mentions"),
    ];

    protected override ShareOfVoice CreateEmpty() => new();

    protected override void Add(ShareOfVoice accumulator, string observation) => accumulator.Add(observation);

    protected override bool HasValue(ShareOfVoiceResult result) => result.HasValue;
}
