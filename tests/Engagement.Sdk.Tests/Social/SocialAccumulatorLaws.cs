using System.Text.Json.Nodes;
using Engagement.Sdk.Social;
using Engagement.Sdk.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace Engagement.Sdk.Tests.Social;

public class MentionAccumulatorLaws : AccumulatorLawTests<MentionAccumulator, MentionResult, MentionState, Sentiment>
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

    protected override bool HasValue(MentionResult result) => result.NetSentiment.HasValue;
}

public class ShareOfVoiceLaws : AccumulatorLawTests<ShareOfVoiceAccumulator, ShareOfVoiceResult, ShareOfVoiceState, string>
{
    // Several spellings of one brand, so that the order law also covers which spelling a brand is kept under.
    protected override Gen<string> Observation => Gen.Elements("acme", "ACME", "Acme", "globex", "GloBex", "initech", "umbrella");

    protected override IEnumerable<(string Json, string Field)> ImpossibleStates =>
    [
        (StateWith("mentions", new JsonObject { ["acme"] = -1 }), "mentions"),
        (StateWith("mentions", new JsonObject { ["acme"] = 1, ["ACME"] = 2 }), "mentions"),
        (StateWith("mentions", new JsonObject { [" "] = 1 }), "mentions"),
    ];

    protected override ShareOfVoiceAccumulator CreateEmpty() => new();

    protected override void Add(ShareOfVoiceAccumulator accumulator, string observation) => accumulator.Add(observation);

    protected override bool HasValue(ShareOfVoiceResult result) => result.HasValue;
}
