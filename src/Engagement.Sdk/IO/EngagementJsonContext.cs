using System.Text.Json.Serialization;
using Engagement.Sdk.Journeys;
using Engagement.Sdk.Social;
using Engagement.Sdk.Statistics;
using Engagement.Sdk.Surveys;
using Engagement.Sdk.Rates;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.IO;

/// <summary>
/// The source-generated JSON metadata of every public model, result and accumulator state of Engagement.Sdk:
/// camelCase names, enums as strings, <see langword="null"/> members left out. Use it with
/// <see cref="System.Text.Json.JsonSerializer"/> for trimming- and AOT-safe serialisation, for example
/// <c>JsonSerializer.Serialize(result, EngagementJsonContext.Default.NpsResult)</c>.
/// </summary>
/// <remarks>
/// Results serialise their derived values (score, shares, intervals) for readers, and are read back from their state
/// (counts and sums), from which the derived values are recomputed.
/// </remarks>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = false)]
[JsonSerializable(typeof(Channel))]
[JsonSerializable(typeof(ChannelKind))]
[JsonSerializable(typeof(MediaType))]
[JsonSerializable(typeof(Touchpoint))]
[JsonSerializable(typeof(JourneyStage))]
[JsonSerializable(typeof(StageModel))]
[JsonSerializable(typeof(LifecycleStage))]
[JsonSerializable(typeof(Responses.ResponseType))]
[JsonSerializable(typeof(EngagementEvent))]
[JsonSerializable(typeof(SurveyResponse))]
[JsonSerializable(typeof(SurveyKind))]
[JsonSerializable(typeof(ConfidenceInterval))]
[JsonSerializable(typeof(Proportion))]
[JsonSerializable(typeof(ProportionAccumulator))]
[JsonSerializable(typeof(NpsAccumulator))]
[JsonSerializable(typeof(NpsResult))]
[JsonSerializable(typeof(NpsComparison))]
[JsonSerializable(typeof(RatingScale))]
[JsonSerializable(typeof(RatingAccumulator))]
[JsonSerializable(typeof(RatingResult))]
[JsonSerializable(typeof(Sentiment))]
[JsonSerializable(typeof(MentionAccumulator))]
[JsonSerializable(typeof(MentionSummary))]
[JsonSerializable(typeof(ShareOfVoice))]
public sealed partial class EngagementJsonContext : JsonSerializerContext;
