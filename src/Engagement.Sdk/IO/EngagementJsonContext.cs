using System.Text.Json.Serialization;
using Engagement.Sdk.Journeys;
using Engagement.Sdk.Rates;
using Engagement.Sdk.Responses;
using Engagement.Sdk.Social;
using Engagement.Sdk.Statistics;
using Engagement.Sdk.Surveys;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.IO;

/// <summary>
/// The source-generated, strict JSON metadata of every public model, result and state: camelCase names, enums as the
/// names of defined values, nulls written, every constructor parameter without a default required, unknown and
/// duplicate members rejected, and <see langword="null"/> refused where the type does not allow it. Internal: hosts
/// use <see cref="EngagementJson"/>, which adds the wrapping of validation errors.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    AllowDuplicateProperties = false,
    WriteIndented = false,
    Converters = [typeof(StrictDateTimeOffsetConverter)])]
[JsonSerializable(typeof(Channel))]
[JsonSerializable(typeof(ChannelKind))]
[JsonSerializable(typeof(ChannelCatalog))]
[JsonSerializable(typeof(MediaType))]
[JsonSerializable(typeof(Touchpoint))]
[JsonSerializable(typeof(JourneyStage))]
[JsonSerializable(typeof(StageModel))]
[JsonSerializable(typeof(LifecycleStage))]
[JsonSerializable(typeof(Responses.ResponseType))]
[JsonSerializable(typeof(EngagementEvent))]
[JsonSerializable(typeof(SurveyResponse))]
[JsonSerializable(typeof(SurveyKind))]
[JsonSerializable(typeof(MetricKind))]
[JsonSerializable(typeof(MetricDefinition))]
[JsonSerializable(typeof(ConfidenceInterval))]
[JsonSerializable(typeof(Proportion))]
[JsonSerializable(typeof(ProportionState))]
[JsonSerializable(typeof(RatingScale))]
[JsonSerializable(typeof(NpsState))]
[JsonSerializable(typeof(NpsResult))]
[JsonSerializable(typeof(NpsComparison))]
[JsonSerializable(typeof(NpsIntervalMethod))]
[JsonSerializable(typeof(RatingState))]
[JsonSerializable(typeof(RatingResult))]
[JsonSerializable(typeof(Sentiment))]
[JsonSerializable(typeof(MentionState))]
[JsonSerializable(typeof(MentionResult))]
[JsonSerializable(typeof(ShareOfVoiceState))]
[JsonSerializable(typeof(ShareOfVoiceResult))]

// Journeys: event log

// Journeys: sessions
[JsonSerializable(typeof(SessionDefinition))]
[JsonSerializable(typeof(SessionState))]
[JsonSerializable(typeof(SessionResult))]

// Journeys: funnels
[JsonSerializable(typeof(FunnelMode))]
[JsonSerializable(typeof(FunnelBreakdown))]
[JsonSerializable(typeof(FunnelStep))]
[JsonSerializable(typeof(FunnelExclusion))]
[JsonSerializable(typeof(FunnelDefinition))]
[JsonSerializable(typeof(FunnelSegment))]
[JsonSerializable(typeof(FunnelState))]
[JsonSerializable(typeof(FunnelStepResult))]
[JsonSerializable(typeof(FunnelResult))]

// Journeys: cohorts and lifecycle
[JsonSerializable(typeof(CalendarPeriod))]
[JsonSerializable(typeof(RetentionCohortType))]
[JsonSerializable(typeof(RetentionDefinition))]
[JsonSerializable(typeof(RetentionCohort))]
[JsonSerializable(typeof(RetentionResult))]
[JsonSerializable(typeof(RetentionState))]
[JsonSerializable(typeof(LifecycleStatus))]
[JsonSerializable(typeof(LifecycleDefinition))]
[JsonSerializable(typeof(LifecyclePeriod))]
[JsonSerializable(typeof(LifecycleResult))]
[JsonSerializable(typeof(LifecycleState))]

