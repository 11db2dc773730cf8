using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

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
/// Arrays and <see cref="List{T}"/>s of these types are covered too. Use <see cref="GetTypeInfo{T}"/> with
/// <see cref="JsonSerializer"/> (AOT-safe), or <see cref="Options"/>, or chain
/// <see cref="TypeInfoResolver"/> into a host's own options:
/// <c>options.TypeInfoResolverChain.Insert(0, EngagementJson.TypeInfoResolver)</c>. Results serialise their derived
/// values (score, shares, intervals) for readers and are read back from their counts, from which those values are
/// recomputed. Thread-safe.
/// </para>
/// </remarks>
public static class EngagementJson
{
    private static readonly Dictionary<Type, Func<JsonSerializerOptions, JsonTypeInfo>> Factories = Build(
        // Value: model (each line below a marker ends with a comma; the list ends after the pain points)
        Wrap(EngagementJsonContext.Default.TimeUnit),
        Wrap(EngagementJsonContext.Default.Transaction),
        Wrap(EngagementJsonContext.Default.CustomerSummary),
        Wrap(EngagementJsonContext.Default.CustomerSummaries),

        // Value: summaries and rates
        Wrap(EngagementJsonContext.Default.CustomerSummaryDefinition),
        Wrap(EngagementJsonContext.Default.CustomerSummaryReport),
        Wrap(EngagementJsonContext.Default.PurchaseRateDefinition),
        Wrap(EngagementJsonContext.Default.PurchaseRateResult),

        // Value: RFM, value tiers and lifecycle stages
        Wrap(EngagementJsonContext.Default.RfmSegment),
        Wrap(EngagementJsonContext.Default.RfmScore),
        Wrap(EngagementJsonContext.Default.RfmSegmentRule),
        Wrap(EngagementJsonContext.Default.RfmSegmentMap),
        Wrap(EngagementJsonContext.Default.RfmCuts),
        Wrap(EngagementJsonContext.Default.RfmResult),
        Wrap(EngagementJsonContext.Default.ValueTier),
        Wrap(EngagementJsonContext.Default.ValueTierDefinition),
        Wrap(EngagementJsonContext.Default.ValueTierResult),
        Wrap(EngagementJsonContext.Default.LifecycleStageRules),
        Wrap(EngagementJsonContext.Default.LifecycleStageResult),

        // Value: model fitting, BG/NBD and Pareto/NBD
        Wrap(EngagementJsonContext.Default.ModelFitOptions),
        Wrap(EngagementJsonContext.Default.FitStatus),
        Wrap(EngagementJsonContext.Default.ParameterEstimate),
        Wrap(EngagementJsonContext.Default.FitDiagnostics),
        Wrap(EngagementJsonContext.Default.BgNbdModel),
        Wrap(EngagementJsonContext.Default.BgNbdFit),
        Wrap(EngagementJsonContext.Default.ParetoNbdModel),
        Wrap(EngagementJsonContext.Default.ParetoNbdFit),

        // Value: Gamma-Gamma, BG/BB, sBG and CLV
        Wrap(EngagementJsonContext.Default.GammaGammaModel),
        Wrap(EngagementJsonContext.Default.GammaGammaFit),
        Wrap(EngagementJsonContext.Default.DiscreteHistory),
        Wrap(EngagementJsonContext.Default.BgBbModel),
        Wrap(EngagementJsonContext.Default.BgBbFit),
        Wrap(EngagementJsonContext.Default.ShiftedBetaGeometricModel),
        Wrap(EngagementJsonContext.Default.ShiftedBetaGeometricFit),
        Wrap(EngagementJsonContext.Default.ClvOptions),

        // Attribution: model
        Wrap(EngagementJsonContext.Default.AttributionTouch),
        Wrap(EngagementJsonContext.Default.ChannelCredit),
        Wrap(EngagementJsonContext.Default.AttributionResult),

        // Attribution: heuristics, catalogue and paths
        Wrap(EngagementJsonContext.Default.AggregatedPath),
        Wrap(EngagementJsonContext.Default.ConversionPath),
        Wrap(EngagementJsonContext.Default.ConversionPaths),
        Wrap(EngagementJsonContext.Default.LinearCredit),
        Wrap(EngagementJsonContext.Default.FirstTouchModel),
        Wrap(EngagementJsonContext.Default.LastTouchModel),
        Wrap(EngagementJsonContext.Default.LastNonDirectModel),
        Wrap(EngagementJsonContext.Default.LinearModel),
        Wrap(EngagementJsonContext.Default.TimeDecayModel),
        Wrap(EngagementJsonContext.Default.PositionBasedModel),

        // Attribution: markov
        Wrap(EngagementJsonContext.Default.MarkovModel),
        Wrap(EngagementJsonContext.Default.MarkovTransition),
        Wrap(EngagementJsonContext.Default.RemovalEffect),
        Wrap(EngagementJsonContext.Default.MarkovChainResult),

        // Attribution: shapley and bootstrap
        Wrap(EngagementJsonContext.Default.ShapleyModel),
        Wrap(EngagementJsonContext.Default.ShapleyValue),
        Wrap(EngagementJsonContext.Default.ShapleyResult),
        Wrap(EngagementJsonContext.Default.ChannelInterval),
        Wrap(EngagementJsonContext.Default.AttributionIntervals),

        // Attribution: event log
        Wrap(EngagementJsonContext.Default.ConversionPathDefinition),

        // Responses: model
        Wrap(EngagementJsonContext.Default.InquiryStatus),
        Wrap(EngagementJsonContext.Default.InquiryPriority),
        Wrap(EngagementJsonContext.Default.MessageAuthor),
        Wrap(EngagementJsonContext.Default.InquiryInitiator),
        Wrap(EngagementJsonContext.Default.TimeBasis),
        Wrap(EngagementJsonContext.Default.InquiryMessage),
        Wrap(EngagementJsonContext.Default.InquiryStatusChange),
        Wrap(EngagementJsonContext.Default.Inquiry),

        // Responses: calendar
        Wrap(EngagementJsonContext.Default.BusinessHours),
        Wrap(EngagementJsonContext.Default.BusinessCalendar),

        // Responses: quantile sketch
        Wrap(EngagementJsonContext.Default.QuantileSketchState),
        Wrap(EngagementJsonContext.Default.QuantileSummary),

        // Responses: response times and rates
        Wrap(EngagementJsonContext.Default.ResponseTimeMetric),
        Wrap(EngagementJsonContext.Default.ResponseTimeDefinition),
        Wrap(EngagementJsonContext.Default.DurationDistribution),
        Wrap(EngagementJsonContext.Default.ResponseTimeSummary),
        Wrap(EngagementJsonContext.Default.ResponseTimeResult),
        Wrap(EngagementJsonContext.Default.ResponseTimeState),
        Wrap(EngagementJsonContext.Default.ResponseRateSummary),
        Wrap(EngagementJsonContext.Default.ResponseRateResult),
        Wrap(EngagementJsonContext.Default.ResponseRateState),

        // Responses: SLA
        Wrap(EngagementJsonContext.Default.SlaMetric),
        Wrap(EngagementJsonContext.Default.SlaStatus),
        Wrap(EngagementJsonContext.Default.SlaTarget),
        Wrap(EngagementJsonContext.Default.SlaPolicyRule),
        Wrap(EngagementJsonContext.Default.SlaPolicy),
        Wrap(EngagementJsonContext.Default.SlaEvaluation),
        Wrap(EngagementJsonContext.Default.SlaDefinition),
        Wrap(EngagementJsonContext.Default.SlaCounts),
        Wrap(EngagementJsonContext.Default.SlaGroup),
        Wrap(EngagementJsonContext.Default.SlaQueueEntry),
        Wrap(EngagementJsonContext.Default.SlaState),
        Wrap(EngagementJsonContext.Default.SlaResult),

        // Responses: rules and planner
        Wrap(EngagementJsonContext.Default.ResponseTemplate),
        Wrap(EngagementJsonContext.Default.FrequencyCap),
        Wrap(EngagementJsonContext.Default.ResponseTriggerKind),
        Wrap(EngagementJsonContext.Default.ResponseTrigger),
        Wrap(EngagementJsonContext.Default.ResponseAction),
        Wrap(EngagementJsonContext.Default.ResponseRule),
        Wrap(EngagementJsonContext.Default.PlannedResponse),
        Wrap(EngagementJsonContext.Default.ResponseRuleStatistics),

        // Foundation and journeys
        Wrap(EngagementJsonContext.Default.Channel),
        Wrap(EngagementJsonContext.Default.ChannelKind),
        Wrap(EngagementJsonContext.Default.ChannelCatalog),
        Wrap(EngagementJsonContext.Default.MediaType),
        Wrap(EngagementJsonContext.Default.Touchpoint),
        Wrap(EngagementJsonContext.Default.JourneyStage),
        Wrap(EngagementJsonContext.Default.StageModel),
        Wrap(EngagementJsonContext.Default.LifecycleStage),
        Wrap(EngagementJsonContext.Default.ResponseType),
        Wrap(EngagementJsonContext.Default.EngagementEvent),
        Wrap(EngagementJsonContext.Default.SurveyResponse),
        Wrap(EngagementJsonContext.Default.SurveyKind),
        Wrap(EngagementJsonContext.Default.MetricKind),
        Wrap(EngagementJsonContext.Default.MetricDefinition),
        Wrap(EngagementJsonContext.Default.ConfidenceInterval),
        Wrap(EngagementJsonContext.Default.Proportion),
        Wrap(EngagementJsonContext.Default.ProportionState),
        Wrap(EngagementJsonContext.Default.RatingScale),
        Wrap(EngagementJsonContext.Default.NpsState),
        Wrap(EngagementJsonContext.Default.NpsResult),
        Wrap(EngagementJsonContext.Default.NpsComparison),
        Wrap(EngagementJsonContext.Default.NpsIntervalMethod),
        Wrap(EngagementJsonContext.Default.RatingState),
        Wrap(EngagementJsonContext.Default.RatingResult),
        Wrap(EngagementJsonContext.Default.Sentiment),
        Wrap(EngagementJsonContext.Default.MentionState),
        Wrap(EngagementJsonContext.Default.MentionResult),
        Wrap(EngagementJsonContext.Default.ShareOfVoiceState),
        Wrap(EngagementJsonContext.Default.ShareOfVoiceResult),

        // Journeys: cohorts and lifecycle
        Wrap(EngagementJsonContext.Default.CalendarPeriod),
        Wrap(EngagementJsonContext.Default.RetentionCohortType),
        Wrap(EngagementJsonContext.Default.RetentionDefinition),
        Wrap(EngagementJsonContext.Default.RetentionCohort),
        Wrap(EngagementJsonContext.Default.RetentionResult),
        Wrap(EngagementJsonContext.Default.RetentionState),
        Wrap(EngagementJsonContext.Default.LifecycleStatus),
        Wrap(EngagementJsonContext.Default.LifecycleDefinition),
        Wrap(EngagementJsonContext.Default.LifecyclePeriod),
        Wrap(EngagementJsonContext.Default.LifecycleResult),
        Wrap(EngagementJsonContext.Default.LifecycleState),

        // Journeys: stages, maps and paths (CalendarPeriod comes with cohorts and lifecycle)
        Wrap(EngagementJsonContext.Default.StageRule),
        Wrap(EngagementJsonContext.Default.StageRules),
        Wrap(EngagementJsonContext.Default.StageDefinition),
        Wrap(EngagementJsonContext.Default.StageStatistics),
        Wrap(EngagementJsonContext.Default.StagePeriodCounts),
        Wrap(EngagementJsonContext.Default.StageState),
        Wrap(EngagementJsonContext.Default.StageResult),
        Wrap(EngagementJsonContext.Default.PathNodeKind),
        Wrap(EngagementJsonContext.Default.PathDefinition),
        Wrap(EngagementJsonContext.Default.PathTransition),
        Wrap(EngagementJsonContext.Default.PathCount),
        Wrap(EngagementJsonContext.Default.PathState),
        Wrap(EngagementJsonContext.Default.PathResult),
        Wrap(EngagementJsonContext.Default.SankeyNode),
        Wrap(EngagementJsonContext.Default.SankeyLink),
        Wrap(EngagementJsonContext.Default.PathSankey),
        Wrap(EngagementJsonContext.Default.JourneyMapPainPoint),
        Wrap(EngagementJsonContext.Default.JourneyMap),

        // Journeys: funnels
        Wrap(EngagementJsonContext.Default.FunnelMode),
        Wrap(EngagementJsonContext.Default.FunnelBreakdown),
        Wrap(EngagementJsonContext.Default.FunnelStep),
        Wrap(EngagementJsonContext.Default.FunnelExclusion),
        Wrap(EngagementJsonContext.Default.FunnelDefinition),
        Wrap(EngagementJsonContext.Default.FunnelSegment),
        Wrap(EngagementJsonContext.Default.FunnelState),
        Wrap(EngagementJsonContext.Default.FunnelStepResult),
        Wrap(EngagementJsonContext.Default.FunnelResult),

        // Journeys: sessions
        Wrap(EngagementJsonContext.Default.SessionDefinition),
        Wrap(EngagementJsonContext.Default.SessionState),
        Wrap(EngagementJsonContext.Default.SessionResult),

        // Journeys: pain points
        Wrap(EngagementJsonContext.Default.PainPointResult),
        Wrap(EngagementJsonContext.Default.CartAbandonmentDefinition),
        Wrap(EngagementJsonContext.Default.PainPointDefinition),
        Wrap(EngagementJsonContext.Default.ErrorExitDefinition),
        Wrap(EngagementJsonContext.Default.PainPointState));

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

