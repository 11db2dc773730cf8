using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Engagement.Sdk.IO;
using Engagement.Sdk.Journeys;
using Engagement.Sdk.Responses;
using Engagement.Sdk.Statistics;
using Engagement.Sdk.Surveys;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.AotSmoke;

/// <summary>The models and small values through JSON, with the library's metadata alone and chained into a host's
/// options.</summary>
internal static class ModelChecks
{
    public static void Run(SmokeCheck check)
    {
        var at = new DateTimeOffset(2026, 11, 2, 9, 30, 0, TimeSpan.FromHours(1));
        var partnerPortal = new Channel("partner-portal", MediaType.Owned, ChannelKind.Web);

        check.RoundTrip("a built-in channel", Channels.PaidSearch);
        check.RoundTrip("a host's channel", partnerPortal);
        check.RoundTrip("the unspecified channel", Channel.Unspecified);
        check.RoundTrip("a touchpoint", new Touchpoint(Channels.Email, JourneyStage.Consideration, "welcome-series"));
        check.RoundTrip("a custom journey stage", new JourneyStage("onboarding"));
        check.RoundTrip("the default stage model", StageModel.Default, (a, b) => a.Stages.SequenceEqual(b.Stages));
        check.RoundTrip("a channel catalog", ChannelCatalog.Default.With(partnerPortal), (a, b) => a.Channels.SequenceEqual(b.Channels));
        check.RoundTrip("a lifecycle stage", LifecycleStage.Retention);
        check.RoundTrip("a response type", ResponseType.Proactive);

        check.RoundTrip("a survey response", new SurveyResponse("customer-1", at, SurveyKind.Nps, 9, Channels.Email));
        check.RoundTrip("a survey response without a channel", new SurveyResponse("customer-2", at, SurveyKind.Ces, 3));
        var purchase = new EngagementEvent(
            "event-1", "customer-1", at, "purchase", Channels.MobileApp, JourneyStage.Decision, 129.90m, "EUR",
            new Dictionary<string, string>(StringComparer.Ordinal) { ["sku"] = "A-100", ["coupon"] = "WELCOME" });
        check.RoundTrip("an engagement event", purchase);
        check.RoundTrip("an engagement event with only the required fields",
            new EngagementEvent("event-2", "customer-2", at, "page_view", Channels.Website));

        check.RoundTrip("a CSAT definition", MetricDefinition.Csat(minScore: 1, maxScore: 10, satisfiedThreshold: 8));
        check.RoundTrip("a rating scale", new RatingScale(0, 10));
        check.RoundTrip("a confidence interval", new ConfidenceInterval(0.25, 0.75, 0.9));
        check.RoundTrip("a proportion", new Proportion(7, 20));
        check.RoundTrip("an empty NPS result", default(NpsResult));

        // A host that chains the library's resolver into its own options gets the same strict metadata.
        var hostOptions = new JsonSerializerOptions { TypeInfoResolver = JsonTypeInfoResolver.Combine(EngagementJson.TypeInfoResolver) };
        var ok = hostOptions.TryGetTypeInfo(typeof(SurveyResponse), out var info) && info is JsonTypeInfo<SurveyResponse>;
        var response = new SurveyResponse("customer-3", at, SurveyKind.Csat, 4, partnerPortal);
        var copy = ok ? JsonSerializer.Deserialize(JsonSerializer.Serialize(response, (JsonTypeInfo<SurveyResponse>)info!), (JsonTypeInfo<SurveyResponse>)info!) : null;
        check.That(response.Equals(copy), "a survey response round-trips through a host's options chaining EngagementJson.TypeInfoResolver",
            $"type info {info}, read back {copy}");
    }
}