// Journeys: stages, maps, paths and pain points
[JsonSerializable(typeof(StageRule))]
[JsonSerializable(typeof(StageRules))]
[JsonSerializable(typeof(StageDefinition))]
[JsonSerializable(typeof(StageStatistics))]
[JsonSerializable(typeof(StagePeriodCounts))]
[JsonSerializable(typeof(StageState))]
[JsonSerializable(typeof(StageResult))]
[JsonSerializable(typeof(PathNodeKind))]
[JsonSerializable(typeof(PathDefinition))]
[JsonSerializable(typeof(PathTransition))]
[JsonSerializable(typeof(PathCount))]
[JsonSerializable(typeof(PathState))]
[JsonSerializable(typeof(PathResult))]
[JsonSerializable(typeof(SankeyNode))]
[JsonSerializable(typeof(SankeyLink))]
[JsonSerializable(typeof(PathSankey))]
[JsonSerializable(typeof(JourneyMapPainPoint))]
[JsonSerializable(typeof(JourneyMap))]
[JsonSerializable(typeof(PainPointResult))]
[JsonSerializable(typeof(CartAbandonmentDefinition))]
[JsonSerializable(typeof(PainPointDefinition))]
[JsonSerializable(typeof(ErrorExitDefinition))]
[JsonSerializable(typeof(PainPointState))]

// Value: model
[JsonSerializable(typeof(Value.TimeUnit))]
[JsonSerializable(typeof(Value.Transaction))]
[JsonSerializable(typeof(Value.CustomerSummary))]
[JsonSerializable(typeof(Value.CustomerSummaries))]
// Value: summaries and rates
[JsonSerializable(typeof(Value.CustomerSummaryDefinition))]
[JsonSerializable(typeof(Value.CustomerSummaryReport))]
[JsonSerializable(typeof(Value.PurchaseRateDefinition))]
[JsonSerializable(typeof(Value.PurchaseRateResult))]
// Value: RFM, value tiers and lifecycle stages
[JsonSerializable(typeof(Value.RfmSegment))]
[JsonSerializable(typeof(Value.RfmScore))]
[JsonSerializable(typeof(Value.RfmSegmentRule))]
[JsonSerializable(typeof(Value.RfmSegmentMap))]
[JsonSerializable(typeof(Value.RfmCuts))]
[JsonSerializable(typeof(Value.RfmResult))]
[JsonSerializable(typeof(Value.ValueTier))]
[JsonSerializable(typeof(Value.ValueTierDefinition))]
[JsonSerializable(typeof(Value.ValueTierResult))]
[JsonSerializable(typeof(Value.LifecycleStageRules))]
[JsonSerializable(typeof(Value.LifecycleStageResult))]
// Value: model fitting, BG/NBD and Pareto/NBD
[JsonSerializable(typeof(Value.ModelFitOptions))]
[JsonSerializable(typeof(Value.FitStatus))]
[JsonSerializable(typeof(Value.ParameterEstimate))]
[JsonSerializable(typeof(Value.FitDiagnostics))]
[JsonSerializable(typeof(Value.BgNbdModel))]
[JsonSerializable(typeof(Value.BgNbdFit))]
[JsonSerializable(typeof(Value.ParetoNbdModel))]
[JsonSerializable(typeof(Value.ParetoNbdFit))]
// Value: Gamma-Gamma, BG/BB, sBG and CLV
[JsonSerializable(typeof(Value.GammaGammaModel))]
[JsonSerializable(typeof(Value.GammaGammaFit))]
[JsonSerializable(typeof(Value.DiscreteHistory))]
[JsonSerializable(typeof(Value.BgBbModel))]
[JsonSerializable(typeof(Value.BgBbFit))]
[JsonSerializable(typeof(Value.ShiftedBetaGeometricModel))]
[JsonSerializable(typeof(Value.ShiftedBetaGeometricFit))]
[JsonSerializable(typeof(Value.ClvOptions))]
// Attribution: model
[JsonSerializable(typeof(Attribution.AttributionTouch))]
[JsonSerializable(typeof(Attribution.ChannelCredit))]
[JsonSerializable(typeof(Attribution.AttributionResult))]