    /// <summary>The metadata of a type, and of arrays and lists of it, whose elements are read strictly.</summary>
    private static IEnumerable<(Type Type, Func<JsonSerializerOptions, JsonTypeInfo> Create)> Wrap<T>(JsonTypeInfo<T> generated)
    {
        _ = generated;
        yield return (typeof(T), options => JsonMetadataServices.CreateValueInfo<T>(
            options, new ValidatingConverter<T>((JsonTypeInfo<T>)StrictOptions.Value.GetTypeInfo(typeof(T)))));
        yield return (typeof(T[]), options => JsonMetadataServices.CreateArrayInfo(options, new JsonCollectionInfoValues<T[]>()));
        yield return (typeof(List<T>), options => JsonMetadataServices.CreateListInfo<List<T>, T>(
            options, new JsonCollectionInfoValues<List<T>> { ObjectCreator = static () => [] }));
    }

    private static Dictionary<Type, Func<JsonSerializerOptions, JsonTypeInfo>> Build(
        params IEnumerable<(Type Type, Func<JsonSerializerOptions, JsonTypeInfo> Create)>[] types) =>
        types.SelectMany(entries => entries).ToDictionary(entry => entry.Type, entry => entry.Create);

    /// <summary>The generated metadata with one addition: derived members, which are written for readers and not read
    /// into the object, must agree with what the object computes from its counts, or reading fails.</summary>
    private static readonly Lazy<JsonSerializerOptions> StrictOptions = new(() =>
    {
        var options = new JsonSerializerOptions(EngagementJsonContext.Default.Options)
        {
            TypeInfoResolver = EngagementJsonContext.Default.WithAddedModifier(CheckDerivedMembers),
        };
        options.MakeReadOnly();
        return options;
    });

    private static void CheckDerivedMembers(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (var property in info.Properties)
        {
            if (property.Set is null && property.AssociatedParameter is null && property.Get is { } get)
            {
                var name = property.Name;
                var type = property.PropertyType;
                var options = info.Options;
                property.Set = (target, value) =>
                {
                    var expected = JsonSerializer.SerializeToNode(get(target), options.GetTypeInfo(type));
                    var given = JsonSerializer.SerializeToNode(value, options.GetTypeInfo(type));
                    if (!DerivedMembers.Agree(expected, given))
                    {
                        throw new JsonException(
                            $"The derived member '{name}' is {Validation.Echo(given?.ToJsonString() ?? "null")}, but the {info.Type.Name} read gives {Validation.Echo(expected?.ToJsonString() ?? "null")}.");
                    }
                };
            }
        }
    }

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
