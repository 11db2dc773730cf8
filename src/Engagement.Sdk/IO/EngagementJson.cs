using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Engagement.Sdk.Journeys;
using Engagement.Sdk.Rates;
using Engagement.Sdk.Social;
using Engagement.Sdk.Statistics;
using Engagement.Sdk.Surveys;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.IO;

/// <summary>
/// Strict, trimming- and AOT-safe JSON for every public model, result and accumulator state of Engagement.Sdk.
/// </summary>
/// <remarks>
/// <para>
/// Reading is strict whatever options a host reads with: a missing required member, an unknown or duplicate member, an
/// enum given as a number or a flags-style list (<c>"Nps, Csat"</c>) or an undefined name, and <c>null</c> where the
/// type allows none all fail with <see cref="JsonException"/>; so does a value the type's constructor rejects (a
/// negative count, a state no real data could produce), with the constructor's exception as the inner exception.
/// Writing uses camelCase member names, enum names, and writes <c>null</c> members.
/// </para>
/// <para>
/// Use <see cref="GetTypeInfo{T}"/> with <see cref="JsonSerializer"/> (AOT-safe), or <see cref="Options"/>, or chain
/// <see cref="TypeInfoResolver"/> into a host's own options:
/// <c>options.TypeInfoResolverChain.Insert(0, EngagementJson.TypeInfoResolver)</c>. Results serialise their derived
/// values (score, shares, intervals) for readers and are read back from their counts, from which those values are
/// recomputed. Thread-safe.
/// </para>
/// </remarks>
public static class EngagementJson
{
    private static readonly Dictionary<Type, Func<JsonSerializerOptions, JsonTypeInfo>> Factories = new()
    {
        [typeof(Channel)] = Wrap(EngagementJsonContext.Default.Channel),
        [typeof(ChannelKind)] = Wrap(EngagementJsonContext.Default.ChannelKind),
        [typeof(ChannelCatalog)] = Wrap(EngagementJsonContext.Default.ChannelCatalog),
        [typeof(MediaType)] = Wrap(EngagementJsonContext.Default.MediaType),
        [typeof(Touchpoint)] = Wrap(EngagementJsonContext.Default.Touchpoint),
        [typeof(JourneyStage)] = Wrap(EngagementJsonContext.Default.JourneyStage),
        [typeof(StageModel)] = Wrap(EngagementJsonContext.Default.StageModel),
        [typeof(LifecycleStage)] = Wrap(EngagementJsonContext.Default.LifecycleStage),
        [typeof(Responses.ResponseType)] = Wrap(EngagementJsonContext.Default.ResponseType),
        [typeof(EngagementEvent)] = Wrap(EngagementJsonContext.Default.EngagementEvent),
        [typeof(SurveyResponse)] = Wrap(EngagementJsonContext.Default.SurveyResponse),
        [typeof(SurveyKind)] = Wrap(EngagementJsonContext.Default.SurveyKind),
        [typeof(MetricKind)] = Wrap(EngagementJsonContext.Default.MetricKind),
        [typeof(MetricDefinition)] = Wrap(EngagementJsonContext.Default.MetricDefinition),
        [typeof(ConfidenceInterval)] = Wrap(EngagementJsonContext.Default.ConfidenceInterval),
        [typeof(Proportion)] = Wrap(EngagementJsonContext.Default.Proportion),
        [typeof(ProportionState)] = Wrap(EngagementJsonContext.Default.ProportionState),
        [typeof(RatingScale)] = Wrap(EngagementJsonContext.Default.RatingScale),
        [typeof(NpsState)] = Wrap(EngagementJsonContext.Default.NpsState),
        [typeof(NpsResult)] = Wrap(EngagementJsonContext.Default.NpsResult),
        [typeof(NpsComparison)] = Wrap(EngagementJsonContext.Default.NpsComparison),
        [typeof(RatingState)] = Wrap(EngagementJsonContext.Default.RatingState),
        [typeof(RatingResult)] = Wrap(EngagementJsonContext.Default.RatingResult),
        [typeof(Sentiment)] = Wrap(EngagementJsonContext.Default.Sentiment),
        [typeof(MentionState)] = Wrap(EngagementJsonContext.Default.MentionState),
        [typeof(MentionSummary)] = Wrap(EngagementJsonContext.Default.MentionSummary),
        [typeof(ShareOfVoiceState)] = Wrap(EngagementJsonContext.Default.ShareOfVoiceState),
        [typeof(ShareOfVoiceResult)] = Wrap(EngagementJsonContext.Default.ShareOfVoiceResult),
    };

    /// <summary>Gets the resolver of the library's strict metadata, to chain into a host's own options.</summary>
    public static IJsonTypeInfoResolver TypeInfoResolver { get; } = new Resolver();

    /// <summary>Gets read-only options that use <see cref="TypeInfoResolver"/> alone.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Gets the strict metadata of one of the library's public types, for AOT-safe serialisation:
    /// <c>JsonSerializer.Serialize(state, EngagementJson.GetTypeInfo&lt;NpsState&gt;())</c>.</summary>
    /// <typeparam name="T">A public model, result or state type of the library.</typeparam>
    /// <returns>The metadata, bound to <see cref="Options"/>.</returns>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not a type the library serialises.</exception>
    public static JsonTypeInfo<T> GetTypeInfo<T>() =>
        Options.TryGetTypeInfo(typeof(T), out var info) && info is JsonTypeInfo<T> typed
            ? typed
            : throw new NotSupportedException($"{typeof(T).Name} is not a type Engagement.Sdk serialises.");

    private static Func<JsonSerializerOptions, JsonTypeInfo> Wrap<T>(JsonTypeInfo<T> strict) =>
        options => JsonMetadataServices.CreateValueInfo<T>(options, new ValidatingConverter<T>(strict));

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions { TypeInfoResolver = TypeInfoResolver };
        options.MakeReadOnly();
        return options;
    }

    private sealed class Resolver : IJsonTypeInfoResolver
    {
        public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options) =>
            Factories.TryGetValue(type, out var create) ? create(options) : null;
    }
}