// Attribution: heuristics, catalogue and paths
[JsonSerializable(typeof(Attribution.AggregatedPath))]
[JsonSerializable(typeof(Attribution.ConversionPath))]
[JsonSerializable(typeof(Attribution.ConversionPaths))]
[JsonSerializable(typeof(Attribution.LinearCredit))]
[JsonSerializable(typeof(Attribution.FirstTouchModel))]
[JsonSerializable(typeof(Attribution.LastTouchModel))]
[JsonSerializable(typeof(Attribution.LastNonDirectModel))]
[JsonSerializable(typeof(Attribution.LinearModel))]
[JsonSerializable(typeof(Attribution.TimeDecayModel))]
[JsonSerializable(typeof(Attribution.PositionBasedModel))]

// Attribution: markov
[JsonSerializable(typeof(Attribution.MarkovModel))]
[JsonSerializable(typeof(Attribution.MarkovTransition))]
[JsonSerializable(typeof(Attribution.RemovalEffect))]
[JsonSerializable(typeof(Attribution.MarkovChainResult))]

// Attribution: shapley and bootstrap
[JsonSerializable(typeof(Attribution.ShapleyModel))]
[JsonSerializable(typeof(Attribution.ShapleyValue))]
[JsonSerializable(typeof(Attribution.ShapleyResult))]
[JsonSerializable(typeof(Attribution.ChannelInterval))]
[JsonSerializable(typeof(Attribution.AttributionIntervals))]

// Attribution: event log
[JsonSerializable(typeof(Attribution.ConversionPathDefinition))]

// Responses: model
[JsonSerializable(typeof(InquiryStatus))]
[JsonSerializable(typeof(InquiryPriority))]
[JsonSerializable(typeof(MessageAuthor))]
[JsonSerializable(typeof(InquiryInitiator))]
[JsonSerializable(typeof(TimeBasis))]
[JsonSerializable(typeof(InquiryMessage))]
[JsonSerializable(typeof(InquiryStatusChange))]
[JsonSerializable(typeof(Inquiry))]
// Responses: calendar
[JsonSerializable(typeof(Responses.BusinessHours))]
[JsonSerializable(typeof(Responses.BusinessCalendar))]
// Responses: quantile sketch
[JsonSerializable(typeof(QuantileSketchState))]
[JsonSerializable(typeof(QuantileSummary))]
// Responses: response times and rates
[JsonSerializable(typeof(Responses.ResponseTimeMetric))]
[JsonSerializable(typeof(Responses.ResponseTimeDefinition))]
[JsonSerializable(typeof(Responses.DurationDistribution))]
[JsonSerializable(typeof(Responses.ResponseTimeSummary))]
[JsonSerializable(typeof(Responses.ResponseTimeResult))]
[JsonSerializable(typeof(Responses.ResponseTimeState))]
[JsonSerializable(typeof(Responses.ResponseRateSummary))]
[JsonSerializable(typeof(Responses.ResponseRateResult))]
[JsonSerializable(typeof(Responses.ResponseRateState))]
// Responses: SLA
[JsonSerializable(typeof(Responses.SlaMetric))]
[JsonSerializable(typeof(Responses.SlaStatus))]
[JsonSerializable(typeof(Responses.SlaTarget))]
[JsonSerializable(typeof(Responses.SlaPolicyRule))]
[JsonSerializable(typeof(Responses.SlaPolicy))]
[JsonSerializable(typeof(Responses.SlaEvaluation))]
[JsonSerializable(typeof(Responses.SlaDefinition))]
[JsonSerializable(typeof(Responses.SlaCounts))]
[JsonSerializable(typeof(Responses.SlaGroup))]
[JsonSerializable(typeof(Responses.SlaQueueEntry))]
[JsonSerializable(typeof(Responses.SlaState))]
[JsonSerializable(typeof(Responses.SlaResult))]
// Responses: rules and planner
[JsonSerializable(typeof(Responses.ResponseTemplate))]
[JsonSerializable(typeof(Responses.FrequencyCap))]
[JsonSerializable(typeof(Responses.ResponseTriggerKind))]
[JsonSerializable(typeof(Responses.ResponseTrigger))]
[JsonSerializable(typeof(Responses.ResponseAction))]
[JsonSerializable(typeof(Responses.ResponseRule))]
[JsonSerializable(typeof(Responses.PlannedResponse))]
[JsonSerializable(typeof(Responses.ResponseRuleStatistics))]

internal sealed partial class EngagementJsonContext : JsonSerializerContext;
